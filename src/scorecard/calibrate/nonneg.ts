/**
 * Regression with non-negative coefficients and a free intercept, for scorecard weights:
 * logistic loss on churn labels, or squared loss on a model's margin (distillation). Projected
 * Newton: each step solves the box-constrained quadratic model by coordinate descent, then a
 * backtracking line search keeps the objective falling. The problems are small (ten signals),
 * so this is exact to the last digits and fast enough to bootstrap.
 */
import { ChurnkitError } from '../../util/errors.js';

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
  /** Warm start (bootstrap refits start from the full fit). */
  init?: { intercept: number; coef: ArrayLike<number> };
  maxIterations?: number;
}

function objective(loss: Loss, eta: Float64Array, t: ArrayLike<number>, w: ArrayLike<number> | undefined): number {
  let f = 0;
  for (let i = 0; i < eta.length; i++) {
    const e = eta[i]!;
    const wi = w ? w[i]! : 1;
    if (wi === 0) continue;
    if (loss === 'squared') {
      const r = t[i]! - e;
      f += 0.5 * wi * r * r;
    } else {
      // log(1 + e^eta) - y * eta, stable for large |eta|
      const softplus = e > 0 ? e + Math.log1p(Math.exp(-e)) : Math.log1p(Math.exp(e));
      f += wi * (softplus - t[i]! * e);
    }
  }
  return f;
}

/**
 * Minimises 0.5 d'Hd + g'd subject to d_j >= lower_j by cyclic coordinate descent. H is q x q
 * row-major and positive definite (a ridge of 1e-12 times its diagonal is added by the caller).
 */
export function boxQuadratic(H: Float64Array, g: Float64Array, lower: Float64Array, q: number): Float64Array {
  const d = new Float64Array(q);
  const Hd = new Float64Array(q);
  for (let j = 0; j < q; j++) if (lower[j]! > 0) throw new ChurnkitError('boxQuadratic: the zero step must be feasible');
  for (let sweep = 0; sweep < 20000; sweep++) {
    let biggest = 0;
    for (let j = 0; j < q; j++) {
      const hjj = H[j * q + j]!;
      if (!(hjj > 0)) continue;
      let next = d[j]! - (g[j]! + Hd[j]!) / hjj;
      if (next < lower[j]!) next = lower[j]!;
      const delta = next - d[j]!;
      if (delta === 0) continue;
      d[j] = next;
      for (let k = 0; k < q; k++) Hd[k]! += H[k * q + j]! * delta;
      const size = Math.abs(delta) * Math.sqrt(hjj);
      if (size > biggest) biggest = size;
    }
    if (biggest < 1e-15) break;
  }
  return d;
}

/** Fits target ~ intercept + sum_j coef_j * Z[j] with coef >= 0. */
export function fitNonNegative(Z: readonly Float64Array[], target: ArrayLike<number>, loss: Loss, options: NonNegativeOptions = {}): NonNegativeFit {
  const p = Z.length;
  const q = p + 1;
  const n = target.length;
  const w = options.weight;
  const beta = new Float64Array(q); // [intercept, coef...]
  if (options.init) {
    beta[0] = options.init.intercept;
    for (let j = 0; j < p; j++) beta[j + 1] = Math.max(0, options.init.coef[j]!);
  } else {
    let sw = 0;
    let st = 0;
    for (let i = 0; i < n; i++) {
      const wi = w ? w[i]! : 1;
      sw += wi;
      st += wi * target[i]!;
    }
    const mean = sw > 0 ? st / sw : 0;
    beta[0] = loss === 'squared' ? mean : Math.log(Math.max(mean, 1e-12) / Math.max(1 - mean, 1e-12));
  }
  const eta = new Float64Array(n);
  const linear = (b: Float64Array, out: Float64Array) => {
    out.fill(b[0]!);
    for (let j = 0; j < p; j++) {
      const c = b[j + 1]!;
      if (c === 0) continue;
      const z = Z[j]!;
      for (let i = 0; i < n; i++) out[i]! += c * z[i]!;
    }
  };
  linear(beta, eta);
  let f = objective(loss, eta, target, w);
  const lower = new Float64Array(q);
  const H = new Float64Array(q * q);
  const g = new Float64Array(q);
  const r = new Float64Array(n);
  const h = new Float64Array(n);
  const trial = new Float64Array(q);
  const hz = new Float64Array(n);
  const X: Float64Array[] = [new Float64Array(n).fill(1), ...Z];
  const trialEta = new Float64Array(n);
  const maxIterations = options.maxIterations ?? 200;
  let iterations = 0;
  let converged = false;
  while (!converged && iterations < maxIterations) {
    iterations++;
    for (let i = 0; i < n; i++) {
      const wi = w ? w[i]! : 1;
      if (loss === 'squared') {
        r[i] = wi * (target[i]! - eta[i]!);
        h[i] = wi;
      } else {
        const e = eta[i]!;
        const pr = e >= 0 ? 1 / (1 + Math.exp(-e)) : Math.exp(e) / (1 + Math.exp(e));
        r[i] = wi * (target[i]! - pr);
        h[i] = wi * pr * (1 - pr);
      }
    }
    // gradient of the objective is -X' r, Hessian X' diag(h) X, with X = [1, Z]
    for (let a = 0; a < q; a++) {
      const za = X[a]!;
      let ga = 0;
      for (let i = 0; i < n; i++) {
        const v = za[i]!;
        ga -= v * r[i]!;
        hz[i] = v * h[i]!;
      }
      g[a] = ga;
      for (let b = a; b < q; b++) {
        const zb = X[b]!;
        let acc = 0;
        for (let i = 0; i < n; i++) acc += hz[i]! * zb[i]!;
        H[a * q + b] = acc;
        H[b * q + a] = acc;
      }
    }
    for (let a = 0; a < q; a++) H[a * q + a]! += 1e-12 * (H[a * q + a]! + 1);
    lower[0] = -Infinity;
    for (let j = 1; j < q; j++) lower[j] = -beta[j]!;
    const d = boxQuadratic(H, g, lower, q);
    let slope = 0;
    for (let a = 0; a < q; a++) slope += g[a]! * d[a]!;
    if (!(slope < 0)) break; // no descent direction left: KKT point
    let step = 1;
    let accepted = false;
    for (let k = 0; k < 60; k++) {
      for (let a = 0; a < q; a++) trial[a] = beta[a]! + step * d[a]!;
      for (let j = 1; j < q; j++) if (trial[j]! < 0) trial[j] = 0;
      linear(trial, trialEta);
      const ft = objective(loss, trialEta, target, w);
      if (ft <= f + 1e-4 * step * slope) {
        const drop = f - ft;
        let moved = 0;
        for (let a = 0; a < q; a++) moved = Math.max(moved, Math.abs(trial[a]! - beta[a]!));
        beta.set(trial);
        eta.set(trialEta);
        f = ft;
        accepted = true;
        if (drop <= 1e-15 * (1 + Math.abs(f)) || moved < 1e-10) converged = true;
        break;
      }
      step /= 2;
    }
    if (!accepted) break;
  }
  return { intercept: beta[0]!, coef: beta.slice(1), iterations, objective: f };
}
