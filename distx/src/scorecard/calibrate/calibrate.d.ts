import { type Progress } from '../../util/index.js';
import { type Frame } from '../../data/index.js';
import { type TrainedModel } from '../../learn/index.js';
import type { Scorecard } from '../schema.js';
import { type ThresholdRule } from './bands.js';
import { type FidelityReport, type OverrideReport } from './reports.js';
export interface CalibrateOptions {
    /** Structure to fit (layers, signals, rules, overrides); the default card when absent. */
    base: Scorecard;
    /**
     * The card the calibrated one is compared with in the fidelity report (the default card).
     * With `columns` and no reference: the same columns at equal weights.
     */
    reference?: Scorecard;
    /**
     * A table of the user's own columns: the card is one layer `custom` of these signals (numbers
     * or booleans), each signal's direction the sign of its rank correlation with the target on
     * the fit slice, instead of `base`'s structure.
     */
    columns?: readonly string[];
    /** 0/1 label column (default churned_within_90d). */
    label?: string;
    /** Column dating each row, YYYY-MM-DD (default as_of). */
    timeColumn?: string;
    /** Column identifying the account (default account_id): the bootstrap resamples accounts. */
    idColumn?: string;
    /** A model to distil: points and weights are fitted to its margin instead of the labels. */
    model?: TrainedModel;
    /** Keep the model artifact inside the scorecard. */
    embedModel?: boolean;
    /** Label horizon in days: the embargo between the fit slice and the later slice (default 90). */
    horizon?: number;
    /** Share of labeled rows in the later slice (default 0.3). */
    holdout?: number;
    seed?: number;
    /** Bootstrap resamples for the weight intervals (default 200; 0 = none). */
    bootstrap?: number;
    /** L2 penalty of the weight fit (default DEFAULT_RIDGE). */
    ridge?: number;
    /** Most bands per signal (default 5). */
    maxBins?: number;
    /** Smallest band as a share of a signal's present rows (default 0.05, at least 30 rows). */
    minBinShare?: number;
    thresholds?: ThresholdRule;
    /** A segment gets its own thresholds with at least this many rows and churners in the later slice. */
    minSegmentRows?: number;
    minSegmentChurners?: number;
    /**
     * Fit each segment's own layer and signal weights, pooled toward the global ones by its
     * churners (segments.ts); the card gets `segment_weights`.
     */
    bySegment?: boolean;
    /** k of the pooling, churners / (churners + k) (default DEFAULT_SEGMENT_POOLING). */
    pooling?: number;
    /** The table name used in error messages. */
    table?: string;
    progress?: Progress;
}
export interface CalibrationResult {
    card: Scorecard;
    fidelity: FidelityReport;
    overrides: OverrideReport;
    warnings: string[];
}
/**
 * The weight fit's L2 penalty on coefficients per unit of lost points: a Gaussian prior with
 * standard deviation ~3 (a signal's worst band at most ~e^6 times the odds of its best), which
 * only matters when a small slice lets one signal separate churners completely.
 */
export declare const DEFAULT_RIDGE = 0.1;
export declare function calibrateScorecard(input: Frame, options: CalibrateOptions): CalibrationResult;
