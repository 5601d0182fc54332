/**
 * The compiled scorers (scoreColumns, compileScorer, conditionColumn) on hand-made cards where
 * their fast paths can go wrong (issue 23): tables longer than one chunk of rows (1,024), the
 * probability map on and between knots that are not whole numbers, a cap equal to the score,
 * and an earlier result passed as `into` that does not fit the card. Expected values are worked
 * by hand, and every row also equals scoreAccount exactly.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { BANDS, compileScorer, conditionColumn, scoreAccount, scoreColumns, } from '../../src/scorecard/index.js';
import { assertColumnsRow, scoreLadder, tinyCard } from './helpers.js';
/** Seven accounts; the comments work out each one's score under `sevenCard`. */
const SEVEN = [
    // a: both 100, b: 100 -> 100, nothing lost
    { x1: 1, x2: 1, x3: 0, flag1: 0, hold: 0, segment: 'smb' },
    // a: (0 + 100) / 2 = 50, b: 20 -> 0.6 * 50 + 0.4 * 20 = 38 < 40 (escalate); enterprise: RED under 60
    { x1: -1, x2: 1, x3: 2, flag1: 0, hold: 0, segment: 'enterprise' },
    // a: x1 missing, x2 alone 20; b: the rule on flag1 gives 0 -> 0.6 * 20 = 12
    { x1: null, x2: -1, x3: 1, flag1: 1, hold: 0, segment: null },
    // 100, set to 35 by hold = 1 (then 35 < 40: escalate)
    { x1: 1, x2: 1, x3: 0, flag1: 0, hold: 1, segment: 'smb' },
    // a: 100, b: 20 -> 68, capped at 68 by x3 > 5 (fires, changes nothing); a segment the card does not know
    { x1: 1, x2: 1, x3: 6, flag1: 0, hold: 0, segment: 'mid_market' },
    // nothing present: the no-data score 50, RED under enterprise's 60
    { x1: null, x2: null, x3: null, flag1: null, hold: null, segment: 'enterprise' },
    // a: (0 + 20) / 2 = 10, b: 20 -> 6 + 8 = 14
    { x1: -1, x2: -1, x3: 3, flag1: 0, hold: 0, segment: null },
];
/** Per account of SEVEN: score, band, overrides fired, reasons, escalate, unknown segment. */
const EXPECTED = [
    [100, 'GREEN', [], [], false, false],
    // points lost: x1 (0.6 / 1) * 0.5 * 100 = 30, x3 (0.4 / 1) * 1 * 80 = 32
    [38, 'RED', ['red'], ['x3', 'x1'], true, false],
    // x2 (0.6 / 0.5) * 0.5 * 80 = 48, x3 0.4 * 100 = 40
    [12, 'RED', ['red'], ['x2', 'x3'], true, false],
    [35, 'RED', ['hold', 'red'], [], true, false],
    [68, 'YELLOW', ['cap68'], ['x3'], false, true],
    [50, 'RED', [], [], false, false],
    // x3 32, x1 30, x2 0.6 * 0.5 * 80 = 24
    [14, 'RED', ['red'], ['x3', 'x1', 'x2'], true, false],
];
/** tinyCard's two layers reweighted, a rule, a set, a cap and a flag, segment thresholds, known segments. */
const sevenCard = () => tinyCard((j) => {
    j.layers[0].weight = 0.6;
    j.layers[0].signals[1].points = [
        { lt: 0, points: 20 },
        { gte: 0, points: 100 },
    ];
    j.layers[1].weight = 0.4;
    j.layers[1].signals[0].rules = [{ when: { signal: 'flag1', op: '=', value: true }, points: 0 }];
    j.overrides = [
        { id: 'hold', when: { signal: 'hold', op: '=', value: 1 }, action: 'set', value: 35 },
        { id: 'cap68', when: { signal: 'x3', op: '>', value: 5 }, action: 'cap', value: 68 },
        { id: 'red', when: { score: { op: '<', value: 40 } }, action: 'flag', flag: 'escalate' },
    ];
    j.bands.segments = { enterprise: { green: 80, yellow: 60 } };
    j.bands.known_segments = ['smb'];
    j.probability = { method: 'isotonic', x: [10, 10.5, 40.25, 90], y: [0.5, 0.06, 0.02, 0.01] };
});
/** n rows, row i being SEVEN[i % 7], as the data layer holds them (numbers in Float64Array, NaN missing). */
function sevenTable(n) {
    const num = (k) => Float64Array.from({ length: n }, (_, i) => SEVEN[i % 7][k] ?? NaN);
    return {
        n,
        columns: {
            x1: num('x1'),
            x2: num('x2'),
            x3: num('x3'),
            flag1: num('flag1'),
            hold: num('hold'),
            segment: Array.from({ length: n }, (_, i) => SEVEN[i % 7]['segment']),
        },
    };
}
test('a table of two full chunks and a part (2,500 rows) scores every row as its account, as scoreAccount does', () => {
    const card = sevenCard();
    const n = 2500; // 1,024 = 2 mod 7: each chunk starts on another account
    const cols = scoreColumns(card, sevenTable(n));
    const scorer = compileScorer(card);
    const K = cols.overrides.length;
    for (let i = 0; i < n; i++) {
        const [score, band, overrides, reasons, escalate, unknown] = EXPECTED[i % 7];
        const at = `row ${i}`;
        assert.equal(cols.score[i], score, `${at} score`);
        assert.equal(BANDS[cols.band[i]], band, `${at} band`);
        assert.deepEqual(cols.overrides.filter((_, k) => cols.fired[i * K + k] === 1), overrides, `${at} overrides`);
        assert.deepEqual([0, 1, 2].flatMap((r) => (cols.reasons[i * 3 + r] >= 0 ? [cols.signals[cols.reasons[i * 3 + r]]] : [])), reasons, `${at} reasons`);
        assert.equal(cols.escalate[i] === 1, escalate, `${at} escalate`);
        assert.equal(cols.unknown_segment[i] === 1, unknown, `${at} unknown segment`);
        const ref = scoreAccount(card, SEVEN[i % 7]);
        assertColumnsRow(cols, i, ref);
        if (i < 7)
            assert.deepEqual(scorer(SEVEN[i]), ref);
    }
});
test('conditionColumn over 2,500 rows: signal tests, and score tests only where scores are given', () => {
    const table = sevenTable(2500);
    const scores = scoreColumns(sevenCard(), table).score;
    const lowAndNegative = { all: [{ signal: 'x1', op: '<', value: 0 }, { score: { op: '<', value: 40 } }] };
    const highOrLow = { any: [{ signal: 'x3', op: '>', value: 1 }, { score: { op: '<=', value: 12 } }] };
    const per = (column) => {
        assert.equal(column.length, 2500);
        const seven = Array.from(column.subarray(0, 7));
        column.forEach((v, i) => assert.equal(v, seven[i % 7], `row ${i}`));
        return seven;
    };
    // x1 < 0 on accounts 1 and 6, whose scores (38, 14) are under 40
    assert.deepEqual(per(conditionColumn(lowAndNegative, table, scores)), [0, 1, 0, 0, 0, 0, 1]);
    // without scores a score test never holds
    assert.deepEqual(per(conditionColumn(lowAndNegative, table)), [0, 0, 0, 0, 0, 0, 0]);
    // x3 > 1 on accounts 1, 4 and 6; account 2 scores 12
    assert.deepEqual(per(conditionColumn(highOrLow, table, scores)), [0, 1, 1, 0, 1, 0, 1]);
    assert.deepEqual(per(conditionColumn(highOrLow, table)), [0, 1, 0, 0, 1, 0, 1]);
});
test('the probability map between and exactly on knots that are not whole numbers, and beyond its ends', () => {
    const scores = [5, 10, 10.25, 10.5, 10.75, 40.25, 41, 90, 95];
    const card = tinyCard((j) => {
        j.layers = scoreLadder(scores);
        j.probability = { method: 'isotonic', x: [10, 10.5, 40.25, 90], y: [0.5, 0.06, 0.02, 0.01] };
    });
    const cols = scoreColumns(card, { n: scores.length, columns: { f0: Float64Array.from(scores, (_, k) => k) } });
    assert.deepEqual(Array.from(cols.score), scores);
    // on a knot: its value exactly (10.5 and 40.25 lie past the whole number their walk starts from);
    // between: linear, 10.25 -> 0.5 - 0.25 * 0.44 / 0.5, 10.75 -> 0.06 - 0.25 * 0.04 / 29.75,
    // 41 -> 0.02 - 0.75 * 0.01 / 49.75; flat beyond the ends
    const want = [0.5, 0.5, 0.28, 0.06, 0.06 - 0.01 / 29.75, 0.02, 0.02 - 0.0075 / 49.75, 0.01, 0.01];
    const onKnot = [true, true, false, true, false, true, false, true, true];
    const scorer = compileScorer(card);
    want.forEach((p, k) => {
        const got = cols.probability[k];
        if (onKnot[k])
            assert.equal(got, p, `score ${scores[k]}`);
        else
            assert.ok(Math.abs(got - p) < 1e-15, `score ${scores[k]}: ${got}, by hand ${p}`);
        const ref = scoreAccount(card, { f0: k });
        assert.equal(ref.probability, got, `score ${scores[k]}: scoreAccount`);
        assert.equal(scorer({ f0: k }).probability, got, `score ${scores[k]}: compileScorer`);
    });
});
test('an earlier result that does not fit the card or the rows is not scored into: a fresh result, equal to a call without it', () => {
    const rows = (n) => ({
        n,
        columns: {
            x1: Float64Array.from({ length: n }, (_, i) => i - 1),
            x2: Float64Array.from({ length: n }, (_, i) => (i === 1 ? NaN : 1 - i)),
            x3: Float64Array.from({ length: n }, (_, i) => i),
            u: Float64Array.from({ length: n }, (_, i) => i % 2),
        },
    });
    const intoThree = scoreColumns(tinyCard(), rows(3));
    const intoTwo = scoreColumns(tinyCard(), rows(2));
    const cases = [
        // 2 rows x 3 checked columns: its missing array has the length 3 rows x 2 columns need
        {
            why: 'another row count',
            into: intoTwo,
            card: tinyCard((j) => (j.layers[0].signals = [{ ...j.layers[0].signals[0], weight: 1 }])),
        },
        {
            why: 'another override count',
            into: intoThree,
            card: tinyCard((j) => (j.overrides = [{ id: 'o', when: { signal: 'x1', op: '<', value: 0 }, action: 'flag', flag: 'review' }])),
        },
        { why: 'another layer name', into: intoThree, card: tinyCard((j) => (j.layers[1].name = 'c')) },
        {
            why: 'other columns checked',
            into: intoThree,
            card: tinyCard((j) => (j.layers[1].signals[0].rules = [{ when: { signal: 'u', op: '=', value: 1 }, points: 0 }])),
        },
    ];
    for (const { why, into, card } of cases) {
        const n = 3;
        const fresh = scoreColumns(card, rows(n));
        const again = scoreColumns(card, rows(n), into);
        assert.notEqual(again.score, into.score, `${why}: not scored into`);
        assert.deepEqual(again, fresh, why);
    }
    // and one that fits is scored into
    assert.equal(scoreColumns(tinyCard(), rows(3), intoThree).score, intoThree.score);
});
//# sourceMappingURL=compile-edges.test.js.map