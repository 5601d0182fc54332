/**
 * The logistic solver's other paths, on data small enough to check by hand or from first
 * principles (issue 23, from the mutants that survived logistic-solver and logistic-golden):
 * the sandwich "meat" (class weights), the single-class refusal, the cold start at the
 * intercept-only optimum, the iteration budget, the last step's likelihood when the step is not
 * negligible, an L1 penalty on some columns only, separation and collinearity errors, and the
 * warm start (on a plain design, with penalties scaled to the sample, and its fallback to the cold
 * start when the sample cannot be fitted).
 */
import assert from 'node:assert/strict';
import test from 'node:test';
import { ModelFitError } from '../../src/learn/errors.js';
import { allocateDesign, fillDesign, likelihoodPass, scalarPass, scoreOuterProducts, solveLogistic, } from '../../src/learn/logistic/solver.js';
import { Rng } from '../../src/util/rng.js';
import { input, simulated } from './logistic-solver-data.js';
const close = (a, e, tol, what) => assert.ok(Math.abs(a - e) <= tol * Math.max(1, Math.abs(e)), `${what}: ${a} vs ${e}`);
test('the sandwich meat is sum_i (w_i (p_i - y_i))^2 z_i z_i^T, by hand, in both layouts', () => {
    const rows = [
        [0.5, -1],
        [-2, 0.25],
        [1.5, 1.5],
        [0, -0.5],
        [3, 2],
    ];
    const y = [1, 0, 0, 1, 1];
    // eta of each row is positive for some rows and negative for others; one row has weight 0
    const theta = Float64Array.of(-0.3, 0.8, -1.2);
    for (const w of [null, Float64Array.of(2, 0.5, 0, 1, 3)])
        for (const offset of [0, 1]) {
            const B = scoreOuterProducts(input(rows, y, { w, offset }), theta);
            assert.equal(B.length, 9);
            const expected = new Float64Array(9);
            rows.forEach((x, i) => {
                const z = [1, ...x];
                const eta = theta[0] + theta[1] * x[0] + theta[2] * x[1];
                const s = (w ? w[i] : 1) * (1 / (1 + Math.exp(-eta)) - y[i]);
                for (let a = 0; a < 3; a++)
                    for (let b = 0; b < 3; b++)
                        expected[a * 3 + b] += s * s * z[a] * z[b];
            });
            for (let k = 0; k < 9; k++)
                close(B[k], expected[k], 1e-12, `w ${w ? 'given' : 'null'}, offset ${offset}: B[${k}]`);
        }
});
test('a label with one class (counting weights) is refused, saying which class', () => {
    const rows = [[1], [2], [3]];
    assert.throws(() => solveLogistic(input(rows, [0, 0, 0])), /single class \(all 0\)/);
    assert.throws(() => solveLogistic(input(rows, [1, 1, 1])), /single class \(all 1\)/);
    // the only positive row has weight 0: no positive weight at all
    assert.throws(() => solveLogistic(input(rows, [0, 1, 0], { w: Float64Array.of(1, 0, 2) })), /single class \(all 0\)/);
    assert.throws(() => solveLogistic(input(rows, [1, 0, 1], { w: Float64Array.of(1, 0, 2) })), /single class \(all 1\)/);
});
test('the cold start is the (weighted) intercept-only optimum: an intercept-only fit takes one pass', () => {
    const y = [1, 0, 0, 1, 0, 0, 0, 1, 0, 0];
    const noInputs = y.map(() => []);
    const plain = solveLogistic(input(noInputs, y));
    assert.equal(plain.iterations, 1);
    close(plain.theta[0], Math.log(3 / 7), 1e-15, 'log(3 / 7)');
    // weights 3 on the positives: 9 / 7
    const w = Float64Array.from(y, (v) => (v === 1 ? 3 : 1));
    const weighted = solveLogistic(input(noInputs, y, { w }));
    assert.equal(weighted.iterations, 1);
    close(weighted.theta[0], Math.log(9 / 7), 1e-15, 'log(9 / 7)');
});
test('max_iter is the number of Newton steps allowed: exactly enough converges, one fewer is an error', () => {
    const { rows, y } = simulated(400, [-1, 1.2, -0.7], 3);
    const fit = solveLogistic(input(rows, y));
    assert.ok(fit.iterations >= 3, `${fit.iterations} iterations`);
    const again = solveLogistic(input(rows, y, { maxIter: fit.iterations }));
    assert.deepEqual([...again.theta], [...fit.theta]);
    assert.throws(() => solveLogistic(input(rows, y, { maxIter: fit.iterations - 1 })), new RegExp(`did not converge in ${fit.iterations - 1} iterations`));
});
test('the likelihood reported after a last step that is not negligible (tol 1e-2) is the exact one', () => {
    // With tol 1e-2 the last step may be up to 0.01: the quadratic model's correction is then
    // far above the O(step^3) it leaves, so dropping or mis-signing a term of it shows.
    const { rows, y } = simulated(2000, [-1.5, 1, -1, 0.5], 11);
    // Measured: the reported likelihood is within 5e-9 (l2 0) and 7e-13 (l2 400) of the exact one;
    // a sign or term of the correction wrong moves it by 5e-6 and 1.3e-9 (relative).
    for (const [l2, tol] of [
        [0, 1e-8],
        [400, 1e-10],
    ]) {
        const inp = input(rows, y, { tol: 1e-2, l2: new Float64Array(3).fill(l2) });
        const fit = solveLogistic(inp);
        const exact = scalarPass(inp, fit.theta).nll;
        close(fit.nll, exact, tol, `l2 ${l2}: nll`);
    }
});
test('an L1 penalty on one column only: the optimality conditions of the penalized objective hold', () => {
    const { rows, y } = simulated(1500, [-1, 1.5, 0.05, -1], 17);
    const l1 = Float64Array.of(0, 40, 0);
    const inp = input(rows, y, { l1 });
    const fit = solveLogistic(inp);
    const g = scalarPass(inp, fit.theta).g;
    // the weak column is zeroed: its gradient is inside [-l1, l1]; the others' gradients vanish
    assert.equal(fit.theta[2], 0, 'x1 zeroed by l1');
    assert.ok(Math.abs(g[2]) <= 40, `|gradient of x1| = ${Math.abs(g[2])} <= 40`);
    for (const j of [0, 1, 3])
        assert.ok(Math.abs(g[j]) < 1e-6, `gradient[${j}] = ${g[j]}`);
    close(fit.penalty, 0, 1e-15, 'penalty of a zeroed column');
    // a smaller penalty keeps x1, shrunk: then its gradient is -l1 sign(b)
    const small = solveLogistic(input(rows, y, { l1: Float64Array.of(0, 0.5, 0) }));
    assert.notEqual(small.theta[2], 0);
    const gs = scalarPass(inp, small.theta).g;
    close(gs[2], -0.5 * Math.sign(small.theta[2]), 1e-6, 'gradient of a kept L1 column');
    close(small.penalty, 0.5 * Math.abs(small.theta[2]), 1e-12, 'penalty');
});
test('separated classes are an error naming the separating column, with or without L2 elsewhere', () => {
    // x1 separates (y = 1 exactly when x1 > 0); x0 is noise
    const rng = new Rng(5);
    const rows = [];
    const y = [];
    for (let i = 0; i < 60; i++) {
        const x1 = (i % 2 === 0 ? 1 : -1) * (0.2 + rng.next());
        rows.push([rng.normal(), x1]);
        y.push(x1 > 0 ? 1 : 0);
    }
    for (const l2 of [Float64Array.of(0, 0), Float64Array.of(1, 0)]) {
        const err = (() => {
            try {
                solveLogistic(input(rows, y, { l2 }));
            }
            catch (e) {
                return e;
            }
            return null;
        })();
        assert.ok(err instanceof ModelFitError, `l2 ${[...l2]}: ${err}`);
        assert.match(err.message, /separated along x1:/);
        assert.match(err.message, /Remove or coarsen that column/);
        assert.deepEqual(err.columns, ['x1']);
    }
    // an L2 penalty on every column makes it fit
    const fit = solveLogistic(input(rows, y, { l2: Float64Array.of(1, 1) }));
    assert.ok(Number.isFinite(fit.theta[2]) && fit.theta[2] > 0);
});
test('an exactly collinear column is an error naming the column and what it is made of', () => {
    const { rows, y } = simulated(200, [-0.5, 1, -1], 23);
    // x2 = 2 x0 - x1 exactly
    const wide = rows.map(([a, b]) => [a, b, 2 * a - b]);
    const err = (() => {
        try {
            solveLogistic(input(wide, y));
        }
        catch (e) {
            return e;
        }
        return null;
    })();
    assert.ok(err instanceof ModelFitError, String(err));
    assert.match(err.message, /column x2 is (almost )?exactly a linear combination of x0, x1 \(collinear/);
    assert.deepEqual(err.columns, ['x2', 'x0', 'x1']);
    // a constant column is collinear with the intercept
    const constant = rows.map(([a]) => [a, 3]);
    assert.throws(() => solveLogistic(input(constant, y)), /column x1 is (almost )?exactly a linear combination/);
});
test('the warm start begins at 50,000 rows and uses the row weights: 4 Newton passes on the full data', () => {
    // Measured: 3 passes unweighted and 4 weighted from the warm start; a cold start takes 6-7, as
    // does a warm start from an unweighted sample (its intercept is off by log 15).
    const n = 50_000;
    const { rows, y } = simulated(n, [-3.4, 1.5, -1.5, 0.4], 21);
    const design = allocateDesign(n, 3);
    assert.ok(design.kernel, 'this machine runs the WebAssembly kernel');
    fillDesign(design, n, [0, 1, 2].map((j) => Float64Array.from(rows, (r) => r[j])), [0, 0, 0], [1, 1, 1]);
    for (const w of [null, Float64Array.from(y, (v) => (v === 1 ? 15 : 1))]) {
        const inp = { ...input([[0, 0, 0]], [0]), n, ...design, y: Float64Array.from(y), w };
        const fit = solveLogistic(inp);
        assert.ok(fit.iterations <= 4, `${w ? 'weighted' : 'unweighted'}: ${fit.iterations} passes`);
        const g = likelihoodPass(inp, fit.theta).g;
        for (let j = 0; j < 4; j++)
            assert.ok(Math.abs(g[j]) < 1e-3, `gradient[${j}] = ${g[j]}`);
    }
});
/** 50,000 rows of one input (150,000 multiply-adds: a plain design, no kernel) from y ~ (-3, 2). */
function oneInput(zeroEvenRows) {
    const n = 50_000;
    const rng = new Rng(zeroEvenRows ? 53 : 51);
    const Z = new Float64Array(n);
    const y = new Float64Array(n);
    for (let i = 0; i < n; i++) {
        Z[i] = zeroEvenRows && i % 2 === 0 ? 0 : rng.normal();
        y[i] = rng.next() < 1 / (1 + Math.exp(3 - 2 * Z[i])) ? 1 : 0;
    }
    assert.equal(allocateDesign(n, 1).kernel, null);
    return { ...input([[0]], [0]), n, Z, y };
}
test('the warm start samples a plain design too, with the penalties scaled to the sample: 3 passes', () => {
    // Measured: 3 passes each; a cold start takes 4-7, a sample with its penalties scaled the wrong
    // way starts further off.
    const data = oneInput(false);
    for (const [l2, l1] of [
        [0, 0],
        [3000, 0],
        [0, 3000],
    ]) {
        const inp = { ...data, l2: Float64Array.of(l2), l1: Float64Array.of(l1) };
        const fit = solveLogistic(inp);
        assert.ok(fit.iterations <= 3, `l2 ${l2}, l1 ${l1}: ${fit.iterations} passes`);
        const b = fit.theta[1];
        assert.ok(b > 0.5, `slope ${b}`);
        const g = scalarPass(inp, fit.theta).g;
        assert.ok(Math.abs(g[0]) < 1e-6, `l2 ${l2}, l1 ${l1}: intercept gradient ${g[0]}`);
        const stationary = g[1] + 2 * l2 * b + l1 * Math.sign(b);
        assert.ok(Math.abs(stationary) < 1e-6, `l2 ${l2}, l1 ${l1}: slope condition ${stationary}`);
    }
});
test('a sample the model cannot be fitted on (its input is constant there) falls back to the cold start', () => {
    // the input is 0 on every even row, which is the whole sample (every 2nd row from row 0)
    const inp = oneInput(true);
    const fit = solveLogistic(inp);
    const g = scalarPass(inp, fit.theta).g;
    for (let j = 0; j < 2; j++)
        assert.ok(Math.abs(g[j]) < 1e-6, `gradient[${j}] = ${g[j]}`);
    assert.ok(Math.abs(fit.theta[0] + 3) < 0.1 && Math.abs(fit.theta[1] - 2) < 0.1, `theta ${[...fit.theta]}`);
});
test('the sample starts at its own intercept-only optimum: 95% positives fit within max_iter 3, which the sample shares', () => {
    // From log(0.95 / 0.05) the sample needs 3 steps and the full data 3 more passes at most; from
    // another start (log(swy / (sw + swy)) is 2.3 lower) the sample runs out of its 3 steps, and
    // the cold start on the full data needs more than 3.
    const n = 50_000;
    const rng = new Rng(11);
    const Z = new Float64Array(n);
    const y = new Float64Array(n);
    for (let i = 0; i < n; i++) {
        Z[i] = rng.normal();
        y[i] = rng.next() < 1 / (1 + Math.exp(-3 - 0.5 * Z[i])) ? 1 : 0;
    }
    const inp = { ...input([[0]], [0]), n, Z, y };
    const fit = solveLogistic({ ...inp, maxIter: 3 });
    assert.ok(fit.iterations <= 3, `${fit.iterations} passes`);
    const g = scalarPass(inp, fit.theta).g;
    for (let j = 0; j < 2; j++)
        assert.ok(Math.abs(g[j]) < 1e-6, `gradient[${j}] = ${g[j]}`);
    assert.ok(Math.abs(fit.theta[0] - 3) < 0.1 && Math.abs(fit.theta[1] - 0.5) < 0.1, `theta ${[...fit.theta]}`);
});
test('collinear inputs at 50,000 rows: the sample fails, and the cold start still reports collinearity (rows saturated)', () => {
    // x2 = x0 - 2 x1 and class 1 weighted 1e-15: the cold start's intercept is about -35, so every
    // row of class 0 is saturated there; the singular Hessian at the cold start is collinearity all
    // the same, as on small data (logistic-solver-edges), not separation.
    const n = 50_000;
    const rng = new Rng(3);
    const Z = new Float64Array(n * 3);
    const y = new Float64Array(n);
    for (let i = 0; i < n; i++) {
        const a = rng.normal();
        const b = rng.normal();
        Z.set([a, b, a - 2 * b], 3 * i);
        y[i] = rng.next() < 1 / (1 + Math.exp(1 - a + b)) ? 1 : 0;
    }
    const w = Float64Array.from(y, (v) => (v === 1 ? 1e-15 : 1));
    const inp = { ...input([[0, 0, 0]], [0]), n, Z, y, w };
    const err = (() => {
        try {
            solveLogistic(inp);
        }
        catch (e) {
            return e;
        }
        return null;
    })();
    assert.ok(err instanceof ModelFitError, String(err));
    assert.match(err.message, /^logistic: column x2 is (almost )?exactly a linear combination of x0, x1 \(collinear/);
    assert.deepEqual(err.columns, ['x2', 'x0', 'x1']);
});
//# sourceMappingURL=logistic-solver-paths.test.js.map