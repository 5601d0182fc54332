/**
 * Isotonic regression as scikit-learn's IsotonicRegression computes it (ties merged at float64
 * resolution, pool adjacent violators, the step function trimmed to its changes, linear
 * interpolation between knots): model calibration and scorecard points both use it.
 */
/** sklearn merges x values closer than this (np.finfo(float64).resolution) as ties. */
const TIE_RESOLUTION = 1e-15;
export function fitIsotonic(xs, ys, weight) {
    const idx = [];
    for (let i = 0; i < xs.length; i++)
        if (!weight || weight[i] > 0)
            idx.push(i);
    if (idx.length === 0)
        throw new RangeError('isotonic regression: no rows with positive weight');
    // Stryker disable next-line ArithmeticOperator: equivalent, rows of equal x are merged into one weighted mean below; their order among themselves only orders that sum
    idx.sort((i, j) => xs[i] - xs[j] || ys[i] - ys[j] || i - j);
    // Merge ties: weighted mean label, summed weight.
    const ux = [];
    const uy = [];
    const uw = [];
    let cx = xs[idx[0]];
    let sw = 0;
    let swy = 0;
    for (const i of idx) {
        const x = xs[i];
        const w = weight ? weight[i] : 1;
        if (x - cx >= TIE_RESOLUTION) {
            ux.push(cx);
            uy.push(swy / sw);
            uw.push(sw);
            cx = x;
            sw = 0;
            swy = 0;
        }
        sw += w;
        swy += w * ys[i];
    }
    ux.push(cx);
    uy.push(swy / sw);
    uw.push(sw);
    const fitted = poolAdjacentViolators(uy, uw);
    // Keep the end points and every point where the step function changes (sklearn's trim).
    const x = [];
    const y = [];
    for (let k = 0; k < fitted.length; k++) {
        // Stryker disable next-line ConditionalExpression,LogicalOperator,ArithmeticOperator: equivalent, at either end the missing neighbour is undefined, so the neighbour tests keep the end points anyway
        if (k === 0 || k === fitted.length - 1 || fitted[k] !== fitted[k - 1] || fitted[k] !== fitted[k + 1]) {
            x.push(ux[k]);
            y.push(fitted[k]);
        }
    }
    return { x, y };
}
/** Weighted least-squares non-decreasing fit (pool adjacent violators), O(n). */
export function poolAdjacentViolators(values, weights) {
    const n = values.length;
    const blockValue = [];
    // Stryker disable next-line ArrayDeclaration: equivalent, the stacks are popped together and blockValue empties first, so an extra bottom entry here is never read
    const blockWeight = [];
    const blockEnd = [];
    for (let i = 0; i < n; i++) {
        let v = values[i];
        let w = weights[i];
        // Stryker disable next-line ConditionalExpression,EqualityOperator: equivalent, an empty stack reads undefined (never >= v), and pooling equal neighbours leaves their value as it is
        while (blockValue.length > 0 && blockValue[blockValue.length - 1] >= v) {
            const pv = blockValue.pop();
            const pw = blockWeight.pop();
            blockEnd.pop();
            v = (pv * pw + v * w) / (pw + w);
            w = pw + w;
        }
        blockValue.push(v);
        blockWeight.push(w);
        blockEnd.push(i);
    }
    // Stryker disable next-line ArrayDeclaration: equivalent, every index is assigned below; the length only presizes
    const out = new Array(n);
    let start = 0;
    // Stryker disable next-line EqualityOperator: equivalent, a pass past the last block reads blockEnd[b] undefined and writes nothing
    for (let b = 0; b < blockValue.length; b++) {
        for (let i = start; i <= blockEnd[b]; i++)
            out[i] = blockValue[b];
        start = blockEnd[b] + 1;
    }
    return out;
}
export function predictIsotonic(iso, x) {
    const xs = iso.x;
    const ys = iso.y;
    const last = xs.length - 1;
    // Stryker disable next-line ConditionalExpression: equivalent, NaN fails every comparison below and interpolates to NaN; the early return only says so
    if (Number.isNaN(x))
        return NaN;
    // Stryker disable next-line EqualityOperator: equivalent, at x = xs[0] the interpolation gives ys[0] exactly (x - x0 = 0)
    if (x <= xs[0])
        return ys[0];
    if (x >= xs[last])
        return ys[last];
    let lo = 0;
    let hi = last;
    while (hi - lo > 1) {
        const mid = (lo + hi) >> 1;
        if (xs[mid] <= x)
            lo = mid;
        else
            hi = mid;
    }
    const x0 = xs[lo];
    const x1 = xs[hi];
    const y0 = ys[lo];
    const y1 = ys[hi];
    // scipy's interp1d order of operations: slope first
    const slope = (y1 - y0) / (x1 - x0);
    return slope * (x - x0) + y0;
}
//# sourceMappingURL=isotonic.js.map