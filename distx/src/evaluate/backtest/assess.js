/**
 * The numbers of one model or scorecard on a set of test rows: ranking and calibration metrics,
 * the capacity view (what a CS team working the top K accounts at each as-of date would catch),
 * churn by band, lead time, and chart curves. Pure functions over arrays.
 */
import { binaryMetrics, calibrationReport, prCurve, rocCurve, wilsonInterval } from '../../stats/index.js';
import { isoDay } from '../../util/index.js';
import { BANDS } from '../../scorecard/index.js';
import { CURVE_POINTS, } from './schema.js';
export const emptyTally = () => ({
    flagged: 0,
    caught: 0,
    positives: 0,
    arrCaught: 0,
    arrChurned: 0,
    dates: 0,
});
export function addTally(a, b) {
    return {
        flagged: a.flagged + b.flagged,
        caught: a.caught + b.caught,
        positives: a.positives + b.positives,
        arrCaught: a.arrCaught + b.arrCaught,
        arrChurned: a.arrChurned + b.arrChurned,
        dates: a.dates + b.dates,
    };
}
/** Accounts a team works at one as-of date: --capacity K, or the share of that date's accounts (at least 1). */
export function capacityAt(accounts, capacity, share) {
    return Math.min(accounts, capacity ?? Math.max(1, Math.round(share * accounts)));
}
/**
 * At each as-of date, flag the `capacityAt` highest-probability rows. Rows tied at the cut
 * count pro rata (the expected value over orderings of the tie), so a scorecard's integer
 * scores are not helped or hurt by row order.
 */
export function capacityTally(s, capacity, share) {
    const byDate = new Map();
    for (let k = 0; k < s.asOf.length; k++) {
        const list = byDate.get(s.asOf[k]);
        if (list)
            list.push(k);
        else
            byDate.set(s.asOf[k], [k]);
    }
    const t = emptyTally();
    for (const rows of byDate.values()) {
        const K = capacityAt(rows.length, capacity, share);
        rows.sort((a, b) => s.p[b] - s.p[a]);
        let taken = 0;
        let g = 0;
        while (g < rows.length && taken < K) {
            let e = g;
            while (e < rows.length && s.p[rows[e]] === s.p[rows[g]])
                e++;
            const frac = Math.min(1, (K - taken) / (e - g));
            for (let j = g; j < e; j++) {
                const r = rows[j];
                if (s.y[r] === 1) {
                    t.caught += frac;
                    t.arrCaught += frac * (s.arr ? s.arr[r] : 0);
                }
            }
            taken += frac * (e - g);
            g = e;
        }
        for (const r of rows) {
            if (s.y[r] === 1) {
                t.positives++;
                t.arrChurned += s.arr ? s.arr[r] : 0;
            }
        }
        t.flagged += K;
        t.dates++;
    }
    return t;
}
function finite(x) {
    return x === undefined || !Number.isFinite(x) ? null : x;
}
export function bandCells(y, band) {
    const rows = [0, 0, 0];
    const churned = [0, 0, 0];
    for (let k = 0; k < band.length; k++) {
        rows[band[k]]++;
        churned[band[k]] += y[k];
    }
    const out = {};
    BANDS.forEach((name, b) => {
        const w = wilsonInterval(churned[b], rows[b]);
        out[name] = { rows: rows[b], churned: churned[b], rate: finite(w.rate), lo: w.low, hi: w.high };
    });
    return out;
}
/** The metric block of metrics.json for test rows `s` and their capacity tally. */
export function modelMetrics(s, tally, hasArr) {
    const m = binaryMetrics(s.y, s.p);
    return {
        rows: m.rows,
        positives: m.positives,
        auc: finite(m.auc),
        pr_auc: finite(m.pr_auc),
        brier: finite(m.brier),
        log_loss: finite(m.log_loss),
        ece: finite(m.ece),
        lift_top_decile: finite(m.lift_top_decile),
        flagged: tally.flagged,
        precision_at_capacity: tally.flagged > 0 ? tally.caught / tally.flagged : null,
        recall_at_capacity: tally.positives > 0 ? tally.caught / tally.positives : null,
        arr_capture: hasArr && tally.arrChurned > 0 ? tally.arrCaught / tally.arrChurned : null,
        bands: bandCells(s.y, s.band),
    };
}
/** Linear-interpolated quantile (numpy's default) of sorted values. */
export function quantile(sorted, q) {
    if (sorted.length === 0)
        return null;
    const h = (sorted.length - 1) * q;
    const lo = Math.floor(h);
    const hi = Math.min(lo + 1, sorted.length - 1);
    return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
}
/**
 * Days from each churned account's first RED to its churn (see LeadTime in schema.ts).
 * `lastAsOf` maps account -> its last as_of in the whole feature table.
 */
export function leadTime(s, lastAsOf) {
    const RED = BANDS.indexOf('RED');
    const firstRed = new Map();
    for (let k = 0; k < s.y.length; k++) {
        if (s.y[k] !== 1)
            continue;
        const a = s.account[k];
        const prev = firstRed.get(a);
        if (prev === undefined)
            firstRed.set(a, null);
        if (s.band[k] === RED) {
            const cur = firstRed.get(a);
            if (cur === null || cur === undefined || s.asOf[k] < cur)
                firstRed.set(a, s.asOf[k]);
        }
    }
    const days = [];
    for (const [a, red] of firstRed) {
        if (red === null)
            continue;
        days.push(isoDay(lastAsOf.get(a)) - isoDay(red));
    }
    days.sort((a, b) => a - b);
    return {
        accounts: firstRed.size,
        flagged: days.length,
        missed: firstRed.size - days.length,
        median: quantile(days, 0.5),
        q1: quantile(days, 0.25),
        q3: quantile(days, 0.75),
        min: days.length ? days[0] : null,
        max: days.length ? days[days.length - 1] : null,
    };
}
/** Evenly spaced indices of an n-point curve, first and last kept, at most `max`. */
function thin(n, max) {
    if (n <= max)
        return Array.from({ length: n }, (_, k) => k);
    const out = [];
    for (let j = 0; j < max; j++)
        out.push(Math.round((j * (n - 1)) / (max - 1)));
    return out;
}
/**
 * Cumulative gains at shares 0, 1/(G-1), ..., 1 of rows taken by probability, highest first:
 * tie groups are taken pro rata (linear within the group), like the capacity view.
 */
function gains(s, points) {
    const n = s.y.length;
    const order = Array.from({ length: n }, (_, k) => k).sort((a, b) => s.p[b] - s.p[a]);
    let P = 0;
    let A = 0;
    for (let k = 0; k < n; k++) {
        P += s.y[k];
        A += s.y[k] === 1 && s.arr ? s.arr[k] : 0;
    }
    // Knots at tie-group ends: (rows taken, churners, churned ARR).
    const knots = [[0, 0, 0]];
    let c = 0;
    let a = 0;
    for (let g = 0; g < n;) {
        let e = g;
        while (e < n && s.p[order[e]] === s.p[order[g]]) {
            const r = order[e];
            c += s.y[r];
            a += s.y[r] === 1 && s.arr ? s.arr[r] : 0;
            e++;
        }
        knots.push([e, c, a]);
        g = e;
    }
    const out = [];
    let j = 0;
    for (let q = 0; q < points; q++) {
        const share = q / (points - 1);
        const rows = share * n;
        while (j < knots.length - 2 && knots[j + 1][0] < rows)
            j++;
        const [r0, c0, a0] = knots[j];
        const [r1, c1, a1] = knots[Math.min(j + 1, knots.length - 1)];
        const f = r1 > r0 ? Math.min(1, Math.max(0, (rows - r0) / (r1 - r0))) : 1;
        out.push({ share, churners: P > 0 ? (c0 + f * (c1 - c0)) / P : 0, arr: A > 0 ? (a0 + f * (a1 - a0)) / A : 0 });
    }
    return out;
}
export function curves(s) {
    const roc = rocCurve(s.y, s.p);
    const pr = prCurve(s.y, s.p);
    const rel = calibrationReport(s.y, s.p);
    return {
        roc: thin(roc.fpr.length, CURVE_POINTS).map((k) => ({ fpr: roc.fpr[k], tpr: roc.tpr[k] })),
        pr: thin(pr.recall.length, CURVE_POINTS).map((k) => ({ recall: pr.recall[k], precision: pr.precision[k] })),
        reliability: rel.bins.map((b) => ({
            bin: b.bin,
            lo: b.lo,
            hi: b.hi,
            rows: b.rows,
            mean_predicted: finite(b.mean_predicted),
            observed_rate: finite(b.observed_rate),
            observed_low: b.observed_low,
            observed_high: b.observed_high,
        })),
        gains: gains(s, 101),
    };
}
/**
 * Bands for a model, which has none of its own: the top `shares.RED` of rows by probability
 * are RED, the next `shares.YELLOW` YELLOW, the rest GREEN, so a model and the default
 * scorecard put the same number of accounts in front of the team. Ties follow row order.
 */
export function bandsByShare(p, shares) {
    const n = p.length;
    const order = Array.from({ length: n }, (_, k) => k).sort((a, b) => p[b] - p[a] || a - b);
    const red = Math.round(shares.RED * n);
    const yellow = Math.round((shares.RED + shares.YELLOW) * n);
    const band = new Uint8Array(n);
    const R = BANDS.indexOf('RED');
    const Y = BANDS.indexOf('YELLOW');
    const G = BANDS.indexOf('GREEN');
    order.forEach((r, rank) => (band[r] = rank < red ? R : rank < yellow ? Y : G));
    return band;
}
//# sourceMappingURL=assess.js.map