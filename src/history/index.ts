/**
 * The score history: every score served or written, per account and as-of date, in DuckDB or
 * PostgreSQL, with the alert ledger; `score_change` and alerts are read against it.
 */
export {
  openScoreHistory,
  HISTORY_TABLE,
  ALERTS_TABLE,
  type ScoreHistory,
  type ScoreRecord,
  type PreviousScore,
  type HistoryKey,
  type RecordOptions,
  type AlertLedger,
  type AlertClaim,
  type AlertStatus,
} from './store.js';
export { withScoreChanges, roundChange, type ScoreChange } from './score-changes.js';
