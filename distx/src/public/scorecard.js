/**
 * `churnkit/scorecard`: load a scorecard and score accounts with it, and nothing heavier (no
 * DuckDB, no model stack, no HTTP): what a CRM integration or a serverless function needs. The
 * scorer is a pure function of a card and one account's signals.
 */
export { loadScorecard, parseScorecard, scoreAccount, scoreTable, serializeScorecard, scorecardJsonSchema, ScorecardError, BANDS, DEFAULT_SCORECARD_PATH, } from '../scorecard/index.js';
//# sourceMappingURL=scorecard.js.map