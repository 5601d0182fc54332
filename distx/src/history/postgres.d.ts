import { type HistoryBackend } from './store.js';
/**
 * Score history in PostgreSQL. Writers in several processes are safe: upserts and alert
 * claims are single INSERT ... ON CONFLICT statements, which PostgreSQL makes atomic per key.
 */
export declare function openPostgresHistory(url: string): Promise<HistoryBackend>;
/** The connection string without its password, for messages. */
export declare function redact(url: string): string;
