/**
 * Exact path-dependent TreeSHAP (Lundberg, Erion & Lee, "Consistent individualized feature
 * attribution for tree ensembles", Algorithm 2), the algorithm behind XGBoost's pred_contribs:
 * polynomial time (O(leaves x depth^2) per tree and row), with node covers (hessian sums)
 * standing in for the data distribution. For every row, bias + sum of contributions equals the
 * model's margin: the efficiency property, up to floating-point rounding.
 */
import type { Tree } from './tree.js';
/** One tree's expected output under its covers: what its contributions are measured from. */
export declare function expectedValue(tree: Tree): number;
/**
 * The unique-path state of the recursion, stored level by level in flat arrays: level d holds
 * d + 1 elements starting at offset d(d+1)/2, so a child copies its parent's path without
 * allocating.
 */
export declare class TreeShapExplainer {
    private readonly feat;
    private readonly zero;
    private readonly one;
    private readonly pw;
    private tree;
    private columns;
    private row;
    private phi;
    /** 1/k for path lengths k: the recursion's divisions by small integers become multiplications. */
    private readonly inv;
    constructor(maxDepth: number);
    /** Adds the tree's contributions for `row` of `columns` into phi[feature]. */
    explainRow(tree: Tree, columns: readonly Float64Array[], row: number, phi: Float64Array): void;
    private recurse;
    private extend;
    private unwind;
    /** The path weight the leaf gets with element k's feature left out of the path. */
    private unwoundSum;
}
