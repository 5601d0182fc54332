import { type ModelArtifact } from '../learn/index.js';
import { type CatalogueValue } from '../catalogue/index.js';
import { type SignalValue } from '../scorecard/index.js';
/** Reasons the API gives per account. */
export declare const MODEL_REASONS = 3;
/** One input pushing the account's churn risk up, as the API answers it. */
export interface ModelReason {
    feature: string;
    label: string;
    value: CatalogueValue;
    text: string;
    /** The column's contribution to the log-odds of churn (before calibration). */
    contribution: number;
}
export interface ModelAnswers {
    probability: number[];
    reasons: ModelReason[][];
    /** Share of the model's columns present per row (every column weighs the same). */
    coverage: number[];
    /** The model's columns that were missing, per row. */
    missing: string[][];
}
export interface ServedModel {
    family: string;
    /** The label it was trained on (churned_within_90d, expanded_within_90d, ...). */
    label: string;
    /** The feature-table columns the model reads. */
    features: readonly string[];
    /** Columns given one value per account (arrays of request values), n rows. */
    answer(columns: Record<string, readonly SignalValue[] | Float64Array | undefined>, n: number): ModelAnswers;
}
/** A served model from an artifact object (embedded) or file; `where` names it in errors. */
export declare function loadServedModel(artifact: string | ModelArtifact, where: string): Promise<ServedModel>;
