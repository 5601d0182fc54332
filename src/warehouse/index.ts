export { compileScorecardSql, SQL_ENGINES, type SqlEngine } from './scorecard-sql.js';
export { checkServerVersion, writeFrameToPostgres, withPostgres } from './postgres.js';
export {
  copyHistoryToPostgres,
  buildFeaturesInPostgres,
} from './features-postgres.js';
