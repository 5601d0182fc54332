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
} from './server.js';
export {
  AlertDispatcher,
  MemoryAlertLedger,
  detectAlerts,
  alertEventId,
  DEFAULT_DROP_THRESHOLD,
  ALERT_FORMATS,
  type AlertFormat,
} from './alerts.js';
export { ApiKeys, presentedKey } from './api-keys.js';
export { loadServableScorecard, type ScorecardLoader } from './scorecard-source.js';
export { ServiceMetrics } from './metrics.js';
export { openApiDocument } from './openapi.js';
export {
  MAX_BATCH,
  MAX_COLUMNAR_ROWS,
  INPUT_COLUMNS,
  scoreRequestSchema,
} from './schemas.js';
