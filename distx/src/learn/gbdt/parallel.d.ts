import { type Kernels } from './wasm/kernels.js';
import { type NodeStats, type Split, type SplitParams } from './split.js';
import { type Workspace } from './workspace.js';
/** Control word indices (Workspace.control). */
export declare const CTL: {
    readonly SEQ: 0;
    readonly KIND: 1;
    readonly JOBS: 2;
    readonly LIST: 3;
    readonly ROWS: 4;
    readonly ERROR: 5;
    readonly NEXT: 6;
    readonly ITEMS: 7;
    readonly FIN: 8;
    readonly CHUNKS: 9;
};
export declare const KIND: {
    readonly HIST_RANGE: 1;
    readonly HIST_LIST: 2;
    readonly GRADIENTS: 3;
    readonly PARTITION: 4;
    readonly ADD: 5;
    readonly SPLITS: 6;
    readonly EXIT: 7;
};
/**
 * Below about this much work (row x feature updates, or rows) a batch runs on the calling
 * thread alone: waking a worker costs about as much as it would take over.
 */
export declare const PARALLEL_MIN_WORK = 100000;
/** Waits until ctl[index] is no longer `value`; spins briefly, then sleeps. */
export declare function waitWhile(ctl: Int32Array, index: number, value: number, timeoutMs?: number): void;
/** Thread t of `threads` handles items [shareStart(t), shareStart(t + 1)) of `count`. */
export declare function shareStart(t: number, threads: number, count: number): number;
/**
 * The kernels of one thread: `all` builds histograms of every feature in one pass, chunks[c]
 * of feature chunk c (the unrolled kernel is compiled per range); the other kernels are the
 * same in every instance.
 */
export interface ThreadKernels {
    all: Kernels;
    chunks: readonly Kernels[];
}
/**
 * Claims and runs items of the current batch until none is left (main thread and workers).
 * A claim is a compare-and-swap on the item counter; the batch is read after it, so a thread
 * that arrives late from an earlier batch either finds nothing left or joins the current one.
 */
export declare function claimItems(ws: Workspace, kernels: ThreadKernels, splitParams: SplitParams): void;
/**
 * Histogram kernels for feature chunks: as many chunks as threads (so that one node's histogram
 * can be shared), at most 4 (every chunk re-reads the node's rows).
 */
export declare function threadKernels(ws: Workspace, threads: number): ThreadKernels;
/** Binning of the training matrix, done while the workers start (see Executor.create). */
export interface BinningTask {
    columns: readonly Float64Array[];
    maxBin: number;
    /** Rows to find bounds from (binning.ts binSample); null = all. */
    sample: Uint32Array | null;
}
/** One worker's share of a BinningTask: its columns only. */
export interface WorkerBinning extends BinningTask {
    from: number;
    to: number;
}
export interface SplitJob {
    slot: number;
    stats: NodeStats;
    /** Features the node may split on, ascending. */
    features: Uint32Array;
}
export interface RowRange {
    begin: number;
    end: number;
}
export declare class Executor {
    readonly ws: Workspace;
    readonly threads: number;
    private readonly splitParams;
    private readonly kernels;
    private readonly workers;
    private seq;
    private constructor();
    /**
     * An executor with `threads - 1` workers started and ready. Binning the training matrix is
     * the workers' first job: each thread finds the bin bounds of its share of the features and
     * writes their codes into ws.codes, so that this step too runs in parallel.
     */
    static create(ws: Workspace, threads: number, binning: BinningTask, splitParams: SplitParams): Promise<{
        executor: Executor;
        bounds: Float64Array[];
    }>;
    /**
     * Runs a batch of `units` jobs (or row chunks) set up in the control words, job list and claim
     * order, with the workers when the work is worth waking them for. `chunked` batches (the
     * histograms) have one item per job and feature chunk.
     */
    private run;
    private setJob;
    /** Writes the claim order, largest job first (ties to the lower index); returns the total work. */
    private order;
    /** The best split of each node from its histogram (split.ts), nodes shared among the threads. */
    findSplits(jobs: readonly SplitJob[]): Array<Split | null>;
    /**
     * Fills the histogram slot of every job from the rows idx[begin..end), and when the job names
     * a `subtractFrom` slot (its parent's), subtracts the new histogram from that one: the
     * sibling's histogram, computed by the same threads in the same batch. `features` (a list
     * of feature indices) restricts the work to sampled columns; null means all.
     */
    histograms(jobs: ReadonlyArray<RowRange & {
        slot: number;
        subtractFrom?: number;
    }>, features: Uint32Array | null): void;
    /** Log-loss gradients of rows [0, rows) from ws.margin, ws.y and ws.weight into ws.gh. */
    gradients(rows: number): void;
    /**
     * Partitions several disjoint row ranges at once: rows of `feature` with bin <= splitBin (and
     * missing ones when defaultLeft) first. Returns where each range's right part starts.
     */
    partitions(jobs: ReadonlyArray<RowRange & {
        feature: number;
        splitBin: number;
        defaultLeft: boolean;
    }>): Int32Array;
    /** [L1 R1 L2 R2 ...] (chunks partitioned alone) -> [L1 L2 ... R1 R2 ...]; returns where the R part starts. */
    private mergeChunks;
    /** margin[r] += value for the rows r of each range of idx. */
    addToMargins(jobs: ReadonlyArray<RowRange & {
        value: number;
    }>): void;
    dispose(): Promise<void>;
}
