/**
 * The two linear-algebra halves of a Newton pass as a WebAssembly SIMD module assembled at run
 * time for the model's width: margins X·theta, and the accumulation of the gradient X'r and the
 * Hessian X'diag(h)X. The exp/log1p in between stay in JavaScript (WebAssembly has no exp).
 *
 * Why: X'WX is p(p+1)/2 multiply-adds per row, the bulk of a fit. The best plain-JavaScript loop
 * runs about 3 ns per multiply-add here (bounds checks, scalar loads and stores); this kernel
 * does two per f64x2 instruction with constant offsets, unrolled over the columns. The module is
 * a few hundred bytes assembled here (src/learn/wasm/assembler.ts, shared with gbdt), so there is no
 * build step and nothing to download.
 *
 * Layout in its own memory (bytes, 16-aligned): H (qp x qp), g (qp), theta (qp), then per row
 * u_i = [1, z_i, 0 padding] (qp wide), then margins, residuals r and weights h (n each). qp is
 * q = p + 1 rounded up to even so each row is whole f64x2 pairs.
 */
/** A design matrix in kernel memory and the two passes over it. */
export interface DesignKernel {
    /** Rows [1, z_i, 0 padding], qp wide: the caller writes 1 at `U[i * qp]` and z_ij at `U[i * qp + 1 + j]`. */
    readonly U: Float64Array;
    readonly qp: number;
    margins(theta: ArrayLike<number>): Float64Array;
    /** r and h (length n) are views to fill before `accumulate`. */
    readonly r: Float64Array;
    readonly h: Float64Array;
    /** g (length q) and H (q x q, symmetric) for the r and h just written. */
    accumulate(): {
        g: Float64Array;
        H: Float64Array;
    };
}
/**
 * A kernel for n rows of p inputs, the rows left for the caller to write into `U` (one
 * sequential pass is cheapest); null when WebAssembly SIMD is unavailable or the data would not fit
 * in one WebAssembly memory (the caller then uses plain JavaScript).
 */
export declare function designKernel(n: number, p: number): DesignKernel | null;
