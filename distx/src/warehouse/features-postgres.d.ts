import type pg from 'pg';
import { type TableName } from '../data/index.js';
import { type History } from '../data/index.js';
import { type SourceRange, type Every, type FeatureBuild, type FeatureQuery, type LabelKind } from '../features/index.js';
import type { DuckDBConnection } from '../data/index.js';
/**
 * Copies a history (as churnkit reads it: contract columns, defaults applied) into PostgreSQL
 * tables of the contract's names, through CSV files the server reads itself (COPY FROM a file
 * needs a superuser or pg_read_server_files, and a server on this machine).
 */
export declare function copyHistoryToPostgres(history: History, client: pg.ClientBase, options?: {
    schema?: string;
}): Promise<void>;
export interface PostgresFeatureOptions {
    /** Only the ten features (saas) run in PostgreSQL; auto means saas here. */
    featureSet?: 'saas' | 'transactions' | 'auto';
    every?: Every;
    horizon?: number;
    label?: LabelKind;
    /** `--label expansion`: the least relative rise of annual value that counts (default 0.1). */
    expansionThreshold?: number;
    dataEnd?: string;
    /** Snapshots start on the first as-of date on or after this day (see buildFeatures). */
    from?: string;
    /** Schema holding the contract tables (default: the search path). */
    schema?: string;
}
/** The feature SQL for the contract tables in this database, with its as-of dates. */
export interface PostgresFeatureQuery {
    sql: string;
    query: FeatureQuery;
    asOf: string[];
    dataEnd: string;
    tables: ReadonlySet<TableName>;
    /** Where each table's records start and end, read in PostgreSQL. */
    sources: SourceRange[];
}
export declare function postgresFeatureSql(client: pg.ClientBase, options?: PostgresFeatureOptions): Promise<PostgresFeatureQuery>;
/**
 * Runs the feature SQL in PostgreSQL and lands the finished table in a DuckDB connection, as
 * buildFeatures would have left it (same relation, columns, types and order), so the feature
 * file, its QA and everything downstream are the same code whatever computed the features.
 */
export declare function buildFeaturesInPostgres(client: pg.ClientBase, conn: DuckDBConnection, options?: PostgresFeatureOptions & {
    relation?: string;
}): Promise<FeatureBuild>;
