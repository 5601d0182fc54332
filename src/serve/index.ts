/**
 * The scoring service's public API: the HTTP server, the score history (which `churnkit score
 * --history` uses too), and alerts.
 */
export { createServer, HttpError, type ServerOptions, type ChurnkitService, type ScoreResponse } from './server.js';
export {
  openScoreHistory,
  isPostgresUrl,
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
} from './history.js';
export { withScoreChanges, type ScoreChange } from './score-changes.js';
export {
  AlertDispatcher,
  MemoryAlertLedger,
  detectAlerts,
  alertEventId,
  roundChange,
  DEFAULT_DROP_THRESHOLD,
  type AlertEvent,
  type AlertKind,
  type AlertRules,
  type AlertDispatcherOptions,
} from './alerts.js';
export { ApiKeys, presentedKey } from './api-keys.js';
export { ScorecardSource, loadServableScorecard, type LoadedScorecard, type ScorecardLoader, type ReloadOutcome } from './scorecard-source.js';
export { ServiceMetrics } from './metrics.js';
export { openApiDocument } from './openapi.js';
export { MAX_BATCH, MAX_COLUMNAR_ROWS, INPUT_COLUMNS, scoreRequestSchema, batchRequestSchema, columnsRequestSchema, columnsResponseSchema, scoreResultSchema, batchResponseSchema } from './schemas.js';
