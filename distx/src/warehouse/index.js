export { compileScorecardSql, SQL_ENGINES } from './scorecard-sql.js';
export { writeFrameToPostgres, withPostgres } from './postgres.js';
export { copyHistoryToPostgres, buildFeaturesInPostgres, } from './features-postgres.js';
//# sourceMappingURL=index.js.map