/**
 * Binary classification metrics for churn models, weight-aware where it makes sense and
 * matching scikit-learn's definitions (roc_auc_score, average_precision_score, brier_score_loss,
 * log_loss). Everything sorts once: O(n log n).
 *
 * Conventions:
 * - `y` is 0/1, `score` any real (probability or margin), `weight` optional per-row weights
 *   (e.g. ARR); a metric that is undefined (AUC with one class) is NaN, which JSON writes as null.
 * - Tied scores are never broken by row order. AUC and the curves treat a tie group as one
 *   threshold (sklearn). Top-k metrics (lift, precision/recall at k) take the expected value over
 *   random orderings of the tie group that straddles the cut: it contributes the fraction of its
 *   rows needed to fill k.
 * - Calibration bins are equal-width on [0, 1]: bin b holds k/B <= p < (k+1)/B, the last bin
 *   includes 1. ECE = sum_b (weight_b / weight) |mean predicted_b - observed rate_b|.
 */
function check(y, s, w, what) {
    if (y.length !== s.length)
        throw new RangeError(`${what}: ${y.length} labels but ${s.length} scores`);
    if (w && w.length !== y.length)
        throw new RangeError(`${what}: ${y.length} labels but ${w.length} weights`);
    for (let i = 0; i < y.length; i++) {
        const v = y[i];
        if (v !== 0 && v !== 1)
            throw new RangeError(`${what}: label of row ${i + 1} is ${v}, expected 0 or 1`);
        if (Number.isNaN(s[i]))
            throw new RangeError(`${what}: score of row ${i + 1} is NaN`);
    }
}
export function rankedTotals(y, score, weight) {
    check(y, score, weight, 'rankedTotals');
    return weight ? weightedTotals(y, score, weight) : countedTotals(y, score);
}
/**
 * Without weights, positives' and negatives' scores are sorted separately by the engine's native
 * numeric sort and merged from the top: no comparator calls and no random access, which matters
 * at 10^5..10^6 rows.
 */
function countedTotals(y, score) {
    const n = y.length;
    let nPos = 0;
    for (let i = 0; i < n; i++)
        nPos += y[i];
    const P = new Float64Array(nPos);
    const N = new Float64Array(n - nPos);
    // Stryker disable next-line EqualityOperator: equivalent for <=, row n writes past the end of a typed array, which does nothing
    for (let i = 0, a = 0, b = 0; i < n; i++) {
        if (y[i] === 1)
            P[a++] = score[i];
        else
            N[b++] = score[i];
    }
    P.sort();
    N.sort();
    const t = allocTotals(n);
    let m = 0;
    let a = P.length - 1;
    let b = N.length - 1;
    while (a >= 0 || b >= 0) {
        const v = a < 0 ? N[b] : b < 0 ? P[a] : Math.max(P[a], N[b]);
        // Stryker disable next-line ConditionalExpression: equivalent for true, P[-1] is undefined, never equal to v
        while (a >= 0 && P[a] === v)
            a--;
        // Stryker disable next-line ConditionalExpression: equivalent for true, N[-1] is undefined, never equal to v
        while (b >= 0 && N[b] === v)
            b--;
        t.thresholds[m] = v;
        t.tps[m] = P.length - 1 - a;
        t.fps[m] = N.length - 1 - b;
        t.rows[m] = t.tps[m] + t.fps[m];
        m++;
    }
    return trimTotals(t, m);
}
function allocTotals(n) {
    return {
        thresholds: new Float64Array(n),
        tps: new Float64Array(n),
        fps: new Float64Array(n),
        rows: new Float64Array(n),
    };
}
function trimTotals(t, m) {
    return {
        thresholds: t.thresholds.slice(0, m),
        tps: t.tps.slice(0, m),
        fps: t.fps.slice(0, m),
        rows: t.rows.slice(0, m),
    };
}
function weightedTotals(y, score, weight) {
    const n = y.length;
    const order = new Uint32Array(n);
    // Stryker disable next-line EqualityOperator: equivalent for <=, order[n] is past the end of the typed array: the write does nothing
    for (let i = 0; i < n; i++)
        order[i] = i;
    const v = Float64Array.from(score);
    // Ties in row order, so the summation order (and every rounding) is reproducible.
    order.sort((a, b) => v[b] - v[a] || a - b);
    const t = allocTotals(n);
    let m = 0;
    let ctp = 0;
    let cfp = 0;
    // Stryker disable next-line EqualityOperator: equivalent for <=, step k = n reads order[n] (undefined) and records nothing
    for (let k = 0; k < n; k++) {
        const i = order[k];
        if (y[i] === 1)
            ctp += weight[i];
        else
            cfp += weight[i];
        // Stryker disable next-line ConditionalExpression,ArithmeticOperator: equivalent, at k = n - 1 the other test compares v[undefined] (undefined) with a number: true
        if (k === n - 1 || v[order[k + 1]] !== v[i]) {
            t.thresholds[m] = v[i];
            t.tps[m] = ctp;
            t.fps[m] = cfp;
            t.rows[m] = k + 1;
            m++;
        }
    }
    return trimTotals(t, m);
}
/** Area under the ROC curve (trapezoids, so a tie counts one half, as Mann-Whitney and sklearn). */
export function rocAuc(y, score, weight) {
    return aucFromTotals(rankedTotals(y, score, weight));
}
function aucFromTotals(t) {
    const m = t.thresholds.length;
    // Stryker disable next-line ConditionalExpression: equivalent, with no rows P is undefined and the next test returns NaN
    if (m === 0)
        return NaN;
    const P = t.tps[m - 1];
    const N = t.fps[m - 1];
    // Said for clarity; without it a class of weight 0 gives 0 / 0 below, NaN all the same.
    // Stryker disable next-line ConditionalExpression,LogicalOperator,EqualityOperator: equivalent for weights >= 0, P = 0 or N = 0 makes every point 0 / 0 and the area NaN
    if (!(P > 0) || !(N > 0))
        return NaN;
    let area = 0;
    let px = 0;
    let py = 0;
    for (let k = 0; k < m; k++) {
        const x = t.fps[k] / N;
        const yv = t.tps[k] / P;
        area += ((x - px) * (yv + py)) / 2;
        px = x;
        py = yv;
    }
    return area;
}
/**
 * ROC curve points from (0, 0) to (1, 1). Collinear intermediate points are dropped, as
 * sklearn's drop_intermediate, so charts stay small without changing the curve.
 */
export function rocCurve(y, score, weight) {
    const t = rankedTotals(y, score, weight);
    const m = t.thresholds.length;
    const P = m ? t.tps[m - 1] : 0;
    const N = m ? t.fps[m - 1] : 0;
    const fps = [0, ...t.fps];
    const tps = [0, ...t.tps];
    const th = [Infinity, ...t.thresholds];
    const keep = [];
    for (let k = 0; k < fps.length; k++) {
        // Said for clarity; at both ends the second differences read fps[-1] or fps[length], undefined, so NaN !== 0 keeps them.
        // Stryker disable next-line ConditionalExpression,LogicalOperator,ArithmeticOperator: equivalent, the else branch keeps both ends too
        if (k === 0 || k === fps.length - 1)
            keep.push(k);
        else {
            const d2f = fps[k + 1] - 2 * fps[k] + fps[k - 1];
            const d2t = tps[k + 1] - 2 * tps[k] + tps[k - 1];
            if (d2f !== 0 || d2t !== 0)
                keep.push(k);
        }
    }
    return {
        // Stryker disable next-line ConditionalExpression,EqualityOperator: equivalent for weights >= 0, with N = 0 every fps[k] is 0 and 0 / 0 is NaN
        fpr: keep.map((k) => (N > 0 ? fps[k] / N : NaN)),
        // Stryker disable next-line ConditionalExpression,EqualityOperator: equivalent for weights >= 0, with P = 0 every tps[k] is 0 and 0 / 0 is NaN
        tpr: keep.map((k) => (P > 0 ? tps[k] / P : NaN)),
        thresholds: keep.map((k) => th[k]),
    };
}
/** Average precision: sum over thresholds of (recall step) x precision, no interpolation (sklearn). */
export function averagePrecision(y, score, weight) {
    return apFromTotals(rankedTotals(y, score, weight));
}
function apFromTotals(t) {
    const m = t.thresholds.length;
    // Stryker disable next-line ConditionalExpression: equivalent for false, with no thresholds P = tps[-1] is undefined and the next test returns NaN
    if (m === 0)
        return NaN;
    const P = t.tps[m - 1];
    if (!(P > 0))
        return NaN;
    let ap = 0;
    let prevTp = 0;
    for (let k = 0; k < m; k++) {
        const tp = t.tps[k];
        if (tp !== prevTp)
            ap += ((tp - prevTp) / P) * (tp / (tp + t.fps[k]));
        prevTp = tp;
    }
    return ap;
}
/** Precision-recall points at every threshold, lowest first, then (recall 0, precision 1) as sklearn (1.2) appends. */
export function prCurve(y, score, weight) {
    const t = rankedTotals(y, score, weight);
    const m = t.thresholds.length;
    const P = m ? t.tps[m - 1] : 0;
    const precision = [];
    const recall = [];
    const thresholds = [];
    for (let k = 0; k < m; k++) {
        const tp = t.tps[k];
        const ps = tp + t.fps[k];
        precision.push(ps > 0 ? tp / ps : 0);
        // Stryker disable next-line ConditionalExpression,EqualityOperator: equivalent for weights >= 0, with P = 0 every tp is 0 and 0 / 0 is NaN
        recall.push(P > 0 ? tp / P : NaN);
        thresholds.push(t.thresholds[k]);
    }
    // sklearn lists lowest threshold first; charts draw from recall 1 to 0.
    precision.reverse();
    recall.reverse();
    thresholds.reverse();
    precision.push(1);
    recall.push(0);
    thresholds.push(null);
    return { precision, recall, thresholds };
}
function weightedMean(values, n, w) {
    let s = 0;
    let sw = 0;
    for (let i = 0; i < n; i++) {
        const wi = w ? w[i] : 1;
        s += wi * values(i);
        sw += wi;
    }
    return s / sw;
}
export function brierScore(y, p, weight) {
    check(y, p, weight, 'brierScore');
    return weightedMean((i) => (y[i] - p[i]) ** 2, y.length, weight);
}
/** Machine epsilon of float64: sklearn's log_loss(eps="auto") clips to [eps, 1 - eps]. */
export const LOG_LOSS_EPS = 2.220446049250313e-16;
export function logLoss(y, p, weight, eps = LOG_LOSS_EPS) {
    check(y, p, weight, 'logLoss');
    return weightedMean((i) => {
        const q = Math.min(Math.max(p[i], eps), 1 - eps);
        return y[i] === 1 ? -Math.log(q) : -Math.log(1 - q);
    }, y.length, weight);
}
/** Wilson score interval for a binomial rate; z = 1.96 for 95%. n = 0 gives rate NaN and [0, 1]. */
export function wilsonInterval(successes, n, z = 1.959963984540054) {
    if (!(n > 0))
        return { rate: NaN, low: 0, high: 1 };
    const phat = successes / n;
    const z2 = z * z;
    const denom = 1 + z2 / n;
    const centre = (phat + z2 / (2 * n)) / denom;
    const half = (z / denom) * Math.sqrt((phat * (1 - phat)) / n + z2 / (4 * n * n));
    return { rate: phat, low: Math.max(0, centre - half), high: Math.min(1, centre + half) };
}
export function binOf(p, bins) {
    let b = Math.floor(p * bins);
    // Guard against p * bins rounding across an edge: bin b is exactly [b/B, (b+1)/B). A b outside
    // [0, bins) (p outside [0, 1)) only moves further out here; the clamp brings it back.
    if ((b + 1) / bins <= p)
        b++;
    if (b / bins > p)
        b--;
    return Math.min(Math.max(b, 0), bins - 1);
}
/** Reliability table and expected calibration error over equal-width probability bins. */
export function calibrationReport(y, p, weight, bins = 10) {
    check(y, p, weight, 'calibrationReport');
    const rows = new Float64Array(bins);
    const positives = new Float64Array(bins);
    const sw = new Float64Array(bins);
    const swp = new Float64Array(bins);
    const swy = new Float64Array(bins);
    let total = 0;
    for (let i = 0; i < y.length; i++) {
        const pi = p[i];
        if (pi < 0 || pi > 1)
            throw new RangeError(`calibrationReport: probability of row ${i + 1} is ${pi}, outside [0, 1]`);
        const b = binOf(pi, bins);
        const w = weight ? weight[i] : 1;
        rows[b]++;
        positives[b] += y[i];
        sw[b] += w;
        swp[b] += w * pi;
        swy[b] += w * y[i];
        total += w;
    }
    let ece = 0;
    let mce = 0;
    const out = [];
    for (let b = 0; b < bins; b++) {
        // Stryker disable next-line ConditionalExpression,EqualityOperator: equivalent for weights >= 0, an empty bin has swp = 0 and 0 / 0 is NaN
        const meanP = sw[b] > 0 ? swp[b] / sw[b] : NaN;
        // Stryker disable next-line ConditionalExpression,EqualityOperator: equivalent for weights >= 0, an empty bin has swy = 0 and 0 / 0 is NaN
        const rate = sw[b] > 0 ? swy[b] / sw[b] : NaN;
        if (sw[b] > 0) {
            const gap = Math.abs(meanP - rate);
            ece += (sw[b] / total) * gap;
            mce = Math.max(mce, gap);
        }
        const wil = wilsonInterval(positives[b], rows[b]);
        out.push({
            bin: b,
            lo: b / bins,
            hi: (b + 1) / bins,
            rows: rows[b],
            weight: sw[b],
            mean_predicted: meanP,
            observed_rate: rate,
            observed_low: wil.low,
            observed_high: wil.high,
        });
    }
    return { ece: total > 0 ? ece : NaN, mce, bins: out };
}
export function expectedCalibrationError(y, p, weight, bins = 10) {
    return calibrationReport(y, p, weight, bins).ece;
}
/** Precision and recall among the k highest-scoring rows; k may be fractional (a share of a tied row). */
export function topK(y, score, k, weight) {
    const t = rankedTotals(y, score, weight);
    return topKFromTotals(t, k);
}
function topKFromTotals(t, k) {
    const m = t.thresholds.length;
    const n = m ? t.rows[m - 1] : 0;
    const P = m ? t.tps[m - 1] : 0;
    const kk = Math.min(Math.max(k, 0), n);
    let tp = 0;
    let tot = 0;
    let prevRows = 0;
    let prevTp = 0;
    let prevFp = 0;
    for (let g = 0; g < m; g++) {
        const rows = t.rows[g];
        if (rows <= kk) {
            tp = t.tps[g];
            tot = t.tps[g] + t.fps[g];
        }
        else {
            // The tie group that straddles the cut contributes pro rata.
            const frac = (kk - prevRows) / (rows - prevRows);
            tp = prevTp + frac * (t.tps[g] - prevTp);
            tot = prevTp + prevFp + frac * (t.tps[g] - prevTp + t.fps[g] - prevFp);
            break;
        }
        prevRows = rows;
        prevTp = t.tps[g];
        prevFp = t.fps[g];
    }
    // Stryker disable next-line ConditionalExpression,EqualityOperator: equivalent for weights >= 0, tot = 0 or P = 0 leaves tp = 0 and 0 / 0 is NaN
    return { k: kk, positives: tp, weight: tot, precision: tot > 0 ? tp / tot : NaN, recall: P > 0 ? tp / P : NaN };
}
/**
 * Lift in the top `fraction` of rows by score (0.1 = top decile): churn rate there over the
 * overall rate. The cut is fraction x rows, fractional when it falls inside a row or a tie group.
 */
export function liftAt(y, score, fraction = 0.1, weight) {
    const t = rankedTotals(y, score, weight);
    return liftFromTotals(t, fraction);
}
function liftFromTotals(t, fraction) {
    const m = t.thresholds.length;
    // Stryker disable next-line ConditionalExpression: equivalent for false, with no thresholds overall is NaN and the last test returns NaN
    if (m === 0)
        return NaN;
    const n = t.rows[m - 1];
    const overall = t.tps[m - 1] / (t.tps[m - 1] + t.fps[m - 1]);
    const top = topKFromTotals(t, fraction * n);
    // Stryker disable next-line ConditionalExpression,EqualityOperator: equivalent for weights >= 0, overall = 0 means no positive weight, so the precision is 0 or NaN and x / 0 is NaN
    return overall > 0 ? top.precision / overall : NaN;
}
/** The standard metric set of docs/backtests-and-calibration.md for probabilities `p` (sorted once). */
export function binaryMetrics(y, p, options = {}) {
    const w = options.weight;
    const t = rankedTotals(y, p, w);
    const m = t.thresholds.length;
    const P = m ? t.tps[m - 1] : 0;
    const W = m ? P + t.fps[m - 1] : 0;
    let positives = 0;
    for (let i = 0; i < y.length; i++)
        positives += y[i];
    const out = {
        rows: y.length,
        positives,
        // Stryker disable next-line ConditionalExpression,EqualityOperator: equivalent for weights >= 0, W = 0 leaves P = 0 and 0 / 0 is NaN
        prevalence: W > 0 ? P / W : NaN,
        auc: aucFromTotals(t),
        pr_auc: apFromTotals(t),
        brier: brierScore(y, p, w),
        log_loss: logLoss(y, p, w),
        ece: calibrationReport(y, p, w, options.bins ?? 10).ece,
        lift_top_decile: liftFromTotals(t, 0.1),
    };
    if (options.k !== undefined) {
        const top = topKFromTotals(t, options.k);
        out.k = options.k;
        out.precision_at_k = top.precision;
        out.recall_at_k = top.recall;
    }
    return out;
}
//# sourceMappingURL=metrics.js.map