export interface SplitParams {
    lambda: number;
    minChildWeight: number;
    minSplitGain: number;
    /** Per feature: +1, -1 or 0; null when no feature is constrained. */
    monotone: Int8Array | null;
}
export interface NodeStats {
    G: number;
    H: number;
    lower: number;
    upper: number;
}
export interface Split {
    feature: number;
    /** Rows with bin 1..bin go left. */
    bin: number;
    defaultLeft: boolean;
    gain: number;
    GL: number;
    HL: number;
    GR: number;
    HR: number;
    /** Unscaled child outputs (before the learning rate), clamped to the node's bounds. */
    wLeft: number;
    wRight: number;
}
/** The output of a node with gradient sum G and hessian sum H, clamped to its bounds. */
export declare function leafWeight(G: number, H: number, lambda: number, lower?: number, upper?: number): number;
/** The bounds of the two children of a split node (XGBoost's TreeEvaluator::AddSplit). */
export declare function childBounds(parent: NodeStats, split: Split, constraint: number): {
    left: [number, number];
    right: [number, number];
};
/**
 * The best split of a node over `features`, or null when none clears min_split_gain. Ties go
 * to the lower feature index, then the lower bin, then missing-right: the result does not
 * depend on anything but the histograms.
 */
export declare function findBestSplit(hist: Float64Array, slotOffset: number, node: NodeStats, features: Uint32Array, binCounts: Int32Array, p: SplitParams): Split | null;
