export const TABLE_NAMES = [
    'accounts',
    'contracts',
    'usage',
    'tickets',
    'contacts',
    'interactions',
    'nps',
    'integrations',
];
export const TICKET_SEVERITIES = ['low', 'medium', 'high', 'urgent'];
export const TICKET_SENTIMENTS = ['negative', 'neutral', 'positive'];
export const CONTACT_ROLES = ['champion', 'executive_sponsor', 'admin', 'user', 'other'];
export const INTERACTION_KINDS = [
    'csm_meeting',
    'csm_call',
    'csm_email',
    'qbr',
    'email_reply',
    'training',
    'community',
    'webinar',
    'other',
];
/** Interaction kinds that count as a CSM touch (feature 6); a mapping file may redefine them. */
export const DEFAULT_CSM_KINDS = ['csm_meeting', 'csm_call', 'csm_email', 'qbr'];
const text = (name, required = true, extra = {}) => ({
    name,
    type: 'text',
    required,
    ...extra,
});
const col = (name, type, required, extra = {}) => ({
    name,
    type,
    required,
    ...extra,
});
export const CONTRACT = {
    accounts: {
        name: 'accounts',
        required: true,
        key: ['account_id'],
        interval: ['started_at', 'churned_at'],
        columns: [
            text('account_id'),
            text('name', false, { optional: true }),
            text('segment', false, { optional: true }),
            col('started_at', 'date', true),
            col('churned_at', 'date', false, { optional: true }),
            col('seats', 'integer', false, { optional: true, min: 0 }),
        ],
    },
    contracts: {
        name: 'contracts',
        required: false,
        key: ['contract_id'],
        interval: ['starts_at', 'ends_at'],
        columns: [
            text('account_id'),
            text('contract_id'),
            col('starts_at', 'date', true),
            col('ends_at', 'date', true),
            col('annual_value', 'number', true, { min: 0 }),
        ],
    },
    usage: {
        name: 'usage',
        required: true,
        key: [],
        columns: [
            text('account_id'),
            col('occurred_at', 'timestamp', true),
            text('user_id', false, { optional: true }),
            text('event'),
            col('quantity', 'number', false, { optional: true, min: 0, default: 1 }),
        ],
    },
    tickets: {
        name: 'tickets',
        required: false,
        key: ['ticket_id'],
        interval: ['opened_at', 'closed_at'],
        columns: [
            text('account_id'),
            text('ticket_id'),
            col('opened_at', 'timestamp', true),
            col('closed_at', 'timestamp', false, { optional: true }),
            text('severity', false, { optional: true, values: TICKET_SEVERITIES }),
            text('sentiment', false, { optional: true, values: TICKET_SENTIMENTS }),
            col('escalated', 'boolean', false, { optional: true, default: false }),
        ],
    },
    contacts: {
        name: 'contacts',
        required: false,
        key: ['contact_id'],
        interval: ['started_at', 'ended_at'],
        columns: [
            text('account_id'),
            text('contact_id'),
            text('role', true, { values: CONTACT_ROLES }),
            col('started_at', 'date', true),
            col('ended_at', 'date', false, { optional: true }),
        ],
    },
    interactions: {
        name: 'interactions',
        required: false,
        key: [],
        columns: [
            text('account_id'),
            col('occurred_at', 'timestamp', true),
            text('contact_id', false, { optional: true }),
            text('kind', true, { values: INTERACTION_KINDS }),
        ],
    },
    nps: {
        name: 'nps',
        required: false,
        key: [],
        columns: [
            text('account_id'),
            text('contact_id', false, { optional: true }),
            col('responded_at', 'timestamp', true),
            col('score', 'integer', true, { min: 0, max: 10 }),
        ],
    },
    integrations: {
        name: 'integrations',
        required: false,
        key: [],
        interval: ['connected_at', 'disconnected_at'],
        columns: [
            text('account_id'),
            text('integration'),
            col('connected_at', 'timestamp', true),
            col('disconnected_at', 'timestamp', false, { optional: true }),
        ],
    },
};
/** DuckDB type for a contract column type. */
export function duckdbType(t) {
    switch (t) {
        case 'text':
            return 'VARCHAR';
        case 'date':
            return 'DATE';
        case 'timestamp':
            return 'TIMESTAMP';
        case 'integer':
            return 'BIGINT';
        case 'number':
            return 'DOUBLE';
        case 'boolean':
            return 'BOOLEAN';
    }
}
//# sourceMappingURL=contract.js.map