/**
 * Per-day facts of the simulated window, computed once: month (0-11), weekday (0 = Sunday),
 * whether the day is the 1st of a month (a monthly snapshot date), and the usage seasonality.
 */
export interface Calendar {
    /** Epoch day of day index 0. */
    startEpochDay: number;
    /** Number of simulated days: day indices 0 .. days-1. */
    days: number;
    month: Uint8Array;
    weekday: Uint8Array;
    /** Day of the month, 1-31. */
    dayOfMonth: Uint8Array;
    firstOfMonth: Uint8Array;
}
export declare function buildCalendar(startEpochDay: number, months: number): Calendar;
