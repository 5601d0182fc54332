import { type ColumnSpec } from './contract.js';
import type { TableMapping } from './config.js';
import type { IssueCode } from './issues.js';
import type { ResolvedColumn } from './sources.js';
import { type Unresolved } from './transforms.js';
import type { RuleCheck } from './rules.js';
/**
 * SQL that turns a user's column into a contract column. A column already stored in the
 * contract type (correct Parquet, a typed DuckDB table) passes through untouched, so DuckDB can
 * still push filters into the file; text (CSV, JSON, VARCHAR columns) is parsed leniently:
 * booleans as true/false/yes/no/1/0 in any case, timestamps as ISO 8601 with offsets converted
 * to UTC, dates as YYYY-MM-DD (or a configured strptime format).
 */
export interface ColumnConversion {
    /** The value in the contract type; NULL where it is missing or cannot be read. */
    value: string;
    /** True where the user gave a value (not NULL, not blank). */
    present: string;
    /**
     * `NOT present` written so that a scan can answer most of it from a file's statistics (see
     * textConversion); absent: `NOT present` is used as it is.
     */
    absent?: string;
    /** The raw value as text, for messages. */
    raw: string;
    /** True where a value was given but cannot be read; null when that cannot happen. */
    bad: string | null;
    code?: IssueCode;
    problem?: string;
    /** Rows whose value could not be extracted (a lookup miss, a column that is not JSON), checked before parsing. */
    unresolved?: Unresolved[];
}
export declare const TRUE_WORDS: readonly ['true', 't', 'yes', 'y', '1', 'on'];
export declare const FALSE_WORDS: readonly ['false', 'f', 'no', 'n', '0', 'off'];
/** The conversion of one contract column from the user's column (null: absent, use the default). */
export declare function convertColumn(spec: ColumnSpec, column: ResolvedColumn | null, mapping: TableMapping): ColumnConversion;
/** What the strict views' errors end with; commands that meet it ask validate for the row. */
export declare const SEE_VALIDATE = " (churnkit validate lists every bad row)";
/**
 * The typed view's expression: the value, or a query error naming table, column and value
 * where it cannot be read or breaks a value rule (the view must not turn bad input into silent
 * NULLs, nor let through what validate rejects).
 */
export declare function strictColumnExpr(spec: ColumnSpec, conversion: ColumnConversion, where: string, rules?: readonly RuleCheck[]): string;
