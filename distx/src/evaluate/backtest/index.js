/** Walk-forward backtests (docs/backtests-and-calibration.md): folds, the leakage check, the run, metrics.json's shape. */
export * from './schema.js';
export { planBacktest, planFolds, checkFoldLeakage, checkPlanLeakage, LeakageError, STEPS, } from './folds.js';
export { capacityAt, capacityTally, bandsByShare, leadTime, quantile, curves, modelMetrics, } from './assess.js';
export { runBacktest, writeBacktest, METRICS_FILE, OOF_FILE, } from './run.js';
export { usageCoverageOfTable } from './coverage.js';
export { planScorecardFolds, backtestFolds, backtestScorecard, } from './scorecard.js';
export { assessJudgments, JUDGMENT_WINDOW_DAYS, } from './judgments.js';
//# sourceMappingURL=index.js.map