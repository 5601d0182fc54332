import { isoDay, isoFromDay, UsageError } from '../util/index.js';
export const EVERY_VALUES = ['month', 'week', 'day'];
/**
 * As-of dates for `every`, from the first such day strictly after `firstStart` (the earliest
 * `started_at`; nobody is active on that day itself) through `dataEnd` inclusive.
 */
export function snapshotDates(every, firstStart, dataEnd) {
    const start = mustDay(firstStart);
    const end = mustDay(dataEnd);
    const out = [];
    if (every === 'day') {
        for (let d = start + 1; d <= end; d++)
            out.push(isoFromDay(d));
        return out;
    }
    if (every === 'week') {
        let d = start + 1;
        while (daysSinceMonday(d) !== 0)
            d++;
        for (; d <= end; d += 7)
            out.push(isoFromDay(d));
        return out;
    }
    let [y, m] = firstStart.split('-').map(Number);
    // The 1st of the month after firstStart is the first 1st strictly after it.
    for (;;) {
        m += 1;
        if (m > 12) {
            m = 1;
            y += 1;
        }
        const iso = `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-01`;
        if (mustDay(iso) > end)
            return out;
        out.push(iso);
    }
}
/** The as-of dates on or after `from` (all of them without it); none left is a usage error. */
export function snapshotsFrom(asOf, from, dataEnd) {
    if (from === undefined)
        return [...asOf];
    const kept = asOf.filter((d) => d >= from);
    if (kept.length === 0 && asOf.length > 0)
        throw new UsageError(`--from ${from}: no as-of date is on or after it (the last is ${asOf.at(-1)}, data_end ${dataEnd})`);
    return kept;
}
/** 0 on Mondays, 1 on Tuesdays, ... for an epoch day (1970-01-01 was a Thursday: 3 days after a Monday). */
function daysSinceMonday(day) {
    const r = (day + 3) % 7; // -6..6: negative before 1970
    // Stryker disable next-line ArithmeticOperator: equivalent for r - 7, which is 0 (mod 7) exactly when r + 7 is
    return (r + 7) % 7;
}
function mustDay(iso) {
    const d = isoDay(iso);
    if (d === undefined)
        throw new RangeError(`not a date (YYYY-MM-DD): "${iso}"`);
    return d;
}
//# sourceMappingURL=snapshots.js.map