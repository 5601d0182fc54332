/**
 * The reference scorer: one account, written for reading rather than speed. compile.ts must
 * give the same numbers bit for bit; the order of operations is documented in README.md.
 */
import type { Condition, Override, PointsBand, ProbabilityMap, Scorecard, ScorecardSignal, Thresholds } from './schema.js';
import { type Signals } from './values.js';
/** The bands, worst first: every table, chart and enum lists them in this order. */
export declare const BANDS: readonly ['RED', 'YELLOW', 'GREEN'];
export type Band = (typeof BANDS)[number];
export interface ScoreResult {
    /** 0..100 after overrides. */
    score: number;
    band: Band;
    /** From the scorecard's score-to-probability map; null when it has none. */
    probability: number | null;
    /** Layer scores 0..100, null when the whole layer is missing. */
    layers: Record<string, number | null>;
    /** Ids of the overrides that fired, in scorecard order. */
    overrides: string[];
    /** Up to three signals losing the most weighted points, most first (ties in scorecard order). */
    reasons: string[];
    escalate: boolean;
    /** Every flag raised by a flag override (escalate among them), in scorecard order. */
    flags: string[];
    /** The composite before overrides. */
    base_score: number;
    /**
     * Share of the card's signal weight (layer weight x signal weight) whose value was present or
     * whose points rule held: how much of the card actually spoke for this account.
     */
    coverage: number;
    /**
     * `insufficient_data` when coverage is below the card's `min_coverage`: the numbers above are
     * still what the scorer computed, but answers (HTTP, score files) then give no score, band or
     * probability, since a score made of a fraction of the card is not the card's score.
     */
    status: ScoreStatus;
    /** Columns the card reads (signals, rule and override inputs, not segment) that were missing, in card order. */
    missing: string[];
    /** What the reader should know, e.g. a segment the card was not fitted on, scored with the default thresholds. */
    warnings: string[];
}
export declare const MAX_REASONS = 3;
export declare const SCORE_STATUSES: readonly ['scored', 'insufficient_data'];
export type ScoreStatus = (typeof SCORE_STATUSES)[number];
/** A card without `min_coverage` needs half its signal weight present to give a score. */
export declare const DEFAULT_MIN_COVERAGE = 0.5;
export declare function statusOf(card: Scorecard, coverage: number): ScoreStatus;
/** The columns whose absence an answer lists: what the card reads, but segment (which only picks thresholds). */
export declare function coverageColumns(card: Scorecard): string[];
/** Whether the card names the segments it knows and this one, given, is not among them. */
export declare function isUnknownSegment(card: Scorecard, segment: string | null): boolean;
export declare function unknownSegmentWarning(card: Scorecard, segment: string): string;
/** Whether a condition holds; a comparison with a missing signal never holds. */
export declare function conditionHolds(c: Condition, signals: Signals, score: number): boolean;
export declare function inBand(x: number, band: PointsBand): boolean;
/** Points of one signal, or null when it is missing and its weight is redistributed. */
export declare function signalPoints(signal: ScorecardSignal, signals: Signals): number | null;
/**
 * The card as it scores an account of this segment: the segment's own layer and signal weights
 * when `segment_weights` has them, else the card itself (the same object).
 */
export declare function cardForSegment(card: Scorecard, segment: string | null): Scorecard;
export declare function thresholdsFor(card: Scorecard, segment: string | null): Thresholds;
export declare function bandOf(score: number, t: Thresholds): Band;
/** Piecewise-linear through the knots, constant beyond the first and last. */
export declare function probabilityOf(map: ProbabilityMap, score: number): number | null;
/** Overrides in three stages: the first `set` that fires, then every `cap`, then flags on the result. */
export declare function applyOverrides(overrides: readonly Override[], signals: Signals, base: number): {
    score: number;
    fired: boolean[];
};
export declare function scoreAccount(card: Scorecard, signals: Signals): ScoreResult;
