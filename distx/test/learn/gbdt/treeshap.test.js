import assert from 'node:assert/strict';
import { test } from 'node:test';
import { GbdtModel } from '../../../src/learn/gbdt/index.js';
import { readSynthetic, simulate, slice } from './support.js';
test('contributions add up to the margin for every row (1e-9)', async () => {
    const data = readSynthetic('synth20k_missing.csv');
    const model = await new GbdtModel({ n_estimators: 100, max_depth: 6, learning_rate: 0.1 }, 1).fit(slice(data, 0, 15000));
    const rows = slice(data, 15000, 15400);
    const margin = model.predictMargin(rows.X);
    const ex = model.explain(rows.X);
    assert.deepEqual(ex.names, data.X.names);
    for (let i = 0; i < rows.X.n; i++) {
        let sum = ex.bias[i];
        for (const c of ex.contributions)
            sum += c[i];
        assert.ok(Math.abs(sum - margin[i]) < 1e-9, `row ${i}: ${sum} vs margin ${margin[i]}`);
    }
});
/**
 * The definition TreeSHAP computes, by brute force: v(S) is the tree's output when the inputs
 * in S are known and the others are averaged out by cover, and phi_j is the Shapley average of
 * v(S + j) - v(S) over all subsets S.
 */
function conditional(tree, x, known, node = 0) {
    const f = tree.feature[node];
    if (f < 0)
        return tree.value[node];
    const l = tree.left[node];
    const r = tree.right[node];
    if (known.has(f)) {
        const v = x[f];
        const goLeft = Number.isNaN(v) ? tree.defaultLeft[node] === 1 : v <= tree.threshold[node];
        return conditional(tree, x, known, goLeft ? l : r);
    }
    return ((tree.cover[l] * conditional(tree, x, known, l) + tree.cover[r] * conditional(tree, x, known, r)) /
        tree.cover[node]);
}
function bruteForceShap(trees, x) {
    const F = x.length;
    const fact = (k) => (k <= 1 ? 1 : k * fact(k - 1));
    const phi = new Array(F).fill(0);
    for (let j = 0; j < F; j++) {
        const others = Array.from({ length: F }, (_, k) => k).filter((k) => k !== j);
        for (let mask = 0; mask < 1 << others.length; mask++) {
            const S = new Set(others.filter((_, b) => (mask >> b) & 1));
            const w = (fact(S.size) * fact(F - S.size - 1)) / fact(F);
            const withJ = new Set(S).add(j);
            for (const tree of trees)
                phi[j] += w * (conditional(tree, x, withJ) - conditional(tree, x, S));
        }
    }
    return phi;
}
test('contributions are the exact Shapley values of the cover-weighted trees', async () => {
    const data = simulate(800, 5, 3, (x) => x[0] * x[1] + Math.sin(2 * x[2]) - 0.5 * x[3], 0.15);
    const model = await new GbdtModel({ n_estimators: 6, max_depth: 4, learning_rate: 0.3 }, 1).fit(data);
    const rows = slice(data, 0, 25);
    const ex = model.explain(rows.X);
    for (let i = 0; i < rows.X.n; i++) {
        const x = rows.X.columns.map((c) => c[i]);
        const expected = bruteForceShap(model.trees, x);
        for (let j = 0; j < x.length; j++) {
            assert.ok(Math.abs(ex.contributions[j][i] - expected[j]) < 1e-10, `row ${i} input ${j}: ${ex.contributions[j][i]} vs ${expected[j]}`);
        }
    }
    // The bias is what the model gives with nothing known.
    const none = model.trees.reduce((s, t) => s + conditional(t, [], new Set()), model.baseScore);
    assert.ok(Math.abs(ex.bias[0] - none) < 1e-12);
});
//# sourceMappingURL=treeshap.test.js.map