import { type HistoryBackend } from './store.js';
/**
 * Score history in an embedded DuckDB file. DuckDB lets one process hold a database file for
 * writing, so a file is shared by the service's requests (serialized here), not across
 * processes: use PostgreSQL for a history that several processes write.
 */
export declare function openDuckDBHistory(path: string): Promise<HistoryBackend>;
