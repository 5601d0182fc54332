/**
 * The memory one training run works in: a single shared WebAssembly.Memory holding everything
 * the kernels read and write, so that worker threads see the same bytes without copies.
 */
import { type WasmMemory } from '../wasm/assembler.js';
/** Control words shared with the workers (Int32 indices, see parallel.ts). */
export declare const CONTROL_WORDS = 64;
/** Int32 fields per job in the job list. */
export declare const JOB_FIELDS = 8;
/** Per split-finding job: inputs G, H, lower, upper; outputs (see parallel.ts SPLIT_OUT). */
export declare const SPLIT_IN = 4;
export declare const SPLIT_OUT = 10;
/** Doubles per feature in a histogram slot (256 bins x (g, h)). */
export declare const HIST_DOUBLES_PER_FEATURE: number;
export interface WorkspaceLayout {
    rows: number;
    features: number;
    /** Histogram slots: the most nodes whose histograms are alive at once. */
    slots: number;
    /** Jobs one batch can carry at most (nodes of a level, leaves of a tree). */
    jobCapacity: number;
    /** Byte offsets. */
    control: number;
    jobs: number;
    jobValues: number;
    tables: number;
    /** Job indices in the order threads claim them (largest first). */
    order: number;
    splitIn: number;
    splitOut: number;
    /** Per split-finding job, the features it may split on (colsample_bynode). */
    nodeFeatures: number;
    binCounts: number;
    featureList: number;
    bins: number;
    codes: number;
    gh: number;
    margin: number;
    y: number;
    weight: number;
    idx: number;
    scratch: number;
    hist: number;
    histSlotBytes: number;
    pages: number;
}
export declare function planWorkspace(rows: number, features: number, slots: number, jobCapacity: number): WorkspaceLayout;
/** Typed views over the shared memory; the main thread and every worker build one. */
export declare class Workspace {
    readonly layout: WorkspaceLayout;
    readonly memory: WasmMemory;
    readonly control: Int32Array;
    readonly jobs: Int32Array;
    readonly jobValues: Float64Array;
    readonly tables: Uint8Array;
    readonly order: Int32Array;
    readonly splitIn: Float64Array;
    readonly splitOut: Float64Array;
    readonly nodeFeatures: Uint32Array;
    /** Value bins per feature (binning.ts), once binning is done. */
    readonly binCounts: Int32Array;
    readonly featureList: Uint32Array;
    /** Row-major bin codes (rows x features): the histogram kernel's layout. */
    readonly binsRowMajor: Uint8Array;
    /** Column-major bin codes, codes[f * rows + r]: partitioning and binned prediction. */
    readonly codes: Uint8Array;
    /** gh[2r] = gradient, gh[2r + 1] = hessian of row r. */
    readonly gh: Float64Array;
    readonly margin: Float64Array;
    readonly y: Float64Array;
    readonly weight: Float64Array;
    /** The rows of every node, each node a contiguous range (see partition.ts). */
    readonly idx: Uint32Array;
    /** All histogram slots as one array of doubles. */
    readonly hist: Float64Array;
    constructor(layout: WorkspaceLayout, memory: WasmMemory);
    static allocate(layout: WorkspaceLayout): Workspace;
    /** Byte address of a histogram slot, for the kernels. */
    slotAddress(slot: number): number;
    /** Index in `hist` (doubles) where a slot starts. */
    slotOffset(slot: number): number;
}
