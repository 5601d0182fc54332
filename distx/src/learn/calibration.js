/**
 * Probability calibration on a later time slice than training (docs/training.md), fitted on the
 * model's margins (log-odds) like scikit-learn's CalibratedClassifierCV fits on
 * decision_function:
 * - Platt: p = sigmoid(a * margin + b), with Platt's smoothed targets ((N+ + 1)/(N+ + 2) for
 *   positives, 1/(N- + 2) for negatives) as sklearn's `_sigmoid_calibration`, solved exactly by Newton.
 * - Isotonic: pool adjacent violators on margins, equal margins merged first (weighted mean
 *   label), then linear interpolation between the stored points and clipping outside them, as
 *   sklearn's IsotonicRegression(out_of_bounds="clip").
 */
import { fitIsotonic, predictIsotonic, sigmoid } from '../stats/index.js';
import { ModelFitError } from './errors.js';
export function fitPlatt(margin, y, weight) {
    const n = margin.length;
    let prior0 = 0;
    let prior1 = 0;
    for (let i = 0; i < n; i++) {
        const w = weight ? weight[i] : 1;
        if (y[i] > 0)
            prior1 += w;
        else
            prior0 += w;
    }
    const hi = (prior1 + 1) / (prior1 + 2);
    const lo = 1 / (prior0 + 2);
    // sklearn's starting point (flat, at the smoothed base rate): from a start far from it Newton can run off.
    let a = 0;
    let b = Math.log((prior1 + 1) / (prior0 + 1));
    const loss = (aa, bb) => {
        let s = 0;
        for (let i = 0; i < n; i++) {
            const w = weight ? weight[i] : 1;
            const t = y[i] > 0 ? hi : lo;
            const z = aa * margin[i] + bb;
            // -(t log p + (1-t) log(1-p)) = softplus(z) - t z
            // Stryker disable next-line EqualityOperator: equivalent for >=, at z = 0 both branches give 0 (<= is killed)
            s += w * ((z > 0 ? z : 0) + Math.log1p(Math.exp(-Math.abs(z))) - t * z);
        }
        return s;
    };
    let f = loss(a, b);
    for (let iter = 0; iter < 200; iter++) {
        let ga = 0;
        let gb = 0;
        let haa = 0;
        let hab = 0;
        let hbb = 0;
        for (let i = 0; i < n; i++) {
            const w = weight ? weight[i] : 1;
            const t = y[i] > 0 ? hi : lo;
            const m = margin[i];
            const p = sigmoid(a * m + b);
            const r = w * (p - t);
            const h = w * p * (1 - p);
            ga += r * m;
            gb += r;
            haa += h * m * m;
            hab += h * m;
            hbb += h;
        }
        const det = haa * hbb - hab * hab;
        let da;
        let db;
        // Equal margins leave det as rounding noise (up to ~1e-16 haa hbb), which must not be taken for a slope.
        // Stryker disable next-line EqualityOperator,ConditionalExpression: equivalent for det >= (differs only at det exactly 1e-12 haa hbb) and for haa >= 0 or true (haa is 0 only when every margin is 0, where det is 0 too); the others are killed
        if (det > 1e-12 * haa * hbb && haa > 0) {
            da = -(hbb * ga - hab * gb) / det;
            db = -(haa * gb - hab * ga) / det;
        }
        else {
            // All margins (nearly) equal: only the level is identified.
            da = 0;
            db = hbb > 0 ? -gb / hbb : 0;
        }
        // Backtracking: from the flat start a full Newton step can overshoot and raise the loss (and
        // plain Newton then diverges), e.g. 53 positives at margin 1.1, one at 1.2, a negative at 1.9.
        // Tiny steps are in Newton's quadratic region, where the loss cannot resolve the decrease.
        // Stryker disable next-line EqualityOperator: equivalent for <=, differs only at a step of exactly 1e-8 (>= is killed)
        const tiny = Math.max(Math.abs(da), Math.abs(db)) < 1e-8;
        let t = 1;
        let next = f;
        // Stryker disable next-line EqualityOperator: equivalent for >=, t is a power of two and never equals 1e-12 (<= is killed)
        for (; t > 1e-12; t /= 2) {
            next = loss(a + t * da, b + t * db);
            if (next <= f + 1e-4 * t * (ga * da + gb * db) || tiny)
                break;
        }
        a += t * da;
        b += t * db;
        f = next;
        // Stryker disable next-line EqualityOperator: equivalent for <=, differs only at a step of exactly 1e-12 (>= is killed)
        if (t * Math.max(Math.abs(da), Math.abs(db)) < 1e-12)
            break;
    }
    return { a, b };
}
export function fitCalibration(method, margin, y, weight, slice) {
    switch (method) {
        case 'none':
            return { method: 'none' };
        case 'platt': {
            const { a, b } = fitPlatt(margin, y, weight);
            return { method: 'platt', a, b, fitted_on: slice };
        }
        case 'isotonic': {
            if (weight && !weight.some((w) => w > 0))
                throw new ModelFitError('isotonic calibration: no rows with positive weight');
            const iso = fitIsotonic(margin, y, weight);
            return { method: 'isotonic', x: iso.x, y: iso.y, fitted_on: slice };
        }
    }
}
/** Calibrated probabilities from margins. */
export function applyCalibration(cal, margin) {
    switch (cal.method) {
        case 'none':
            return margin.map(sigmoid);
        case 'platt':
            return margin.map((m) => sigmoid(cal.a * m + cal.b));
        case 'isotonic':
            return margin.map((m) => predictIsotonic(cal, m));
    }
}
//# sourceMappingURL=calibration.js.map