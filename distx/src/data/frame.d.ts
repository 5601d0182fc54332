import { type Database, type DuckDBConnection } from './duckdb.js';
/**
 * A table held in memory column by column, the form every model reads. Numbers and booleans
 * are Float64Array with NaN for NULL (booleans as 0/1); text and dates are string arrays with
 * null for NULL (dates as YYYY-MM-DD).
 */
export type Column = Float64Array | (string | null)[];
export type ColumnKind = 'number' | 'boolean' | 'text' | 'date';
export interface Frame {
    n: number;
    names: string[];
    kinds: Record<string, ColumnKind>;
    columns: Record<string, Column>;
}
export declare function numeric(frame: Frame, name: string): Float64Array;
export declare function textColumn(frame: Frame, name: string): (string | null)[];
/**
 * Reads a relation (any SQL FROM item) from an open connection into a Frame, in its row order.
 * Infinities are refused with an input error naming `table` (the file), the row and the column;
 * a NaN (pandas' spelling of a missing value) is NULL.
 */
export declare function readFrame(conn: DuckDBConnection, relation: string, columns?: readonly string[], table?: string): Promise<Frame>;
/**
 * Reads a CSV, Parquet or JSONL table file into a Frame. Every error names the file: a folder
 * or an empty file, a damaged gzip stream (checked whole first), anything the reader refuses.
 * `db` is an open DuckDB to read with (a command that also writes with DuckDB opens one instance
 * for both); without it one is opened and closed here.
 */
export declare function loadFrame(path: string, columns?: readonly string[], options?: {
    db?: Database;
}): Promise<Frame>;
