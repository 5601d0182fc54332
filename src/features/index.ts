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
  checkExpansionOptions,
} from './build.js';
export type { FeatureOptions, FeatureBuild } from './build.js';
export {
  featureQuery,
  relationsRead,
  LABEL_KINDS,
  SEASONAL_FEATURES,
  type FeatureQuery,
  type FeatureSqlParams,
  type LabelKind,
  type SeasonalFeature,
  type SqlStep,
} from './sql.js';
export { duckdbDialect, type SqlDialect } from './dialect.js';
export { MAX_EVENT_BITS } from './families.js';
export { snapshotDates, snapshotsFrom, EVERY_VALUES, type Every } from './snapshots.js';
export {
  dataCoverage,
  rowsByAsOf,
  sourceRangeSql,
  sourceRangesOf,
  COVERAGE_GRACE_DAYS,
  USAGE_LOOKBACK_DAYS,
  type DataCoverage,
  type SourceRange,
} from './coverage.js';
export {
  featureQa,
  featureQaOfFile,
  copyFeatureTable,
  renderQaMarkdown,
  describeNulls,
  type FeatureQa,
} from './qa.js';
export { configureEngine } from './engine.js';
export {
  FEATURE_VALUE_RULES,
  loadFeatureTable,
} from './rules.js';
export {
  refreshFeatures,
  attachRefreshedTable,
  type RefreshResult,
} from './refresh.js';
