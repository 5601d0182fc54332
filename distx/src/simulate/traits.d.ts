/**
 * When accounts start. `front`: front-loaded, so the book is sizeable early (the default).
 * `even`: uniform over the window. `growing`: a book that grows, new accounts per month doubling
 * every year, so at any date many accounts are in their first contract year.
 */
export type Arrivals = 'front' | 'even' | 'growing';
export declare const ARRIVALS: readonly Arrivals[];
export type Preset = 'small-history';
export declare const PRESETS: readonly Preset[];
export interface TraitsInput {
    arrivals?: Arrivals;
    /** Every account has a champion contact from its first day (some have none by default). */
    championFromStart?: boolean;
    /** `YYYY-MM-DD`: no usage row before this day is written (behaviour and churn are unchanged). */
    usageFrom?: string;
    /** Deep seasonal dips in usage (SEASONAL_DIPS) that carry no churn risk. */
    seasonalUsage?: boolean;
}
export interface Traits {
    arrivals: Arrivals;
    championFromStart: boolean;
    /** `YYYY-MM-DD`, or null when usage is recorded from the start. */
    usageFrom: string | null;
    seasonalUsage: boolean;
}
export declare const DEFAULT_TRAITS: Traits;
/**
 * `--seasonal-usage`: every year, usage falls to `factor` of its level from one day to another
 * (months 0-11, days inclusive), on top of the default seasonality: a summer break and a long
 * year-end shutdown, as in education or public-sector customers. Each dip starts mid-month so
 * that a monthly snapshot on the 1st sees it in its last 14 days and not in the 14 before
 * (2024-08-01: July 18-31 against July 4-17), which is what a 14-day trend misreads as decline.
 * The churn hazard sees usage with the seasonal factors divided out: the dips are not risk.
 */
export declare const SEASONAL_DIPS: readonly {
    from: [month: number, day: number];
    to: [month: number, day: number];
    factor: number;
}[];
/** The dip factor of a day (1 outside every dip). */
export declare function seasonalDipFactor(month: number, day: number): number;
/** What `small-history` sets; an explicit option overrides its part. */
export interface PresetDefaults {
    months: number;
    arrivals: Arrivals;
    championFromStart: boolean;
    /** Usage starts this many months after the history does. */
    usageFromMonths: number;
}
export declare const SMALL_HISTORY: PresetDefaults;
/** The accounts the small-history preset is meant for (a B2B SaaS book, not a consumer app). */
export declare const SMALL_HISTORY_ACCOUNTS: readonly [min: number, max: number];
export declare function isDefaultTraits(t: Traits): boolean;
/**
 * Resolves the traits: the preset's, then the explicit ones over them. `startEpochDay` and
 * `days` bound `usageFrom`: usage must start within the history.
 */
export declare function resolveTraits(input: TraitsInput | undefined, preset: Preset | undefined, startEpochDay: number, days: number): Traits;
/**
 * The first day of an account as a fraction of the arrival span, from one uniform draw (so every
 * shape consumes the account's random stream identically).
 */
export declare function arrivalFraction(arrivals: Arrivals, u: number, years: number): number;
