/**
 * Point-in-time feature engineering (docs/features.md): snapshots, the ten ranked features, the
 * override signals, labels, and the feature QA summary. Other modules import from here.
 */
export * from './registry.js';
export { buildFeatures, featureSql, writeFeatureTable, featureFileFormat, nullColumns, checkExpansionOptions, } from './build.js';
export { featureQuery, renderFeatureSql, LABEL_KINDS, SEASONAL_FEATURES, } from './sql.js';
export { duckdbDialect } from './dialect.js';
export { snapshotDates, snapshotsFrom, EVERY_VALUES } from './snapshots.js';
export { dataCoverage, rowsByAsOf, sourceRangeSql, sourceRangesOf, COVERAGE_GRACE_DAYS, USAGE_LOOKBACK_DAYS, } from './coverage.js';
export { featureQa, featureQaOfFile, copyFeatureTable, renderQaMarkdown, describeNulls, } from './qa.js';
export { configureEngine } from './engine.js';
export { FEATURE_VALUE_RULES, loadFeatureTable, } from './rules.js';
export { refreshFeatures, attachRefreshedTable, } from './refresh.js';
//# sourceMappingURL=index.js.map