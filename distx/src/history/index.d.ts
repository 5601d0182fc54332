/**
 * The score history: every score served or written, per account and as-of date, in DuckDB or
 * PostgreSQL, with the alert ledger; `score_change` and alerts are read against it.
 */
export { openScoreHistory, type ScoreHistory, type ScoreRecord, type PreviousScore, type AlertLedger, type AlertClaim, type AlertStatus, } from './store.js';
export { withScoreChanges, roundChange } from './score-changes.js';
export { judgmentProblems, JUDGMENT_BANDS, MAX_AUTHOR_CHARS, MAX_REASON_CHARS, type JudgmentBand, type JudgmentInput, type JudgmentView, } from './judgments.js';
