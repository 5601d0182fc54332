/**
 * The scorecard compiled to SQL against the scorer it must equal (issue 23): random cards (band
 * edges, inclusive and exclusive bounds, rules, missing policies, overrides of every kind,
 * probability maps) over random rows with values exactly on the edges, run on DuckDB in-process
 * and compared column for column with scoreColumns. (export-sql.test.ts does the same for fixed
 * cards on DuckDB and PostgreSQL.)
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { openDuckDB, queryRows } from '../../src/data/index.js';
import { BANDS, scoreColumns } from '../../src/scorecard/index.js';
import { Rng } from '../../src/util/rng.js';
import { compileScorecardSql } from '../../src/warehouse/index.js';
import { randomCard, randomValue, withRandomSegmentWeights } from '../scorecard/random-cards.js';
/** Contract names, so the SQL knows each column's type (numbers and booleans). */
const NAMES = {
    features: [
        'usage_trend_14d',
        'support_ticket_trend_30d',
        'license_utilization',
        'nps_trend',
        'days_to_renewal',
        'feature_adoption_breadth_change_30d',
    ],
    flags: ['zero_usage_14d', 'champion_departed'],
};
const ROWS = 80;
let db;
before(async () => {
    db = await openDuckDB();
});
after(() => db?.close());
/** A random table of ROWS rows, one account per row so that score_change is NULL. */
function randomTable(rng) {
    const columns = {};
    for (const f of NAMES.features)
        columns[f] = Array.from({ length: ROWS }, () => {
            const v = randomValue(rng, true);
            return typeof v === 'number' && !Number.isNaN(v) ? v : typeof v === 'string' ? Number(v) : null;
        });
    for (const f of NAMES.flags)
        columns[f] = Array.from({ length: ROWS }, () => (rng.next() < 0.1 ? null : rng.next() < 0.5));
    columns['segment'] = Array.from({ length: ROWS }, () => rng.pick(['smb', 'enterprise', null, 'mid_market']));
    return { columns };
}
const literal = (v) => v === null ? 'NULL' : typeof v === 'string' ? `'${v}'` : typeof v === 'boolean' ? String(v) : `${v}::DOUBLE`;
async function sqlScores(card, columns) {
    const names = Object.keys(columns);
    const values = Array.from({ length: ROWS }, (_, i) => `('A${i}', DATE '2024-07-01', ${names.map((n) => literal(columns[n][i])).join(', ')})`);
    await db.connection.run('DROP TABLE IF EXISTS features');
    await db.connection.run(`CREATE TABLE features AS SELECT * FROM (VALUES ${values.join(', ')}) AS t(account_id, as_of, ${names.join(', ')})`);
    const sql = compileScorecardSql(card, { dialect: 'duckdb' });
    const rows = await queryRows(db.connection, `SELECT * FROM (${sql}) AS s ORDER BY CAST(SUBSTR(account_id, 2) AS INTEGER)`);
    return rows;
}
async function compareOnRandomCards(rng, cards, make) {
    let fired = 0;
    let escalated = 0;
    for (let c = 0; c < cards; c++) {
        const card = make(rng);
        const { columns } = randomTable(rng);
        const typed = {};
        for (const [k, v] of Object.entries(columns))
            typed[k] = NAMES.features.includes(k) ? Float64Array.from(v, (x) => (x === null ? NaN : Number(x))) : v;
        const ref = scoreColumns(card, { n: ROWS, columns: typed });
        const rows = await sqlScores(card, columns);
        assert.equal(rows.length, ROWS);
        const K = ref.overrides.length;
        rows.forEach((r, i) => {
            const at = `card ${c}, row ${i}`;
            const num = (a, e, what) => {
                if (Number.isNaN(e))
                    assert.equal(a, null, `${at} ${what}`);
                else
                    assert.ok(typeof a === 'number' && Math.abs(a - e) <= 1e-9, `${at} ${what}: SQL ${a}, scorer ${e}`);
            };
            num(r['score'], ref.score[i], 'score');
            assert.equal(r['band'], BANDS[ref.band[i]], `${at} band`);
            num(r['probability'], ref.probability[i], 'probability');
            for (const l of card.layers)
                num(r[`layer_${l.name}`], ref.layers[l.name][i], `layer ${l.name}`);
            const overrides = ref.overrides.filter((_, k) => ref.fired[i * K + k]).join(',');
            assert.equal(r['overrides'], overrides, `${at} overrides`);
            if (overrides)
                fired++;
            const reasons = [0, 1, 2]
                .map((k) => ref.reasons[i * 3 + k])
                .filter((s) => s >= 0)
                .map((s) => ref.signals[s])
                .join(',');
            assert.equal(r['reasons'], reasons, `${at} reasons`);
            assert.equal(r['escalate'], ref.escalate[i] === 1, `${at} escalate`);
            if (r['escalate'])
                escalated++;
            assert.equal(r['score_change'], null, `${at} score_change`);
        });
    }
    return { fired, escalated };
}
test('export-sql equals scoreColumns on random cards, row for row', async () => {
    const { fired, escalated } = await compareOnRandomCards(new Rng(23), 16, (rng) => randomCard(rng, NAMES));
    assert.ok(fired > 120 && escalated > 10, `overrides fired on ${fired} rows, escalate on ${escalated}`);
});
test('export-sql equals scoreColumns on random cards with weights of their own per segment', async () => {
    let segmented = 0;
    await compareOnRandomCards(new Rng(22), 12, (rng) => {
        const card = withRandomSegmentWeights(rng, randomCard(rng, NAMES));
        if (card.segment_weights)
            segmented++;
        return card;
    });
    assert.ok(segmented >= 8, `${segmented} of 12 cards had segment weights`);
});
//# sourceMappingURL=scorecard-sql-random.test.js.map