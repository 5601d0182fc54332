import type { Frame } from '../../data/index.js';
import { type CalibrationMethod, type MissingStrategy } from '../../learn/index.js';
import { type Scorecard } from '../../scorecard/index.js';
import { type Progress } from '../../util/index.js';
import { type OutputGuard } from '../../util/index.js';
import { type Step } from './folds.js';
import { type BacktestMetrics, type ProbabilitySource } from './schema.js';
import { type Band } from '../../scorecard/index.js';
export interface BacktestOptions {
    /** Feature table file (Parquet or CSV). */
    features: string;
    /** logistic, gbdt, mlp, scorecard:default, scorecard:<file.json>. */
    models: readonly string[];
    start?: string;
    step?: Step;
    horizon?: number;
    /** Accounts worked per as-of date; default 10% of that date's accounts. */
    capacity?: number;
    seed?: number;
    /** Label column; default churned_within_<horizon>d. */
    label?: string;
    /** Rows with as_of (time column) before this day are on neither side of any fold. */
    from?: string;
    /** Model input columns of a table that is not churnkit's (default: churnkit's model columns). */
    columns?: readonly string[];
    /** Columns among `columns` to one-hot encode. */
    categorical?: readonly string[];
    /** Column dating each row, YYYY-MM-DD (default as_of): folds are cut by it. */
    timeColumn?: string;
    /** Column identifying the account (default account_id): capacity and lead time count accounts. */
    idColumn?: string;
    /** Hyperparameters per family, e.g. { logistic: { l2: 0.1 } }. */
    params?: Readonly<Record<string, Record<string, unknown>>>;
    /** Calibration of every model in every fold; default each family's backtestCalibration. */
    calibration?: CalibrationMethod;
    /**
     * Share of each fold's training rows (latest first) held out for calibration and early stopping;
     * default none: time-ordered cross-fitting inside the fold's training rows.
     */
    holdout?: number;
    /** NULL handling of imputing families (train's --missing). */
    missing?: MissingStrategy;
    /** CSM judgments to measure against every model: a file or a score history (see readJudgments). */
    judgments?: string;
    /** Days after a judgment's as_of within which its snapshot must fall (default JUDGMENT_WINDOW_DAYS). */
    judgmentWindow?: number;
    progress?: Progress;
}
/** One out-of-fold prediction, as written to oof.parquet. */
export interface OofColumns {
    account_id: string[];
    as_of: string[];
    cutoff: string[];
    model: string[];
    probability: number[];
    /** The scorecard's 0-100 score; null for models. */
    score: (number | null)[];
    band: string[];
    label: number[];
    arr: (number | null)[];
}
export interface BacktestResult {
    metrics: BacktestMetrics;
    oof: OofColumns;
}
export declare const CAPACITY_SHARE = 0.1;
/**
 * Band shares for models on a table without the default scorecard's columns: RED is the
 * capacity share (the accounts a CS team works), YELLOW the next 20%.
 */
export declare const FIXED_BAND_SHARES: Record<Band, number>;
export declare function textOf(frame: Frame, name: string, table: string): string[];
export declare function labelsOf(frame: Frame, name: string, table: string): Float64Array;
export declare function gather(col: Float64Array, rows: readonly number[]): Float64Array;
/**
 * Scorecard probability: its map when it has one, else the score as a ranking. For an
 * opportunity label (expansion) the ranking is the score itself, rising with the label (a
 * healthy account is the one that grows), and a card's map, a churn probability, is not used.
 */
export declare function scorecardProbability(card: Scorecard, score: Float64Array, mapped: Float64Array, opportunity?: boolean): {
    p: Float64Array;
    source: ProbabilitySource;
};
export declare function runBacktest(options: BacktestOptions): Promise<BacktestResult>;
/** metrics.json text: two-space JSON, NaN/Infinity as null, newline at the end. */
export declare function serializeMetrics(metrics: BacktestMetrics): string;
export declare const OOF_FILE = "oof.parquet";
export declare const METRICS_FILE = "metrics.json";
/**
 * Writes metrics.json and oof.parquet into `dir` once both are complete: a new, empty or
 * churnkit-written folder (see writeOutputDir), or with `force` beside other files, which stay.
 */
export declare function writeBacktest(dir: string, result: BacktestResult, guard?: OutputGuard & {
    force?: boolean;
}): Promise<{
    metrics: string;
    oof: string;
}>;
