/**
 * churnkit as a library (`import ... from 'churnkit'`): the functions the commands are made of,
 * from history to report, and the types they take and give. This list is the package's promise:
 * everything else under src/ may change between releases. Scoring alone, without DuckDB or the
 * model stack, is `churnkit/scorecard`; the HTTP service is `churnkit/serve`.
 */
// History: open, check, simulate.
export { openHistory, validateHistory, formatValidationReport, draftMapping, readFrame } from './data/index.js';
export { simulate } from './simulate/index.js';
// Features: point-in-time snapshots, the ten features, labels.
export { buildFeatures, writeFeatureTable, loadFeatureTable, featureQa, FEATURES, SIGNALS, FEATURE_TABLE_COLUMNS, LABEL_COLUMN, } from './features/index.js';
// Models: train, load, predict (TrainedModel.predictProba), explain, export.
export { trainModel, loadModel, modelReasons, DEFAULT_MODEL_COLUMNS, TrainedModel } from './learn/index.js';
export { exportTfjs } from './learn/export/index.js';
// Backtests, calibration, scoring.
export { runBacktest, writeBacktest } from './evaluate/index.js';
export { calibrateScorecard, } from './scorecard/calibrate/index.js';
export { loadScorecard, scoreAccount, scoreTable, serializeScorecard, BANDS } from './scorecard/index.js';
export { compileScorecardSql } from './warehouse/index.js';
// Reports and the quarterly decision.
export { buildReport, featureDrift, decidePromotion, diffMarkdown } from './report/index.js';
// Serving.
export { createServer } from './serve/index.js';
export { createApp } from './app/index.js';
// Errors every function above may throw, and the version.
export { ChurnkitError, InputError, UsageError, VERSION } from './util/index.js';
//# sourceMappingURL=index.js.map