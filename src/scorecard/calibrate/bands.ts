/**
 * The score-to-probability map and the RAG thresholds, both read off isotonic churn curves of
 * the score on the later (calibration) slice.
 */
import { fitIsotonic } from '../../learn/index.js';
import type { ProbabilityMap, Thresholds } from '../schema.js';
import { probabilityOf } from '../score.js';

/** Decreasing isotonic fit of churn on score: knots with increasing score, non-increasing probability. */
export function fitProbabilityMap(score: ArrayLike<number>, y: ArrayLike<number>, slice: { rows: number; positives: number; as_of_from?: string; as_of_to?: string }): ProbabilityMap {
  const negated = Float64Array.from(score, (s) => -s);
  const iso = fitIsotonic(negated, y);
  const x = iso.x.map((v) => (v === 0 ? 0 : -v)).reverse();
  const p = [...iso.y].reverse();
  return { method: 'isotonic', x, y: p, fitted_on: slice };
}

export interface ThresholdRule {
  /** RED below the first score whose churn probability falls under redRisk x the base rate. */
  redRisk: number;
  /** GREEN from the first score whose churn probability is at most greenRisk x the base rate. */
  greenRisk: number;
}

export const DEFAULT_THRESHOLD_RULE: ThresholdRule = { redRisk: 2, greenRisk: 0.5 };

/**
 * Whole-number thresholds from a churn curve: yellow = the lowest score that is no longer RED
 * (probability < redRisk x base), green = the lowest score with probability <= greenRisk x
 * base; kept within 1..99 with yellow < green.
 */
export function thresholdsFromCurve(curve: ProbabilityMap, baseRate: number, rule: ThresholdRule): Thresholds {
  const at = (s: number) => probabilityOf(curve, s)!;
  let yellow = 1;
  while (yellow < 98 && !(at(yellow) < rule.redRisk * baseRate)) yellow++;
  let green = yellow + 1;
  while (green < 99 && !(at(green) <= rule.greenRisk * baseRate)) green++;
  return { green, yellow };
}
