import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { MlpModel, forward } from '../../../src/learn/mlp/index.js';
import { ArtifactError } from '../../../src/learn/index.js';
import { sigmoid } from '../../../src/stats/index.js';
import { rocAuc } from '../../../src/stats/index.js';
import { fitSlice, json, loadMlpFixture } from './helpers.js';
// synthetic.csv: make_synthetic.py --rows 3000 --cols 5 --seed 5 (see test/fixtures/mlp/README.md).
// Rows are i.i.d.; the later rows stand in for later time slices: fit on [0, 1600), stop early on
// [1600, 2000), test on [2000, 3000) as peer.py --train-rows 2000 does.
const names = ['x0', 'x1', 'x2', 'x3', 'x4'];
let train;
let validation;
let testSet;
let model;
const SEED = 1;
before(async () => {
    const frame = await loadMlpFixture('synthetic.csv');
    train = fitSlice(frame, names, 'y', 0, 1600);
    validation = fitSlice(frame, names, 'y', 1600, 2000);
    testSet = fitSlice(frame, names, 'y', 2000, 3000);
    model = await new MlpModel({}, SEED).fit(train, { validation });
});
function logLoss(y, margin) {
    let s = 0;
    for (let i = 0; i < y.length; i++) {
        const p = sigmoid(margin[i]);
        s -= y[i] === 1 ? Math.log(p) : Math.log(1 - p);
    }
    return s / y.length;
}
test('learns the non-linear signal: beats logistic regression and matches XGBoost (peer.py golden AUCs)', () => {
    const peer = json('synthetic.peer.json');
    const auc = rocAuc(testSet.y, model.predictMargin(testSet.X));
    assert.ok(auc > peer.models['logistic'].auc + 0.05, `mlp AUC ${auc} vs logistic ${peer.models['logistic'].auc}`);
    assert.ok(auc > peer.models['xgboost'].auc - 0.02, `mlp AUC ${auc} vs xgboost ${peer.models['xgboost'].auc}`);
});
test('the same seed gives the same weights bit for bit; another seed does not', async () => {
    const again = await new MlpModel({}, SEED).fit(train, { validation });
    assert.deepEqual(again.state(), model.state());
    const other = await new MlpModel({ max_epochs: 2 }, SEED + 1).fit(train);
    const first = await new MlpModel({ max_epochs: 2 }, SEED).fit(train);
    assert.notDeepEqual(other.state().layers, first.state().layers);
});
test('early stopping ends after `patience` epochs without improvement and keeps the best epoch', () => {
    const s = model.summary();
    const patience = model.params['patience'];
    assert.equal(s.stopped_early, true, 'the default budget of 60 epochs should not be needed on 1,600 rows');
    assert.equal(s.epochs_run - s.best_epoch, patience);
    const losses = s.history.map((h) => h.validation_loss);
    assert.equal(Math.min(...losses), losses[s.best_epoch - 1]);
    // The kept weights are that epoch's: their validation loss (float64 here, float32 in training) is the best one.
    const kept = logLoss(validation.y, model.predictMargin(validation.X));
    assert.ok(Math.abs(kept - losses[s.best_epoch - 1]) < 1e-5, `kept weights give ${kept}, best epoch logged ${losses[s.best_epoch - 1]}`);
    assert.ok(kept < losses[losses.length - 1] - 1e-6 || s.best_epoch === s.epochs_run, 'the last epoch was worse, so its weights must not be the ones kept');
});
test('explanations add up to the margin, and the bias is the margin at the baseline (an exact decomposition)', () => {
    const X = testSet.X;
    const margin = model.predictMargin(X);
    const e = model.explain(X);
    assert.deepEqual(e.names, names);
    const state = model.state();
    const atBaseline = forward(state, { n: 1, names, columns: state.baseline.map((v) => Float64Array.of(v)) })[0];
    for (let i = 0; i < X.n; i++) {
        let sum = e.bias[i];
        for (let j = 0; j < names.length; j++)
            sum += e.contributions[j][i];
        assert.ok(Math.abs(sum - margin[i]) <= 1e-12, `row ${i}: ${sum} vs margin ${margin[i]}`);
        // DeepLIFT's summation-to-delta holds by construction: only float rounding is left for the bias to absorb.
        assert.ok(Math.abs(e.bias[i] - atBaseline) < 1e-9, `row ${i}: bias ${e.bias[i]} vs f(baseline) ${atBaseline}`);
    }
    // An input at its baseline value contributes nothing.
    const atBase = {
        n: 1,
        names,
        columns: state.baseline.map((v, j) => Float64Array.of(j === 2 ? v : X.columns[j][0])),
    };
    assert.equal(Math.abs(model.explain(atBase).contributions[2][0]), 0);
});
test('without hidden layers the explanation is w_j (x_j - baseline_j), as for a logistic regression', async () => {
    const linear = await new MlpModel({ hidden: [], max_epochs: 3 }, SEED).fit(train);
    const s = linear.state();
    const X = testSet.X;
    const e = linear.explain(X);
    for (let j = 0; j < names.length; j++) {
        for (let i = 0; i < 20; i++) {
            const want = s.layers[0].kernel[j][0] * (X.columns[j][i] - s.baseline[j]);
            assert.ok(Math.abs(e.contributions[j][i] - want) < 1e-12);
        }
    }
});
test('state() is plain JSON that restores to the same predictions and explanations', () => {
    const text = JSON.stringify(model.state());
    const restored = MlpModel.fromState(JSON.parse(text), model.params);
    assert.deepEqual(restored.predictMargin(testSet.X), model.predictMargin(testSet.X));
    assert.deepEqual(restored.explain(testSet.X), model.explain(testSet.X));
    // how training went is the artifact's diagnostics, not state: a restored model reports its shape
    const { layers, parameters } = model.summary();
    assert.deepEqual(restored.summary(), { layers, parameters });
});
test('a damaged state is refused naming the field; wrong inputs and bad labels are refused', async () => {
    const s = JSON.parse(JSON.stringify(model.state()));
    s.layers[1].kernel.pop();
    assert.throws(() => MlpModel.fromState(s), (err) => err instanceof ArtifactError && /mlp\.layers\[1\]\.kernel/.test(err.message));
    const swapped = { ...testSet.X, names: ['x1', 'x0', 'x2', 'x3', 'x4'] };
    assert.throws(() => model.predictMargin(swapped), /model inputs are \[x0, x1/);
    const y = Float64Array.from(train.y);
    y[7] = 2;
    await assert.rejects(new MlpModel({}, 0).fit({ X: train.X, y }), /label of row 8 is 2/);
    assert.throws(() => new MlpModel({ dropout: 1.5 }), /dropout/);
    assert.throws(() => new MlpModel({ hidden: [8, 0] }), /hidden/);
});
test('training frees every tensor it made (a backtest trains many folds in one process)', async () => {
    const tf = await import('@tensorflow/tfjs');
    const before = tf.memory().numTensors;
    await new MlpModel({ max_epochs: 2 }, 3).fit(train, { validation });
    assert.equal(tf.memory().numTensors, before);
});
//# sourceMappingURL=mlp.test.js.map