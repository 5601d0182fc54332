/**
 * churnkit as a library (`import ... from 'churnkit'`): the functions the commands are made of,
 * from history to report, and the types they take and give. This list is the package's promise:
 * everything else under src/ may change between releases. Scoring alone, without DuckDB or the
 * model stack, is `churnkit/scorecard`; the HTTP service is `churnkit/serve`.
 */
export { openHistory, validateHistory, formatValidationReport, draftMapping, readFrame } from './data/index.js';
export type { History, Frame, ValidationReport } from './data/index.js';
export { simulate, type SimulateOptions, type SimulationSummary } from './simulate/index.js';
export { buildFeatures, writeFeatureTable, loadFeatureTable, featureQa, FEATURES, SIGNALS, FEATURE_TABLE_COLUMNS, LABEL_COLUMN, } from './features/index.js';
export type { FeatureOptions, FeatureBuild, FeatureSpec, SignalSpec } from './features/index.js';
export { trainModel, loadModel, modelReasons, DEFAULT_MODEL_COLUMNS, TrainedModel } from './learn/index.js';
export type { TrainOptions, ModelArtifact, ModelFamily, Explanation } from './learn/index.js';
export { exportTfjs } from './learn/export/index.js';
export { runBacktest, writeBacktest } from './evaluate/index.js';
export type { BacktestOptions, BacktestResult, BacktestMetrics } from './evaluate/index.js';
export { calibrateScorecard, type CalibrateOptions, type CalibrationResult, } from './scorecard/calibrate/index.js';
export { loadScorecard, scoreAccount, scoreTable, serializeScorecard, BANDS } from './scorecard/index.js';
export type { Scorecard, ScoreResult, Signals } from './scorecard/index.js';
export { compileScorecardSql } from './warehouse/index.js';
export { buildReport, featureDrift, decidePromotion, diffMarkdown, type ReportOptions } from './report/index.js';
export { createServer, type ServerOptions } from './serve/index.js';
export { createApp } from './app/index.js';
export { ChurnkitError, InputError, UsageError, VERSION } from './util/index.js';
