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
  // 0.5 x 3 rounds to 2 (not 1): two columns per node; 0.2 x 3 rounds to 0, and at least one is kept
  const two = (await new GbdtModel({ ...BASE, colsample_bynode: 0.5 }, 5).fit(data)).state().trees;
  const one = (await new GbdtModel({ ...BASE, colsample_bynode: 0.2 }, 5).fit(data)).state().trees;
  assert.notEqual(JSON.stringify(two), full);
  assert.notEqual(JSON.stringify(one), JSON.stringify(two));
  // with every column, every root splits on x0; with one column drawn per node, some root does not
  for (const t of JSON.parse(full) as TreeJSON[]) assert.equal(t.feature[0], 0);
  assert.ok(
    one.some((t) => t.feature[0] !== 0 && t.feature[0]! >= 0),
    `roots: ${one.map((t) => t.feature[0])}`,
  );
  // one column per node: a node whose drawn column cannot split is a leaf, so trees stay smaller
  assert.ok(one.every((t) => leavesOf(t) >= 1));
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
