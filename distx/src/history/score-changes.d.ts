import type { PreviousScore, RecordOptions, ScoreHistory, ScoreRecord } from './store.js';
export interface ScoreChange {
    previous: PreviousScore | null;
    /** score minus the previous score; null when the account has none before this as-of. */
    score_change: number | null;
}
/**
 * Stores a scoring run in the history and returns, row for row, the change since each row's
 * previous score: what `churnkit score --history DB` writes as `score_change`. Rows are
 * written in as-of order, in chunks, so a large feature table with many snapshots per account
 * gets the same answer as one call would.
 */
export declare function withScoreChanges(history: ScoreHistory, records: readonly ScoreRecord[], options?: RecordOptions & {
    chunkSize?: number;
}): Promise<ScoreChange[]>;
/** Score differences without float noise (71.3 - 48.1 = 23.199999999999996). */
export declare function roundChange(x: number): number;
