/**
 * Binary classification metrics for churn models, weight-aware where it makes sense and
 * matching scikit-learn's definitions (roc_auc_score, average_precision_score, brier_score_loss,
 * log_loss). Everything sorts once: O(n log n).
 *
 * Conventions:
 * - `y` is 0/1, `score` any real (probability or margin), `weight` optional per-row weights
 *   (e.g. ARR); a metric that is undefined (AUC with one class) is NaN, which JSON writes as null.
 * - Tied scores are never broken by row order. AUC and the curves treat a tie group as one
 *   threshold (sklearn). Top-k metrics (lift, precision/recall at k) take the expected value over
 *   random orderings of the tie group that straddles the cut: it contributes the fraction of its
 *   rows needed to fill k.
 * - Calibration bins are equal-width on [0, 1]: bin b holds k/B <= p < (k+1)/B, the last bin
 *   includes 1. ECE = sum_b (weight_b / weight) |mean predicted_b - observed rate_b|.
 */
export type Labels = ArrayLike<number>;
export type Scores = ArrayLike<number>;
export type Weights = ArrayLike<number> | undefined;
/**
 * Cumulative totals at each distinct score, highest first (sklearn's _binary_clf_curve):
 * tps/fps = positive/negative weight with score >= threshold, rows = number of such rows.
 */
export interface RankedTotals {
    thresholds: Float64Array;
    tps: Float64Array;
    fps: Float64Array;
    rows: Float64Array;
}
export declare function rankedTotals(y: Labels, score: Scores, weight?: Weights): RankedTotals;
/** Area under the ROC curve (trapezoids, so a tie counts one half, as Mann-Whitney and sklearn). */
export declare function rocAuc(y: Labels, score: Scores, weight?: Weights): number;
export interface RocCurve {
    fpr: number[];
    tpr: number[];
    /** Score threshold of each point (score >= threshold is flagged); the first point is +Infinity. */
    thresholds: number[];
}
/**
 * ROC curve points from (0, 0) to (1, 1). Collinear intermediate points are dropped, as
 * sklearn's drop_intermediate, so charts stay small without changing the curve.
 */
export declare function rocCurve(y: Labels, score: Scores, weight?: Weights): RocCurve;
/** Average precision: sum over thresholds of (recall step) x precision, no interpolation (sklearn). */
export declare function averagePrecision(y: Labels, score: Scores, weight?: Weights): number;
export interface PrCurve {
    precision: number[];
    recall: number[];
    /** Threshold of each point, lowest first; the last point (recall 0, precision 1) has none (null). */
    thresholds: (number | null)[];
}
/** Precision-recall points at every threshold, lowest first, then (recall 0, precision 1) as sklearn (1.2) appends. */
export declare function prCurve(y: Labels, score: Scores, weight?: Weights): PrCurve;
export declare function brierScore(y: Labels, p: Scores, weight?: Weights): number;
/** Machine epsilon of float64: sklearn's log_loss(eps="auto") clips to [eps, 1 - eps]. */
export declare const LOG_LOSS_EPS = 2.220446049250313e-16;
export declare function logLoss(y: Labels, p: Scores, weight?: Weights, eps?: number): number;
export interface Interval {
    rate: number;
    low: number;
    high: number;
}
/** Wilson score interval for a binomial rate; z = 1.96 for 95%. n = 0 gives rate NaN and [0, 1]. */
export declare function wilsonInterval(successes: number, n: number, z?: number): Interval;
export interface ReliabilityBin {
    bin: number;
    lo: number;
    hi: number;
    rows: number;
    weight: number;
    mean_predicted: number;
    observed_rate: number;
    /** Wilson 95% interval of the observed rate, on row counts (unweighted). */
    observed_low: number;
    observed_high: number;
}
export interface CalibrationReport {
    ece: number;
    /** Largest |mean predicted - observed| over non-empty bins. */
    mce: number;
    bins: ReliabilityBin[];
}
export declare function binOf(p: number, bins: number): number;
/** Reliability table and expected calibration error over equal-width probability bins. */
export declare function calibrationReport(y: Labels, p: Scores, weight?: Weights, bins?: number): CalibrationReport;
export declare function expectedCalibrationError(y: Labels, p: Scores, weight?: Weights, bins?: number): number;
export interface TopK {
    /** Rows taken (may be fractional for lift at a fraction). */
    k: number;
    /** Expected positive weight among the top k (ties at the cut shared pro rata). */
    positives: number;
    /** Expected total weight of the top k. */
    weight: number;
    precision: number;
    recall: number;
}
/** Precision and recall among the k highest-scoring rows; k may be fractional (a share of a tied row). */
export declare function topK(y: Labels, score: Scores, k: number, weight?: Weights): TopK;
/**
 * Lift in the top `fraction` of rows by score (0.1 = top decile): churn rate there over the
 * overall rate. The cut is fraction x rows, fractional when it falls inside a row or a tie group.
 */
export declare function liftAt(y: Labels, score: Scores, fraction?: number, weight?: Weights): number;
export interface BinaryMetrics {
    rows: number;
    positives: number;
    prevalence: number;
    auc: number;
    pr_auc: number;
    brier: number;
    log_loss: number;
    ece: number;
    lift_top_decile: number;
    /** Present when a capacity k was asked for. */
    k?: number;
    precision_at_k?: number;
    recall_at_k?: number;
}
export interface MetricOptions {
    weight?: Weights;
    /** Capacity for precision/recall at k (top k accounts). */
    k?: number;
    /** Bins for ECE (default 10). */
    bins?: number;
}
/** The standard metric set of docs/backtests-and-calibration.md for probabilities `p` (sorted once). */
export declare function binaryMetrics(y: Labels, p: Scores, options?: MetricOptions): BinaryMetrics;
