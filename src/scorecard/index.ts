/**
 * The scorecard's public API: the artifact, its validation, and the scorers. Other areas
 * (serve, warehouse, backtest, report) import from here only. Calibration (which loads the
 * model stack) has its own entry, src/scorecard/calibration.ts, so that scoring stays light.
 */
export type { SignalValue, Signals } from './values.js';
export { SCORE_EPSILON, toNumber, toBoolean, toText, isMissing } from './values.js';
export type { Band, ScoreResult, ScoreStatus } from './score.js';
export {
  BANDS,
  MAX_REASONS,
  scoreAccount,
  conditionHolds,
  signalPoints,
  bandOf,
  thresholdsFor,
  probabilityOf,
  SCORE_STATUSES,
  DEFAULT_MIN_COVERAGE,
  statusOf,
  coverageColumns,
  isUnknownSegment,
  unknownSegmentWarning,
} from './score.js';
export type {
  Scorecard,
  ScorecardLayer,
  ScorecardSignal,
  PointsBand,
  Override,
  Condition,
  Thresholds,
  ProbabilityMap,
} from './schema.js';
export { ScorecardSchema, scorecardJsonSchema, SCORECARD_SCHEMA_ID } from './schema.js';
export { parseScorecard, ScorecardError, WEIGHT_TOLERANCE } from './validate.js';
export { loadScorecard, scorecardFromJson, DEFAULT_SCORECARD_PATH } from './load.js';
export type { ColumnTable, ColumnData, ScoreColumns } from './compile.js';
export { compileScorer, scoreColumns, signalNames, conditionColumn } from './compile.js';
export { pointsColumn } from './points.js';
export { scorecardColumns } from './inputs.js';
export { serializeScorecard, writeFilesTogether, reportPaths } from './write.js';
export {
  scoreTable,
  writeScores,
  scoreChange,
  scoreFileFormat,
  scoreOutputColumns,
  type ScoredTable,
  type ExtraScoreColumn,
  type WriteScoresOptions,
} from './table.js';
export { describeCondition, describeAction, describeOverride } from './describe.js';
