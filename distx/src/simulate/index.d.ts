import { type TableName } from '../data/index.js';
import { type Progress } from '../util/index.js';
import { type SnapshotProbe } from './model.js';
import { type OutputFormat } from './output.js';
import { type EffectsInput } from './params.js';
import { type Truth } from './truth.js';
import { type Preset, type Traits, type TraitsInput } from './traits.js';
export type { EffectsInput } from './params.js';
export { DRIVERS } from './params.js';
export type { SnapshotProbe } from './model.js';
export type { Truth } from './truth.js';
export type { Arrivals, Preset, Traits, TraitsInput } from './traits.js';
export { ARRIVALS, DEFAULT_TRAITS, PRESETS, SEASONAL_DIPS, seasonalDipFactor, SMALL_HISTORY, SMALL_HISTORY_ACCOUNTS, } from './traits.js';
export declare const DEFAULT_START = "2023-01-01";
export declare const TRUTH_FILE = "truth.json";
export interface SimulateOptions {
    accounts: number;
    /** Months of history; optional with a preset (small-history: 36). */
    months?: number;
    seed: number;
    /** Output folder: new, empty, or one churnkit wrote (see writeOutputDir). */
    out: string;
    /** Write into a folder that holds other files (they are kept). */
    force?: boolean;
    format?: OutputFormat;
    /** Re-weights the planted drivers, e.g. `{ layers: { usage: 3, engagement: 0.2 } }`. */
    effects?: EffectsInput;
    /** First day of the history, `YYYY-MM-DD` (default 2023-01-01). */
    start?: string;
    /**
     * Traits of real small histories (young accounts, a champion on every account, usage that
     * starts late); each off by default. Set over the preset's.
     */
    traits?: TraitsInput;
    /** `small-history`: 36 months, a growing book, a champion from the start, usage from month 13. */
    preset?: Preset;
    progress?: Progress;
    /**
     * Called on every monthly snapshot date (the 1st) of every active account with the feature
     * values the hazard used that day. For tests; the probe's arrays are reused, copy what you keep.
     */
    observe?: (probe: SnapshotProbe) => void;
    /** DuckDB worker threads for the export (default: DuckDB's choice). */
    threads?: number;
}
export interface SimulationSummary {
    out: string;
    format: OutputFormat;
    accounts: number;
    months: number;
    seed: number;
    start: string;
    /** Last simulated day. */
    data_end: string;
    preset: Preset | null;
    traits: Traits;
    /** File name per table, plus truth.json. */
    files: Record<TableName, string> & {
        truth: string;
    };
    counts: Record<TableName, number>;
    /** Rows over all tables. */
    rows: number;
    churned_accounts: number;
    annual_churn_rate: number;
    truth: Truth;
}
export declare function simulate(options: SimulateOptions): Promise<SimulationSummary>;
