export { SCORE_EPSILON, toNumber, toText, isMissing } from './values.js';
export { BANDS, MAX_REASONS, scoreAccount, signalPoints, thresholdsFor, cardForSegment, bandOf, probabilityOf, SCORE_STATUSES, DEFAULT_MIN_COVERAGE, statusOf, coverageColumns, unknownSegmentWarning, } from './score.js';
export { scorecardJsonSchema } from './schema.js';
export { parseScorecard, ScorecardError } from './validate.js';
export { loadScorecard, DEFAULT_SCORECARD_PATH, PRESET_SCORECARDS, isShippedScorecard, resolveScorecardRef, } from './load.js';
export { compileScorer, scoreColumns, conditionColumn } from './compile.js';
export { scorecardColumns } from './inputs.js';
export { serializeScorecard, writeFilesTogether, reportPaths } from './write.js';
export { scoreTable } from './table.js';
export { describeOverride } from './describe.js';
//# sourceMappingURL=index.js.map