export { compileScorecardSql, SQL_ENGINES, type SqlEngine, type ScorecardSqlOptions } from './scorecard-sql.js';
export { writeFrameToPostgres, withPostgres, qualified } from './postgres.js';
export { postgresDialect } from './dialect.js';
export {
  copyHistoryToPostgres,
  postgresFeatureSql,
  buildFeaturesInPostgres,
  type PostgresFeatureOptions,
  type PostgresFeatureQuery,
} from './features-postgres.js';
