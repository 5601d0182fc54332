/**
 * Whole-day arithmetic for the simulator. Every time is a day index counted from the start
 * date (day 0 = start, 00:00 UTC) or a second offset from the start, so the hot loop works on
 * small integers and only the final COPY turns them into dates and timestamps.
 */
import { addMonthsToDay } from '../util/index.js';
const MS_PER_DAY = 86_400_000;
export function buildCalendar(startEpochDay, months) {
    const endEpochDay = addMonthsToDay(startEpochDay, months);
    const days = endEpochDay - startEpochDay;
    const month = new Uint8Array(days);
    const weekday = new Uint8Array(days);
    const dayOfMonth = new Uint8Array(days);
    const firstOfMonth = new Uint8Array(days);
    for (let t = 0; t < days; t++) {
        const date = new Date((startEpochDay + t) * MS_PER_DAY);
        month[t] = date.getUTCMonth();
        weekday[t] = date.getUTCDay();
        dayOfMonth[t] = date.getUTCDate();
        firstOfMonth[t] = date.getUTCDate() === 1 ? 1 : 0;
    }
    return { startEpochDay, days, month, weekday, dayOfMonth, firstOfMonth };
}
//# sourceMappingURL=calendar.js.map