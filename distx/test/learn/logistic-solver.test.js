/**
 * The logistic solver's fast paths against its reference path (issue 23), on data whose answer
 * is far from where the solver starts (a churn rate of about 5%: intercept near -3.4, and
 * coefficients of +-1.5 where the start has 0):
 * - the WebAssembly pass (big data) against the plain JavaScript pass, at a point far from 0,
 *   with zero weights and saturated rows;
 * - the warm start from a subsample (50,000 rows and more) and the last step's quadratic-model
 *   likelihood, against the optimality conditions computed here with the plain pass.
 */
import assert from 'node:assert/strict';
import test from 'node:test';
import { allocateDesign, fillDesign, likelihoodPass, scalarPass, solveLogistic, } from '../../src/learn/logistic/solver.js';
import { Rng } from '../../src/util/rng.js';
const TRUE_THETA = [-3.4, 1.5, -1.5, 0.4];
/** n rows of 3 standard normal inputs; y ~ Bernoulli(sigmoid(TRUE_THETA . [1, x])). */
function data(n, seed) {
    const rng = new Rng(seed);
    const columns = [0, 1, 2].map(() => new Float64Array(n));
    const y = new Float64Array(n);
    for (let i = 0; i < n; i++) {
        let eta = TRUE_THETA[0];
        for (let j = 0; j < 3; j++) {
            const x = rng.normal();
            columns[j][i] = x;
            eta += TRUE_THETA[j + 1] * x;
        }
        y[i] = rng.next() < 1 / (1 + Math.exp(-eta)) ? 1 : 0;
    }
    return { columns, y };
}
function input(n, seed, options) {
    const { columns, y } = data(n, seed);
    // allocateDesign picks the kernel for big data; a plain design is the same numbers row-major.
    const design = options.kernel
        ? allocateDesign(n, 3)
        : { Z: new Float64Array(n * 3), stride: 3, offset: 0, kernel: null };
    if (options.kernel)
        assert.ok(design.kernel, 'this machine runs the WebAssembly kernel');
    fillDesign(design, n, columns, [0, 0, 0], [1, 1, 1]);
    return {
        n,
        p: 3,
        ...design,
        y,
        w: options.w ?? null,
        l2: new Float64Array(3).fill(options.l2 ?? 0),
        l1: new Float64Array(3),
        maxIter: 100,
        tol: 1e-10,
        names: ['a', 'b', 'c'],
    };
}
const close = (a, e, tol, what) => assert.ok(Math.abs(a - e) <= tol * Math.max(1, Math.abs(e)), `${what}: ${a} vs ${e}`);
test('the WebAssembly pass equals the plain pass far from the start, with zero weights and saturated rows', () => {
    const n = 30_000;
    const w = Float64Array.from({ length: n }, (_, i) => (i % 7 === 0 ? 0 : 1 + (i % 3)));
    const fast = input(n, 5, { kernel: true, w });
    const plain = input(n, 5, { kernel: false, w });
    // A point far from 0 and from the optimum; the 20x scale saturates rows (|eta| > 30).
    for (const theta of [Float64Array.of(-3.4, 1.5, -1.5, 0.4), Float64Array.of(2, -20, 25, 3)]) {
        const a = likelihoodPass(fast, theta);
        const b = scalarPass(plain, theta);
        close(a.nll, b.nll, 1e-12, 'nll');
        assert.equal(a.saturated, b.saturated, 'saturated rows');
        for (let j = 0; j < 4; j++)
            close(a.g[j], b.g[j], 1e-9, `g[${j}]`);
        for (let k = 0; k < 16; k++)
            close(a.H[k], b.H[k], 1e-9, `H[${k}]`);
    }
    assert.ok(scalarPass(plain, Float64Array.of(2, -20, 25, 3)).saturated > 100, 'the second point saturates rows');
});
/** The gradient of the penalized objective at theta, from the plain pass. */
function objectiveGradient(inp, theta) {
    const plain = { ...inp, ...copyToPlain(inp) };
    const g = scalarPass(plain, theta).g;
    for (let j = 0; j < inp.p; j++)
        g[j + 1] += 2 * inp.l2[j] * theta[j + 1];
    return g;
}
function copyToPlain(inp) {
    const Z = new Float64Array(inp.n * inp.p);
    for (let i = 0; i < inp.n; i++)
        for (let j = 0; j < inp.p; j++)
            Z[i * inp.p + j] = inp.Z[i * inp.stride + inp.offset + j];
    return { Z, stride: inp.p, offset: 0, kernel: null };
}
test('the warm-started fit (60,000 rows) is the optimum: the gradient vanishes, the reported likelihood is exact', () => {
    for (const l2 of [0, 25]) {
        const inp = input(60_000, 9, { kernel: true, l2 });
        const fit = solveLogistic(inp);
        // far from the start: the intercept alone moves from log(N+/N-) and the slopes from 0
        assert.ok(fit.theta[0] < -3 && fit.theta[1] > 1.2 && fit.theta[2] < -1.2, `theta ${[...fit.theta]}`);
        const g = objectiveGradient(inp, fit.theta);
        // the gradient scales with n: 1e-6 of 60,000 rows is far below any change that matters
        for (let j = 0; j < 4; j++)
            assert.ok(Math.abs(g[j]) < 1e-3, `l2 ${l2}: gradient[${j}] = ${g[j]}`);
        const reference = scalarPass({ ...inp, ...copyToPlain(inp) }, fit.theta);
        assert.ok(Math.abs(fit.nll - reference.nll) < 1e-7, `l2 ${l2}: nll ${fit.nll} vs ${reference.nll}`);
        let penalty = 0;
        for (let j = 1; j < 4; j++)
            penalty += l2 * fit.theta[j] ** 2;
        close(fit.penalty, penalty, 1e-12, `l2 ${l2}: penalty`);
        // the Hessian handed back (standard errors) is the smooth objective's at the optimum
        for (let a = 0; a < 4; a++)
            for (let b = 0; b < 4; b++) {
                const expected = reference.H[a * 4 + b] + (a === b && a > 0 ? 2 * l2 : 0);
                close(fit.hessian[a * 4 + b], expected, 1e-4, `l2 ${l2}: H[${a}][${b}]`);
            }
        assert.ok(fit.iterations <= 4, `warm start: ${fit.iterations} Newton passes on the full data`);
    }
});
test('the cold path (small data) reaches the same conditions from a start far from the answer', () => {
    for (const l2 of [0, 250]) {
        const inp = input(4000, 13, { kernel: false, l2 });
        const fit = solveLogistic(inp);
        const g = objectiveGradient(inp, fit.theta);
        for (let j = 0; j < 4; j++)
            assert.ok(Math.abs(g[j]) < 1e-6, `l2 ${l2}: gradient[${j}] = ${g[j]}`);
        // The last Newton step is not evaluated again: the likelihood it reports comes from the
        // quadratic model (without the L2 term's curvature), and must be the exact one at theta.
        const exact = scalarPass(inp, fit.theta).nll;
        assert.ok(Math.abs(fit.nll - exact) < 1e-9, `l2 ${l2}: nll ${fit.nll} vs ${exact}`);
        if (l2 === 0)
            assert.ok(fit.theta[0] < -3, 'intercept');
    }
});
//# sourceMappingURL=logistic-solver.test.js.map