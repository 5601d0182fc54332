import { FEATURES, LAYERS } from '../../src/features/index.js';
import { Rng } from '../../src/util/rng.js';
const SEGMENTS = ['enterprise', 'mid_market', 'smb'];
/** Draws one feature value; standardised risk in [-1, 1] comes back with it (positive = risky). */
function draw(rng, name) {
    switch (name) {
        case 'usage_trend_14d':
        case 'login_frequency_change_14d':
        case 'feature_adoption_breadth_change_30d':
        case 'champion_engagement_change_30d': {
            const v = Math.max(-1, Math.min(3, rng.normal(0, 0.35)));
            return { value: v, risk: -Math.max(-1, Math.min(1, v / 0.5)) };
        }
        case 'support_ticket_trend_30d': {
            const v = rng.next() < 0.4 ? 0 : Math.max(-1, Math.min(3, rng.normal(0.2, 0.8)));
            return { value: v, risk: Math.max(-1, Math.min(1, v / 1.5)) };
        }
        case 'license_utilization': {
            const v = Math.max(0, Math.min(1.5, rng.normal(0.6, 0.25)));
            return { value: v, risk: -Math.max(-1, Math.min(1, (v - 0.6) / 0.4)) };
        }
        case 'days_since_last_csm_interaction': {
            const v = Math.round(rng.next() * rng.next() * 200);
            return { value: v, risk: Math.max(-1, Math.min(1, (v - 50) / 80)) };
        }
        case 'nps_trend': {
            const v = Math.round(rng.normal(0, 1.5) * 10) / 10;
            return { value: v, risk: -Math.max(-1, Math.min(1, v / 2.5)) };
        }
        case 'contract_value_vs_usage_ratio': {
            const v = Math.exp(rng.normal(0, 0.5));
            return { value: v, risk: Math.max(-1, Math.min(1, Math.log(v) / 1)) };
        }
        default: {
            const v = Math.round(rng.next() * 500);
            return { value: v, risk: Math.max(-1, Math.min(1, (v - 250) / 250)) };
        }
    }
}
/** Per-feature true strength inside its layer (log-odds per unit of standardised risk). */
const STRENGTH = {
    usage_trend_14d: 1.0,
    login_frequency_change_14d: 0.6,
    license_utilization: 0.6,
    feature_adoption_breadth_change_30d: 0.4,
    days_since_last_integration_added: 0.2,
    support_ticket_trend_30d: 0.8,
    days_since_last_csm_interaction: 0.6,
    champion_engagement_change_30d: 0.8,
    nps_trend: 0.6,
    contract_value_vs_usage_ratio: 0.5,
};
export function syntheticFeatureTable(options) {
    const rng = new Rng(options.seed);
    const effect = (l, segment) => (options.layers?.[l] ?? 1) *
        (segment === undefined ? 1 : (options.segmentLayers?.[segment]?.[l] ?? 1));
    const cols = {};
    const names = [
        'account_id',
        'as_of',
        'segment',
        ...FEATURES.map((f) => f.name),
        'zero_usage_14d',
        'champion_departed',
        'active_escalation',
        'days_to_renewal',
        'annual_value',
        'seats',
        'tenure_days',
        'churned_within_90d',
    ];
    for (const n of names)
        cols[n] = [];
    for (let a = 0; a < options.accounts; a++) {
        const segment = options.segmentOf ? options.segmentOf(a) : SEGMENTS[a % 3];
        const frailty = rng.normal(0, 0.3);
        for (let m = 0; m < options.months; m++) {
            const asOf = `${2022 + Math.floor(m / 12)}-${String((m % 12) + 1).padStart(2, '0')}-01`;
            let eta = (options.intercept ?? -3) + frailty + (segment === 'smb' ? 0.4 : segment === 'enterprise' ? -0.4 : 0);
            for (const f of FEATURES) {
                const missing = (f.name === 'nps_trend' && rng.next() < 0.5) ||
                    (f.name === 'champion_engagement_change_30d' && rng.next() < 0.15);
                const { value, risk } = draw(rng, f.name);
                if (!missing)
                    eta += effect(f.layer, segment) * STRENGTH[f.name] * risk;
                cols[f.name].push(missing ? null : value);
            }
            const zero = rng.next() < 0.02;
            const departed = rng.next() < 0.04;
            const escalation = rng.next() < 0.03;
            if (zero)
                eta += 2 * effect('usage', segment);
            if (departed)
                eta += 1 * effect('relationship', segment);
            if (escalation)
                eta += 0.7 * effect('engagement', segment);
            const churn = rng.next() < 1 / (1 + Math.exp(-eta)) ? 1 : 0;
            cols['account_id'].push(`A${String(a).padStart(5, '0')}`);
            cols['as_of'].push(asOf);
            cols['segment'].push(segment);
            cols['zero_usage_14d'].push(zero ? 1 : 0);
            cols['champion_departed'].push(departed ? 1 : 0);
            cols['active_escalation'].push(escalation ? 1 : 0);
            cols['days_to_renewal'].push(1 + rng.int(365));
            cols['annual_value'].push(10000 + rng.int(90000));
            cols['seats'].push(5 + rng.int(100));
            cols['tenure_days'].push(100 + m * 30);
            cols['churned_within_90d'].push(m >= options.months - 3 ? null : churn);
        }
    }
    const kinds = {};
    const columns = {};
    for (const n of names) {
        const text = n === 'account_id' || n === 'as_of' || n === 'segment';
        kinds[n] = n === 'as_of' ? 'date' : text ? 'text' : 'number';
        columns[n] = text
            ? cols[n]
            : Float64Array.from(cols[n], (v) => (v === null ? NaN : v));
    }
    return { n: cols['account_id'].length, names, kinds, columns };
}
export { LAYERS };
/** The frame as a CSV file's text (NULL = empty field), for tests that go through the CLI. */
export function frameCsv(frame) {
    const lines = [frame.names.join(',')];
    for (let i = 0; i < frame.n; i++)
        lines.push(frame.names
            .map((n) => {
            const c = frame.columns[n];
            const v = c[i];
            if (v === null || v === undefined || (typeof v === 'number' && Number.isNaN(v)))
                return '';
            return String(v);
        })
            .join(','));
    return `${lines.join('\n')}\n`;
}
//# sourceMappingURL=synthetic.js.map