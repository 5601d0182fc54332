/**
 * Regression with non-negative coefficients and a free intercept, for scorecard weights:
 * logistic loss on churn labels, or squared loss on a model's margin (distillation). Projected
 * Newton: each step solves the box-constrained quadratic model by coordinate descent, then a
 * backtracking line search keeps the objective falling. The problems are small (ten signals),
 * so this is exact to the last digits and fast enough to bootstrap.
 */
import { ChurnkitError } from '../../util/index.js';
function objective(loss, eta, t, w) {
    let f = 0;
    for (let i = 0; i < eta.length; i++) {
        const e = eta[i];
        const wi = w ? w[i] : 1;
        if (wi === 0)
            continue;
        if (loss === 'squared') {
            const r = t[i] - e;
            f += 0.5 * wi * r * r;
        }
        else {
            // log(1 + e^eta) - y * eta, stable for large |eta|
            const softplus = e > 0 ? e + Math.log1p(Math.exp(-e)) : Math.log1p(Math.exp(e));
            f += wi * (softplus - t[i] * e);
        }
    }
    return f;
}
/** Solves A x = b (A k x k row-major, symmetric positive definite) by Gaussian elimination with partial pivoting. */
function solveDense(A, b, k) {
    const M = Float64Array.from(A);
    const x = Float64Array.from(b);
    for (let c = 0; c < k; c++) {
        let piv = c;
        for (let r = c + 1; r < k; r++)
            if (Math.abs(M[r * k + c]) > Math.abs(M[piv * k + c]))
                piv = r;
        if (piv !== c) {
            for (let j = 0; j < k; j++)
                [M[c * k + j], M[piv * k + j]] = [M[piv * k + j], M[c * k + j]];
            [x[c], x[piv]] = [x[piv], x[c]];
        }
        const d = M[c * k + c];
        for (let r = c + 1; r < k; r++) {
            const f = M[r * k + c] / d;
            if (f === 0)
                continue;
            for (let j = c; j < k; j++)
                M[r * k + j] -= f * M[c * k + j];
            x[r] -= f * x[c];
        }
    }
    for (let c = k - 1; c >= 0; c--) {
        let s = x[c];
        for (let j = c + 1; j < k; j++)
            s -= M[c * k + j] * x[j];
        x[c] = s / M[c * k + c];
    }
    return x;
}
/**
 * Minimises 0.5 d'Hd + g'd subject to d_j >= lower_j (lower_j <= 0, -Infinity = free) by an
 * active-set method (Lawson-Hanson's, for a quadratic): exact in a finite number of steps, and
 * indifferent to the ill-conditioning that stalls coordinate descent. H is q x q row-major,
 * positive definite.
 */
export function boxQuadratic(H, g, lower, q) {
    for (let j = 0; j < q; j++)
        if (lower[j] > 0)
            throw new ChurnkitError('boxQuadratic: the zero step must be feasible');
    const d = new Float64Array(q);
    // start with every bounded variable at its bound if the bound is 0 (d = 0 is feasible either way)
    const atBound = Uint8Array.from(lower, (l) => (l === 0 ? 1 : 0));
    const gradient = () => {
        const r = Float64Array.from(g);
        for (let a = 0; a < q; a++)
            for (let b = 0; b < q; b++)
                r[a] += H[a * q + b] * d[b];
        return r;
    };
    for (let outer = 0; outer < 10 * q + 10; outer++) {
        // the free variables' optimum with the bound ones held
        for (;;) {
            const free = [];
            for (let j = 0; j < q; j++)
                if (!atBound[j])
                    free.push(j);
            const k = free.length;
            if (k === 0)
                break;
            const A = new Float64Array(k * k);
            const rhs = new Float64Array(k);
            free.forEach((a, i) => {
                let r = -g[a];
                for (let b = 0; b < q; b++)
                    if (atBound[b])
                        r -= H[a * q + b] * d[b];
                rhs[i] = r;
                free.forEach((b, j) => (A[i * k + j] = H[a * q + b]));
            });
            const target = solveDense(A, rhs, k);
            // walk from d towards the target, stopping at the first bound in the way
            let t = 1;
            let blocking = -1;
            free.forEach((a, i) => {
                if (target[i] < lower[a]) {
                    const s = (d[a] - lower[a]) / (d[a] - target[i]);
                    if (s < t) {
                        t = s;
                        blocking = a;
                    }
                }
            });
            free.forEach((a, i) => (d[a] = d[a] + t * (target[i] - d[a])));
            if (blocking < 0)
                break;
            d[blocking] = lower[blocking];
            atBound[blocking] = 1;
            for (const a of free)
                if (a !== blocking && d[a] <= lower[a]) {
                    d[a] = lower[a];
                    atBound[a] = 1;
                }
        }
        // release the bound variable whose gradient most wants to move it up, if any does
        const r = gradient();
        let release = -1;
        let most = -1e-14 * (1 + Math.max(...Array.from(r, Math.abs)));
        for (let j = 0; j < q; j++)
            if (atBound[j] && r[j] < most) {
                most = r[j];
                release = j;
            }
        if (release < 0)
            break;
        atBound[release] = 0;
    }
    return d;
}
/** Fits target ~ intercept + sum_j coef_j * Z[j] with coef >= 0. */
export function fitNonNegative(Z, target, loss, options = {}) {
    const p = Z.length;
    const q = p + 1;
    const n = target.length;
    const w = options.weight;
    const beta = new Float64Array(q); // [intercept, coef...]
    if (options.init) {
        beta[0] = options.init.intercept;
        for (let j = 0; j < p; j++)
            beta[j + 1] = Math.max(0, options.init.coef[j]);
    }
    else {
        let sw = 0;
        let st = 0;
        for (let i = 0; i < n; i++) {
            const wi = w ? w[i] : 1;
            sw += wi;
            st += wi * target[i];
        }
        const mean = sw > 0 ? st / sw : 0;
        beta[0] = loss === 'squared' ? mean : Math.log(Math.max(mean, 1e-12) / Math.max(1 - mean, 1e-12));
    }
    const eta = new Float64Array(n);
    const linear = (b, out) => {
        out.fill(b[0]);
        for (let j = 0; j < p; j++) {
            const c = b[j + 1];
            if (c === 0)
                continue;
            const z = Z[j];
            for (let i = 0; i < n; i++)
                out[i] += c * z[i];
        }
    };
    const ridge = options.ridge ?? 0;
    const penalty = (b) => {
        let s2 = 0;
        for (let j = 1; j < q; j++)
            s2 += b[j] * b[j];
        return 0.5 * ridge * s2;
    };
    linear(beta, eta);
    let f = objective(loss, eta, target, w) + penalty(beta);
    const lower = new Float64Array(q);
    const H = new Float64Array(q * q);
    const g = new Float64Array(q);
    const r = new Float64Array(n);
    const h = new Float64Array(n);
    const trial = new Float64Array(q);
    const hz = new Float64Array(n);
    const X = [new Float64Array(n).fill(1), ...Z];
    const trialEta = new Float64Array(n);
    const maxIterations = options.maxIterations ?? 200;
    let iterations = 0;
    let converged = false;
    while (!converged && iterations < maxIterations) {
        iterations++;
        for (let i = 0; i < n; i++) {
            const wi = w ? w[i] : 1;
            if (loss === 'squared') {
                r[i] = wi * (target[i] - eta[i]);
                h[i] = wi;
            }
            else {
                const e = eta[i];
                const pr = e >= 0 ? 1 / (1 + Math.exp(-e)) : Math.exp(e) / (1 + Math.exp(e));
                r[i] = wi * (target[i] - pr);
                h[i] = wi * pr * (1 - pr);
            }
        }
        // gradient of the objective is -X' r, Hessian X' diag(h) X, with X = [1, Z]
        for (let a = 0; a < q; a++) {
            const za = X[a];
            let ga = 0;
            for (let i = 0; i < n; i++) {
                const v = za[i];
                ga -= v * r[i];
                hz[i] = v * h[i];
            }
            g[a] = ga;
            for (let b = a; b < q; b++) {
                const zb = X[b];
                let acc = 0;
                for (let i = 0; i < n; i++)
                    acc += hz[i] * zb[i];
                H[a * q + b] = acc;
                H[b * q + a] = acc;
            }
        }
        for (let a = 1; a < q; a++) {
            g[a] += ridge * beta[a];
            H[a * q + a] += ridge;
        }
        for (let a = 0; a < q; a++)
            H[a * q + a] += 1e-12 * (H[a * q + a] + 1);
        lower[0] = -Infinity;
        for (let j = 1; j < q; j++)
            lower[j] = -beta[j];
        const d = boxQuadratic(H, g, lower, q);
        let slope = 0;
        for (let a = 0; a < q; a++)
            slope += g[a] * d[a];
        if (!(slope < 0))
            break; // no descent direction left: KKT point
        let step = 1;
        let accepted = false;
        for (let k = 0; k < 60; k++) {
            for (let a = 0; a < q; a++)
                trial[a] = beta[a] + step * d[a];
            for (let j = 1; j < q; j++)
                if (trial[j] < 0)
                    trial[j] = 0;
            linear(trial, trialEta);
            const ft = objective(loss, trialEta, target, w) + penalty(trial);
            if (ft <= f + 1e-4 * step * slope) {
                const drop = f - ft;
                let moved = 0;
                for (let a = 0; a < q; a++)
                    moved = Math.max(moved, Math.abs(trial[a] - beta[a]));
                beta.set(trial);
                eta.set(trialEta);
                f = ft;
                accepted = true;
                if (drop <= 1e-15 * (1 + Math.abs(f)) || moved < 1e-10)
                    converged = true;
                break;
            }
            step /= 2;
        }
        if (!accepted)
            break;
    }
    return { intercept: beta[0], coef: beta.slice(1), iterations, objective: f };
}
//# sourceMappingURL=nonneg.js.map