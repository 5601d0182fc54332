import { type JudgmentFilter, type JudgmentInput, type JudgmentView } from './judgments.js';
/**
 * Score history: one row per account and as-of date (re-scoring the same day replaces that
 * day's row, so a client polling the service does not grow the store), from which the change
 * since the previous score comes. The `previous` of a score at as-of T is the stored score of
 * the same account with the latest as-of strictly before T, so re-scoring a day is idempotent
 * and concurrent writers of the same day agree on it.
 */
export interface ScoreRecord {
    account_id: string;
    /** YYYY-MM-DD */
    as_of: string;
    score: number;
    band: string;
    probability: number | null;
    escalate: boolean;
    layers: Record<string, number | null>;
    overrides: readonly string[];
    reasons: readonly string[];
    /** Fingerprint of the scorecard that produced the score. */
    scorecard?: string | null;
}
export interface PreviousScore {
    account_id: string;
    as_of: string;
    score: number;
    band: string;
    escalate: boolean;
}
/** An account, and optionally the as-of it is being scored at (then only earlier scores count). */
export interface HistoryKey {
    account_id: string;
    as_of?: string | null;
}
export type AlertStatus = 'pending' | 'sent' | 'failed';
export interface AlertClaim {
    event_id: string;
    account_id: string;
    as_of: string;
    kind: string;
    /** The JSON payload, kept for audit. */
    payload: string;
}
/** Where alert events are claimed before sending, so that one event is never sent twice. */
export interface AlertLedger {
    /** Claims the events not claimed before, atomically; returns the ids this call won. */
    claim(events: readonly AlertClaim[]): Promise<Set<string>>;
    finish(eventId: string, status: Exclude<AlertStatus, 'pending'>, attempts: number): Promise<void>;
}
export interface RecordOptions {
    /** What produced the scores: `serve`, `score`, ... (stored with each row). */
    source?: string;
}
export interface ScoreHistory extends AlertLedger {
    readonly kind: 'duckdb' | 'postgres';
    /** Stores scores; a row for an (account_id, as_of) already stored replaces it. */
    append(records: readonly ScoreRecord[], options?: RecordOptions): Promise<void>;
    /** For each key, in order: the latest stored score (before the key's as_of, when given), or null. */
    previous(keys: readonly (string | HistoryKey)[]): Promise<(PreviousScore | null)[]>;
    /**
     * Looks up each record's previous score and stores the records, as one step: a record's
     * previous may be an earlier-dated record of the same call. Concurrent calls are grouped
     * into one transaction (group commit), which is what keeps single-account requests cheap.
     */
    record(records: readonly ScoreRecord[], options?: RecordOptions): Promise<(PreviousScore | null)[]>;
    /** Alert events with their status, oldest claim first (for audits and tests). */
    alerts(): Promise<{
        event_id: string;
        account_id: string;
        as_of: string;
        kind: string;
        status: AlertStatus;
        attempts: number;
    }[]>;
    /**
     * Stores a CSM's judgment (checked with judgmentProblems first) beside the scores, never in place
     * of one, and returns it with the computed score it stands beside.
     */
    judge(judgment: JudgmentInput, options?: RecordOptions): Promise<JudgmentView>;
    /** Judgments, oldest first (by as_of, then as recorded), each beside its computed score. */
    judgments(filter?: JudgmentFilter): Promise<JudgmentView[]>;
    close(): Promise<void>;
}
/** What a storage engine implements; the grouping and in-batch ordering are shared. */
export interface HistoryBackend extends AlertLedger {
    readonly kind: 'duckdb' | 'postgres';
    append(records: readonly ScoreRecord[], source: string): Promise<void>;
    previous(keys: readonly HistoryKey[]): Promise<(PreviousScore | null)[]>;
    /** previous(records) then append(records), atomically. */
    previousThenAppend(records: readonly ScoreRecord[], source: string): Promise<(PreviousScore | null)[]>;
    alerts: ScoreHistory['alerts'];
    judge(judgment: JudgmentInput, source: string): Promise<JudgmentView>;
    judgments(filter: JudgmentFilter): Promise<JudgmentView[]>;
    close(): Promise<void>;
}
export declare const HISTORY_TABLE = "churnkit_score_history";
export declare const ALERTS_TABLE = "churnkit_alert_events";
/**
 * Opens (creating when absent) a score history: a PostgreSQL database for a `postgres://`
 * connection string, else an embedded DuckDB file at that path (`:memory:` for a throwaway).
 */
export declare function openScoreHistory(urlOrPath: string): Promise<ScoreHistory>;
/** Keeps the last record of each (account_id, as_of): one statement must not write a key twice. */
export declare function lastPerKey(records: readonly ScoreRecord[]): ScoreRecord[];
/**
 * Combines stored previous scores (latest before each record's as-of) with earlier-dated
 * records of the same batch, which are about to be stored and so come later than the store.
 */
export declare function mergeInBatchPrevious(records: readonly ScoreRecord[], stored: readonly (PreviousScore | null)[]): (PreviousScore | null)[];
