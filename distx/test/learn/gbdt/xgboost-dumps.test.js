/**
 * Tree for tree against XGBoost (issue 23): on a 64-row table (test/fixtures/gbdt/small.csv),
 * each configuration of make_dumps.py grows the same splits (feature, which values go left,
 * where missing values go) with the same gain and cover, and the same leaf values to 1e-6, as
 * XGBoost 1.7.4's `hist` trees, with and without each regularisation term, a minimum child
 * weight, monotone constraints and leaf-wise growth. An AUC check cannot see a dropped lambda; this can.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import test from 'node:test';
import { GbdtModel } from '../../../src/learn/gbdt/index.js';
import { fixture } from '../../support/paths.js';
const dumps = JSON.parse(readFileSync(fixture('gbdt', 'small.xgboost-trees.json'), 'utf8'));
function readSmall() {
    const lines = readFileSync(fixture('gbdt', 'small.csv'), 'utf8').trim().split('\n').slice(1);
    const columns = [0, 1, 2].map(() => new Float64Array(lines.length));
    const y = new Float64Array(lines.length);
    lines.forEach((line, i) => {
        const cells = line.split(',');
        for (let j = 0; j < 3; j++)
            columns[j][i] = cells[j] === '' ? NaN : Number(cells[j]);
        y[i] = Number(cells[3]);
    });
    return { X: { n: lines.length, names: ['x0', 'x1', 'x2'], columns }, y };
}
const data = readSmall();
/** churnkit's parameters for an XGBoost configuration: everything deterministic, one thread. */
function paramsFor(x) {
    const monotone = typeof x['monotone_constraints'] === 'string' ? JSON.parse(`[${x['monotone_constraints'].slice(1, -1)}]`) : [];
    return {
        n_estimators: dumps.rounds,
        learning_rate: x['eta'],
        max_depth: x['max_depth'],
        grow_policy: x['grow_policy'] ?? 'depthwise',
        max_leaves: x['max_leaves'] ?? 0,
        reg_lambda: x['lambda'],
        gamma: x['gamma'],
        min_child_weight: x['min_child_weight'],
        max_bin: 255,
        subsample: 1,
        colsample_bytree: 1,
        colsample_bynode: 1,
        early_stopping_rounds: 0,
        monotone_constraints: monotone,
        threads: 1,
    };
}
const close = (a, e, tol, what) => assert.ok(Math.abs(a - e) <= tol * Math.max(1, Math.abs(e)), `${what}: churnkit ${a}, XGBoost ${e}`);
/**
 * Walks both trees from the root with the training rows that reach each node, comparing as it
 * goes. A split is the same when it uses the same feature and sends the same values left.
 */
function compareTree(ours, theirs, what) {
    const walk = (node, xgb, rows, path) => {
        const at = `${what} ${path || 'root'}`;
        if ('leaf' in xgb) {
            assert.equal(ours.feature[node], -1, `${at}: XGBoost has a leaf, churnkit a split`);
            close(ours.value[node], xgb.leaf, 1e-6, `${at} leaf value`);
            close(ours.cover[node], xgb.cover, 1e-5, `${at} leaf cover`);
            return;
        }
        const f = ours.feature[node];
        assert.equal(f, xgb.feature, `${at}: split feature`);
        const column = data.X.columns[f];
        const values = rows.map((i) => column[i]).filter((v) => !Number.isNaN(v));
        // XGBoost sends x < condition left, comparing in float32; churnkit sends x <= threshold left.
        const xgbLeft = (v) => Math.fround(v) < Math.fround(xgb.condition);
        const leftXgb = values.filter(xgbLeft);
        const leftOurs = values.filter((v) => v <= ours.threshold[node]);
        assert.deepEqual(leftOurs.sort(), leftXgb.sort(), `${at}: values sent left`);
        const missing = rows.some((i) => Number.isNaN(column[i]));
        if (missing)
            assert.equal(ours.default_left[node] === 1, xgb.missing_left, `${at}: missing values' side`);
        close(ours.gain[node], xgb.gain, 1e-4, `${at} gain`);
        close(ours.cover[node], xgb.cover, 1e-5, `${at} cover`);
        const goesLeft = (i) => (Number.isNaN(column[i]) ? xgb.missing_left : xgbLeft(column[i]));
        walk(ours.left[node], xgb.left, rows.filter(goesLeft), `${path}L`);
        walk(ours.right[node], xgb.right, rows.filter((i) => !goesLeft(i)), `${path}R`);
    };
    walk(0, theirs, Array.from({ length: data.X.n }, (_, i) => i), '');
}
for (const [name, config] of Object.entries(dumps.configs)) {
    test(`the same trees as XGBoost ${dumps.xgboost}: ${name}`, async () => {
        const model = await new GbdtModel(paramsFor(config.params)).fit(data);
        const state = model.state();
        close(1 / (1 + Math.exp(-state.base_score)), Number(config.params['base_score']), 1e-12, 'base score');
        assert.equal(state.trees.length, config.trees.length, 'trees');
        state.trees.forEach((tree, t) => compareTree(tree, config.trees[t], `tree ${t}`));
        const margin = model.predictMargin(data.X);
        for (let i = 0; i < data.X.n; i++)
            close(margin[i], config.margin[i], 1e-5, `margin of row ${i + 1}`);
    });
}
test('the configurations differ from each other, so each one pins its own term', () => {
    const leaves = (cfg) => JSON.stringify(dumps.configs[cfg].trees);
    const names = Object.keys(dumps.configs);
    for (let a = 0; a < names.length; a++)
        for (let b = a + 1; b < names.length; b++)
            assert.notEqual(leaves(names[a]), leaves(names[b]), `${names[a]} ~ ${names[b]}`);
});
//# sourceMappingURL=xgboost-dumps.test.js.map