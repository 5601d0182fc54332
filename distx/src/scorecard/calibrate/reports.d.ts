import type { Frame } from '../../data/index.js';
import type { Scorecard } from '../schema.js';
import { type Band } from '../score.js';
import type { WeightIntervals } from './weights.js';
import type { SegmentComparison } from './segments.js';
export interface SliceSummary {
    rows: number;
    positives: number;
    as_of_from?: string;
    as_of_to?: string;
}
export interface BandStats {
    rows: number;
    churners: number;
    churn_rate: number | null;
    ci95: [number, number];
}
export interface FidelityReport {
    kind: 'churnkit.scorecard.fidelity';
    version: 1;
    target: string;
    /** What the calibrated card is compared with ("default" below): the default card, or equal weights on a table of one's own. */
    reference: string;
    slices: {
        fit: SliceSummary;
        later: SliceSummary;
        embargoed_rows: number;
    };
    /** On the later slice; the score ranks risk in reverse (a low score is risky). */
    auc: {
        calibrated: number;
        default: number;
        model: number | null;
    };
    /** Spearman's rho between risk orderings on the later slice (1 = same order). */
    rank_correlation: {
        calibrated_vs_model: number | null;
        default_vs_model: number | null;
        calibrated_vs_default: number;
    };
    bands: {
        calibrated: Record<Band, BandStats>;
        default: Record<Band, BandStats>;
    };
    layers_by_weight: string[];
    weights: {
        layer: string;
        weight: number;
        ci90: [number, number] | null;
        signals: {
            feature: string;
            weight: number;
            ci90: [number, number] | null;
            effective: number;
            effective_ci90: [number, number] | null;
        }[];
    }[];
    model_family: string | null;
    notes: string[];
    /** calibrate --by segment: the per-segment card against the same card with the global weights. */
    segment_weights?: SegmentComparison;
}
export interface OverrideRow {
    id: string;
    action: string;
    value: number | string;
    rows_hit: number;
    accounts_hit: number;
    churners_hit: number;
    churn_rate_hit: number | null;
    /** Alerts with the override minus alerts with it removed (everything else equal). */
    adds: {
        churners_caught: number;
        false_alarms: number;
        recall: number;
        false_alarm_rate: number;
    };
}
export interface OverrideReport {
    kind: 'churnkit.scorecard.overrides';
    version: 1;
    slice: SliceSummary;
    alert: string;
    totals: {
        rows: number;
        churners: number;
        alerts: number;
        churners_caught: number;
        false_alarms: number;
        recall: number;
        false_alarm_rate: number;
    };
    overrides: OverrideRow[];
}
export interface FidelityInputs {
    card: Scorecard;
    reference: Scorecard;
    referenceName: string;
    later: Frame;
    y: Float64Array;
    modelMargin: Float64Array | null;
    modelFamily: string | null;
    slices: {
        fit: SliceSummary;
        later: SliceSummary;
        embargoed: number;
    };
    fitWeights: number[];
    intervals: WeightIntervals | null;
    target: string;
    segmentNotes: string[];
}
export declare function fidelityReport(inp: FidelityInputs): FidelityReport;
export declare function overrideReport(card: Scorecard, later: Frame, y: Float64Array, slice: SliceSummary): OverrideReport;
export declare function fidelityMarkdown(r: FidelityReport): string;
export declare function overridesMarkdown(r: OverrideReport): string;
