import { type TableName } from './contract.js';
import { type OpenHistoryOptions } from './history.js';
import { type ValidationIssue } from './issues.js';
import { type Progress } from '../util/index.js';
/**
 * `churnkit validate`: every contract violation of a history dataset, each located by table,
 * row (or key, or line) and column, with counts and the first few rows, in a fixed order.
 * Each table is read as text in one parallel, streaming pass that counts every problem (so a
 * 2 GB file needs no more memory than a small one); only tables with problems get a second,
 * row-numbered pass for the first rows of each, which stops as soon as it has them. Nothing
 * is written.
 *
 * Future dates are judged against the day of the latest usage timestamp (`dataEnd`), not the
 * wall clock, so the report is the same whenever it runs; by day, because usage may be daily
 * roll-ups stamped 00:00. Contracts are exempt: renewal dates lie ahead.
 */
export interface ValidateOptions extends OpenHistoryOptions {
    /** Rows shown per problem (default 5); counts are always complete. */
    maxExamples?: number;
    /** The export's last day (`--data-end`): later events are impossible. */
    dataEnd?: string;
    /** The run date (default today, UTC): later events are impossible. */
    today?: string;
    progress?: Progress;
}
export interface TableSummary {
    table: TableName;
    /** The file or database table; null when the table is absent. */
    source: string | null;
    format: string | null;
    /** Data rows read; null when the table could not be read. */
    rows: number | null;
}
export interface ValidationReport {
    ok: boolean;
    source: string;
    kind: string;
    config: string | null;
    tables: TableSummary[];
    /** The latest usage timestamp (ISO 8601, UTC): the default data end and the "future" line. */
    dataEnd: string | null;
    errors: number;
    warnings: number;
    /** Errors first, then warnings; within each, in contract table order. */
    issues: ValidationIssue[];
}
/** Checks a history dataset against the input contract; never throws for bad data, only for a bad --data or mapping file. */
export declare function validateHistory(source: string, options?: ValidateOptions): Promise<ValidationReport>;
/** The report for a person: one line per table, one line per problem, and a summary line. */
export declare function formatValidationReport(report: ValidationReport): string[];
/**
 * What to throw when work on a history failed: a strict view stops at the first bad value with
 * its table, column and value but no row (numbering rows would cost every good run its
 * parallel scan), so on failure validate runs and its first error, with the row, is the message:
 * the same words `churnkit validate` prints. Errors that are not about the data pass unchanged.
 */
export declare function explainHistoryFailure(source: string, options: OpenHistoryOptions, err: unknown): Promise<unknown>;
