/**
 * Against XGBoost (tree_method hist, 300 trees, depth 6, eta 0.1, its defaults otherwise) on
 * committed make_synthetic.py tables; see test/fixtures/gbdt/make.sh for how the expected
 * numbers were made.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { rocAuc } from '../../../src/stats/index.js';
import { GbdtModel } from '../../../src/learn/gbdt/index.js';
import { fixture } from '../../support/paths.js';
import { XGBOOST_DEFAULTS, readSynthetic, slice } from './support.js';
for (const name of ['synth20k', 'synth20k_missing']) {
    test(`test AUC within 0.003 of XGBoost on ${name}`, async () => {
        const expected = JSON.parse(readFileSync(fixture('gbdt', `${name}.xgboost.json`), 'utf8'));
        const data = readSynthetic(`${name}.csv`);
        const trainRows = expected.rows_train;
        assert.equal(trainRows + expected.rows_test, data.X.n);
        const model = new GbdtModel({ ...XGBOOST_DEFAULTS, n_estimators: 300, max_depth: 6, learning_rate: 0.1 }, 1);
        await model.fit(slice(data, 0, trainRows));
        const test = slice(data, trainRows, data.X.n);
        const auc = rocAuc(test.y, model.predictMargin(test.X));
        const xgb = expected.models.xgboost.auc;
        assert.ok(Math.abs(auc - xgb) <= 0.003, `AUC ${auc} vs XGBoost ${xgb} (diff ${(auc - xgb).toFixed(5)})`);
        assert.equal(model.trees.length, 300);
    });
}
//# sourceMappingURL=xgboost-parity.test.js.map