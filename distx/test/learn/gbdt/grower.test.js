/**
 * The tree grower's paths that the XGBoost dumps do not take (issue 23, from the mutants that
 * survived internals and xgboost-dumps), on small simulated tables and one thread (so every
 * mutant of the grower runs in this process): rows left out by subsampling routed down each
 * tree, column sampling by node, max_leaves in depth-wise growth, leaf-wise growth without a
 * leaf limit, and the feature sampler itself. With the executor's batches recorded: only the
 * smaller child of a split is histogrammed (the larger is the parent's minus it), children that
 * cannot split get no histogram and no split search, and every row gets its leaf's value once;
 * and the histogram workspace is sized by the tree, not by the rows.
 */
import assert from 'node:assert/strict';
import test from 'node:test';
import { GbdtModel } from '../../../src/learn/gbdt/index.js';
import { sampleFeatures } from '../../../src/learn/gbdt/grower.js';
import { Executor } from '../../../src/learn/gbdt/parallel.js';
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
const data = simulate(600, 3, 7, (x) => 2 * x[0] - x[1], 0.1);
const leavesOf = (tree) => tree.feature.filter((f) => f < 0).length;
/**
 * Fits with the executor's batches recorded (threads: 1, so all of them run in this process):
 * which row ranges got a histogram, which were partitioned, how many nodes were searched for a
 * split, and which ranges got which leaf value. Empty batches are left out.
 */
async function recorded(params, data) {
    const proto = Executor.prototype;
    const { histograms, partitions, findSplits, addToMargins } = proto;
    const events = [];
    proto.histograms = function (jobs, features) {
        if (jobs.length > 0)
            events.push({ kind: 'histograms', jobs: jobs.map((j) => ({ ...j })) });
        return histograms.call(this, jobs, features);
    };
    proto.partitions = function (jobs) {
        const mids = partitions.call(this, jobs);
        if (jobs.length > 0)
            events.push({ kind: 'partitions', jobs: jobs.map(({ begin, end }) => ({ begin, end })), mids: Array.from(mids) });
        return mids;
    };
    proto.findSplits = function (jobs) {
        if (jobs.length > 0)
            events.push({ kind: 'splits', count: jobs.length });
        return findSplits.call(this, jobs);
    };
    proto.addToMargins = function (jobs) {
        events.push({ kind: 'add', jobs: jobs.map((j) => ({ ...j })) });
        return addToMargins.call(this, jobs);
    };
    try {
        const model = await new GbdtModel({ ...BASE, ...params }, 1).fit(data);
        return { model, events };
    }
    finally {
        Object.assign(proto, { histograms, partitions, findSplits, addToMargins });
    }
}
test('rows left out of a round (subsample) are routed down its tree: the kept margins equal prediction', async () => {
    const model = await new GbdtModel({ ...BASE, subsample: 0.5 }, 3).fit(data);
    const margins = model.fittedMargins().train;
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
    for (const t of JSON.parse(full))
        assert.equal(t.feature[0], 0);
    assert.ok(one.some((t) => t.feature[0] !== 0 && t.feature[0] >= 0), `roots: ${one.map((t) => t.feature[0])}`);
});
test('depth-wise growth stops at max_leaves, level by level', async () => {
    for (const maxLeaves of [2, 3, 5]) {
        const model = await new GbdtModel({ ...BASE, max_depth: 4, max_leaves: maxLeaves }, 1).fit(data);
        const counts = model.state().trees.map(leavesOf);
        assert.ok(counts.every((c) => c <= maxLeaves), `max_leaves ${maxLeaves}: ${counts}`);
        assert.equal(Math.max(...counts), maxLeaves, `max_leaves ${maxLeaves} is reached: ${counts}`);
    }
});
test('depth-wise growth under max_leaves splits a level in order (left first), unlike leaf-wise growth', async () => {
    const depthwise = (await new GbdtModel({ ...BASE, max_leaves: 3 }, 1).fit(data)).state().trees;
    const leafwise = (await new GbdtModel({ ...BASE, max_leaves: 3, grow_policy: 'lossguide' }, 1).fit(data)).state()
        .trees;
    for (const t of depthwise)
        assert.equal(leavesOf(t), 3);
    // Depth-wise splits the left child of the root whenever it has a split (level order): here in
    // 7 of the 8 trees. Leaf-wise takes the child with the larger gain, the right one in 3 of them.
    const leftSplit = (trees) => trees.filter((t) => t.feature[t.left[0]] >= 0).length;
    assert.equal(leftSplit(depthwise), 7);
    assert.equal(leftSplit(leafwise), 5);
});
test('leaf-wise growth with max_leaves and no depth limit: up to max_leaves leaves, and deeper', async () => {
    const trees = (await new GbdtModel({ ...BASE, grow_policy: 'lossguide', max_depth: 0, max_leaves: 6 }, 1).fit(data)).state().trees;
    const counts = trees.map(leavesOf);
    assert.ok(counts.every((c) => c <= 6), `${counts}`);
    assert.equal(Math.max(...counts), 6);
});
test('a tree that cannot split is one leaf: -G / (H + lambda) at the prior is 0', async () => {
    const model = await new GbdtModel({ ...BASE, gamma: 1e9 }, 1).fit(data);
    for (const t of model.state().trees) {
        assert.deepEqual([...t.feature], [-1]);
        assert.ok(Math.abs(t.value[0]) < 1e-12, `leaf value ${t.value[0]}`);
    }
    // column sampling by tree: trees without x0 read the node totals from their own first column
    const sampled = await new GbdtModel({ ...BASE, colsample_bytree: 0.5 }, 4).fit(data);
    const margins = sampled.predictMargin(data.X);
    assert.ok(margins.every(Number.isFinite));
    assert.ok(sameBits(sampled.fittedMargins().train, margins));
    assert.ok(sampled.state().trees.some((t) => !t.feature.includes(0)), 'some tree is grown without x0');
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
    assert.equal(trees[0].feature[0], 0);
    for (const t of trees)
        for (let k = 0; k < t.feature.length; k++)
            if (t.feature[k] >= 0)
                assert.ok(Number.isFinite(t.threshold[k]), `threshold ${t.threshold[k]}`);
    // a value far above every training value goes with the values, not with the missing ones
    const probe = { n: 2, names: ['x0'], columns: [Float64Array.of(1e300, NaN)] };
    const m = model.predictMargin(probe);
    assert.ok(m[0] < m[1], `${[...m]}`);
});
test('with min_child_weight 0 a two-row node splits: four alternating rows get four leaves', async () => {
    // gradients at the prior 0.5: 0.5, -0.5, 0.5, -0.5 (hessians 0.25); the root splits off row 1,
    // then row 2, and the last node holds rows 3 and 4, which split again (gain 0.2 + 0.2 - 0).
    const X = { n: 4, names: ['x0'], columns: [Float64Array.of(1, 2, 3, 4)] };
    const { model, events } = await recorded({ n_estimators: 1, learning_rate: 1, max_depth: 3, min_child_weight: 0, reg_lambda: 1, gamma: 0 }, { X, y: Float64Array.of(0, 1, 0, 1) });
    assert.equal(leavesOf(model.state().trees[0]), 4);
    // only nodes that can split are searched: the root, rows 2-4, rows 3-4 (not the one-row
    // children, nor rows 3 and 4 at depth 3)
    assert.deepEqual(events.flatMap((e) => (e.kind === 'splits' ? [e.count] : [])), [1, 1, 1]);
});
/** Two halves of 8 rows (x0 = 0 and 1) with the same x1 = 1..8, labels 1 1 1 1 1 0 0 0 in the first. */
function twinHalves() {
    const x1 = [1, 2, 3, 4, 5, 6, 7, 8];
    const labels = [1, 1, 1, 1, 1, 0, 0, 0];
    const X = {
        n: 16,
        names: ['x0', 'x1'],
        columns: [Float64Array.from([...x1.map(() => 0), ...x1.map(() => 1)]), Float64Array.from([...x1, ...x1])],
    };
    return { X, labels };
}
test('leaf-wise growth: of two leaves with the same gain, the older is split first', async () => {
    // Two halves (x0 = 0 and 1) with the same x1 and opposite labels: at the prior 0.5 their
    // gradients are exact negatives, so both children's best splits (on x1) gain exactly the same.
    const { X, labels } = twinHalves();
    const y = Float64Array.from([...labels, ...labels.map((v) => 1 - v)]);
    const params = { ...BASE, n_estimators: 1, max_depth: 0, min_child_weight: 0, grow_policy: 'lossguide' };
    const both = (await new GbdtModel({ ...params, max_leaves: 4 }, 1).fit({ X, y })).state().trees[0];
    assert.equal(both.feature[0], 0, 'the root splits the halves');
    assert.equal(both.gain[both.left[0]], both.gain[both.right[0]], 'equal gains');
    const t = (await new GbdtModel({ ...params, max_leaves: 3 }, 1).fit({ X, y })).state().trees[0];
    assert.equal(t.feature[t.left[0]], 1, 'the older (left) child is split');
    assert.equal(t.feature[t.right[0]], -1, 'the right child stays a leaf');
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
    const seen = new Set();
    for (let seed = 1; seed <= 20; seed++) {
        const k = sampleFeatures(features, 3, new Rng(seed));
        assert.equal(k.length, 3);
        assert.deepEqual([...k], [...k].sort((a, b) => a - b));
        assert.equal(new Set(k).size, 3);
        for (const f of k) {
            assert.ok(features.includes(f));
            seen.add(f);
        }
    }
    assert.equal(seen.size, 6, 'every feature is drawn sometimes');
});
test('a smaller child that can split beside a larger one that cannot: only it gets a histogram, built from its rows', async () => {
    // x0 = 1..12; rows 1-4 weigh 2 (labels 1, 0, 0, 0), rows 5-12 weigh 0.5 (label 1). Weighted
    // prior 6 / 12 = 0.5 (margin 0): g = w (0.5 - y) = -1, 1, 1, 1, then -0.25 x 8; h = w / 4 = 0.5
    // x 4, then 0.125 x 8 (G = 0, H = 3). With lambda 1 and min_child_weight 1 the root's
    // candidates are x <= 2 (gain 0), x <= 3 (1/2.5 + 1/2.5 = 0.8) and x <= 4 (GL = 2, HL = 2,
    // GR = -2, HR = 1: 4/3 + 4/2 = 10/3); x <= 1 and x >= 5 leave a side below 1. The left child
    // (4 rows, H = 2 = 2 min_child_weight: it may split) splits at x <= 2 (0 + 4/2 - 4/3 = 2/3); the
    // right one (8 rows, H = 1) cannot. Leaves -G / (H + 1): 0, -2/2 = -1, and 2/2 = 1. (XGBoost 1.7.4
    // hist grows the same tree: gains 3.3333335 and 0.6666666, leaves -0, -1 and 1.)
    const X = { n: 12, names: ['x0'], columns: [Float64Array.from({ length: 12 }, (_, i) => i + 1)] };
    const y = Float64Array.from({ length: 12 }, (_, i) => (i === 0 || i >= 4 ? 1 : 0));
    const weight = Float64Array.from({ length: 12 }, (_, i) => (i < 4 ? 2 : 0.5));
    const params = { n_estimators: 1, learning_rate: 1, max_depth: 3, min_child_weight: 1, reg_lambda: 1, gamma: 0 };
    const { model, events } = await recorded(params, { X, y, weight });
    const t = model.state().trees[0];
    const [l, r] = [t.left[0], t.right[0]];
    assert.deepEqual([t.feature[0], t.feature[l], t.feature[r]], [0, 0, -1]);
    assert.ok(Math.abs(t.gain[0] - 10 / 3) < 1e-12 && Math.abs(t.gain[l] - 2 / 3) < 1e-12, `gains ${t.gain}`);
    assert.deepEqual([t.value[t.left[l]], t.value[t.right[l]], t.value[r]], [0, -1, 1]);
    assert.deepEqual([...model.predictMargin(X)], [0, 0, -1, -1, 1, 1, 1, 1, 1, 1, 1, 1]);
    // The root's histogram, then the left child's built from its own rows (nothing to subtract:
    // the right child gets none); the left child's children cannot split and get none either.
    const histograms = events.flatMap((e) => e.kind === 'histograms' ? [e.jobs.map((j) => [j.begin, j.end, j.subtractFrom !== undefined])] : []);
    assert.deepEqual(histograms, [[[0, 12, false]], [[0, 4, false]]]);
    assert.deepEqual(events.flatMap((e) => (e.kind === 'splits' ? [e.count] : [])), [1, 1], 'split searches: the root, the left child');
});
/** Each histogram built after a split is the smaller child of a range just partitioned (the left one of two equal). */
function checkSmallerChildren(events) {
    let checked = 0;
    let parts = [];
    for (const e of events) {
        if (e.kind === 'partitions')
            parts = e.jobs.map((j, k) => ({ ...j, mid: e.mids[k] }));
        if (e.kind === 'add')
            parts = [];
        if (e.kind !== 'histograms' || parts.length === 0)
            continue;
        for (const job of e.jobs) {
            const parent = parts.find((p) => p.begin <= job.begin && job.end <= p.end);
            assert.ok(parent, `a histogram of rows ${job.begin}..${job.end} that no split made`);
            const smaller = parent.mid - parent.begin <= parent.end - parent.mid ? 'left' : 'right';
            const expected = smaller === 'left' ? [parent.begin, parent.mid] : [parent.mid, parent.end];
            assert.deepEqual([job.begin, job.end], expected, `rows ${parent.begin}..${parent.mid}..${parent.end}`);
            checked++;
        }
    }
    return checked;
}
test('after a split only the smaller child is histogrammed (the left one of two equal), at every depth', async () => {
    for (const grow_policy of ['depthwise', 'lossguide']) {
        const { events } = await recorded({ n_estimators: 3, max_depth: 4, grow_policy }, data);
        assert.ok(checkSmallerChildren(events) > 20, grow_policy);
        // both kinds of split happen, and splits of ranges that do not start at row 0
        const parts = events.flatMap((e) => e.kind === 'partitions' ? e.jobs.map((j, k) => ({ ...j, mid: e.mids[k] })) : []);
        assert.ok(parts.some((p) => p.mid - p.begin < p.end - p.mid && p.begin > 0));
        assert.ok(parts.some((p) => p.mid - p.begin > p.end - p.mid && p.begin > 0));
    }
    // two halves of 8 rows that both split again: the left half is built
    const { X, labels } = twinHalves();
    const halves = await recorded({ n_estimators: 1, max_depth: 2, min_child_weight: 0 }, { X, y: Float64Array.from([...labels, ...labels.map((v) => 1 - v)]) });
    assert.equal(checkSmallerChildren(halves.events), 1);
    const built = halves.events.flatMap((e) => (e.kind === 'histograms' ? e.jobs : []));
    assert.deepEqual(built.map((j) => [j.begin, j.end, j.subtractFrom !== undefined]), [
        [0, 16, false],
        [0, 8, true], // the right half's histogram is the root's minus it
    ]);
});
test('every row gets the value of its leaf once: grown rows from the leaves, the rows left out routed', async () => {
    // Deep trees with small leaves, so that some leaf is reached by none of the rows left out:
    // it gets no (empty) range of them.
    let unreached = 0;
    for (const subsample of [1, 0.5]) {
        const { model, events } = await recorded({ n_estimators: 4, subsample, max_depth: 6, min_child_weight: 0.1 }, data);
        const trees = model.state().trees;
        const adds = events.flatMap((e) => (e.kind === 'add' ? [e.jobs] : []));
        assert.equal(adds.length, trees.length);
        adds.forEach((jobs, k) => {
            const leafValues = new Set(trees[k].value.filter((_, node) => trees[k].feature[node] < 0));
            const sorted = [...jobs].sort((a, b) => a.begin - b.begin);
            let at = 0;
            for (const job of sorted) {
                assert.ok(Number.isInteger(job.begin) && job.begin === at && job.end > job.begin, `tree ${k}: ${job.begin}..${job.end} after ${at}`);
                assert.ok(leafValues.has(job.value), `tree ${k}: ${job.value} is a leaf value`);
                at = job.end;
            }
            assert.equal(at, data.X.n, `tree ${k}: every row`);
            if (subsample < 1)
                unreached += 2 * leavesOf(trees[k]) - jobs.length;
        });
    }
    assert.ok(unreached > 0);
});
test('the histogram workspace grows with the tree, not the rows: a 55,000 x 20 table fits in it', async () => {
    // Slots for depth 2: 2^(2-1) + 2 = 4 of 20 x 4 KiB. One slot per row would need
    // 55,002 x 20 x 4,096 bytes = 4.5 GB, past the 4 GiB WebAssembly addresses.
    const n = 55_000;
    const columns = Array.from({ length: 20 }, (_, j) => Float64Array.from({ length: n }, (_, i) => (i * (j + 1)) % 16));
    const y = Float64Array.from({ length: n }, (_, i) => (i % 16 < 4 ? 1 : 0));
    const names = columns.map((_, j) => `x${j}`);
    const model = await new GbdtModel({ ...BASE, n_estimators: 1, max_depth: 2 }, 1).fit({ X: { n, names, columns }, y });
    // x0 = i mod 16 holds the label: the root splits it at 3 | 4
    assert.equal(model.state().trees[0].feature[0], 0);
});
//# sourceMappingURL=grower.test.js.map