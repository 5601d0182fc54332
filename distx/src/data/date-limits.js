import { CONTRACT, TABLE_NAMES } from './contract.js';
import { addDays } from '../util/index.js';
/**
 * Dates that cannot be right. An event is impossible when it lies after the run date (the
 * future), after the export's own end (`--data-end`), or, for usage, which sets the default
 * data_end, more than DATE_TOLERANCE_DAYS after the latest date in every other table (a
 * mistyped year). `validate` reports such rows as warnings with counts and examples; `features`
 * leaves them out of data_end with a warning, so one row dated 2030 never moves it.
 *
 * By day, like data_end: a daily roll-up stamped 00:00 covers its whole day.
 */
export const DATE_TOLERANCE_DAYS = 180;
/** Today in UTC; `CHURNKIT_TODAY` (YYYY-MM-DD) pins it, for tests and reruns of an old export. */
export function runDate() {
    const pinned = process.env['CHURNKIT_TODAY'];
    return pinned && /^\d{4}-\d{2}-\d{2}$/.test(pinned) ? pinned : new Date().toISOString().slice(0, 10);
}
/** The last day an event of `table` can plausibly have, and why (for messages); null when nothing bounds it. */
export function latestPossibleDay(limits, table) {
    if (table === 'contracts')
        return null; // renewal dates lie ahead by nature
    const bounds = [{ day: limits.today, why: `the run date, ${limits.today}` }];
    if (limits.dataEnd)
        bounds.push({ day: limits.dataEnd, why: `--data-end ${limits.dataEnd}` });
    if (table === 'usage' && limits.otherLatest) {
        const day = addDays(limits.otherLatest, DATE_TOLERANCE_DAYS);
        bounds.push({
            day,
            why: `${DATE_TOLERANCE_DAYS} days after ${limits.otherLatest}, the latest date in the other tables`,
        });
    }
    return bounds.reduce((a, b) => (b.day < a.day ? b : a));
}
/**
 * The date and timestamp columns whose latest value bounds usage: every table but usage and
 * contracts, less the accounts' start dates. When an account started says nothing about how far
 * the export runs: a purchase log's accounts table holds only first-purchase days, and its
 * purchases rightly run years past the last of them.
 */
export function otherEventColumns() {
    return TABLE_NAMES.filter((t) => t !== 'usage' && t !== 'contracts').flatMap((table) => CONTRACT[table].columns
        .filter((c) => (c.type === 'date' || c.type === 'timestamp') && !(table === 'accounts' && c.name === 'started_at'))
        .map((c) => ({ table, column: c.name })));
}
//# sourceMappingURL=date-limits.js.map