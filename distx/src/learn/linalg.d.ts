/**
 * Dense symmetric positive-definite algebra for small q x q systems (q = model inputs + 1),
 * stored row-major in a Float64Array. Enough for Newton steps and covariance matrices.
 */
/** Result of a Cholesky attempt: the factor, or the first column whose pivot collapsed. */
export type CholeskyResult = {
    ok: true;
    L: Float64Array;
} | {
    ok: false;
    column: number;
    ratio: number;
};
/**
 * Cholesky factor A = L L' (lower, row-major). A pivot whose remaining variance is below
 * `relTol` times the column's own diagonal means the column is (numerically) a linear
 * combination of the columns before it; the attempt stops there and names the column.
 */
export declare function cholesky(A: Float64Array, q: number, relTol?: number): CholeskyResult;
/** Solves L L' x = b for x. */
export declare function choleskySolve(L: Float64Array, q: number, b: ArrayLike<number>): Float64Array;
/** (L L')^-1, row-major. */
export declare function choleskyInverse(L: Float64Array, q: number): Float64Array;
/** The leading k x k block of a row-major q x q matrix. */
export declare function leadingBlock(A: Float64Array, q: number, k: number): Float64Array;
/** Rows and columns `keep` of a row-major q x q matrix. */
export declare function subMatrix(A: Float64Array, q: number, keep: readonly number[]): Float64Array;
