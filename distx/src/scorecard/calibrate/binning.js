/**
 * Monotone binning of one signal, credit-scorecard style: quantile bins, then pool adjacent
 * violators so risk only moves one way along the signal (its registry direction), then bins
 * with equal pooled risk merge into one band. Risk is the log-odds of churn in the band (or a
 * model's mean margin when distilling), so points that are linear in it make the composite
 * additive on the log-odds scale, as a logistic model is.
 */
import { poolAdjacentViolators } from '../../stats/index.js';
import { numeric } from '../../data/index.js';
import { conditionColumn } from '../compile.js';
/** Log-odds of churn with half a case of smoothing, so an all-zero band stays finite. */
export function smoothedLogOdds(positives, rows) {
    const p = (positives + 0.5) / (rows + 1);
    return Math.log(p / (1 - p));
}
/**
 * Bins present values `x` (no NaN) with `target` (labels, or margins when `isMargin`) and
 * labels `y` (NaN allowed when distilling on unlabeled rows).
 */
export function monotoneBins(x, target, y, direction, isMargin, options) {
    const n = x.length;
    if (n === 0)
        return [];
    const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => x[a] - x[b] || a - b);
    // a cut c means bins [.., c) and [c, ..): one bin per value for a signal with few values
    // (a flag, a score), else cuts at quantiles
    const distinct = [];
    for (const i of order)
        if (distinct.length === 0 || x[i] > distinct[distinct.length - 1])
            distinct.push(x[i]);
    const discrete = distinct.length <= options.maxBins;
    const cuts = [];
    if (discrete)
        cuts.push(...distinct.slice(1));
    else
        for (let k = 1; k < options.maxBins; k++) {
            const c = x[order[Math.floor((k * n) / options.maxBins)]];
            if (c > x[order[0]] && (cuts.length === 0 || c > cuts[cuts.length - 1]))
                cuts.push(c);
        }
    const minRows = discrete ? options.minRowsDiscrete : options.minRows;
    let bins = [...cuts, Infinity].map((upper) => ({ upper, rows: 0, target: 0, positives: 0, risk: 0 }));
    let b = 0;
    for (const i of order) {
        while (!(x[i] < bins[b].upper))
            b++;
        const bin = bins[b];
        bin.rows++;
        bin.target += target[i];
        if (y[i] === 1)
            bin.positives++;
    }
    const merge = (a, c) => ({
        upper: Math.max(a.upper, c.upper),
        rows: a.rows + c.rows,
        target: a.target + c.target,
        positives: a.positives + c.positives,
        risk: 0,
    });
    // small bins join their right neighbour (the last joins its left)
    for (let k = 0; k < bins.length && bins.length > 1;) {
        if (bins[k].rows >= minRows) {
            k++;
            continue;
        }
        if (k < bins.length - 1)
            bins.splice(k, 2, merge(bins[k], bins[k + 1]));
        else
            bins.splice(k - 1, 2, merge(bins[k - 1], bins[k]));
    }
    // risk must not fall as a riskier-when-higher signal grows (and not rise for a safer one):
    // isotonic regression of the bins' risks, weighted by rows, then equal neighbours merge
    for (const bin of bins)
        bin.risk = isMargin ? bin.target / bin.rows : smoothedLogOdds(bin.target, bin.rows);
    const sign = direction === 'higher_is_riskier' ? 1 : -1;
    const pooled = poolAdjacentViolators(bins.map((bin) => sign * bin.risk), bins.map((bin) => bin.rows));
    const blocks = [];
    bins.forEach((bin, k) => {
        const last = blocks[blocks.length - 1];
        if (last && pooled[k] === pooled[k - 1])
            blocks[blocks.length - 1] = merge(last, bin);
        else
            blocks.push({ ...bin });
        blocks[blocks.length - 1].risk = sign * pooled[k];
    });
    bins = blocks;
    // Edges people can read: the shortest decimal that still cuts the data where the bin did.
    // Values equal to the edge but for float noise (-2/3 computed two ways) count as the edge.
    // (Unless that would leave the bin no room above the previous edge: then the strict cut.)
    const sorted = order.map((i) => x[i]);
    let previous = -Infinity;
    for (const bin of bins) {
        if (bin.upper === Infinity)
            continue;
        const noise = 1e-9 * Math.max(1, Math.abs(bin.upper));
        let cut = shortestCut(largestBelow(sorted, bin.upper - noise), bin.upper);
        if (!(cut > previous))
            cut = shortestCut(largestBelow(sorted, bin.upper), bin.upper);
        bin.upper = cut;
        previous = cut;
    }
    return bins;
}
/** The largest of the sorted values below `u`; -Infinity when there is none. */
function largestBelow(sorted, u) {
    let lo = 0;
    let hi = sorted.length;
    while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (sorted[mid] < u)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo > 0 ? sorted[lo - 1] : -Infinity;
}
/**
 * The decimal with the fewest digits in (lo, hi]: a cut there splits the data exactly as `hi`
 * does (-0.33333333333333337, with -0.5 the largest value below it, becomes -0.4). `hi` itself when none is shorter.
 */
export function shortestCut(lo, hi) {
    for (let digits = 0; digits <= 12; digits++) {
        const f = 10 ** digits;
        const d = Math.floor(hi * f) / f;
        if (d > lo && d <= hi)
            return d;
    }
    return hi;
}
/** Points 0..100, linear in risk across the signal's bands (and missing bin): worst 0, best 100. */
export function riskToPoints(risks) {
    const hi = Math.max(...risks);
    const lo = Math.min(...risks);
    if (!(hi - lo > 1e-12))
        return risks.map(() => 100);
    return risks.map((r) => Math.round((100 * (hi - r)) / (hi - lo)));
}
/** Bands for the schema from bins ([prev, upper) each), merging neighbours with equal points. */
export function binsToBands(bins, points, churnRates) {
    const bands = [];
    let lower = null;
    bins.forEach((bin, k) => {
        const prev = bands[bands.length - 1];
        if (prev && prev.points === points[k]) {
            // same points: widen the previous band
            const rows = (prev.rows ?? 0) + bin.rows;
            const rate = mergeRates(prev, bin, churnRates[k] ?? null);
            delete prev.lt;
            if (bin.upper !== Infinity)
                prev.lt = bin.upper;
            prev.rows = rows;
            if (rate === null)
                delete prev.churn_rate;
            else
                prev.churn_rate = rate;
        }
        else {
            const band = { points: points[k] };
            if (lower !== null)
                band.gte = lower;
            if (bin.upper !== Infinity)
                band.lt = bin.upper;
            band.rows = bin.rows;
            const rate = churnRates[k];
            if (rate !== null && rate !== undefined)
                band.churn_rate = round(rate, 6);
            bands.push(band);
        }
        lower = bin.upper;
    });
    return bands.map((b) => orderKeys(b));
}
function mergeRates(prev, bin, rate) {
    if (prev.churn_rate === undefined || rate === null)
        return null;
    const rows = (prev.rows ?? 0) + bin.rows;
    return round((prev.churn_rate * (prev.rows ?? 0) + rate * bin.rows) / rows, 6);
}
/** A stable key order in the JSON: edges, points, label, then the fit statistics. */
function orderKeys(b) {
    const ordered = {};
    for (const k of ['gt', 'gte', 'lt', 'lte', 'points', 'label', 'rows', 'churn_rate'])
        if (b[k] !== undefined)
            ordered[k] = b[k];
    return ordered;
}
export function round(x, digits) {
    const f = 10 ** digits;
    return Math.round(x * f) / f;
}
/**
 * A signal's bands and missing policy fitted on the rows of `fit`: rows where one of its points
 * rules holds keep the rule and stay out of the bins; a signal missing on at least 2% of rows
 * (and 30) gets missing points on the same scale, else its weight is redistributed. Null when
 * the signal is never present.
 */
export function fitSignalPoints(signal, fit, target, y, isMargin, options) {
    const x = numeric(fit, signal.feature);
    const ruled = new Uint8Array(fit.n);
    for (const rule of signal.rules ?? [])
        conditionColumn(rule.when, fit).forEach((v, i) => (ruled[i] |= v));
    const present = [];
    const missing = [];
    for (let i = 0; i < fit.n; i++)
        if (!ruled[i])
            (Number.isNaN(x[i]) ? missing : present).push(i);
    if (present.length === 0)
        return null;
    const bins = monotoneBins(present.map((i) => x[i]), present.map((i) => target[i]), present.map((i) => y[i]), signal.direction, isMargin, {
        maxBins: options.maxBins,
        minRows: Math.max(30, Math.ceil(options.minBinShare * present.length)),
        minRowsDiscrete: Math.max(30, Math.ceil(0.01 * present.length)),
    });
    const risks = bins.map((b) => b.risk);
    const ownMissing = missing.length >= Math.max(30, 0.02 * (present.length + missing.length));
    if (ownMissing) {
        const positives = missing.reduce((a, i) => a + (y[i] === 1 ? 1 : 0), 0);
        risks.push(isMargin
            ? missing.reduce((a, i) => a + target[i], 0) / missing.length
            : smoothedLogOdds(positives, missing.length));
    }
    const points = riskToPoints(risks);
    return {
        ...signal,
        points: binsToBands(bins, points.slice(0, bins.length), bins.map((b) => b.positives / b.rows)),
        missing: ownMissing ? { policy: 'points', points: points[points.length - 1] } : { policy: 'redistribute' },
    };
}
//# sourceMappingURL=binning.js.map