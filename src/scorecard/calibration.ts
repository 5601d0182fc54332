/**
 * Public entry for fitting scorecards (calibrate, recalibrate, backtests of calibrated cards).
 * Kept apart from index.ts because it loads the model stack (src/learn) and the metrics.
 */
export { calibrateScorecard, type CalibrateOptions, type CalibrationResult } from './calibrate/index.js';
export { fidelityMarkdown, overridesMarkdown, type FidelityReport, type OverrideReport, type OverrideRow, type BandStats, type SliceSummary } from './calibrate/reports.js';
export { DEFAULT_THRESHOLD_RULE, type ThresholdRule } from './calibrate/bands.js';
export { serializeScorecard, writeFilesTogether, reportPaths } from './write.js';
