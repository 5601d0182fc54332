import type { SegmentWeights } from '../schema.js';
import { type Loss } from './nonneg.js';
import { type LayerGroups } from './weights.js';
/**
 * k: the churners a segment needs before its own fit counts as much as the global one. Chosen by
 * measurement (docs/segments.md): on the demo history (drivers shared by every segment) k = 0
 * lost 0.010 of backtest AUC to the global card and k = 100 gained 0.003; on synthetic worlds
 * whose drivers differ by segment every k won, k = 100..200 a little more than smaller ones.
 */
export declare const DEFAULT_SEGMENT_POOLING = 100;
export interface SegmentFit {
    segment: string;
    rows: number;
    churners: number;
    /** c / (c + k), or 0 when the segment's own fit found nothing. */
    own_share: number;
    /** The segment's own effective weights before pooling (null when its fit found nothing). */
    own: number[] | null;
    /** Pooled effective weights (each signal's share of the composite). */
    effective: number[];
}
export interface SegmentWeightFit {
    fits: SegmentFit[];
    /** For the card: segment -> layers by name -> weight and signal weights by feature. */
    weights: Record<string, SegmentWeights>;
}
export declare function fitSegmentWeights(input: {
    Z: readonly Float64Array[];
    target: Float64Array;
    labels: Float64Array;
    loss: Loss;
    ridge: number;
    segments: readonly (string | null)[];
    groups: LayerGroups;
    layerNames: readonly string[];
    features: readonly (readonly string[])[];
    global: readonly number[];
    pooling: number;
}): SegmentWeightFit;
/** How the per-segment card ranks against the same card with the global weights, on the later slice. */
export interface SegmentComparison {
    pooling: number;
    auc: {
        by_segment: number;
        global: number;
    };
    winner: 'by_segment' | 'global' | 'tie';
    segments: {
        segment: string;
        fit_rows: number;
        fit_churners: number;
        own_share: number;
        later_rows: number;
        later_churners: number;
        /** Within the segment (null with one class there). */
        auc_by_segment: number | null;
        auc_global: number | null;
    }[];
}
/** AUCs that differ by less than this are a tie: below what a later slice of a few thousand rows can tell apart. */
export declare const AUC_TIE = 0.002;
export declare function compareSegmentWeights(input: {
    pooling: number;
    fits: readonly SegmentFit[];
    y: Float64Array;
    segments: readonly (string | null)[];
    /** Final scores on the later slice (low = risky). */
    bySegment: Float64Array;
    global: Float64Array;
}): SegmentComparison;
