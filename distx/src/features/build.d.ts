import { type TableName } from '../data/index.js';
import type { DuckDBConnection } from '../data/index.js';
import { type Progress } from '../util/index.js';
import { type SqlDialect } from './dialect.js';
import { type Every } from './snapshots.js';
import { type SourceRange } from './coverage.js';
import { type FeatureQuery, type LabelKind, type SeasonalFeature } from './sql.js';
import { type FeatureSetName } from './registry.js';
/** What the feature SQL reads: a DuckDB connection with one typed view per contract table present. */
export interface FeatureSource {
    connection: DuckDBConnection;
    tables: ReadonlySet<TableName>;
    /** Interaction kinds that count as CSM touches (from the mapping file); default DEFAULT_CSM_KINDS. */
    csmKinds?: readonly string[];
    /** Where each table came from (`usage.parquet`, ...): decides whether usage is read once into memory. */
    sources?: ReadonlyMap<TableName, string>;
}
export interface FeatureOptions {
    /** Snapshot cadence (default month). Ignored when `asOf` is given. */
    every?: Every;
    /** Label horizon in days (default 90). */
    horizon?: number;
    /** Last day of data, `YYYY-MM-DD` (default: the UTC day of the latest usage timestamp). */
    dataEnd?: string;
    /** `churn` (default), `inactivity`, or `expansion` (the churn label and `expanded_within_90d`). */
    label?: LabelKind;
    /** `--label expansion`: the least relative rise of annual value that counts (default 0.1). */
    expansionThreshold?: number;
    /**
     * `YYYY-MM-DD`: snapshots start on the first as-of date on or after it (e.g. where usage data
     * begins). Features still read history before it: only which rows exist changes.
     */
    from?: string;
    /** Explicit as-of date(s) instead of the cadence, e.g. `score --as-of`. */
    asOf?: string | readonly string[];
    /**
     * Computes only some dates of the grid (the cadence's dates, or `asOf`): `churnkit refresh`
     * rebuilds just the as-of dates new data touched. It gets the whole grid and data_end; the
     * build's rows are exactly the full build's rows of the dates it returns (none: no rows).
     */
    only?: (grid: readonly string[], dataEnd: string) => readonly string[];
    /** Overrides `source.csmKinds`. */
    csmKinds?: readonly string[];
    /** Name of the temporary table to create (default `feature_table`). */
    relation?: string;
    /**
     * `saas` (the ten features, default), `transactions` (recency, frequency, monetary value for a
     * purchase log) or `auto`: transactions when usage looks like purchases with amounts (no login
     * events, at most three event names, amounts with fractions).
     */
    featureSet?: FeatureSetName | 'auto';
    /** Usage trends that also get a year-over-year column `<name>_yoy` (SEASONAL_FEATURES); saas set only. */
    seasonal?: readonly SeasonalFeature[];
    progress?: Progress;
}
/** A column that is NULL on every row by construction, and why. */
export interface NullColumn {
    column: string;
    reason: string;
}
export interface FeatureBuild {
    connection: DuckDBConnection;
    /** Temporary table holding the feature table, columns in FEATURE_TABLE_COLUMNS order. */
    relation: string;
    /** The table is stored sorted by as_of, account_id (insertion order is kept). */
    sorted: true;
    rows: number;
    accounts: number;
    /** The as-of dates computed (the grid, or what `only` chose of it). */
    asOf: string[];
    /** Every as-of date of the cadence through data_end (what a full build computes). */
    grid: string[];
    every: Every | 'list';
    dataEnd: string;
    horizon: number;
    label: LabelKind;
    /** Columns NULL for every row because a table they need is absent. */
    nullColumns: NullColumn[];
    query: FeatureQuery;
    featureSet: FeatureSetName;
    /** The table's columns, in order. */
    columns: readonly string[];
    /** Where each present table's records start and end (for the data coverage report). */
    sources: SourceRange[];
    /** Things the user should know about the input (impossible dates left out of data_end). */
    warnings?: string[];
}
export declare const DEFAULT_HORIZON = 90;
export declare const DEFAULT_RELATION = "feature_table";
/**
 * Builds the feature table of docs/features.md inside the source's DuckDB: snapshot rows for every
 * account active at each as-of date, the ten features, the signals and the label. The result is a
 * temporary table (`relation`); intermediate relations are dropped afterwards.
 */
export declare function buildFeatures(source: FeatureSource, options?: FeatureOptions): Promise<FeatureBuild>;
/** The feature query as one SQL statement for a dialect, without running it (e.g. for PostgreSQL). */
export declare function featureSql(params: {
    asOf: readonly string[];
    dataEnd: string;
    horizon?: number;
    label?: LabelKind;
    tables: ReadonlySet<TableName>;
    csmKinds?: readonly string[];
    source?: (t: TableName) => string;
}, dialect?: SqlDialect): string;
/** Features and signals that are NULL on every row because a table they need is absent. */
export declare function nullColumns(tables: ReadonlySet<TableName>): NullColumn[];
export type FeatureFileFormat = 'csv' | 'parquet';
export declare function featureFileFormat(path: string): FeatureFileFormat;
/**
 * Writes a feature relation to CSV or Parquet through a temporary sibling, so a failed run leaves
 * no file. Rows are sorted by as_of, account_id; the bytes depend only on the data.
 */
export declare function writeFeatureTable(source: {
    connection: DuckDBConnection;
    relation: string;
    sorted?: boolean;
    columns?: readonly string[];
}, outPath: string, options?: {
    format?: FeatureFileFormat;
    sorted?: boolean;
}): Promise<{
    path: string;
    format: FeatureFileFormat;
    rows: number;
}>;
/** `--expansion-threshold` goes with `--label expansion` only, and is a rise above 0. */
export declare function checkExpansionOptions(label: LabelKind, threshold: number | undefined): void;
