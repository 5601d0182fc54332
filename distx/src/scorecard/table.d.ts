import type { Database, Frame } from '../data/light/index.js';
import type { Scorecard } from './schema.js';
import { type ScoreColumns } from './compile.js';
export type ScoreFileFormat = 'csv' | 'parquet';
export declare function scoreFileFormat(path: string): ScoreFileFormat;
/**
 * Score minus the same account's score at its previous as_of in the table (NaN for its first
 * row, or without account_id/as_of). Rows are not assumed to be sorted.
 */
export declare function scoreChange(score: Float64Array, accounts: readonly (string | null)[] | null, asOf: readonly (string | null)[] | null): Float64Array;
export interface ScoredTable {
    scores: ScoreColumns;
    change: Float64Array;
}
export declare function scoreTable(card: Scorecard, frame: Frame & {
    name?: string;
}): ScoredTable;
/** A column added to the score file by the caller (a model's probability and reasons). */
export interface ExtraScoreColumn {
    name: string;
    /** Numbers (NaN = NULL) or text (null = NULL). */
    values: Float64Array | readonly (string | null)[];
    /** How a number reads in CSV (Parquet keeps every digit); default as it is. */
    round?: (x: number) => number;
}
export interface WriteScoresOptions {
    /** Account names to carry (`account_name`), row for row; default the table's `account_name` column. */
    names?: readonly (string | null)[] | null;
    extra?: readonly ExtraScoreColumn[];
    /** An open DuckDB to write with (the one the table was read with); default: one opened and closed here. */
    db?: Database;
}
/**
 * Writes the scores, row for row in input order. A row with insufficient data has no score,
 * band or probability (status says why). In CSV numbers are rounded for people (scores to one
 * decimal, probabilities to four significant digits); Parquet keeps every digit.
 */
export declare function writeScores(path: string, card: Scorecard, frame: Frame, scored: ScoredTable, options?: WriteScoresOptions): Promise<{
    rows: number;
    columns: string[];
}>;
