/**
 * The tree learner: grows one tree on the current gradients, depth-wise (XGBoost's default:
 * every node of a level is split before the next level) or leaf-wise (LightGBM's: always the
 * leaf with the largest gain next, up to max_leaves).
 *
 * Histograms are built only for the smaller child of each split; the larger child's is the
 * parent's minus the smaller's (histogram subtraction), computed in the parent's slot. In
 * depth-wise growth all of a level's builds go to the histogram builder as one batch.
 */
import type { Rng } from '../../util/rng.js';
import type { HistogramBuilder, HistogramJob } from './histogram.js';
import { RowPartition } from './partition.js';
import { childBounds, findBestSplit, leafWeight, type NodeStats, type Split, type SplitParams } from './split.js';
import { Tree, TreeBuilder } from './tree.js';
import { HIST_DOUBLES_PER_FEATURE, type Workspace } from './workspace.js';

export interface GrowParams extends SplitParams {
  growPolicy: 'depthwise' | 'lossguide';
  /** 0 = no limit (lossguide only). */
  maxDepth: number;
  /** 0 = no limit. */
  maxLeaves: number;
  learningRate: number;
  colsampleByNode: number;
}

/** The data a tree is grown on, fixed for a whole training run. */
export interface GrowData {
  ws: Workspace;
  histograms: HistogramBuilder;
  /** Column-major bin codes, codes[f * n + row]. */
  codes: Uint8Array;
  n: number;
  binCounts: Int32Array;
  /** Raw upper bound of every value bin, per feature (for thresholds on raw values). */
  bounds: readonly Float64Array[];
  partition: RowPartition;
}

export interface GrownTree {
  tree: Tree;
  /** Per leaf: node id, first and end position of its rows in ws.idx. */
  leaves: Int32Array;
}

interface Leaf {
  node: number;
  begin: number;
  end: number;
  depth: number;
  slot: number;
  stats: NodeStats;
  split: Split | null;
}

/** Histogram slots one tree may need at once, for the workspace size. */
export function slotsNeeded(p: Pick<GrowParams, 'maxDepth' | 'maxLeaves'>, rows: number): number {
  // Leaves that can still split sit at depth < maxDepth: at most 2^(maxDepth-1) of them at once.
  const byDepth = p.maxDepth > 0 ? 2 ** (p.maxDepth - 1) : Infinity;
  const byLeaves = p.maxLeaves > 0 ? p.maxLeaves : Infinity;
  // +2: while a split is applied, a new slot for the smaller child and a temporary one.
  return Math.max(1, Math.min(byDepth, byLeaves, rows)) + 2;
}

export class TreeGrower {
  private readonly free: number[] = [];
  private readonly builder = new TreeBuilder();
  private readonly leafList: number[] = [];
  private leafCount = 1;
  private nodeFeatures: Uint32Array;

  constructor(
    private readonly data: GrowData,
    private readonly p: GrowParams,
    /** Features this tree may split on (column subsampling by tree), ascending. */
    private readonly features: Uint32Array,
    private readonly rng: Rng,
  ) {
    for (let s = data.ws.layout.slots - 1; s >= 0; s--) this.free.push(s);
    this.nodeFeatures = features;
  }

  /** Grows a tree on the rows ws.idx[0..rows). */
  grow(rows: number): GrownTree {
    const { ws, histograms } = this.data;
    const allFeatures = this.features.length === ws.layout.features;
    const slot = this.alloc();
    histograms.build([{ begin: 0, end: rows, slot }], allFeatures ? null : this.features);
    // Node totals from one feature's histogram (every feature's bins sum to the same rows).
    const base = ws.slotOffset(slot) + this.features[0]! * HIST_DOUBLES_PER_FEATURE;
    let G = 0;
    let H = 0;
    for (let b = 0; b <= this.data.binCounts[this.features[0]!]!; b++) {
      G += ws.hist[base + 2 * b]!;
      H += ws.hist[base + 2 * b + 1]!;
    }
    const stats: NodeStats = { G, H, lower: -Infinity, upper: Infinity };
    const root: Leaf = { node: this.builder.addLeaf(this.p.learningRate * leafWeight(G, H, this.p.lambda), H), begin: 0, end: rows, depth: 0, slot, stats, split: null };
    root.split = this.canSplit(root) ? this.bestSplit(root) : null;
    if (this.p.growPolicy === 'depthwise') this.growDepthwise(root);
    else this.growLossguide(root);
    return { tree: this.builder.build(), leaves: this.collectLeaves() };
  }

  private growDepthwise(root: Leaf): void {
    let level: Leaf[] = [root];
    while (level.length > 0) {
      const next: Leaf[] = [];
      const jobs: HistogramJob[] = [];
      const subtract: Array<[number, number]> = [];
      const temps: number[] = [];
      for (const leaf of level) {
        if (!leaf.split || (this.p.maxLeaves > 0 && this.leafCount >= this.p.maxLeaves)) {
          this.finish(leaf);
          continue;
        }
        const [l, r] = this.applySplit(leaf);
        this.planHistograms(leaf, l, r, jobs, subtract, temps);
        next.push(l, r);
      }
      this.buildPlanned(jobs, subtract, temps);
      for (const child of next) child.split = child.slot >= 0 ? this.bestSplit(child) : null;
      level = next.filter((c) => {
        if (c.split) return true;
        this.finish(c);
        return false;
      });
    }
  }

  private growLossguide(root: Leaf): void {
    const heap: Leaf[] = [];
    const push = (leaf: Leaf) => {
      if (leaf.split) heap.push(leaf);
      else this.finish(leaf);
    };
    push(root);
    while (heap.length > 0 && (this.p.maxLeaves === 0 || this.leafCount < this.p.maxLeaves)) {
      // Largest gain first; ties to the older node, so the order never depends on anything else.
      let bi = 0;
      for (let i = 1; i < heap.length; i++) {
        const a = heap[i]!.split!.gain, b = heap[bi]!.split!.gain;
        if (a > b || (a === b && heap[i]!.node < heap[bi]!.node)) bi = i;
      }
      const leaf = heap.splice(bi, 1)[0]!;
      const jobs: HistogramJob[] = [];
      const subtract: Array<[number, number]> = [];
      const temps: number[] = [];
      const [l, r] = this.applySplit(leaf);
      this.planHistograms(leaf, l, r, jobs, subtract, temps);
      this.buildPlanned(jobs, subtract, temps);
      for (const child of [l, r]) {
        child.split = child.slot >= 0 ? this.bestSplit(child) : null;
        push(child);
      }
    }
    for (const leaf of heap) this.finish(leaf);
  }

  private canSplit(leaf: Leaf): boolean {
    return (this.p.maxDepth === 0 || leaf.depth < this.p.maxDepth) && leaf.end - leaf.begin >= 2 && leaf.stats.H >= 2 * this.p.minChildWeight;
  }

  private bestSplit(leaf: Leaf): Split | null {
    let features = this.features;
    if (this.p.colsampleByNode < 1) {
      const k = Math.max(1, Math.round(this.p.colsampleByNode * features.length));
      features = sampleFeatures(features, k, this.rng);
    }
    const { ws, binCounts } = this.data;
    return findBestSplit(ws.hist, ws.slotOffset(leaf.slot), leaf.stats, features, binCounts, this.p);
  }

  /** Splits a leaf: reorders its rows and adds two child leaves to the tree. */
  private applySplit(leaf: Leaf): [Leaf, Leaf] {
    const s = leaf.split!;
    const { codes, n, bounds, partition } = this.data;
    const mid = partition.split(leaf.begin, leaf.end, codes.subarray(s.feature * n, (s.feature + 1) * n), s.bin, s.defaultLeft);
    const constraint = this.p.monotone ? this.p.monotone[s.feature]! : 0;
    const cb = childBounds(leaf.stats, s, constraint);
    const eta = this.p.learningRate;
    const ln = this.builder.addLeaf(eta * s.wLeft, s.HL);
    const rn = this.builder.addLeaf(eta * s.wRight, s.HR);
    const upper = bounds[s.feature]!;
    // Bin s is the last value bin only for a "missing vs the rest" split: every value goes left.
    const threshold = s.bin < upper.length ? upper[s.bin - 1]! : Number.MAX_VALUE;
    this.builder.split(leaf.node, s.feature, s.bin, threshold, s.defaultLeft, s.gain, ln, rn);
    this.leafCount++;
    const child = (node: number, begin: number, end: number, G: number, H: number, b: [number, number]): Leaf => {
      const c: Leaf = { node, begin, end, depth: leaf.depth + 1, slot: -1, stats: { G, H, lower: b[0], upper: b[1] }, split: null };
      return c;
    };
    return [child(ln, leaf.begin, mid, s.GL, s.HL, cb.left), child(rn, mid, leaf.end, s.GR, s.HR, cb.right)];
  }

  /**
   * Decides how the children get their histograms: the smaller (by rows) is built, the larger is
   * the parent's minus it, in the parent's slot. Children that cannot split get none.
   */
  private planHistograms(parent: Leaf, l: Leaf, r: Leaf, jobs: HistogramJob[], subtract: Array<[number, number]>, temps: number[]): void {
    const needL = this.canSplit(l);
    const needR = this.canSplit(r);
    const [small, large] = l.end - l.begin <= r.end - r.begin ? [l, r] : [r, l];
    const needSmall = small === l ? needL : needR;
    const needLarge = small === l ? needR : needL;
    if (!needSmall && !needLarge) {
      this.release(parent.slot);
    } else if (needSmall && !needLarge) {
      small.slot = parent.slot; // built from scratch into the parent's slot
      jobs.push({ begin: small.begin, end: small.end, slot: small.slot });
    } else {
      const s = this.alloc();
      jobs.push({ begin: small.begin, end: small.end, slot: s });
      subtract.push([parent.slot, s]);
      large.slot = parent.slot;
      if (needSmall) small.slot = s;
      else temps.push(s);
    }
    parent.slot = -1;
  }

  private buildPlanned(jobs: HistogramJob[], subtract: Array<[number, number]>, temps: number[]): void {
    const { ws, histograms, binCounts } = this.data;
    const all = this.features.length === ws.layout.features;
    histograms.build(jobs, all ? null : this.features);
    const hist = ws.hist;
    for (const [dst, src] of subtract) {
      const d0 = ws.slotOffset(dst);
      const s0 = ws.slotOffset(src);
      for (let k = 0; k < this.features.length; k++) {
        const f = this.features[k]!;
        const off = f * HIST_DOUBLES_PER_FEATURE;
        const len = 2 * (binCounts[f]! + 1);
        for (let i = 0; i < len; i++) hist[d0 + off + i] = hist[d0 + off + i]! - hist[s0 + off + i]!;
      }
    }
    for (const t of temps) this.release(t);
  }

  private finish(leaf: Leaf): void {
    if (leaf.slot >= 0) this.release(leaf.slot);
    leaf.slot = -1;
    this.leafList.push(leaf.node, leaf.begin, leaf.end);
  }

  private collectLeaves(): Int32Array {
    return Int32Array.from(this.leafList);
  }

  private alloc(): number {
    const s = this.free.pop();
    if (s === undefined) throw new Error('gbdt: histogram slots exhausted (bug: slotsNeeded is too small)');
    return s;
  }

  private release(slot: number): void {
    if (slot >= 0) this.free.push(slot);
  }
}

/** k of the given features, drawn without replacement, kept in ascending order. */
export function sampleFeatures(features: Uint32Array, k: number, rng: Rng): Uint32Array {
  if (k >= features.length) return features;
  const pool = Array.from(features);
  rng.shuffle(pool);
  return Uint32Array.from(pool.slice(0, k)).sort();
}
