import type { Matrix } from '../model.js';
import type { Rng } from '../../util/index.js';
export declare const MISSING_BIN = 0;
/** Value bins per feature at most: bin codes are bytes and bin 0 is missing. */
export declare const MAX_VALUE_BINS = 255;
/** Rows used to find bin bounds at most (LightGBM's bin_construct_sample_cnt). */
export declare const BIN_SAMPLE_ROWS = 200000;
/** Raises an input error for +-Infinity: models take finite numbers, NaN meaning missing. */
export declare function checkFinite(X: Matrix, table?: string): void;
/**
 * Sorts finite numbers ascending, in place (-0 before +0). The engine's typed-array sort is
 * native code, fast from its first call; an LSD radix sort in JavaScript was faster once
 * optimized, but binning sorts each feature once per process, before the JIT has warmed up,
 * where the radix sort cost 2.5x the CPU of this one (10 columns of 150,000 values, a fresh
 * process each time).
 */
export declare function sortFinite(values: Float64Array): void;
/**
 * Bin upper bounds for one feature from its (sampled) values: one bin per distinct value when
 * there are few, otherwise bins of roughly equal counts where a heavy value (say, a mass of
 * zeros) gets a bin of its own rather than swallowing its neighbours. Works on the sorted
 * values' runs of equal values directly (no list of distinct values).
 */
export declare function findBinBounds(values: Float64Array, maxBin: number): Float64Array;
/** The bin code of one raw value (NaN -> 0). */
export declare function binOf(upper: Float64Array, v: number): number;
/**
 * The rows bin bounds are found from: null (all rows) up to BIN_SAMPLE_ROWS, otherwise a
 * sorted uniform sample of that many (selection sampling), reproducible from the seed.
 */
export declare function binSample(n: number, rng: Rng): Uint32Array | null;
/** Bin bounds of one column, from the sampled rows (all when `sample` is null). */
export declare function columnBinBounds(col: Float64Array, maxBin: number, sample: Uint32Array | null): Float64Array;
/** The bin codes of one column with the given bounds, into `out` (one code per row). */
export declare function binColumn(col: Float64Array, upper: Float64Array, out: Uint8Array): void;
/**
 * Bounds of features [from, to) of `columns` (returned), and their codes written column-major
 * into `codes` (feature j at j * n): one thread's share of binning a training matrix.
 */
export declare function binFeatures(columns: readonly Float64Array[], from: number, to: number, maxBin: number, sample: Uint32Array | null, codes: Uint8Array, n: number): Float64Array[];
/** Column-major bin codes, codes[j * n + i] for feature j, row i. */
export declare function binColumnMajor(X: Matrix, bounds: readonly Float64Array[]): Uint8Array;
/** The same codes transposed to row-major (rows x features), the histogram kernel's layout. */
export declare function transposeBins(colMajor: Uint8Array, n: number, features: number, out: Uint8Array): void;
