export const LAYERS = ['usage', 'engagement', 'relationship', 'outcome'];
export const FEATURES = [
    {
        name: 'usage_trend_14d',
        rank: 1,
        layer: 'usage',
        direction: 'higher_is_safer',
        needs: ['usage'],
        description: 'rel_change(usage last 14d, usage prior 14d); usage = sum of quantity over non-login events',
    },
    {
        name: 'support_ticket_trend_30d',
        rank: 2,
        layer: 'engagement',
        direction: 'higher_is_riskier',
        needs: ['tickets'],
        description: 'rel_change(tickets opened last 30d, tickets opened prior 30d)',
    },
    {
        name: 'champion_engagement_change_30d',
        rank: 3,
        layer: 'relationship',
        direction: 'higher_is_safer',
        needs: ['contacts', 'interactions'],
        description: 'rel_change of interactions with champions in effect at T, last 30d vs prior 30d; NULL without a champion',
        nullWhen: 'no champion is in effect at the as-of date',
    },
    {
        name: 'login_frequency_change_14d',
        rank: 4,
        layer: 'usage',
        direction: 'higher_is_safer',
        needs: ['usage'],
        description: 'rel_change(logins last 14d, logins prior 14d); logins = sum of quantity of login events',
    },
    {
        name: 'license_utilization',
        rank: 5,
        layer: 'usage',
        direction: 'higher_is_safer',
        needs: ['usage'],
        description: 'distinct user_id with any usage (a row with quantity > 0) last 30d / seats; NULL if seats is NULL or 0',
        nullWhen: 'seats is NULL or 0',
    },
    {
        name: 'days_since_last_csm_interaction',
        rank: 6,
        layer: 'engagement',
        direction: 'higher_is_riskier',
        needs: ['interactions'],
        description: 'days from the last CSM interaction (csm_meeting, csm_call, csm_email, qbr, or the mapping file csm_kinds) to T; days since started_at if none',
    },
    {
        name: 'nps_trend',
        rank: 7,
        layer: 'outcome',
        direction: 'higher_is_safer',
        needs: ['nps'],
        description: 'mean NPS score last 180d minus mean prior 180d; NULL unless both windows have responses',
        nullWhen: 'the last or the prior 180 days have no NPS response',
    },
    {
        name: 'contract_value_vs_usage_ratio',
        rank: 8,
        layer: 'outcome',
        direction: 'higher_is_riskier',
        needs: ['contracts', 'usage'],
        description: 'ARR in effect / max(1, active users last 30d), divided by its median over the same segment at T; NULL without a contract',
        nullWhen: 'no contract is in effect at the as-of date, or the segment median is 0',
    },
    {
        name: 'feature_adoption_breadth_change_30d',
        rank: 9,
        layer: 'usage',
        direction: 'higher_is_safer',
        needs: ['usage'],
        description: 'rel_change of distinct feature events (not login, not api_call; rows with quantity > 0) last 30d vs prior 30d',
    },
    {
        name: 'days_since_last_integration_added',
        rank: 10,
        layer: 'usage',
        direction: 'higher_is_riskier',
        needs: ['integrations'],
        description: 'days from the latest connected_at before T to T; days since started_at if none',
    },
];
export const SIGNALS = [
    {
        name: 'zero_usage_14d',
        type: 'boolean',
        needs: ['usage'],
        description: 'no usage events of any kind (rows with quantity > 0) in the last 14 days',
    },
    {
        name: 'champion_departed',
        type: 'boolean',
        needs: ['contacts'],
        description: 'no champion in effect at T, but a champion started before T',
    },
    { name: 'active_escalation', type: 'boolean', needs: ['tickets'], description: 'an escalated ticket is open at T' },
    {
        name: 'days_to_renewal',
        type: 'integer',
        needs: ['contracts'],
        description: 'earliest ends_at of contracts in effect at T, minus T, in days',
        nullWhen: 'no contract is in effect at the as-of date',
    },
    {
        name: 'annual_value',
        type: 'number',
        needs: ['contracts'],
        description: 'sum of annual_value over contracts in effect at T',
        nullWhen: 'no contract is in effect at the as-of date',
    },
    {
        name: 'seats',
        type: 'integer',
        needs: [],
        description: 'licensed seats (accounts.seats)',
        nullWhen: 'accounts.seats is empty',
    },
    { name: 'tenure_days', type: 'integer', needs: [], description: 'days from started_at to T' },
];
export const FEATURE_NAMES = FEATURES.map((f) => f.name);
export const LABEL_COLUMN = 'churned_within_90d';
/**
 * `features --label expansion`: 1 when the account's annual value in effect rises by at least
 * EXPANSION_THRESHOLD within the horizon (families.ts says exactly how), written after the churn label.
 */
export const EXPANSION_LABEL_COLUMN = 'expanded_within_90d';
/**
 * Whether a label is an opportunity (an expansion) rather than a risk: a health score rises with
 * it, so scorecards rank by score and their bands read GREEN as the likeliest.
 */
export function isOpportunityLabel(label) {
    return /^expanded_within_\d+d$/.test(label);
}
/** A rise of annual value of at least this share counts as an expansion (10%: renewal uplifts of a few percent do not). */
export const EXPANSION_THRESHOLD = 0.1;
export const KEY_COLUMNS = ['account_id', 'as_of'];
/**
 * Feature table columns in the order of docs/features.md: keys, segment, the ten features, the
 * signals (segment already placed), then the label.
 */
export const FEATURE_TABLE_COLUMNS = [
    'account_id',
    'as_of',
    'segment',
    ...FEATURE_NAMES,
    ...SIGNALS.map((s) => s.name),
    LABEL_COLUMN,
];
/** A feature table's columns: the set's, with the expansion label last when it is asked for. */
export function featureTableColumns(set, label) {
    const { columns } = featureSet(set);
    return label === 'expansion' ? [...columns, EXPANSION_LABEL_COLUMN] : columns;
}
export function featureSpec(name) {
    return FEATURES.find((f) => f.name === name);
}
export function signalSpec(name) {
    return SIGNALS.find((s) => s.name === name);
}
export const FEATURE_TABLE_TYPES = Object.fromEntries(FEATURE_TABLE_COLUMNS.map((c) => {
    if (c === 'account_id' || c === 'segment')
        return [c, 'VARCHAR'];
    if (c === 'as_of')
        return [c, 'DATE'];
    if (c === LABEL_COLUMN)
        return [c, 'INTEGER'];
    const signal = signalSpec(c);
    if (signal?.type === 'boolean')
        return [c, 'BOOLEAN'];
    if (signal?.type === 'integer')
        return [c, 'INTEGER'];
    return [c, 'DOUBLE'];
}));
export const FEATURE_SETS = ['saas', 'transactions'];
/** Window lengths of the transactional features, in days. */
export const PURCHASE_WINDOWS = [30, 90, 365];
const purchaseWindowFeatures = PURCHASE_WINDOWS.flatMap((n, i) => [
    {
        name: `purchases_${n}d`,
        rank: 3 + i,
        layer: 'usage',
        direction: 'higher_is_safer',
        needs: ['usage'],
        description: `purchases (usage rows with quantity > 0) in the last ${n} days`,
    },
    {
        name: `spend_${n}d`,
        rank: 6 + i,
        layer: 'outcome',
        direction: 'higher_is_safer',
        needs: ['usage'],
        description: `sum of quantity (the amount) of purchases in the last ${n} days`,
    },
]);
export const TRANSACTION_FEATURES = [
    {
        name: 'days_since_last_purchase',
        rank: 1,
        layer: 'usage',
        direction: 'higher_is_riskier',
        needs: ['usage'],
        description: 'days from the last purchase before T to T; days since started_at if none',
    },
    {
        name: 'purchases_total',
        rank: 2,
        layer: 'usage',
        direction: 'higher_is_safer',
        needs: ['usage'],
        description: 'purchases before T',
    },
    ...purchaseWindowFeatures,
    {
        name: 'spend_total',
        rank: 9,
        layer: 'outcome',
        direction: 'higher_is_safer',
        needs: ['usage'],
        description: 'sum of the amounts of all purchases before T',
    },
    {
        name: 'mean_days_between_purchases',
        rank: 10,
        layer: 'usage',
        direction: 'higher_is_riskier',
        needs: ['usage'],
        description: '(last purchase day - first purchase day) / (purchase days - 1) before T; NULL with fewer than 2 purchase days',
        nullWhen: 'fewer than 2 purchase days before T',
    },
    {
        name: 'purchase_gap_trend',
        rank: 11,
        layer: 'usage',
        direction: 'higher_is_riskier',
        needs: ['usage'],
        description: 'rel_change(the last gap between purchase days, the mean gap before it); NULL with fewer than 3 purchase days',
        nullWhen: 'fewer than 3 purchase days before T',
    },
    {
        name: 'recency_vs_mean_gap',
        rank: 12,
        layer: 'usage',
        direction: 'higher_is_riskier',
        needs: ['usage'],
        description: 'days_since_last_purchase / mean_days_between_purchases: how overdue the next purchase is',
        nullWhen: 'fewer than 2 purchase days before T',
    },
    {
        name: 'spend_trend_90d',
        rank: 13,
        layer: 'outcome',
        direction: 'higher_is_safer',
        needs: ['usage'],
        description: 'rel_change(spend last 90 days, spend prior 90 days)',
    },
];
export const TRANSACTION_TABLE_COLUMNS = [
    'account_id',
    'as_of',
    'segment',
    ...TRANSACTION_FEATURES.map((f) => f.name),
    'tenure_days',
    LABEL_COLUMN,
];
/** The features and columns of a feature set. */
export function featureSet(name) {
    if (name === 'transactions')
        return {
            features: TRANSACTION_FEATURES,
            signals: SIGNALS.filter((s) => s.name === 'tenure_days'),
            columns: TRANSACTION_TABLE_COLUMNS,
        };
    return { features: FEATURES, signals: SIGNALS, columns: FEATURE_TABLE_COLUMNS };
}
/** Which feature set a table's columns are (transactions when it has the transactional features and not the ten). */
export function featureSetOfColumns(columns) {
    const has = (c) => columns.includes(c);
    return TRANSACTION_FEATURES.every((f) => has(f.name)) && !FEATURES.every((f) => has(f.name))
        ? 'transactions'
        : 'saas';
}
//# sourceMappingURL=registry.js.map