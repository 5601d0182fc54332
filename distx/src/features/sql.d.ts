import type { TableName } from '../data/index.js';
import type { SqlDialect } from './dialect.js';
import { type SeasonalFeature } from './families.js';
export { isSeasonalFeature, SEASONAL_FEATURES, seasonalColumn, WINDOWS, type SeasonalFeature, } from './families.js';
/**
 * The feature SQL of docs/features.md, one named relation per feature family, in standard SQL plus
 * the few constructs of `SqlDialect`. It reads the contract views (`accounts`, `usage`, ...) that
 * `openHistory` creates and nothing else.
 *
 * How windows are evaluated: every as-of date T gets the days T-1, T-2, ... T-K (`window_days`,
 * k = T - day). An event at timestamp t lies in "last N days" = [T-N, T) iff its UTC day d satisfies
 * 1 <= T - d <= N, because T is 00:00 UTC; "prior N days" is N < T - d <= 2N. Joining events to
 * `window_days` on the day is an equi-join against a table of (dates x K) rows, so each event is
 * touched once per snapshot whose window it falls in and nothing at or after T is ever read.
 * "Latest event before T" (CSM touch, integration) puts each event in the bucket of the first
 * as-of date after it (an equi-join on the day again) and takes a running max over the as-of
 * dates of the account.
 */
export type LabelKind = 'churn' | 'inactivity' | 'expansion';
export declare const LABEL_KINDS: readonly LabelKind[];
export interface FeatureSqlParams {
    /** As-of dates, `YYYY-MM-DD`, ascending and distinct. */
    asOf: readonly string[];
    /** Last day of data (inclusive), `YYYY-MM-DD`: a label is known iff T + horizon <= dataEnd. */
    dataEnd: string;
    horizon: number;
    /** `expansion` keeps the churn label and adds `expanded_within_90d` after it. */
    label: LabelKind;
    /** `--label expansion`: the least relative rise of annual value that counts (default EXPANSION_THRESHOLD). */
    expansionThreshold?: number;
    /** The contract tables present; families whose tables are absent yield NULL columns. */
    tables: ReadonlySet<TableName>;
    /** Interaction kinds that count as a CSM touch (feature 6). */
    csmKinds: readonly string[];
    /** How a contract table is referenced in SQL (default: its quoted name). */
    source?: (table: TableName) => string;
    /**
     * The distinct feature event names in usage (not login, not api_call), when known. With at most
     * MAX_EVENT_BITS of them, feature breadth counts bits of a bitmask (one cheap BIT_OR per window)
     * instead of COUNT(DISTINCT event); the numbers are the same either way.
     */
    featureEvents?: readonly string[];
    /**
     * Every usage quantity is a whole number and their total is below 2^53, so double sums are
     * exact and the decimal conversion can be skipped (same numbers, less work).
     */
    wholeQuantities?: boolean;
    /** Days every as-of date looks back in `window_days` at least (the transactional set reads a year and its prior). */
    lookbackDays?: number;
    /**
     * Usage trends that also get a year-over-year column `<name>_yoy` (`features --seasonal`), after
     * the label, in SEASONAL_FEATURES order.
     */
    seasonal?: readonly SeasonalFeature[];
}
/** One named relation of the feature query. */
export interface SqlStep {
    name: string;
    /** The feature family this relation belongs to, for progress and docs. */
    family: string;
    sql: string;
    /**
     * Worth storing when run step by step (small aggregates); false for relations that only
     * rename or filter a big input and should stay a view so the engine streams them.
     */
    materialize: boolean;
    /**
     * Reads no table, only the query's parameters (the day maps). PostgreSQL keeps these as views:
     * its parallel workers cannot read a temporary table, and these cost nothing to recompute.
     */
    constant?: boolean;
}
export interface FeatureQuery {
    steps: SqlStep[];
    /** The final SELECT, columns in FEATURE_TABLE_COLUMNS order, sorted by as_of, account_id. */
    select: string;
}
export declare function featureQuery(params: FeatureSqlParams, d: SqlDialect): FeatureQuery;
/** The whole query as one statement (`WITH ... SELECT`), e.g. to run inside PostgreSQL. */
export declare function renderFeatureSql(q: FeatureQuery): string;
