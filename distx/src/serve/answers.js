/**
 * One account's answer, as every /v1/score* route gives it: the scorecard's result with its key,
 * whether there was enough data to score (status, coverage, missing, warnings), the reasons in
 * words from the feature catalogue, the model's probability and reasons when a model is served,
 * and the change since the previous score. Numbers are rounded for people unless `?exact=true`.
 */
import { describeValue, featureLabel, probabilityForPeople, scoreForPeople, significant, } from '../catalogue/index.js';
import { DEFAULT_MIN_COVERAGE, SCORE_EPSILON, } from '../scorecard/index.js';
export function reasonDetails(reasons, signals) {
    return reasons.map((feature) => {
        const value = signals[feature] ?? null;
        return { feature, label: featureLabel(feature), value, text: describeValue(feature, value) };
    });
}
/**
 * The answer of one account. With a scorecard, its coverage decides the status; with a model
 * alone, the model's (the share of its columns present, against the default min_coverage). Insufficient data gives no score, band
 * or probability: the numbers were made of too little to stand for the account.
 */
export function answerOf(key, result, signals, model) {
    // Object literals with every key written out, no spread: 10,000 answers a batch, and a
    // spread-built object of this size is several times slower to build and to serialize.
    if (result) {
        const scored = result.status === 'scored';
        return {
            account_id: key.account_id,
            account_name: key.account_name,
            as_of: key.as_of,
            status: result.status,
            coverage: result.coverage,
            missing: result.missing,
            warnings: result.warnings,
            score: scored ? result.score : null,
            band: scored ? result.band : null,
            probability: scored ? result.probability : null,
            layers: result.layers,
            overrides: result.overrides,
            reasons: result.reasons,
            reason_details: reasonDetails(result.reasons, signals),
            escalate: result.escalate,
            flags: result.flags,
            base_score: result.base_score,
            model_probability: model && scored ? model.probability : null,
            model_reasons: model && scored ? model.reasons : null,
            score_change: null,
            previous: null,
        };
    }
    const m = model;
    const scored = m.coverage >= DEFAULT_MIN_COVERAGE - SCORE_EPSILON;
    const reasons = scored ? m.reasons : [];
    return {
        account_id: key.account_id,
        account_name: key.account_name,
        as_of: key.as_of,
        status: scored ? 'scored' : 'insufficient_data',
        coverage: m.coverage,
        missing: m.missing,
        warnings: [],
        score: null,
        band: null,
        probability: scored ? m.probability : null,
        layers: {},
        overrides: [],
        reasons: reasons.map((r) => r.feature),
        reason_details: reasons.map(({ feature, label, value, text }) => ({ feature, label, value, text })),
        escalate: false,
        flags: [],
        base_score: null,
        model_probability: scored ? m.probability : null,
        model_reasons: scored ? m.reasons : null,
        score_change: null,
        previous: null,
    };
}
const oneDecimal = (v) => (v === null ? null : scoreForPeople(v));
const fourDigits = (v) => (v === null ? null : probabilityForPeople(v));
/** The answer as people read it: scores to one decimal, probabilities and shares to four significant digits. */
export function forPeople(a) {
    const layers = {};
    for (const [name, v] of Object.entries(a.layers))
        layers[name] = oneDecimal(v);
    // The same keys in the same order as answerOf's (expansion_probability, when set, comes last).
    const out = {
        account_id: a.account_id,
        account_name: a.account_name,
        as_of: a.as_of,
        status: a.status,
        coverage: significant(a.coverage, 4),
        missing: a.missing,
        warnings: a.warnings,
        score: oneDecimal(a.score),
        band: a.band,
        probability: fourDigits(a.probability),
        layers,
        overrides: a.overrides,
        reasons: a.reasons,
        reason_details: a.reason_details,
        escalate: a.escalate,
        flags: a.flags,
        base_score: oneDecimal(a.base_score),
        model_probability: fourDigits(a.model_probability),
        model_reasons: a.model_reasons?.map((r) => ({ ...r, contribution: significant(r.contribution, 4) })) ?? null,
        score_change: oneDecimal(a.score_change),
        previous: a.previous ? { ...a.previous, score: scoreForPeople(a.previous.score) } : null,
    };
    if (a.expansion_probability !== undefined)
        out.expansion_probability = fourDigits(a.expansion_probability);
    return out;
}
/** Answers serialized a slice at a time (see resultsJson). */
const JSON_SLICE = 500;
/**
 * `{"results":[...]}` as UTF-8, byte for byte what JSON.stringify gives, made `JSON_SLICE`
 * answers at a time (each rounded for people by `round` just before): the rounded copies and the
 * JSON text of one slice die before the next is made, instead of 10,000 of each outliving V8's
 * young generation. Each slice's array brackets are cut off its bytes (a view, not a copy).
 */
export function resultsJson(results, round) {
    const pieces = [Buffer.from('{"results":[')];
    for (let from = 0; from < results.length; from += JSON_SLICE) {
        const slice = results.slice(from, from + JSON_SLICE);
        const bytes = Buffer.from(JSON.stringify(round ? slice.map(round) : slice));
        if (from > 0)
            pieces.push(Buffer.from(','));
        pieces.push(bytes.subarray(1, bytes.length - 1));
    }
    pieces.push(Buffer.from(']}'));
    return Buffer.concat(pieces);
}
//# sourceMappingURL=answers.js.map