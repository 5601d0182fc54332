/**
 * The inner loops of boosting as WebAssembly kernels over the shared workspace memory.
 *
 * Why WebAssembly: on the 2-core EPYC this project runs on, the best plain-JavaScript histogram
 * loop took 3.7-5 ns per (row, feature) update in a micro-benchmark; this kernel takes about
 * 1.1 ns (one f64x2 SIMD load-add-store per update, unrolled over the features with constant
 * offsets). The JavaScript partition (a branch per row that the CPU mispredicts on a good split)
 * and gradients (Math.exp is a call out of the JIT) cost, by CPU profile, several times these
 * kernels: a table look-up with unconditional stores, and fdlibm's exp inline in SIMD lanes.
 *
 * Memory layout the kernels rely on (byte addresses, see workspace.ts):
 * - bins: row-major u8, bins[r * stride + f], bin 0 = missing;
 * - codes: column-major u8, the same codes one feature after another (partitioning);
 * - gh: per row a (gradient, hessian) pair of f64, 16-byte aligned;
 * - idx / scratch: u32 row indices;
 * - hist: per feature 256 slots of (sum g, sum h) f64 pairs, feature f at f * 4096.
 */
import { type WasmMemory } from '../../wasm/assembler.js';
export declare const HIST_BYTES_PER_FEATURE: number;
export interface Kernels {
    /** Histograms of rows idx[begin..end) for the feature range the module was built for. */
    histRange(idx: number, begin: number, end: number, bins: number, gh: number, hist: number): void;
    /** The same for `count` features listed (u32) at `features`. */
    histList(idx: number, begin: number, end: number, bins: number, gh: number, hist: number, features: number, count: number): void;
    /**
     * Stable partition of idx[begin..end): rows whose code (u8 at codes + row) maps to 1 in the
     * 256-byte `table` first, the others after, using scratch[0..]; returns where the others start.
     */
    partition(idx: number, begin: number, end: number, codes: number, table: number, scratch: number): number;
    /** Log-loss (g, h) pairs of rows [begin, end) from margin, label y and weight. */
    gradients(margin: number, y: number, weight: number, gh: number, begin: number, end: number): void;
    /** margin[idx[pos]] += value for pos in [begin, end). */
    addToRows(idx: number, begin: number, end: number, margin: number, value: number): void;
    /** dst -= src, element-wise over `bytes` (a multiple of 16) of f64 pairs. */
    subtract(dst: number, src: number, bytes: number): void;
}
/** The module bytes for a thread whose histogram share is features [from, to) of `stride`. */
export declare function kernelModuleBytes(from: number, to: number, stride: number): Uint8Array;
export declare function instantiateKernels(bytes: Uint8Array, memory: WasmMemory): Kernels;
