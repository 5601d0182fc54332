/**
 * Binary log loss on margins (log-odds): the starting margin and the loss used for early
 * stopping. Gradients and hessians are computed by the `gradients` kernel (wasm/kernels.ts).
 */
/** The prior log-odds of the weighted labels: the margin every row starts from. */
export function priorLogOdds(y, weight) {
    let pos = 0;
    let total = 0;
    for (let i = 0; i < y.length; i++) {
        const w = weight ? weight[i] : 1;
        pos += w * y[i];
        total += w;
    }
    const p = Math.min(1 - 1e-6, Math.max(1e-6, total > 0 ? pos / total : 0.5));
    return Math.log(p / (1 - p));
}
/** Mean (weighted) log loss of margins against labels. */
export function meanLogLoss(margin, y, weight) {
    let sum = 0;
    let total = 0;
    for (let i = 0; i < margin.length; i++) {
        const z = margin[i];
        // log(1 + e^z) - y z, stable for large |z|
        // Stryker disable next-line EqualityOperator: equivalent, at z = 0 both branches give log(2)
        const softplus = z > 0 ? z + Math.log1p(Math.exp(-z)) : Math.log1p(Math.exp(z));
        const w = weight ? weight[i] : 1;
        sum += w * (softplus - y[i] * z);
        total += w;
    }
    return total > 0 ? sum / total : 0;
}
//# sourceMappingURL=objective.js.map