/**
 * The shape of a backtest's `metrics.json` (docs/backtests-and-calibration.md). The report and other tools read
 * this file: extend it, never rename. `BACKTEST_METRICS_JSON_SCHEMA` is the same contract as a
 * JSON Schema (written to models/backtest-metrics.schema.json).
 *
 * Numbers that are undefined (AUC of a fold without churners, a rate of an empty band) are null.
 */
import { BANDS } from '../../scorecard/index.js';
export const BACKTEST_KIND = 'churnkit.backtest';
export const BACKTEST_VERSION = 1;
/** Maximum points per pooled curve in metrics.json. */
export const CURVE_POINTS = 200;
const num = { type: 'number' };
const numOrNull = { type: ['number', 'null'] };
const dateOrNull = { type: ['string', 'null'], pattern: '^\\d{4}-\\d{2}-\\d{2}$' };
const date = { type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}$' };
const count = { type: 'integer', minimum: 0 };
function object(properties, required = Object.keys(properties)) {
    return { type: 'object', properties, required, additionalProperties: true };
}
/** Properties added after the first release: not required, so that earlier files still validate. */
function withAdded(properties, added) {
    return [{ ...properties, ...added }, Object.keys(properties)];
}
const bandCell = object({ rows: count, churned: count, rate: numOrNull, lo: num, hi: num });
const bands = object(Object.fromEntries(BANDS.map((b) => [b, { $ref: '#/$defs/bandCell' }])));
const modelMetricsProps = {
    rows: count,
    positives: count,
    auc: numOrNull,
    pr_auc: numOrNull,
    brier: numOrNull,
    log_loss: numOrNull,
    ece: numOrNull,
    lift_top_decile: numOrNull,
    flagged: num,
    precision_at_capacity: numOrNull,
    recall_at_capacity: numOrNull,
    arr_capture: numOrNull,
    bands: { $ref: '#/$defs/bands' },
};
const points = (props) => ({ type: 'array', maxItems: CURVE_POINTS, items: object(props) });
/** JSON Schema (draft 2020-12) of metrics.json. */
export const BACKTEST_METRICS_JSON_SCHEMA = {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    $id: 'https://churnkit.dev/schemas/backtest-metrics.schema.json',
    title: 'churnkit backtest metrics.json',
    $defs: {
        bandCell,
        bands,
        judgmentCells: object(Object.fromEntries(['raised', 'lowered', 'agreed'].map((d) => [
            d,
            object({ rows: count, churned: count, rate: numOrNull, lo: num, hi: num, expected_rate: numOrNull }),
        ]))),
        slice: object({ rows: count, positives: count, accounts: count, as_of_min: dateOrNull, as_of_max: dateOrNull }),
        modelMetrics: object(modelMetricsProps),
        leadTime: object({
            accounts: count,
            flagged: count,
            missed: count,
            median: numOrNull,
            q1: numOrNull,
            q3: numOrNull,
            min: numOrNull,
            max: numOrNull,
        }),
        curves: object({
            roc: points({ fpr: num, tpr: num }),
            pr: points({ recall: num, precision: num }),
            reliability: points({
                bin: count,
                lo: num,
                hi: num,
                rows: count,
                mean_predicted: numOrNull,
                observed_rate: numOrNull,
                observed_low: num,
                observed_high: num,
            }),
            gains: points({ share: num, churners: num, arr: num }),
        }),
    },
    ...object(...withAdded({
        kind: { const: BACKTEST_KIND },
        version: { const: BACKTEST_VERSION },
        params: object(...withAdded({
            features: { type: 'string' },
            features_fingerprint: { type: 'string' },
            models: { type: 'array', items: { type: 'string' } },
            start: date,
            step: { enum: ['quarter', 'month'] },
            horizon: count,
            capacity: { type: ['integer', 'null'], minimum: 1 },
            capacity_share: num,
            seed: { type: 'integer' },
            label: { type: 'string' },
            calibration_holdout: num,
            model_bands: { enum: ['default_scorecard_shares', 'fixed_shares'] },
            model_params: { type: 'object', additionalProperties: { type: 'object' } },
        }, {
            calibration: { enum: ['none', 'platt', 'isotonic', 'by_family'] },
            model_calibration: { type: 'object', additionalProperties: { enum: ['none', 'platt', 'isotonic'] } },
            start_reason: { type: 'string' },
            from: dateOrNull,
            time_column: { type: 'string' },
            columns: { type: ['array', 'null'], items: { type: 'string' } },
        })),
        folds: {
            type: 'array',
            items: object({
                index: count,
                cutoff: date,
                test_end: date,
                train: { $ref: '#/$defs/slice' },
                test: { $ref: '#/$defs/slice' },
                capacity: num,
                band_shares: object(Object.fromEntries(BANDS.map((b) => [b, num]))),
                models: { type: 'object', additionalProperties: { $ref: '#/$defs/modelMetrics' } },
                fits: {
                    type: 'object',
                    additionalProperties: object({
                        fit_rows: count,
                        calibration: { enum: ['none', 'platt', 'isotonic'] },
                        calibration_rows: count,
                        embargoed_rows: count,
                        calibration_from: dateOrNull,
                        calibration_to: dateOrNull,
                    }),
                },
            }),
        },
        pooled: {
            type: 'object',
            additionalProperties: {
                allOf: [
                    { $ref: '#/$defs/modelMetrics' },
                    object(...withAdded({
                        probability_source: { enum: ['model', 'scorecard_map', 'score_rank'] },
                        lead_time: { $ref: '#/$defs/leadTime' },
                        curves: { $ref: '#/$defs/curves' },
                    }, { mean_fold_auc: numOrNull })),
                ],
            },
        },
    }, {
        skipped_folds: {
            type: 'array',
            items: object({
                cutoff: date,
                test_end: date,
                reason: { type: 'string' },
                train: object({ rows: count, positives: count }),
                test: object({ rows: count, positives: count }),
            }),
        },
        notes: { type: 'array', items: { type: 'string' } },
        judgments: object({
            source: { type: 'string' },
            window_days: count,
            score_bands_from: { type: 'string' },
            total: count,
            matched: count,
            unmatched: object({ no_snapshot: count, censored: count }),
            models: {
                type: 'object',
                additionalProperties: object({
                    outside_test_folds: count,
                    overall: { $ref: '#/$defs/judgmentCells' },
                    by_author: { type: 'object', additionalProperties: { $ref: '#/$defs/judgmentCells' } },
                }),
            },
        }),
    })),
};
//# sourceMappingURL=schema.js.map