/**
 * The scorecard compiled to SQL on hand-made cards and rows, on DuckDB in-process (issue 23):
 * identifiers that are SQL keywords or mixed case, a schema-qualified table, text with
 * apostrophes, a card name that tries to end the comment line, blank segments, booleans read
 * as numbers and numbers as booleans, band edges on awkward doubles, ties between reasons, and
 * score_change over an account's history. Expected values are worked by hand and checked
 * against scoreColumns.
 */
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { openDuckDB, queryRows } from '../../src/data/index.js';
import { BANDS, SCORE_EPSILON, scoreColumns, } from '../../src/scorecard/index.js';
import { compileScorecardSql, SQL_ENGINES } from '../../src/warehouse/index.js';
import { band, justAbove, justBelow, scoreLadder, signal, tinyCard } from '../scorecard/helpers.js';
import { repoRoot } from '../support/paths.js';
let db;
before(async () => {
    db = await openDuckDB();
    await db.connection.run('CREATE SCHEMA analytics');
});
after(() => db?.close());
/** Numbers go in as text, which DuckDB reads back as the same double (a decimal literal might not). */
const literal = (v, type) => v === null ? `CAST(NULL AS ${type})` : `CAST('${String(v).replace(/'/g, "''")}' AS ${type})`;
/**
 * Writes the rows to `table` (columns typed as given, after account_id and as_of) and returns the
 * compiled query's rows by account and date, with the scoreColumns result for the same rows: rows
 * are given in that order (the default account ids A000, A001, ... keep it).
 */
async function scoreBoth(card, types, rows, table = 'features', model) {
    const names = Object.keys(types);
    const quoted = (n) => `"${n.replace(/"/g, '""')}"`;
    const target = table
        .split('.')
        .map((p) => quoted(p))
        .join('.');
    await db.connection.run(`DROP TABLE IF EXISTS ${target}`);
    await db.connection.run(`CREATE TABLE ${target} (account_id VARCHAR, as_of DATE, ${names.map((n) => `${quoted(n)} ${types[n]}`).join(', ')})`);
    const values = rows.map((r, i) => `('${r['account_id'] ?? `A${String(i).padStart(3, '0')}`}', DATE '${r['as_of'] ?? '2024-07-01'}', ${names.map((n) => literal(r[n] ?? null, types[n])).join(', ')})`);
    await db.connection.run(`INSERT INTO ${target} VALUES ${values.join(', ')}`);
    const query = compileScorecardSql(card, { dialect: 'duckdb', table, ...(model ? { model } : {}) });
    const sql = await queryRows(db.connection, `SELECT * FROM (${query}) AS s ORDER BY account_id, as_of`);
    const columns = {};
    for (const n of names)
        columns[n] =
            types[n] === 'DOUBLE'
                ? Float64Array.from(rows, (r) => (r[n] === null || r[n] === undefined ? NaN : Number(r[n])))
                : rows.map((r) => r[n] ?? null);
    return { sql, ref: scoreColumns(card, { n: rows.length, columns }) };
}
/** Each SQL row equals scoreColumns' row: score, base score, band, probability, layers, overrides, reasons, escalate. */
function assertSame(sql, ref) {
    assert.equal(sql.length, ref.n);
    const K = ref.overrides.length;
    sql.forEach((r, i) => {
        const num = (a, e, what) => {
            if (Number.isNaN(e))
                assert.equal(a, null, `row ${i} ${what}`);
            else
                assert.ok(typeof a === 'number' && Math.abs(a - e) <= 1e-9, `row ${i} ${what}: SQL ${a}, scorer ${e}`);
        };
        num(r['score'], ref.score[i], 'score');
        num(r['base_score'], ref.base_score[i], 'base_score');
        assert.equal(r['band'], BANDS[ref.band[i]], `row ${i} band`);
        num(r['probability'], ref.probability[i], 'probability');
        for (const [name, v] of Object.entries(ref.layers))
            num(r[`layer_${name}`], v[i], `layer ${name}`);
        assert.equal(r['overrides'], ref.overrides.filter((_, k) => ref.fired[i * K + k]).join(','), `row ${i} overrides`);
        const reasons = [0, 1, 2]
            .map((k) => ref.reasons[i * 3 + k])
            .filter((s) => s >= 0)
            .map((s) => ref.signals[s])
            .join(',');
        assert.equal(r['reasons'], reasons, `row ${i} reasons`);
        assert.equal(r['escalate'], ref.escalate[i] === 1, `row ${i} escalate`);
    });
}
test('keywords and mixed case as names, a schema-qualified table, apostrophes in text and a card name with a newline', async () => {
    const c = tinyCard((j) => {
        j.name = 'Ops "Q3"\nDROP TABLE analytics.features; --';
        j.layers = [
            {
                name: 'Select',
                weight: 0.6,
                signals: [
                    signal('order', 0.5, band({ lt: 0 }, 0, 100)),
                    { ...signal('Group', 0.5, band({ lte: 1 }, 100, 20)), direction: 'higher_is_riskier' },
                ],
            },
            { name: 'from', weight: 0.4, signals: [signal('days_to_renewal', 1, band({ lt: 30 }, 0, 100))] },
        ];
        j.bands.segments = { "O'Brien Co": { green: 80, yellow: 50 } };
        j.overrides = [{ id: 'apostrophe', when: { signal: 'segment', op: '=', value: "it's" }, action: 'cap', value: 30 }];
    });
    const { sql, ref } = await scoreBoth(c, { segment: 'VARCHAR', order: 'DOUBLE', Group: 'DOUBLE', days_to_renewal: 'DOUBLE' }, [
        // Select = (100 + 20) / 2 = 60, from = 100: 0.6 * 60 + 0.4 * 100 = 76, GREEN by default but not for O'Brien Co
        { segment: "O'Brien Co", order: 1, Group: 2, days_to_renewal: 60 },
        { segment: 'smb', order: 1, Group: 2, days_to_renewal: 60 },
        // Select = 100, from = 0: 60, capped at 30 for "it's"
        { segment: "it's", order: 1, Group: 0, days_to_renewal: 10 },
        { segment: null, order: null, Group: null, days_to_renewal: null },
    ], 'analytics.features');
    assert.deepEqual(sql.map((r) => [r['score'], r['band'], r['overrides'], r['layer_Select'], r['layer_from']]), [
        [76, 'YELLOW', '', 60, 100],
        [76, 'GREEN', '', 60, 100],
        [30, 'RED', 'apostrophe', 100, 0],
        [50, 'YELLOW', '', null, null],
    ]);
    assertSame(sql, ref);
    const left = await queryRows(db.connection, 'SELECT count(*) AS n FROM analytics.features');
    assert.equal(Number(left[0]['n']), 4, 'the card name stayed in the comment');
});
test('blank segments are missing; booleans compared with numbers and numbers with booleans', async () => {
    const c = tinyCard((j) => {
        j.layers = [
            {
                name: 'usage',
                weight: 1,
                signals: [
                    {
                        ...signal('usage_trend_14d', 1, band({ lt: 0 }, 20, 100), { policy: 'points', points: 40 }),
                        rules: [{ when: { signal: 'zero_usage_14d', op: '>=', value: 1 }, points: 0 }],
                    },
                ],
            },
        ];
        j.bands.segments = { smb: { green: 90, yellow: 60 } };
        j.overrides = [
            { id: 'renewal_set', when: { signal: 'days_to_renewal', op: '=', value: true }, action: 'flag', flag: 'review' },
            { id: 'no_segment', when: { signal: 'segment', op: 'is_null' }, action: 'flag', flag: 'escalate' },
            { id: 'not_smb', when: { signal: 'segment', op: '!=', value: 'smb' }, action: 'cap', value: 65 },
            { id: 'zero_is_zero', when: { signal: 'zero_usage_14d', op: '=', value: 0 }, action: 'flag', flag: 'review' },
        ];
    });
    const types = {
        segment: 'VARCHAR',
        usage_trend_14d: 'DOUBLE',
        zero_usage_14d: 'BOOLEAN',
        days_to_renewal: 'DOUBLE',
    };
    const { sql, ref } = await scoreBoth(c, types, [
        { segment: '', usage_trend_14d: 0.5, zero_usage_14d: false, days_to_renewal: 0 },
        { segment: '   ', usage_trend_14d: -0.5, zero_usage_14d: null, days_to_renewal: 12 },
        { segment: 'smb', usage_trend_14d: 0.5, zero_usage_14d: true, days_to_renewal: null },
        { segment: ' smb', usage_trend_14d: null, zero_usage_14d: false, days_to_renewal: -3 },
        { segment: 'smb', usage_trend_14d: 0.5, zero_usage_14d: false, days_to_renewal: 30 },
    ]);
    // by hand: blank segments are missing (escalate, default bands, the != test does not hold);
    // zero_usage_14d >= 1 holds only where it is true; days_to_renewal = true wherever it is non-zero
    assert.deepEqual(sql.map((r) => [r['score'], r['band'], r['overrides'], r['escalate']]), [
        [100, 'GREEN', 'no_segment,zero_is_zero', true],
        [20, 'RED', 'renewal_set,no_segment', true],
        [0, 'RED', '', false],
        [40, 'YELLOW', 'renewal_set,not_smb,zero_is_zero', false], // ' smb' is not smb: default bands
        [100, 'GREEN', 'renewal_set,zero_is_zero', false],
    ]);
    assertSame(sql, ref);
});
test('columns the contract does not know are read as they are; a text column read as a number; a single band', async () => {
    const c = tinyCard((j) => {
        j.layers = [
            {
                name: 'l',
                weight: 1,
                signals: [signal('plan_tier', 0.5, [{ points: 30 }]), signal('seats_used', 0.5, band({ lt: 10 }, 0, 100))],
            },
        ];
        j.overrides = [
            { id: 'pro', when: { signal: 'plan', op: '=', value: 'pro' }, action: 'flag', flag: 'review' },
            { id: 'not_basic', when: { signal: 'plan', op: '!=', value: 'basic' }, action: 'flag', flag: 'review' },
            { id: 'big_segment', when: { signal: 'segment', op: '>=', value: 2 }, action: 'cap', value: 50 },
        ];
    });
    const types = { segment: 'VARCHAR', plan: 'VARCHAR', plan_tier: 'DOUBLE', seats_used: 'DOUBLE' };
    const { sql, ref } = await scoreBoth(c, types, [
        { segment: '3', plan: 'pro', plan_tier: 5, seats_used: 12 },
        { segment: ' 1 ', plan: 'basic', plan_tier: null, seats_used: 3 },
        { segment: '', plan: null, plan_tier: 7, seats_used: null },
        { segment: null, plan: 'pro', plan_tier: 1, seats_used: 10 },
        { segment: '2', plan: 'x', plan_tier: null, seats_used: 9 },
        // a blank is missing in any text column: neither = nor != holds (the SQL took it for a value)
        { segment: null, plan: '', plan_tier: 2, seats_used: 20 },
        { segment: null, plan: '  ', plan_tier: 2, seats_used: 20 },
    ]);
    // by hand: plan_tier earns 30 whatever its value, seats_used 0 or 100; segment '3' and '2' are >= 2
    assert.deepEqual(sql.map((r) => [r['score'], r['band'], r['overrides']]), [
        [50, 'YELLOW', 'pro,not_basic,big_segment'],
        [0, 'RED', ''],
        [30, 'RED', ''],
        [65, 'YELLOW', 'pro,not_basic'],
        [0, 'RED', 'not_basic,big_segment'],
        [65, 'YELLOW', ''],
        [65, 'YELLOW', ''],
    ]);
    assertSame(sql, ref);
});
test('band edges on awkward doubles and large numbers keep their exact value in SQL', async () => {
    const awkward = 0.1 + 0.2; // 0.30000000000000004
    const c = tinyCard((j) => {
        j.layers = [
            {
                name: 'l',
                weight: 1,
                signals: [
                    signal('f0', 0.5, band({ lt: awkward }, 0, 100)),
                    signal('f1', 0.5, [
                        { lte: -1e16, points: 10 },
                        { gt: -1e16, lt: 1e21, points: 60 },
                        { gte: 1e21, points: 90 },
                    ]),
                ],
            },
        ];
    });
    const below = 0.3; // the double just below 0.1 + 0.2
    const { sql, ref } = await scoreBoth(c, { f0: 'DOUBLE', f1: 'DOUBLE' }, [
        { f0: awkward, f1: -1e16 },
        { f0: below, f1: 1e21 },
        { f0: awkward, f1: 0.5 },
        { f0: below, f1: -1e16 + 2 },
    ]);
    assert.deepEqual(sql.map((r) => r['score']), [55, 45, 80, 30]);
    assertSame(sql, ref);
});
test('bands in SQL: a score SCORE_EPSILON under a threshold is in its band, the next double down is not', async () => {
    const scores = [40, 55, 70, 80].flatMap((t) => [justBelow(t - SCORE_EPSILON), t - SCORE_EPSILON]);
    // f0 = k lands in the k-th band, whose points are the k-th score: the composite is that score
    const c = tinyCard((j) => {
        j.layers = scoreLadder(scores);
        j.bands.segments = { enterprise: { green: 80, yellow: 55 } };
    });
    const rows = ['smb', 'enterprise'].flatMap((segment) => scores.map((_, k) => ({ segment, f0: k })));
    const { sql, ref } = await scoreBoth(c, { segment: 'VARCHAR', f0: 'DOUBLE' }, rows);
    assert.deepEqual(sql.map((r) => r['score']), [...scores, ...scores]);
    assert.deepEqual(sql.map((r) => r['band']), [
        ...['RED', 'YELLOW', 'YELLOW', 'YELLOW', 'YELLOW', 'GREEN', 'GREEN', 'GREEN'],
        ...['RED', 'RED', 'RED', 'YELLOW', 'YELLOW', 'YELLOW', 'YELLOW', 'GREEN'],
    ]);
    assertSame(sql, ref);
});
test('score conditions in SQL hold within SCORE_EPSILON of their value, exactly as the scorer compares', async () => {
    const e = SCORE_EPSILON;
    const scores = [justBelow(60 - e), 60 - e, 60, 60 + e, justAbove(60 + e)];
    const c = tinyCard((j) => {
        j.layers = scoreLadder(scores);
        j.overrides = ['<', '<=', '>', '>='].map((op, k) => ({
            id: `o${k}`,
            when: { score: { op, value: 60 } },
            action: 'flag',
            flag: 'review',
        }));
    });
    const { sql, ref } = await scoreBoth(c, { f0: 'DOUBLE' }, scores.map((_, k) => ({ f0: k })));
    // o0: < 60, o1: <= 60, o2: > 60, o3: >= 60, each within 1e-9
    assert.deepEqual(sql.map((r) => r['overrides']), ['o0,o1', 'o1,o3', 'o1,o3', 'o1,o3', 'o2,o3']);
    assertSame(sql, ref);
});
test('reasons: most points lost first, ties in card order, at most three, none for a signal that loses nothing', async () => {
    const four = ['a1', 'a2', 'a3', 'a4'];
    const c = tinyCard((j) => {
        j.layers = [{ name: 'l', weight: 1, signals: four.map((f) => signal(f, 0.25, band({ lt: 0 }, 0, 100))) }];
    });
    const types = { a1: 'DOUBLE', a2: 'DOUBLE', a3: 'DOUBLE', a4: 'DOUBLE' };
    const { sql, ref } = await scoreBoth(c, types, [
        { a1: -1, a2: -1, a3: -1, a4: -1 },
        { a1: 1, a2: -1, a3: 1, a4: -1 },
        { a1: 1, a2: 1, a3: 1, a4: -1 },
        { a1: 1, a2: 1, a3: 1, a4: 1 },
        { a1: null, a2: -1, a3: 1, a4: null },
    ]);
    assert.deepEqual(sql.map((r) => r['reasons']), ['a1,a2,a3', 'a2,a4', 'a4', '', 'a2']);
    assertSame(sql, ref);
});
test("score_change: the change since the account's previous as-of date, NULL on its first and on a repeated date", async () => {
    const c = tinyCard((j) => {
        j.layers = [
            {
                name: 'l',
                weight: 1,
                signals: [
                    signal('f0', 1, [
                        { lt: 0, points: 0 },
                        { gte: 0, lt: 1, points: 40 },
                        { gte: 1, points: 100 },
                    ]),
                ],
            },
        ];
    });
    const { sql } = await scoreBoth(c, { f0: 'DOUBLE' }, [
        { account_id: 'A', as_of: '2024-01-01', f0: 1 },
        { account_id: 'A', as_of: '2024-02-01', f0: 0.5 },
        { account_id: 'A', as_of: '2024-03-01', f0: -1 },
        { account_id: 'B', as_of: '2024-02-01', f0: -1 },
        { account_id: 'B', as_of: '2024-03-01', f0: 2 },
        { account_id: 'C', as_of: '2024-03-01', f0: 2 },
        { account_id: 'C', as_of: '2024-03-01', f0: 2 },
    ]);
    assert.deepEqual(sql.map((r) => [r['account_id'], r['score'], r['score_change']]), [
        ['A', 100, null],
        ['A', 40, -60],
        ['A', 0, -40],
        ['B', 0, null],
        ['B', 100, 100],
        ['C', 100, null],
        ['C', 100, null],
    ]);
});
test('a card carrying a non-finite number is refused, not written into the SQL', () => {
    assert.throws(() => compileScorecardSql({ ...tinyCard(), no_data_score: Number.POSITIVE_INFINITY }, { dialect: 'duckdb' }), /not a finite number: Infinity/);
});
test('for PostgreSQL every step is materialized (it would inline and repeat them); for DuckDB none is', () => {
    const steps = (sql) => sql.match(/\b[a-z_]+ AS (MATERIALIZED )?\(\n/g) ?? [];
    assert.deepEqual(SQL_ENGINES, ['duckdb', 'postgres'], 'the dialects export-sql offers');
    const pg = steps(compileScorecardSql(tinyCard(), { dialect: 'postgres' }));
    const duck = steps(compileScorecardSql(tinyCard(), { dialect: 'duckdb' }));
    assert.equal(pg.length, 11);
    assert.equal(duck.length, 11);
    assert.ok(pg.every((s) => s.includes('MATERIALIZED')));
    assert.ok(duck.every((s) => !s.includes('MATERIALIZED')));
});
test('an embedded model comes along as model_probability, equal to predictProba (missing values, a categorical, booleans)', async () => {
    // imported here: the other tests of this file do not pay for the learn layer
    const { loadModel } = await import('../../src/learn/index.js');
    const model = await loadModel(join(repoRoot, 'test', 'fixtures', 'artifacts', 'v1', 'logistic.json'));
    const numbers = [
        'usage_trend_14d',
        'license_utilization',
        'nps_trend',
        'days_since_last_csm_interaction',
        'days_to_renewal',
    ];
    const flags = ['zero_usage_14d', 'champion_departed'];
    const segments = ['enterprise', 'mid_market', 'smb', 'other', null];
    const rows = Array.from({ length: 10 }, (_, i) => ({
        segment: segments[i % segments.length],
        ...Object.fromEntries(numbers.map((f, k) => [f, (i + k) % 4 === 0 ? null : ((i * 7 + k * 3) % 11) / 5 - 1])),
        ...Object.fromEntries(flags.map((f, k) => [f, (i + k) % 3 === 0 ? null : (i + k) % 3 === 1])),
    }));
    const types = {
        segment: 'VARCHAR',
        ...Object.fromEntries(numbers.map((f) => [f, 'DOUBLE'])),
        ...Object.fromEntries(flags.map((f) => [f, 'BOOLEAN'])),
    };
    const { sql } = await scoreBoth(tinyCard(), { ...types, x1: 'DOUBLE', x2: 'DOUBLE', x3: 'DOUBLE' }, rows, 'features', model);
    const frame = {
        n: rows.length,
        names: Object.keys(types),
        kinds: Object.fromEntries(Object.entries(types).map(([f, t]) => [f, t === 'VARCHAR' ? 'text' : t === 'BOOLEAN' ? 'boolean' : 'number'])),
        columns: Object.fromEntries(Object.entries(types).map(([f, t]) => [
            f,
            t === 'VARCHAR'
                ? rows.map((r) => r[f])
                : Float64Array.from(rows, (r) => (r[f] === null ? NaN : Number(r[f]))),
        ])),
    };
    const want = model.predictProba(frame);
    sql.forEach((r, i) => assert.ok(Math.abs(r['model_probability'] - want[i]) <= 1e-12, `row ${i}: SQL ${r['model_probability']}, predictProba ${want[i]}`));
});
test('the probability map in SQL: exactly on knots that are not whole numbers, linear between, flat beyond the ends', async () => {
    const scores = [5, 10, 10.25, 10.5, 10.75, 40.25, 41, 90, 95];
    const c = tinyCard((j) => {
        j.layers = scoreLadder(scores);
        j.probability = { method: 'isotonic', x: [10, 10.5, 40.25, 90], y: [0.5, 0.06, 0.02, 0.01] };
    });
    const { sql, ref } = await scoreBoth(c, { f0: 'DOUBLE' }, scores.map((_, k) => ({ f0: k })));
    // on a knot, the knot's value exactly, as the scorer gives it
    assert.deepEqual([0, 1, 3, 5, 7, 8].map((k) => sql[k]['probability']), [0.5, 0.5, 0.06, 0.02, 0.01, 0.01]);
    assertSame(sql, ref);
});
test("the query's first line names the card (line breaks become spaces) and the dialect; without a name, none", () => {
    const tail = 'one row per feature-table row, the columns of churnkit score';
    const first = (card, dialect) => compileScorecardSql(card, { dialect }).split('\n')[0];
    assert.equal(first(tinyCard((j) => (j.name = 'Q3\r\nrenewals')), 'duckdb'), `-- churnkit scorecard "Q3  renewals" compiled for duckdb: ${tail}`);
    assert.equal(first(tinyCard(), 'postgres'), `-- churnkit scorecard compiled for postgres: ${tail}`);
});
//# sourceMappingURL=scorecard-sql-edges.test.js.map