/**
 * The fast scorers. One kernel scores a table in chunks of rows, stage by stage and column by
 * column (points, layers, composite, overrides, band, probability, reasons) into preallocated
 * outputs, with no per-row allocation; scoreColumns runs it over a whole table, compileScorer
 * over a one-row scratch table it refills per call. Per row, the arithmetic follows score.ts
 * step for step, so results are identical to scoreAccount (tests check it on random inputs).
 */
import type { Condition, Scorecard } from './schema.js';
import { type ScoreResult } from './score.js';
import { type Signals } from './values.js';
import { type ColumnTable } from './conditions.js';
export type { ColumnData, ColumnTable } from './conditions.js';
/** Batch scores, row i of each array for row i of the table. */
export interface ScoreColumns {
    n: number;
    score: Float64Array;
    /** The composite before overrides. */
    base_score: Float64Array;
    /** Index into BANDS: 0 RED, 1 YELLOW, 2 GREEN. */
    band: Uint8Array;
    /** NaN when the scorecard has no probability map. */
    probability: Float64Array;
    /** Layer scores by layer name, NaN when the layer is missing. */
    layers: Record<string, Float64Array>;
    /** Row-major n x overrides.length: 1 when override k fired on row i (at i * K + k). */
    fired: Uint8Array;
    escalate: Uint8Array;
    /** Row-major n x 3 indices into `signals` (-1 = none), most points lost first. */
    reasons: Int16Array;
    /** Signal (feature) names in scorecard order, what `reasons` indexes. */
    signals: string[];
    /** Override ids in scorecard order, what `fired` indexes. */
    overrides: string[];
    /** Share of the card's signal weight present (see ScoreResult.coverage). */
    coverage: Float64Array;
    /** Row-major n x checked.length: 1 when column m was missing on row i (at i * M + m). */
    missing: Uint8Array;
    /** The columns `missing` indexes (coverageColumns of the card). */
    checked: string[];
    /** 1 when the row's segment is given but not one the card knows (bands.known_segments). */
    unknown_segment: Uint8Array;
}
/** The largest double below a finite x. */
export declare function nextDown(x: number): number;
export declare function signalNames(card: Scorecard): string[];
/**
 * Scores every row of a column table; the card's columns are read once. Pass an earlier result
 * for the same card and row count as `into` to score into its arrays (a stream of equal-sized
 * batches then allocates nothing); it is overwritten.
 */
export declare function scoreColumns(card: Scorecard, table: ColumnTable, into?: ScoreColumns): ScoreColumns;
/** A scorer for one account at a time with everything but the result object allocated up front. */
export declare function compileScorer(card: Scorecard): (signals: Signals) => ScoreResult;
/**
 * Where a condition holds over a table (1) or not (0). `score` feeds score comparisons; without
 * it they never hold.
 */
export declare function conditionColumn(condition: Condition, table: ColumnTable, score?: Float64Array): Uint8Array;
