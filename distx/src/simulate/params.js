/** Segment order is the code order in spill files; do not reorder. */
export const SEGMENTS = [
    {
        name: 'enterprise',
        share: 0.1,
        seatsMedian: 100,
        seatsLogSd: 0.55,
        seatsMin: 40,
        seatsMax: 800,
        pricePerSeat: 1150,
        terms: [
            [12, 0.45],
            [24, 0.35],
            [36, 0.2],
        ],
        pilotShare: 0.4,
        healthOffset: 0.15,
        daysPerWeek: [1, 1],
        userFrequency: [0.15, 0.7],
        maxBreadth: 12,
        ticketsPerDay: 5 / 30,
        csmPerDay: 1 / 7,
        qbrEveryDays: 91,
        championRepliesPerDay: 1 / 4,
        championAtStart: 0.95,
        championReplaced: 0.85,
        sponsorAtStart: 0.9,
        extraContacts: [3, 7],
        onboardingIntegrations: 3.5,
        integrationsPerDay: 1 / 150,
        baseHazardPerDay: 0.00005,
        valuePerUserReference: 2100,
    },
    {
        name: 'mid_market',
        share: 0.3,
        seatsMedian: 30,
        seatsLogSd: 0.5,
        seatsMin: 10,
        seatsMax: 150,
        pricePerSeat: 840,
        terms: [
            [12, 0.8],
            [24, 0.2],
        ],
        pilotShare: 0.4,
        healthOffset: 0,
        daysPerWeek: [1, 2],
        userFrequency: [0.3, 0.9],
        maxBreadth: 10,
        ticketsPerDay: 2 / 30,
        csmPerDay: 1 / 14,
        qbrEveryDays: 182,
        championRepliesPerDay: 1 / 7,
        championAtStart: 0.9,
        championReplaced: 0.7,
        sponsorAtStart: 0.6,
        extraContacts: [1, 3],
        onboardingIntegrations: 1.8,
        integrationsPerDay: 1 / 300,
        baseHazardPerDay: 0.00006,
        valuePerUserReference: 1500,
    },
    {
        name: 'smb',
        share: 0.6,
        seatsMedian: 8,
        seatsLogSd: 0.45,
        seatsMin: 3,
        seatsMax: 30,
        pricePerSeat: 540,
        terms: [[12, 1]],
        pilotShare: 0.3,
        healthOffset: -0.1,
        daysPerWeek: [2, 3],
        userFrequency: [0.6, 1],
        maxBreadth: 8,
        ticketsPerDay: 0.8 / 30,
        csmPerDay: 1 / 30,
        qbrEveryDays: 0,
        championRepliesPerDay: 1 / 15,
        championAtStart: 0.75,
        championReplaced: 0.5,
        sponsorAtStart: 0.2,
        extraContacts: [0, 1],
        onboardingIntegrations: 0.8,
        integrationsPerDay: 1 / 500,
        baseHazardPerDay: 0.0001,
        valuePerUserReference: 1000,
    },
];
/** Usage event codes: 0 = login, 1 = api_call, 2.. = product features. */
export const PRODUCT_FEATURES = [
    'dashboards',
    'reports',
    'exports',
    'workflows',
    'alerts',
    'search',
    'comments',
    'file_uploads',
    'automations',
    'sharing',
    'forecasting',
    'admin_console',
];
export const USAGE_EVENTS = ['login', 'api_call', ...PRODUCT_FEATURES];
export const EVENT_LOGIN = 0;
export const EVENT_API = 1;
export const FIRST_FEATURE_EVENT = 2;
export const INTEGRATIONS = [
    'salesforce',
    'hubspot',
    'slack',
    'microsoft_teams',
    'jira',
    'zendesk',
    'snowflake',
    'okta',
    'google_workspace',
    'zapier',
    'segment',
    'github',
];
/** Word lists for company names: "<first> <second> <suffix>". */
export const NAME_FIRST = [
    'Blue',
    'North',
    'Silver',
    'Bright',
    'Red',
    'Summit',
    'Iron',
    'Green',
    'Clear',
    'Golden',
    'Swift',
    'Harbor',
    'Cedar',
    'Nova',
    'Atlas',
    'Prime',
];
export const NAME_SECOND = [
    'Ridge',
    'Wind',
    'Stone',
    'Field',
    'River',
    'Peak',
    'Bridge',
    'Point',
    'Wave',
    'Forge',
    'Lake',
    'Path',
    'Grove',
    'Light',
    'Mark',
    'Works',
];
export const NAME_SUFFIX = [
    'Labs',
    'Systems',
    'Health',
    'Logistics',
    'Capital',
    'Software',
    'Retail',
    'Foods',
    'Energy',
    'Media',
    'Partners',
    'Group',
];
/**
 * The ten features and three override signals, in the rank order of docs/features.md. Renewal
 * proximity is a multiplier of its own (RENEWAL), not a log-linear term.
 */
export const DRIVERS = [
    {
        name: 'usage_trend_14d',
        kind: 'feature',
        layer: 'usage',
        coefficient: -2,
        transform: 'min(x, 1)',
        reference: 0,
        whenNull: 'never NULL',
        nominal: [0.036, 0.392],
    },
    {
        name: 'support_ticket_trend_30d',
        kind: 'feature',
        layer: 'engagement',
        coefficient: 0.4,
        transform: 'min(x, 1)',
        reference: 0,
        whenNull: 'never NULL',
        nominal: [0.07, 0.703],
    },
    {
        name: 'champion_engagement_change_30d',
        kind: 'feature',
        layer: 'relationship',
        coefficient: -0.55,
        transform: 'min(x, 1)',
        reference: 0,
        whenNull: '0 (no champion in effect)',
        nominal: [0.091, 0.581],
    },
    {
        name: 'login_frequency_change_14d',
        kind: 'feature',
        layer: 'usage',
        coefficient: -0.6,
        transform: 'min(x, 1)',
        reference: 0,
        whenNull: 'never NULL',
        nominal: [0.026, 0.405],
    },
    {
        name: 'license_utilization',
        kind: 'feature',
        layer: 'usage',
        coefficient: -0.8,
        transform: 'min(x, 1.5)',
        reference: 0.6,
        whenNull: 'never NULL (seats > 0)',
        nominal: [0.057, 0.25],
    },
    {
        name: 'days_since_last_csm_interaction',
        kind: 'feature',
        layer: 'engagement',
        coefficient: 0.25,
        transform: 'min(x, 365) / 30',
        reference: 1,
        whenNull: 'never NULL',
        nominal: [-0.172, 1.065],
    },
    {
        name: 'nps_trend',
        kind: 'feature',
        layer: 'outcome',
        coefficient: -0.25,
        transform: 'x',
        reference: 0,
        whenNull: '0 (a window without responses)',
        nominal: [-0.049, 1.375],
    },
    {
        name: 'contract_value_vs_usage_ratio',
        kind: 'feature',
        layer: 'outcome',
        coefficient: 0.4,
        transform: 'clip(ln(x_ref), -2, 2), x_ref = ARR / max(1, active users) / segment reference',
        reference: 0,
        whenNull: '0 (no contract in effect)',
        nominal: [-0.032, 0.572],
    },
    {
        name: 'feature_adoption_breadth_change_30d',
        kind: 'feature',
        layer: 'usage',
        coefficient: -0.6,
        transform: 'min(x, 1)',
        reference: 0,
        whenNull: 'never NULL',
        nominal: [0.038, 0.299],
    },
    {
        name: 'days_since_last_integration_added',
        kind: 'feature',
        layer: 'usage',
        coefficient: 0.05,
        transform: 'min(x, 730) / 30',
        reference: 6,
        whenNull: 'never NULL',
        nominal: [-0.174, 4.347],
    },
    {
        name: 'zero_usage_14d',
        kind: 'signal',
        layer: 'usage',
        coefficient: 1.8,
        transform: 'x (0/1)',
        reference: 0,
        whenNull: 'never NULL',
        nominal: [0.022, 0.147],
    },
    {
        name: 'champion_departed',
        kind: 'signal',
        layer: 'relationship',
        coefficient: 0.9,
        transform: 'x (0/1)',
        reference: 0,
        whenNull: 'never NULL',
        nominal: [0.046, 0.209],
    },
    {
        name: 'active_escalation',
        kind: 'signal',
        layer: 'engagement',
        coefficient: 0.7,
        transform: 'x (0/1)',
        reference: 0,
        whenNull: 'never NULL',
        nominal: [0.116, 0.32],
    },
];
export const DRIVER_NAMES = DRIVERS.map((d) => d.name);
/** Driver indices, for the hot loop. */
export const D = {
    usageTrend: 0,
    ticketTrend: 1,
    championChange: 2,
    loginChange: 3,
    utilization: 4,
    daysSinceCsm: 5,
    npsTrend: 6,
    valueRatio: 7,
    breadthChange: 8,
    daysSinceIntegration: 9,
    zeroUsage: 10,
    championDeparted: 11,
    activeEscalation: 12,
};
/**
 * Renewal proximity: the hazard is multiplied by `floor + peak * exp(-days_to_renewal / tauDays)`,
 * so churn concentrates in the weeks before a contract ends and mid-term churn is rarer. With no
 * contract in effect (the renewal day itself), days_to_renewal counts as 0.
 */
export const RENEWAL = { floor: 0.3, peak: 40, tauDays: 20 };
/**
 * Contract changes (model.ts). A mid-term add-on (co-terminous with the main contract, a share of
 * the licensed seats at the segment's price) happens with `addOnPerDay` on a day when outcome
 * health is above `minOutcomeHealth`, the deployed user pool above `minPoolShare` of licensed seats
 * and the renewal more than `minDaysToRenewal` away: the planted expansion drivers (truth.json).
 * A renewal uplifts by `renewalUplift`, or downsells by `downsell` when the pool has shrunk under
 * `downsellBelowPoolShare` of licensed seats.
 */
export const CONTRACT_CHANGES = {
    addOnPerDay: 1 / 250,
    minOutcomeHealth: 0.3,
    minPoolShare: 0.75,
    minDaysToRenewal: 45,
    addOnSeats: [0.1, 0.35],
    renewalUplift: [1, 1.07],
    downsell: [0.7, 0.9],
    downsellBelowPoolShare: 0.55,
};
/**
 * The simulator's day (model.ts), step by step. Rates are per day; `*Slope` multiplies a latent
 * health in exp(slope * health) (or sigmoid(offset + slope * health)); shocks move a latent health.
 */
export const ACCOUNT_START = {
    /** Log-normal spread of an account's price per seat around its segment's. */
    priceLogSd: 0.15,
    /** A pilot's first term in months: the first plus int(the second). */
    pilotMonths: [3, 7],
    /** Chance that an extra contact is a user (else: other). */
    userContactShare: 0.8,
    /** Mean days (geometric, from day 1) until an onboarding integration connects. */
    onboardingConnectDays: 20,
    /** Share of the seats in the user pool on day one. */
    initialPoolShare: 0.25,
    /** Days to the first QBR and the first NPS round: the first plus int(the second). */
    firstQbrDays: [30, 30],
    firstSurveyDays: [45, 60],
};
export const CHAMPION_CHANGES = {
    departurePerYear: 0.14,
    departureRelationshipSlope: -0.4,
    departureRelationshipShock: -0.8,
    departureUsageShock: -0.2,
    /** A replacement arrives after the first plus geometric(mean: the second) days. */
    replacementDays: [10, 35],
    /** With no champion ever: sigmoid(relationship health) / this per day. */
    firstChampionDays: 150,
    arrivalRelationshipShock: 0.4,
};
export const INTEGRATION_CHANGES = {
    /** New integrations only after this many days of onboarding. */
    afterDays: 30,
    connectUsageSlope: 0.6,
    disconnectPerDay: 1 / 1500,
    disconnectUsageSlope: -0.9,
};
export const USAGE_DAY = {
    /** The pool of users moves towards licensed x (base + span x sigmoid(usage health + 1)) by `poolPull` a day. */
    poolBase: 0.3,
    poolSpan: 0.65,
    poolPull: 0.015,
    breadthOffset: 0.6,
    breadthSlope: 1.1,
    /** Chance per day that breadth moves one feature towards its target. */
    breadthStep: 1 / 25,
    showUpOffset: 1.5,
    showUpSlope: 2,
    featureMean: 2.5,
    featureSlope: 0.7,
    /** A second login with this chance, a third with `thirdLogin` after that. */
    secondLogin: 0.4,
    thirdLogin: 0.3,
    featureUse: 0.9,
    secondFeature: 0.15,
    /** API calls on a day: chance (weekday / weekend) x sigmoid(offset + slope x usage health). */
    apiWeekday: 0.95,
    apiWeekend: 0.5,
    apiOffset: 2,
    apiSlope: 1.5,
    apiCallsPerIntegration: 4,
    apiCallsSlope: 0.3,
    /** Usage on the year-end holidays (Dec 22 to Jan 2) against other days. */
    holidayFactor: 0.6,
};
/** By severity code (low, medium, high, urgent): chance of escalation at health 0, and mean hours to close. */
export const ESCALATION_P = [0.005, 0.02, 0.12, 0.35];
export const TICKET_HOURS = [30, 50, 80, 120];
export const TICKETS_DAY = {
    engagementSlope: -0.6,
    /** More tickets in the first `onboardingDays`. */
    onboardingDays: 60,
    onboardingFactor: 1.3,
    escalationEngagementSlope: -0.4,
    /** An escalated ticket takes this many times longer to close. */
    escalatedHoursFactor: 4,
    minOpenSeconds: 600,
    escalationEngagementShock: -0.15,
    escalationOutcomeShock: -0.05,
};
export const INTERACTIONS_DAY = {
    csmEngagementSlope: 0.5,
    /** CSM touches are likelier within `renewalDays` of renewal and while an escalation is open. */
    renewalDays: 60,
    renewalFactor: 1.8,
    escalationFactor: 1.5,
    qbrOffset: 1.5,
    qbrSlope: 1.5,
    /** The next QBR is qbrEveryDays - jitter + int(2 jitter + 1) days on. */
    qbrJitterDays: 10,
    repliesRelationshipSlope: 0.9,
    repliesWeekday: 1.3,
    repliesWeekend: 0.25,
    programPerDay: 0.02,
    programEngagementSlope: 0.5,
    programEnterpriseFactor: 2,
    programAnonymous: 0.15,
};
export const NPS_ROUNDS = {
    championResponse: 0.5,
    contactResponse: 0.3,
    anonymousResponse: 0.25,
    /** Rounds every `everyDays` - jitter + int(2 jitter + 1) days. */
    everyDays: 91,
    jitterDays: 7,
};
/** Churn hazard by calendar month (budget cycles: fiscal year and half-year ends). */
export const HAZARD_SEASON = [1.15, 0.95, 1.0, 0.95, 0.95, 1.1, 0.9, 0.85, 1.0, 0.95, 1.0, 1.2];
/** Product activity by calendar month; the year-end holidays dip further (see model.ts). */
export const USAGE_SEASON = [0.97, 1.0, 1.02, 1.0, 1.0, 0.98, 0.93, 0.88, 1.0, 1.02, 1.0, 0.95];
/** Account-level frailty: an unobserved log-hazard offset, normal with this sd. */
export const FRAILTY_SD = 0.3;
// ---------------------------------------------------------------------------------------------
// Effects: how a caller re-weights the planted truth
export const EFFECT_LAYERS = ['usage', 'engagement', 'relationship', 'outcome'];
export const DEFAULT_EFFECTS = {
    layers: { usage: 1, engagement: 1, relationship: 1, outcome: 1 },
    drivers: {},
    renewal: 1,
    seasonality: 1,
    frailty: 1,
    churn: 1,
};
/** Fills defaults and checks every number; unknown names are errors, not silently ignored. */
export function resolveEffects(input, fail) {
    const out = { ...DEFAULT_EFFECTS, layers: { ...DEFAULT_EFFECTS.layers }, drivers: {} };
    if (input === undefined || input === null)
        return out;
    if (typeof input !== 'object' || Array.isArray(input))
        fail('effects must be an object');
    const check = (where, v) => {
        if (typeof v !== 'number' || !Number.isFinite(v) || v < 0)
            fail(`effects.${where} must be a non-negative number, got ${JSON.stringify(v)}`);
        return v;
    };
    for (const key of Object.keys(input)) {
        if (!['layers', 'drivers', 'renewal', 'seasonality', 'frailty', 'churn'].includes(key)) {
            fail(`effects: unknown key "${key}" (expected layers, drivers, renewal, seasonality, frailty, churn)`);
        }
    }
    if (input.layers !== undefined) {
        if (typeof input.layers !== 'object' || input.layers === null)
            fail('effects.layers must be an object');
        for (const [k, v] of Object.entries(input.layers)) {
            if (!EFFECT_LAYERS.includes(k))
                fail(`effects.layers: unknown layer "${k}" (expected ${EFFECT_LAYERS.join(', ')})`);
            out.layers[k] = check(`layers.${k}`, v);
        }
    }
    if (input.drivers !== undefined) {
        if (typeof input.drivers !== 'object' || input.drivers === null)
            fail('effects.drivers must be an object');
        for (const name of DRIVER_NAMES) {
            const v = input.drivers[name];
            if (v !== undefined)
                out.drivers[name] = check(`drivers.${name}`, v);
        }
        for (const k of Object.keys(input.drivers)) {
            if (!DRIVER_NAMES.includes(k))
                fail(`effects.drivers: unknown driver "${k}" (expected one of ${DRIVER_NAMES.join(', ')})`);
        }
    }
    for (const k of ['renewal', 'seasonality', 'frailty', 'churn']) {
        if (input[k] !== undefined)
            out[k] = check(k, input[k]);
    }
    return out;
}
/**
 * The factor on every base hazard that keeps the expected driver multiplier at its default
 * level when effects re-weight the drivers (so a usage-dominant world is not also a world where
 * everyone churns): log-normal for the continuous drivers, exact for the 0/1 signals, from the
 * nominal means and spreads. Bounded to [e^-4, e^4].
 */
export function hazardCompensation(effects) {
    const beta = effectiveCoefficients(effects);
    let logFactor = 0;
    DRIVERS.forEach((d, i) => {
        const [mean, sd] = d.nominal;
        const b0 = d.coefficient;
        const b1 = beta[i];
        if (d.kind === 'signal') {
            logFactor -= Math.log(1 - mean + mean * Math.exp(b1)) - Math.log(1 - mean + mean * Math.exp(b0));
        }
        else {
            logFactor -= (b1 - b0) * mean + 0.5 * (b1 * b1 - b0 * b0) * sd * sd;
        }
    });
    return Math.exp(Math.max(-4, Math.min(4, logFactor)));
}
/** The coefficient each driver has under `effects`, in DRIVERS order. */
export function effectiveCoefficients(effects) {
    return Float64Array.from(DRIVERS, (d) => {
        const layerScale = d.layer === 'renewal' ? 1 : effects.layers[d.layer];
        return d.coefficient * layerScale * (effects.drivers[d.name] ?? 1);
    });
}
//# sourceMappingURL=params.js.map