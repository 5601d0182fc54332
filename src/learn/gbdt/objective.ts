/**
 * Binary log loss on margins (log-odds): gradients, hessians, the starting margin and the loss
 * used for early stopping. Weights multiply both gradient and hessian, as in XGBoost.
 */

/** XGBoost's floor on the hessian, so that nodes of confident rows keep a usable weight. */
const MIN_HESSIAN = 1e-16;

/** Writes (g, h) pairs for every row into gh (interleaved, 2 doubles per row). */
export function logLossGradients(margin: Float64Array, y: Float64Array, weight: Float64Array | null, gh: Float64Array): void {
  const n = margin.length;
  // 1 / (1 + e^-z) is safe for every double z: e^-z may overflow to Infinity, giving p = 0.
  if (weight) {
    for (let i = 0; i < n; i++) {
      const p = 1 / (1 + Math.exp(-margin[i]!));
      const h = p * (1 - p);
      const w = weight[i]!;
      gh[2 * i] = (p - y[i]!) * w;
      gh[2 * i + 1] = (h < MIN_HESSIAN ? MIN_HESSIAN : h) * w;
    }
  } else {
    for (let i = 0; i < n; i++) {
      const p = 1 / (1 + Math.exp(-margin[i]!));
      const h = p * (1 - p);
      gh[2 * i] = p - y[i]!;
      gh[2 * i + 1] = h < MIN_HESSIAN ? MIN_HESSIAN : h;
    }
  }
}

/** The prior log-odds of the weighted labels: the margin every row starts from. */
export function priorLogOdds(y: Float64Array, weight: Float64Array | null): number {
  let pos = 0;
  let total = 0;
  for (let i = 0; i < y.length; i++) {
    const w = weight ? weight[i]! : 1;
    pos += w * y[i]!;
    total += w;
  }
  const p = Math.min(1 - 1e-6, Math.max(1e-6, total > 0 ? pos / total : 0.5));
  return Math.log(p / (1 - p));
}

/** Mean (weighted) log loss of margins against labels. */
export function meanLogLoss(margin: Float64Array, y: Float64Array, weight: Float64Array | null): number {
  let sum = 0;
  let total = 0;
  for (let i = 0; i < margin.length; i++) {
    const z = margin[i]!;
    // log(1 + e^z) - y z, stable for large |z|
    const softplus = z > 0 ? z + Math.log1p(Math.exp(-z)) : Math.log1p(Math.exp(z));
    const w = weight ? weight[i]! : 1;
    sum += w * (softplus - y[i]! * z);
    total += w;
  }
  return total > 0 ? sum / total : 0;
}
