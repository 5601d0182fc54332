/**
 * The tree learner: grows one tree on the current gradients, depth-wise (XGBoost's default:
 * every node of a level is split before the next level) or leaf-wise (LightGBM's: always the
 * leaf with the largest gain next, up to max_leaves).
 *
 * Rows are partitioned as index ranges (LightGBM's DataPartition): the rows of every leaf are a
 * contiguous range of ws.idx, and a split reorders its range in place, left rows first, stably,
 * so rows stay ascending within every node (the histogram kernel reads memory front to back and
 * sums come out in a fixed order). Histograms are built only for the smaller child of each
 * split; the larger child's is the parent's minus the smaller's, computed in the parent's slot.
 * In depth-wise growth a whole level's partitions and builds go to the executor as one batch.
 */
import type { Rng } from '../../util/index.js';
import type { Executor, RowRange } from './parallel.js';
import { type SplitParams } from './split.js';
import { type Tree } from './tree.js';
import { type Workspace } from './workspace.js';
export interface GrowParams extends SplitParams {
    growPolicy: 'depthwise' | 'lossguide';
    /** 0 = no limit (lossguide only). */
    maxDepth: number;
    /** 0 = no limit. */
    maxLeaves: number;
    learningRate: number;
    colsampleByNode: number;
}
/** The data trees are grown on, fixed for a whole training run. */
export interface GrowData {
    ws: Workspace;
    executor: Executor;
    /** Raw upper bound of every value bin, per feature (for thresholds on raw values). */
    bounds: readonly Float64Array[];
}
/** A leaf's rows: ws.idx[begin..end). */
export interface LeafRows extends RowRange {
    node: number;
}
/** Histogram slots one tree may need at once, for the workspace size. */
export declare function slotsNeeded(p: Pick<GrowParams, 'maxDepth' | 'maxLeaves'>, rows: number): number;
/** Leaves one tree may have at most (jobs in a batch). */
export declare function leavesAtMost(p: Pick<GrowParams, 'maxDepth' | 'maxLeaves'>, rows: number): number;
export declare class TreeGrower {
    private readonly data;
    private readonly p;
    /** Features this tree may split on (column subsampling by tree), ascending. */
    private readonly features;
    private readonly rng;
    private readonly free;
    private readonly builder;
    private readonly leaves;
    private leafCount;
    constructor(data: GrowData, p: GrowParams, 
    /** Features this tree may split on (column subsampling by tree), ascending. */
    features: Uint32Array, rng: Rng);
    private get allFeatures();
    /** Grows a tree on the rows ws.idx[0..rows); returns it with the rows of each of its leaves. */
    grow(rows: number): {
        tree: Tree;
        leaves: LeafRows[];
    };
    private growDepthwise;
    private growLossguide;
    /** Splits the given leaves: partitions their rows, adds children, builds the children's histograms and finds their splits. */
    private splitAll;
    private canSplit;
    /** Finds the best split of each leaf (which has its histogram), all in one batch. */
    private findSplits;
    /** Turns a leaf whose rows were partitioned at `mid` into a split with two child leaves. */
    private addChildren;
    /**
     * Decides how the children get their histograms: the smaller (by rows) is built, the larger is
     * the parent's minus it, in the parent's slot. Children that cannot split get none.
     */
    private planHistograms;
    private buildPlanned;
    private finish;
    private alloc;
    private release;
}
/**
 * Sends the rows ws.idx[begin..end) (rows a tree was not grown on) down the grown tree with
 * the same partition kernel, one level per batch; returns the rows of each leaf they reach.
 */
export declare function routeRows(executor: Executor, tree: Tree, begin: number, end: number): LeafRows[];
/** k of the given features, drawn without replacement, kept in ascending order. */
export declare function sampleFeatures(features: Uint32Array, k: number, rng: Rng): Uint32Array;
