/**
 * Share of an input's variance left after projection on the inputs kept before it below which
 * it is aliased: 1e-10 (a relative norm of 1e-5; R's lm.fit uses 1e-7 on a Householder QR, which
 * resolves smaller residuals than the cross-products matrix used here). Exact duplicates leave
 * ~1e-15; real inputs, however correlated, leave far more than 1e-10.
 */
export declare const ALIAS_TOLERANCE = 1e-10;
export interface AliasedInput {
    name: string;
    /** Kept inputs it is a combination of (with the intercept), in input order. */
    duplicates: string[];
    /** The combination on the inputs' original scale, e.g. "tenure_days = 365 - days_to_renewal". */
    equals: string;
}
/**
 * Splits the non-constant inputs `candidates` (indices into `columns`) into those to fit and
 * those aliased. `center` and `scale` are the inputs' training means and standard deviations.
 * One pass builds the correlation matrix; a Cholesky factorization in the preferred order is
 * the R factor of the centred design's QR, pivoting aliased inputs out as it meets them.
 */
export declare function findAliased(columns: readonly Float64Array[], names: readonly string[], candidates: readonly number[], center: readonly number[], scale: readonly number[]): {
    keep: number[];
    aliased: AliasedInput[];
};
