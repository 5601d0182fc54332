import type { DuckDBConnection } from '../data/index.js';
/**
 * DuckDB resources for a feature build. The defaults keep a 50,000-account, 100M-row build under
 * 4 GB of resident memory: DuckDB's buffer pool is capped below that (hash tables spill to the
 * temporary folder beyond it) and the rest of the process needs a few hundred MB.
 */
export interface EngineOptions {
    /** Worker threads (default: all cores). */
    threads?: number;
    /** DuckDB memory limit such as `2.5GB` (default `2.5GB`). */
    memoryLimit?: string;
}
export declare const DEFAULT_MEMORY_LIMIT = "2.5GB";
/** Applies the options; returns a cleanup that removes the spill folder. */
export declare function configureEngine(conn: DuckDBConnection, options?: EngineOptions): Promise<() => Promise<void>>;
