import { type DesignKernel } from './kernel.js';
export interface SolverInput {
    n: number;
    /** Number of (non-constant, standardized) inputs; theta has p + 1 entries, intercept first. */
    p: number;
    /** Standardized inputs, row-major: input j of row i is Z[i * stride + offset + j]. */
    Z: Float64Array;
    stride: number;
    offset: number;
    y: Float64Array;
    /** Row weights, or null for all ones. */
    w: Float64Array | null;
    l2: Float64Array;
    l1: Float64Array;
    maxIter: number;
    /** Target accuracy of the standardized coefficients (the last step is below 0.1 sqrt(tol)). */
    tol: number;
    /** Input names for error messages, length p. */
    names: readonly string[];
    /** Set when Z lives in a WebAssembly SIMD kernel's memory (see allocateDesign). */
    kernel: DesignKernel | null;
}
/** Where the standardized inputs go: kernel memory when it pays off, else a plain array. */
export interface Design {
    Z: Float64Array;
    stride: number;
    offset: number;
    kernel: DesignKernel | null;
}
/**
 * Writes (x_ij - center_j) * invScale_j and, in kernel rows, the leading 1. Blocks of rows small
 * enough to stay in cache are written a column at a time, so each column is read sequentially
 * and the design is written once.
 */
export declare function fillDesign(design: Design, n: number, columns: readonly Float64Array[], center: readonly number[], invScale: readonly number[]): void;
export declare function allocateDesign(n: number, p: number): Design;
export interface SolverResult {
    theta: Float64Array;
    iterations: number;
    /** Negative log-likelihood (weighted) at theta, without penalty. */
    nll: number;
    penalty: number;
    /** Hessian of the smooth part (negative log-likelihood + L2) at theta, row-major q x q. */
    hessian: Float64Array;
}
interface PassResult {
    nll: number;
    g: Float64Array;
    H: Float64Array;
    /** Rows fitted with probability numerically 0 or 1 on the side of their label. */
    saturated: number;
}
/** Loss, gradient and Hessian of the weighted negative log-likelihood at theta. */
export declare function likelihoodPass(inp: SolverInput, theta: Float64Array): PassResult;
/** One fused pass in plain JavaScript (small data, or no WebAssembly). */
export declare function scalarPass(inp: SolverInput, theta: Float64Array): PassResult;
export declare function solveLogistic(inp: SolverInput): SolverResult;
/**
 * The "meat" of the sandwich covariance, sum_i (w_i (p_i - y_i))^2 z_i z_i' with z_i = [1, Z_i]:
 * with non-frequency weights (class weights) the inverse Hessian alone understates uncertainty.
 */
export declare function scoreOuterProducts(inp: SolverInput, theta: Float64Array): Float64Array;
export {};
