import { type TableName } from '../data/index.js';
import { type Progress } from '../util/index.js';
import { type FeatureSource } from './build.js';
import { type Every } from './snapshots.js';
export declare const REFRESH_STATE_FILE = "features.duckdb";
export declare const REFRESH_STATE_KIND = "churnkit.refresh-state";
export interface RefreshOptions {
    /** Snapshot cadence of a new state (default day); a state keeps the one it was built with. */
    every?: Every;
    horizon?: number;
    from?: string;
    progress?: Progress;
}
/** What the state remembers of the last run (the `meta` row of the state file). */
export interface RefreshStateMeta {
    kind: typeof REFRESH_STATE_KIND;
    version: 1;
    every: Every;
    horizon: number;
    from: string | null;
    data_end: string;
    tables: TableName[];
    first_as_of: string;
    last_as_of: string;
    rows: number;
    /** DuckDB's version: its hash function makes the digests, so another version means a full rebuild. */
    engine: string;
    /** The latest record time per table (for people; the digests decide). */
    high_water: Record<string, string | null>;
}
export interface RefreshResult {
    mode: 'full' | 'incremental';
    state: RefreshStateMeta;
    previous_data_end: string | null;
    /** As-of dates rebuilt (all of them on a full build). */
    rebuilt: {
        count: number;
        first: string | null;
        last: string | null;
    };
    /** Why earlier dates were rebuilt: the earliest changed day of each table (late or edited data). */
    late: {
        table: string;
        day: string;
    }[];
    /** The first as-of date rebuilt because of `late` (null when only new days were built). */
    rebuilt_from: string | null;
    rows: number;
    rows_built: number;
    labels_changed: number;
}
/**
 * Builds or refreshes the feature table kept in `stateDir`. The first run (no state yet) is a full
 * build; later runs recompute what new data touched (see the module comment).
 */
export declare function refreshFeatures(source: FeatureSource, stateDir: string, options?: RefreshOptions): Promise<RefreshResult>;
/**
 * Opens the state's feature table read-only as the temporary view `refreshed_features` (sorted
 * as a full build writes it), e.g. for writeFeatureTable.
 */
export declare function attachRefreshedTable(source: FeatureSource, stateDir: string): Promise<string>;
