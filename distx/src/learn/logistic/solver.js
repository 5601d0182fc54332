/**
 * Penalized maximum likelihood for logistic regression by Newton's method on standardized,
 * row-major inputs: one pass per iteration computes the loss, gradient and Hessian (X'WX; in a
 * WebAssembly SIMD kernel when the data is big enough), Cholesky solves the step, and step
 * halving keeps every step a descent step. Large data starts from the optimum on a subsample,
 * which leaves 3 passes over 200,000 rows. With an L1 penalty the step comes from the same
 * quadratic model solved by coordinate descent (proximal Newton, Lee, Sun & Saunders 2014), so
 * the answer is the exact optimum either way.
 *
 * Objective (minimized): -sum_i w_i log L_i + sum_j l2_j b_j^2 + sum_j l1_j |b_j|, intercept
 * (theta[0]) unpenalized.
 */
import { cholesky, choleskySolve, leadingBlock } from '../linalg.js';
import { ModelFitError } from '../errors.js';
import { designKernel } from './kernel.js';
/** Below this many multiply-adds of X'WX per pass the plain loop is as fast as the kernel. */
const KERNEL_MIN_WORK = 200_000;
/**
 * Writes (x_ij - center_j) * invScale_j and, in kernel rows, the leading 1. Blocks of rows small
 * enough to stay in cache are written a column at a time, so each column is read sequentially
 * and the design is written once.
 */
export function fillDesign(design, n, columns, center, invScale) {
    const { Z, stride, offset } = design;
    const p = columns.length;
    const block = 512;
    // Stryker disable next-line EqualityOperator: equivalent for <=, a block starting at n has no rows (end = n)
    for (let start = 0; start < n; start += block) {
        const end = Math.min(n, start + block);
        // Stryker disable next-line ConditionalExpression: equivalent for true, with offset 0 the 1 lands on input 0 of the row, which fillColumn writes just below (p = 0: Z is empty)
        if (offset === 1)
            for (let i = start, at = start * stride; i < end; i++, at += stride)
                Z[at] = 1;
        for (let j = 0; j < p; j++)
            fillColumn(Z, columns[j], center[j], invScale[j], start, end, start * stride + offset + j, stride);
    }
}
function fillColumn(Z, col, m, k, start, end, at, stride) {
    for (let i = start; i < end; i++, at += stride)
        Z[at] = (col[i] - m) * k;
}
export function allocateDesign(n, p) {
    const kernel = (n * (p + 1) * (p + 2)) / 2 >= KERNEL_MIN_WORK ? designKernel(n, p) : null;
    if (kernel)
        return { Z: kernel.U, stride: kernel.qp, offset: 1, kernel };
    return { Z: new Float64Array(n * p), stride: p, offset: 0, kernel: null };
}
/** Loss, gradient and Hessian of the weighted negative log-likelihood at theta. */
export function likelihoodPass(inp, theta) {
    // Stryker disable next-line ConditionalExpression: equivalent for false, scalarPass reads the kernel's layout (stride qp, offset 1) too and gives the same pass (test: the WebAssembly pass equals the plain pass); only speed differs
    return inp.kernel ? kernelPass(inp, inp.kernel, theta) : scalarPass(inp, theta);
}
/** The pass with the linear algebra in the SIMD kernel and the link function here. */
function kernelPass(inp, kernel, theta) {
    const { n, y, w } = inp;
    const eta = kernel.margins(theta);
    const { r, h } = kernel;
    let nll = 0;
    let saturated = 0;
    for (let i = 0; i < n; i++) {
        const wi = w === null ? 1 : w[i];
        if (wi === 0) {
            r[i] = 0;
            h[i] = 0;
            continue;
        }
        const e0 = eta[i];
        const yi = y[i];
        // Stryker disable next-line EqualityOperator: equivalent for >, at e0 = 0 both branches give 0
        const a = e0 >= 0 ? e0 : -e0;
        const e = Math.exp(-a);
        // Stryker disable next-line EqualityOperator: equivalent for >=, at e0 = 0 both branches give 0
        nll += wi * ((e0 > 0 ? e0 : 0) - yi * e0 + Math.log1p(e));
        const onePlus = 1 + e;
        // p - y without cancellation (see scalarPass)
        // Stryker disable next-line EqualityOperator: equivalent for >, at e0 = 0 e is 1 and both branches give 1 - 2y
        r[i] = (wi * (e0 >= 0 ? 1 - yi - yi * e : (1 - yi) * e - yi)) / onePlus;
        h[i] = (wi * e) / (onePlus * onePlus);
        // Stryker disable next-line EqualityOperator: equivalent for e0 >= 0 (a > 30, so e0 is not 0) and yi >= 0.5 (labels are 0 or 1: the model refuses others); the others are killed
        if (a > 30 && e0 > 0 === yi > 0.5)
            saturated++;
    }
    const { g, H } = kernel.accumulate();
    return { nll, g, H, saturated };
}
/** One fused pass in plain JavaScript (small data, or no WebAssembly). */
export function scalarPass(inp, theta) {
    const { n, p, Z, y, w, stride } = inp;
    const q = p + 1;
    const g = new Float64Array(q);
    const H = new Float64Array(q * q);
    const beta = theta.subarray(1);
    const b0 = theta[0];
    let nll = 0;
    let g0 = 0;
    let h00 = 0;
    let saturated = 0;
    const gz = new Float64Array(p);
    const hz = new Float64Array(p);
    for (let i = 0, off = inp.offset; i < n; i++, off += stride) {
        const wi = w === null ? 1 : w[i];
        if (wi === 0)
            continue;
        let eta = b0;
        for (let j = 0; j < p; j++)
            eta += beta[j] * Z[off + j];
        const yi = y[i];
        // Stryker disable next-line EqualityOperator: equivalent for >, at eta = 0 both branches give 0
        const a = eta >= 0 ? eta : -eta;
        const e = Math.exp(-a);
        // softplus(eta) - y*eta, computed without overflow and, for a row fitted on the side of its label, without
        // cancellation: max(eta, 0) - y*eta is exactly 0 there, so log1p(e) counts (added to eta first, it is lost past
        // eta ~ 36, and the line search stalls on rounding noise; kernelPass likewise)
        // Stryker disable next-line EqualityOperator: equivalent for >=, at eta = 0 both branches give 0
        nll += wi * ((eta > 0 ? eta : 0) - yi * eta + Math.log1p(e));
        const onePlus = 1 + e;
        // p - y = ((eta >= 0 ? 1 : e) - y (1 + e)) / (1 + e), with y (1 + e) split so that a row fitted on the side
        // of its label keeps its residual (-e for y = 1): 1 / (1 + e) - 1 is 0 past eta ~ 37 and off by 1e-16 / e below
        // Stryker disable next-line EqualityOperator: equivalent for >, at eta = 0 e is 1 and both branches give 1 - 2y
        const r = (wi * (eta >= 0 ? 1 - yi - yi * e : (1 - yi) * e - yi)) / onePlus;
        const h = (wi * e) / (onePlus * onePlus);
        // Stryker disable next-line EqualityOperator: equivalent for eta >= 0 (a > 30, so eta is not 0) and yi >= 0.5 (labels are 0 or 1: the model refuses others); the others are killed
        if (a > 30 && eta > 0 === yi > 0.5)
            saturated++;
        g0 += r;
        h00 += h;
        for (let j = 0; j < p; j++) {
            const zj = Z[off + j];
            gz[j] += r * zj;
            const hzj = h * zj;
            hz[j] += hzj;
            const row = (j + 1) * q + 1;
            // Stryker disable next-line EqualityOperator: equivalent for <=, k = p adds to H[j + 2][0] (copied over from H[0][j + 2] below) or past the end of H
            for (let k = j; k < p; k++)
                H[row + k] += hzj * Z[off + k];
        }
    }
    g[0] = g0;
    H[0] = h00;
    // Stryker disable next-line EqualityOperator: equivalent for <=, j = p writes g[q] (past the end) and H[1][0] (copied over from H[0][1] below)
    for (let j = 0; j < p; j++) {
        g[j + 1] = gz[j];
        H[j + 1] = hz[j];
    }
    // Stryker disable next-line EqualityOperator: equivalent for <=, i = q writes past the end of H, and k = i copies H[i][i] onto itself
    for (let i = 0; i < q; i++)
        for (let k = 0; k < i; k++)
            H[i * q + k] = H[k * q + i];
    return { nll, g, H, saturated };
}
function penaltyOf(inp, theta) {
    let s = 0;
    for (let j = 0; j < inp.p; j++) {
        const b = theta[j + 1];
        s += inp.l2[j] * b * b + inp.l1[j] * Math.abs(b);
    }
    return s;
}
/** Gradient and Hessian of the smooth objective (nll + L2). */
function smooth(inp, theta, pass) {
    const q = inp.p + 1;
    const G = Float64Array.from(pass.g);
    const Hs = Float64Array.from(pass.H);
    // Stryker disable next-line EqualityOperator: equivalent for <=, j = p adds past the ends of G and Hs
    for (let j = 0; j < inp.p; j++) {
        G[j + 1] += 2 * inp.l2[j] * theta[j + 1];
        Hs[(j + 1) * q + j + 1] += 2 * inp.l2[j];
    }
    return { G, Hs };
}
/**
 * argmin_d G'd + d'Hd/2 + sum_j l1_j |theta_j + d_j| by cyclic coordinate descent on the
 * q x q quadratic model (cheap: it never touches the n rows).
 */
function proximalStep(inp, theta, G, H) {
    const q = inp.p + 1;
    const d = new Float64Array(q);
    const Hd = new Float64Array(q);
    // Stryker disable next-line EqualityOperator: equivalent to rounding for <=, one more sweep after 10,000 without convergence only moves d closer to the model's minimizer
    for (let sweep = 0; sweep < 10000; sweep++) {
        let maxChange = 0;
        let maxAbs = 0;
        for (let j = 0; j < q; j++) {
            const a = H[j * q + j];
            const lin = G[j] + Hd[j] - a * d[j];
            const lam = j === 0 ? 0 : inp.l1[j - 1];
            let dj;
            // Stryker disable next-line ConditionalExpression: equivalent to rounding, with lam = 0 the soft threshold is the identity and the other branch gives (theta_j - lin / a) - theta_j
            if (lam === 0)
                dj = -lin / a;
            else {
                const z = theta[j] - lin / a;
                const gamma = lam / a;
                // Stryker disable next-line EqualityOperator: equivalent for >= and <=, at z = +-gamma both branches give 0
                const u = z > gamma ? z - gamma : z < -gamma ? z + gamma : 0;
                dj = u - theta[j];
            }
            const change = dj - d[j];
            // Stryker disable next-line ConditionalExpression: equivalent for true, a change of 0 adds 0 to Hd and sets d[j] to what it is
            if (change !== 0) {
                // Stryker disable next-line EqualityOperator: equivalent for <=, Hd[q] is past the end of a typed array
                for (let i = 0; i < q; i++)
                    Hd[i] += H[i * q + j] * change;
                d[j] = dj;
            }
            maxChange = Math.max(maxChange, Math.abs(change));
            // Stryker disable next-line MethodExpression: equivalent to rounding, maxAbs only scales the stopping rule (see below)
            maxAbs = Math.max(maxAbs, Math.abs(dj));
        }
        // Stryker disable next-line EqualityOperator,ArithmeticOperator,MethodExpression: equivalent to rounding, a stricter stopping rule (or one more sweep at equality) only moves d closer to the model's minimizer, below 1e-15 of its size
        if (maxChange <= 1e-15 * Math.max(1, maxAbs))
            break;
    }
    return d;
}
function collinearError(inp, Hs, column, ratio) {
    const q = inp.p + 1;
    const name = column === 0 ? '(intercept)' : inp.names[column - 1];
    // Which earlier columns it is made of: regress it on them (the leading block is positive definite).
    const partners = [];
    // Stryker disable next-line EqualityOperator,ConditionalExpression: equivalent for >= and true, column 1 (or 0) has no earlier input to name (the loop below runs from 1 to 0)
    if (column > 1) {
        const ch = cholesky(leadingBlock(Hs, q, column), column);
        // Stryker disable next-line ConditionalExpression: equivalent for true, the full factorization first failed at `column`, so its leading block (the same pivots) factors
        if (ch.ok) {
            const rhs = new Float64Array(column);
            // Stryker disable next-line EqualityOperator: equivalent for <=, rhs[column] is past the end of a typed array
            for (let i = 0; i < column; i++)
                rhs[i] = Hs[i * q + column];
            const coef = choleskySolve(ch.L, column, rhs);
            const big = Math.max(...Array.from(coef.subarray(1), Math.abs));
            // Stryker disable next-line EqualityOperator: equivalent for <=, coef[column] is past the end of a typed array (NaN > x is false)
            for (let i = 1; i < column; i++) {
                if (Math.abs(coef[i]) > 1e-6 * big)
                    partners.push(inp.names[i - 1]);
            }
        }
    }
    const of = partners.length > 0 ? ` of ${partners.join(', ')}` : ' of the columns before it';
    return new ModelFitError(`logistic: column ${name} is ${ratio === 0 ? 'exactly' : 'almost exactly'} a linear combination${of} (collinear; unexplained share ${ratio.toExponential(1)}), ` +
        `so its coefficient is not identified: remove one of these columns or add an L2 penalty (--l2)`, [name, ...partners]);
}
function separationError(inp, d, saturated) {
    const p = inp.p;
    let big = 0;
    for (let j = 0; j < p; j++)
        big = Math.max(big, Math.abs(d[j + 1]));
    const culprits = Array.from({ length: p }, (_, j) => j)
        .filter((j) => Math.abs(d[j + 1]) >= 0.1 * big && big > 0)
        // stable: equal steps stay in column order
        .sort((a, b) => Math.abs(d[b + 1]) - Math.abs(d[a + 1]))
        .map((j) => inp.names[j]);
    return new ModelFitError(`logistic: the classes are (quasi-)perfectly separated${culprits.length ? ` along ${culprits.join(', ')}` : ''}: ` +
        `${saturated} rows are fitted with probability 0 or 1 and the coefficients grow without bound, so the maximum-likelihood ` +
        `estimate does not exist. Remove or coarsen ${culprits.length === 1 ? 'that column' : 'those columns'}, or add an L2 penalty (--l2 0.1)`, culprits);
}
/** Below this many rows a warm start costs more than it saves. */
const WARM_START_ROWS = 50_000;
const WARM_START_SAMPLE = 20_000;
export function solveLogistic(inp) {
    const q = inp.p + 1;
    let sw = 0;
    let swy = 0;
    for (let i = 0; i < inp.n; i++) {
        const wi = inp.w === null ? 1 : inp.w[i];
        sw += wi;
        swy += wi * inp.y[i];
    }
    if (!(swy > 0 && swy < sw))
        throw new ModelFitError(`logistic: the label has a single class (${swy > 0 ? 'all 1' : 'all 0'}); nothing to learn`);
    const cold = new Float64Array(q);
    cold[0] = Math.log(swy / (sw - swy));
    const warm = inp.n >= WARM_START_ROWS ? warmStart(inp) : null;
    return newton(inp, warm ?? cold, warm === null);
}
/**
 * The optimum on every k-th row (penalties scaled by 1/k) is within ~1/sqrt(20,000) of the full
 * optimum, where Newton converges quadratically: the full data then needs 2-3 passes instead of
 * 6-7. Any trouble on the sample (it may separate when the full data does not) falls back to a
 * cold start, which reports real problems itself.
 */
function warmStart(inp) {
    const k = Math.floor(inp.n / WARM_START_SAMPLE);
    const m = Math.ceil(inp.n / k);
    const p = inp.p;
    const design = allocateDesign(m, p);
    const y = new Float64Array(m);
    const w = inp.w === null ? null : new Float64Array(m);
    // Stryker disable next-line EqualityOperator: equivalent for <=, row m writes past the end of the sample's typed arrays (the kernel's U is n x qp exactly), which does nothing
    for (let r = 0, i = 0; r < m; r++, i += k) {
        const from = i * inp.stride + inp.offset;
        const to = r * design.stride + design.offset;
        if (design.offset === 1)
            design.Z[to - 1] = 1;
        // Stryker disable next-line EqualityOperator: equivalent for <=, slot p after row r's inputs is the next row's first slot (row r + 1 writes it after), the kernel's padding (multiplied by theta's 0 padding) or past the end of the sample
        for (let j = 0; j < p; j++)
            design.Z[to + j] = inp.Z[from + j];
        y[r] = inp.y[i];
        if (w)
            w[r] = inp.w[i];
    }
    const sub = {
        ...inp,
        ...design,
        n: m,
        y,
        w,
        l2: inp.l2.map((v) => v / k),
        l1: inp.l1.map((v) => v / k),
        tol: 1e-2,
    };
    try {
        let sw = 0;
        let swy = 0;
        for (let r = 0; r < m; r++) {
            sw += w ? w[r] : 1;
            swy += (w ? w[r] : 1) * y[r];
        }
        // Stryker disable next-line ConditionalExpression,LogicalOperator,EqualityOperator: equivalent but for time, a single-class sample starts at log(0) or log(inf), its passes give a zero Hessian or NaN, and the ModelFitError that follows is caught below and gives the cold start too
        if (!(swy > 0 && swy < sw))
            return null;
        const start = new Float64Array(p + 1);
        start[0] = Math.log(swy / (sw - swy));
        // Stryker disable next-line BooleanLiteral: equivalent, the sample's collinearity and separation errors are both caught below and give the cold start
        return newton(sub, start, true).theta;
    }
    catch (err) {
        // Stryker disable next-line ConditionalExpression: equivalent for true, newton throws only ModelFitError (its own three errors)
        if (err instanceof ModelFitError)
            return null;
        throw err;
    }
}
/**
 * Damped Newton (proximal Newton under L1) from theta0. `cold` marks a start at constant
 * weights, where a singular Hessian on the first iteration is collinearity in the data.
 */
function newton(inp, theta0, cold) {
    const q = inp.p + 1;
    const hasL1 = inp.l1.some((v) => v > 0);
    const strictlyConvex = inp.l2.every((v) => v > 0);
    // With quadratic convergence the error left after a step of size s is ~k s^2, and k is ~1 on
    // standardized inputs (measured: steps 3e-2, 7e-4, 4e-7, 1.5e-13 on 200,000 x 10), so a step
    // below 0.1 sqrt(tol) is taken as the last one.
    const lastStep = 0.1 * Math.sqrt(inp.tol);
    const theta = Float64Array.from(theta0);
    let pass = likelihoodPass(inp, theta);
    let F = pass.nll + penaltyOf(inp, theta);
    let last = new Float64Array(q);
    for (let iter = 1; iter <= inp.maxIter; iter++) {
        const { G, Hs } = smooth(inp, theta, pass);
        let d;
        if (hasL1) {
            d = proximalStep(inp, theta, G, Hs);
        }
        else {
            const ch = cholesky(Hs, q);
            if (!ch.ok) {
                if ((iter === 1 && cold) || pass.saturated === 0)
                    throw collinearError(inp, Hs, ch.column, Math.max(0, ch.ratio));
                throw separationError(inp, last, pass.saturated);
            }
            d = choleskySolve(ch.L, q, G);
            // Stryker disable next-line EqualityOperator: equivalent for <=, d[q] is past the end of a typed array
            for (let j = 0; j < q; j++)
                d[j] = -d[j];
        }
        // Predicted decrease of the objective along d (negative for a descent direction).
        let decrease = 0;
        for (let j = 0; j < q; j++)
            decrease += G[j] * d[j];
        // Stryker disable next-line ConditionalExpression: equivalent for true, without L1 every l1_j is 0 (penalties are >= 0), so the term adds 0 (false is killed)
        if (hasL1)
            for (let j = 1; j < q; j++)
                decrease += inp.l1[j - 1] * (Math.abs(theta[j] + d[j]) - Math.abs(theta[j]));
        let maxStep = 0;
        for (let j = 0; j < q; j++)
            maxStep = Math.max(maxStep, Math.abs(d[j]));
        // Stryker disable next-line EqualityOperator: equivalent for <=, differs only at a largest step of exactly 0.1 sqrt(tol) (>= is killed)
        if (maxStep < lastStep) {
            // The Hessian at theta is that of the optimum to O(step); the likelihood moves by the
            // quadratic model's G'd + d'Hd/2 (exact to O(step^3)).
            let quad = 0;
            for (let a = 0; a < q; a++) {
                let hd = 0;
                for (let b = 0; b < q; b++)
                    hd += Hs[a * q + b] * d[b];
                quad += d[a] * (pass.g[a] + 0.5 * (hd - (a > 0 ? 2 * inp.l2[a - 1] * d[a] : 0)));
            }
            // Stryker disable next-line EqualityOperator: equivalent for <=, theta[q] is past the end of a typed array
            for (let j = 0; j < q; j++)
                theta[j] += d[j];
            return { theta, iterations: iter, nll: pass.nll + quad, penalty: penaltyOf(inp, theta), hessian: Hs };
        }
        let t = 1;
        const next = new Float64Array(q);
        let nextPass;
        let nextF;
        for (;;) {
            // Stryker disable next-line EqualityOperator: equivalent for <=, next[q] is past the end of a typed array
            for (let j = 0; j < q; j++)
                next[j] = theta[j] + t * d[j];
            nextPass = likelihoodPass(inp, next);
            nextF = nextPass.nll + penaltyOf(inp, next);
            if (nextF <= F + 1e-4 * t * decrease)
                break;
            t /= 2;
            // Stryker disable next-line EqualityOperator: equivalent for <=, t is a power of two and never equals 1e-12
            if (t < 1e-12)
                break;
        }
        theta.set(next);
        pass = nextPass;
        F = nextF;
        last = d;
        const moved = t * maxStep;
        if (!strictlyConvex && !hasL1 && iter >= 25 && pass.saturated > 0 && moved > 1e-3)
            throw separationError(inp, d, pass.saturated);
    }
    if (!strictlyConvex && pass.saturated > 0)
        throw separationError(inp, last, pass.saturated);
    throw new ModelFitError(`logistic: Newton's method did not converge in ${inp.maxIter} iterations (raise max_iter, or check for extreme values)`);
}
/**
 * The "meat" of the sandwich covariance, sum_i (w_i (p_i - y_i))^2 z_i z_i' with z_i = [1, Z_i]:
 * with non-frequency weights (class weights) the inverse Hessian alone understates uncertainty.
 */
export function scoreOuterProducts(inp, theta) {
    const { n, p, Z, y, w, stride } = inp;
    const q = p + 1;
    const B = new Float64Array(q * q);
    const z = new Float64Array(q);
    z[0] = 1;
    for (let i = 0, off = inp.offset; i < n; i++, off += stride) {
        const wi = w === null ? 1 : w[i];
        // Stryker disable next-line ConditionalExpression: equivalent for false, a row of weight 0 adds (0 (p - y))^2 z z' = 0
        if (wi === 0)
            continue;
        let eta = theta[0];
        for (let j = 0; j < p; j++) {
            z[j + 1] = Z[off + j];
            eta += theta[j + 1] * z[j + 1];
        }
        const e = Math.exp(-Math.abs(eta));
        // Stryker disable next-line EqualityOperator: equivalent for >, at eta = 0 both branches give 1/2
        const pr = eta >= 0 ? 1 / (1 + e) : e / (1 + e);
        const s = wi * (pr - y[i]);
        const s2 = s * s;
        // Stryker disable next-line EqualityOperator: equivalent for <=, a = q reads z[q] (undefined) but its inner loop runs 0 times
        for (let a = 0; a < q; a++) {
            const va = s2 * z[a];
            // Stryker disable next-line EqualityOperator: equivalent for <=, b = q adds to B[a + 1][0] (copied over from B[0][a + 1] below) or past the end of B
            for (let b = a; b < q; b++)
                B[a * q + b] += va * z[b];
        }
    }
    // Stryker disable next-line EqualityOperator: equivalent for <=, a = q writes past the end of B, and b = a copies B[a][a] onto itself
    for (let a = 0; a < q; a++)
        for (let b = 0; b < a; b++)
            B[a * q + b] = B[b * q + a];
    return B;
}
//# sourceMappingURL=solver.js.map