/** Metrics against scikit-learn / scipy numbers (test/fixtures/logistic/references.json) and by-hand cases. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { fixture } from '../support/paths.js';
import { averagePrecision, binaryMetrics, brierScore, calibrationReport, liftAt, logLoss, prCurve, rocAuc, rocCurve, topK, wilsonInterval, } from '../../src/stats/index.js';
const refs = JSON.parse(readFileSync(fixture('logistic', 'references.json'), 'utf8')).metrics;
const y = Float64Array.from(refs.y);
const s = Float64Array.from(refs.score);
const w = Float64Array.from(refs.w);
function near(a, e, tol, what) {
    assert.ok(Math.abs(a - e) <= tol * Math.max(1, Math.abs(e)), `${what}: ${a} vs ${e}`);
}
test('the fixture really has tied scores (the point of these cases)', () => {
    assert.ok(new Set(s).size < s.length / 3);
});
test('ROC AUC, average precision, Brier and log loss equal sklearn, unweighted and weighted', () => {
    for (const [name, weight] of [
        ['unweighted', undefined],
        ['weighted', w],
    ]) {
        const e = refs[name];
        near(rocAuc(y, s, weight), e.auc, 1e-12, `${name} auc`);
        near(averagePrecision(y, s, weight), e.pr_auc, 1e-12, `${name} average precision`);
        near(brierScore(y, s, weight), e.brier, 1e-12, `${name} brier`);
        near(logLoss(y, s, weight), e.log_loss, 1e-12, `${name} log loss`);
    }
});
test('AUC with ties counts a tied pair as one half (Mann-Whitney by hand)', () => {
    // positives 0.8, 0.5; negatives 0.5, 0.2: pairs (0.8>0.5)(0.8>0.2)(0.5=0.5)(0.5>0.2) -> 3.5 / 4
    assert.equal(rocAuc([1, 1, 0, 0], [0.8, 0.5, 0.5, 0.2]), 0.875);
    assert.ok(Number.isNaN(rocAuc([1, 1], [0.3, 0.4])), 'one class: undefined');
    // log loss clips like sklearn (eps = 2.22e-16) rather than returning Infinity
    near(logLoss([1, 0], [0, 1]), -Math.log(2.220446049250313e-16), 1e-15, 'clipped log loss');
});
test('ROC and PR curve points equal sklearn roc_curve (drop_intermediate) and precision_recall_curve', () => {
    const roc = rocCurve(y, s);
    assert.equal(roc.fpr.length, refs.roc_curve.fpr.length);
    roc.fpr.forEach((v, k) => near(v, refs.roc_curve.fpr[k], 1e-15, `fpr ${k}`));
    roc.tpr.forEach((v, k) => near(v, refs.roc_curve.tpr[k], 1e-15, `tpr ${k}`));
    assert.deepEqual(roc.thresholds.slice(1), refs.roc_curve.thresholds);
    const pr = prCurve(y, s);
    assert.equal(pr.precision.length, refs.pr_curve.precision.length);
    pr.precision.forEach((v, k) => near(v, refs.pr_curve.precision[k], 1e-15, `precision ${k}`));
    pr.recall.forEach((v, k) => near(v, refs.pr_curve.recall[k], 1e-15, `recall ${k}`));
    assert.deepEqual(pr.thresholds.slice(0, -1), refs.pr_curve.thresholds);
});
test('ECE and the reliability table equal the by-hand computation over 10 equal-width bins', () => {
    const r = calibrationReport(y, s);
    near(r.ece, refs.ece_unweighted, 1e-12, 'ece');
    near(calibrationReport(y, s, w).ece, refs.ece_weighted, 1e-12, 'weighted ece');
    const nonEmpty = r.bins.filter((b) => b.rows > 0);
    assert.equal(nonEmpty.length, refs.reliability_unweighted.length);
    nonEmpty.forEach((b, k) => {
        const e = refs.reliability_unweighted[k];
        assert.equal(b.bin, e.bin);
        assert.equal(b.rows, e.rows);
        near(b.mean_predicted, e.mean_predicted, 1e-12, `bin ${b.bin} mean`);
        near(b.observed_rate, e.observed_rate, 1e-12, `bin ${b.bin} rate`);
        assert.ok(b.observed_low <= b.observed_rate && b.observed_rate <= b.observed_high);
    });
    // Edges: 0.3 is the first value of bin 3, 1.0 belongs to the last bin.
    const edge = calibrationReport([0, 1, 1], [0.3, 1, 0.29999999999999993]);
    assert.equal(edge.bins[3].rows, 1);
    assert.equal(edge.bins[9].rows, 1);
    assert.equal(edge.bins[2].rows, 1);
});
test('top-decile lift and precision/recall at k share tied rows at the cut pro rata', () => {
    near(liftAt(y, s, 0.1), refs.lift_top_decile, 1e-12, 'lift');
    const t = topK(y, s, 50);
    near(t.precision, refs.precision_at_50, 1e-12, 'precision@50');
    near(t.recall, refs.recall_at_50, 1e-12, 'recall@50');
    const tw = topK(y, s, 50, w);
    near(tw.precision, refs.weighted_precision_at_50, 1e-12, 'weighted precision@50');
    near(tw.recall, refs.weighted_recall_at_50, 1e-12, 'weighted recall@50');
    // By hand: scores 0.9 (pos), 0.5 (pos), 0.5 (neg), 0.5 (neg); top 2 takes half... one third of the tie.
    const hand = topK([1, 1, 0, 0], [0.9, 0.5, 0.5, 0.5], 2);
    near(hand.positives, 1 + 1 / 3, 1e-15, 'expected positives in top 2');
    near(hand.precision, (1 + 1 / 3) / 2, 1e-15, 'precision@2');
});
test('Wilson intervals equal scipy binomtest(...).proportion_ci(method="wilson")', () => {
    for (const e of refs.wilson) {
        const r = wilsonInterval(e.k, e.n);
        near(r.low, e.low, 1e-12, `wilson low ${e.k}/${e.n}`);
        near(r.high, e.high, 1e-12, `wilson high ${e.k}/${e.n}`);
    }
    const empty = wilsonInterval(0, 0);
    assert.ok(Number.isNaN(empty.rate));
});
test('binaryMetrics bundles the same numbers under the names of metrics.json', () => {
    const m = binaryMetrics(y, s, { k: 50 });
    near(m.auc, refs.unweighted.auc, 1e-12, 'auc');
    near(m.pr_auc, refs.unweighted.pr_auc, 1e-12, 'pr_auc');
    near(m.brier, refs.unweighted.brier, 1e-12, 'brier');
    near(m.log_loss, refs.unweighted.log_loss, 1e-12, 'log_loss');
    near(m.ece, refs.ece_unweighted, 1e-12, 'ece');
    near(m.lift_top_decile, refs.lift_top_decile, 1e-12, 'lift');
    near(m.precision_at_k, refs.precision_at_50, 1e-12, 'precision_at_k');
    assert.equal(m.rows, y.length);
});
test('bad inputs are refused with the row named', () => {
    assert.throws(() => rocAuc([0, 2], [0.1, 0.2]), /row 2.*expected 0 or 1/);
    assert.throws(() => rocAuc([0, 1], [0.1, NaN]), /score of row 2 is NaN/);
    assert.throws(() => calibrationReport([0, 1], [0.1, 1.2]), /row 2.*outside \[0, 1\]/);
});
// Speed is measured in bench/, not here: this checks the one-sort AUC on many ties against the
// rank-sum (Mann-Whitney) formula with mid-ranks, an independent route to the same number.
test('200,000 rows with heavy ties: AUC equals the Mann-Whitney rank-sum value', () => {
    const n = 200_000;
    const yy = new Float64Array(n);
    const ss = new Float64Array(n);
    let seed = 1;
    for (let i = 0; i < n; i++) {
        seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
        ss[i] = (seed % 10000) / 10000;
        yy[i] = ss[i] + ((seed >>> 16) % 100) / 200 > 0.9 ? 1 : 0;
    }
    const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => ss[a] - ss[b]);
    let rankSumPositives = 0;
    let positives = 0;
    for (let start = 0; start < n;) {
        let end = start;
        while (end < n && ss[order[end]] === ss[order[start]])
            end++;
        const midRank = (start + 1 + end) / 2;
        for (let k = start; k < end; k++)
            if (yy[order[k]] === 1)
                rankSumPositives += midRank;
        for (let k = start; k < end; k++)
            positives += yy[order[k]];
        start = end;
    }
    const negatives = n - positives;
    const mannWhitney = (rankSumPositives - (positives * (positives + 1)) / 2) / (positives * negatives);
    const m = binaryMetrics(yy, ss, { k: 1000 });
    assert.ok(positives > 1000 && negatives > 1000);
    assert.ok(Math.abs(m.auc - mannWhitney) < 1e-12, `${m.auc} vs ${mannWhitney}`);
});
//# sourceMappingURL=metrics.test.js.map