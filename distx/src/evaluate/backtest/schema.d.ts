/**
 * The shape of a backtest's `metrics.json` (docs/backtests-and-calibration.md). The report and other tools read
 * this file: extend it, never rename. `BACKTEST_METRICS_JSON_SCHEMA` is the same contract as a
 * JSON Schema (written to models/backtest-metrics.schema.json).
 *
 * Numbers that are undefined (AUC of a fold without churners, a rate of an empty band) are null.
 */
import { type Band } from '../../scorecard/index.js';
import type { JudgmentsSection } from './judgments.js';
export declare const BACKTEST_KIND = "churnkit.backtest";
export declare const BACKTEST_VERSION = 1;
/** Churn rate of the rows in a band, with its Wilson 95% interval. */
export interface BandCell {
    rows: number;
    churned: number;
    rate: number | null;
    lo: number;
    hi: number;
}
/** Where a model's or scorecard's probability comes from. */
export type ProbabilitySource = 
/** A trained model's (calibrated inside the fold) probability. */
'model'
/** The scorecard's score-to-probability map. */
 | 'scorecard_map'
/** No map in the scorecard: (100 - score) / 100, a ranking, not a calibrated probability. */
 | 'score_rank';
/** Metrics of one model or scorecard on a set of test rows (one fold, or all folds pooled). */
export interface ModelMetrics {
    rows: number;
    positives: number;
    auc: number | null;
    pr_auc: number | null;
    brier: number | null;
    log_loss: number | null;
    ece: number | null;
    lift_top_decile: number | null;
    /** Accounts flagged: the top `capacity` accounts by probability at each as-of date, summed over dates. */
    flagged: number;
    precision_at_capacity: number | null;
    recall_at_capacity: number | null;
    /** Share of churned ARR (annual_value of positive rows) held by the flagged accounts. */
    arr_capture: number | null;
    bands: Record<Band, BandCell>;
}
/**
 * Days from an account's first RED to its churn, over the churned accounts of the test rows.
 * Churn date = the account's last as-of in the feature table (the last snapshot where it was
 * active; it churned before the next one), so lead times are lower bounds by up to one
 * snapshot interval. First RED = earliest RED test row of the account with label 1 (inside the
 * horizon before churn), so a RED from long ago does not count as warning.
 */
export interface LeadTime {
    /** Churned accounts (with at least one positive test row). */
    accounts: number;
    /** Of those, accounts that went RED before churning. */
    flagged: number;
    missed: number;
    median: number | null;
    q1: number | null;
    q3: number | null;
    min: number | null;
    max: number | null;
}
export interface RocPoint {
    fpr: number;
    tpr: number;
}
export interface PrPoint {
    recall: number;
    precision: number;
}
export interface ReliabilityPoint {
    bin: number;
    lo: number;
    hi: number;
    rows: number;
    mean_predicted: number | null;
    observed_rate: number | null;
    observed_low: number;
    observed_high: number;
}
/** Cumulative gains: flagging the top `share` of test rows catches these shares of churners and churned ARR. */
export interface GainsPoint {
    share: number;
    churners: number;
    arr: number;
}
/** Pooled curve points for charts, each at most CURVE_POINTS points. */
export interface Curves {
    roc: RocPoint[];
    pr: PrPoint[];
    reliability: ReliabilityPoint[];
    gains: GainsPoint[];
}
export interface PooledMetrics extends ModelMetrics {
    /** Mean of the folds' AUCs, beside the pooled one (null when no fold has both classes). */
    mean_fold_auc: number | null;
    probability_source: ProbabilitySource;
    lead_time: LeadTime;
    curves: Curves;
}
/** Rows of one side of a fold. Dates are YYYY-MM-DD; null when the side has no rows. */
export interface FoldSlice {
    rows: number;
    positives: number;
    accounts: number;
    as_of_min: string | null;
    as_of_max: string | null;
}
/**
 * How a model was fitted in a fold: on the fold's training rows minus its latest slice, which
 * calibrates it (and early-stops gbdt/mlp); rows whose label window reaches into that slice are
 * set aside. The slice lies inside the training rows, so before the cutoff.
 */
export interface ModelFit {
    fit_rows: number;
    calibration: 'none' | 'platt' | 'isotonic';
    /** Rows the calibration was fitted on: out-of-fold rows when cross-fitted, else the held-out slice. */
    calibration_rows: number;
    embargoed_rows: number;
    calibration_from: string | null;
    calibration_to: string | null;
    /** Time-ordered folds cross-fitted inside the training rows (absent when a slice was held out). */
    cross_fit_folds?: number;
    /** Boosting rounds chosen across those folds (gbdt). */
    rounds?: number;
    /** auto: the candidate chosen by inner time-ordered validation on the fold's training rows, and why. */
    choice?: string;
    why?: Record<string, unknown>;
}
export interface Fold {
    index: number;
    /** Training rows have as_of + horizon <= cutoff; test rows cutoff <= as_of < test_end. */
    cutoff: string;
    test_end: string;
    train: FoldSlice;
    test: FoldSlice;
    /**
     * Accounts flagged per as-of date in this fold (the capacity), and the share of test rows the
     * default scorecard puts in each band: models are banded by the same shares (see README).
     */
    capacity: number;
    band_shares: Record<Band, number>;
    models: Record<string, ModelMetrics>;
    /** Models only (scorecards are not fitted). */
    fits: Record<string, ModelFit>;
}
/** A cutoff without a usable fold (a single class, or no rows, on one side) and why. */
export interface SkippedFold {
    cutoff: string;
    test_end: string;
    reason: string;
    train: {
        rows: number;
        positives: number;
    };
    test: {
        rows: number;
        positives: number;
    };
}
export interface BacktestParams {
    /** File name of the feature table (no folder, so the bytes do not depend on where it lies). */
    features: string;
    /** Fingerprint of the labeled rows used (learn's dataFingerprint). */
    features_fingerprint: string;
    models: string[];
    start: string;
    /** Why the first cutoff is there: --start, or the default rule and what decided it. */
    start_reason: string;
    /** --from: rows dated before it are on neither side of any fold; null = every row. */
    from: string | null;
    /** The column dating rows (as_of, or --time-column). */
    time_column: string;
    /** --columns (a table of the user's own features), or null for churnkit's model columns. */
    columns: string[] | null;
    step: 'quarter' | 'month';
    horizon: number;
    /** --capacity K, or null: 10% of the accounts at each as-of date. */
    capacity: number | null;
    capacity_share: number;
    seed: number;
    label: string;
    /** Calibration of the models in every fold: --calibration, or each family's own ('by_family'). */
    calibration: 'none' | 'platt' | 'isotonic' | 'by_family';
    /** The calibration each model was asked for in every fold (a fold may fall back to none: its fits say). */
    model_calibration: Record<string, 'none' | 'platt' | 'isotonic'>;
    /** Share of each fold's labeled training rows (latest first) held out to calibrate models; 0 = cross-fitted. */
    calibration_holdout: number;
    /**
     * How models (which have no bands) get bands: the default scorecard's shares of each fold's
     * test rows, or FIXED_BAND_SHARES on a table without the scorecard's columns.
     */
    model_bands: 'default_scorecard_shares' | 'fixed_shares';
    /** Each model's hyperparameters as used: the family's defaults and --param family.key=value. */
    model_params: Record<string, Record<string, unknown>>;
}
export interface BacktestMetrics {
    kind: typeof BACKTEST_KIND;
    version: typeof BACKTEST_VERSION;
    params: BacktestParams;
    folds: Fold[];
    /** Cutoffs skipped because a side had a single class (or no rows); not in the pooled metrics. */
    skipped_folds: SkippedFold[];
    /** What a reader should know about the data behind the folds (e.g. rows before usage data begins). */
    notes: string[];
    pooled: Record<string, PooledMetrics>;
    /** With --judgments: churn of accounts CSMs raised, lowered or agreed with, against each model's band. */
    judgments?: JudgmentsSection;
}
/** Maximum points per pooled curve in metrics.json. */
export declare const CURVE_POINTS = 200;
/** JSON Schema (draft 2020-12) of metrics.json. */
export declare const BACKTEST_METRICS_JSON_SCHEMA: {
    readonly $schema: 'https://json-schema.org/draft/2020-12/schema';
    readonly $id: 'https://churnkit.dev/schemas/backtest-metrics.schema.json';
    readonly title: 'churnkit backtest metrics.json';
    readonly $defs: {
        readonly bandCell: Record<string, unknown>;
        readonly bands: Record<string, unknown>;
        readonly judgmentCells: Record<string, unknown>;
        readonly slice: Record<string, unknown>;
        readonly modelMetrics: Record<string, unknown>;
        readonly leadTime: Record<string, unknown>;
        readonly curves: Record<string, unknown>;
    };
};
