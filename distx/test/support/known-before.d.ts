import type { History } from '../../src/data/history.js';
/** SQL of each table as it was known before `day`. */
export declare function knownBefore(day: string): Record<string, string>;
/** Writes each table's SQL (over `from`'s views) as `<dir>/<table>.parquet`. */
export declare function writeHistory(from: History, dir: string, tables: Record<string, string>): Promise<void>;
