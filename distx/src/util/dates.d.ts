/** Days since 1970-01-01 of a `YYYY-MM-DD` date, or undefined when it is not a real day. */
export declare function isoDay(value: string): number | undefined;
/** The `YYYY-MM-DD` form of an epoch day. */
export declare function isoFromDay(day: number): string;
/** A real calendar day in `YYYY-MM-DD` form, or throws (dates reach SQL only through here). */
export declare function checkIsoDate(value: string): string;
/** `date` plus `days` days (negative goes back). */
export declare function addDays(date: string, days: number): string;
/** The epoch day `months` calendar months after `epochDay`, the day of month clamped to the month's end. */
export declare function addMonthsToDay(epochDay: number, months: number): number;
/** `date` plus `months` calendar months, the day of month clamped to the month's end. */
export declare function addMonths(date: string, months: number): string;
