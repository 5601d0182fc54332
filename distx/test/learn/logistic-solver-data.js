import { Rng } from '../../src/util/rng.js';
/** A solver input over a plain row-major design; `offset` columns of padding before the inputs. */
export function input(rows, y, over = {}) {
    const p = rows[0]?.length ?? 0;
    const offset = over.offset ?? 0;
    const stride = p + offset;
    const Z = new Float64Array(rows.length * stride);
    rows.forEach((r, i) => {
        if (offset === 1)
            Z[i * stride] = 1;
        r.forEach((v, j) => (Z[i * stride + offset + j] = v));
    });
    return {
        n: rows.length,
        p,
        Z,
        stride,
        offset,
        y: Float64Array.from(y),
        w: null,
        l2: new Float64Array(p),
        l1: new Float64Array(p),
        maxIter: 100,
        tol: 1e-10,
        names: Array.from({ length: p }, (_, j) => `x${j}`),
        kernel: null,
        ...over,
    };
}
/** n rows of standard normal inputs with y ~ Bernoulli(sigmoid(theta . [1, x])). */
export function simulated(n, theta, seed) {
    const rng = new Rng(seed);
    const rows = [];
    const y = [];
    for (let i = 0; i < n; i++) {
        const x = theta.slice(1).map(() => rng.normal());
        const eta = x.reduce((s, v, j) => s + theta[j + 1] * v, theta[0]);
        rows.push(x);
        y.push(rng.next() < 1 / (1 + Math.exp(-eta)) ? 1 : 0);
    }
    return { rows, y };
}
//# sourceMappingURL=logistic-solver-data.js.map