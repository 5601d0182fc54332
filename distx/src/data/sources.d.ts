import { type ColumnSpec, type TableName } from './contract.js';
import { type DuckDBConnection } from './duckdb.js';
import { type CsvOptions, type MappingConfig, type TableMapping } from './config.js';
import { type CsvReadOptions } from './csv.js';
import { type OpenedLookup, type ParseOptions, type RawColumn, type Unresolved } from './transforms.js';
import type { ValidationIssue } from './issues.js';
/**
 * Resolution: from a source (a folder or a DuckDB file) and a mapping, where each contract
 * table's rows come from and which of the user's columns hold each contract column. Both the
 * loader (typed views) and the validator build on this, so they never disagree about names.
 */
export type SourceFormat = 'csv' | 'parquet' | 'json' | 'text' | 'duckdb';
export interface ResolvedColumn {
    spec: ColumnSpec;
    /** The column as the user's file or table spells it (or the path or lookup chain it comes from). */
    source: string;
    /** The value in the table's relation, as SQL (a quoted column name). */
    sql: string;
    /** Its DuckDB type in the relation (VARCHAR for CSV and JSON, which are read as text). */
    type: string;
    /** Named by the mapping file rather than found under its contract name. */
    mapped: boolean;
    /** How the value is read (number formats, Unix time, strptime format, boolean value lists). */
    parse: ParseOptions;
    /** Rows where the value could not be extracted (a lookup miss, a column that is not JSON), one per way. */
    unresolved: Unresolved[];
}
/** How a relation is read: with CSV rejects recorded (validate), with the data row number. */
export interface RelationOptions extends CsvReadOptions {
    /** Add `__churnkit_row`, the 1-based data row of the user's file (before any filter). */
    numbered?: boolean;
}
/** The row-number column a numbered relation carries. */
export declare const ROW_COLUMN = "__churnkit_row";
export interface TableSource {
    table: TableName;
    /** The file name or `schema.table`, for messages. */
    origin: string;
    format: SourceFormat;
    path: string | null;
    bytes: number | null;
    /** The user's rows (mapped, filtered), as an SQL FROM item. */
    relation(options?: RelationOptions): string;
    /** Contract column -> the user's column; null when an optional column is absent. */
    columns: ReadonlyMap<string, ResolvedColumn | null>;
    mapping: TableMapping;
}
export interface ResolvedHistory {
    kind: 'folder' | 'duckdb';
    location: string;
    config: MappingConfig;
    configPath: string | null;
    /** Present tables, in contract order. */
    tables: TableSource[];
    /** Problems found while resolving (missing tables and columns, empty files, ...). */
    issues: ValidationIssue[];
    /** The lookups the tables use, opened. */
    lookups: OpenedLookup[];
}
export declare const DATA_FILE_EXTENSIONS: readonly ['.parquet', '.csv', '.tsv', '.jsonl', '.ndjson', '.json', '.csv.gz', '.tsv.gz', '.jsonl.gz', '.ndjson.gz', '.json.gz'];
/** The alias a DuckDB database source is attached under (read-only). */
export declare const ATTACHED_SOURCE = "churnkit_source";
export declare function formatOf(path: string, declared?: string): Exclude<SourceFormat, 'duckdb'> | null;
export type LocalSourceKind = 'folder' | 'duckdb';
/** What a local --data path is, with a usage error for anything else. */
export declare function localSourceKind(source: string): Promise<LocalSourceKind>;
export interface RawSource {
    relation: (o?: RelationOptions) => string;
    columns: RawColumn[];
}
/** What reading one file takes: where it is and how the mapping says to read it. */
export interface FileSpec {
    table: TableName;
    origin: string;
    path: string;
    bytes: number;
    format: Exclude<SourceFormat, 'duckdb'>;
    declared: string | undefined;
    csv: CsvOptions;
    widths: readonly number[] | undefined;
    /** The mapping path of this file's settings, for hints (`tables.usage`, `lookups.groups`). */
    key: string;
}
/** The raw relation of one file, or an issue when it cannot be read. */
export declare function openFile(conn: DuckDBConnection, spec: FileSpec): Promise<RawSource | ValidationIssue>;
/**
 * Resolves a local source on an open connection: attaches a DuckDB file (read-only), reads
 * CSV headers, describes Parquet/JSON/tables and matches columns. Problems become issues; only
 * a bad --data path or mapping file throws.
 */
export declare function resolveLocalHistory(conn: DuckDBConnection, source: string, config?: string | MappingConfig, options?: {
    allowOutsideData?: boolean;
}): Promise<ResolvedHistory>;
