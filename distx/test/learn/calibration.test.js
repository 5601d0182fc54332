/** Platt and isotonic calibration against scikit-learn (references.json) and their defining properties. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fitIsotonic, poolAdjacentViolators, predictIsotonic } from '../../src/stats/index.js';
import { fitPlatt, trainModel } from '../../src/learn/index.js';
import { sigmoid } from '../../src/stats/index.js';
import { binaryMetrics } from '../../src/stats/index.js';
import { close, closeArrays, json, loadFixture, rowsWhere } from './helpers.js';
const refs = json('references.json');
const data = refs.calibration_data;
const x = Float64Array.from(data.x);
const y = Float64Array.from(data.y);
const w = Float64Array.from(data.w);
test('isotonic regression equals sklearn IsotonicRegression (ties merged, weights, clip, interpolation)', () => {
    for (const [name, weight] of [
        ['unweighted', undefined],
        ['weighted', w],
    ]) {
        const e = refs.isotonic[name];
        const iso = fitIsotonic(x, y, weight);
        closeArrays(iso.x, e.x, 0, `${name} thresholds x`);
        closeArrays(iso.y, e.y, 1e-12, `${name} thresholds y`, 1e-15);
        closeArrays(e.grid.map((g) => predictIsotonic(iso, g)), e.predictions, 1e-12, `${name} predictions`, 1e-15);
    }
});
test('pool adjacent violators: non-decreasing, weighted block means, by hand', () => {
    assert.deepEqual(poolAdjacentViolators([1, 3, 2, 4], [1, 1, 1, 1]), [1, 2.5, 2.5, 4]);
    // weights pull the pooled value: (3*1 + 1*3) / 4 = 1.5
    assert.deepEqual(poolAdjacentViolators([3, 1], [1, 3]), [1.5, 1.5]);
    assert.deepEqual(poolAdjacentViolators([5, 4, 3], [1, 1, 1]), [4, 4, 4]);
});
test('Platt scaling equals sklearn _sigmoid_calibration and is the exact optimum', () => {
    for (const [name, weight] of [
        ['unweighted', undefined],
        ['weighted', w],
    ]) {
        const e = refs.platt[name];
        const p = fitPlatt(x, y, weight);
        // sklearn stops BFGS at gtol 1e-5; ours is Newton to machine precision.
        close(p.a, e.a, 1e-5, `${name} a`);
        close(p.b, e.b, 1e-5, `${name} b`, 1e-6);
        // Stationarity of the smoothed-target log loss at our solution.
        let pos = 0;
        let neg = 0;
        for (let i = 0; i < y.length; i++) {
            const w = weight ? weight[i] : 1;
            if (y[i])
                pos += w;
            else
                neg += w;
        }
        let ga = 0;
        let gb = 0;
        for (let i = 0; i < y.length; i++) {
            const t = y[i] ? (pos + 1) / (pos + 2) : 1 / (neg + 2);
            const r = (weight ? weight[i] : 1) * (sigmoid(p.a * x[i] + p.b) - t);
            ga += r * x[i];
            gb += r;
        }
        assert.ok(Math.abs(ga) < 1e-9 && Math.abs(gb) < 1e-9, `gradient ${ga}, ${gb}`);
    }
});
test('calibration on a later time slice matches CalibratedClassifierCV(cv="prefit") on the same slices', async () => {
    const accounts = await loadFixture('accounts.csv');
    const asOf = accounts.columns['as_of'];
    const beforeTest = rowsWhere(accounts, (i) => asOf[i] < '2025-11-01');
    const testRows = rowsWhere(accounts, (i) => asOf[i] >= '2025-11-01');
    const yTest = testRows.columns['churned'];
    const ref = refs.accounts;
    for (const [method, key] of [
        ['platt', 'sigmoid'],
        ['isotonic', 'isotonic'],
    ]) {
        const m = await trainModel(beforeTest, {
            family: 'logistic',
            label: 'churned',
            columns: ['usage_trend', 'tickets', 'nps', 'segment', 'region'],
            categorical: ['segment', 'region'],
            missing: 'mean',
            calibration: method,
            params: { l2: 0 },
            holdoutFraction: 0.2,
        });
        // The latest 20% of labeled rows: September and October; no label horizon, so no embargo.
        assert.equal(m.training.split.holdout_from, '2025-09-01');
        assert.equal(m.calibration.method, method);
        const s = m.model.state();
        close(s.intercept, ref.intercept, 1e-9, `${method}: model trained on Jan-Aug, intercept`);
        const p = m.predictProba(testRows);
        const e = ref[key];
        if (m.calibration.method === 'platt') {
            close(m.calibration.a, e.a, 1e-5, 'platt a');
            closeArrays(p, e.test_predictions, 1e-5, 'platt test probabilities');
        }
        else if (m.calibration.method === 'isotonic') {
            closeArrays(m.calibration.x, e.x, 1e-9, 'isotonic thresholds');
            closeArrays(m.calibration.y, e.y, 1e-12, 'isotonic values', 1e-15);
            closeArrays(p, e.test_predictions, 1e-9, 'isotonic test probabilities', 1e-12);
            close(binaryMetrics(yTest, p).brier, e.test.brier, 1e-9, 'isotonic test brier');
        }
    }
});
//# sourceMappingURL=calibration.test.js.map