/**
 * Binary log loss on margins (log-odds): the starting margin and the loss used for early
 * stopping. Gradients and hessians are computed by the `gradients` kernel (wasm/kernels.ts).
 */
/** The prior log-odds of the weighted labels: the margin every row starts from. */
export declare function priorLogOdds(y: Float64Array, weight: Float64Array | null): number;
/** Mean (weighted) log loss of margins against labels. */
export declare function meanLogLoss(margin: Float64Array, y: Float64Array, weight: Float64Array | null): number;
