import { type Loss, type NonNegativeFit } from './nonneg.js';
/** Signals grouped by layer: groups[l] lists the signal indices (columns of Z) of layer l. */
export type LayerGroups = readonly (readonly number[])[];
export interface CardWeights {
    layer: number[];
    /** Within-layer weights, per layer. */
    signal: number[][];
    /** Effective weight of each signal in the composite (layer x within), unrounded. */
    effective: number[];
}
/** Rounds non-negative shares to `digits` decimals summing to 1 (largest remainder, ties by position). */
export declare function roundShares(shares: readonly number[], digits?: number): number[];
/** Splits effective weights into layer weights and within-layer weights (equal shares in a zero layer). */
export declare function splitWeights(effective: ArrayLike<number>, groups: LayerGroups): {
    layer: number[];
    signal: number[][];
};
export declare function cardWeights(fit: NonNegativeFit, groups: LayerGroups): CardWeights;
export interface WeightIntervals {
    layer: [number, number][];
    signal: [number, number][][];
    effective: [number, number][];
    resamples: number;
}
/**
 * Refits the weights on account-level bootstrap resamples (all snapshots of an account go in
 * or out together, since they are not independent), with the points held fixed.
 */
export declare function bootstrapWeights(Z: readonly Float64Array[], target: ArrayLike<number>, loss: Loss, accounts: readonly (string | null)[], groups: LayerGroups, full: NonNegativeFit, resamples: number, seed: number, ridge: number, onStep?: (done: number) => void): WeightIntervals | null;
