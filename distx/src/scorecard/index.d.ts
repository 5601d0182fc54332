/**
 * The scorecard's public API: the artifact, its validation, and the scorers. Other areas
 * (serve, warehouse, backtest, report) import from here only. Calibration (which loads the
 * model stack) has its own entry, src/scorecard/calibration.ts, so that scoring stays light.
 */
export type { SignalValue, Signals } from './values.js';
export { SCORE_EPSILON, toNumber, toText, isMissing } from './values.js';
export type { Band, ScoreResult, ScoreStatus } from './score.js';
export { BANDS, MAX_REASONS, scoreAccount, signalPoints, thresholdsFor, cardForSegment, bandOf, probabilityOf, SCORE_STATUSES, DEFAULT_MIN_COVERAGE, statusOf, coverageColumns, unknownSegmentWarning, } from './score.js';
export type { Scorecard, ScorecardSignal, PointsBand, Override, Condition, SegmentWeights, } from './schema.js';
export { scorecardJsonSchema } from './schema.js';
export { parseScorecard, ScorecardError } from './validate.js';
export { loadScorecard, DEFAULT_SCORECARD_PATH, PRESET_SCORECARDS, isShippedScorecard, resolveScorecardRef, } from './load.js';
export type { ColumnTable, ColumnData, ScoreColumns } from './compile.js';
export { compileScorer, scoreColumns, conditionColumn } from './compile.js';
export { scorecardColumns } from './inputs.js';
export { serializeScorecard, writeFilesTogether, reportPaths } from './write.js';
export { scoreTable, type ScoredTable } from './table.js';
export { describeOverride } from './describe.js';
