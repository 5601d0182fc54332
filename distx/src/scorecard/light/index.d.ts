/**
 * The scorecard's light entry: a card checked without zod (loadScorecardToScore), scored and
 * written, for `churnkit score`, whose start-up is most of its time. No zod schema, calibration
 * or data-layer validation loads with it.
 */
export { BANDS, statusOf } from '../score.js';
export type { Scorecard } from '../schema.js';
export { loadScorecardToScore } from '../load.js';
export { scoreTable, writeScores, scoreFileFormat, type ScoredTable, type ExtraScoreColumn } from '../table.js';
