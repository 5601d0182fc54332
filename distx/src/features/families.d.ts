import type { TableName } from '../data/index.js';
import type { SqlDialect } from './dialect.js';
import type { FeatureSqlParams } from './sql.js';
/**
 * The feature families of docs/features.md, each with the SQL of its relations, the joins that
 * bring them to the snapshot rows, and the columns it defines, in that order: what a family reads
 * and how each of its features is computed sit together, as the definition reads. featureQuery
 * (sql.ts) runs the snapshot relations, then every family in FAMILIES order.
 */
/** Window lengths of docs/features.md, in days. */
export declare const WINDOWS: {
    /** usage_trend_14d, login_frequency_change_14d and zero_usage_14d share one window. */
    readonly usage: 14;
    readonly tickets: 30;
    readonly champion: 30;
    readonly activeUsers: 30;
    readonly adoption: 30;
    readonly nps: 180;
};
/**
 * The usage trends that can be read against the same weeks a year earlier (`features --seasonal`),
 * with the length N of their windows. `<name>_yoy` at as-of T, for an account of segment S:
 *
 *   L, P   = the account's last and prior N days, as the plain feature reads them;
 *   La, Pa = segment S's same two windows 365 days earlier, [T-365-N, T-365) and [T-365-2N, T-365-N):
 *            the feature's counts of every account of S added up (whoever was a customer then);
 *   rel_change(L, P * La / Pa)   when the usage data reaches back to T-365-2N and La > 0 and Pa > 0,
 *   rel_change(L, P) otherwise   (the plain feature).
 *
 * P * La / Pa is what the last N days would hold if the account moved as its segment did over the
 * same weeks a year earlier, so a December dip that happens every year reads as 0 and one that did
 * not happen last year as a fall. The segment's profile, not the account's own year-ago weeks:
 * on the simulator's seasonal histories the account's own (four windows of one account, NULL for
 * every account younger than a year) ranked worse than the plain trend, the segment's better
 * (docs/seasonality.md). "The usage data reaches back": its first day, over all accounts, is on or
 * before T-365-2N. Everything read lies before T.
 */
export declare const SEASONAL_FEATURES: {
    readonly usage_trend_14d: 14;
    readonly login_frequency_change_14d: 14;
    readonly feature_adoption_breadth_change_30d: 30;
};
export type SeasonalFeature = keyof typeof SEASONAL_FEATURES;
/** How far back a year-over-year comparison reaches: a year. */
export declare const YEAR_DAYS = 365;
export declare const seasonalColumn: (feature: SeasonalFeature) => string;
export declare function isSeasonalFeature(name: string): name is SeasonalFeature;
/** Feature events that fit a BIGINT bitmask (bit 63 is the sign). */
export declare const MAX_EVENT_BITS = 62;
/** What every family's SQL is written with: the query's parameters, the dialect and shared SQL pieces. */
export interface FamilyContext {
    params: FeatureSqlParams;
    d: SqlDialect;
    has(table: TableName): boolean;
    /** How a contract table is referenced. */
    src(table: TableName): string;
    /**
     * A named relation of the query; `materialize` false for a view over a big input (streamed);
     * `constant` true when it reads no table, only the query's parameters (the as-of dates).
     */
    step(family: string, name: string, sql: string, materialize?: boolean, constant?: boolean): void;
    /** The first and last as-of dates as date literals. */
    first: string;
    last: string;
    /** The usage trends asked for with `--seasonal`, in SEASONAL_FEATURES order. */
    seasonal: SeasonalFeature[];
    /** `<alias>.account_id = s.account_id AND <alias>.as_of = s.as_of`: a relation joined to its snapshot row. */
    on(alias: string): string;
}
/** A feature family: its relations (added with ctx.step), their joins to the snapshot rows, its columns. */
export interface FeatureFamily {
    name: string;
    steps(ctx: FamilyContext): void;
    joins(ctx: FamilyContext): string[];
    /** Column expressions by feature-table column; NULL of the column's type when a table it needs is absent. */
    columns(ctx: FamilyContext): Record<string, string>;
}
/** rel_change(L, P) of docs/features.md over non-negative L and P (never NULL here). */
export declare function relChange(d: SqlDialect, l: string, p: string): string;
export declare const zero: (e: string) => string;
export declare const inEffect: (start: string, end: string, t: string) => string;
/** The label of a snapshot row `s` (the inactivity label reads `ua`, usage_ahead joined to it). */
export declare function labelExpression(d: SqlDialect, params: FeatureSqlParams): string;
/** The families in the order their relations are written (a family may read an earlier one's). */
export declare const FAMILIES: readonly FeatureFamily[];
