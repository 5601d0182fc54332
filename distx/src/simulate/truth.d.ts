/**
 * truth.json: what the simulator planted, so models and scorecards can be checked against it.
 * Only inputs and counts go in (no times, hosts or paths), so it is byte-identical per seed.
 */
import type { TableName } from '../data/index.js';
import type { Layer } from '../features/index.js';
import { type DriverLayer, type Effects } from './params.js';
import type { SegmentTally } from './model.js';
import { type Preset, type Traits } from './traits.js';
/** The traits in truth.json, in its snake_case. */
export interface TruthTraits {
    preset: Preset | null;
    arrivals: Traits['arrivals'];
    champion_from_start: boolean;
    /** First day with usage rows; the accounts used the product before it too. */
    usage_from: string | null;
    /** --seasonal-usage: the dips (month 1-12, day) and their factor; absent without the trait. */
    seasonal_usage?: {
        from: string;
        to: string;
        factor: number;
    }[];
}
export interface TruthDriver {
    name: string;
    kind: 'feature' | 'signal';
    layer: DriverLayer;
    /** Rank in docs/features.md for features, null for signals. */
    rank: number | null;
    /** Log-hazard per unit of `transform(x) - reference`, after effects. */
    coefficient: number;
    /** Before effects. */
    base_coefficient: number;
    /** The effects multiplier applied (layer factor times driver factor). */
    scale: number;
    transform: string;
    reference: number;
    when_null: string;
}
export interface TruthSegment {
    name: string;
    share: number;
    base_hazard_per_day: number;
    seats_median: number;
    price_per_seat: number;
    value_per_user_reference: number;
    accounts: number;
    churned: number;
    exposure_years: number;
    annual_churn_rate: number;
}
export interface Truth {
    kind: 'churnkit.simulation-truth';
    version: 1;
    seed: number;
    accounts: number;
    months: number;
    /** First day of the history (day index 0). */
    start: string;
    /** Last simulated day: no row is at or after the day after it. */
    data_end: string;
    format: 'parquet' | 'csv';
    /** Present only when a trait or preset was asked for (a default run's truth.json is unchanged). */
    traits?: TruthTraits;
    hazard: {
        form: string;
        unit: 'per day';
        renewal: {
            floor: number;
            peak: number;
            tau_days: number;
        };
        season_by_month: number[];
        usage_season_by_month: number[];
        frailty_sd: number;
        /** Factor applied to every segment's base hazard to offset effects (1 with default effects). */
        compensation: number;
    };
    effects: Effects;
    drivers: TruthDriver[];
    /** Sum of |coefficient| over each layer's drivers: the planted layer strength. */
    layer_strength: Record<Layer, number>;
    segments: TruthSegment[];
    churn: {
        churned_accounts: number;
        exposure_years: number;
        annual_churn_rate: number;
        share_within_60d_of_renewal: number;
    };
    /**
     * The planted expansion rule (mid-term add-ons) and the features it shows through, each with the
     * sign a model of `expanded_within_90d` should find.
     */
    expansion: {
        form: string;
        add_on_per_day: number;
        drivers: {
            name: string;
            direction: 1 | -1;
            why: string;
        }[];
    };
    counts: Record<TableName, number>;
    files: Record<TableName, string>;
}
export declare function buildTruth(args: {
    seed: number;
    accounts: number;
    months: number;
    start: string;
    dataEnd: string;
    format: 'parquet' | 'csv';
    effects: Effects;
    traits: (Traits & {
        preset: Preset | null;
    }) | undefined;
    tally: readonly SegmentTally[];
    counts: Record<TableName, number>;
    files: Record<TableName, string>;
}): Truth;
