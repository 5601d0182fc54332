/**
 * The scorecard's SQL on a real PostgreSQL (started here) where it differs from DuckDB: a boolean
 * column read as a number. DuckDB casts a boolean to 1/0 itself, PostgreSQL refuses, so the
 * query spells the CASE out (issue 23: only this engine tells the two apart). Values are worked
 * by hand and checked against scoreColumns.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { scoreColumns } from '../../src/scorecard/index.js';
import { compileScorecardSql, withPostgres } from '../../src/warehouse/index.js';
import { band, signal, tinyCard } from '../scorecard/helpers.js';
import { startPostgres } from '../support/postgres.js';
let cluster;
before(async () => {
    cluster = await startPostgres();
});
after(() => cluster?.stop());
test('a boolean signal scored by its bands and compared with a number, on PostgreSQL', async () => {
    const card = tinyCard((j) => {
        j.layers = [
            {
                name: 'l',
                weight: 1,
                signals: [
                    { ...signal('zero_usage_14d', 0.5, band({ lt: 0.5 }, 100, 0)), direction: 'higher_is_riskier' },
                    signal('usage_trend_14d', 0.5, band({ lt: 0 }, 20, 100)),
                ],
            },
        ];
        j.overrides = [
            { id: 'zero', when: { signal: 'zero_usage_14d', op: '>=', value: 1 }, action: 'flag', flag: 'review' },
            { id: 'renewal_set', when: { signal: 'days_to_renewal', op: '=', value: true }, action: 'flag', flag: 'review' },
        ];
    });
    const rows = [
        [false, 0.5, 0],
        [true, -0.5, 12],
        [null, 0.5, null],
    ];
    const url = await cluster.createSchema('scoring');
    const got = await withPostgres(url, async (client) => {
        await client.query('CREATE TABLE features (account_id TEXT, as_of DATE, zero_usage_14d BOOLEAN, usage_trend_14d DOUBLE PRECISION, days_to_renewal DOUBLE PRECISION)');
        for (const [i, r] of rows.entries())
            await client.query('INSERT INTO features VALUES ($1, CAST($2 AS DATE), $3, $4, $5)', [
                `A${i}`,
                '2024-07-01',
                ...r,
            ]);
        const sql = compileScorecardSql(card, { dialect: 'postgres' });
        return (await client.query(`SELECT * FROM (${sql}) AS s ORDER BY account_id`)).rows;
    });
    // by hand: false -> 100 and 0.5 -> 100; true -> 0 and -0.5 -> 20, mean 10; missing -> usage's 100
    assert.deepEqual(got.map((r) => [r.score, r.overrides]), [
        [100, ''],
        [10, 'zero,renewal_set'],
        [100, ''],
    ]);
    const ref = scoreColumns(card, {
        n: rows.length,
        columns: {
            zero_usage_14d: rows.map((r) => r[0]),
            usage_trend_14d: Float64Array.from(rows, (r) => r[1] ?? NaN),
            days_to_renewal: Float64Array.from(rows, (r) => r[2] ?? NaN),
        },
    });
    assert.deepEqual(got.map((r) => r.score), Array.from(ref.score));
});
//# sourceMappingURL=scorecard-sql-postgres.test.js.map