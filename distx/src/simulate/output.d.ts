/**
 * The spill columns the simulation loop writes (codes and day/second offsets) and the SQL that
 * turns it into the contract tables of docs/history.md, column for column in contract order.
 * Identifiers are built here, in DuckDB, so the JS loop never formats a string per row.
 */
import { type TableName } from '../data/index.js';
/** Spill columns per table (all int32); -1 stands for NULL in nullable codes and offsets. */
export declare const SPILL_COLUMNS: Record<TableName, readonly string[]>;
/** Name of the table function that scans a table's spill file. */
export declare function spillScanName(table: TableName): string;
export interface OutputContext {
    /** `YYYY-MM-DD` of day index 0. */
    start: string;
    /** Digits of the zero-padded account number. */
    idWidth: number;
}
/** SELECT producing the contract table `table` from its spill file, in the order rows were written. */
export declare function contractSelect(table: TableName, ctx: OutputContext): string;
export type OutputFormat = 'parquet' | 'csv';
export declare function copySql(table: TableName, ctx: OutputContext, path: string, format: OutputFormat): string;
