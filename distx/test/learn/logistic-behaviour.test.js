/** How the logistic model behaves where maximum likelihood breaks down, and what explain() promises. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { LogisticModel, ModelFitError } from '../../src/learn/index.js';
import { Rng } from '../../src/util/rng.js';
function matrix(columns) {
    const names = Object.keys(columns);
    const cols = names.map((n) => Float64Array.from(columns[n]));
    return { n: cols[0].length, names, columns: cols };
}
function randomData(n, seed) {
    const rng = new Rng(seed);
    const a = Float64Array.from({ length: n }, () => rng.normal());
    const b = Float64Array.from({ length: n }, () => rng.normal());
    const y = Float64Array.from({ length: n }, (_, i) => rng.next() < 1 / (1 + Math.exp(-(0.8 * a[i] - 0.5 * b[i]))) ? 1 : 0);
    return { a, b, y };
}
async function fitError(X, y, params = {}) {
    try {
        await new LogisticModel(params).fit({ X, y });
    }
    catch (err) {
        assert.ok(err instanceof ModelFitError, `expected ModelFitError, got ${err}`);
        return err;
    }
    assert.fail('fit should have failed');
}
test('perfect separation is an error naming the separating column, not NaN or huge numbers', async () => {
    const { a, b } = randomData(300, 1);
    const y = Float64Array.from(a, (v) => (v > 0.1 ? 1 : 0));
    const err = await fitError(matrix({ noise: b, signal: a }), y, { l2: 0 });
    assert.match(err.message, /separated along signal/);
    assert.match(err.message, /--l2/);
    assert.deepEqual(err.columns, ['signal']);
    assert.equal(err.exitCode, 2);
});
test('quasi-complete separation (classes touch at one value) is reported too', async () => {
    const x = [-3, -2, -1, 0, 0, 1, 2, 3, 4, 5];
    const y = Float64Array.from([0, 0, 0, 0, 1, 1, 1, 1, 1, 1]);
    const other = [0.3, -0.2, 0.5, 0.1, -0.4, 0.2, 0.0, -0.1, 0.4, -0.3];
    const err = await fitError(matrix({ x, other }), y, { l2: 0 });
    assert.match(err.message, /separated along x/);
});
test('an L2 penalty makes separated data fit (finite, shrunk coefficients)', async () => {
    const { a } = randomData(300, 2);
    const y = Float64Array.from(a, (v) => (v > 0 ? 1 : 0));
    const m = await new LogisticModel({ l2: 0.5 }).fit({ X: matrix({ a }), y });
    const coef = m.state().coefficients[0];
    assert.ok(Number.isFinite(coef) && coef > 1, `coefficient ${coef}`);
});
test('a column that is a linear combination of others is aliased (R glm): not fitted, with what it equals', async () => {
    const { a, b, y } = randomData(200, 3);
    const c = Float64Array.from(a, (v, i) => 2 * v - b[i] + 3);
    const without = (await new LogisticModel({ l2: 0 }).fit({ X: matrix({ a, b }), y })).state();
    const fit = await new LogisticModel({ l2: 0 }).fit({ X: matrix({ a, b, c }), y });
    const s = fit.summary();
    assert.deepEqual(s.aliased, [{ name: 'c', duplicates: ['a', 'b'], equals: 'c = 3 + 2 * a - b' }]);
    const row = s.coefficients.find((r) => r.name === 'c');
    assert.equal(row.status, 'aliased');
    assert.equal(row.note, 'aliased: c = 3 + 2 * a - b');
    assert.equal(row.se, null);
    assert.equal(row.odds_ratio, null);
    // The kept columns are fitted exactly as without the duplicate: the signal is not split.
    const kept = fit.state().coefficients;
    assert.ok(Math.abs(kept[0] - without.coefficients[0]) < 1e-9);
    assert.ok(Math.abs(kept[1] - without.coefficients[1]) < 1e-9);
    assert.equal(kept[2], 0);
});
test('one-hot columns for every level (no reference dropped): the later level is aliased with the intercept', async () => {
    const { a, y } = randomData(200, 4);
    const first = Float64Array.from(a, (v) => (v > 0 ? 1 : 0));
    const second = Float64Array.from(first, (v) => 1 - v);
    const s = (await new LogisticModel().fit({ X: matrix({ 'plan=basic': first, 'plan=pro': second }), y })).summary();
    assert.equal(s.aliased?.[0]?.equals, 'plan=pro = 1 - plan=basic');
});
test('a named signal keeps the coefficient over a :missing indicator that equals it, wherever it is listed', async () => {
    const { a, b, y } = randomData(300, 5);
    const left = Float64Array.from(b, (v) => (v > 0.5 ? 1 : 0));
    const s = (await new LogisticModel().fit({ X: matrix({ a, 'champion_engagement:missing': left, champion_departed: left }), y })).summary();
    assert.deepEqual(s.coefficients.map((r) => [r.name, r.status]), [
        ['(intercept)', 'estimated'],
        ['a', 'estimated'],
        ['champion_engagement:missing', 'aliased'],
        ['champion_departed', 'estimated'],
    ]);
});
test('a constant column is dropped with coefficient 0 (documented), the rest fit as without it', async () => {
    const { a, b, y } = randomData(400, 5);
    const withConst = await new LogisticModel().fit({ X: matrix({ a, flat: new Float64Array(400).fill(7), b }), y });
    const without = await new LogisticModel().fit({ X: matrix({ a, b }), y });
    const s = withConst.state();
    const report = withConst.summary();
    assert.deepEqual(report.dropped, ['flat']);
    assert.equal(s.coefficients[1], 0);
    assert.equal(report.coefficients.find((r) => r.name === 'flat').status, 'constant');
    assert.equal(report.coefficients.find((r) => r.name === 'flat').se, null);
    assert.ok(Math.abs(s.coefficients[0] - without.state().coefficients[0]) < 1e-12);
    assert.ok(Math.abs(s.intercept - without.state().intercept) < 1e-12);
});
test('a single-class label and a missing input are clear errors', async () => {
    const { a } = randomData(50, 6);
    await assert.rejects(new LogisticModel().fit({ X: matrix({ a }), y: new Float64Array(50) }), /single class/);
    const withNaN = Float64Array.from(a);
    withNaN[7] = NaN;
    await assert.rejects(new LogisticModel().fit({ X: matrix({ a: withNaN }), y: Float64Array.from(a, (v) => (v > 0 ? 1 : 0)) }), /input a has a missing value in row 8/);
});
test('explain: bias + contributions = margin for every row; contributions are b_j (x_j - mean_j)', async () => {
    const { a, b, y } = randomData(500, 7);
    const X = matrix({ a, b });
    const m = await new LogisticModel({ l2: 0.1 }).fit({ X, y });
    const margin = m.predictMargin(X);
    const e = m.explain(X);
    for (let i = 0; i < X.n; i++) {
        const total = e.bias[i] + e.contributions[0][i] + e.contributions[1][i];
        assert.ok(Math.abs(total - margin[i]) < 1e-12, `row ${i}: ${total} vs ${margin[i]}`);
    }
    // At the training means every contribution is zero: the bias is the "average account".
    let meanA = 0;
    for (const v of a)
        meanA += v / a.length;
    const atMean = m.explain(matrix({ a: [meanA], b: [0] }));
    assert.ok(Math.abs(atMean.contributions[0][0]) < 1e-12);
});
test('predicting with columns in another order is refused', async () => {
    const { a, b, y } = randomData(100, 8);
    const m = await new LogisticModel().fit({ X: matrix({ a, b }), y });
    assert.throws(() => m.predictMargin(matrix({ b, a })), /do not match/);
});
// Speed is measured in bench/logistic, not here: this checks the fused X'WX path on a large table.
test("200,000 x 10 through the fused X'WX path recovers the true coefficients", async () => {
    const rng = new Rng(9);
    const n = 200_000;
    const cols = {};
    for (let j = 0; j < 10; j++)
        cols[`x${j}`] = Float64Array.from({ length: n }, () => rng.normal());
    const y = Float64Array.from({ length: n }, (_, i) => rng.next() < 1 / (1 + Math.exp(-(cols['x0'][i] - cols['x9'][i]))) ? 1 : 0);
    const m = await new LogisticModel().fit({ X: matrix(cols), y });
    const coefficients = m.state().coefficients;
    assert.ok(Math.abs(coefficients[0] - 1) < 0.05, `x0: ${coefficients[0]}`);
    assert.ok(Math.abs(coefficients[9] + 1) < 0.05, `x9: ${coefficients[9]}`);
    for (let j = 1; j < 9; j++)
        assert.ok(Math.abs(coefficients[j]) < 0.05, `x${j}: ${coefficients[j]}`);
});
//# sourceMappingURL=logistic-behaviour.test.js.map