/** The data layer's public entry: the input contract, loading a history, and validating it. */
export * from './contract.js';
export {
  openDuckDB,
  quoteIdent,
  quoteLiteral,
  queryRows,
  queryValue,
  exec,
  type Database,
  type DuckDBConnection,
  type DuckDBInstance,
  type Row,
} from './duckdb.js';
export {
  openHistory,
  isPostgresUrl,
  rejectUrlSource,
  csmKindsOf,
  typedViewSql,
  readerSql,
  DATA_FILE_EXTENSIONS,
  type History,
  type OpenHistoryOptions,
} from './history.js';
export {
  CONFIG_FILE_NAME,
  loadMappingConfig,
  parseMappingConfig,
  resolveMappingConfig,
  mappingConfigSchema,
  mappingConfigJsonSchema,
  type MappingConfig,
  type TableMapping,
  type CsvOptions,
} from './config.js';
export {
  validateHistory,
  formatValidationReport,
  explainHistoryFailure,
  type ValidateOptions,
  type ValidationReport,
  type TableSummary,
} from './validate.js';
export {
  formatIssue,
  DataIssueError,
  type ValidationIssue,
  type IssueExample,
  type IssueCode,
  type Severity,
} from './issues.js';
export {
  resolveLocalHistory,
  localSourceKind,
  type ResolvedHistory,
  type TableSource,
  type ResolvedColumn,
} from './sources.js';
export { draftMapping, renderDraft, type Draft, type DraftNote, type RecognisedFile } from './infer.js';
export { SIGNATURES, type Signature } from './signatures.js';
export { loadFrame, readFrame, numeric, textColumn, type Frame, type Column, type ColumnKind } from './frame.js';
export { accountFacts, hasAccountNames, type AccountFacts } from './accounts.js';
export {
  DATE_TOLERANCE_DAYS,
  latestPossibleDay,
  otherEventColumns,
  runDate,
  type DateLimits,
} from './date-limits.js';
