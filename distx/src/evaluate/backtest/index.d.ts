/** Walk-forward backtests (docs/backtests-and-calibration.md): folds, the leakage check, the run, metrics.json's shape. */
export * from './schema.js';
export { planBacktest, planFolds, checkFoldLeakage, checkPlanLeakage, LeakageError, STEPS, type Step, type FoldPlan, } from './folds.js';
export { capacityAt, capacityTally, bandsByShare, leadTime, quantile, curves, modelMetrics, type Scored, } from './assess.js';
export { runBacktest, writeBacktest, METRICS_FILE, OOF_FILE, type BacktestOptions, type BacktestResult, } from './run.js';
export { usageCoverageOfTable } from './coverage.js';
export { planScorecardFolds, backtestFolds, backtestScorecard, type ScorecardFolds, type ScorecardBacktest, } from './scorecard.js';
export { assessJudgments, JUDGMENT_WINDOW_DAYS, type JudgmentRecord, type JudgmentsSection, } from './judgments.js';
