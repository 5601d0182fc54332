import type { Frame } from '../../data/index.js';
import type { Scorecard, ScoreColumns } from '../../scorecard/index.js';
import { type Step } from './folds.js';
import type { LeadTime, ModelMetrics, ProbabilitySource } from './schema.js';
/** One fold's test rows, as indices into the feature table, in the order backtest tests them. */
export interface TestFold {
    cutoff: string;
    test_end: string;
    test: number[];
}
/** What every evaluation needs, prepared once per feature table. */
export interface ScorecardFolds {
    folds: TestFold[];
    y: Float64Array;
    asOf: string[];
    account: string[];
    /** annual_value with NULL as 0; null when the table has none. */
    arr: Float64Array | null;
    capacity: number | null;
    horizon: number;
    step: Step | null;
    /** Where the folds came from: a backtest folder's test rows, or planned here. */
    source: 'backtest' | 'planned';
    lastAsOf: Map<string, string>;
    /** The label is an opportunity (expansion): cards rank by score, not by their churn map. */
    opportunity?: boolean;
}
export interface FoldOptions {
    horizon?: number;
    step?: Step;
    start?: string;
    capacity?: number | null;
    label?: string;
}
/** Folds planned as `churnkit backtest` plans them with the same options (its defaults when none). */
export declare function planScorecardFolds(frame: Frame, table: string, options?: FoldOptions): ScorecardFolds;
/**
 * The folds of a backtest that ran on this feature table: its metrics.json for the settings
 * (horizon, label, capacity) and its oof.parquet for the test rows of each fold, found in the
 * table by account and as-of. A row of the backtest missing from the table means it ran on
 * another table: an error, not a silent subset.
 */
export declare function backtestFolds(frame: Frame, table: string, dir: string): Promise<ScorecardFolds>;
/** What the backtest says of one scorecard: per fold and pooled (without the chart curves). */
export interface ScorecardBacktest {
    probability_source: ProbabilitySource;
    folds: (ModelMetrics & {
        cutoff: string;
    })[];
    pooled: ModelMetrics & {
        lead_time: LeadTime;
    };
}
/**
 * The scorecard's metrics on the prepared folds, from its scores over the whole table
 * (scoreColumns): what runBacktest reports for `scorecard:<card>` on the same folds.
 */
export declare function backtestScorecard(card: Scorecard, scores: ScoreColumns, prepared: ScorecardFolds): ScorecardBacktest;
