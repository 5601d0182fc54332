/**
 * The quarterly recalibration's judgement: whether the challenger scorecard replaces the
 * champion, and what changed between them (weights and band thresholds), in words and numbers
 * leadership can check.
 */
import type { Scorecard } from '../scorecard/index.js';
/** The challenger must rank churners better by at least this much AUC to be promoted. */
export declare const MIN_AUC_GAIN = 0.005;
export interface Evidence {
    /** AUC of each card on the later slice the challenger was not fitted on. */
    championAuc: number;
    challengerAuc: number;
    /** RED-band churn rate of each card on the same slice, when known. */
    championRedRate?: number | null;
    challengerRedRate?: number | null;
}
export interface Decision {
    promoted: boolean;
    forced: boolean;
    reason: string;
    evidence: Evidence;
}
export declare function decidePromotion(e: Evidence, force?: boolean): Decision;
export interface WeightChange {
    layer: string;
    /** null for the layer's own row. */
    signal: string | null;
    /** Share of the whole score (layer weight, or layer weight x signal weight). */
    previous: number | null;
    next: number | null;
    change: number | null;
}
export declare function weightChanges(previous: Scorecard, next: Scorecard): WeightChange[];
export declare function diffMarkdown(previous: Scorecard, next: Scorecard, names: {
    previous: string;
    next: string;
}, decision: Decision): string;
/**
 * What changed between two cards, as Markdown sections: weights (share of the whole score),
 * points of each signal's bands where they differ, and the band thresholds.
 */
export declare function cardDiffLines(previous: Scorecard, next: Scorecard): string[];
