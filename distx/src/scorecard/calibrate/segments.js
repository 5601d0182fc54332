/**
 * `calibrate --by segment`: each segment's own layer and signal weights, pooled toward the
 * global ones in proportion to the segment's churn evidence. The points stay the global card's
 * (a band's risk is estimated on every row); only how much each signal counts moves.
 *
 * Partial pooling: a segment's effective weights (each signal's share of the composite) are
 *
 *     w_segment = (c * w_own + k * w_global) / (c + k)
 *
 * where c is the segment's churners in the fit slice, w_own the non-negative fit on the segment's
 * rows alone (the same lost-points columns, the same loss and penalty as the global fit) and k
 * the pooling constant (`--pooling`, DEFAULT_SEGMENT_POOLING, chosen by measurement: docs/segments.md).
 * A segment with a handful of churners stays near the global card; one with c = k churners is
 * half its own fit. A segment whose own fit gives every signal 0 (nothing separates its
 * churners) keeps the global weights.
 */
import { rocAuc } from '../../stats/index.js';
import { fitNonNegative } from './nonneg.js';
import { roundShares, splitWeights } from './weights.js';
import { round } from './binning.js';
/**
 * k: the churners a segment needs before its own fit counts as much as the global one. Chosen by
 * measurement (docs/segments.md): on the demo history (drivers shared by every segment) k = 0
 * lost 0.010 of backtest AUC to the global card and k = 100 gained 0.003; on synthetic worlds
 * whose drivers differ by segment every k won, k = 100..200 a little more than smaller ones.
 */
export const DEFAULT_SEGMENT_POOLING = 100;
export function fitSegmentWeights(input) {
    const { Z, target, labels, loss, ridge, segments, groups, pooling } = input;
    const names = [...new Set(segments.filter((s) => s !== null))].sort();
    const fits = [];
    const weights = {};
    for (const segment of names) {
        const rows = [];
        segments.forEach((s, i) => {
            if (s === segment)
                rows.push(i);
        });
        let churners = 0;
        for (const i of rows)
            if (labels[i] === 1)
                churners++;
        const zs = Z.map((z) => Float64Array.from(rows, (i) => z[i]));
        const ts = Float64Array.from(rows, (i) => target[i]);
        // a segment of one class has no fit of its own: it keeps the global weights
        let own = null;
        if (churners > 0 && churners < rows.length) {
            const fit = fitNonNegative(zs, ts, loss, { ridge });
            const sum = fit.coef.reduce((a, b) => a + b, 0);
            if (sum > 0)
                own = Array.from(fit.coef, (c) => c / sum);
        }
        const share = own ? churners / (churners + pooling) : 0;
        const effective = input.global.map((g, j) => (own ? share * own[j] + (1 - share) * g : g));
        const split = splitWeights(effective, groups);
        const layer = roundShares(split.layer);
        const signal = split.signal.map((s) => roundShares(s));
        weights[segment] = {
            layers: Object.fromEntries(input.layerNames.map((name, l) => [
                name,
                {
                    weight: layer[l],
                    signals: Object.fromEntries(input.features[l].map((f, j) => [f, signal[l][j]])),
                },
            ])),
            churners,
            rows: rows.length,
            own_share: round(share, 4),
        };
        fits.push({ segment, rows: rows.length, churners, own_share: round(share, 4), own, effective });
    }
    return { fits, weights };
}
/** AUCs that differ by less than this are a tie: below what a later slice of a few thousand rows can tell apart. */
export const AUC_TIE = 0.002;
export function compareSegmentWeights(input) {
    const risk = (s) => Float64Array.from(s, (v) => -v);
    const aucOf = (rows, s) => {
        const y = Float64Array.from(rows, (i) => input.y[i]);
        const positives = y.reduce((a, b) => a + b, 0);
        if (positives === 0 || positives === y.length)
            return null;
        return round(rocAuc(y, Float64Array.from(rows, (i) => -s[i])), 6);
    };
    const bySegment = round(rocAuc(input.y, risk(input.bySegment)), 6);
    const global = round(rocAuc(input.y, risk(input.global)), 6);
    return {
        pooling: input.pooling,
        auc: { by_segment: bySegment, global },
        winner: Math.abs(bySegment - global) < AUC_TIE ? 'tie' : bySegment > global ? 'by_segment' : 'global',
        segments: input.fits.map((f) => {
            const rows = [];
            input.segments.forEach((s, i) => {
                if (s === f.segment)
                    rows.push(i);
            });
            return {
                segment: f.segment,
                fit_rows: f.rows,
                fit_churners: f.churners,
                own_share: f.own_share,
                later_rows: rows.length,
                later_churners: rows.reduce((a, i) => a + (input.y[i] === 1 ? 1 : 0), 0),
                auc_by_segment: aucOf(rows, input.bySegment),
                auc_global: aucOf(rows, input.global),
            };
        }),
    };
}
//# sourceMappingURL=segments.js.map