import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Rng } from '../../src/util/rng.js';
import { compileScorer, parseScorecard, scoreAccount, scoreColumns, } from '../../src/scorecard/index.js';
import { assertColumnsRow, defaultCardJson } from './helpers.js';
import { GENERIC_SIGNALS, randomCard, randomValue, withRandomSegmentWeights } from './random-cards.js';
const FEATURES = GENERIC_SIGNALS.features;
const FLAGS = GENERIC_SIGNALS.flags;
function check(card, rng, rows) {
    const scorer = compileScorer(card);
    const names = [...FEATURES, ...FLAGS, 'segment'];
    const all = [];
    for (let i = 0; i < rows; i++) {
        const s = {};
        for (const f of FEATURES)
            s[f] = randomValue(rng, true);
        for (const f of FLAGS)
            s[f] = randomValue(rng, false);
        s['segment'] = rng.pick(['smb', 'enterprise', null, 'mid_market']);
        all.push(s);
    }
    const cols = scoreColumns(card, {
        n: rows,
        columns: Object.fromEntries(names.map((k) => [k, all.map((s) => s[k])])),
    });
    all.forEach((s, i) => {
        const ref = scoreAccount(card, s);
        assert.deepEqual(scorer(s), ref);
        assertColumnsRow(cols, i, ref);
    });
}
test('scoreAccount, compileScorer and scoreColumns agree exactly on random cards and inputs', () => {
    const rng = new Rng(7);
    for (let c = 0; c < 60; c++)
        check(randomCard(rng), rng, 150);
});
test('they agree exactly on random cards with weights of their own per segment', () => {
    const rng = new Rng(22);
    for (let c = 0; c < 40; c++)
        check(withRandomSegmentWeights(rng, randomCard(rng)), rng, 150);
});
test('they agree on which segments are unknown when the card lists the segments it knows', () => {
    const rng = new Rng(31);
    const lists = [['smb'], ['smb', 'enterprise'], [], ['mid_market']];
    for (let c = 0; c < 16; c++) {
        const card = withRandomSegmentWeights(rng, randomCard(rng));
        check(parseScorecard({ ...card, bands: { ...card.bands, known_segments: lists[c % lists.length] } }), rng, 150);
    }
});
test("a table without a segment column is scored as accounts without a segment: the card's own weights and thresholds", () => {
    const rng = new Rng(41);
    for (let c = 0; c < 8; c++) {
        const random = withRandomSegmentWeights(rng, randomCard(rng));
        const card = parseScorecard({ ...random, bands: { ...random.bands, known_segments: ['smb'] } });
        const rows = Array.from({ length: 60 }, () => Object.fromEntries([
            ...FEATURES.map((f) => [f, randomValue(rng, true)]),
            ...FLAGS.map((f) => [f, randomValue(rng, false)]),
        ]));
        const cols = scoreColumns(card, {
            n: rows.length,
            columns: Object.fromEntries([...FEATURES, ...FLAGS].map((k) => [k, rows.map((s) => s[k])])),
        });
        rows.forEach((s, i) => assertColumnsRow(cols, i, scoreAccount(card, s)));
    }
});
test('they agree on the default card with typed columns as the data layer holds them', () => {
    const card = parseScorecard(defaultCardJson());
    const rng = new Rng(11);
    const n = 3000;
    const numeric = card.layers.flatMap((l) => l.signals.map((s) => s.feature)).concat(['days_to_renewal']);
    const flags = ['zero_usage_14d', 'champion_departed', 'active_escalation'];
    const columns = {};
    for (const f of numeric)
        columns[f] = Float64Array.from({ length: n }, () => rng.next() < 0.15
            ? NaN
            : rng.pick([-1, -0.25, -0.1, 0, 0.1, 0.5, 0.8, 1, 2, 30, 60, 90, 365, rng.uniform(-1, 3), rng.uniform(0, 400)]));
    for (const f of flags)
        columns[f] = Float64Array.from({ length: n }, () => (rng.next() < 0.05 ? NaN : rng.next() < 0.1 ? 1 : 0));
    columns['segment'] = Array.from({ length: n }, () => rng.pick(['smb', 'enterprise', null]));
    const cols = scoreColumns(card, { n, columns });
    const scorer = compileScorer(card);
    for (let i = 0; i < n; i++) {
        const s = {};
        for (const [k, c] of Object.entries(columns))
            s[k] = c[i];
        const ref = scoreAccount(card, s);
        assert.deepEqual(scorer(s), ref);
        assertColumnsRow(cols, i, ref);
    }
});
test("scoring into an earlier result's arrays gives what a fresh call gives", () => {
    const card = parseScorecard(defaultCardJson());
    const rng = new Rng(3);
    const table = () => ({
        n: 500,
        columns: Object.fromEntries([...card.layers.flatMap((l) => l.signals.map((s) => s.feature)), 'zero_usage_14d', 'days_to_renewal'].map((f) => [
            f,
            Float64Array.from({ length: 500 }, () => (rng.next() < 0.1 ? NaN : rng.uniform(-1, 2))),
        ])),
    });
    const first = table();
    const second = table();
    const into = scoreColumns(card, first);
    const again = scoreColumns(card, second, into);
    const fresh = scoreColumns(card, second);
    assert.equal(again.score, into.score, 'the arrays were reused');
    assert.deepEqual(again, fresh);
});
//# sourceMappingURL=equivalence.test.js.map