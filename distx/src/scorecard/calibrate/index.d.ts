/**
 * Public entry for fitting scorecards (calibrate, recalibrate, backtests of calibrated cards).
 * Kept apart from src/scorecard/index.ts because it loads the model stack (src/learn), so that
 * scoring stays light.
 */
export { calibrateScorecard, type CalibrateOptions, type CalibrationResult } from './calibrate.js';
export { fidelityMarkdown, overridesMarkdown, } from './reports.js';
export { DEFAULT_SEGMENT_POOLING } from './segments.js';
