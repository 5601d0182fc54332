/**
 * The logistic solver's edges on small data (issue 23, from the mutants of solver.ts): the design
 * written only where it belongs, the size where the WebAssembly kernel takes over, the margin
 * where a row counts as saturated, the collinearity and separation messages (which column, made
 * of which, exactly or almost), separation under an iteration budget, and L1 with L2 and weights
 * on every column, checked by the optimality conditions. Each runs in milliseconds: this file
 * comes first in the mutation group, so most mutants die here before the slow files run.
 */
import assert from 'node:assert/strict';
import test from 'node:test';
import { ModelFitError } from '../../src/learn/errors.js';
import { allocateDesign, fillDesign, likelihoodPass, scalarPass, solveLogistic, } from '../../src/learn/logistic/solver.js';
import { Rng } from '../../src/util/rng.js';
import { input, simulated } from './logistic-solver-data.js';
/** The error a fit throws (the test fails if it fits). */
function fitError(inp) {
    try {
        solveLogistic(inp);
    }
    catch (e) {
        if (e instanceof ModelFitError)
            return e;
        throw e;
    }
    assert.fail('the fit was expected to fail');
}
const SENTINEL = -7;
test('fillDesign writes (x - center) * invScale into its n rows only, in both layouts, across block edges', () => {
    // 512-row blocks: 1024 ends on a block edge, 1100 inside one
    for (const n of [1024, 1100]) {
        const columns = [
            Float64Array.from({ length: n }, (_, i) => 1 + 0.5 * i),
            Float64Array.from({ length: n }, (_, i) => (i % 7) - 3),
        ];
        const center = [3, -1];
        const invScale = [2, 0.25];
        const expected = (i, j) => (columns[j][i] - center[j]) * invScale[j];
        // plain rows [z_i0, z_i1]; and rows [1, z_i0, z_i1, padding, padding] as in kernel memory
        for (const [stride, offset] of [
            [2, 0],
            [5, 1],
        ]) {
            // room for two more rows than n: they must stay as they were
            const design = { Z: new Float64Array((n + 2) * stride).fill(SENTINEL), stride, offset, kernel: null };
            fillDesign(design, n, columns, center, invScale);
            const { Z } = design;
            for (let i = 0; i < n + 2; i++)
                for (let c = 0; c < stride; c++) {
                    const v = Z[i * stride + c];
                    const j = c - offset;
                    const want = i >= n ? SENTINEL : offset === 1 && c === 0 ? 1 : j >= 0 && j < 2 ? expected(i, j) : SENTINEL;
                    if (v !== want)
                        assert.fail(`n ${n}, stride ${stride}: row ${i} column ${c} is ${v}, expected ${want}`);
                }
        }
    }
});
test('the WebAssembly kernel takes over from 200,000 multiply-adds of X^T W X per pass, n (p + 1) (p + 2) / 2', () => {
    // p = 3: 10 per row, so 20,000 rows; p = 9: 55 per row, so 3,637 rows (3,636 give 199,980)
    for (const [p, from] of [
        [3, 20_000],
        [9, 3_637],
    ]) {
        const big = allocateDesign(from, p);
        assert.ok(big.kernel, `p ${p}, ${from} rows: the kernel`);
        assert.equal(big.offset, 1);
        assert.equal(big.stride, big.kernel.qp);
        assert.ok(big.stride >= p + 1);
        assert.equal(big.Z, big.kernel.U);
        assert.equal(big.Z.length, from * big.stride);
        const small = allocateDesign(from - 1, p);
        assert.equal(small.kernel, null, `p ${p}, ${from - 1} rows: plain`);
        assert.equal(small.stride, p);
        assert.equal(small.offset, 0);
        assert.equal(small.Z.length, (from - 1) * p);
    }
});
test('a row counts as saturated beyond margin 30 on the side of its label, in both passes', () => {
    // theta (0, 1): the margin is x. Saturated: 30.5 with y 1 and -31 with y 0; not: exactly 30,
    // 31 with y 0 and -31 with y 1 (wrong side), 0, and -40 with y 0 but weight 0.
    const xs = [30, 30.5, -31, 31, -31, 0, 2, -40];
    const ys = [1, 1, 0, 0, 1, 0, 1, 0];
    const theta = Float64Array.of(0, 1);
    const weights = [1, 2, 1, 1, 0.5, 3, 1, 0];
    assert.equal(scalarPass(input(xs.map((x) => [x]), ys, { w: Float64Array.from(weights) }), theta).saturated, 2);
    // the same rows in kernel memory (70,000 rows of one input: 210,000 multiply-adds), the rest
    // normal with weights 0 to 2, against the plain pass, without and with weights
    const n = 70_000;
    const rng = new Rng(29);
    const x = Float64Array.from({ length: n }, (_, i) => (i < xs.length ? xs[i] : rng.normal()));
    const y = Float64Array.from({ length: n }, (_, i) => (i < ys.length ? ys[i] : rng.next() < 0.3 ? 1 : 0));
    const w = Float64Array.from({ length: n }, (_, i) => (i < weights.length ? weights[i] : i % 3));
    const design = allocateDesign(n, 1);
    assert.ok(design.kernel, 'this machine runs the WebAssembly kernel');
    fillDesign(design, n, [x], [0], [1]);
    for (const weight of [null, w]) {
        const fast = { ...input([[0]], [0]), n, ...design, y, w: weight };
        const plain = { ...input([[0]], [0]), n, Z: x, y, w: weight };
        for (const at of [theta, Float64Array.of(-0.7, 1.3)]) {
            const a = likelihoodPass(fast, at);
            const b = scalarPass(plain, at);
            assert.equal(a.saturated, b.saturated);
            assert.ok(Math.abs(a.nll - b.nll) <= 1e-9 * b.nll, `nll ${a.nll} vs ${b.nll}`);
            for (let k = 0; k < 2; k++)
                assert.ok(Math.abs(a.g[k] - b.g[k]) <= 1e-9 * Math.max(1, Math.abs(b.g[k])), `g[${k}]`);
            for (let k = 0; k < 4; k++)
                assert.ok(Math.abs(a.H[k] - b.H[k]) <= 1e-9 * Math.max(1, Math.abs(b.H[k])), `H[${k}]`);
        }
        assert.equal(likelihoodPass(fast, theta).saturated, weight ? 2 : 3);
    }
});
test('collinearity: a zero column is exactly a combination of the columns before it (nothing to name)', () => {
    const { rows, y } = simulated(100, [-1, 1], 31);
    const err = fitError(input(rows.map(([a]) => [0, a]), y));
    assert.equal(err.message, 'logistic: column x0 is exactly a linear combination of the columns before it (collinear; unexplained share 0.0e+0), ' +
        'so its coefficient is not identified: remove one of these columns or add an L2 penalty (--l2)');
    assert.deepEqual(err.columns, ['x0']);
});
test('a constant column after an input that sums to 0 is a combination of the intercept alone: no input named', () => {
    // x0 = +-1 alternately: at the start every row has the same weight, so x0 is exactly
    // uncorrelated with the intercept and the constant x1 owes it nothing
    const rows = Array.from({ length: 40 }, (_, i) => [i % 2 === 0 ? 1 : -1, 3]);
    const y = rows.map((_, i) => (i % 4 < 2 ? 1 : 0));
    const err = fitError(input(rows, y));
    assert.match(err.message, /^logistic: column x1 is (almost )?exactly a linear combination of the columns before it \(collinear/);
    assert.deepEqual(err.columns, ['x1']);
});
test('collinearity names only the columns the collinear one is made of, and says when it is almost exact', () => {
    const { rows, y } = simulated(300, [-0.5, 1, -1], 37);
    // x2 = 3 x0: x1 plays no part
    const scaled = fitError(input(rows.map(([a, b]) => [a, b, 3 * a]), y));
    assert.match(scaled.message, /^logistic: column x2 is (almost )?exactly a linear combination of x0 \(collinear/);
    assert.deepEqual(scaled.columns, ['x2', 'x0']);
    // x2 = 0.001 x0 + 0.0001 x1: a combination with small coefficients names them all the same
    const small = fitError(input(rows.map(([a, b]) => [a, b, 0.001 * a + 0.0001 * b]), y));
    assert.match(small.message, /^logistic: column x2 is (almost )?exactly a linear combination of x0, x1 \(collinear/);
    // x2 = 2 x0 - x1 + 1e-7 u: a share of about 1e-15 of x2's variance is its own
    const rng = new Rng(41);
    const almost = fitError(input(rows.map(([a, b]) => [a, b, 2 * a - b + 1e-7 * rng.normal()]), y));
    assert.match(almost.message, /^logistic: column x2 is almost exactly a linear combination of x0, x1 \(collinear/);
    const share = Number(/unexplained share ([^)]+)\)/.exec(almost.message)?.[1]);
    assert.ok(share > 0 && share < 1e-10, `share ${share}`);
    assert.deepEqual(almost.columns, ['x2', 'x0', 'x1']);
});
/** y = 1 exactly when 1.5 x0 - 3 x1 > 0; x2 is noise. */
function separated(n) {
    const rng = new Rng(43);
    const rows = [];
    const y = [];
    for (let i = 0; i < n; i++) {
        const r = [rng.normal(), rng.normal(), rng.normal()];
        const m = 1.5 * r[0] - 3 * r[1];
        if (Math.abs(m) < 0.2)
            continue; // a margin between the classes
        rows.push(r);
        y.push(m > 0 ? 1 : 0);
    }
    return { rows, y };
}
test('separation along two columns names both, the larger first, and says "those columns"', () => {
    const { rows, y } = separated(120);
    const err = fitError(input(rows, y));
    assert.match(err.message, /^logistic: the classes are \(quasi-\)perfectly separated along x1, x0: (\d+) rows are fitted/);
    const rowsSaturated = Number(/: (\d+) rows are fitted/.exec(err.message)[1]);
    assert.ok(rowsSaturated > 0 && rowsSaturated <= rows.length, `${rowsSaturated} rows`);
    assert.match(err.message, /Remove or coarsen those columns, or add an L2 penalty \(--l2 0\.1\)$/);
    assert.deepEqual(err.columns, ['x1', 'x0']);
});
test('separation is reported as such when the iteration budget runs out first; with L2 on every column it is not', () => {
    const { rows, y } = separated(120);
    // 5 steps leave no row saturated yet (not converged); after 12, rows are
    assert.match(fitError(input(rows, y, { maxIter: 5 })).message, /did not converge in 5 iterations/);
    assert.match(fitError(input(rows, y, { maxIter: 12 })).message, /separated along x1, x0: \d+ rows are fitted/);
    // separation shows by the 25th step: a larger budget reports the same
    assert.equal(fitError(input(rows, y, { maxIter: 100 })).message, fitError(input(rows, y, { maxIter: 25 })).message);
    // a light L2 on every column: an optimum exists, and rows saturated on the way are no separation
    const light = fitError(input(rows, y, { maxIter: 8, l2: new Float64Array(3).fill(1e-3) }));
    assert.match(light.message, /did not converge in 8 iterations/);
    // L2 on every column: the optimum exists, 2 steps do not reach it
    const ridge = fitError(input(rows, y, { maxIter: 2, l2: new Float64Array(3).fill(0.5) }));
    assert.match(ridge.message, /did not converge in 2 iterations/);
    const fit = solveLogistic(input(rows, y, { l2: new Float64Array(3).fill(0.5) }));
    assert.ok(fit.theta[1] > 0 && fit.theta[2] < 0, `theta ${[...fit.theta]}`);
});
test('L1 and L2 on every column with weights: the penalized optimality conditions hold, coefficients of both signs', () => {
    const { rows, y } = simulated(1500, [-2, 1.5, -1.2, 0.06, -0.04], 47);
    const w = Float64Array.from(y, (_, i) => 1 + (i % 3));
    const l1 = new Float64Array(4).fill(30);
    const l2 = new Float64Array(4).fill(2);
    const inp = input(rows, y, { w, l1, l2 });
    const fit = solveLogistic(inp);
    const b = fit.theta;
    assert.ok(b[0] < -1.5 && b[1] > 1 && b[2] < -0.8, `theta ${[...b]}`);
    // x3 kept (positive) and x4 zeroed by the penalty
    assert.ok(b[3] > 0 && b[4] === 0, `theta ${[...b]}`);
    const g = scalarPass(inp, b).g;
    assert.ok(Math.abs(g[0]) < 1e-6, `intercept gradient ${g[0]}`);
    let penalty = 0;
    for (let j = 1; j <= 4; j++) {
        const bj = b[j];
        penalty += 2 * bj * bj + 30 * Math.abs(bj);
        if (bj === 0)
            assert.ok(Math.abs(g[j]) <= 30, `|gradient[${j}]| = ${Math.abs(g[j])} <= 30`);
        else {
            const stationary = g[j] + 4 * bj + 30 * Math.sign(bj);
            assert.ok(Math.abs(stationary) < 1e-6, `gradient[${j}] + 2 l2 b + l1 sign(b) = ${stationary}`);
        }
    }
    assert.ok(Math.abs(fit.penalty - penalty) <= 1e-12 * penalty, `penalty ${fit.penalty} vs ${penalty}`);
    assert.ok(Math.abs(fit.nll - scalarPass(inp, b).nll) < 1e-9, 'nll');
});
test('where a full Newton step overshoots into saturated rows, the line search keeps the fit to the optimum', () => {
    // 32 rows, 15% of inputs 30 times larger: a full step from iteration 2 on raises the objective,
    // and full steps alone end in a singular Hessian at iteration 9. The optimum exists, far from 0.
    const rng = new Rng(464);
    const truth = [0, 1, 2].map(() => 4 * rng.normal());
    const rows = [];
    const y = [];
    for (let i = 0; i < 32; i++) {
        const x = truth.map(() => rng.normal() * (rng.next() < 0.15 ? 30 : 1));
        rows.push(x);
        const eta = x.reduce((s, v, j) => s + v * truth[j], -1);
        y.push(rng.next() < 1 / (1 + Math.exp(-eta)) ? 1 : 0);
    }
    for (const [l2, l1, slope] of [
        [0, 0, 4],
        [0.01, 0, 3],
        [0, 0.5, 1.5],
    ]) {
        const inp = input(rows, y, { l2: new Float64Array(3).fill(l2), l1: new Float64Array(3).fill(l1) });
        const fit = solveLogistic(inp);
        const b = fit.theta;
        assert.ok(Math.abs(b[1]) > slope && Math.abs(b[2]) > slope, `l2 ${l2}, l1 ${l1}: theta ${[...b]}`);
        const g = scalarPass(inp, b).g;
        assert.ok(Math.abs(g[0]) < 1e-8, `l2 ${l2}, l1 ${l1}: intercept gradient ${g[0]}`);
        for (let j = 1; j <= 3; j++) {
            const stationary = g[j] + 2 * l2 * b[j] + l1 * Math.sign(b[j]);
            assert.ok(Math.abs(stationary) < 1e-8, `l2 ${l2}, l1 ${l1}: condition ${j} = ${stationary}`);
        }
    }
});
test('a singular Hessian at the cold start is collinearity, even when rows start saturated (a class weighted 1e-15)', () => {
    const rng = new Rng(3);
    const rows = [];
    const y = [];
    for (let i = 0; i < 200; i++) {
        const a = rng.normal();
        const b = rng.normal();
        rows.push([a, b, a - 2 * b]);
        y.push(rng.next() < 1 / (1 + Math.exp(1 - a + b)) ? 1 : 0);
    }
    // the cold start's intercept is about -35: every row of class 0 is saturated there
    const w = Float64Array.from(y, (v) => (v === 1 ? 1e-15 : 1));
    const start = Float64Array.of(Math.log((1e-15 * y.filter((v) => v === 1).length) / y.filter((v) => v === 0).length), 0, 0, 0);
    assert.ok(scalarPass(input(rows, y, { w }), start).saturated > 100);
    const err = fitError(input(rows, y, { w }));
    assert.match(err.message, /^logistic: column x2 is (almost )?exactly a linear combination of x0, x1 \(collinear/);
});
test('a column collinear but for a part only confidently fitted rows carry: found at a later step, still collinearity', () => {
    // x2 = x0 + 6e-5 u, u = +-1 on rows with |x0| > 2.5 only: its own share of variance is
    // above 1e-10 at the start and falls below as those rows are fitted (step 3; no row saturated)
    const rng = new Rng(5);
    const rows = [];
    const y = [];
    for (let i = 0; i < 400; i++) {
        const a = 2 * rng.normal();
        const b = rng.normal();
        const u = Math.abs(a) > 2.5 ? (rng.next() < 0.5 ? -1 : 1) : 0;
        rows.push([a, b, a + 6e-5 * u]);
        y.push(rng.next() < 1 / (1 + Math.exp(-3 * a)) ? 1 : 0);
    }
    const err = fitError(input(rows, y));
    assert.match(err.message, /^logistic: column x2 is almost exactly a linear combination of x0 \(collinear/);
    // one step is not enough to see it
    assert.match(fitError(input(rows, y, { maxIter: 1 })).message, /did not converge in 1 iterations/);
});
/** y = 1 exactly when 1.5 x0 - x1 > 0 (76 of 80 rows kept, none within 0.2 of the line). */
function separatedPlane() {
    const rng = new Rng(3);
    const rows = [];
    const y = [];
    for (let i = 0; i < 80; i++) {
        const r = [rng.normal(), rng.normal()];
        const m = 1.5 * r[0] - r[1];
        if (Math.abs(m) < 0.2)
            continue;
        rows.push(r);
        y.push(m > 0 ? 1 : 0);
    }
    return { rows, y };
}
/** Gradient of the penalized objective at the fit, each input's condition and the intercept's, is ~0. */
function assertOptimal(inp, theta, scale, what) {
    const g = scalarPass(inp, theta).g;
    assert.ok(Math.abs(g[0]) <= 1e-9 * scale, `${what}: intercept gradient ${g[0]} (scale ${scale})`);
    for (let j = 1; j <= inp.p; j++) {
        const b = theta[j];
        const condition = g[j] + 2 * inp.l2[j - 1] * b + inp.l1[j - 1] * Math.sign(b);
        assert.ok(Math.abs(condition) <= 1e-9 * scale, `${what}: condition ${j} = ${condition} (scale ${scale})`);
    }
}
test('separated classes with a tiny L2 or L1 on every column have an optimum, reached past 25 steps, not "separated"', () => {
    // The optimum's margins reach 50-140, where a positive row's loss log1p(e^-eta) is below eta's
    // rounding: summed as eta + log1p(e) - eta it was lost and the line search stalled ("did not
    // converge" in 1000 steps at l2 1e-8; "separated" at l1 1e-9).
    const { rows, y } = separatedPlane();
    for (const [l2, l1, steps] of [
        [1e-8, 0, 20],
        [1e-10, 0, 25],
        [0, 1e-9, 25],
    ]) {
        const inp = input(rows, y, { l2: new Float64Array(2).fill(l2), l1: new Float64Array(2).fill(l1) });
        const fit = solveLogistic(inp);
        const b = fit.theta;
        assert.ok(fit.iterations > steps, `l2 ${l2}, l1 ${l1}: ${fit.iterations} steps`);
        assert.ok(b[1] > 50 && b[2] < -35 && Math.abs(b[1] / b[2] + 1.5) < 0.1, `theta ${[...b]}`);
        // the gradient is of the order of the penalty's: 2 l2 |b| or l1
        assertOptimal(inp, b, 2 * l2 * Math.abs(b[1]) + l1, `l2 ${l2}, l1 ${l1}`);
        assert.ok(scalarPass(inp, b).saturated > 50);
    }
});
test('a fit with no row past margin 30 that takes more than 25 steps is no separation', () => {
    // positives at 1..1.09, negatives at -1..-1.09, and one negative at 100 of weight 1e-12: the
    // slope settles near log(0.2 / w) = 25 after 30 steps, the far row on the wrong side (not
    // saturated) and every other row within margin 28.
    const rows = [];
    const y = [];
    for (let i = 0; i < 10; i++) {
        rows.push([1 + 0.01 * i], [-1 - 0.01 * i]);
        y.push(1, 0);
    }
    rows.push([100]);
    y.push(0);
    for (const w of [3e-12, 1e-12]) {
        const inp = input(rows, y, { w: Float64Array.from(y, (_, i) => (i === 20 ? w : 1)) });
        const fit = solveLogistic(inp);
        assert.ok(fit.iterations > 25, `w ${w}: ${fit.iterations} steps`);
        assert.ok(fit.theta[1] > 23 && fit.theta[1] < 26, `w ${w}: theta ${[...fit.theta]}`);
        assert.equal(scalarPass(inp, fit.theta).saturated, 0);
        assertOptimal(inp, fit.theta, 100 * w, `w ${w}`);
    }
});
test('a fit with rows past margin 30 whose 25th step is small (8e-6) converges on the 26th: no separation', () => {
    // the separated plane and one mislabeled row of weight 3e-8: an optimum at margins up to ~300
    const { rows, y } = separatedPlane();
    rows.push([3, -1]);
    y.push(0);
    const inp = input(rows, y, { w: Float64Array.from(y, (_, i) => (i === y.length - 1 ? 3e-8 : 1)) });
    const fit = solveLogistic(inp);
    assert.ok(fit.iterations > 25, `${fit.iterations} steps`);
    assert.ok(scalarPass(inp, fit.theta).saturated > 50);
    assertOptimal(inp, fit.theta, 3 * 3e-8, 'w 3e-8');
});
//# sourceMappingURL=logistic-solver-edges.test.js.map