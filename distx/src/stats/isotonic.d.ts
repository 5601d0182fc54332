/**
 * Isotonic regression as scikit-learn's IsotonicRegression computes it (ties merged at float64
 * resolution, pool adjacent violators, the step function trimmed to its changes, linear
 * interpolation between knots): model calibration and scorecard points both use it.
 */
export interface Isotonic {
    x: number[];
    y: number[];
}
export declare function fitIsotonic(xs: ArrayLike<number>, ys: ArrayLike<number>, weight?: ArrayLike<number>): Isotonic;
/** Weighted least-squares non-decreasing fit (pool adjacent violators), O(n). */
export declare function poolAdjacentViolators(values: readonly number[], weights: readonly number[]): number[];
export declare function predictIsotonic(iso: Isotonic, x: number): number;
