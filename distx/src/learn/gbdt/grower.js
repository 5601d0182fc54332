import { childBounds, leafWeight } from './split.js';
import { TreeBuilder } from './tree.js';
import { HIST_DOUBLES_PER_FEATURE } from './workspace.js';
/** Histogram slots one tree may need at once, for the workspace size. */
export function slotsNeeded(p, rows) {
    // Leaves that can still split sit at depth < maxDepth: at most 2^(maxDepth-1) of them at once.
    // (A bound: more slots, or Infinity where there is a bound, only make the workspace larger.)
    // Stryker disable next-line ArithmeticOperator: equivalent, 2^(maxDepth+1) only makes the workspace larger
    const byDepth = p.maxDepth > 0 ? 2 ** (p.maxDepth - 1) : Infinity;
    // Stryker disable next-line ConditionalExpression: equivalent for false, Infinity only makes the workspace larger
    const byLeaves = p.maxLeaves > 0 ? p.maxLeaves : Infinity;
    // +2: while a split is applied, a new slot for the smaller child and a temporary one.
    return Math.max(1, Math.min(byDepth, byLeaves, rows)) + 2;
}
/** Leaves one tree may have at most (jobs in a batch). */
export function leavesAtMost(p, rows) {
    // Stryker disable next-line ConditionalExpression: equivalent for false, Infinity only makes the batch capacity larger
    const byDepth = p.maxDepth > 0 ? 2 ** p.maxDepth : Infinity;
    // Stryker disable next-line ConditionalExpression: equivalent for false, Infinity only makes the batch capacity larger
    const byLeaves = p.maxLeaves > 0 ? p.maxLeaves : Infinity;
    return Math.max(1, Math.min(byDepth, byLeaves, rows));
}
export class TreeGrower {
    data;
    p;
    features;
    rng;
    // Stryker disable next-line ArrayDeclaration: equivalent, an extra entry at the bottom of the stack is popped only once slotsNeeded's slots are all in use, which it prevents
    free = [];
    builder = new TreeBuilder();
    leaves = [];
    leafCount = 1;
    constructor(data, p, 
    /** Features this tree may split on (column subsampling by tree), ascending. */
    features, rng) {
        this.data = data;
        this.p = p;
        this.features = features;
        this.rng = rng;
        // Stryker disable next-line ArithmeticOperator,EqualityOperator: equivalent, an extra index at the bottom of the stack is popped only once slotsNeeded's slots are all in use, which it prevents; and s > 0 leaves out one slot, never missed: slotsNeeded has a slot for every histogram a tree allocates (the root's, and one per split whose larger child can split: at most min(2^(maxDepth-1), maxLeaves, rows)) and two more
        for (let s = data.ws.layout.slots - 1; s >= 0; s--)
            this.free.push(s);
    }
    // A shortcut only: histograms of every feature hold those of the tree's features.
    // Stryker disable next-line BlockStatement: equivalent, undefined builds the tree's features only, which are all that is read
    get allFeatures() {
        // Stryker disable next-line ConditionalExpression,EqualityOperator: equivalent, building more features than the tree's (or the tree's only) changes none that is read
        return this.features.length === this.data.ws.layout.features;
    }
    /** Grows a tree on the rows ws.idx[0..rows); returns it with the rows of each of its leaves. */
    grow(rows) {
        const { ws, executor } = this.data;
        const binCounts = ws.binCounts;
        const slot = this.alloc();
        executor.histograms([{ begin: 0, end: rows, slot }], this.allFeatures ? null : this.features);
        // Node totals from one feature's histogram (every feature's bins hold the same rows).
        const f0 = this.features[0];
        const base = ws.slotOffset(slot) + f0 * HIST_DOUBLES_PER_FEATURE;
        let G = 0;
        let H = 0;
        for (let b = 0; b <= binCounts[f0]; b++) {
            G += ws.hist[base + 2 * b];
            H += ws.hist[base + 2 * b + 1];
        }
        const stats = { G, H, lower: -Infinity, upper: Infinity };
        const root = {
            node: this.builder.addLeaf(this.p.learningRate * leafWeight(G, H, this.p.lambda), H),
            begin: 0,
            end: rows,
            depth: 0,
            slot,
            stats,
            split: null,
        };
        // Stryker disable next-line ConditionalExpression: equivalent for true, a root canSplit refuses (one row, or H < 2 min_child_weight) gets no split from findBestSplit either
        if (this.canSplit(root))
            this.findSplits([root]);
        if (this.p.growPolicy === 'depthwise')
            this.growDepthwise(root);
        else
            this.growLossguide(root);
        return { tree: this.builder.build(), leaves: this.leaves };
    }
    growDepthwise(root) {
        let level = [root];
        while (level.length > 0) {
            const splitting = [];
            for (const leaf of level) {
                if (leaf.split && (this.p.maxLeaves === 0 || this.leafCount + splitting.length < this.p.maxLeaves))
                    splitting.push(leaf);
                else
                    this.finish(leaf);
            }
            const children = this.splitAll(splitting);
            // Leaves are finished here or, unfiltered, at the next level's loop: the same leaves, in
            // another order, and every row is in one leaf.
            // Stryker disable next-line MethodExpression: equivalent, see above
            level = children.filter((c) => {
                // Stryker disable next-line ConditionalExpression: equivalent for true, see above
                if (c.split)
                    return true;
                this.finish(c);
                return false;
            });
        }
    }
    growLossguide(root) {
        const heap = [];
        const push = (leaf) => {
            if (leaf.split)
                heap.push(leaf);
            else
                this.finish(leaf);
        };
        push(root);
        while (heap.length > 0 && (this.p.maxLeaves === 0 || this.leafCount < this.p.maxLeaves)) {
            // Largest gain first; ties to the older node, so the order depends on nothing else. The
            // heap is in the order the leaves were made (pushed as made, removed in place), so the
            // first of equal gains is the older.
            let bi = 0;
            for (let i = 1; i < heap.length; i++)
                if (heap[i].split.gain > heap[bi].split.gain)
                    bi = i;
            const leaf = heap.splice(bi, 1)[0];
            for (const child of this.splitAll([leaf]))
                push(child);
        }
        for (const leaf of heap)
            this.finish(leaf);
    }
    /** Splits the given leaves: partitions their rows, adds children, builds the children's histograms and finds their splits. */
    splitAll(parents) {
        // Stryker disable next-line ConditionalExpression: equivalent for false, no parents give no partitions, jobs or children
        if (parents.length === 0)
            return [];
        const mids = this.data.executor.partitions(parents.map((leaf) => ({
            begin: leaf.begin,
            end: leaf.end,
            feature: leaf.split.feature,
            splitBin: leaf.split.bin,
            defaultLeft: leaf.split.defaultLeft,
        })));
        const plan = {
            jobs: [],
            // Stryker disable next-line ArrayDeclaration: equivalent, release() ignores an entry that is not a slot number ("x" >= 0 is false)
            temps: [],
        };
        const children = [];
        parents.forEach((leaf, k) => {
            const [l, r] = this.addChildren(leaf, mids[k]);
            this.planHistograms(leaf, l, r, plan);
            children.push(l, r);
        });
        this.buildPlanned(plan);
        this.findSplits(children.filter((c) => c.slot >= 0));
        return children;
    }
    canSplit(leaf) {
        return ((this.p.maxDepth === 0 || leaf.depth < this.p.maxDepth) &&
            // Stryker disable next-line ConditionalExpression,ArithmeticOperator: equivalent for true and end + begin, a one-row leaf gets no split from findBestSplit (one side would be empty)
            leaf.end - leaf.begin >= 2 &&
            // Stryker disable next-line ConditionalExpression: equivalent for true, findBestSplit refuses a node with H < 2 min_child_weight
            leaf.stats.H >= 2 * this.p.minChildWeight);
    }
    /** Finds the best split of each leaf (which has its histogram), all in one batch. */
    findSplits(leaves) {
        const jobs = leaves.map((leaf) => {
            let features = this.features;
            // Stryker disable next-line ConditionalExpression,EqualityOperator: equivalent for true and <= 1, sampleFeatures returns all the features as they are (and draws nothing) when asked for all of them
            if (this.p.colsampleByNode < 1)
                features = sampleFeatures(features, Math.max(1, Math.round(this.p.colsampleByNode * features.length)), this.rng);
            return { slot: leaf.slot, stats: leaf.stats, features };
        });
        const splits = this.data.executor.findSplits(jobs);
        leaves.forEach((leaf, k) => (leaf.split = splits[k]));
    }
    /** Turns a leaf whose rows were partitioned at `mid` into a split with two child leaves. */
    addChildren(leaf, mid) {
        const s = leaf.split;
        const constraint = this.p.monotone ? this.p.monotone[s.feature] : 0;
        const cb = childBounds(leaf.stats, s, constraint);
        const eta = this.p.learningRate;
        const ln = this.builder.addLeaf(eta * s.wLeft, s.HL);
        const rn = this.builder.addLeaf(eta * s.wRight, s.HR);
        const upper = this.data.bounds[s.feature];
        // Bin s is the last value bin only for a "missing vs the rest" split: every value goes left.
        const threshold = s.bin < upper.length ? upper[s.bin - 1] : Number.MAX_VALUE;
        this.builder.split(leaf.node, s.feature, s.bin, threshold, s.defaultLeft, s.gain, ln, rn);
        this.leafCount++;
        const child = (node, begin, end, G, H, b) => ({
            node,
            begin,
            end,
            depth: leaf.depth + 1,
            slot: -1,
            stats: { G, H, lower: b[0], upper: b[1] },
            split: null,
        });
        return [child(ln, leaf.begin, mid, s.GL, s.HL, cb.left), child(rn, mid, leaf.end, s.GR, s.HR, cb.right)];
    }
    /**
     * Decides how the children get their histograms: the smaller (by rows) is built, the larger is
     * the parent's minus it, in the parent's slot. Children that cannot split get none.
     */
    planHistograms(parent, l, r, plan) {
        const needL = this.canSplit(l);
        const needR = this.canSplit(r);
        const leftSmaller = l.end - l.begin <= r.end - r.begin;
        const [small, large] = leftSmaller ? [l, r] : [r, l];
        const [needSmall, needLarge] = leftSmaller ? [needL, needR] : [needR, needL];
        // Stryker disable next-line BlockStatement: equivalent, a slot not given back is never missed: slotsNeeded has a slot for every histogram a tree allocates (the root's, and one per split whose larger child can split: at most min(2^(maxDepth-1), maxLeaves, rows)) and two more
        if (!needSmall && !needLarge) {
            this.release(parent.slot);
        }
        else if (!needLarge) {
            small.slot = parent.slot; // built from scratch, into the parent's slot
            plan.jobs.push({ begin: small.begin, end: small.end, slot: small.slot });
        }
        else {
            const s = this.alloc();
            plan.jobs.push({ begin: small.begin, end: small.end, slot: s, subtractFrom: parent.slot });
            large.slot = parent.slot;
            // Stryker disable next-line ConditionalExpression: equivalent for true, a child that cannot split beside one that can (same depth) has fewer than two rows or H < 2 min_child_weight, so findBestSplit gives it no split either; its slot is then given back when it is finished
            if (needSmall)
                small.slot = s;
            else
                plan.temps.push(s);
        }
        // Stryker disable next-line UnaryOperator: equivalent, a split node's slot is not read again
        parent.slot = -1;
    }
    buildPlanned(plan) {
        this.data.executor.histograms(plan.jobs, this.allFeatures ? null : this.features);
        for (const t of plan.temps)
            this.release(t);
    }
    finish(leaf) {
        this.release(leaf.slot);
        // Stryker disable next-line UnaryOperator: equivalent, a finished leaf's slot is not read again
        leaf.slot = -1;
        this.leaves.push({ node: leaf.node, begin: leaf.begin, end: leaf.end });
    }
    alloc() {
        const s = this.free.pop();
        // Stryker disable next-line ConditionalExpression,StringLiteral: equivalent for false and for the message, slotsNeeded keeps the stack from running out (this is the guard for a bug there)
        if (s === undefined)
            throw new Error('gbdt: histogram slots exhausted (slotsNeeded is too small)');
        return s;
    }
    // Giving slots back keeps the slots in use few and together; the count does not need it.
    // Stryker disable next-line BlockStatement: equivalent, a slot not given back is never missed: slotsNeeded has a slot for every histogram a tree allocates (the root's, and one per split whose larger child can split: at most min(2^(maxDepth-1), maxLeaves, rows)) and two more
    release(slot) {
        // Stryker disable next-line ConditionalExpression,EqualityOperator: equivalent for false and > 0, as above
        if (slot >= 0)
            this.free.push(slot);
    }
}
/**
 * Sends the rows ws.idx[begin..end) (rows a tree was not grown on) down the grown tree with
 * the same partition kernel, one level per batch; returns the rows of each leaf they reach.
 */
export function routeRows(executor, tree, begin, end) {
    const out = [];
    let level = [{ node: 0, begin, end }];
    const splitBin = tree.splitBin;
    while (level.length > 0) {
        const inner = level.filter((r) => tree.feature[r.node] >= 0 &&
            // Stryker disable next-line ConditionalExpression,EqualityOperator: equivalent for true and >=, an empty range partitions into two empty ones, which the loop below leaves out
            r.end > r.begin);
        for (const r of level)
            if (tree.feature[r.node] < 0 && r.end > r.begin)
                out.push(r);
        const mids = executor.partitions(inner.map((r) => ({
            begin: r.begin,
            end: r.end,
            feature: tree.feature[r.node],
            splitBin: splitBin[r.node],
            defaultLeft: tree.defaultLeft[r.node] === 1,
        })));
        level = inner.flatMap((r, k) => [
            { node: tree.left[r.node], begin: r.begin, end: mids[k] },
            { node: tree.right[r.node], begin: mids[k], end: r.end },
        ]);
    }
    return out;
}
/** k of the given features, drawn without replacement, kept in ascending order. */
export function sampleFeatures(features, k, rng) {
    if (k >= features.length)
        return features;
    const pool = Array.from(features);
    rng.shuffle(pool);
    return Uint32Array.from(pool.slice(0, k)).sort();
}
//# sourceMappingURL=grower.js.map