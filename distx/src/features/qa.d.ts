import type { DuckDBConnection } from '../data/index.js';
import { type FeatureSetName } from './registry.js';
import type { NullColumn } from './build.js';
import type { DataCoverage } from './coverage.js';
/**
 * Feature QA of a feature table: coverage and quantiles per column, churn rate per decile (the
 * cohort view) and for NULL vs non-NULL rows, and the correlation matrix of the ten features.
 * Computed in DuckDB over any relation with the feature table's columns; byte-stable (see
 * singleThreaded).
 */
export interface FeatureQa {
    kind: 'churnkit.feature_qa';
    version: 1;
    rows: number;
    accounts: number;
    as_of: {
        first: string | null;
        last: string | null;
        count: number;
    };
    label: {
        column: string;
        labeled: number;
        censored: number;
        positives: number;
        rate: number | null;
    };
    columns: ColumnQa[];
    /** Pearson correlation over pairwise non-NULL rows; the label is the last row/column. */
    correlation: {
        columns: string[];
        matrix: (number | null)[][];
    };
    /** Where each source of the history starts and ends (written by `features`, absent for a bare table). */
    coverage?: DataCoverage;
}
export interface RateCell {
    rows: number;
    labeled: number;
    positives: number;
    rate: number | null;
}
export interface DecileQa extends RateCell {
    decile: number;
    min: number;
    max: number;
}
export interface ColumnQa {
    name: string;
    role: 'feature' | 'signal';
    type: 'number' | 'boolean' | 'text';
    non_null: number;
    coverage: number;
    /** Why the column is NULL everywhere, when a table it needs is absent. */
    null_reason?: string;
    mean?: number | null;
    std?: number | null;
    quantiles?: Record<string, number | null>;
    churn: {
        null: RateCell;
        non_null: RateCell;
    };
    /** Numeric columns: ten equal-count groups of the non-NULL rows by value, with churn among their labeled rows. */
    deciles?: DecileQa[];
    /** Boolean and text columns: churn per value. */
    levels?: (RateCell & {
        value: string;
    })[];
}
/** QA summary of `relation` (a table name, or any FROM item such as read_parquet('...')). */
export declare function featureQa(conn: DuckDBConnection, relation: string, options?: {
    nullColumns?: readonly NullColumn[];
    featureSet?: FeatureSetName;
}): Promise<FeatureQa>;
/** FROM item reading a feature table file (.csv or .parquet) with the feature table's column types. */
export declare function featureTableReader(path: string): string;
/** QA summary of a feature table file, in a private DuckDB (for reports and notebooks). */
export declare function featureQaOfFile(path: string): Promise<FeatureQa>;
/**
 * Copies a churnkit feature table file to Parquet, keeping the rows with as_of on or after `from`
 * (all rows without it), through a temporary sibling. Returns the rows kept.
 */
export declare function copyFeatureTable(path: string, out: string, from?: string): Promise<number>;
export declare function renderQaMarkdown(qa: FeatureQa, title?: string): string;
/** A column with NULLs, how many, and why (an absent table, or the definition's NULL case). */
export interface NullNote {
    column: string;
    null_rows: number;
    null_share: number;
    reason: string;
}
/** The columns of a QA summary that have NULLs, in feature-table order, with the reason. */
export declare function describeNulls(qa: FeatureQa): NullNote[];
