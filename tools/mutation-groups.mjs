// @ts-check
/**
 * The modules whose bugs are silent (issue 23), each with the compiled test files that exercise
 * it in-process. Names are test paths under test/ without `.test.ts`. A mutant is only tested by
 * the files whose run reaches it, so listing a slow file here costs little unless it covers much.
 *
 * @type {Record<string, { mutate: string[]; tests: string[] }>}
 */
export const MUTATION_GROUPS = {
  atomic: {
    mutate: ['src/util/atomic.ts'],
    tests: ['util/atomic'],
  },
  validation: {
    mutate: ['src/data/validate.ts'],
    tests: ['data/validate-edges', 'data/validate'],
  },
  'feature-sql': {
    mutate: ['src/features/sql.ts', 'src/features/families.ts', 'src/features/snapshots.ts'],
    // seasonal and expansion pin the year-over-year and expansion-label SQL, which the first two never build
    tests: ['features/boundaries', 'features/hand', 'features/seasonal', 'features/expansion'],
  },
  metrics: {
    mutate: ['src/stats/metrics.ts', 'src/stats/logistic.ts'],
    tests: ['stats/metrics-edges', 'evaluate/metrics'],
  },
  calibration: {
    mutate: ['src/learn/calibration.ts', 'src/stats/isotonic.ts'],
    tests: ['learn/calibration-edges', 'learn/calibration'],
  },
  scorecard: {
    mutate: ['src/scorecard/compile.ts', 'src/warehouse/scorecard-sql.ts'],
    tests: [
      'scorecard/equivalence',
      'scorecard/compile-edges',
      'warehouse/scorecard-sql-edges',
      'warehouse/scorecard-sql-random',
      'scorecard/score',
      // last: it starts PostgreSQL, and only the boolean read as a number needs it
      'warehouse/scorecard-sql-postgres',
    ],
  },
  folds: {
    mutate: ['src/evaluate/backtest/folds.ts', 'src/learn/split.ts'],
    tests: ['evaluate/fold-boundaries', 'evaluate/backtest-folds'],
  },
  gbdt: {
    mutate: ['src/learn/gbdt/split.ts', 'src/learn/gbdt/grower.ts', 'src/learn/gbdt/objective.ts'],
    tests: ['learn/gbdt/internals', 'learn/gbdt/xgboost-dumps', 'learn/gbdt/grower'],
  },
  logistic: {
    mutate: ['src/learn/logistic/solver.ts'],
    tests: ['learn/logistic-solver-edges', 'learn/logistic-solver-paths'],
  },
};
