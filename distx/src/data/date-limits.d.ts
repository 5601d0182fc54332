import { type TableName } from './contract.js';
/**
 * Dates that cannot be right. An event is impossible when it lies after the run date (the
 * future), after the export's own end (`--data-end`), or, for usage, which sets the default
 * data_end, more than DATE_TOLERANCE_DAYS after the latest date in every other table (a
 * mistyped year). `validate` reports such rows as warnings with counts and examples; `features`
 * leaves them out of data_end with a warning, so one row dated 2030 never moves it.
 *
 * By day, like data_end: a daily roll-up stamped 00:00 covers its whole day.
 */
export declare const DATE_TOLERANCE_DAYS = 180;
export interface DateLimits {
    /** The run date, YYYY-MM-DD (UTC). */
    today: string;
    /** `--data-end`: the export's last day, when the user says it. */
    dataEnd?: string;
    /** The latest plausible day in the other tables' event dates (otherEventColumns; null when they have none). */
    otherLatest: string | null;
}
/** Today in UTC; `CHURNKIT_TODAY` (YYYY-MM-DD) pins it, for tests and reruns of an old export. */
export declare function runDate(): string;
/** The last day an event of `table` can plausibly have, and why (for messages); null when nothing bounds it. */
export declare function latestPossibleDay(limits: DateLimits, table: TableName): {
    day: string;
    why: string;
} | null;
/**
 * The date and timestamp columns whose latest value bounds usage: every table but usage and
 * contracts, less the accounts' start dates. When an account started says nothing about how far
 * the export runs: a purchase log's accounts table holds only first-purchase days, and its
 * purchases rightly run years past the last of them.
 */
export declare function otherEventColumns(): {
    table: TableName;
    column: string;
}[];
