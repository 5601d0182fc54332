/**
 * churnkit as a library: the same pieces the CLI runs, from data contract to report. Each area's
 * own index is the way in; no name is exported by two areas.
 */
export * from './data/index.js';
export * from './simulate/index.js';
export * from './features/index.js';
export * from './catalogue/index.js';
export * from './learn/index.js';
export * from './learn/export/index.js';
export * from './evaluate/index.js';
export * from './scorecard/index.js';
export {
  calibrateScorecard,
  fidelityMarkdown,
  overridesMarkdown,
  type CalibrateOptions,
  type CalibrationResult,
} from './scorecard/calibrate/index.js';
export * from './report/index.js';
export * from './history/index.js';
export * from './serve/index.js';
export * from './warehouse/index.js';
export * from './stats/index.js';
export { VERSION } from './util/index.js';
export * from './app/index.js';
