/**
 * Whole-day arithmetic for the simulator. Every time is a day index counted from the start
 * date (day 0 = start, 00:00 UTC) or a second offset from the start, so the hot loop works on
 * small integers and only the final COPY turns them into dates and timestamps.
 */
const MS_PER_DAY = 86_400_000;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Days since 1970-01-01 of a `YYYY-MM-DD` date, or null if it is not a real calendar date. */
export function parseIsoDate(text: string): number | null {
  const m = ISO_DATE.exec(text);
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const ms = Date.UTC(y, mo - 1, d);
  const back = new Date(ms);
  if (back.getUTCFullYear() !== y || back.getUTCMonth() !== mo - 1 || back.getUTCDate() !== d) return null;
  return ms / MS_PER_DAY;
}

export function formatEpochDay(epochDay: number): string {
  return new Date(epochDay * MS_PER_DAY).toISOString().slice(0, 10);
}

/** The epoch day `months` calendar months after `epochDay`, the day of month clamped to the month's end. */
export function addMonths(epochDay: number, months: number): number {
  const d = new Date(epochDay * MS_PER_DAY);
  const y = d.getUTCFullYear();
  const m = d.getUTCMonth() + months;
  const lastDay = new Date(Date.UTC(y, m + 1, 0)).getUTCDate();
  return Date.UTC(y, m, Math.min(d.getUTCDate(), lastDay)) / MS_PER_DAY;
}

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
  const endEpochDay = addMonths(startEpochDay, months);
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
