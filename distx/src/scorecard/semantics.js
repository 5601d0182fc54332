/**
 * What a scorecard must satisfy beyond its shape, and the error that names the field. No zod
 * here: `churnkit score` checks the shape with the validator generated at build time
 * (shape-check.js) and needs these rules without loading the zod schema.
 */
import { ChurnkitError } from '../util/index.js';
/** Weights are fractions; a sum within this of 1 passes (calibrate writes rounded weights). */
export const WEIGHT_TOLERANCE = 1e-6;
export class ScorecardError extends ChurnkitError {
    path;
    problem;
    file;
    constructor(path, problem, file) {
        super(`${file ? `${file}: ` : ''}scorecard ${path || '(root)'}: ${problem}`, 2);
        this.path = path;
        this.problem = problem;
        this.file = file;
    }
}
function checkWeights(weights, path, what) {
    const sum = weights.reduce((a, b) => a + b, 0);
    if (Math.abs(sum - 1) > WEIGHT_TOLERANCE)
        throw new ScorecardError(path, `${what} weights sum to ${+sum.toFixed(9)}, not 1 (tolerance ${WEIGHT_TOLERANCE})`);
}
function lower(b) {
    if (b.gt !== undefined)
        return { value: b.gt, inclusive: false };
    if (b.gte !== undefined)
        return { value: b.gte, inclusive: true };
    return null;
}
function upper(b) {
    if (b.lt !== undefined)
        return { value: b.lt, inclusive: false };
    if (b.lte !== undefined)
        return { value: b.lte, inclusive: true };
    return null;
}
/** Bands must tile the line: no gap, no overlap, each edge owned by exactly one band. */
function checkBands(signal, path) {
    const bands = signal.points;
    bands.forEach((b, k) => {
        const at = `${path}.points[${k}]`;
        if (b.gt !== undefined && b.gte !== undefined)
            throw new ScorecardError(at, 'has both gt and gte');
        if (b.lt !== undefined && b.lte !== undefined)
            throw new ScorecardError(at, 'has both lt and lte');
        const lo = lower(b);
        const hi = upper(b);
        if (k === 0 && lo)
            throw new ScorecardError(at, 'the first band must have no lower edge (it starts at -infinity)');
        if (k === bands.length - 1 && hi)
            throw new ScorecardError(at, 'the last band must have no upper edge (it runs to +infinity)');
        if (k > 0 && !lo)
            throw new ScorecardError(at, "needs a lower edge (gt or gte) equal to the previous band's upper edge");
        if (k < bands.length - 1 && !hi)
            throw new ScorecardError(at, "needs an upper edge (lt or lte) equal to the next band's lower edge");
        if (lo && hi && (lo.value > hi.value || (lo.value === hi.value && !(lo.inclusive && hi.inclusive))))
            throw new ScorecardError(at, `is empty (lower edge ${lo.value}, upper edge ${hi.value})`);
        if (k > 0) {
            const prev = upper(bands[k - 1]);
            if (lo.value !== prev.value)
                throw new ScorecardError(at, `lower edge ${lo.value} does not meet the previous band's upper edge ${prev.value} (gap or overlap)`);
            if (lo.inclusive === prev.inclusive)
                throw new ScorecardError(at, `edge ${prev.value} must belong to exactly one band: pair lt with gte, or lte with gt`);
            const before = bands[k - 1].points;
            const safer = signal.direction === 'higher_is_safer';
            if (safer ? b.points < before : b.points > before)
                throw new ScorecardError(`${at}.points`, `points must ${safer ? 'not decrease' : 'not increase'} as ${signal.feature} grows (${signal.direction}): ${before} then ${b.points}`);
        }
    });
}
function checkCondition(c, path, allowScore) {
    if ('all' in c) {
        c.all.forEach((x, i) => checkCondition(x, `${path}.all[${i}]`, allowScore));
        return;
    }
    if ('any' in c) {
        c.any.forEach((x, i) => checkCondition(x, `${path}.any[${i}]`, allowScore));
        return;
    }
    if ('score' in c) {
        if (!allowScore)
            throw new ScorecardError(path, 'a score comparison is not allowed here (points rules see signals only)');
        return;
    }
    const nullTest = c.op === 'is_null' || c.op === 'not_null';
    if (nullTest && c.value !== undefined)
        throw new ScorecardError(`${path}.value`, `must be absent for op ${c.op}`);
    if (!nullTest && c.value === undefined)
        throw new ScorecardError(`${path}.value`, `is required for op ${c.op}`);
    if ((typeof c.value === 'boolean' || typeof c.value === 'string') && c.op !== '=' && c.op !== '!=')
        throw new ScorecardError(`${path}.op`, `${typeof c.value} values take = or != only, got ${c.op}`);
}
/**
 * The rules JSON Schema cannot state: weights summing to 1 at each level, bands tiling the number
 * line with monotone points, unique names and ids, conditions that fit their place, thresholds in
 * order and an isotonic map that falls. Run on a card whose shape has been checked.
 */
export function checkSemantics(card) {
    checkWeights(card.layers.map((l) => l.weight), 'layers', 'layer');
    const layerNames = new Set();
    const features = new Map();
    card.layers.forEach((layer, i) => {
        const at = `layers[${i}]`;
        if (layerNames.has(layer.name))
            throw new ScorecardError(`${at}.name`, `duplicate layer name ${layer.name}`);
        layerNames.add(layer.name);
        checkWeights(layer.signals.map((s) => s.weight), `${at}.signals`, `layer ${layer.name} signal`);
        layer.signals.forEach((signal, j) => {
            const sat = `${at}.signals[${j}]`;
            const seen = features.get(signal.feature);
            if (seen)
                throw new ScorecardError(`${sat}.feature`, `${signal.feature} is already used at ${seen}`);
            features.set(signal.feature, sat);
            checkBands(signal, sat);
            signal.rules?.forEach((r, k) => checkCondition(r.when, `${sat}.rules[${k}].when`, false));
        });
    });
    const ids = new Set();
    card.overrides.forEach((o, i) => {
        const at = `overrides[${i}]`;
        if (ids.has(o.id))
            throw new ScorecardError(`${at}.id`, `duplicate override id ${o.id}`);
        ids.add(o.id);
        if (o.action === 'flag') {
            if (o.flag === undefined)
                throw new ScorecardError(`${at}.flag`, 'is required for action flag');
            if (o.value !== undefined)
                throw new ScorecardError(`${at}.value`, 'must be absent for action flag');
        }
        else {
            if (o.value === undefined)
                throw new ScorecardError(`${at}.value`, `is required for action ${o.action}`);
            if (o.flag !== undefined)
                throw new ScorecardError(`${at}.flag`, `must be absent for action ${o.action}`);
        }
        checkCondition(o.when, `${at}.when`, true);
    });
    for (const [segment, set] of Object.entries(card.segment_weights ?? {})) {
        const at = `segment_weights.${segment}`;
        const names = Object.keys(set.layers);
        const unknown = names.find((n) => !layerNames.has(n));
        if (unknown !== undefined)
            throw new ScorecardError(`${at}.layers.${unknown}`, `is not a layer of the card`);
        const absent = card.layers.find((l) => !Object.hasOwn(set.layers, l.name));
        if (absent)
            throw new ScorecardError(`${at}.layers`, `has no weights for layer ${absent.name} (every layer is needed)`);
        checkWeights(card.layers.map((l) => set.layers[l.name].weight), `${at}.layers`, `segment ${segment} layer`);
        for (const layer of card.layers) {
            const lat = `${at}.layers.${layer.name}.signals`;
            const given = set.layers[layer.name].signals;
            const extra = Object.keys(given).find((f) => !layer.signals.some((s) => s.feature === f));
            if (extra !== undefined)
                throw new ScorecardError(`${lat}.${extra}`, `is not a signal of layer ${layer.name}`);
            const lacking = layer.signals.find((s) => !Object.hasOwn(given, s.feature));
            if (lacking)
                throw new ScorecardError(lat, `has no weight for ${lacking.feature} (every signal of the layer is needed)`);
            checkWeights(layer.signals.map((s) => given[s.feature]), lat, `segment ${segment} layer ${layer.name} signal`);
        }
    }
    const checkThresholds = (t, at) => {
        if (!(t.yellow < t.green))
            throw new ScorecardError(at, `yellow (${t.yellow}) must be below green (${t.green})`);
    };
    checkThresholds(card.bands, 'bands');
    for (const [segment, t] of Object.entries(card.bands.segments ?? {}))
        checkThresholds(t, `bands.segments.${segment}`);
    if (card.probability.method === 'isotonic') {
        const { x, y } = card.probability;
        if (x.length !== y.length)
            throw new ScorecardError('probability.y', `has ${y.length} values for ${x.length} x knots`);
        for (let k = 1; k < x.length; k++) {
            if (!(x[k] > x[k - 1]))
                throw new ScorecardError(`probability.x[${k}]`, `knots must increase strictly (${x[k - 1]} then ${x[k]})`);
            if (y[k] > y[k - 1])
                throw new ScorecardError(`probability.y[${k}]`, `probability must not rise with the score (${y[k - 1]} then ${y[k]})`);
        }
    }
}
//# sourceMappingURL=semantics.js.map