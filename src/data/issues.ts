import type { TableName } from './contract.js';
import { excerpt, InputError, groupDigits } from '../util/index.js';

/** One problem found in a history dataset, located by table, row (or key or line) and column. */
export type Severity = 'error' | 'warning';

export type IssueCode =
  // the dataset and its tables
  | 'missing_table'
  | 'ambiguous_table'
  | 'unreadable'
  | 'empty_file'
  | 'no_header'
  | 'unreadable_header'
  | 'wrong_delimiter'
  | 'duplicate_header'
  | 'malformed_rows'
  | 'no_rows'
  | 'missing_column'
  | 'outside_data'
  // values
  | 'bad_date'
  | 'bad_timestamp'
  | 'bad_number'
  | 'bad_integer'
  | 'bad_boolean'
  | 'missing_value'
  | 'bad_enum'
  | 'out_of_range'
  | 'end_before_start'
  | 'duplicate_key'
  | 'lookup_miss'
  | 'bad_json'
  // suspicious, reported as warnings
  | 'orphan_account'
  | 'after_churn'
  | 'future_date'
  | 'ambiguous_lookup'
  | 'impossible_date';

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

function quoteName(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_]*$/.test(name) ? name : JSON.stringify(name);
}

function formatExample(e: IssueExample): string {
  const parts: string[] = [];
  if (e.row !== undefined) parts.push(`row ${e.row}`);
  if (e.line !== undefined) parts.push(`line ${e.line}`);
  if (e.key !== undefined) parts.push(e.row !== undefined || e.line !== undefined ? `(${e.key})` : e.key);
  if (e.rows !== undefined) parts.push(`(rows ${e.rows.join(', ')})`);
  if (e.value !== undefined) parts.push(e.value === null ? 'NULL' : excerpt(e.value));
  return parts.join(' ');
}

const n = (x: number) => groupDigits(x);

/** The issue's location: table (and its source), row when there is exactly one, column. */
export function formatIssueLocation(issue: ValidationIssue): string {
  const parts = [`table ${issue.table}${issue.source ? ` (${issue.source})` : ''}`];
  const single = issue.count === 1 && issue.examples.length === 1 ? issue.examples[0]! : null;
  if (single?.row !== undefined) parts.push(`row ${single.row}`);
  if (single?.line !== undefined) parts.push(`line ${single.line}`);
  if (single?.key !== undefined) parts.push(single.key);
  if (issue.column !== undefined || issue.sourceColumn !== undefined) {
    const theirs = issue.sourceColumn ?? issue.column!;
    parts.push(
      issue.column !== undefined && issue.sourceColumn !== undefined && issue.sourceColumn !== issue.column
        ? `column ${quoteName(theirs)} (${issue.column})`
        : `column ${quoteName(theirs)}`,
    );
  }
  return parts.join(', ');
}

/**
 * One line for a person: where, what, how many, the first few rows and the fix. A problem that
 * hits every one of 100M rows still prints one line.
 */
export function formatIssue(issue: ValidationIssue): string {
  let text = `${formatIssueLocation(issue)}: ${issue.message}`;
  if (issue.count !== undefined) {
    if (issue.count === 1 && issue.examples.length === 1) {
      const v = issue.examples[0]!.value;
      if (v !== undefined) text += `: ${v === null ? 'NULL' : excerpt(v)}`;
    } else if (issue.count > 0) {
      text += ` in ${n(issue.count)} row${issue.count === 1 ? '' : 's'}`;
      if (issue.examples.length > 0) {
        text += `: ${issue.examples.map(formatExample).join(', ')}`;
        if ((issue.groups ?? issue.count) > issue.examples.length) text += ` (first ${issue.examples.length} shown)`;
      }
    }
  }
  if (issue.hint) text += `; ${issue.hint}`;
  return text;
}

/** Bad input found by the loader: an InputError (exit 2) whose message is the issue's line. */
export class DataIssueError extends InputError {
  constructor(readonly issue: ValidationIssue) {
    const single = issue.examples.length === 1 ? issue.examples[0] : undefined;
    super(
      { table: issue.table, row: single?.row, key: single?.key, column: issue.sourceColumn ?? issue.column },
      issue.message,
    );
    this.message = formatIssue(issue);
  }
}
