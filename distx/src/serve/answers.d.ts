/**
 * One account's answer, as every /v1/score* route gives it: the scorecard's result with its key,
 * whether there was enough data to score (status, coverage, missing, warnings), the reasons in
 * words from the feature catalogue, the model's probability and reasons when a model is served,
 * and the change since the previous score. Numbers are rounded for people unless `?exact=true`.
 */
import { type CatalogueValue } from '../catalogue/index.js';
import { type Band, type ScoreResult, type ScoreStatus, type Signals } from '../scorecard/index.js';
import type { ModelReason } from './served-model.js';
/** A scorecard reason in words: the signal losing points, the account's value, and the sentence. */
export interface ReasonDetail {
    feature: string;
    label: string;
    value: CatalogueValue;
    text: string;
}
export interface ScoreResponse {
    account_id: string;
    /** As the request gave it (null when it gave none). */
    account_name: string | null;
    as_of: string;
    status: ScoreStatus;
    coverage: number;
    missing: string[];
    warnings: string[];
    /** Null when status is insufficient_data, and when only a model is served. */
    score: number | null;
    band: Band | null;
    probability: number | null;
    layers: Record<string, number | null>;
    overrides: string[];
    reasons: string[];
    reason_details: ReasonDetail[];
    escalate: boolean;
    flags: string[];
    base_score: number | null;
    /** The served model's calibrated churn probability (null without a model, or on insufficient data). */
    model_probability: number | null;
    model_reasons: ModelReason[] | null;
    /** With `serve --expansion-model`: the probability of an expansion within the horizon (null on insufficient data). */
    expansion_probability?: number | null;
    score_change: number | null;
    previous: {
        as_of: string;
        score: number;
        band: string;
    } | null;
}
export declare function reasonDetails(reasons: readonly string[], signals: Signals): ReasonDetail[];
export interface ModelPart {
    probability: number;
    reasons: ModelReason[];
    coverage: number;
    missing: string[];
}
/**
 * The answer of one account. With a scorecard, its coverage decides the status; with a model
 * alone, the model's (the share of its columns present, against the default min_coverage). Insufficient data gives no score, band
 * or probability: the numbers were made of too little to stand for the account.
 */
export declare function answerOf(key: {
    account_id: string;
    account_name: string | null;
    as_of: string;
}, result: ScoreResult | null, signals: Signals, model: ModelPart | null): ScoreResponse;
/** The answer as people read it: scores to one decimal, probabilities and shares to four significant digits. */
export declare function forPeople(a: ScoreResponse): ScoreResponse;
/**
 * `{"results":[...]}` as UTF-8, byte for byte what JSON.stringify gives, made `JSON_SLICE`
 * answers at a time (each rounded for people by `round` just before): the rounded copies and the
 * JSON text of one slice die before the next is made, instead of 10,000 of each outliving V8's
 * young generation. Each slice's array brackets are cut off its bytes (a view, not a copy).
 */
export declare function resultsJson(results: readonly ScoreResponse[], round: ((a: ScoreResponse) => ScoreResponse) | null): Buffer;
