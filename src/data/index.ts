/** The data layer's public entry: the input contract, loading a history, and validating it. */
export * from './contract.js';
export {
  duckdb,
  openDuckDB,
  quoteIdent,
  quoteLiteral,
  queryRows,
  queryValue,
  type Database,
  type DuckDBConnection,
} from './duckdb.js';
export {
  openHistory,
  isPostgresUrl,
  type History,
} from './history.js';
export { CONFIG_FILE_NAME } from './config.js';
export {
  validateHistory,
  formatValidationReport,
  explainHistoryFailure,
  type ValidationReport,
} from './validate.js';
export { formatIssue } from './issues.js';
export { draftMapping, renderDraft } from './infer.js';
export { loadFrame, readFrame, numeric, textColumn, type Frame, type Column } from './frame.js';
export { csvFile, type CsvCell } from './csv-out.js';
export { accountFacts, hasAccountNames, type AccountFacts } from './accounts.js';
export {
  latestPossibleDay,
  otherEventColumns,
  runDate,
} from './date-limits.js';
