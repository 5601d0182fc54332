/**
 * The feature catalogue: what each feature-table column is called for a person, and the
 * sentence that says an account's value of it. Plain data (no functions), so that a web page, a
 * report and an alert render the same words; text.ts turns an entry and a value into a sentence.
 *
 * Placeholders in templates: `{pct}` the value as a percentage without sign ("35%"), `{days}`
 * a whole number of days ("1 day", "35 days"), `{points}` a difference on a 0-10 scale ("2.5"),
 * `{times}` a multiple ("2.1"), `{money}` an amount ("$120,000"), `{value}` the value as written.
 */
const change = (what, window, verb, missing) => ({
    down: `${what} ${verb.down} {pct} ${window}`,
    up: `${what} ${verb.up} {pct} ${window}`,
    flat: `${what} held steady ${window}`,
    missing,
});
export const CATALOGUE = [
    {
        name: 'usage_trend_14d',
        label: 'Usage trend (14 days)',
        kind: 'change',
        direction: 'higher_is_safer',
        templates: {
            ...change('Usage', 'over the last 14 days vs the 14 before', { down: 'fell', up: 'rose' }, 'Usage trend unknown'),
            stopped: 'Usage stopped: none in the last 14 days, some in the 14 before',
            most: 'Usage tripled or more (or started from none) over the last 14 days vs the 14 before',
        },
    },
    {
        name: 'support_ticket_trend_30d',
        label: 'Support tickets trend (30 days)',
        kind: 'change',
        direction: 'higher_is_riskier',
        templates: {
            ...change('Support tickets', 'in the last 30 days vs the 30 before', { down: 'fell', up: 'rose' }, 'Support ticket trend unknown'),
            stopped: 'No support tickets in the last 30 days, after some in the 30 before',
            most: 'Support tickets tripled or more (or started from none) in the last 30 days vs the 30 before',
        },
    },
    {
        name: 'champion_engagement_change_30d',
        label: 'Champion engagement (30 days)',
        kind: 'change',
        direction: 'higher_is_safer',
        templates: {
            ...change('Interactions with the champion', 'in the last 30 days vs the 30 before', { down: 'fell', up: 'rose' }, 'No champion in role'),
            stopped: 'The champion went quiet: no interactions in the last 30 days, some in the 30 before',
            most: 'Interactions with the champion tripled or more (or started from none) in the last 30 days vs the 30 before',
        },
    },
    {
        name: 'login_frequency_change_14d',
        label: 'Login frequency (14 days)',
        kind: 'change',
        direction: 'higher_is_safer',
        templates: {
            ...change('Logins', 'over the last 14 days vs the 14 before', { down: 'fell', up: 'rose' }, 'Login trend unknown'),
            stopped: 'Logins stopped: none in the last 14 days, some in the 14 before',
            most: 'Logins tripled or more (or started from none) over the last 14 days vs the 14 before',
        },
    },
    {
        name: 'license_utilization',
        label: 'License utilization',
        kind: 'share',
        direction: 'higher_is_safer',
        templates: {
            value: '{pct} of licensed seats active in the last 30 days',
            missing: 'License utilization unknown (no seat count)',
        },
    },
    {
        name: 'days_since_last_csm_interaction',
        label: 'Days since last CSM touch',
        kind: 'days',
        direction: 'higher_is_riskier',
        templates: {
            value: '{days} since the last CSM meeting, call, email or QBR',
            missing: 'No CSM interaction on record',
        },
    },
    {
        name: 'nps_trend',
        label: 'NPS trend (180 days)',
        kind: 'points_change',
        direction: 'higher_is_safer',
        templates: {
            down: 'NPS fell {points} points (last 180 days vs the 180 before)',
            up: 'NPS rose {points} points (last 180 days vs the 180 before)',
            flat: 'NPS held steady (last 180 days vs the 180 before)',
            missing: 'Too few NPS responses to see a trend',
        },
    },
    {
        name: 'contract_value_vs_usage_ratio',
        label: 'Price per active user vs segment',
        kind: 'multiple',
        direction: 'higher_is_riskier',
        templates: {
            value: "Pays {times}x the segment's typical ARR per active user",
            missing: 'No contract in effect',
        },
    },
    {
        name: 'feature_adoption_breadth_change_30d',
        label: 'Feature adoption breadth (30 days)',
        kind: 'change',
        direction: 'higher_is_safer',
        templates: {
            ...change('Features in use', 'in the last 30 days vs the 30 before', { down: 'fell', up: 'rose' }, 'Feature adoption trend unknown'),
            stopped: 'No features used in the last 30 days, some in the 30 before',
            most: 'Features in use tripled or more (or started from none) in the last 30 days vs the 30 before',
        },
    },
    {
        name: 'days_since_last_integration_added',
        label: 'Days since last integration added',
        kind: 'days',
        direction: 'higher_is_riskier',
        templates: {
            value: '{days} since the last integration was added',
            missing: 'Integration history unknown',
        },
    },
    {
        name: 'zero_usage_14d',
        label: 'No usage (14 days)',
        kind: 'flag',
        direction: 'higher_is_riskier',
        templates: {
            yes: 'No product usage at all in the last 14 days',
            no: 'Product used in the last 14 days',
            missing: 'Usage in the last 14 days unknown',
        },
    },
    {
        name: 'champion_departed',
        label: 'Champion departed',
        kind: 'flag',
        direction: 'higher_is_riskier',
        templates: {
            yes: 'The champion left and has not been replaced',
            no: 'Champion in role (or never identified)',
            missing: 'Champion status unknown',
        },
    },
    {
        name: 'active_escalation',
        label: 'Active escalation',
        kind: 'flag',
        direction: 'higher_is_riskier',
        templates: {
            yes: 'An escalated support ticket is open',
            no: 'No escalated ticket open',
            missing: 'Escalations unknown',
        },
    },
    {
        name: 'days_to_renewal',
        label: 'Days to renewal',
        kind: 'days',
        direction: 'higher_is_safer',
        templates: { value: 'Renewal in {days}', missing: 'No contract in effect' },
    },
    {
        name: 'annual_value',
        label: 'ARR',
        kind: 'money',
        templates: { value: 'ARR {money}', missing: 'No contract in effect' },
    },
    {
        name: 'seats',
        label: 'Licensed seats',
        kind: 'count',
        templates: { value: '{value} licensed seats', missing: 'Seat count unknown' },
    },
    {
        name: 'tenure_days',
        label: 'Tenure',
        kind: 'days',
        direction: 'higher_is_safer',
        templates: { value: 'Customer for {days}', missing: 'Start date unknown' },
    },
    {
        name: 'segment',
        label: 'Segment',
        kind: 'text',
        templates: { value: 'Segment: {value}', missing: 'Segment unknown' },
    },
];
//# sourceMappingURL=entries.js.map