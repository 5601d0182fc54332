import { DRIVERS, FRAILTY_SD, HAZARD_SEASON, RENEWAL, CONTRACT_CHANGES, SEGMENTS, USAGE_SEASON, effectiveCoefficients, hazardCompensation, } from './params.js';
import { SEASONAL_DIPS } from './traits.js';
const FEATURE_RANK = Object.fromEntries(DRIVERS.filter((d) => d.kind === 'feature').map((d, i) => [d.name, i + 1]));
function round(x, digits = 6) {
    const f = 10 ** digits;
    return Math.round(x * f) / f;
}
export function buildTruth(args) {
    const { effects, tally } = args;
    const coefficients = effectiveCoefficients(effects);
    const compensation = hazardCompensation(effects);
    const drivers = DRIVERS.map((d, i) => ({
        name: d.name,
        kind: d.kind,
        layer: d.layer,
        rank: FEATURE_RANK[d.name] ?? null,
        coefficient: round(coefficients[i]),
        base_coefficient: d.coefficient,
        scale: round(coefficients[i] / d.coefficient),
        transform: d.transform,
        reference: d.reference,
        when_null: d.whenNull,
    }));
    const layer_strength = { usage: 0, engagement: 0, relationship: 0, outcome: 0 };
    for (const d of drivers)
        if (d.layer !== 'renewal')
            layer_strength[d.layer] = round(layer_strength[d.layer] + Math.abs(d.coefficient));
    const segments = SEGMENTS.map((s, i) => {
        const t = tally[i];
        const years = t.exposureDays / 365.25;
        return {
            name: s.name,
            share: s.share,
            base_hazard_per_day: round(s.baseHazardPerDay * effects.churn * compensation, 8),
            seats_median: s.seatsMedian,
            price_per_seat: s.pricePerSeat,
            value_per_user_reference: s.valuePerUserReference,
            accounts: t.accounts,
            churned: t.churned,
            exposure_years: round(years, 2),
            annual_churn_rate: years > 0 ? round(t.churned / years, 4) : 0,
        };
    });
    const churned = tally.reduce((s, t) => s + t.churned, 0);
    const near = tally.reduce((s, t) => s + t.churnedNearRenewal, 0);
    const years = tally.reduce((s, t) => s + t.exposureDays, 0) / 365.25;
    return {
        kind: 'churnkit.simulation-truth',
        version: 1,
        seed: args.seed,
        accounts: args.accounts,
        months: args.months,
        start: args.start,
        data_end: args.dataEnd,
        format: args.format,
        ...(args.traits === undefined
            ? {}
            : {
                traits: {
                    preset: args.traits.preset,
                    arrivals: args.traits.arrivals,
                    champion_from_start: args.traits.championFromStart,
                    usage_from: args.traits.usageFrom,
                    ...(args.traits.seasonalUsage
                        ? {
                            seasonal_usage: SEASONAL_DIPS.map((d) => ({
                                from: `${String(d.from[0] + 1).padStart(2, '0')}-${String(d.from[1]).padStart(2, '0')}`,
                                to: `${String(d.to[0] + 1).padStart(2, '0')}-${String(d.to[1]).padStart(2, '0')}`,
                                factor: d.factor,
                            })),
                        }
                        : {}),
                },
            }),
        hazard: {
            form: 'daily hazard = base_hazard_per_day[segment] * season_by_month[month]^seasonality * renewal(days_to_renewal) * ' +
                'exp(frailty + sum_k coefficient_k * (transform_k(x_k) - reference_k)); renewal(d) = floor + peak * exp(-d / tau_days) ' +
                'with d = days_to_renewal (0 when no contract is in effect); x_k are the docs/features.md features and signals as of that day',
            unit: 'per day',
            renewal: { floor: RENEWAL.floor, peak: round(RENEWAL.peak * effects.renewal), tau_days: RENEWAL.tauDays },
            season_by_month: HAZARD_SEASON.map((v) => round(v ** effects.seasonality)),
            usage_season_by_month: USAGE_SEASON.map((v) => round(v ** effects.seasonality)),
            frailty_sd: round(FRAILTY_SD * effects.frailty),
            compensation: round(compensation),
        },
        effects,
        drivers,
        layer_strength,
        segments,
        churn: {
            churned_accounts: churned,
            exposure_years: round(years, 2),
            annual_churn_rate: years > 0 ? round(churned / years, 4) : 0,
            share_within_60d_of_renewal: churned > 0 ? round(near / churned, 4) : 0,
        },
        expansion: {
            form: `a mid-term add-on contract (co-terminous with the main one, ${100 * CONTRACT_CHANGES.addOnSeats[0]}-${100 * CONTRACT_CHANGES.addOnSeats[1]}% more licensed seats at the segment's price per seat) with probability add_on_per_day on a day when outcome health > ${CONTRACT_CHANGES.minOutcomeHealth}, ` +
                `the deployed user pool > ${100 * CONTRACT_CHANGES.minPoolShare}% of licensed seats and the renewal more than ${CONTRACT_CHANGES.minDaysToRenewal} days away; ` +
                `renewals uplift 0-${Math.round(100 * (CONTRACT_CHANGES.renewalUplift[1] - 1))}% (under the 10% expansion threshold) or downsell when the pool is under ${100 * CONTRACT_CHANGES.downsellBelowPoolShare}% of licensed seats`,
            add_on_per_day: CONTRACT_CHANGES.addOnPerDay,
            drivers: [
                {
                    name: 'license_utilization',
                    direction: 1,
                    why: `the user pool above ${100 * CONTRACT_CHANGES.minPoolShare}% of licensed seats (active users per seat sold)`,
                },
                {
                    name: 'days_to_renewal',
                    direction: 1,
                    why: `no add-on within ${CONTRACT_CHANGES.minDaysToRenewal} days of the renewal`,
                },
                {
                    name: 'nps_trend',
                    direction: 1,
                    why: `outcome health above ${CONTRACT_CHANGES.minOutcomeHealth}, seen through NPS (7.2 + 1.5 x outcome health + noise); indirect: the feature is the change of NPS, the rule reads the level of health`,
                },
            ],
        },
        counts: args.counts,
        files: args.files,
    };
}
//# sourceMappingURL=truth.js.map