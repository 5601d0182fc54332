/**
 * Traits of real small B2B histories that the default world does not have, each off by default
 * so the default simulation stays byte-identical: young accounts (a growing book), a champion on
 * every account from its first day, and usage data that starts late (an analytics tool adopted
 * after the first customers). `small-history` combines them. README.md in this folder explains.
 */
import { UsageError, addMonthsToDay, isoDay, isoFromDay } from '../util/index.js';
export const ARRIVALS = ['front', 'even', 'growing'];
export const PRESETS = ['small-history'];
export const DEFAULT_TRAITS = {
    arrivals: 'front',
    championFromStart: false,
    usageFrom: null,
    seasonalUsage: false,
};
/**
 * `--seasonal-usage`: every year, usage falls to `factor` of its level from one day to another
 * (months 0-11, days inclusive), on top of the default seasonality: a summer break and a long
 * year-end shutdown, as in education or public-sector customers. Each dip starts mid-month so
 * that a monthly snapshot on the 1st sees it in its last 14 days and not in the 14 before
 * (2024-08-01: July 18-31 against July 4-17), which is what a 14-day trend misreads as decline.
 * The churn hazard sees usage with the seasonal factors divided out: the dips are not risk.
 */
export const SEASONAL_DIPS = [
    { from: [6, 20], to: [7, 20], factor: 0.5 },
    { from: [11, 20], to: [0, 4], factor: 0.45 },
];
/** The dip factor of a day (1 outside every dip). */
export function seasonalDipFactor(month, day) {
    const at = month * 100 + day;
    for (const dip of SEASONAL_DIPS) {
        const from = dip.from[0] * 100 + dip.from[1];
        const to = dip.to[0] * 100 + dip.to[1];
        const inside = from <= to ? at >= from && at <= to : at >= from || at <= to;
        if (inside)
            return dip.factor;
    }
    return 1;
}
export const SMALL_HISTORY = {
    months: 36,
    arrivals: 'growing',
    championFromStart: true,
    usageFromMonths: 12,
};
/** The accounts the small-history preset is meant for (a B2B SaaS book, not a consumer app). */
export const SMALL_HISTORY_ACCOUNTS = [100, 5000];
export function isDefaultTraits(t) {
    return (t.arrivals === DEFAULT_TRAITS.arrivals &&
        t.championFromStart === DEFAULT_TRAITS.championFromStart &&
        t.usageFrom === DEFAULT_TRAITS.usageFrom &&
        t.seasonalUsage === DEFAULT_TRAITS.seasonalUsage);
}
/**
 * Resolves the traits: the preset's, then the explicit ones over them. `startEpochDay` and
 * `days` bound `usageFrom`: usage must start within the history.
 */
export function resolveTraits(input, preset, startEpochDay, days) {
    if (preset !== undefined && !PRESETS.includes(preset))
        throw new UsageError(`--preset must be one of ${PRESETS.join(', ')}, got "${String(preset)}"`);
    const base = preset === 'small-history'
        ? {
            arrivals: SMALL_HISTORY.arrivals,
            championFromStart: SMALL_HISTORY.championFromStart,
            usageFrom: isoFromDay(addMonthsToDay(startEpochDay, SMALL_HISTORY.usageFromMonths)),
            seasonalUsage: false,
        }
        : { ...DEFAULT_TRAITS };
    const arrivals = input?.arrivals ?? base.arrivals;
    if (!ARRIVALS.includes(arrivals))
        throw new UsageError(`--arrivals must be one of ${ARRIVALS.join(', ')}, got "${String(arrivals)}"`);
    const championFromStart = input?.championFromStart ?? base.championFromStart;
    let usageFrom = input?.usageFrom ?? base.usageFrom;
    if (usageFrom !== null) {
        const day = isoDay(usageFrom);
        if (day === undefined)
            throw new UsageError(`--usage-from must be a date YYYY-MM-DD, got "${usageFrom}"`);
        const last = startEpochDay + days - 1;
        if (day > last)
            throw new UsageError(`--usage-from ${usageFrom} is after the last simulated day ${isoFromDay(last)}: there would be no usage at all`);
        // On or before the first day, usage is complete: the default history.
        if (day <= startEpochDay)
            usageFrom = null;
    }
    return { arrivals, championFromStart, usageFrom, seasonalUsage: input?.seasonalUsage ?? base.seasonalUsage };
}
/**
 * The first day of an account as a fraction of the arrival span, from one uniform draw (so every
 * shape consumes the account's random stream identically).
 */
export function arrivalFraction(arrivals, u, years) {
    switch (arrivals) {
        case 'front':
            return u ** 1.5;
        case 'even':
            return u;
        case 'growing': {
            // Density proportional to 2^(years * x) on [0, 1): inverse of its distribution function.
            const g = Math.LN2 * Math.max(years, 1e-9);
            return Math.log1p(u * Math.expm1(g)) / g;
        }
    }
}
//# sourceMappingURL=traits.js.map