import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { fixture } from '../support/paths.js';
import { boxQuadratic, fitNonNegative } from '../../src/scorecard/calibrate/nonneg.js';
import { fitProbabilityMap } from '../../src/scorecard/calibrate/bands.js';
import { roundShares } from '../../src/scorecard/calibrate/weights.js';
import { probabilityOf } from '../../src/scorecard/index.js';
function csv(name) {
    const [header, ...lines] = readFileSync(fixture('scorecard', name), 'utf8').trim().split('\n');
    const names = header.split(',');
    const rows = lines.map((l) => l.split(',').map(Number));
    return Object.fromEntries(names.map((n, j) => [n, Float64Array.from(rows, (r) => r[j])]));
}
const data = csv('nonneg.csv');
const golden = JSON.parse(readFileSync(fixture('scorecard', 'nonneg.json'), 'utf8'));
const Z = ['z1', 'z2', 'z3', 'z4'].map((k) => data[k]);
function close(actual, expected, tol, what) {
    assert.ok(Math.abs(actual - expected) <= tol * Math.max(1, Math.abs(expected)), `${what}: ${actual} vs ${expected}`);
}
for (const [name, loss, weighted, ridge] of [
    ['logistic', 'logistic', false, 0],
    ['logistic_weighted', 'logistic', true, 0],
    ['logistic_ridge', 'logistic', false, 5],
    ['squared', 'squared', false, 0],
    ['squared_weighted', 'squared', true, 0],
]) {
    test(`non-negative ${loss} regression matches scipy (${name})`, () => {
        const target = loss === 'logistic' ? data['y'] : data['m'];
        const fit = fitNonNegative(Z, target, loss, { ...(weighted ? { weight: data['w'] } : {}), ridge });
        const g = golden[name];
        close(fit.intercept, g.intercept, 1e-6, 'intercept');
        g.coef.forEach((c, j) => close(fit.coef[j], c, 1e-6, `coef ${j}`));
        assert.equal(fit.coef[2], 0, 'the truly protective column is held at exactly 0');
        if (g.objective !== undefined)
            assert.ok(fit.objective <= g.objective + 1e-9, `objective ${fit.objective} vs scipy ${g.objective}`);
    });
}
test('a warm start reaches the same optimum', () => {
    const cold = fitNonNegative(Z, data['y'], 'logistic');
    const warm = fitNonNegative(Z, data['y'], 'logistic', { init: { intercept: 0, coef: [3, 3, 3, 3] } });
    close(warm.intercept, cold.intercept, 1e-8, 'intercept');
    cold.coef.forEach((c, j) => close(warm.coef[j], c, 1e-8, `coef ${j}`));
});
test("the score-to-probability map equals scikit-learn's decreasing isotonic regression", () => {
    const iso = csv('isotonic.csv');
    const g = JSON.parse(readFileSync(fixture('scorecard', 'isotonic.json'), 'utf8'));
    const map = fitProbabilityMap(iso['score'], iso['y'], { rows: 400, positives: 0 });
    g.query.forEach((q, k) => {
        const score = Math.min(100, Math.max(0, q));
        close(probabilityOf(map, score), g.predicted[k], 1e-12, `p(${q})`);
    });
});
test('weights round to shares that sum to exactly 1', () => {
    const r = roundShares([1, 1, 1]);
    assert.deepEqual(r, [0.3334, 0.3333, 0.3333]);
    assert.equal(roundShares([0.123456, 0.876544]).reduce((a, b) => a + b, 0), 1);
    assert.deepEqual(roundShares([0, 0]), [0.5, 0.5]);
});
test('the box-constrained quadratic step is exact where coordinate descent would crawl', () => {
    // an ill-conditioned 3 x 3 problem: minimise 0.5 d'Hd + g'd with d1, d2 >= 0, d0 free
    const H = Float64Array.from([4, 3.999, 0, 3.999, 4, 0.5, 0, 0.5, 1]);
    const g = Float64Array.from([-1, 2, -3]);
    const d = boxQuadratic(H, g, Float64Array.from([-Infinity, 0, 0]), 3);
    // d1 sits at its bound; the free pair solves 4 d0 = 1 and d2 = 3
    assert.equal(d[1], 0);
    close(d[0], 0.25, 1e-12, 'd0');
    close(d[2], 3, 1e-12, 'd2');
});
//# sourceMappingURL=nonneg.test.js.map