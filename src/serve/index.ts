/**
 * The scoring service's public API: the HTTP server, its alerts, keys and metrics. The score
 * history it writes lives in src/history.
 */
export {
  createServer,
  errorBody,
  HttpError,
  type ServerOptions,
  type ChurnkitService,
  type ScoreResponse,
} from './server.js';
export { answerOf, forPeople, reasonDetails, type ReasonDetail } from './answers.js';
export {
  loadServedModel,
  MODEL_REASONS,
  type ServedModel,
  type ModelReason,
  type ModelAnswers,
} from './served-model.js';
export {
  AlertDispatcher,
  MemoryAlertLedger,
  detectAlerts,
  alertEventId,
  DEFAULT_DROP_THRESHOLD,
  ALERT_FORMATS,
  alertPayload,
  type AlertFormat,
  type AlertContext,
  type AlertEvent,
  type AlertKind,
  type AlertRules,
  type AlertDispatcherOptions,
} from './alerts.js';
export { ApiKeys, presentedKey } from './api-keys.js';
export {
  ScorecardSource,
  loadServableScorecard,
  modelLoader,
  type LoadedScorecard,
  type ScorecardLoader,
  type ReloadOutcome,
} from './scorecard-source.js';
export { ServiceMetrics } from './metrics.js';
export { openApiDocument } from './openapi.js';
export {
  MAX_BATCH,
  MAX_COLUMNAR_ROWS,
  INPUT_COLUMNS,
  scoreRequestSchema,
  batchRequestSchema,
  columnsRequestSchema,
  columnsResponseSchema,
  scoreResultSchema,
  batchResponseSchema,
} from './schemas.js';
