import { type Band } from '../../scorecard/index.js';
import { type BandCell, type Curves, type LeadTime, type ModelMetrics } from './schema.js';
/** Test rows of one model, aligned: row k of every array is the same feature-table row. */
export interface Scored {
    y: Float64Array;
    p: Float64Array;
    /** Index into BANDS. */
    band: Uint8Array;
    /** annual_value, 0 where NULL; null when the table has no such column. */
    arr: Float64Array | null;
    asOf: readonly string[];
    account: readonly string[];
}
/** Running totals of the capacity view, summed over as-of dates and folds. */
export interface CapacityTally {
    flagged: number;
    caught: number;
    positives: number;
    arrCaught: number;
    arrChurned: number;
    dates: number;
}
export declare const emptyTally: () => CapacityTally;
export declare function addTally(a: CapacityTally, b: CapacityTally): CapacityTally;
/** Accounts a team works at one as-of date: --capacity K, or the share of that date's accounts (at least 1). */
export declare function capacityAt(accounts: number, capacity: number | null, share: number): number;
/**
 * At each as-of date, flag the `capacityAt` highest-probability rows. Rows tied at the cut
 * count pro rata (the expected value over orderings of the tie), so a scorecard's integer
 * scores are not helped or hurt by row order.
 */
export declare function capacityTally(s: Scored, capacity: number | null, share: number): CapacityTally;
export declare function bandCells(y: ArrayLike<number>, band: Uint8Array): Record<Band, BandCell>;
/** The metric block of metrics.json for test rows `s` and their capacity tally. */
export declare function modelMetrics(s: Scored, tally: CapacityTally, hasArr: boolean): ModelMetrics;
/** Linear-interpolated quantile (numpy's default) of sorted values. */
export declare function quantile(sorted: readonly number[], q: number): number | null;
/**
 * Days from each churned account's first RED to its churn (see LeadTime in schema.ts).
 * `lastAsOf` maps account -> its last as_of in the whole feature table.
 */
export declare function leadTime(s: Scored, lastAsOf: ReadonlyMap<string, string>): LeadTime;
export declare function curves(s: Scored): Curves;
/**
 * Bands for a model, which has none of its own: the top `shares.RED` of rows by probability
 * are RED, the next `shares.YELLOW` YELLOW, the rest GREEN, so a model and the default
 * scorecard put the same number of accounts in front of the team. Ties follow row order.
 */
export declare function bandsByShare(p: Float64Array, shares: Record<Band, number>): Uint8Array;
