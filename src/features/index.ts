/**
 * Point-in-time feature engineering (docs/features.md): snapshots, the ten ranked features, the
 * override signals, labels, and the feature QA summary. Other modules import from here.
 */
export * from './registry.js';
export {
  buildFeatures,
  featureSql,
  writeFeatureTable,
  featureFileFormat,
  nullColumns,
  DEFAULT_HORIZON,
  DEFAULT_RELATION,
} from './build.js';
export type { FeatureSource, FeatureOptions, FeatureBuild, NullColumn, FeatureFileFormat } from './build.js';
export {
  featureQuery,
  renderFeatureSql,
  WINDOWS,
  LABEL_KINDS,
  type FeatureQuery,
  type FeatureSqlParams,
  type SqlStep,
  type LabelKind,
} from './sql.js';
export { duckdbDialect, type SqlDialect } from './dialect.js';
export { transactionQuery } from './transactions.js';
export { snapshotDates, snapshotsFrom, EVERY_VALUES, type Every } from './snapshots.js';
export {
  dataCoverage,
  rowsByAsOf,
  sourceRangeSql,
  sourceRangesOf,
  COVERAGE_GRACE_DAYS,
  EVENT_TABLES,
  SOURCE_TIME_COLUMN,
  USAGE_LOOKBACK_DAYS,
  type AsOfSpan,
  type DataCoverage,
  type SourceCoverage,
  type SourceRange,
  type UsageCoverage,
} from './coverage.js';
export {
  featureQa,
  featureQaOfFile,
  featureTableReader,
  copyFeatureTable,
  renderQaMarkdown,
  describeNulls,
  type FeatureQa,
  type ColumnQa,
  type DecileQa,
  type RateCell,
  type NullNote,
} from './qa.js';
export { configureEngine, DEFAULT_MEMORY_LIMIT, type EngineOptions } from './engine.js';
export {
  FEATURE_VALUE_RULES,
  checkFeatureFrame,
  loadFeatureTable,
  describeRule,
  meetsRule,
  type ValueRule,
} from './rules.js';
