/**
 * Whole-day arithmetic for the simulator. Every time is a day index counted from the start
 * date (day 0 = start, 00:00 UTC) or a second offset from the start, so the hot loop works on
 * small integers and only the final COPY turns them into dates and timestamps.
 */
import { addMonthsToDay } from '../util/index.js';

const MS_PER_DAY = 86_400_000;

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

export function buildCalendar(startEpochDay: number, months: number): Calendar {
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
