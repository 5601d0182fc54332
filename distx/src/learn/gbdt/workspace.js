/**
 * The memory one training run works in: a single shared WebAssembly.Memory holding everything
 * the kernels read and write, so that worker threads see the same bytes without copies.
 */
import { createSharedMemory } from '../wasm/assembler.js';
import { HIST_BYTES_PER_FEATURE } from './wasm/kernels.js';
const PAGE = 65536;
/** Control words shared with the workers (Int32 indices, see parallel.ts). */
export const CONTROL_WORDS = 64;
/** Int32 fields per job in the job list. */
export const JOB_FIELDS = 8;
/** Per split-finding job: inputs G, H, lower, upper; outputs (see parallel.ts SPLIT_OUT). */
export const SPLIT_IN = 4;
export const SPLIT_OUT = 10;
/** Doubles per feature in a histogram slot (256 bins x (g, h)). */
export const HIST_DOUBLES_PER_FEATURE = HIST_BYTES_PER_FEATURE / 8;
export function planWorkspace(rows, features, slots, jobCapacity) {
    let at = 0;
    const take = (bytes) => {
        const start = at;
        at = Math.ceil((at + bytes) / 64) * 64;
        return start;
    };
    const control = take(CONTROL_WORDS * 4);
    const jobs = take(jobCapacity * JOB_FIELDS * 4);
    const jobValues = take(jobCapacity * 8);
    const tables = take(jobCapacity * 256);
    const order = take(jobCapacity * 4);
    const splitIn = take(jobCapacity * SPLIT_IN * 8);
    const splitOut = take(jobCapacity * SPLIT_OUT * 8);
    const nodeFeatures = take(jobCapacity * features * 4);
    const binCounts = take(features * 4);
    const featureList = take(features * 4);
    const bins = take(rows * features);
    const codes = take(rows * features);
    // One row of padding: the gradients kernel works on pairs of rows.
    const gh = take((rows + 1) * 16);
    const margin = take((rows + 1) * 8);
    const y = take((rows + 1) * 8);
    const weight = take((rows + 1) * 8);
    const idx = take(rows * 4);
    const scratch = take(rows * 4);
    const histSlotBytes = features * HIST_BYTES_PER_FEATURE;
    const hist = take(slots * histSlotBytes);
    // wasm32 addresses are 32-bit and the kernels do unsigned i32 arithmetic on them.
    if (at > 2 ** 32 - PAGE) {
        throw new RangeError(`gbdt workspace needs ${(at / 2 ** 30).toFixed(1)} GiB, more than the 4 GiB WebAssembly can address: too many rows x inputs, or too deep trees`);
    }
    const pages = Math.max(1, Math.ceil(at / PAGE));
    return {
        rows,
        features,
        slots,
        jobCapacity,
        control,
        jobs,
        jobValues,
        tables,
        order,
        splitIn,
        splitOut,
        nodeFeatures,
        binCounts,
        featureList,
        bins,
        codes,
        gh,
        margin,
        y,
        weight,
        idx,
        scratch,
        hist,
        histSlotBytes,
        pages,
    };
}
/** Typed views over the shared memory; the main thread and every worker build one. */
export class Workspace {
    layout;
    memory;
    control;
    jobs;
    jobValues;
    tables;
    order;
    splitIn;
    splitOut;
    nodeFeatures;
    /** Value bins per feature (binning.ts), once binning is done. */
    binCounts;
    featureList;
    /** Row-major bin codes (rows x features): the histogram kernel's layout. */
    binsRowMajor;
    /** Column-major bin codes, codes[f * rows + r]: partitioning and binned prediction. */
    codes;
    /** gh[2r] = gradient, gh[2r + 1] = hessian of row r. */
    gh;
    margin;
    y;
    weight;
    /** The rows of every node, each node a contiguous range (see partition.ts). */
    idx;
    /** All histogram slots as one array of doubles. */
    hist;
    constructor(layout, memory) {
        this.layout = layout;
        this.memory = memory;
        const buf = memory.buffer;
        const L = layout;
        this.control = new Int32Array(buf, L.control, CONTROL_WORDS);
        this.jobs = new Int32Array(buf, L.jobs, L.jobCapacity * JOB_FIELDS);
        this.jobValues = new Float64Array(buf, L.jobValues, L.jobCapacity);
        this.tables = new Uint8Array(buf, L.tables, L.jobCapacity * 256);
        this.order = new Int32Array(buf, L.order, L.jobCapacity);
        this.splitIn = new Float64Array(buf, L.splitIn, L.jobCapacity * SPLIT_IN);
        this.splitOut = new Float64Array(buf, L.splitOut, L.jobCapacity * SPLIT_OUT);
        this.nodeFeatures = new Uint32Array(buf, L.nodeFeatures, L.jobCapacity * L.features);
        this.binCounts = new Int32Array(buf, L.binCounts, L.features);
        this.featureList = new Uint32Array(buf, L.featureList, L.features);
        this.binsRowMajor = new Uint8Array(buf, L.bins, L.rows * L.features);
        this.codes = new Uint8Array(buf, L.codes, L.rows * L.features);
        this.gh = new Float64Array(buf, L.gh, L.rows * 2);
        this.margin = new Float64Array(buf, L.margin, L.rows);
        this.y = new Float64Array(buf, L.y, L.rows);
        this.weight = new Float64Array(buf, L.weight, L.rows);
        this.idx = new Uint32Array(buf, L.idx, L.rows);
        this.hist = new Float64Array(buf, L.hist, (L.slots * L.histSlotBytes) / 8);
    }
    static allocate(layout) {
        return new Workspace(layout, createSharedMemory(layout.pages));
    }
    /** Byte address of a histogram slot, for the kernels. */
    slotAddress(slot) {
        return this.layout.hist + slot * this.layout.histSlotBytes;
    }
    /** Index in `hist` (doubles) where a slot starts. */
    slotOffset(slot) {
        return (slot * this.layout.histSlotBytes) / 8;
    }
}
//# sourceMappingURL=workspace.js.map