/**
 * The standard normal distribution, accurate to near machine precision in the tails, for
 * p-values (a z of 12 must give 3.6e-33, not 0) and interval quantiles.
 */
/** Complementary error function, relative error ~1e-15 for all x >= 0 (and erfc(-x) = 2 - erfc(x)). */
export declare function erfc(x: number): number;
/** P(Z > z) for a standard normal Z. */
export declare function normalSf(z: number): number;
/** P(Z <= z). */
export declare function normalCdf(z: number): number;
/** Two-sided p-value of a z statistic. */
export declare function twoSidedP(z: number): number;
/**
 * The z with P(Z <= z) = p: Acklam's rational approximation refined by two Halley steps on
 * the accurate CDF above (full double precision).
 */
export declare function normalQuantile(p: number): number;
