import type { ScorecardSignal } from './schema.js';
import type { ColumnTable } from './conditions.js';
/**
 * One signal's points on every row of a table (NaN where it is missing and redistributed), by
 * the same kernel that scores: a one-signal layer's score is exactly its signal's points.
 */
export declare function pointsColumn(signal: ScorecardSignal, table: ColumnTable): Float64Array;
