import { ChurnkitError } from '../../util/index.js';
/** Activation value and its DeepLIFT multiplier (a(z) - a(z0)) / (z - z0). */
function act(a, z) {
    if (a === 'relu')
        return z > 0 ? z : 0;
    return Math.tanh(z);
}
function actSlope(a, z) {
    if (a === 'relu')
        return z > 0 ? 1 : 0;
    const t = Math.tanh(z);
    return 1 - t * t;
}
/** Checks that a matrix carries the inputs the network was trained on, in order. */
export function checkInputs(state, X) {
    const want = state.inputs;
    if (X.names.length !== want.length || X.names.some((n, j) => n !== want[j])) {
        throw new ChurnkitError(`mlp: model inputs are [${want.join(', ')}], got [${X.names.join(', ')}]`, 2);
    }
}
/**
 * Row i of X as the network sees it. NaN becomes 0: the pipeline imputes before the network,
 * and on standardized inputs 0 is the training mean, the least surprising stand-in.
 */
function readRow(X, i, out) {
    for (let j = 0; j < out.length; j++) {
        const v = X.columns[j][i];
        out[j] = Number.isNaN(v) ? 0 : v;
    }
}
/** Pre-activations of every layer for one input row. */
function forwardRow(state, x, pre, post) {
    let h = x;
    const last = state.layers.length - 1;
    for (let l = 0; l <= last; l++) {
        const { kernel, bias } = state.layers[l];
        const z = pre[l];
        z.set(bias);
        for (let i = 0; i < h.length; i++) {
            const hi = h[i];
            if (hi === 0)
                continue;
            const row = kernel[i];
            for (let o = 0; o < z.length; o++)
                z[o] += hi * row[o];
        }
        if (l === last)
            return z[0];
        const a = post[l];
        for (let o = 0; o < z.length; o++)
            a[o] = act(state.activation, z[o]);
        h = a;
    }
    throw new ChurnkitError('mlp: the network has no layers');
}
function buffers(state) {
    return {
        pre: state.layers.map((l) => new Float64Array(l.bias.length)),
        post: state.layers.map((l) => new Float64Array(l.bias.length)),
    };
}
/** Log-odds for every row of X. */
export function forward(state, X) {
    checkInputs(state, X);
    const out = new Float64Array(X.n);
    const x = new Float64Array(state.inputs.length);
    const { pre, post } = buffers(state);
    for (let i = 0; i < X.n; i++) {
        readRow(X, i, x);
        out[i] = forwardRow(state, x, pre, post);
    }
    return out;
}
/**
 * DeepLIFT with the Rescale rule (Shrikumar et al., 2017) against `state.baseline`: each
 * activation passes back (a(z) - a(z0)) / (z - z0) instead of its gradient, so the
 * contributions (x_j - x0_j) * m_j sum to f(x) - f(x0) exactly in real arithmetic; `bias` is
 * f(x0) plus the float rounding of that sum (about 1e-15), so bias + contributions equals the
 * margin up to one rounding of the final addition. For a network without hidden layers this is w_j (x_j - x0_j).
 */
export function deepLift(state, X) {
    checkInputs(state, X);
    const d = state.inputs.length;
    const L = state.layers.length;
    const x0 = Float64Array.from(state.baseline);
    const base = buffers(state);
    forwardRow(state, x0, base.pre, base.post);
    const cur = buffers(state);
    const x = new Float64Array(d);
    const contributions = Array.from({ length: d }, () => new Float64Array(X.n));
    const bias = new Float64Array(X.n);
    // Multipliers of the margin with respect to each layer's output, reused across rows.
    const mult = state.layers.map((l) => new Float64Array(l.bias.length));
    const multIn = new Float64Array(d);
    for (let i = 0; i < X.n; i++) {
        readRow(X, i, x);
        const margin = forwardRow(state, x, cur.pre, cur.post);
        mult[L - 1][0] = 1;
        for (let l = L - 1; l >= 0; l--) {
            const m = mult[l];
            if (l < L - 1) {
                // Through the activation of hidden layer l: secant slope between input and baseline.
                const z = cur.pre[l];
                const z0 = base.pre[l];
                for (let o = 0; o < m.length; o++) {
                    const dz = z[o] - z0[o];
                    const slope = Math.abs(dz) > 1e-12 ? (cur.post[l][o] - base.post[l][o]) / dz : actSlope(state.activation, z[o]);
                    m[o] *= slope;
                }
            }
            // Through the dense layer: multipliers of its inputs are kernel · m.
            const target = l === 0 ? multIn : mult[l - 1];
            const kernel = state.layers[l].kernel;
            for (let k = 0; k < target.length; k++) {
                const row = kernel[k];
                let s = 0;
                for (let o = 0; o < m.length; o++)
                    s += row[o] * m[o];
                target[k] = s;
            }
        }
        let sum = 0;
        for (let j = 0; j < d; j++) {
            const c = (x[j] - x0[j]) * multIn[j];
            contributions[j][i] = c;
            sum += c;
        }
        bias[i] = margin - sum;
    }
    return { names: [...state.inputs], bias, contributions };
}
//# sourceMappingURL=network.js.map