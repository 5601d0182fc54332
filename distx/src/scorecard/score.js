import { clampScore, compareNumbers, compareScore, SCORE_EPSILON, toBoolean, toNumber, toText, isMissing, } from './values.js';
import { scorecardColumns } from './inputs.js';
/** The bands, worst first: every table, chart and enum lists them in this order. */
export const BANDS = ['RED', 'YELLOW', 'GREEN'];
export const MAX_REASONS = 3;
export const SCORE_STATUSES = ['scored', 'insufficient_data'];
/** A card without `min_coverage` needs half its signal weight present to give a score. */
export const DEFAULT_MIN_COVERAGE = 0.5;
export function statusOf(card, coverage) {
    return coverage >= (card.min_coverage ?? DEFAULT_MIN_COVERAGE) - SCORE_EPSILON ? 'scored' : 'insufficient_data';
}
/** The columns whose absence an answer lists: what the card reads, but segment (which only picks thresholds). */
export function coverageColumns(card) {
    return scorecardColumns(card).filter((c) => c !== 'segment');
}
/** Whether the card names the segments it knows and this one, given, is not among them. */
export function isUnknownSegment(card, segment) {
    const known = card.bands.known_segments;
    if (!known || segment === null)
        return false;
    return (!known.includes(segment) &&
        !(card.bands.segments && Object.hasOwn(card.bands.segments, segment)) &&
        !(card.segment_weights && Object.hasOwn(card.segment_weights, segment)));
}
export function unknownSegmentWarning(card, segment) {
    const known = [
        ...new Set([
            ...(card.bands.known_segments ?? []),
            ...Object.keys(card.bands.segments ?? {}),
            ...Object.keys(card.segment_weights ?? {}),
        ]),
    ];
    return `segment "${segment}" is not one the scorecard was fitted on (${known.join(', ')}): scored with the default band thresholds`;
}
/** Whether a condition holds; a comparison with a missing signal never holds. */
export function conditionHolds(c, signals, score) {
    if ('all' in c)
        return c.all.every((x) => conditionHolds(x, signals, score));
    if ('any' in c)
        return c.any.some((x) => conditionHolds(x, signals, score));
    if ('score' in c)
        return compareScore(score, c.score.op, c.score.value);
    const v = signals[c.signal];
    if (c.op === 'is_null')
        return isMissing(v);
    if (c.op === 'not_null')
        return !isMissing(v);
    if (typeof c.value === 'number')
        return compareNumbers(toNumber(v, c.signal), c.op, c.value);
    if (typeof c.value === 'boolean') {
        const b = toBoolean(v, c.signal);
        if (Number.isNaN(b))
            return false;
        return c.op === '=' ? b === (c.value ? 1 : 0) : b !== (c.value ? 1 : 0);
    }
    const t = toText(v);
    if (t === null)
        return false;
    return c.op === '=' ? t === c.value : t !== c.value;
}
export function inBand(x, band) {
    if (band.gt !== undefined && !(x > band.gt))
        return false;
    if (band.gte !== undefined && !(x >= band.gte))
        return false;
    if (band.lt !== undefined && !(x < band.lt))
        return false;
    if (band.lte !== undefined && !(x <= band.lte))
        return false;
    return true;
}
/** Points of one signal, or null when it is missing and its weight is redistributed. */
export function signalPoints(signal, signals) {
    const x = toNumber(signals[signal.feature], signal.feature);
    for (const rule of signal.rules ?? [])
        if (conditionHolds(rule.when, signals, NaN))
            return rule.points;
    if (Number.isNaN(x))
        return signal.missing.policy === 'points' ? signal.missing.points : null;
    for (const band of signal.points)
        if (inBand(x, band))
            return band.points;
    /* unreachable for a validated card: the bands tile the line */
    throw new Error(`no band of ${signal.feature} holds ${x}`);
}
/**
 * The card as it scores an account of this segment: the segment's own layer and signal weights
 * when `segment_weights` has them, else the card itself (the same object).
 */
export function cardForSegment(card, segment) {
    const sets = card.segment_weights;
    if (segment === null || !sets || !Object.hasOwn(sets, segment))
        return card;
    const set = sets[segment];
    return {
        ...card,
        layers: card.layers.map((layer) => {
            const own = set.layers[layer.name];
            return {
                ...layer,
                weight: own.weight,
                signals: layer.signals.map((signal) => ({ ...signal, weight: own.signals[signal.feature] })),
            };
        }),
    };
}
export function thresholdsFor(card, segment) {
    const segments = card.bands.segments;
    if (segment !== null && segments && Object.hasOwn(segments, segment))
        return segments[segment];
    return card.bands;
}
export function bandOf(score, t) {
    if (score >= t.green - SCORE_EPSILON)
        return 'GREEN';
    if (score >= t.yellow - SCORE_EPSILON)
        return 'YELLOW';
    return 'RED';
}
/** Piecewise-linear through the knots, constant beyond the first and last. */
export function probabilityOf(map, score) {
    if (map.method !== 'isotonic')
        return null;
    const { x, y } = map;
    const last = x.length - 1;
    if (score <= x[0])
        return y[0];
    if (score >= x[last])
        return y[last];
    let k = 0;
    while (score >= x[k + 1])
        k++;
    return y[k] + ((score - x[k]) * (y[k + 1] - y[k])) / (x[k + 1] - x[k]);
}
/** Overrides in three stages: the first `set` that fires, then every `cap`, then flags on the result. */
export function applyOverrides(overrides, signals, base) {
    const fired = overrides.map(() => false);
    let score = base;
    let setDone = false;
    overrides.forEach((o, i) => {
        if (o.action !== 'set' || !conditionHolds(o.when, signals, base))
            return;
        fired[i] = true;
        if (!setDone)
            score = o.value;
        setDone = true;
    });
    const afterSet = score;
    overrides.forEach((o, i) => {
        if (o.action !== 'cap' || !conditionHolds(o.when, signals, afterSet))
            return;
        fired[i] = true;
        if (o.value < score)
            score = o.value;
    });
    overrides.forEach((o, i) => {
        if (o.action === 'flag' && conditionHolds(o.when, signals, score))
            fired[i] = true;
    });
    return { score, fired };
}
/** Each layer's score: the weighted mean of its present signals' points. */
function layerScores(card, signals) {
    return card.layers.map((layer) => {
        let sum = 0;
        let weight = 0;
        const points = layer.signals.map((s) => signalPoints(s, signals));
        points.forEach((p, j) => {
            if (p === null)
                return;
            sum += layer.signals[j].weight * p;
            weight += layer.signals[j].weight;
        });
        return { points, weightPresent: weight, score: weight > 0 ? sum / weight : null };
    });
}
/** The composite: the weighted mean of the present layers' scores, clamped; no_data_score when none is present. */
function compositeScore(card, layers) {
    let total = 0;
    let totalWeight = 0;
    card.layers.forEach((layer, i) => {
        const s = layers[i].score;
        if (s === null)
            return;
        total += layer.weight * s;
        totalWeight += layer.weight;
    });
    return totalWeight > 0 ? clampScore(total / totalWeight) : card.no_data_score;
}
/**
 * The signals losing the most weighted points, most first (ties in scorecard order), at most
 * MAX_REASONS; signals that lose nothing or are missing are left out.
 */
function reasonsOf(card, layers) {
    const losses = [];
    let order = 0;
    card.layers.forEach((layer, i) => {
        const { score, points, weightPresent } = layers[i];
        layer.signals.forEach((signal, j) => {
            const p = points[j];
            const position = order++;
            if (score === null || p === null || p === undefined)
                return;
            // weighted points lost, up to the common factor 1 / (sum of present layer weights), which
            // cannot change the order: (layer weight / present signal weight of the layer) * weight * (100 - points)
            const lost = (layer.weight / weightPresent) * signal.weight * (100 - p);
            if (lost > 0)
                losses.push({ feature: signal.feature, lost, order: position });
        });
    });
    losses.sort((a, b) => b.lost - a.lost || a.order - b.order);
    return losses.slice(0, MAX_REASONS).map((l) => l.feature);
}
/** The share of the card's signal weight (layer weight x signal weight) whose signal spoke: a value, or a rule that held. */
function coverageOf(card, signals) {
    let covered = 0;
    let weight = 0;
    for (const layer of card.layers) {
        for (const signal of layer.signals) {
            const w = layer.weight * signal.weight;
            weight += w;
            const ruled = (signal.rules ?? []).some((r) => conditionHolds(r.when, signals, NaN));
            if (ruled || !isMissing(signals[signal.feature]))
                covered += w;
        }
    }
    return weight > 0 ? covered / weight : 0;
}
export function scoreAccount(card, signals) {
    const segment = toText(signals['segment']);
    // the segment's own layer and signal weights; overrides, bands and probability stay the card's
    const weighted = cardForSegment(card, segment);
    const perLayer = layerScores(weighted, signals);
    const base = compositeScore(weighted, perLayer);
    const { score, fired } = applyOverrides(card.overrides, signals, base);
    const flags = card.overrides.filter((o, i) => fired[i] && o.action === 'flag').map((o) => o.flag);
    const layers = {};
    weighted.layers.forEach((layer, i) => {
        layers[layer.name] = perLayer[i].score;
    });
    const coverage = coverageOf(weighted, signals);
    return {
        score,
        band: bandOf(score, thresholdsFor(card, segment)),
        probability: probabilityOf(card.probability, score),
        layers,
        overrides: card.overrides.filter((_, i) => fired[i]).map((o) => o.id),
        reasons: reasonsOf(weighted, perLayer),
        escalate: flags.includes('escalate'),
        flags,
        base_score: base,
        coverage,
        status: statusOf(card, coverage),
        missing: coverageColumns(card).filter((c) => isMissing(signals[c])),
        warnings: isUnknownSegment(card, segment) ? [unknownSegmentWarning(card, segment)] : [],
    };
}
//# sourceMappingURL=score.js.map