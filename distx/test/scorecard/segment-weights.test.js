/**
 * Per-segment weights (issue 22): a card's `segment_weights` block changes the layer and signal
 * weights for accounts of a segment, and nothing else; a card without it scores as before.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { compileScorer, parseScorecard, ScorecardError, scoreAccount, scoreColumns, scorecardColumns, } from '../../src/scorecard/index.js';
import { Rng } from '../../src/util/rng.js';
import { defaultCard, tinyCard } from './helpers.js';
import { randomCard, randomValue } from './random-cards.js';
/** tinyCard with enterprise weighing layer a 0.8 (x1 0.25, x2 0.75) and layer b 0.2. */
function enterpriseCard() {
    return tinyCard((c) => {
        c['segment_weights'] = {
            enterprise: {
                layers: { a: { weight: 0.8, signals: { x1: 0.25, x2: 0.75 } }, b: { weight: 0.2, signals: { x3: 1 } } },
                churners: 12,
                rows: 400,
                own_share: 0.375,
            },
        };
    });
}
test('an account of a segment with weights of its own is scored with them; others with the card', () => {
    const card = enterpriseCard();
    // x1 earns 100, x2 0, x3 20: layer a = 25 for enterprise (50 for others), b = 20
    const signals = { x1: 1, x2: -1, x3: 2 };
    const enterprise = scoreAccount(card, { ...signals, segment: 'enterprise' });
    assert.equal(enterprise.layers['a'], 25);
    assert.equal(enterprise.base_score, 0.8 * 25 + 0.2 * 20);
    assert.deepEqual(enterprise.reasons, ['x2', 'x3']);
    for (const segment of ['smb', null, 'Enterprise']) {
        const other = scoreAccount(card, { ...signals, segment });
        assert.equal(other.layers['a'], 50, `segment ${segment}`);
        assert.equal(other.base_score, 0.5 * 50 + 0.5 * 20);
        assert.deepEqual(other.reasons, ['x3', 'x2']);
    }
    // coverage counts the weights that scored the account: without x1 an enterprise account keeps 80%
    assert.equal(scoreAccount(card, { x2: 1, x3: 0, segment: 'enterprise' }).coverage, 0.8);
    assert.equal(scoreAccount(card, { x2: 1, x3: 0, segment: 'smb' }).coverage, 0.75);
    assert.ok(scorecardColumns(card).includes('segment'), 'the card reads segment');
});
test('a card without segment_weights (every card before them) scores exactly as before', () => {
    const rng = new Rng(5);
    const card = defaultCard();
    assert.equal(card.segment_weights, undefined);
    // the same card with each segment given exactly the global weights must not move a bit
    const same = parseScorecard({
        ...card,
        segment_weights: {
            smb: {
                layers: Object.fromEntries(card.layers.map((l) => [
                    l.name,
                    { weight: l.weight, signals: Object.fromEntries(l.signals.map((s) => [s.feature, s.weight])) },
                ])),
            },
        },
    });
    const n = 2000;
    const columns = {};
    for (const f of scorecardColumns(card).filter((c) => c !== 'segment'))
        columns[f] = Float64Array.from({ length: n }, () => {
            const v = randomValue(rng, true);
            return typeof v === 'number' ? v : v === null ? NaN : Number(v);
        });
    columns['segment'] = Array.from({ length: n }, () => rng.pick(['smb', 'enterprise', null]));
    const before = scoreColumns(card, { n, columns });
    const after = scoreColumns(same, { n, columns });
    assert.deepEqual(after.score, before.score);
    assert.deepEqual(after.reasons, before.reasons);
    assert.deepEqual(after.coverage, before.coverage);
    assert.deepEqual(after.layers, before.layers);
});
test('the one-row scorer and the batch scorer pick each row its own weights, in any row order', () => {
    const rng = new Rng(9);
    const card = enterpriseCard();
    const scorer = compileScorer(card);
    const n = 3000; // several chunks, segments interleaved
    const x1 = Float64Array.from({ length: n }, () => rng.uniform(-1, 1));
    const x2 = Float64Array.from({ length: n }, () => (rng.next() < 0.2 ? NaN : rng.uniform(-1, 1)));
    const x3 = Float64Array.from({ length: n }, () => rng.uniform(0, 2));
    const segment = Array.from({ length: n }, () => rng.pick(['enterprise', 'smb', null]));
    const cols = scoreColumns(card, { n, columns: { x1, x2, x3, segment } });
    for (let i = 0; i < n; i++) {
        const ref = scoreAccount(card, { x1: x1[i], x2: x2[i], x3: x3[i], segment: segment[i] });
        assert.equal(cols.score[i], ref.score);
        assert.equal(cols.coverage[i], ref.coverage);
        assert.deepEqual(scorer({ x1: x1[i], x2: x2[i], x3: x3[i], segment: segment[i] }), ref);
    }
});
test('segment weights are checked like the card: every layer and signal, summing to 1, named paths', () => {
    const bad = (patch, path) => {
        const json = JSON.parse(JSON.stringify(enterpriseCard()));
        patch(json['segment_weights']['enterprise']);
        assert.throws(() => parseScorecard(json), (err) => err instanceof ScorecardError && path.test(err.message));
    };
    bad((s) => delete s.layers.b, /segment_weights\.enterprise\.layers: has no weights for layer b/);
    bad((s) => (s.layers.c = { weight: 0, signals: {} }), /segment_weights\.enterprise\.layers\.c: is not a layer/);
    bad((s) => (s.layers.a.weight = 0.7), /segment_weights\.enterprise\.layers: .*sum to 0\.9/);
    bad((s) => (s.layers.a.signals.x1 = 0.5), /segment_weights\.enterprise\.layers\.a\.signals: .*sum to 1\.25/);
    bad((s) => delete s.layers.a.signals.x2, /layers\.a\.signals: has no weight for x2/);
    bad((s) => (s.layers.b.signals.x1 = 0), /layers\.b\.signals\.x1: is not a signal of layer b/);
    bad((s) => (s.layers.a.weight = -0.2), /segment_weights\.enterprise\.layers\.a\.weight/);
});
test('random cards: a row of a segment scores as the card would with that segment weights as its own', () => {
    const rng = new Rng(31);
    for (let c = 0; c < 20; c++) {
        const card = randomCard(rng);
        // the reference for enterprise rows: the card with its weights replaced by enterprise's
        const own = {
            layers: Object.fromEntries(card.layers.map((l) => {
                const raw = l.signals.map(() => 0.1 + rng.next());
                const sum = raw.reduce((a, b) => a + b, 0);
                return [
                    l.name,
                    {
                        weight: 1 / card.layers.length,
                        signals: Object.fromEntries(l.signals.map((s, j) => [s.feature, raw[j] / sum])),
                    },
                ];
            })),
        };
        const withSegment = parseScorecard({ ...card, segment_weights: { enterprise: own } });
        const replaced = parseScorecard({
            ...card,
            layers: card.layers.map((l) => ({
                ...l,
                weight: own.layers[l.name].weight,
                signals: l.signals.map((s) => ({ ...s, weight: own.layers[l.name].signals[s.feature] })),
            })),
        });
        for (let i = 0; i < 50; i++) {
            const s = { segment: 'enterprise' };
            for (const f of ['f0', 'f1', 'f2', 'f3', 'f4', 'f5'])
                s[f] = randomValue(rng, true);
            for (const f of ['b0', 'b1'])
                s[f] = randomValue(rng, false);
            const a = scoreAccount(withSegment, s);
            const b = scoreAccount(replaced, s);
            assert.equal(a.score, b.score);
            assert.deepEqual(a.layers, b.layers);
            assert.deepEqual(a.reasons, b.reasons);
        }
    }
});
//# sourceMappingURL=segment-weights.test.js.map