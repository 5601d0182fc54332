/**
 * A regression tree as flat arrays (node 0 is the root). A node with feature -1 is a leaf;
 * otherwise a row goes left when its value is <= threshold, right when above, and the
 * `defaultLeft` way when it is missing (NaN). `value` is the leaf output (learning rate
 * applied); on internal nodes it is the output the node would have had as a leaf. `cover` is
 * the hessian sum of the training rows that reached the node (what TreeSHAP weighs paths by)
 * and `gain` the loss reduction of the split.
 */
import type { TreeJSON } from './state.js';
export type { TreeJSON };
export declare class Tree {
    readonly feature: Int32Array;
    readonly threshold: Float64Array;
    readonly defaultLeft: Uint8Array;
    readonly left: Int32Array;
    readonly right: Int32Array;
    readonly value: Float64Array;
    readonly cover: Float64Array;
    readonly gain: Float64Array;
    /** Bin thresholds (split "bin <= splitBin"), known only for trees grown in this process. */
    readonly splitBin: Uint8Array | null;
    constructor(feature: Int32Array, threshold: Float64Array, defaultLeft: Uint8Array, left: Int32Array, right: Int32Array, value: Float64Array, cover: Float64Array, gain: Float64Array, 
    /** Bin thresholds (split "bin <= splitBin"), known only for trees grown in this process. */
    splitBin?: Uint8Array | null);
    get size(): number;
    /** Depth of the deepest leaf (a lone root has depth 0). */
    depth(): number;
    /** The leaf reached by the row at rowValues[offset..offset + features). */
    leafOfRow(rowValues: Float64Array, offset: number): number;
    /** The leaf a row of binned values (column-major codes, n rows) reaches. */
    leafOfBinned(codes: Uint8Array, n: number, row: number): number;
    /** Adds this tree's output for every row of binned values (column-major codes) to `out`. */
    addBinned(codes: Uint8Array, n: number, out: Float64Array): void;
    toJSON(): TreeJSON;
    static fromJSON(t: TreeJSON, splitBin?: Uint8Array | null): Tree;
}
/** Node arrays that grow while a tree is built, frozen into a Tree at the end. */
export declare class TreeBuilder {
    feature: number[];
    splitBin: number[];
    threshold: number[];
    defaultLeft: number[];
    left: number[];
    right: number[];
    value: number[];
    cover: number[];
    gain: number[];
    /** Adds a leaf and returns its id. */
    addLeaf(value: number, cover: number): number;
    /** Turns leaf `node` into a split with the given children. */
    split(node: number, feature: number, splitBin: number, threshold: number, defaultLeft: boolean, gain: number, left: number, right: number): void;
    build(): Tree;
}
