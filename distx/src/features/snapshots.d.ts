/**
 * Snapshot cadence of docs/features.md: the 1st of each month, each Monday, or every day (daily
 * scores; `churnkit refresh` keeps such a table up to date without rebuilding it).
 */
export type Every = 'month' | 'week' | 'day';
export declare const EVERY_VALUES: readonly Every[];
/**
 * As-of dates for `every`, from the first such day strictly after `firstStart` (the earliest
 * `started_at`; nobody is active on that day itself) through `dataEnd` inclusive.
 */
export declare function snapshotDates(every: Every, firstStart: string, dataEnd: string): string[];
/** The as-of dates on or after `from` (all of them without it); none left is a usage error. */
export declare function snapshotsFrom(asOf: readonly string[], from: string | undefined, dataEnd: string): string[];
