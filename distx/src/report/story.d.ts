import { type Frame } from '../data/index.js';
import { type BacktestMetrics, type PooledMetrics } from '../evaluate/index.js';
import { type Scorecard } from '../scorecard/index.js';
/** Days of warning that count as "in time" in the summary sentence. */
export declare const WARNING_DAYS = 30;
/** Per model: the churned accounts of the test periods, each with its lead time (null: never RED in time). */
export interface LeadTimes {
    /** Where churn dates came from. */
    source: 'accounts' | 'last_snapshot';
    horizon: number;
    models: Record<string, {
        accounts: number;
        leads: number[];
        missed: number;
    }>;
}
/**
 * Lead time per churned account and model: from its first RED test snapshot within the horizon
 * before churn (rows labeled churned) to its churn date, `accounts.churned_at` when the history
 * is at hand, else its last snapshot in the table (a lower bound by up to one snapshot interval).
 */
export declare function leadTimes(backtestDir: string, metrics: BacktestMetrics, churnDates: ReadonlyMap<string, string | null> | null, lastSnapshot: ReadonlyMap<string, string> | null): Promise<LeadTimes>;
export declare function median(sorted: readonly number[]): number | null;
/** Share of a model's churned accounts that went RED at least `days` before leaving. */
export declare function flaggedShare(lead: LeadTimes['models'][string], days: number): number | null;
export declare function leadTimeDefinition(lead: LeadTimes): string;
/** Pooled and within-period ROC AUC further apart than this get a note in the report. */
export declare const POOLING_GAP = 0.05;
/**
 * The report's table shows each model's AUC over all test periods pooled; the fold chart shows it
 * period by period. When the two disagree by more than POOLING_GAP the table alone misleads, and
 * the reader is told which way and why. Pooled below the periods' mean: the model ranks accounts
 * well within a period, but its probabilities sit at a different level each period (each period's
 * model was fitted and calibrated on its own history), so accounts of different periods are ranked
 * on different scales. Pooled above: some of the pooled ranking is of periods (more churn in some,
 * and probabilities that rose with it), not of accounts.
 */
export declare function poolingNotes(pooled: Record<string, Pick<PooledMetrics, 'auc' | 'mean_fold_auc'>>): string[];
/** The one paragraph on top of the report. */
export declare function summaryParagraph(m: BacktestMetrics, lead: LeadTimes | null): string;
/** The rows of the table's latest as-of date (every row when it has no as_of), as columns. */
export declare function latestSnapshot(frame: Frame): {
    latest: string | null;
    rows: number[];
    table: Frame;
};
/** One row of the accounts-to-call table. */
export interface CallRow {
    account: string;
    segment: string;
    arr: string;
    score: string;
    probability: string;
    renewal: string;
    reasons: string[];
}
/**
 * The RED accounts at the table's latest as-of, by ARR at risk (their annual value), most first,
 * each with the scorecard's three reasons in words. Accounts without enough data are left out.
 */
export declare function accountsToCall(card: Scorecard, frame: Frame, names: ReadonlyMap<string, string | null> | null, limit?: number): {
    asOf: string | null;
    rows: CallRow[];
    red: number;
};
/** One row of the where-to-grow table. */
export interface GrowRow {
    account: string;
    segment: string;
    arr: string;
    score: string;
    /** The expansion model's probability, in words. */
    probability: string;
    renewal: string;
    /** The inputs raising the expansion propensity most, in words. */
    reasons: string[];
}
/**
 * Where to grow: the GREEN accounts (on the card) of the table's latest as-of, by the expansion
 * model's probability, likeliest first, each with the inputs that raise it most. `propensity`
 * and `reasons` are row-aligned with `latestSnapshot(frame).table`.
 */
export declare function accountsToGrow(card: Scorecard, snapshot: ReturnType<typeof latestSnapshot>, propensity: Float64Array, reasons: readonly (readonly (string | null)[])[], names: ReadonlyMap<string, string | null> | null, limit?: number): {
    asOf: string | null;
    rows: GrowRow[];
    green: number;
};
