/**
 * One ml-xgboost run (an old XGBoost compiled to wasm, single-threaded) with the same settings
 * as churnkit and peer.py: tree_method hist, depth, eta, trees, min_child_weight 1, no
 * subsampling. It cannot take NaN (its DMatrix is built without missing=NaN and aborts), so
 * with --missing-as SENTINEL missing cells are given that value instead, a different model of
 * missingness that the table reports.
 *
 * It also cannot take 150,000 x 10 training rows: its C API receives the data through
 * emscripten's 5 MiB stack ('array' arguments) and fails with "memory access out of bounds"
 * above about 130,000 rows of 10 floats. --train-rows 100000 --test-from 150000 trains on the
 * first 100,000 rows and tests on the same 50,000 as the others.
 */
import { createRequire } from 'node:module';
import { rocAuc } from '../../src/stats/index.js';
import { runSettings } from './data.js';
const require = createRequire(import.meta.url);
const { train, test, trees, depth, eta, f } = runSettings(process.argv.slice(2));
const sentinel = f['missing-as'] === undefined ? null : Number(f['missing-as']);
const rows = (X) => Array.from({ length: X.n }, (_, i) => X.columns.map((c) => {
    const v = c[i];
    if (Number.isNaN(v) && sentinel === null)
        throw new Error('ml-xgboost cannot take missing values (NaN); pass --missing-as');
    return Number.isNaN(v) ? sentinel : v;
}));
const Xtrain = rows(train.X);
const Xtest = rows(test.X);
const XGBoost = (await require('ml-xgboost'));
const booster = new XGBoost({
    booster: 'gbtree',
    objective: 'binary:logistic',
    tree_method: 'hist',
    max_depth: depth,
    eta,
    min_child_weight: 1,
    subsample: 1,
    colsample_bytree: 1,
    silent: 1,
    iterations: trees,
});
// Timed like the others: from the data in memory (here row arrays, its input format) to a model.
const t0 = performance.now();
booster.train(Xtrain, Array.from(train.y));
const fitSeconds = (performance.now() - t0) / 1000;
const t1 = performance.now();
const p = booster.predict(Xtest);
const predictSeconds = (performance.now() - t1) / 1000;
booster.free();
console.log(JSON.stringify({ fit_seconds: fitSeconds, predict_seconds: predictSeconds, auc: rocAuc(test.y, p) }));
//# sourceMappingURL=ml-xgboost.js.map