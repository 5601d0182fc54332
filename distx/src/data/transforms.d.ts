import type { ColumnSource, Condition, LookupMapping, NumberFormat } from './config.js';
import type { IssueCode } from './issues.js';
/**
 * The mapping file's transforms compiled to DuckDB SQL. Every name and value from the file goes
 * through quoteIdent / quoteLiteral; nothing the user wrote is spliced into SQL text.
 *
 * Two stages. Extraction (here: `extractSource`) says which value of a row a contract column takes:
 * a column, a path into a JSON column, the first non-blank of several, a value looked up through
 * another file, a constant, or a condition's truth. Parsing (convert.ts) then reads that value in
 * the contract type, and rejects what it cannot read (`number`, `epoch`, `format`, `true`/`false`
 * lists, the table's `timezone`).
 */
/** A column of the raw relation (the user's file as read). */
export interface RawColumn {
    name: string;
    type: string;
}
/** How a contract column is read after extraction (the `number`, `epoch`, `format`, `true`/`false` keys). */
export interface ParseOptions {
    number?: NumberFormat | true;
    epoch?: 'seconds' | 'milliseconds';
    format?: string;
    add_days?: number;
    true?: string[];
    false?: string[];
}
/** A value the extraction could not produce although the row gave one (a lookup miss, bad JSON). */
export interface Unresolved {
    /** SQL: true where the row's value could not be extracted. */
    cond: string;
    /** SQL: the value as the user wrote it, for messages. */
    raw: string;
    code: IssueCode;
    problem: string;
}
export interface Extracted {
    sql: string;
    /** DuckDB type of `sql`. */
    type: string;
    /** For messages: the user's column, path or lookup chain. */
    describe: string;
    /** True when `sql` is a plain column of the raw relation (no wrapping needed). */
    plain: boolean;
    /** Each way the value can fail to be extracted (a hop of a lookup chain each), in order. */
    unresolved: Unresolved[];
}
/** A lookup as a FROM item, opened by the caller: one row per key (k) with its value (v), as text. */
export interface OpenedLookup {
    name: string;
    mapping: LookupMapping;
    /** `SELECT k, v FROM ...` with one row per key. */
    relation: string;
    origin: string;
}
export declare class MappingReferenceError extends Error {
    readonly ref: string;
    constructor(ref: string, message: string);
}
/** The scope a source is compiled in: the raw relation's columns under an alias, and the joins it needs. */
export declare class ExtractScope {
    readonly alias: string;
    readonly columns: readonly RawColumn[];
    private readonly lookups;
    /** Contract columns of this table, for `field` tests in conditions. */
    private readonly fields;
    readonly joins: string[];
    private joinCount;
    constructor(alias: string, columns: readonly RawColumn[], lookups: ReadonlyMap<string, OpenedLookup>, 
    /** Contract columns of this table, for `field` tests in conditions. */
    fields: (name: string) => Extracted | null);
    /** A column reference: the exact name, then any case, then a dotted path into a JSON column. */
    ref(name: string): Extracted;
    /** Compiles a column source (a name, or an object of the mapping file). */
    source(source: ColumnSource): Extracted;
    private lookup;
    /** A condition as an SQL boolean (NULL where a value is missing; callers coalesce). */
    condition(c: Condition): string;
}
/** Every regular expression of a condition, to check before any query runs. */
export declare function conditionPatterns(c: Condition | undefined): string[];
export declare function sourcePatterns(s: ColumnSource): string[];
/** The parse options of a column source (none for a plain name). */
export declare function parseOptionsOf(source: ColumnSource | undefined): ParseOptions;
/**
 * A number as exported, from text `v`: currency symbols and ISO codes ("$", "€", "USD") and
 * spaces are dropped; "(1,200)" is negative; "12%" is 0.12; separators as configured, with
 * thousands groups checked ("1,2" is not a number when "," groups thousands). NULL when the
 * text is not such a number.
 */
export declare function parseNumberSql(v: string, options: NumberFormat | true): string;
