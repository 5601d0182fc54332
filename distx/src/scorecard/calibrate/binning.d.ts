import { type Frame } from '../../data/index.js';
import type { PointsBand, ScorecardSignal } from '../schema.js';
export type Direction = 'higher_is_safer' | 'higher_is_riskier';
export interface BinningOptions {
    /** Most bands per signal (the framework keeps five or fewer). */
    maxBins: number;
    /** Fewest rows in a band cut at quantiles. */
    minRows: number;
    /** Fewest rows in a band of a signal with at most maxBins distinct values (a rare flag matters). */
    minRowsDiscrete: number;
}
export interface Bin {
    /** Upper edge (exclusive) of the bin; Infinity for the last. */
    upper: number;
    rows: number;
    /** Weighted sums: target (label or margin) and label. */
    target: number;
    positives: number;
    /** Risk of the bin after pooling, on the log-odds scale. */
    risk: number;
}
/** Log-odds of churn with half a case of smoothing, so an all-zero band stays finite. */
export declare function smoothedLogOdds(positives: number, rows: number): number;
/**
 * Bins present values `x` (no NaN) with `target` (labels, or margins when `isMargin`) and
 * labels `y` (NaN allowed when distilling on unlabeled rows).
 */
export declare function monotoneBins(x: ArrayLike<number>, target: ArrayLike<number>, y: ArrayLike<number>, direction: Direction, isMargin: boolean, options: BinningOptions): Bin[];
/**
 * The decimal with the fewest digits in (lo, hi]: a cut there splits the data exactly as `hi`
 * does (-0.33333333333333337, with -0.5 the largest value below it, becomes -0.4). `hi` itself when none is shorter.
 */
export declare function shortestCut(lo: number, hi: number): number;
/** Points 0..100, linear in risk across the signal's bands (and missing bin): worst 0, best 100. */
export declare function riskToPoints(risks: readonly number[]): number[];
/** Bands for the schema from bins ([prev, upper) each), merging neighbours with equal points. */
export declare function binsToBands(bins: readonly Bin[], points: readonly number[], churnRates: readonly (number | null)[]): PointsBand[];
export declare function round(x: number, digits: number): number;
/**
 * A signal's bands and missing policy fitted on the rows of `fit`: rows where one of its points
 * rules holds keep the rule and stay out of the bins; a signal missing on at least 2% of rows
 * (and 30) gets missing points on the same scale, else its weight is redistributed. Null when
 * the signal is never present.
 */
export declare function fitSignalPoints(signal: ScorecardSignal, fit: Frame, target: Float64Array, y: Float64Array, isMargin: boolean, options: {
    maxBins: number;
    minBinShare: number;
}): ScorecardSignal | null;
