/**
 * The score-to-probability map and the RAG thresholds, both read off isotonic churn curves of
 * the score on the later (calibration) slice.
 */
import { fitIsotonic } from '../../stats/index.js';
import { probabilityOf } from '../score.js';
import { describeOverride } from '../describe.js';
/** Decreasing isotonic fit of churn on score: knots with increasing score, non-increasing probability. */
export function fitProbabilityMap(score, y, slice) {
    const negated = Float64Array.from(score, (s) => -s);
    const iso = fitIsotonic(negated, y);
    const x = iso.x.map((v) => (v === 0 ? 0 : -v)).reverse();
    const p = [...iso.y].reverse();
    return { method: 'isotonic', x, y: p, fitted_on: slice };
}
export const DEFAULT_THRESHOLD_RULE = { redRisk: 2, greenRisk: 0.5 };
/**
 * Whole-number thresholds from a churn curve: yellow = the lowest score that is no longer RED
 * (probability < redRisk x base), green = the lowest score with probability <= greenRisk x
 * base; kept within 1..99 with yellow < green.
 */
export function thresholdsFromCurve(curve, baseRate, rule, opportunity = false) {
    const at = (s) => probabilityOf(curve, s);
    if (opportunity)
        return opportunityThresholds((s) => 1 - at(s), 1 - baseRate, rule);
    let yellow = 1;
    while (yellow < 98 && !(at(yellow) < rule.redRisk * baseRate))
        yellow++;
    let green = yellow + 1;
    while (green < 99 && !(at(green) <= rule.greenRisk * baseRate))
        green++;
    return { green, yellow };
}
/**
 * The same rule mirrored for an opportunity (expansion) whose probability rises with the score:
 * RED while the probability is at most greenRisk x its base rate, GREEN from the first score
 * whose probability is at least redRisk x the base rate.
 */
function opportunityThresholds(at, baseRate, rule) {
    let yellow = 1;
    while (yellow < 98 && !(at(yellow) > rule.greenRisk * baseRate))
        yellow++;
    let green = yellow + 1;
    while (green < 99 && !(at(green) >= rule.redRisk * baseRate))
        green++;
    return { green, yellow };
}
/**
 * Moves score values (override set/cap values, score conditions) with the bands: piecewise
 * linear through (0, 0), (yellow, yellow'), (green, green'), (100, 100). An override written
 * for the framework's scale ("cap at 40", the YELLOW threshold) keeps its meaning on a
 * calibrated scale ("cap at the calibrated YELLOW threshold").
 */
export function rescaleScore(value, from, to) {
    const xs = [0, from.yellow, from.green, 100];
    const ys = [0, to.yellow, to.green, 100];
    let k = 0;
    while (k < 2 && value > xs[k + 1])
        k++;
    const span = xs[k + 1] - xs[k];
    const y = span > 0 ? ys[k] + ((value - xs[k]) * (ys[k + 1] - ys[k])) / span : ys[k];
    return Math.round(y * 100) / 100;
}
function rescaleCondition(c, from, to) {
    if ('all' in c)
        return { all: c.all.map((x) => rescaleCondition(x, from, to)) };
    if ('any' in c)
        return { any: c.any.map((x) => rescaleCondition(x, from, to)) };
    if ('score' in c)
        return { score: { op: c.score.op, value: rescaleScore(c.score.value, from, to) } };
    return c;
}
/** Overrides on the new scale, their descriptions written anew from the moved values (see describeOverride). */
export function rescaleOverrides(overrides, from, to) {
    return overrides.map((o) => {
        const moved = {
            ...o,
            when: rescaleCondition(o.when, from, to),
            ...(o.value !== undefined ? { value: rescaleScore(o.value, from, to) } : {}),
        };
        const was = o.value !== undefined && moved.value !== o.value ? ` (${o.value} on the base card's scale)` : '';
        const description = describeOverride(moved);
        return { ...moved, description: was ? `${description.slice(0, -1)}${was}.` : description };
    });
}
/**
 * Own thresholds for each segment with at least `minRows` rows and `minChurners` churners, from
 * its own churn curve against the portfolio base rate (so a band is the same absolute risk in
 * every segment); kept only where they differ from the overall ones.
 */
export function segmentThresholds(score, y, segment, overall, baseRate, rule, minRows, minChurners, opportunity = false) {
    const segments = {};
    const notes = [];
    if (!segment)
        return { segments, notes };
    const bySegment = new Map();
    segment.forEach((s, i) => {
        if (s === null)
            return;
        let list = bySegment.get(s);
        if (!list) {
            list = [];
            bySegment.set(s, list);
        }
        list.push(i);
    });
    for (const name of [...bySegment.keys()].sort()) {
        const rows = bySegment.get(name);
        const churners = rows.reduce((a, i) => a + y[i], 0);
        // for an opportunity y is its absence: the rows with the label are the rarer class
        const events = opportunity ? rows.length - churners : churners;
        if (rows.length < minRows || events < minChurners) {
            notes.push(`${name}: ${rows.length} rows, ${events} ${opportunity ? 'with the label' : 'churners'} in the later slice: too few, uses the overall thresholds`);
            continue;
        }
        const curve = fitProbabilityMap(Float64Array.from(rows, (i) => score[i]), Float64Array.from(rows, (i) => y[i]), { rows: rows.length, positives: churners });
        const t = thresholdsFromCurve(curve, baseRate, rule, opportunity);
        if (t.green !== overall.green || t.yellow !== overall.yellow)
            segments[name] = t;
    }
    return { segments, notes };
}
//# sourceMappingURL=bands.js.map