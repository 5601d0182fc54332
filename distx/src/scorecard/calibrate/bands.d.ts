import type { Override, ProbabilityMap, Thresholds } from '../schema.js';
/** Decreasing isotonic fit of churn on score: knots with increasing score, non-increasing probability. */
export declare function fitProbabilityMap(score: ArrayLike<number>, y: ArrayLike<number>, slice: {
    rows: number;
    positives: number;
    as_of_from?: string;
    as_of_to?: string;
}): ProbabilityMap;
export interface ThresholdRule {
    /** RED below the first score whose churn probability falls under redRisk x the base rate. */
    redRisk: number;
    /** GREEN from the first score whose churn probability is at most greenRisk x the base rate. */
    greenRisk: number;
}
export declare const DEFAULT_THRESHOLD_RULE: ThresholdRule;
/**
 * Whole-number thresholds from a churn curve: yellow = the lowest score that is no longer RED
 * (probability < redRisk x base), green = the lowest score with probability <= greenRisk x
 * base; kept within 1..99 with yellow < green.
 */
export declare function thresholdsFromCurve(curve: ProbabilityMap, baseRate: number, rule: ThresholdRule, opportunity?: boolean): Thresholds;
/**
 * Moves score values (override set/cap values, score conditions) with the bands: piecewise
 * linear through (0, 0), (yellow, yellow'), (green, green'), (100, 100). An override written
 * for the framework's scale ("cap at 40", the YELLOW threshold) keeps its meaning on a
 * calibrated scale ("cap at the calibrated YELLOW threshold").
 */
export declare function rescaleScore(value: number, from: Thresholds, to: Thresholds): number;
/** Overrides on the new scale, their descriptions written anew from the moved values (see describeOverride). */
export declare function rescaleOverrides(overrides: readonly Override[], from: Thresholds, to: Thresholds): Override[];
/**
 * Own thresholds for each segment with at least `minRows` rows and `minChurners` churners, from
 * its own churn curve against the portfolio base rate (so a band is the same absolute risk in
 * every segment); kept only where they differ from the overall ones.
 */
export declare function segmentThresholds(score: Float64Array, y: Float64Array, segment: readonly (string | null)[] | null, overall: Thresholds, baseRate: number, rule: ThresholdRule, minRows: number, minChurners: number, opportunity?: boolean): {
    segments: Record<string, Thresholds>;
    notes: string[];
};
