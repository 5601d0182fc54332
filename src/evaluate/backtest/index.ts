/** Walk-forward backtests (docs/backtests-and-calibration.md): folds, the leakage check, the run, metrics.json's shape. */
export * from './schema.js';
export {
  planBacktest,
  planFolds,
  checkFoldLeakage,
  checkPlanLeakage,
  LeakageError,
  STEPS,
  type Step,
  type FoldPlan,
  type PlanOptions,
  type BacktestPlan,
} from './folds.js';
export {
  capacityAt,
  capacityTally,
  bandCells,
  bandsByShare,
  leadTime,
  quantile,
  curves,
  modelMetrics,
  type Scored,
  type CapacityTally,
} from './assess.js';
export {
  runBacktest,
  writeBacktest,
  serializeMetrics,
  CAPACITY_SHARE,
  FIXED_BAND_SHARES,
  MODEL_CALIBRATION,
  METRICS_FILE,
  OOF_FILE,
  type BacktestOptions,
  type BacktestResult,
  type OofColumns,
} from './run.js';
export { usageCoverageOfTable, type TableUsageCoverage } from './coverage.js';
export {
  planScorecardFolds,
  backtestFolds,
  backtestScorecard,
  type ScorecardFolds,
  type ScorecardBacktest,
  type TestFold,
  type FoldOptions,
} from './scorecard.js';
