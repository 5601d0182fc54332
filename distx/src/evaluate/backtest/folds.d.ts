import { ChurnkitError } from '../../util/index.js';
import type { SkippedFold } from './schema.js';
export declare const STEPS: readonly ['quarter', 'month'];
export type Step = (typeof STEPS)[number];
export interface FoldPlan {
    index: number;
    cutoff: string;
    /** First day after the test period. */
    test_end: string;
    /** Row indices (into the feature table) of the training and test rows, ascending. */
    train: number[];
    test: number[];
}
export interface PlanOptions {
    /** as_of of every row (YYYY-MM-DD). */
    asOf: readonly (string | null)[];
    /** 0/1 labels, NaN for censored rows (never used on either side). */
    label: ArrayLike<number>;
    horizon: number;
    step: Step;
    /** First cutoff; default: see planBacktest. */
    start?: string;
    /** Rows with as_of before this day are on neither side of any fold (as if the table started there). */
    from?: string;
    /**
     * The first day at which usage data covers the usage features' windows, when usage starts late
     * (src/features/coverage.ts); the default first cutoff is not before it.
     */
    usageCoveredFrom?: string | null;
}
export interface BacktestPlan {
    folds: FoldPlan[];
    skipped: SkippedFold[];
    /** The first cutoff. */
    start: string;
    /** Why the first cutoff is there (`--start`, or the default's rule and what decided it). */
    start_reason: string;
    /** --from, or null. */
    from: string | null;
}
/**
 * Plans the folds: cutoffs every step from the start while labeled rows remain at or after the
 * cutoff. The default start is the first step boundary where (1) training rows span at least six
 * months of as-of dates plus the horizon, (2) usage data covers the feature windows (when usage
 * starts late), and (3) the training rows hold both classes. A later fold whose training or test
 * rows hold a single class (or none) is skipped with its reason, not a failure; only a plan with
 * no usable fold at all is an error.
 */
export declare function planBacktest(options: PlanOptions): BacktestPlan;
/** The usable folds of planBacktest (skipped cutoffs left out). */
export declare function planFolds(options: PlanOptions): FoldPlan[];
export declare class LeakageError extends ChurnkitError {
    constructor(message: string);
}
/**
 * Asserts that a fold cannot leak: every training label window ends by the cutoff
 * (max(train.as_of) + horizon <= cutoff) and every test row is in [cutoff, test_end).
 * Throws LeakageError naming the fold and the offending date.
 */
export declare function checkFoldLeakage(fold: {
    cutoff: string;
    test_end: string;
}, trainAsOf: Iterable<string>, testAsOf: Iterable<string>, horizon: number): void;
/** checkFoldLeakage on a planned fold, reading the dates of its rows. */
export declare function checkPlanLeakage(fold: FoldPlan, asOf: readonly (string | null)[], horizon: number): void;
