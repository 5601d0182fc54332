export { compileScorecardSql, quoteIdent, SQL_ENGINES, type SqlEngine, type ScorecardSqlOptions } from './scorecard-sql.js';
export { writeFrameToPostgres, withPostgres, qualified } from './postgres.js';
