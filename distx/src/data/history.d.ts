import { type TableName } from './contract.js';
import { type Database } from './duckdb.js';
import type { MappingConfig } from './config.js';
import { type ResolvedHistory, type TableSource } from './sources.js';
/**
 * A history dataset opened in embedded DuckDB. Each present contract table is a view named
 * after it (`accounts`, `usage`, ...) with the contract's column names and types, whatever the
 * user's files, tables and columns are called; the feature SQL reads only those views.
 */
export interface History extends Database {
    /** The contract tables present in this dataset (accounts and usage always are). */
    tables: ReadonlySet<TableName>;
    /** Where each table came from, for messages (a file name, or `schema.table`). */
    sources: ReadonlyMap<TableName, string>;
    /** Interaction kinds that count as a CSM touch (feature 6): the mapping's `csm_kinds`, else DEFAULT_CSM_KINDS. */
    csmKinds: readonly string[];
    /** What the source is: 'folder' or 'duckdb'. */
    kind: string;
    /** The mapping file that applied, if any. */
    configPath: string | null;
    /** Contract column -> the user's column name, per table (null: absent, read as NULL/default). */
    columnSources: ReadonlyMap<TableName, ReadonlyMap<string, string | null>>;
    /** Every file read (the table files, or the DuckDB file, and the mapping file): no output may be one of them. */
    inputFiles: readonly string[];
}
export interface OpenHistoryOptions {
    /** A mapping file path or an already parsed mapping; default: churnkit.config.json in the data folder. */
    config?: string | MappingConfig;
    /** Let a mapping's `file` name a file outside the data folder (default: refused). */
    allowOutsideData?: boolean;
}
/** A `postgres://` or `postgresql://` connection URL. */
export declare function isPostgresUrl(source: string): boolean;
/**
 * A URL where a folder or a DuckDB file is expected: only `features` reads PostgreSQL (its SQL
 * runs in the database), so every other reader says what to do instead of failing on a path.
 */
export declare function rejectUrlSource(source: string): void;
/** The effective CSM interaction kinds of a mapping. */
export declare function csmKindsOf(config: MappingConfig): readonly string[];
/**
 * The typed view over one table: contract names and types, in contract column order. A value
 * that cannot be read fails the query that reads it; so does, for text sources, one that breaks
 * a rule of the contract (range, enumeration, a required value, an end before its start), as
 * validate reports it. Typed sources (Parquet, DuckDB) keep plain columns, so filters still
 * reach the scan; openHistory checks their rules in one pass instead.
 */
export declare function typedViewSql(source: TableSource, viewName?: string): string;
/** The files a resolved history reads. */
export declare function inputFilesOf(resolved: ResolvedHistory): string[];
/**
 * Opens a history: a folder of files named after the tables (accounts.csv, usage.parquet, ...),
 * or a DuckDB database file (attached read-only). The
 * mapping file renames files, tables, columns and values. A missing table or column, an empty
 * file or a wrong CSV delimiter fails here (exit 2); values are checked as they are read, so a
 * bad one fails the query that reads it, naming table, column and value: run `validate` first
 * for every bad row at once.
 */
export declare function openHistory(source: string, options?: OpenHistoryOptions): Promise<History>;
