import type { Tree } from './tree.js';
/** base + the sum of the trees' outputs for every row of column-major raw values. */
export declare function predictForest(trees: readonly Tree[], base: number, columns: readonly Float64Array[], n: number): Float64Array;
