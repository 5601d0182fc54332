/**
 * Calendar arithmetic on `YYYY-MM-DD` days and on epoch days (days since 1970-01-01), all UTC.
 * One meaning everywhere: adding months keeps the day of month, clamped to the month's last day
 * (Jan 31 + 1 month = Feb 28), which is what a fold cutoff or a "same day next month" means.
 */
const MS_PER_DAY = 86_400_000;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
/** Days since 1970-01-01 of a `YYYY-MM-DD` date, or undefined when it is not a real day. */
export function isoDay(value) {
    if (!ISO_DATE.test(value))
        return undefined;
    const ms = Date.parse(`${value}T00:00:00Z`);
    if (Number.isNaN(ms) || new Date(ms).toISOString().slice(0, 10) !== value)
        return undefined;
    return ms / MS_PER_DAY;
}
/** The `YYYY-MM-DD` form of an epoch day. */
export function isoFromDay(day) {
    return new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
}
/** A real calendar day in `YYYY-MM-DD` form, or throws (dates reach SQL only through here). */
export function checkIsoDate(value) {
    if (isoDay(value) === undefined)
        throw new RangeError(`not a date (YYYY-MM-DD): "${value}"`);
    return value;
}
/** `date` plus `days` days (negative goes back). */
export function addDays(date, days) {
    const day = isoDay(date);
    if (day === undefined)
        throw new RangeError(`not a date (YYYY-MM-DD): "${date}"`);
    return isoFromDay(day + days);
}
/** The epoch day `months` calendar months after `epochDay`, the day of month clamped to the month's end. */
export function addMonthsToDay(epochDay, months) {
    const d = new Date(epochDay * MS_PER_DAY);
    const y = d.getUTCFullYear();
    const m = d.getUTCMonth() + months;
    const lastDay = new Date(Date.UTC(y, m + 1, 0)).getUTCDate();
    return Date.UTC(y, m, Math.min(d.getUTCDate(), lastDay)) / MS_PER_DAY;
}
/** `date` plus `months` calendar months, the day of month clamped to the month's end. */
export function addMonths(date, months) {
    const day = isoDay(date);
    if (day === undefined)
        throw new RangeError(`not a date (YYYY-MM-DD): "${date}"`);
    return isoFromDay(addMonthsToDay(day, months));
}
//# sourceMappingURL=dates.js.map