/** The data layer's public entry: the input contract, loading a history, and validating it. */
export * from './contract.js';
export { duckdb, openDuckDB, quoteIdent, quoteLiteral, queryRows, queryValue, } from './duckdb.js';
export { openHistory, isPostgresUrl, } from './history.js';
export { CONFIG_FILE_NAME } from './config.js';
export { validateHistory, formatValidationReport, explainHistoryFailure, } from './validate.js';
export { formatIssue } from './issues.js';
export { draftMapping, renderDraft } from './infer.js';
export { loadFrame, readFrame, numeric, textColumn } from './frame.js';
export { accountFacts, hasAccountNames } from './accounts.js';
export { latestPossibleDay, otherEventColumns, runDate, } from './date-limits.js';
//# sourceMappingURL=index.js.map