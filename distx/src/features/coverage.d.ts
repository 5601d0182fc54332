/**
 * Data coverage: where each source table of a history really starts and ends, and how many
 * snapshot rows fall where a source has no data (an analytics tool adopted years after the first
 * customer, a ticket system switched off). Coverage is reported, never acted on here: a feature's
 * definition does not depend on it, so a row before usage begins still has zero_usage_14d = true,
 * exactly as docs/features.md says. `features --from DATE` is how a user leaves such rows out.
 */
import type { TableName } from '../data/index.js';
import { type DuckDBConnection } from '../data/index.js';
import type { SqlDialect } from './dialect.js';
import { type FeatureSetName } from './registry.js';
/** The column that dates a record of each table (its event time, or the start of its effect). */
export declare const SOURCE_TIME_COLUMN: Record<TableName, string>;
/**
 * Tables whose records are events (their last record is where the source stops) rather than
 * spans in effect until they end (a contact, a contract, an integration stays in effect after the
 * last one was added, so an old last record is no sign of a source that stopped).
 */
export declare const EVENT_TABLES: ReadonlySet<TableName>;
/**
 * A source starts late when its first record is more than this many days after the first
 * account started, and ends early when its last record is more than this many days before
 * data_end. Sparse sources (a quarterly NPS survey, a young account's first ticket) take weeks to
 * show up even when they were there all along; a quarter separates that from a missing system.
 */
export declare const COVERAGE_GRACE_DAYS = 90;
/** Days of usage history the usage features read at an as-of date (adoption breadth: last 30 + prior 30). */
export declare const USAGE_LOOKBACK_DAYS: number;
/** The same for the transactions feature set, whose longest purchase window is a year. */
export declare const PURCHASE_LOOKBACK_DAYS: number;
/** First and last record of one table, by its SOURCE_TIME_COLUMN (as UTC days). */
export interface SourceRange {
    table: TableName;
    column: string;
    rows: number;
    first: string | null;
    last: string | null;
}
export interface AsOfSpan {
    first: string;
    last: string;
}
export interface SourceCoverage extends SourceRange {
    /** First record more than COVERAGE_GRACE_DAYS after the first account started (or no record at all). */
    starts_late: boolean;
    /** An event table whose last record is more than COVERAGE_GRACE_DAYS before data_end. */
    ends_early: boolean;
    /** Snapshot rows with as_of on or before the first record: nothing of this source is visible to them. */
    rows_before: number;
    as_of_before: AsOfSpan | null;
    /** Snapshot rows with as_of after the last record (event tables; 0 for spans). */
    rows_after: number;
    as_of_after: AsOfSpan | null;
}
export interface UsageCoverage {
    /** The usage features' longest look-back (USAGE_LOOKBACK_DAYS; PURCHASE_LOOKBACK_DAYS for transactions). */
    windows_days: number;
    /** The first day whose usage windows lie wholly on or after the first usage record. */
    windows_covered_from: string | null;
    /** Snapshot rows that see some usage but whose windows start before the first usage record. */
    rows_partial: number;
    /** Where snapshots should start when usage starts late: the first as-of date on or after windows_covered_from. */
    suggested_from: string | null;
}
export interface DataCoverage {
    /** The earliest accounts.started_at: snapshots start the month after. */
    first_start: string | null;
    data_end: string;
    grace_days: number;
    /** Snapshot rows, and the as-of dates they span. */
    rows: number;
    as_of: AsOfSpan | null;
    /** Every present table but accounts, in contract order. */
    sources: SourceCoverage[];
    /** Optional tables that are not there at all (their features are NULL on every row). */
    absent: TableName[];
    usage: UsageCoverage;
    /** One line per source that starts late or ends early with snapshot rows outside it. */
    warnings: string[];
}
/**
 * One query over the history's tables giving each table's rows and first and last record day, in
 * a dialect (DuckDB or PostgreSQL), so coverage is read where the data lives.
 */
export declare function sourceRangeSql(tables: ReadonlySet<TableName>, dialect: SqlDialect, source?: (t: TableName) => string): string;
/** The ranges from sourceRangeSql's result rows. */
export declare function sourceRangesOf(rows: readonly Record<string, unknown>[]): SourceRange[];
/** Snapshot rows per as-of date of a feature relation. */
export declare function rowsByAsOf(conn: DuckDBConnection, relation: string): Promise<Map<string, number>>;
/**
 * Coverage of each source against the snapshot rows (`rowsByAsOf`: as-of date -> rows, any
 * order), with a warning for each source that starts late or ends early and leaves rows outside
 * its data.
 */
export declare function dataCoverage(ranges: readonly SourceRange[], rowsByAsOf: ReadonlyMap<string, number>, dataEnd: string, allTables: readonly TableName[], featureSet?: FeatureSetName): DataCoverage;
