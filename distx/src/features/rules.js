/**
 * The value rules of a feature table (docs/features.md), one set for every command that reads one
 * (train, predict, score, calibrate, backtest, report, export --verify) and for the HTTP routes
 * (their JSON Schema takes its bounds from here): numbers are finite, each column stays in the
 * range its definition allows, booleans are booleans, labels are 0, 1 or NULL (a NaN, as pandas
 * writes a missing value, reads as NULL; infinities are refused). A value that
 * breaks a rule is an input error naming the table, row and column, never a probability.
 */
import { loadFrame } from '../data/light/index.js';
import { excerpt, InputError } from '../util/index.js';
import { EXPANSION_LABEL_COLUMN, FEATURES, LABEL_COLUMN, SIGNALS, TRANSACTION_FEATURES } from './registry.js';
/** rel_change is clipped to [-1, 3] by definition. */
const REL_CHANGE = { kind: 'number', min: -1, max: 3 };
const NON_NEGATIVE = { kind: 'number', min: 0 };
const FEATURE_RULES = {
    usage_trend_14d: REL_CHANGE,
    support_ticket_trend_30d: REL_CHANGE,
    champion_engagement_change_30d: REL_CHANGE,
    login_frequency_change_14d: REL_CHANGE,
    license_utilization: NON_NEGATIVE,
    days_since_last_csm_interaction: NON_NEGATIVE,
    // Not bounded: churnkit's is -10..10 (0..10 scores), but a table built elsewhere may count NPS
    // points (-100..100) and still be right.
    nps_trend: { kind: 'number' },
    contract_value_vs_usage_ratio: NON_NEGATIVE,
    feature_adoption_breadth_change_30d: REL_CHANGE,
    days_since_last_integration_added: NON_NEGATIVE,
};
/** The transactional set: counts, amounts and days are never negative; trends are rel_change. */
const TRANSACTION_RULES = {
    purchase_gap_trend: REL_CHANGE,
    spend_trend_90d: REL_CHANGE,
};
const SIGNAL_RULES = {
    annual_value: NON_NEGATIVE,
    seats: { kind: 'integer', min: 0 },
    tenure_days: { kind: 'integer', min: 0 },
    days_to_renewal: { kind: 'integer' },
};
/** The rule of each churnkit feature-table column that has one (keys and segment are free text). */
function signalRule(name, type) {
    if (type === 'boolean')
        return { kind: 'boolean' };
    return SIGNAL_RULES[name] ?? { kind: type === 'integer' ? 'integer' : 'number' };
}
export const FEATURE_VALUE_RULES = Object.fromEntries([
    ...FEATURES.map((f) => [f.name, FEATURE_RULES[f.name] ?? { kind: 'number' }]),
    ...TRANSACTION_FEATURES.map((f) => [f.name, TRANSACTION_RULES[f.name] ?? NON_NEGATIVE]),
    ...SIGNALS.filter((s) => s.type !== 'text').map((s) => [s.name, signalRule(s.name, s.type)]),
    [LABEL_COLUMN, { kind: 'label' }],
    [EXPANSION_LABEL_COLUMN, { kind: 'label' }],
]);
/** What a rule allows, in words, for messages and API docs. */
export function describeRule(rule) {
    if (rule.kind === 'boolean')
        return 'true or false';
    if (rule.kind === 'label')
        return '0, 1 or empty (censored)';
    const what = rule.kind === 'integer' ? 'a whole number' : 'a finite number';
    if (rule.min !== undefined && rule.max !== undefined)
        return `${what} from ${rule.min} to ${rule.max}`;
    if (rule.min !== undefined)
        return `${what} >= ${rule.min}`;
    if (rule.max !== undefined)
        return `${what} <= ${rule.max}`;
    return what;
}
/** Whether a present (non-NULL) number meets a rule. */
export function meetsRule(rule, v) {
    if (!Number.isFinite(v))
        return false;
    if (rule.kind === 'boolean' || rule.kind === 'label')
        return v === 0 || v === 1;
    if (rule.kind === 'integer' && !Number.isInteger(v))
        return false;
    if (rule.min !== undefined && v < rule.min)
        return false;
    if (rule.max !== undefined && v > rule.max)
        return false;
    return true;
}
/**
 * Checks a feature table against the rules, for the columns it has (a table that is not
 * churnkit's is checked on the churnkit names it uses, and on `columns`, which must be numbers
 * or booleans when they are not text); throws at the first bad value, in row order.
 */
export function checkFeatureFrame(frame, table, options = {}) {
    for (const name of frame.names) {
        const rule = FEATURE_VALUE_RULES[name];
        if (!rule)
            continue;
        const col = frame.columns[name];
        if (!(col instanceof Float64Array)) {
            // A column of churnkit numbers that reads as text holds something that is not a number.
            const k = col.findIndex((v) => v !== null && v.trim() !== '' && !/^nan$/i.test(v.trim()) && !Number.isFinite(Number(v)));
            if (k >= 0 || frame.kinds[name] === 'date')
                throw new InputError({ table, ...(k >= 0 ? { row: k + 1 } : {}), column: name }, `${k >= 0 ? `${excerpt(col[k])} is not` : 'holds dates, not'} ${describeRule(rule)}`);
            continue;
        }
        for (let i = 0; i < col.length; i++) {
            const v = col[i];
            if (Number.isNaN(v) || meetsRule(rule, v))
                continue;
            const problem = rule.kind === 'label' ? `must be 0, 1 or NULL, got ${v}` : `${v} is not ${describeRule(rule)}`;
            throw new InputError({ table, row: i + 1, column: name }, problem);
        }
    }
    for (const name of options.numeric ?? []) {
        if (FEATURE_VALUE_RULES[name])
            continue;
        const col = frame.columns[name];
        if (!(col instanceof Float64Array))
            continue;
        for (let i = 0; i < col.length; i++)
            if (!Number.isNaN(col[i]) && !Number.isFinite(col[i]))
                throw new InputError({ table, row: i + 1, column: name }, `${col[i]} is not a finite number`);
    }
}
/** Reads a feature table (CSV, Parquet, JSONL) and checks its values: what every command reads one through. */
export async function loadFeatureTable(path, columns, options = {}) {
    const frame = await loadFrame(path, columns, options);
    if (frame.n === 0)
        throw new InputError({ table: path }, 'the table has no rows');
    checkFeatureFrame(frame, path);
    return frame;
}
//# sourceMappingURL=rules.js.map