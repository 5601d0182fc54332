/**
 * The numerical edges of the metrics (issue 23): each guard is given the values that need it,
 * and every expected number is worked out by hand in the comments.
 */
import assert from 'node:assert/strict';
import test from 'node:test';
import { averagePrecision, binaryMetrics, binOf, brierScore, calibrationReport, expectedCalibrationError, LOG_LOSS_EPS, liftAt, logit, logLoss, prCurve, rankedTotals, rocAuc, rocCurve, sigmoid, topK, wilsonInterval, } from '../../src/stats/index.js';
const near = (actual, expected, what, tol = 1e-12) => assert.ok(Math.abs(actual - expected) <= tol * Math.max(1, Math.abs(expected)), `${what}: ${actual} != ${expected}`);
/** The double just below x. */
function below(x) {
    const b = new Float64Array([x]);
    const u = new BigInt64Array(b.buffer);
    u[0] -= 1n;
    return b[0];
}
test('binOf: bin b is exactly [b/B, (b+1)/B) even where p * B rounds across the edge', () => {
    // 10 bins (ECE and the reliability table in metrics.json): 0.8999999999999999 is below 0.9 but
    // 0.8999999999999999 * 10 rounds to 9 exactly, so floor() alone puts it in bin 9.
    const p = below(0.9);
    assert.equal(p, 0.8999999999999999);
    assert.equal(Math.floor(p * 10), 9, 'the case the guard exists for');
    assert.equal(binOf(p, 10), 8);
    assert.equal(binOf(0.9, 10), 9);
    // 100 bins: 0.29 * 100 = 28.999999999999996, yet 0.29 >= 29/100 (the same double): bin 29.
    assert.equal(Math.floor(0.29 * 100), 28, 'the case the other guard exists for');
    assert.equal(binOf(0.29, 100), 29);
    assert.equal(binOf(below(0.29), 100), 28);
    assert.equal(binOf(below(0.17), 100), 16);
    // 20 bins: below 0.45 rounds up to 9 too.
    assert.equal(binOf(below(0.45), 20), 8);
    assert.equal(binOf(0.45, 20), 9);
    // The ends: 0 in the first bin, 1 in the last (which is closed), and nothing outside.
    assert.equal(binOf(0, 10), 0);
    assert.equal(binOf(1, 10), 9);
    assert.equal(binOf(below(1), 10), 9);
    assert.equal(binOf(0.1, 10), 1);
    assert.equal(binOf(below(0.1), 10), 0);
    assert.equal(binOf(1, 1), 0);
});
test('calibrationReport puts the edge value in its bin, and ECE is the weighted gap by hand', () => {
    // Rows: 0.8999999999999999 (y 1) -> bin 8; 0.9 (y 0) -> bin 9; 0.05 (y 0) and 0.15 (y 1) -> bins 0 and 1.
    const p = [below(0.9), 0.9, 0.05, 0.15];
    const y = [1, 0, 0, 1];
    const r = calibrationReport(y, p);
    assert.equal(r.bins.length, 10);
    assert.deepEqual(r.bins.map((b) => b.rows), [1, 1, 0, 0, 0, 0, 0, 0, 1, 1]);
    // gaps: bin 0 |0.05 - 0| = 0.05, bin 1 |0.15 - 1| = 0.85, bin 8 |0.9 - 1| = 0.1, bin 9 |0.9 - 0| = 0.9
    // ECE = (0.05 + 0.85 + 0.1 + 0.9) / 4 = 0.475; MCE = 0.9
    near(r.ece, 0.475, 'ece');
    near(r.mce, 0.9, 'mce');
    const b8 = r.bins[8];
    assert.equal(b8.lo, 0.8);
    assert.equal(b8.hi, 0.9);
    assert.equal(b8.observed_rate, 1);
    near(b8.mean_predicted, below(0.9), 'bin 8 mean');
    // an empty bin has no mean and no rate, and the full [0, 1] interval
    assert.ok(Number.isNaN(r.bins[4].mean_predicted));
    assert.ok(Number.isNaN(r.bins[4].observed_rate));
    assert.equal(r.bins[4].observed_low, 0);
    assert.equal(r.bins[4].observed_high, 1);
    assert.equal(r.bins[4].weight, 0);
    // weighted: weights 1, 3, 0, 0 -> bins 8 and 9 only: (1 * 0.1 + 3 * 0.9) / 4 = 0.7
    near(expectedCalibrationError(y, p, [1, 3, 0, 0]), 0.7, 'weighted ece');
    const w = calibrationReport(y, p, [1, 3, 0, 0]);
    assert.equal(w.bins[0].rows, 1, 'rows count rows, whatever their weight');
    assert.equal(w.bins[9].weight, 3);
    // 5 bins: 0.8999999999999999 and 0.9 share [0.8, 1]: mean 0.9, rate 0.5 -> gap 0.4;
    // 0.05 and 0.15 share [0, 0.2): mean 0.1, rate 0.5 -> gap 0.4.   ECE 0.4
    near(calibrationReport(y, p, undefined, 5).ece, 0.4, '5 bins', 1e-9);
    // no rows at all: ECE undefined
    assert.ok(Number.isNaN(calibrationReport([], []).ece));
    assert.throws(() => calibrationReport([1], [-0.01]), /row 1 is -0.01, outside \[0, 1\]/);
    assert.throws(() => calibrationReport([1, 0], [0.5]), /^RangeError: calibrationReport: 2 labels but 1 scores/);
});
test('log loss clips at machine epsilon like sklearn, so a confident miss is large but finite', () => {
    // p = 0 for a positive: -log(eps) = 36.04365338911715
    near(logLoss([1], [0]), -Math.log(LOG_LOSS_EPS), 'p = 0, y = 1');
    near(logLoss([0], [1]), -Math.log(LOG_LOSS_EPS), 'p = 1, y = 0', 1e-6);
    assert.equal(logLoss([1], [1]), -Math.log(1 - LOG_LOSS_EPS));
    near(logLoss([1, 0], [0.5, 0.25]), (Math.log(2) + -Math.log(0.75)) / 2, 'by hand');
    // weighted: (3 * log 2 + 1 * -log 0.75) / 4
    near(logLoss([1, 0], [0.5, 0.25], [3, 1]), (3 * Math.log(2) - Math.log(0.75)) / 4, 'weighted');
    near(logLoss([1], [0.001], undefined, 0.01), -Math.log(0.01), 'custom eps');
    near(logLoss([0], [0.999], undefined, 0.01), -Math.log(0.01), 'custom eps, upper clip', 1e-9);
    // Brier: ((1 - 0.5)^2 + (0 - 0.25)^2) / 2 = (0.25 + 0.0625) / 2
    near(brierScore([1, 0], [0.5, 0.25]), 0.15625, 'brier');
    near(brierScore([1, 0], [0.5, 0.25], [1, 3]), (0.25 + 3 * 0.0625) / 4, 'weighted brier');
    assert.throws(() => brierScore([1, 0], [0.5]), /^RangeError: brierScore: 2 labels but 1 scores/);
    assert.throws(() => logLoss([1, 0], [0.5, 0.5], [1]), /^RangeError: logLoss: 2 labels but 1 weights/);
});
test('sigmoid and logit stay finite and exact at the extremes', () => {
    assert.equal(sigmoid(0), 0.5);
    assert.equal(sigmoid(800), 1);
    assert.equal(sigmoid(-800), 0);
    assert.ok(sigmoid(-745) > 0, 'exp(-745) is the last subnormal: still positive');
    near(sigmoid(2), 1 / (1 + Math.exp(-2)), 'sigmoid(2)');
    near(sigmoid(-2), Math.exp(-2) / (1 + Math.exp(-2)), 'sigmoid(-2)');
    near(sigmoid(-2) + sigmoid(2), 1, 'symmetry');
    near(logit(0.75), Math.log(3), 'logit 0.75');
    near(logit(sigmoid(-3.25)), -3.25, 'inverse', 1e-12);
    assert.equal(logit(0.5), 0);
});
test('ranked totals, AUC and average precision by hand, with a tie straddling classes', () => {
    // scores 0.9 (1), 0.7 (0), 0.7 (1), 0.2 (0), 0.1 (1)
    const y = [1, 0, 1, 0, 1];
    const s = [0.9, 0.7, 0.7, 0.2, 0.1];
    const t = rankedTotals(y, s);
    assert.deepEqual([...t.thresholds], [0.9, 0.7, 0.2, 0.1]);
    assert.deepEqual([...t.tps], [1, 2, 2, 3]);
    assert.deepEqual([...t.fps], [0, 1, 2, 2]);
    assert.deepEqual([...t.rows], [1, 3, 4, 5]);
    // the same with unit weights (the weighted path)
    const tw = rankedTotals(y, s, [1, 1, 1, 1, 1]);
    assert.deepEqual([...tw.tps], [1, 2, 2, 3]);
    assert.deepEqual([...tw.fps], [0, 1, 2, 2]);
    assert.deepEqual([...tw.rows], [1, 3, 4, 5]);
    // AUC: pairs (pos, neg) = 3 x 2 = 6; wins: 0.9 beats both (2), 0.7 beats 0.2 (1) and ties 0.7
    // (0.5), 0.1 beats none: 3.5 / 6
    near(rocAuc(y, s), 3.5 / 6, 'auc');
    near(rocAuc(y, s, [1, 1, 1, 1, 1]), 3.5 / 6, 'auc, unit weights');
    // weights 2 on the first positive: wins 2*2 + 1 + 0.5 = 5.5 of 4 x 2 = 8
    near(rocAuc(y, s, [2, 1, 1, 1, 1]), 5.5 / 8, 'weighted auc');
    // AP: thresholds 0.9 (recall 1/3, precision 1), 0.7 (recall 2/3, precision 2/3), 0.1 (recall 1, precision 3/5)
    near(averagePrecision(y, s), (1 / 3) * 1 + (1 / 3) * (2 / 3) + (1 / 3) * (3 / 5), 'ap');
    assert.ok(Number.isNaN(averagePrecision([0, 0], [0.1, 0.2])), 'AP without positives');
    assert.ok(Number.isNaN(rocAuc([], [])), 'AUC of nothing');
    assert.ok(Number.isNaN(rocAuc([0, 0], [0.1, 0.2])), 'AUC without positives');
    assert.ok(Number.isNaN(rocAuc([1, 1], [0.1, 0.2], [1, 1])), 'weighted AUC without negatives');
    assert.ok(Number.isNaN(rocAuc([1, 0], [0.1, 0.2], [0, 1])), 'no positive weight');
});
test('a row of weight 0 at the top score: AP as without it, and the PR point above all weight has precision 0', () => {
    // Without the row at 0.95: 0.9 (1), 0.5 (0), 0.3 (1): recall 1/2 at precision 1, then recall
    // 1 at precision 2/3: AP = 1/2 + 1/3 = 5/6 (sklearn 1.2.1 gives 0.8333333333333333 with the
    // weight-0 row, which it drops). Its threshold adds no recall, so it must add nothing, not 0 x 0/0.
    const y = [0, 1, 0, 1];
    const s = [0.95, 0.9, 0.5, 0.3];
    const w = [0, 1, 1, 1];
    near(averagePrecision(y, s, w), 5 / 6, 'AP with a weight-0 top row');
    // sklearn drops weight-0 rows, so its curve has no point at 0.95; ours keeps the threshold, where
    // no weight lies above: precision 0/0 is 0 (sklearn's value for 0/0), never NaN (null in JSON).
    const pr = prCurve(y, s, w);
    assert.deepEqual(pr.thresholds, [0.3, 0.5, 0.9, 0.95, null]);
    near(pr.precision[0], 2 / 3, 'precision at 0.3');
    assert.deepEqual(pr.precision.slice(1), [0.5, 1, 0, 1]);
    assert.deepEqual(pr.recall, [1, 0.5, 0.5, 0, 0]);
});
test('tied rows are summed in row order, so the rounding is reproducible; errors name the function', () => {
    // In float64 1e16 + 1 + 1 is 1e16 but 1 + 1 + 1e16 is 1e16 + 2: the order of the tie group decides.
    const t = rankedTotals([1, 1, 1, 0], [0.5, 0.5, 0.5, 0.2], [1e16, 1, 1, 3]);
    assert.deepEqual([...t.tps], [1e16, 1e16]);
    assert.deepEqual([...t.rows], [3, 4]);
    assert.throws(() => rankedTotals([1, 0], [0.5]), /rankedTotals: 2 labels but 1 scores/);
});
test('ROC curve keeps corners, drops collinear points; PR curve runs from recall 1 to (0, 1)', () => {
    // 0.9 (1), 0.8 (1), 0.7 (0), 0.6 (0): points (0,0) (0,.5) (0,1) (.5,1) (1,1); (0,.5) and (.5,1) are collinear
    const roc = rocCurve([1, 1, 0, 0], [0.9, 0.8, 0.7, 0.6]);
    assert.deepEqual(roc.fpr, [0, 0, 1]);
    assert.deepEqual(roc.tpr, [0, 1, 1]);
    assert.deepEqual(roc.thresholds, [Infinity, 0.8, 0.6]);
    const one = rocCurve([1, 1], [0.2, 0.4]);
    assert.ok(one.fpr.every(Number.isNaN), 'no negatives: FPR undefined');
    assert.deepEqual(one.tpr, [0, 1]);
    const pr = prCurve([1, 0, 1], [0.9, 0.5, 0.1]);
    // thresholds lowest first: 0.1 (P 2/3, R 1), 0.5 (P 1/2, R 1/2), 0.9 (P 1, R 1/2), then (R 0, P 1)
    assert.deepEqual(pr.thresholds, [0.1, 0.5, 0.9, null]);
    near(pr.precision[0], 2 / 3, 'p0');
    assert.deepEqual(pr.precision.slice(1), [0.5, 1, 1]);
    assert.deepEqual(pr.recall, [1, 0.5, 0.5, 0]);
    const none = prCurve([0, 0], [0.3, 0.6]);
    assert.deepEqual(none.precision, [0, 0, 1]);
    assert.ok(Number.isNaN(none.recall[0]));
});
test('top k and lift share a tie group straddling the cut pro rata', () => {
    // scores: 0.9 (1), 0.5 (1), 0.5 (0), 0.5 (0), 0.1 (0): overall rate 2/5
    const y = [1, 1, 0, 0, 0];
    const s = [0.9, 0.5, 0.5, 0.5, 0.1];
    // top 2: row 0.9 plus half... 1 of the 3 tied rows: expected positives 1 + 1/3
    const t2 = topK(y, s, 2);
    near(t2.positives, 1 + 1 / 3, 'positives at 2');
    near(t2.weight, 2, 'rows at 2');
    near(t2.precision, 4 / 3 / 2, 'precision at 2');
    near(t2.recall, 4 / 3 / 2, 'recall at 2');
    const t1 = topK(y, s, 1);
    assert.deepEqual([t1.positives, t1.precision, t1.recall], [1, 1, 0.5]);
    const all = topK(y, s, 99);
    assert.equal(all.k, 5, 'k is capped at the rows');
    assert.deepEqual([all.positives, all.weight], [2, 5]);
    const zero = topK(y, s, -1);
    assert.equal(zero.k, 0);
    assert.ok(Number.isNaN(zero.precision));
    // lift at 40% = 2 rows: precision 2/3 over 2/5 = 5/3; at 10% = 0.5 row of the top (a positive): 1 / 0.4
    near(liftAt(y, s, 0.4), 2 / 3 / 0.4, 'lift 40%');
    near(liftAt(y, s, 0.1), 2.5, 'lift 10%');
    // weighted: the positive at 0.9 weighs 3: overall 4/7; top 10% of 5 rows = 0.5 row of weight 3 -> precision 1
    near(liftAt(y, s, 0.1, [3, 1, 1, 1, 1]), 7 / 4, 'weighted lift');
    assert.ok(Number.isNaN(liftAt([0, 0], [0.2, 0.1])), 'no positives: no lift');
    assert.ok(Number.isNaN(liftAt([], [])));
});
test("k ending exactly at a tie group takes the group whole: precision at k is the PR curve's, to the bit", () => {
    // Weights 3.3 (y 1, 0.9), 3.2 (y 0, 0.8), then a tie at 0.7 of 0.9 (y 1) and 0.1 (y 0): the top 4
    // rows are everything down to 0.7, weight 4.2 + 3.3 = 7.5. Taking the tie group "pro rata" with
    // a fraction of 1 would give 3.3 + 3.2 + ((4.2 - 3.3) + (3.3 - 3.2)) = 7.500000000000001.
    const y = [1, 0, 1, 0, 1];
    const s = [0.9, 0.8, 0.7, 0.7, 0.2];
    const w = [3.3, 3.2, 0.9, 0.1, 1];
    const top = topK(y, s, 4, w);
    assert.equal(top.weight, 7.5);
    assert.equal(top.positives, 4.2);
    const pr = prCurve(y, s, w);
    assert.equal(top.precision, pr.precision[pr.thresholds.indexOf(0.7)]);
});
test('Wilson interval by hand, its clamps, and n = 0', () => {
    // 0 of 10, z = 1.96: centre = (0 + z^2/20) / (1 + z^2/10), half = (z / (1 + z^2/10)) * sqrt(z^2/400)
    const z = 1.959963984540054;
    const d = 1 + (z * z) / 10;
    const zero = wilsonInterval(0, 10);
    assert.equal(zero.rate, 0);
    near(zero.high, (z * z) / 20 / d + (z / d) * Math.sqrt((z * z) / 400), 'high');
    near(wilsonInterval(10, 10).low, 1 - zero.high, 'symmetric');
    // The clamps: in floating point, 16 of 16 gives centre + half = 1.0000000000000002 and 0 of 27
    // gives centre - half = -6.9e-18; the interval must still lie in [0, 1].
    assert.equal(wilsonInterval(16, 16).high, 1);
    assert.equal(wilsonInterval(0, 27).low, 0);
    assert.ok(wilsonInterval(0, 27).high > 0);
    const half = wilsonInterval(5, 10, 1);
    // z = 1: centre 0.5, half = (1 / 1.1) * sqrt(0.025 + 0.0025)
    near(half.low, 0.5 - Math.sqrt(0.0275) / 1.1, 'z = 1 low');
    near(half.high, 0.5 + Math.sqrt(0.0275) / 1.1, 'z = 1 high');
    const none = wilsonInterval(0, 0);
    assert.ok(Number.isNaN(none.rate));
    assert.deepEqual([none.low, none.high], [0, 1]);
});
test('binaryMetrics: prevalence, counts and precision at k by hand', () => {
    const y = [1, 0, 1, 0, 0];
    const p = [0.8, 0.6, 0.4, 0.2, 0.1];
    const m = binaryMetrics(y, p, { k: 2 });
    assert.equal(m.rows, 5);
    assert.equal(m.positives, 2);
    near(m.prevalence, 0.4, 'prevalence');
    // AUC: 0.8 beats 3 negatives, 0.4 beats 2: 5/6
    near(m.auc, 5 / 6, 'auc');
    assert.equal(m.k, 2);
    assert.equal(m.precision_at_k, 0.5);
    assert.equal(m.recall_at_k, 0.5);
    near(m.brier, brierScore(y, p), 'brier');
    near(m.lift_top_decile, 1 / 0.4, 'lift: the top 0.5 row is a positive');
    const w = binaryMetrics(y, p, { weight: [1, 1, 3, 1, 1] });
    near(w.prevalence, 4 / 7, 'weighted prevalence');
    assert.equal(w.k, undefined);
    assert.equal(w.precision_at_k, undefined);
    const coarse = binaryMetrics([1, 0], [0.55, 0.45], { bins: 2 });
    // 2 bins: 0.45 in [0, .5) gap .45; 0.55 in [.5, 1] gap .45
    near(coarse.ece, 0.45, 'ece with 2 bins');
    // bins is passed on: with 2 bins, 0.1 and 0.2 share [0, .5) (mean .15, rate .5, gap .35) and 0.7
    // and 0.9 share [.5, 1] (mean .8, rate .5, gap .3): ECE .325. With 10 bins it would be 2.3 / 4.
    near(binaryMetrics([1, 0, 1, 0], [0.1, 0.2, 0.7, 0.9], { bins: 2 }).ece, 0.325, 'ece with 2 bins, not 10');
    near(binaryMetrics([1, 0, 1, 0], [0.1, 0.2, 0.7, 0.9]).ece, 2.3 / 4, 'ece with the default 10 bins');
    const empty = binaryMetrics([], []);
    assert.ok(Number.isNaN(empty.prevalence));
});
//# sourceMappingURL=metrics-edges.test.js.map