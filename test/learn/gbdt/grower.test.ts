/**
 * The tree grower's paths that the XGBoost dumps do not take (issue 23, from the mutants that
 * survived internals and xgboost-dumps), on small simulated tables and one thread (so every
 * mutant of the grower runs in this process): rows left out by subsampling routed down each
 * tree, column sampling by node, max_leaves in depth-wise growth, leaf-wise growth without a
 * leaf limit, and the feature sampler itself.
 */
import assert from 'node:assert/strict';
import test from 'node:test';
import { GbdtModel } from '../../../src/learn/gbdt/index.js';
import { sampleFeatures } from '../../../src/learn/gbdt/grower.js';
import type { TreeJSON } from '../../../src/learn/gbdt/index.js';
import { Rng } from '../../../src/util/rng.js';
import { sameBits, simulate } from './support.js';

const BASE = {
  n_estimators: 8,
  learning_rate: 0.3,
  max_depth: 3,
  subsample: 1,
  colsample_bytree: 1,
  colsample_bynode: 1,
  early_stopping_rounds: 0,
  threads: 1,
};

// x0 carries most of the signal, x1 some, x2 none; a tenth of the values are missing
const data = simulate(600, 3, 7, (x) => 2 * x[0]! - x[1]!, 0.1);

const leavesOf = (tree: TreeJSON) => tree.feature.filter((f) => f < 0).length;

test('rows left out of a round (subsample) are routed down its tree: the kept margins equal prediction', async () => {
  const model = await new GbdtModel({ ...BASE, subsample: 0.5 }, 3).fit(data);
  const margins = model.fittedMargins()!.train;
  assert.ok(sameBits(margins, model.predictMargin(data.X)));
  // and subsampling did change the trees (the routed rows are really left out)
  const full = await new GbdtModel(BASE, 3).fit(data);
  assert.notEqual(JSON.stringify(full.state().trees), JSON.stringify(model.state().trees));
});

test('column sampling by node: all columns is no sampling; one column per node splits on others too', async () => {
  const full = JSON.stringify((await new GbdtModel(BASE, 5).fit(data)).state().trees);
  // 0.99 x 3 rounds to 3: every column, the same trees as no sampling
  const almost = await new GbdtModel({ ...BASE, colsample_bynode: 0.99 }, 5).fit(data);
  assert.equal(JSON.stringify(almost.state().trees), full);
  // 0.5 x 3 rounds to 2 (not 1): two columns per node; 0.1 x 3 rounds to 0, and at least one is kept
  const two = (await new GbdtModel({ ...BASE, colsample_bynode: 0.5 }, 5).fit(data)).state().trees;
  const one = (await new GbdtModel({ ...BASE, colsample_bynode: 0.1 }, 5).fit(data)).state().trees;
  assert.notEqual(JSON.stringify(two), full);
  assert.notEqual(JSON.stringify(one), JSON.stringify(two));
  // with every column, every root splits on x0; with one column drawn per node, some root does not
  for (const t of JSON.parse(full) as TreeJSON[]) assert.equal(t.feature[0], 0);
  assert.ok(
    one.some((t) => t.feature[0] !== 0 && t.feature[0]! >= 0),
    `roots: ${one.map((t) => t.feature[0])}`,
  );
});

test('depth-wise growth stops at max_leaves, level by level', async () => {
  for (const maxLeaves of [2, 3, 5]) {
    const model = await new GbdtModel({ ...BASE, max_depth: 4, max_leaves: maxLeaves }, 1).fit(data);
    const counts = model.state().trees.map(leavesOf);
    assert.ok(
      counts.every((c) => c <= maxLeaves),
      `max_leaves ${maxLeaves}: ${counts}`,
    );
    assert.equal(Math.max(...counts), maxLeaves, `max_leaves ${maxLeaves} is reached: ${counts}`);
  }
});

test('depth-wise growth under max_leaves splits a level in order (left first), unlike leaf-wise growth', async () => {
  const depthwise = (await new GbdtModel({ ...BASE, max_leaves: 3 }, 1).fit(data)).state().trees;
  const leafwise = (await new GbdtModel({ ...BASE, max_leaves: 3, grow_policy: 'lossguide' }, 1).fit(data)).state()
    .trees;
  for (const t of depthwise) assert.equal(leavesOf(t), 3);
  // Depth-wise splits the left child of the root whenever it has a split (level order): here in
  // 7 of the 8 trees. Leaf-wise takes the child with the larger gain, the right one in 3 of them.
  const leftSplit = (trees: TreeJSON[]) => trees.filter((t) => t.feature[t.left[0]!]! >= 0).length;
  assert.equal(leftSplit(depthwise), 7);
  assert.equal(leftSplit(leafwise), 5);
});

test('leaf-wise growth with max_leaves and no depth limit: up to max_leaves leaves, and deeper', async () => {
  const trees = (
    await new GbdtModel({ ...BASE, grow_policy: 'lossguide', max_depth: 0, max_leaves: 6 }, 1).fit(data)
  ).state().trees;
  const counts = trees.map(leavesOf);
  assert.ok(
    counts.every((c) => c <= 6),
    `${counts}`,
  );
  assert.equal(Math.max(...counts), 6);
});

test('a tree that cannot split is one leaf: -G / (H + lambda) at the prior is 0', async () => {
  const model = await new GbdtModel({ ...BASE, gamma: 1e9 }, 1).fit(data);
  for (const t of model.state().trees) {
    assert.deepEqual([...t.feature], [-1]);
    assert.ok(Math.abs(t.value[0]!) < 1e-12, `leaf value ${t.value[0]}`);
  }
  // column sampling by tree: trees without x0 read the node totals from their own first column
  const sampled = await new GbdtModel({ ...BASE, colsample_bytree: 0.5 }, 4).fit(data);
  const margins = sampled.predictMargin(data.X);
  assert.ok(margins.every(Number.isFinite));
  assert.ok(sameBits(sampled.fittedMargins()!.train, margins));
  assert.ok(
    sampled.state().trees.some((t) => !t.feature.includes(0)),
    'some tree is grown without x0',
  );
});

test('a split of missing values from all the others has a finite threshold (the state is JSON)', async () => {
  // whether x0 is missing is the signal; its values are noise
  const rng = new Rng(8);
  const n = 400;
  const x0 = new Float64Array(n);
  const y = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const missing = i % 3 === 0;
    x0[i] = missing ? NaN : rng.normal();
    y[i] = rng.next() < (missing ? 0.8 : 0.1) ? 1 : 0;
  }
  const model = await new GbdtModel({ ...BASE, max_depth: 1 }, 1).fit({ X: { n, names: ['x0'], columns: [x0] }, y });
  const trees = model.state().trees;
  assert.equal(trees[0]!.feature[0], 0);
  for (const t of trees)
    for (let k = 0; k < t.feature.length; k++)
      if (t.feature[k]! >= 0) assert.ok(Number.isFinite(t.threshold[k]!), `threshold ${t.threshold[k]}`);
  // a value far above every training value goes with the values, not with the missing ones
  const probe = { n: 2, names: ['x0'], columns: [Float64Array.of(1e300, NaN)] };
  const m = model.predictMargin(probe);
  assert.ok(m[0]! < m[1]!, `${[...m]}`);
});

test('with min_child_weight 0 a two-row node splits: four alternating rows get four leaves', async () => {
  // gradients at the prior 0.5: 0.5, -0.5, 0.5, -0.5 (hessians 0.25); the root splits off row 1,
  // then row 2, and the last node holds rows 3 and 4, which split again (gain 0.2 + 0.2 - 0).
  const X = { n: 4, names: ['x0'], columns: [Float64Array.of(1, 2, 3, 4)] };
  const model = await new GbdtModel(
    { ...BASE, n_estimators: 1, learning_rate: 1, max_depth: 3, min_child_weight: 0, reg_lambda: 1, gamma: 0 },
    1,
  ).fit({ X, y: Float64Array.of(0, 1, 0, 1) });
  assert.equal(leavesOf(model.state().trees[0]!), 4);
});

test('leaf-wise growth: of two leaves with the same gain, the older is split first', async () => {
  // Two halves (x0 = 0 and 1) with the same x1 and opposite labels: at the prior 0.5 their
  // gradients are exact negatives, so both children's best splits (on x1) gain exactly the same.
  const x1 = [1, 2, 3, 4, 5, 6, 7, 8];
  const labels = [1, 1, 1, 1, 1, 0, 0, 0];
  const X = {
    n: 16,
    names: ['x0', 'x1'],
    columns: [Float64Array.from([...x1.map(() => 0), ...x1.map(() => 1)]), Float64Array.from([...x1, ...x1])],
  };
  const y = Float64Array.from([...labels, ...labels.map((v) => 1 - v)]);
  const params = { ...BASE, n_estimators: 1, max_depth: 0, min_child_weight: 0, grow_policy: 'lossguide' };
  const both = (await new GbdtModel({ ...params, max_leaves: 4 }, 1).fit({ X, y })).state().trees[0]!;
  assert.equal(both.feature[0], 0, 'the root splits the halves');
  assert.equal(both.gain[both.left[0]!], both.gain[both.right[0]!], 'equal gains');
  const t = (await new GbdtModel({ ...params, max_leaves: 3 }, 1).fit({ X, y })).state().trees[0]!;
  assert.equal(t.feature[t.left[0]!], 1, 'the older (left) child is split');
  assert.equal(t.feature[t.right[0]!], -1, 'the right child stays a leaf');
});

test('leaf-wise growth without a leaf limit grows the same function as depth-wise growth', async () => {
  const depthwise = await new GbdtModel(BASE, 2).fit(data);
  const leafwise = await new GbdtModel({ ...BASE, grow_policy: 'lossguide', max_leaves: 0 }, 2).fit(data);
  // the nodes are numbered in another order, but every node that can split is split
  assert.deepEqual(leafwise.state().trees.map(leavesOf), depthwise.state().trees.map(leavesOf));
  assert.ok(sameBits(leafwise.predictMargin(data.X), depthwise.predictMargin(data.X)));
});

test('sampleFeatures draws k distinct features in ascending order; k >= all returns them as they are', () => {
  const features = Uint32Array.of(0, 2, 3, 5, 8, 9);
  const all = sampleFeatures(features, 6, new Rng(1));
  assert.equal(all, features);
  assert.equal(sampleFeatures(features, 7, new Rng(1)), features);
  const seen = new Set<number>();
  for (let seed = 1; seed <= 20; seed++) {
    const k = sampleFeatures(features, 3, new Rng(seed));
    assert.equal(k.length, 3);
    assert.deepEqual(
      [...k],
      [...k].sort((a, b) => a - b),
    );
    assert.equal(new Set(k).size, 3);
    for (const f of k) {
      assert.ok(features.includes(f));
      seen.add(f);
    }
  }
  assert.equal(seen.size, 6, 'every feature is drawn sometimes');
});
