export type Loss = 'logistic' | 'squared';
export interface NonNegativeFit {
    intercept: number;
    /** One per column, all >= 0. */
    coef: Float64Array;
    iterations: number;
    objective: number;
}
export interface NonNegativeOptions {
    weight?: ArrayLike<number>;
    /**
     * L2 penalty lambda / 2 * sum(coef^2) (not on the intercept): a weak prior that keeps the fit
     * finite when a signal separates churners perfectly, which small slices make common. 0 = none.
     */
    ridge?: number;
    /** Warm start (bootstrap refits start from the full fit). */
    init?: {
        intercept: number;
        coef: ArrayLike<number>;
    };
    maxIterations?: number;
}
/**
 * Minimises 0.5 d'Hd + g'd subject to d_j >= lower_j (lower_j <= 0, -Infinity = free) by an
 * active-set method (Lawson-Hanson's, for a quadratic): exact in a finite number of steps, and
 * indifferent to the ill-conditioning that stalls coordinate descent. H is q x q row-major,
 * positive definite.
 */
export declare function boxQuadratic(H: Float64Array, g: Float64Array, lower: Float64Array, q: number): Float64Array;
/** Fits target ~ intercept + sum_j coef_j * Z[j] with coef >= 0. */
export declare function fitNonNegative(Z: readonly Float64Array[], target: ArrayLike<number>, loss: Loss, options?: NonNegativeOptions): NonNegativeFit;
