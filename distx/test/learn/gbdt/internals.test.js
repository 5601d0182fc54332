/**
 * The boosting internals from first principles (issue 23): split gain, leaf weight, lambda,
 * gamma, min_child_weight, missing-value directions and monotone bounds on histograms small
 * enough to work by hand. The gain of a split is G_L^2/(H_L+l) + G_R^2/(H_R+l) - G^2/(H+l);
 * a leaf's weight is -G/(H+l). (churnkit has no L1 term, XGBoost's alpha: there is none to test.)
 */
import assert from 'node:assert/strict';
import test from 'node:test';
import { meanLogLoss, priorLogOdds } from '../../../src/learn/gbdt/objective.js';
import { childBounds, findBestSplit, leafWeight, } from '../../../src/learn/gbdt/split.js';
import { HIST_DOUBLES_PER_FEATURE } from '../../../src/learn/gbdt/workspace.js';
/** One histogram slot: per feature, [missing (g, h), bin 1 (g, h), ...]. */
function histogram(features) {
    const hist = new Float64Array(features.length * HIST_DOUBLES_PER_FEATURE);
    features.forEach((bins, f) => bins.forEach(([g, h], s) => hist.set([g, h], f * HIST_DOUBLES_PER_FEATURE + 2 * s)));
    return {
        hist,
        binCounts: Int32Array.from(features.map((b) => b.length - 1)),
        features: Uint32Array.from(features.keys()),
    };
}
const params = (over = {}) => ({
    lambda: 1,
    minChildWeight: 0,
    minSplitGain: 0,
    monotone: null,
    ...over,
});
const free = (G, H) => ({ G, H, lower: -Infinity, upper: Infinity });
const near = (a, e, what, tol = 1e-12) => assert.ok(Math.abs(a - e) < tol, `${what}: ${a} != ${e}`);
// Bins of one feature (no missing values): (g, h) = (-4, 2), (1, 1), (3, 1); G = 0, H = 4.
// Bin 1 left: G_L = -4, H_L = 2, G_R = 4, H_R = 2.   Bins 1..2 left: G_L = -3, H_L = 3, G_R = 3, H_R = 1.
const SIMPLE = [
    [0, 0],
    [-4, 2],
    [1, 1],
    [3, 1],
];
test('gain and leaf weights by hand, lambda = 1', () => {
    const h = histogram([[...SIMPLE]]);
    const s = findBestSplit(h.hist, 0, free(0, 4), h.features, h.binCounts, params());
    // bin 1: 16/3 + 16/3 - 0 = 32/3;  bins 1..2: 9/4 + 9/2 = 27/4 < 32/3
    assert.equal(s.feature, 0);
    assert.equal(s.bin, 1);
    near(s.gain, 32 / 3, 'gain');
    assert.deepEqual([s.GL, s.HL, s.GR, s.HR], [-4, 2, 4, 2]);
    near(s.wLeft, 4 / 3, 'w_L = 4 / (2 + 1)');
    near(s.wRight, -4 / 3, 'w_R');
    // the parent's own term: G = -2 instead of 0 subtracts 4/5 (bins moved by -2 on the first)
    const shifted = histogram([
        [
            [0, 0],
            [-6, 2],
            [1, 1],
            [3, 1],
        ],
    ]);
    const t = findBestSplit(shifted.hist, 0, free(-2, 4), shifted.features, shifted.binCounts, params());
    near(t.gain, 36 / 3 + 16 / 3 - 4 / 5, 'gain with a parent term');
});
test('lambda: 0 and 5 give the hand-computed gains and weights, and lambda can change the split', () => {
    const h = histogram([[...SIMPLE]]);
    const none = findBestSplit(h.hist, 0, free(0, 4), h.features, h.binCounts, params({ lambda: 0 }));
    near(none.gain, 16, '16/2 + 16/2');
    near(none.wLeft, 2, '4 / 2');
    const five = findBestSplit(h.hist, 0, free(0, 4), h.features, h.binCounts, params({ lambda: 5 }));
    near(five.gain, 32 / 7, '16/7 + 16/7');
    near(five.wLeft, 4 / 7, '4 / 7');
    // (-4, 1), (-2, 5), (6, 6): with lambda 0, bin 1 alone wins (16/1 + 16/11 > 36/6 + 36/6);
    // with lambda 5, bins 1..2 win (36/11 + 36/11 > 16/6 + 16/16).
    const flip = histogram([
        [
            [0, 0],
            [-4, 1],
            [-2, 5],
            [6, 6],
        ],
    ]);
    const a = findBestSplit(flip.hist, 0, free(0, 12), flip.features, flip.binCounts, params({ lambda: 0 }));
    assert.equal(a.bin, 1);
    near(a.gain, 16 + 16 / 11, 'lambda 0');
    const b = findBestSplit(flip.hist, 0, free(0, 12), flip.features, flip.binCounts, params({ lambda: 5 }));
    assert.equal(b.bin, 2);
    near(b.gain, 72 / 11, 'lambda 5');
});
test('gamma (min_split_gain): a split must gain more than it; and more than 1e-6 always', () => {
    const h = histogram([[...SIMPLE]]);
    const at = (gamma) => findBestSplit(h.hist, 0, free(0, 4), h.features, h.binCounts, params({ minSplitGain: gamma }));
    assert.ok(at(10.6), 'gain 10.67 > 10.6');
    assert.equal(at(32 / 3), null, 'not strictly more');
    assert.equal(at(11), null);
    // a gain of 1e-7 is no split, even with gamma 0: (g, h) = (-1e-4, 1), (1e-4, 1), lambda 0 -> 2e-8
    const tiny = histogram([
        [
            [0, 0],
            [-1e-4, 1],
            [1e-4, 1],
        ],
    ]);
    assert.equal(findBestSplit(tiny.hist, 0, free(0, 2), tiny.features, tiny.binCounts, params({ lambda: 0 })), null);
});
test('min_child_weight: each child keeps at least that hessian sum', () => {
    const h = histogram([[...SIMPLE]]);
    const run = (mcw) => findBestSplit(h.hist, 0, free(0, 4), h.features, h.binCounts, params({ minChildWeight: mcw }));
    assert.equal(run(2).bin, 1, 'H_L = H_R = 2 is allowed');
    assert.equal(run(2.5), null, 'H = 4 < 2 x 2.5');
    // with bins 1..2 the only candidate (bin 1 alone made too light), mcw 2.5 on H = 6:
    const heavy = histogram([
        [
            [0, 0],
            [-4, 2],
            [1, 1],
            [3, 3],
        ],
    ]);
    // bin 1 left: H_L = 2 < 2.5; bins 1..2: H_L = 3, H_R = 3: gain 9/4 + 9/4 - 0 = 4.5
    const s = findBestSplit(heavy.hist, 0, free(0, 6), heavy.features, heavy.binCounts, params({ minChildWeight: 2.5 }));
    assert.equal(s.bin, 2);
    near(s.gain, 4.5, 'gain');
    // with missing values sent left: missing (-5, 2) + SIMPLE, whose best split (bin 1, missing
    // left) leaves H_R = 2; under min_child_weight 2.5 every candidate leaves a side too light.
    const missing = histogram([
        [
            [-5, 2],
            [-4, 2],
            [1, 1],
            [3, 1],
        ],
    ]);
    const m = (mcw) => findBestSplit(missing.hist, 0, free(-5, 6), missing.features, missing.binCounts, params({ minChildWeight: mcw }));
    assert.equal(m(2).defaultLeft, true);
    assert.equal(m(2.5), null);
});
test('missing values: both directions are tried, the better one is kept', () => {
    // missing (g, h) = (-5, 2) plus SIMPLE: G = -5, H = 6, parent term 25/7.
    //   bin 1, missing right: 16/3 + 1/5 - 25/7        bin 1, missing left: 81/5 + 16/3 - 25/7 (best)
    //   bins 1..2, missing left: 64/6 + 9/2 - 25/7     all values left, missing right: 0 + 25/3 - 25/7
    const h = histogram([
        [
            [-5, 2],
            [-4, 2],
            [1, 1],
            [3, 1],
        ],
    ]);
    const s = findBestSplit(h.hist, 0, free(-5, 6), h.features, h.binCounts, params());
    assert.equal(s.bin, 1);
    assert.equal(s.defaultLeft, true);
    near(s.gain, 81 / 5 + 16 / 3 - 25 / 7, 'gain');
    assert.deepEqual([s.GL, s.HL], [-9, 4]);
    // missing values alone on the right: only the "all values left" split separates them
    const alone = histogram([
        [
            [6, 3],
            [-2, 1],
            [-2, 1],
            [-2, 1],
        ],
    ]);
    const m = findBestSplit(alone.hist, 0, free(0, 6), alone.features, alone.binCounts, params());
    assert.equal(m.bin, 3, 'the last value bin: every value left');
    assert.equal(m.defaultLeft, false);
    near(m.gain, 36 / 4 + 36 / 4, 'gain');
});
test('no missing values at a node: later missing values follow the child with more hessian', () => {
    // (-4, 1), (1, 2), (3, 2): bin 1 wins (16/2 + 16/5); H_L = 1 < H_R = 4 -> right
    const right = histogram([
        [
            [0, 0],
            [-4, 1],
            [1, 2],
            [3, 2],
        ],
    ]);
    assert.equal(findBestSplit(right.hist, 0, free(0, 5), right.features, right.binCounts, params()).defaultLeft, false);
    // mirrored: (-3, 2), (-1, 2), (4, 1): bins 1..2 win, H_L = 4 > H_R = 1 -> left
    const left = histogram([
        [
            [0, 0],
            [-3, 2],
            [-1, 2],
            [4, 1],
        ],
    ]);
    const s = findBestSplit(left.hist, 0, free(0, 5), left.features, left.binCounts, params());
    assert.equal(s.bin, 2);
    assert.equal(s.defaultLeft, true);
    // equal hessians: left
    const h = histogram([[...SIMPLE]]);
    assert.equal(findBestSplit(h.hist, 0, free(0, 4), h.features, h.binCounts, params()).defaultLeft, true);
});
test('ties go to the lower feature, empty bins change nothing, empty features are skipped', () => {
    const h = histogram([[...SIMPLE], [...SIMPLE]]);
    assert.equal(findBestSplit(h.hist, 0, free(0, 4), h.features, h.binCounts, params()).feature, 0);
    // only feature 1 offered
    const one = findBestSplit(h.hist, 0, free(0, 4), Uint32Array.of(1), h.binCounts, params());
    assert.equal(one.feature, 1);
    // an empty bin between bins 1 and 2 gives the same split at bin 1
    const gap = histogram([
        [
            [0, 0],
            [-4, 2],
            [0, 0],
            [1, 1],
            [3, 1],
        ],
    ]);
    const g = findBestSplit(gap.hist, 0, free(0, 4), gap.features, gap.binCounts, params());
    assert.equal(g.bin, 1);
    near(g.gain, 32 / 3, 'gain');
    // a feature with no value bins at all is skipped; a histogram in another slot is read there
    const withEmpty = histogram([[[0, 0]], [...SIMPLE]]);
    assert.equal(findBestSplit(withEmpty.hist, 0, free(0, 4), withEmpty.features, withEmpty.binCounts, params()).feature, 1);
    const two = new Float64Array(2 * HIST_DOUBLES_PER_FEATURE);
    two.set(h.hist.subarray(0, HIST_DOUBLES_PER_FEATURE), HIST_DOUBLES_PER_FEATURE);
    const s = findBestSplit(two, HIST_DOUBLES_PER_FEATURE, free(0, 4), Uint32Array.of(0), h.binCounts, params());
    near(s.gain, 32 / 3, 'slot offset');
});
test('monotone constraints: a split ordered the wrong way is refused; bounds clamp weights and gains', () => {
    const h = histogram([[...SIMPLE]]);
    // SIMPLE's splits all put the larger weight left (decreasing in x): refused under +1
    const up = findBestSplit(h.hist, 0, free(0, 4), h.features, h.binCounts, params({ monotone: Int8Array.of(1) }));
    assert.equal(up, null);
    const down = findBestSplit(h.hist, 0, free(0, 4), h.features, h.binCounts, params({ monotone: Int8Array.of(-1) }));
    near(down.gain, 32 / 3, 'unclamped: the plain gain');
    // A node bounded above by 1: w_L = 4/3 is clamped to 1. The gain of weight w for (G, H) is
    // -(2 G w + (H + l) w^2): left -(2(-4)(1) + 3) = 5, right 16/3, parent (w = 0) 0 -> 31/3.
    const bounded = { G: 0, H: 4, lower: -Infinity, upper: 1 };
    const c = findBestSplit(h.hist, 0, bounded, h.features, h.binCounts, params({ monotone: Int8Array.of(-1) }));
    assert.equal(c.bin, 1);
    assert.equal(c.wLeft, 1);
    near(c.wRight, -4 / 3, 'w_R');
    near(c.gain, 5 + 16 / 3, 'clamped gain');
    // An unconstrained feature in a constrained model is free; the parent's clamped weight counts:
    // lower bound 0.5 -> parent w = 0.5, parent gain -(0 + 5 * 0.25) = -1.25; children clamped to
    // 0.5 and 0.5... both children at 0.5: -(2(-4)(.5) + 3(.25)) + -(2(4)(.5) + 3(.25)) = 3.25 - 4.75
    const floor = { G: 0, H: 4, lower: 0.5, upper: Infinity };
    const f = findBestSplit(h.hist, 0, floor, h.features, h.binCounts, params({ monotone: Int8Array.of(0) }));
    // bin 1: w_L = 4/3, w_R = 0.5: 16/3 + -(8 * .5 + 3 * .25) = 16/3 - 4.75, minus -1.25 -> 16/3 - 3.5
    assert.ok(f);
    near(f.gain, 16 / 3 - 3.5, 'gain with a clamped parent');
    assert.equal(f.wRight, 0.5);
});
test('childBounds hands the midpoint down the promised way', () => {
    const parent = { G: 0, H: 4, lower: -2, upper: 3 };
    const split = { wLeft: -1, wRight: 2 };
    assert.deepEqual(childBounds(parent, split, 1), { left: [-2, 0.5], right: [0.5, 3] });
    assert.deepEqual(childBounds(parent, split, -1), { left: [0.5, 3], right: [-2, 0.5] });
    assert.deepEqual(childBounds(parent, split, 0), { left: [-2, 3], right: [-2, 3] });
});
test('leafWeight: -G / (H + lambda), clamped into [lower, upper]', () => {
    near(leafWeight(-6, 2, 1), 2, '6/3');
    near(leafWeight(6, 2, 0), -3, '-6/2');
    assert.equal(leafWeight(-6, 2, 1, -Infinity, 1.5), 1.5);
    assert.equal(leafWeight(6, 2, 1, -1, Infinity), -1);
    assert.equal(leafWeight(0, 2, 1), -0);
});
test('the objective: prior log-odds (weighted, clipped) and mean log loss by hand', () => {
    near(priorLogOdds(Float64Array.of(1, 0, 0, 0), null), Math.log(1 / 3), 'log(0.25 / 0.75)');
    near(priorLogOdds(Float64Array.of(1, 0), Float64Array.of(3, 1)), Math.log(3), 'weighted: 0.75');
    near(priorLogOdds(Float64Array.of(0, 0), null), Math.log(1e-6 / (1 - 1e-6)), 'all negative: clipped at 1e-6');
    near(priorLogOdds(Float64Array.of(1, 1), null), Math.log((1 - 1e-6) / 1e-6), 'all positive: clipped', 1e-9);
    near(priorLogOdds(new Float64Array(0), null), 0, 'no rows: 0.5');
    // log loss at margin z: log(1 + e^z) - y z
    near(meanLogLoss(Float64Array.of(0, 0), Float64Array.of(1, 0), null), Math.log(2), 'margin 0');
    near(meanLogLoss(Float64Array.of(2, -1), Float64Array.of(1, 1), null), (Math.log1p(Math.exp(-2)) + Math.log1p(Math.exp(1))) / 2, 'by hand');
    near(meanLogLoss(Float64Array.of(800), Float64Array.of(0), null), 800, 'large margin stays finite');
    near(meanLogLoss(Float64Array.of(-800), Float64Array.of(1), null), 800, 'large negative margin');
    near(meanLogLoss(Float64Array.of(0, 3), Float64Array.of(0, 0), Float64Array.of(1, 3)), (Math.log(2) + 3 * (3 + Math.log1p(Math.exp(-3)))) / 4, 'weighted');
    assert.equal(meanLogLoss(new Float64Array(0), new Float64Array(0), null), 0);
});
test('bins with no hessian or no gradient, a side of zero hessian, one value bin, missing-side ties', () => {
    const split = (features, G, H, over = {}) => {
        const h = histogram(features);
        return findBestSplit(h.hist, 0, free(G, H), h.features, h.binCounts, params(over));
    };
    // A bin with gradient 0 but hessian 1 is not empty: (-6, 4), (0, 1), (6, 2).
    //   bin 1: 36/5 + 36/4 = 16.2;  bins 1..2: 36/6 + 36/3 = 18 (best, ending at the zero-gradient bin)
    const g0 = split([
        [
            [0, 0],
            [-6, 4],
            [0, 1],
            [6, 2],
        ],
    ], 0, 7);
    assert.equal(g0.bin, 2);
    near(g0.gain, 18, 'gain');
    // A bin with hessian 0 but gradient -4 is not empty either: (-3, 2), (-4, 0), (7, 2).
    //   bin 1: 9/3 + 9/3 = 6;  bins 1..2: 49/3 + 49/3 (best)
    const h0 = split([
        [
            [0, 0],
            [-3, 2],
            [-4, 0],
            [7, 2],
        ],
    ], 0, 4);
    assert.equal(h0.bin, 2);
    near(h0.gain, 98 / 3, 'gain', 1e-9);
    // A side whose hessian sum is 0 (or within H * 1e-10 of it) is empty: no split, whatever its gradient.
    assert.equal(split([
        [
            [0, 0],
            [-4, 0],
            [4, 2],
        ],
    ], 0, 2), null);
    assert.equal(split([
        [
            [0, 0],
            [-5, 1e-10],
            [5, 1 - 1e-10],
        ],
    ], 0, 1), null, 'H_L = H x 1e-10 exactly is still empty');
    // The same for the right side of "missing values left", with H = 1e10 so that H x 1e-10 is 1
    // exactly: missing (-5e5, 5e9), bin 1 (-5e5, 5e9 - h), bin 2 (1e6, h). With h = 1 the split
    // that sends only bin 2 right (gain about 5e11) leaves it hessian 1 = H x 1e-10: refused, one
    // of the splits of gain about 100 is taken; with h = 2 it is taken.
    const isolated = (h) => split([
        [
            [-5e5, 5e9],
            [-5e5, 5e9 - h],
            [1e6, h],
        ],
    ], 0, 1e10);
    assert.ok(isolated(1).gain < 101, `gain ${isolated(1).gain}`);
    assert.deepEqual([isolated(2).bin, isolated(2).defaultLeft], [1, true]);
    assert.ok(isolated(2).gain > 3e11, `gain ${isolated(2).gain}`);
    // Missing values left would leave the right side with hessian 0: (1, 1) missing, (-2, 1), (6, 0).
    //   missing right at bin 1: 4/2 + 49/2 - 25/3 (best); missing left: 1/3 + 36/1 - 25/3 is refused
    const hr0 = split([
        [
            [1, 1],
            [-2, 1],
            [6, 0],
        ],
    ], 5, 2);
    assert.deepEqual([hr0.bin, hr0.defaultLeft], [1, false]);
    near(hr0.gain, 2 + 24.5 - 25 / 3, 'gain', 1e-9);
    // One value bin and missing values: the only split is "values left, missing right".
    const one = split([
        [
            [6, 3],
            [-6, 3],
        ],
    ], 0, 6);
    assert.deepEqual([one.bin, one.defaultLeft], [1, false]);
    near(one.gain, 18, '36/4 + 36/4');
    // Missing values with gradient 0 on a symmetric split: both directions gain 9/2 + 9/3 = 7.5;
    // the tie goes to missing-right.
    const tie = split([
        [
            [0, 1],
            [-3, 1],
            [3, 1],
        ],
    ], 0, 3);
    assert.deepEqual([tie.bin, tie.defaultLeft], [1, false]);
    near(tie.gain, 7.5, 'gain');
    // min_child_weight on the left side with missing values sent left: H_L = mcw exactly is allowed.
    //   missing (-5, 1) + bin 1 (-4, 1) left: H_L = 2 = mcw, H_R = 2
    const mcw = split([
        [
            [-5, 1],
            [-4, 1],
            [4, 1],
            [5, 1],
        ],
    ], 0, 4, { minChildWeight: 2 });
    assert.deepEqual([mcw.bin, mcw.defaultLeft, mcw.HL], [1, true, 2]);
    // The best split on a later feature with no missing values, where a feature before it has some:
    // later missing values follow the bigger child (bins 1..2, H_L = 4 > H_R = 1: left).
    const later = split([
        [
            [1, 1],
            [0, 2],
            [-1, 2],
        ],
        [
            [0, 0],
            [-3, 2],
            [-1, 2],
            [4, 1],
        ],
    ], 0, 5);
    assert.deepEqual([later.feature, later.bin, later.defaultLeft], [1, 2, true]);
    // Missing values with hessian 0 (gradient -6: a saturated row) count as no missing values: the
    // candidates send them right, G_R keeps their gradient. (-1, 1), (6, 1); G = -7, H = 2:
    //   bin 1: 1/2 + 36/2 - 49/3.   (Sending them left would gain 49/2 + 0 - 49/3.)
    const hm0 = split([
        [
            [-6, 0],
            [-1, 1],
            [6, 1],
        ],
    ], -7, 2);
    assert.deepEqual([hm0.bin, hm0.GL, hm0.GR], [1, -1, -6]);
    near(hm0.gain, 0.5 + 18 - 49 / 3, 'gain', 1e-9);
    // An empty first bin is skipped: missing values alone never go left; the same rows are
    // separated by "every value left, missing right" at the last bin. Missing (-5, 2), bins
    // (0, 0), (1, 1), (4, 1): 25/3 + 25/3.
    const emptyFirst = split([
        [
            [-5, 2],
            [0, 0],
            [1, 1],
            [4, 1],
        ],
    ], 0, 4);
    assert.deepEqual([emptyFirst.bin, emptyFirst.defaultLeft], [3, false]);
    near(emptyFirst.gain, 50 / 3, 'gain', 1e-9);
});
//# sourceMappingURL=internals.test.js.map