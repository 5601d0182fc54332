import assert from 'node:assert/strict';
import { test } from 'node:test';
import { rocAuc } from '../../../src/stats/index.js';
import { GbdtModel, gbdtFamily, checkGbdtState } from '../../../src/learn/gbdt/index.js';
import { binColumnMajor } from '../../../src/learn/gbdt/binning.js';
import { sigmoid } from '../../../src/stats/index.js';
import { ArtifactError } from '../../../src/learn/errors.js';
import { InputError } from '../../../src/util/errors.js';
import { XGBOOST_DEFAULTS, readSynthetic, sameBits, simulate, slice, withValue } from './support.js';
const missingData = readSynthetic('synth20k_missing.csv');
test('a saved and loaded model predicts the same bits', async () => {
    const train = slice(missingData, 0, 15000);
    const test = slice(missingData, 15000, 20000);
    const model = await new GbdtModel({ n_estimators: 60, max_depth: 6, learning_rate: 0.1 }, 5).fit(train);
    const text = JSON.stringify(model.state());
    const restored = await gbdtFamily.restore(JSON.parse(text), model.params);
    assert.ok(sameBits(restored.predictMargin(test.X), model.predictMargin(test.X)));
    assert.equal(JSON.stringify(restored.state()), text);
});
test('the same seed gives the same model, on one thread or two', async () => {
    const train = slice(missingData, 0, 15000);
    const params = {
        n_estimators: 25,
        max_depth: 5,
        learning_rate: 0.1,
        subsample: 0.7,
        colsample_bytree: 0.8,
        colsample_bynode: 0.8,
    };
    const one = await new GbdtModel({ ...params, threads: 1 }, 11).fit(train);
    const two = await new GbdtModel({ ...params, threads: 2 }, 11).fit(train);
    const again = await new GbdtModel({ ...params, threads: 2 }, 11).fit(train);
    const other = await new GbdtModel({ ...params, threads: 1 }, 12).fit(train);
    const s = JSON.stringify(one.state());
    assert.equal(JSON.stringify(two.state()), s);
    // Rows left out of a round are routed down its tree: the kept margins still equal prediction.
    assert.ok(sameBits(two.fittedMargins().train, two.predictMargin(train.X)));
    assert.equal(two.fittedMargins().validation, null);
    assert.equal(JSON.stringify(again.state()), s);
    assert.notEqual(JSON.stringify(other.state()), s, 'another seed draws other rows and columns');
    const leafwise = { ...params, grow_policy: 'lossguide', max_leaves: 24, max_depth: 0 };
    const l1 = await new GbdtModel({ ...leafwise, threads: 1 }, 3).fit(train);
    const l2 = await new GbdtModel({ ...leafwise, threads: 2 }, 3).fit(train);
    assert.equal(JSON.stringify(l2.state()), JSON.stringify(l1.state()));
});
test('raw-value and binned prediction reach the same leaves; the kernel adds them up like plain code', async () => {
    const train = slice(missingData, 0, 5000);
    const model = await new GbdtModel({ n_estimators: 20, max_depth: 6, learning_rate: 0.3 }, 2).fit(train);
    const codes = binColumnMajor(train.X, model.binBounds);
    const F = train.X.columns.length;
    const row = new Float64Array(F);
    const expected = new Float64Array(train.X.n).fill(model.baseScore);
    for (const tree of model.trees) {
        for (let i = 0; i < train.X.n; i++) {
            for (let j = 0; j < F; j++)
                row[j] = train.X.columns[j][i];
            const leaf = tree.leafOfRow(row, 0);
            assert.equal(leaf, tree.leafOfBinned(codes, train.X.n, i));
            expected[i] = expected[i] + tree.value[leaf];
        }
    }
    // 5000 rows: full blocks and a last block of 136 rows (padded to the kernel's 4 lanes).
    assert.ok(sameBits(model.predictMargin(train.X), expected));
    const three = slice(missingData, 0, 3);
    assert.ok(sameBits(model.predictMargin(three.X), expected.subarray(0, 3)));
});
for (const missingLike of ['high', 'low']) {
    test(`missing values go the learned way (missing rows churn like ${missingLike} values)`, async () => {
        // Churn when x0 > 0.5; rows with x0 missing churn at the rate of high (or low) x0.
        const n = 4000;
        const base = simulate(n, 2, missingLike === 'high' ? 21 : 22, (x) => (x[0] > 0.5 ? 2.5 : -2.5));
        const x0 = Float64Array.from(base.X.columns[0]);
        const y = Float64Array.from(base.y);
        for (let i = 0; i < n; i += 5) {
            x0[i] = NaN;
            y[i] = (i / 5) % 10 < (missingLike === 'high' ? 9 : 1) ? 1 : 0;
        }
        const data = { X: withValue(base.X, 0, x0), y };
        const model = await new GbdtModel({ ...XGBOOST_DEFAULTS, n_estimators: 30, max_depth: 2, learning_rate: 0.3 }, 1).fit(data);
        const root = model.trees[0];
        assert.equal(root.feature[0], 0, 'the first split is on x0');
        assert.equal(root.defaultLeft[0], missingLike === 'high' ? 0 : 1, 'default direction of the root split');
        const probe = { n: 3, names: data.X.names, columns: [Float64Array.of(NaN, 2, -2), Float64Array.of(0, 0, 0)] };
        const [pMissing, pHigh, pLow] = Array.from(model.predictMargin(probe), sigmoid);
        if (missingLike === 'high')
            assert.ok(Math.abs(pMissing - pHigh) < 0.1 && pMissing > pLow + 0.5, `${pMissing} ${pHigh} ${pLow}`);
        else
            assert.ok(Math.abs(pMissing - pLow) < 0.1 && pMissing < pHigh - 0.5, `${pMissing} ${pHigh} ${pLow}`);
    });
}
test('monotone constraints hold on a grid, for every row', async () => {
    // x0's effect goes up and down (sin) and x1's up; constrained +1 and -1, neither may wiggle.
    const data = simulate(3000, 4, 5, (x) => 1.5 * Math.sin(2 * x[0]) + 0.8 * x[1] + 0.7 * x[0] * x[2] + 0.5 * x[3], 0.05);
    const params = { n_estimators: 80, max_depth: 4, learning_rate: 0.1 };
    const constrained = await new GbdtModel({ ...params, monotone_constraints: [1, -1, 0, 0] }, 9).fit(data);
    const free = await new GbdtModel(params, 9).fit(data);
    const probe = slice(data, 0, 300);
    const grid = Array.from({ length: 61 }, (_, k) => -3.5 + (7 * k) / 60);
    const violations = (model, feature, sign) => {
        let count = 0;
        let prev = null;
        for (const g of grid) {
            const margins = model.predictMargin(withValue(probe.X, feature, new Float64Array(probe.X.n).fill(g)));
            if (prev)
                for (let i = 0; i < margins.length; i++)
                    if (sign * (margins[i] - prev[i]) < 0)
                        count++;
            prev = margins;
        }
        return count;
    };
    assert.equal(violations(constrained, 0, 1), 0, 'x0 never lowers the score as it rises');
    assert.equal(violations(constrained, 1, -1), 0, 'x1 never raises the score as it rises');
    assert.ok(violations(free, 0, 1) > 0, 'without the constraint, x0 does wiggle (the check can fail)');
    // Constraints by input name mean the same thing.
    const byName = await new GbdtModel({ ...params, monotone_constraints: { x0: 1, x1: -1 } }, 9).fit(data);
    assert.equal(JSON.stringify(byName.state()), JSON.stringify(constrained.state()));
});
test('early stopping stops at the best round of the later slice', async () => {
    const score = (x) => 0.8 * x[0] - 0.5 * x[1];
    const train = simulate(1500, 6, 31, score);
    const validation = simulate(1500, 6, 32, score);
    const model = await new GbdtModel({ n_estimators: 400, max_depth: 6, learning_rate: 0.3, early_stopping_rounds: 15 }, 1).fit(train, { validation });
    const s = model.summary();
    const best = s['best_iteration'];
    assert.ok(s['rounds'] < 400, 'stopped before 400 rounds');
    assert.equal(s['rounds'], best + 1 + 15);
    assert.equal(model.trees.length, best + 1);
    // The reported loss is the kept model's log loss on the validation rows.
    const m = model.predictMargin(validation.X);
    let loss = 0;
    for (let i = 0; i < m.length; i++)
        loss += Math.log1p(Math.exp(m[i])) - validation.y[i] * m[i];
    assert.ok(Math.abs(loss / m.length - s['best_validation_log_loss']) < 1e-12);
    const longer = await new GbdtModel({ n_estimators: best + 1 + 15, max_depth: 6, learning_rate: 0.3, early_stopping_rounds: 0 }, 1).fit(train, { validation });
    assert.equal(longer.trees.length, best + 16, 'without early stopping every round is kept');
    // The margins the fit kept are those of the kept trees, with and without early stopping.
    for (const fitted of [model, longer]) {
        const margins = fitted.fittedMargins();
        assert.ok(sameBits(margins.train, fitted.predictMargin(train.X)), 'training rows');
        assert.ok(sameBits(margins.validation, fitted.predictMargin(validation.X)), 'validation rows');
    }
    const empty = {
        X: { n: 0, names: validation.X.names, columns: validation.X.columns.map(() => new Float64Array(0)) },
        y: new Float64Array(0),
    };
    const noSlice = await new GbdtModel({ n_estimators: 40, max_depth: 3, early_stopping_rounds: 5 }, 1).fit(train, {
        validation: empty,
    });
    assert.equal(noSlice.trees.length, 40, 'an empty later slice stops nothing');
});
test('sample weights act as repeated rows; scale_pos_weight raises predicted churn', async () => {
    const data = simulate(1500, 3, 41, (x) => x[0] - 1);
    const doubled = {
        X: { n: 3000, names: data.X.names, columns: data.X.columns.map((c) => Float64Array.from([...c, ...c])) },
        y: Float64Array.from([...data.y, ...data.y]),
    };
    const params = { ...XGBOOST_DEFAULTS, n_estimators: 20, max_depth: 3, learning_rate: 0.2 };
    const weighted = await new GbdtModel(params, 1).fit({ ...data, weight: new Float64Array(1500).fill(2) });
    const repeated = await new GbdtModel(params, 1).fit(doubled);
    const a = weighted.predictMargin(data.X);
    const b = repeated.predictMargin(data.X);
    for (let i = 0; i < a.length; i++)
        assert.ok(Math.abs(a[i] - b[i]) < 1e-9, `row ${i}: ${a[i]} vs ${b[i]}`);
    const plain = await new GbdtModel(params, 1).fit(data);
    const heavy = await new GbdtModel({ ...params, scale_pos_weight: 4 }, 1).fit(data);
    const mean = (m) => m.reduce((s, v) => s + sigmoid(v), 0) / m.length;
    assert.ok(mean(heavy.predictMargin(data.X)) > mean(plain.predictMargin(data.X)) + 0.1);
});
test('leaf-wise growth keeps to max_leaves', async () => {
    const train = slice(missingData, 0, 15000);
    const test = slice(missingData, 15000, 20000);
    const model = await new GbdtModel({ grow_policy: 'lossguide', max_leaves: 12, max_depth: 0, n_estimators: 60, learning_rate: 0.1 }, 1).fit(train);
    let deepest = 0;
    for (const tree of model.trees) {
        const leaves = tree.feature.filter((f) => f < 0).length;
        assert.ok(leaves <= 12, `a tree has ${leaves} leaves`);
        deepest = Math.max(deepest, tree.depth());
    }
    assert.ok(deepest > 4, 'leaf-wise trees grow deeper than a balanced 12-leaf tree would');
    assert.ok(rocAuc(test.y, model.predictMargin(test.X)) > 0.83);
});
test('gain and split-count importance rank the strong inputs first', async () => {
    // make_synthetic: score = X . linspace(-1, 1, 10) + 1.5 x0^2 + sin(3 x1): x0 strongest, x4/x5 weakest.
    const data = readSynthetic('synth20k.csv');
    const model = await new GbdtModel({ n_estimators: 60, max_depth: 4, learning_rate: 0.1 }, 1).fit(slice(data, 0, 15000));
    const imp = model.importance();
    assert.equal(imp[0].feature, 'x0');
    const rank = (f) => imp.findIndex((r) => r.feature === f);
    assert.ok(rank('x4') >= 5 && rank('x5') >= 5, JSON.stringify(imp.map((r) => r.feature)));
    for (const r of imp)
        assert.ok(Math.abs(r.mean_gain * r.splits - r.total_gain) < 1e-6 * r.total_gain + 1e-12);
    const splits = model.trees.reduce((s, t) => s + t.feature.filter((f) => f >= 0).length, 0);
    assert.equal(imp.reduce((s, r) => s + r.splits, 0), splits);
    assert.deepEqual(model.summary()['importance'].length, 10);
});
test('bad input is refused with the row and column named', async () => {
    const data = simulate(200, 3, 1, (x) => x[0]);
    const x2 = Float64Array.from(data.X.columns[2]);
    x2[17] = Infinity;
    await assert.rejects(new GbdtModel({ n_estimators: 2 }).fit({ ...data, X: withValue(data.X, 2, x2) }), (e) => e instanceof InputError && /row 18/.test(e.message) && /column x2/.test(e.message));
    const y = Float64Array.from(data.y);
    y[4] = 2;
    await assert.rejects(new GbdtModel({ n_estimators: 2 }).fit({ ...data, y }), (e) => e instanceof InputError && /row 5/.test(e.message));
    assert.throws(() => new GbdtModel({ max_depth: 0 }), /depthwise needs max_depth/);
    assert.throws(() => new GbdtModel({ monotone_constraints: [2] }), /-1, 0 or 1/);
    await assert.rejects(new GbdtModel({ monotone_constraints: [1] }).fit(data), /1 entries for 3 inputs/);
    assert.throws(() => new GbdtModel().predictMargin(data.X), /not fitted/);
});
test('a damaged state is refused, naming the field', async () => {
    const model = await new GbdtModel({ n_estimators: 3, max_depth: 2 }).fit(simulate(300, 2, 1, (x) => x[0]));
    const state = JSON.parse(JSON.stringify(model.state()));
    assert.doesNotThrow(() => checkGbdtState(state));
    state.trees[1].left[0] = 0;
    assert.throws(() => checkGbdtState(state), (e) => e instanceof ArtifactError && /gbdt\.trees\[1\]\.left\[0\]/.test(e.message));
    const short = JSON.parse(JSON.stringify(model.state()));
    short.trees[0].cover.pop();
    assert.throws(() => checkGbdtState(short), /gbdt\.trees\[0\]\.cover/);
});
//# sourceMappingURL=model.test.js.map