import type { TableName } from './contract.js';
import { InputError } from '../util/index.js';
/** One problem found in a history dataset, located by table, row (or key or line) and column. */
export type Severity = 'error' | 'warning';
export type IssueCode = 'missing_table' | 'ambiguous_table' | 'unreadable' | 'empty_file' | 'no_header' | 'unreadable_header' | 'wrong_delimiter' | 'duplicate_header' | 'malformed_rows' | 'no_rows' | 'missing_column' | 'outside_data' | 'bad_date' | 'bad_timestamp' | 'bad_number' | 'bad_integer' | 'bad_boolean' | 'missing_value' | 'bad_enum' | 'out_of_range' | 'end_before_start' | 'duplicate_key' | 'lookup_miss' | 'bad_json' | 'orphan_account' | 'after_churn' | 'future_date' | 'ambiguous_lookup' | 'impossible_date';
export interface IssueExample {
    /** 1-based data row in the user's file or table (header excluded). */
    row?: number;
    /** 1-based line of the file, for rows the CSV reader could not split. */
    line?: number;
    /** The row's key, e.g. `ticket_id=T9`. */
    key?: string;
    /** All rows sharing a duplicated key (the first few). */
    rows?: number[];
    /** The offending value as the user wrote it. */
    value?: string | null;
}
export interface ValidationIssue {
    severity: Severity;
    code: IssueCode;
    table: TableName;
    /** The file or database table the rows came from. */
    source: string | null;
    /** The contract column. */
    column?: string;
    /** The user's column name, when it differs from the contract's (mapped or differently cased). */
    sourceColumn?: string;
    /** What is wrong, without the location. */
    message: string;
    /** Rows affected, for row-level problems. */
    count?: number;
    /** For problems shown by group (a duplicated key and its rows): how many groups there are. */
    groups?: number;
    /** The first few affected rows (or groups), in file order. */
    examples: IssueExample[];
    /** How to fix it, when there is a standard fix. */
    hint?: string;
}
/** The issue's location: table (and its source), row when there is exactly one, column. */
export declare function formatIssueLocation(issue: ValidationIssue): string;
/**
 * One line for a person: where, what, how many, the first few rows and the fix. A problem that
 * hits every one of 100M rows still prints one line.
 */
export declare function formatIssue(issue: ValidationIssue): string;
/** Bad input found by the loader: an InputError (exit 2) whose message is the issue's line. */
export declare class DataIssueError extends InputError {
    readonly issue: ValidationIssue;
    constructor(issue: ValidationIssue);
}
