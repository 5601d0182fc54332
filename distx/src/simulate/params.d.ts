/**
 * The planted world of the simulator: segments, catalogs and the hazard drivers with their
 * coefficients. Everything here is recorded in truth.json, so a test or a reader can check what
 * a model recovers against what was planted. src/simulate/README.md explains the numbers.
 */
import type { Layer } from '../features/index.js';
export type SegmentName = 'enterprise' | 'mid_market' | 'smb';
export interface SegmentParams {
    name: SegmentName;
    /** Share of simulated accounts. */
    share: number;
    /** Licensed seats: log-normal with this median and log-sd, clamped. */
    seatsMedian: number;
    seatsLogSd: number;
    seatsMin: number;
    seatsMax: number;
    /** List price per seat per year (USD); each account gets a log-normal discount around it. */
    pricePerSeat: number;
    /** Contract terms in months and their probabilities. */
    terms: readonly (readonly [months: number, p: number])[];
    /**
     * Share of accounts whose first contract is a short initial term (a pilot or a ramp deal of
     * 3 to 9 months) before the regular term: renewals then do not line up with tenure.
     */
    pilotShare: number;
    /** Baseline of the latent health (fit of the product to this kind of customer). */
    healthOffset: number;
    /**
     * Users are habitual: each has fixed weekdays (this many per week, uniform in the range) and a
     * personal frequency (uniform in the range) scaling the chance of showing up on those days.
     */
    daysPerWeek: readonly [min: number, max: number];
    userFrequency: readonly [min: number, max: number];
    /** Largest number of product features an account of this segment adopts. */
    maxBreadth: number;
    /** Tickets opened per day at health 0. */
    ticketsPerDay: number;
    /** CSM touches (meeting, call, email) per day at health 0, and the QBR cadence in days (0 = none). */
    csmPerDay: number;
    qbrEveryDays: number;
    /** Champion email replies per day at health 0. */
    championRepliesPerDay: number;
    /** Probability that the account has a champion from the start, and that a departed champion is replaced. */
    championAtStart: number;
    championReplaced: number;
    /** Other contacts at the start: executive sponsor probability, and the range of admins/users. */
    sponsorAtStart: number;
    extraContacts: readonly [min: number, max: number];
    /** Integrations connected during onboarding (Poisson mean) and new ones per day later at health 0. */
    onboardingIntegrations: number;
    integrationsPerDay: number;
    /** Churn hazard per day before the drivers, renewal proximity and seasonality multiply it. */
    baseHazardPerDay: number;
    /**
     * Planted median of ARR per active user for the segment (USD). The hazard's value-ratio
     * driver divides by this constant where the feature divides by the cross-sectional median
     * (see README: the two differ by a near-constant factor, absorbed by the base hazard).
     */
    valuePerUserReference: number;
}
/** Segment order is the code order in spill files; do not reorder. */
export declare const SEGMENTS: readonly SegmentParams[];
/** Usage event codes: 0 = login, 1 = api_call, 2.. = product features. */
export declare const PRODUCT_FEATURES: readonly ['dashboards', 'reports', 'exports', 'workflows', 'alerts', 'search', 'comments', 'file_uploads', 'automations', 'sharing', 'forecasting', 'admin_console'];
export declare const USAGE_EVENTS: readonly ["login", "api_call", "dashboards", "reports", "exports", "workflows", "alerts", "search", "comments", "file_uploads", "automations", "sharing", "forecasting", "admin_console"];
export declare const EVENT_LOGIN = 0;
export declare const EVENT_API = 1;
export declare const FIRST_FEATURE_EVENT = 2;
export declare const INTEGRATIONS: readonly ['salesforce', 'hubspot', 'slack', 'microsoft_teams', 'jira', 'zendesk', 'snowflake', 'okta', 'google_workspace', 'zapier', 'segment', 'github'];
/** Word lists for company names: "<first> <second> <suffix>". */
export declare const NAME_FIRST: readonly ['Blue', 'North', 'Silver', 'Bright', 'Red', 'Summit', 'Iron', 'Green', 'Clear', 'Golden', 'Swift', 'Harbor', 'Cedar', 'Nova', 'Atlas', 'Prime'];
export declare const NAME_SECOND: readonly ['Ridge', 'Wind', 'Stone', 'Field', 'River', 'Peak', 'Bridge', 'Point', 'Wave', 'Forge', 'Lake', 'Path', 'Grove', 'Light', 'Mark', 'Works'];
export declare const NAME_SUFFIX: readonly ['Labs', 'Systems', 'Health', 'Logistics', 'Capital', 'Software', 'Retail', 'Foods', 'Energy', 'Media', 'Partners', 'Group'];
export type DriverLayer = Layer | 'renewal';
export interface DriverSpec {
    /** A feature of docs/features.md or an override signal; the name is the feature table column. */
    name: string;
    kind: 'feature' | 'signal';
    layer: DriverLayer;
    /** Log-hazard per unit of the transformed value, before effects scale it. */
    coefficient: number;
    /** How the feature value becomes the hazard term: `coefficient * (transform(x) - reference)`. */
    transform: string;
    reference: number;
    /** What a NULL feature contributes. */
    whenNull: string;
    /**
     * Mean and sd of `transform(x) - reference` in the default world (measured once on 2,000
     * accounts x 24 months, tenure over 90 days), used to keep the churn level steady when effects
     * re-weight the drivers. For 0/1 signals the mean is the share of days the signal is on.
     */
    nominal: readonly [mean: number, sd: number];
}
/**
 * The ten features and three override signals, in the rank order of docs/features.md. Renewal
 * proximity is a multiplier of its own (RENEWAL), not a log-linear term.
 */
export declare const DRIVERS: readonly DriverSpec[];
export declare const DRIVER_NAMES: string[];
/** Driver indices, for the hot loop. */
export declare const D: {
    readonly usageTrend: 0;
    readonly ticketTrend: 1;
    readonly championChange: 2;
    readonly loginChange: 3;
    readonly utilization: 4;
    readonly daysSinceCsm: 5;
    readonly npsTrend: 6;
    readonly valueRatio: 7;
    readonly breadthChange: 8;
    readonly daysSinceIntegration: 9;
    readonly zeroUsage: 10;
    readonly championDeparted: 11;
    readonly activeEscalation: 12;
};
/**
 * Renewal proximity: the hazard is multiplied by `floor + peak * exp(-days_to_renewal / tauDays)`,
 * so churn concentrates in the weeks before a contract ends and mid-term churn is rarer. With no
 * contract in effect (the renewal day itself), days_to_renewal counts as 0.
 */
export declare const RENEWAL: {
    readonly floor: 0.3;
    readonly peak: 40;
    readonly tauDays: 20;
};
/**
 * Contract changes (model.ts). A mid-term add-on (co-terminous with the main contract, a share of
 * the licensed seats at the segment's price) happens with `addOnPerDay` on a day when outcome
 * health is above `minOutcomeHealth`, the deployed user pool above `minPoolShare` of licensed seats
 * and the renewal more than `minDaysToRenewal` away: the planted expansion drivers (truth.json).
 * A renewal uplifts by `renewalUplift`, or downsells by `downsell` when the pool has shrunk under
 * `downsellBelowPoolShare` of licensed seats.
 */
export declare const CONTRACT_CHANGES: {
    readonly addOnPerDay: number;
    readonly minOutcomeHealth: 0.3;
    readonly minPoolShare: 0.75;
    readonly minDaysToRenewal: 45;
    readonly addOnSeats: readonly [0.1, 0.35];
    readonly renewalUplift: readonly [1, 1.07];
    readonly downsell: readonly [0.7, 0.9];
    readonly downsellBelowPoolShare: 0.55;
};
/**
 * The simulator's day (model.ts), step by step. Rates are per day; `*Slope` multiplies a latent
 * health in exp(slope * health) (or sigmoid(offset + slope * health)); shocks move a latent health.
 */
export declare const ACCOUNT_START: {
    /** Log-normal spread of an account's price per seat around its segment's. */
    readonly priceLogSd: 0.15;
    /** A pilot's first term in months: the first plus int(the second). */
    readonly pilotMonths: readonly [3, 7];
    /** Chance that an extra contact is a user (else: other). */
    readonly userContactShare: 0.8;
    /** Mean days (geometric, from day 1) until an onboarding integration connects. */
    readonly onboardingConnectDays: 20;
    /** Share of the seats in the user pool on day one. */
    readonly initialPoolShare: 0.25;
    /** Days to the first QBR and the first NPS round: the first plus int(the second). */
    readonly firstQbrDays: readonly [30, 30];
    readonly firstSurveyDays: readonly [45, 60];
};
export declare const CHAMPION_CHANGES: {
    readonly departurePerYear: 0.14;
    readonly departureRelationshipSlope: -0.4;
    readonly departureRelationshipShock: -0.8;
    readonly departureUsageShock: -0.2;
    /** A replacement arrives after the first plus geometric(mean: the second) days. */
    readonly replacementDays: readonly [10, 35];
    /** With no champion ever: sigmoid(relationship health) / this per day. */
    readonly firstChampionDays: 150;
    readonly arrivalRelationshipShock: 0.4;
};
export declare const INTEGRATION_CHANGES: {
    /** New integrations only after this many days of onboarding. */
    readonly afterDays: 30;
    readonly connectUsageSlope: 0.6;
    readonly disconnectPerDay: number;
    readonly disconnectUsageSlope: -0.9;
};
export declare const USAGE_DAY: {
    /** The pool of users moves towards licensed x (base + span x sigmoid(usage health + 1)) by `poolPull` a day. */
    readonly poolBase: 0.3;
    readonly poolSpan: 0.65;
    readonly poolPull: 0.015;
    readonly breadthOffset: 0.6;
    readonly breadthSlope: 1.1;
    /** Chance per day that breadth moves one feature towards its target. */
    readonly breadthStep: number;
    readonly showUpOffset: 1.5;
    readonly showUpSlope: 2;
    readonly featureMean: 2.5;
    readonly featureSlope: 0.7;
    /** A second login with this chance, a third with `thirdLogin` after that. */
    readonly secondLogin: 0.4;
    readonly thirdLogin: 0.3;
    readonly featureUse: 0.9;
    readonly secondFeature: 0.15;
    /** API calls on a day: chance (weekday / weekend) x sigmoid(offset + slope x usage health). */
    readonly apiWeekday: 0.95;
    readonly apiWeekend: 0.5;
    readonly apiOffset: 2;
    readonly apiSlope: 1.5;
    readonly apiCallsPerIntegration: 4;
    readonly apiCallsSlope: 0.3;
    /** Usage on the year-end holidays (Dec 22 to Jan 2) against other days. */
    readonly holidayFactor: 0.6;
};
/** By severity code (low, medium, high, urgent): chance of escalation at health 0, and mean hours to close. */
export declare const ESCALATION_P: readonly [0.005, 0.02, 0.12, 0.35];
export declare const TICKET_HOURS: readonly [30, 50, 80, 120];
export declare const TICKETS_DAY: {
    readonly engagementSlope: -0.6;
    /** More tickets in the first `onboardingDays`. */
    readonly onboardingDays: 60;
    readonly onboardingFactor: 1.3;
    readonly escalationEngagementSlope: -0.4;
    /** An escalated ticket takes this many times longer to close. */
    readonly escalatedHoursFactor: 4;
    readonly minOpenSeconds: 600;
    readonly escalationEngagementShock: -0.15;
    readonly escalationOutcomeShock: -0.05;
};
export declare const INTERACTIONS_DAY: {
    readonly csmEngagementSlope: 0.5;
    /** CSM touches are likelier within `renewalDays` of renewal and while an escalation is open. */
    readonly renewalDays: 60;
    readonly renewalFactor: 1.8;
    readonly escalationFactor: 1.5;
    readonly qbrOffset: 1.5;
    readonly qbrSlope: 1.5;
    /** The next QBR is qbrEveryDays - jitter + int(2 jitter + 1) days on. */
    readonly qbrJitterDays: 10;
    readonly repliesRelationshipSlope: 0.9;
    readonly repliesWeekday: 1.3;
    readonly repliesWeekend: 0.25;
    readonly programPerDay: 0.02;
    readonly programEngagementSlope: 0.5;
    readonly programEnterpriseFactor: 2;
    readonly programAnonymous: 0.15;
};
export declare const NPS_ROUNDS: {
    readonly championResponse: 0.5;
    readonly contactResponse: 0.3;
    readonly anonymousResponse: 0.25;
    /** Rounds every `everyDays` - jitter + int(2 jitter + 1) days. */
    readonly everyDays: 91;
    readonly jitterDays: 7;
};
/** Churn hazard by calendar month (budget cycles: fiscal year and half-year ends). */
export declare const HAZARD_SEASON: readonly [1.15, 0.95, 1, 0.95, 0.95, 1.1, 0.9, 0.85, 1, 0.95, 1, 1.2];
/** Product activity by calendar month; the year-end holidays dip further (see model.ts). */
export declare const USAGE_SEASON: readonly [0.97, 1, 1.02, 1, 1, 0.98, 0.93, 0.88, 1, 1.02, 1, 0.95];
/** Account-level frailty: an unobserved log-hazard offset, normal with this sd. */
export declare const FRAILTY_SD = 0.3;
export declare const EFFECT_LAYERS: readonly Layer[];
export interface Effects {
    /** Multiplies the coefficient of every driver of the layer (features and its override signal). */
    layers: Record<Layer, number>;
    /** Multiplies one driver's coefficient, on top of its layer's factor. */
    drivers: Record<string, number>;
    /** Multiplies the renewal peak (0 = churn does not concentrate at contract ends). */
    renewal: number;
    /** Exponent on the seasonal multipliers of hazard and usage (0 = no seasonality). */
    seasonality: number;
    /** Multiplies the frailty sd (0 = no unobserved heterogeneity). */
    frailty: number;
    /** Multiplies every segment's base hazard. */
    churn: number;
}
export interface EffectsInput {
    layers?: Partial<Record<Layer, number>>;
    drivers?: Partial<Record<string, number>>;
    renewal?: number;
    seasonality?: number;
    frailty?: number;
    churn?: number;
}
export declare const DEFAULT_EFFECTS: Effects;
/** Fills defaults and checks every number; unknown names are errors, not silently ignored. */
export declare function resolveEffects(input: EffectsInput | undefined, fail: (message: string) => never): Effects;
/**
 * The factor on every base hazard that keeps the expected driver multiplier at its default
 * level when effects re-weight the drivers (so a usage-dominant world is not also a world where
 * everyone churns): log-normal for the continuous drivers, exact for the 0/1 signals, from the
 * nominal means and spreads. Bounded to [e^-4, e^4].
 */
export declare function hazardCompensation(effects: Effects): number;
/** The coefficient each driver has under `effects`, in DRIVERS order. */
export declare function effectiveCoefficients(effects: Effects): Float64Array;
