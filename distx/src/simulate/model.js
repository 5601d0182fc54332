/**
 * One account's life, day by day: a latent health process drives what the account does
 * (product usage, tickets, CSM and champion interactions, NPS, integrations, expansions), and
 * each day the churn hazard is computed from the ten features and the override signals exactly
 * as docs/features.md defines them on the rows written so far. The loop is allocation-free per row:
 * windows are prefix sums over day-indexed typed arrays reused across accounts.
 *
 * Day t is simulated in this order: (1) the features as of T = day t 00:00 (rows of days < t),
 * (2) the churn draw (churned_at = day t: no row at or after it), (3) day t's events.
 */
import { SimRng as Rng } from './random.js';
import { addMonthsToDay, isoDay } from '../util/index.js';
import { ACCOUNT_START, CHAMPION_CHANGES, CONTRACT_CHANGES, D, DRIVERS, ESCALATION_P, EVENT_API, EVENT_LOGIN, FIRST_FEATURE_EVENT, FRAILTY_SD, HAZARD_SEASON, INTEGRATIONS, INTEGRATION_CHANGES, INTERACTIONS_DAY, NAME_FIRST, NAME_SECOND, NAME_SUFFIX, NPS_ROUNDS, PRODUCT_FEATURES, RENEWAL, SEGMENTS, TICKET_HOURS, TICKETS_DAY, USAGE_DAY, USAGE_SEASON, effectiveCoefficients, hazardCompensation, } from './params.js';
import { H_ENGAGEMENT, H_OUTCOME, H_RELATIONSHIP, H_USAGE, LatentHealth } from './latent.js';
import { arrivalFraction, DEFAULT_TRAITS, seasonalDipFactor } from './traits.js';
/** Codes written to spill files; output.ts turns them back into contract values. */
export const ROLE = { champion: 0, executive_sponsor: 1, admin: 2, user: 3, other: 4 };
export const KIND = {
    csm_meeting: 0,
    csm_call: 1,
    csm_email: 2,
    qbr: 3,
    email_reply: 4,
    training: 5,
    community: 6,
    webinar: 7,
    other: 8,
};
const SECONDS_PER_DAY = 86_400;
const NUM_DRIVERS = DRIVERS.length;
const MAX_CHAMPIONS = 16;
const NAME_CODES = NAME_FIRST.length * NAME_SECOND.length * NAME_SUFFIX.length;
/** rel_change(L, P) of docs/features.md. */
export function relChange(last, prior) {
    if (prior > 0) {
        const r = last / prior - 1;
        return r < -1 ? -1 : r > 3 ? 3 : r;
    }
    return last > 0 ? 3 : 0;
}
function sigmoid(x) {
    return 1 / (1 + Math.exp(-x));
}
function round10(x) {
    return Math.round(x / 10) * 10;
}
/** Geometric count >= 1 with the given mean (overdispersed daily quantities). */
function geometric(rng, mean) {
    if (mean <= 1)
        return 1;
    return 1 + Math.floor(Math.log(1 - rng.next()) / Math.log(1 - 1 / mean));
}
function pickWeighted(rng, weights) {
    let u = rng.next();
    for (const [value, p] of weights) {
        u -= p;
        if (u < 0)
            return value;
    }
    return weights[weights.length - 1][0];
}
/** A business-hours second within day t (never exactly midnight, so day boundaries stay unambiguous). */
function businessSecond(rng, t) {
    return t * SECONDS_PER_DAY + 28_800 + Math.floor(rng.next() * 39_600);
}
export class AccountSimulator {
    cal;
    seed;
    sinks;
    observe;
    traits;
    days;
    beta;
    hazardSeason;
    usageSeason;
    /** With --seasonal-usage the hazard reads usage and logins with the seasonal factor divided out. */
    deseasonalize;
    renewalPeak;
    frailtySd;
    churnScale;
    /** Day index of the first usage row written (0 = from the start); earlier usage happens but is not recorded. */
    usageFromDay;
    // Day-indexed prefix sums (index t = total over days < t of the account, from its start).
    cumUsage;
    cumLogins;
    cumEvents;
    cumTickets;
    cumNpsSum;
    cumNpsCount;
    featureMask;
    /** Users whose most recent active day is day d (for distinct users over the last 30 days). */
    lastCount;
    lastActive = new Int32Array(4096);
    /** Per user: weekday bitmask (bit 0 = Sunday) and personal frequency. */
    userDays = new Uint8Array(4096);
    userFreq = new Float64Array(4096);
    champCum;
    champStart = new Int32Array(MAX_CHAMPIONS);
    champEnd = new Int32Array(MAX_CHAMPIONS);
    champContact = new Int32Array(MAX_CHAMPIONS);
    champToday = new Float64Array(MAX_CHAMPIONS);
    featLast = new Int32Array(PRODUCT_FEATURES.length);
    featPrior = new Int32Array(PRODUCT_FEATURES.length);
    featureOrder = new Int32Array(PRODUCT_FEATURES.length);
    integrationOrder = new Int32Array(INTEGRATIONS.length);
    x = new Float64Array(NUM_DRIVERS);
    latent = new LatentHealth();
    // Per-account records, flushed when the account ends (their closing times depend on churn).
    contracts = []; // [start, end, value] triples
    contacts = []; // [role, start, end] triples, end -1 = open
    tickets = []; // [openSec, closeSec, severity, sentiment, escalated]
    integrations = []; // [catalogIndex, connSec, discSec] triples, disc -1 = open
    pendingConnect = []; // [day, catalogIndex]
    escalations = []; // [openSec, closeSec] of escalated tickets not yet known closed
    tally = SEGMENTS.map(() => ({
        accounts: 0,
        churned: 0,
        exposureDays: 0,
        churnedNearRenewal: 0,
    }));
    constructor(cal, seed, effects, sinks, observe, traits = DEFAULT_TRAITS) {
        this.cal = cal;
        this.seed = seed;
        this.sinks = sinks;
        this.observe = observe;
        this.traits = traits;
        this.days = cal.days;
        this.usageFromDay = traits.usageFrom === null ? 0 : Math.max(0, isoDay(traits.usageFrom) - cal.startEpochDay);
        const n = cal.days + 1;
        this.cumUsage = new Float64Array(n);
        this.cumLogins = new Float64Array(n);
        this.cumEvents = new Float64Array(n);
        this.cumTickets = new Float64Array(n);
        this.cumNpsSum = new Float64Array(n);
        this.cumNpsCount = new Float64Array(n);
        this.featureMask = new Uint16Array(n);
        this.lastCount = new Int32Array(n);
        this.champCum = Array.from({ length: MAX_CHAMPIONS }, () => new Float64Array(n));
        this.beta = effectiveCoefficients(effects);
        const s = effects.seasonality;
        this.hazardSeason = Float64Array.from(cal.month, (m) => HAZARD_SEASON[m] ** s);
        this.usageSeason = new Float64Array(cal.days);
        for (let t = 0; t < cal.days; t++) {
            const m = cal.month[t];
            const dom = cal.dayOfMonth[t];
            const holiday = (m === 11 && dom >= 22) || (m === 0 && dom <= 2) ? USAGE_DAY.holidayFactor : 1;
            this.usageSeason[t] = (USAGE_SEASON[m] * holiday) ** s;
            if (traits.seasonalUsage)
                this.usageSeason[t] *= seasonalDipFactor(m, dom);
        }
        this.deseasonalize = traits.seasonalUsage;
        this.renewalPeak = RENEWAL.peak * effects.renewal;
        this.frailtySd = FRAILTY_SD * effects.frailty;
        this.churnScale = effects.churn * hazardCompensation(effects);
    }
    /** First day of an account: by default front-loaded so the book is sizeable early; never in the last month. */
    startDay(rng) {
        const span = Math.max(1, this.days - 31);
        return Math.floor(span * arrivalFraction(this.traits.arrivals, rng.next(), span / 365.25));
    }
    /** Simulates one account from its first day to churn or the end of the history, then writes its rows. */
    run(account) {
        const a = this.beginAccount(account);
        let churnDay = -1;
        for (let t = a.t0; t < this.days; t++) {
            if (t > a.t0) {
                const daysToRenewal = this.featuresAsOf(a, t);
                const hazard = this.hazardOf(a, t, daysToRenewal);
                if (this.churns(a, daysToRenewal, hazard)) {
                    churnDay = t;
                    break;
                }
                // A snapshot row exists at T only for accounts still active (churned_at > T).
                if (this.observe && this.cal.firstOfMonth[t])
                    this.observe({ account, day: t, drivers: this.x, daysToRenewal, hazard });
            }
            this.healthDay(a);
            this.contractsDay(a, t);
            this.championsDay(a, t);
            this.integrationsDay(a, t);
            this.usageDay(a, t);
            this.ticketsDay(a, t);
            this.interactionsDay(a, t);
            this.npsDay(a, t);
            this.closeDay(a, t);
        }
        this.flushAccount(account, a.segIndex, a.nameCode, a.t0, churnDay, a.seats);
    }
    /** (3) Day t begins: the latent health per layer moves, and today's steps read it as it is now. */
    healthDay(a) {
        const H = this.latent.health;
        this.latent.step(a.rng);
        a.hUsage = H[H_USAGE];
        a.hEngagement = H[H_ENGAGEMENT];
        a.hRelationship = H[H_RELATIONSHIP];
        a.hOutcome = H[H_OUTCOME];
    }
    /** Draws the account (segment, start, seats, price, term), resets the per-account state, plans contract, contacts and onboarding. */
    beginAccount(account) {
        const rng = new Rng(this.seed, `account:${account}`);
        const segIndex = pickWeighted(rng, SEGMENTS.map((s, i) => [i, s.share]));
        const seg = SEGMENTS[segIndex];
        const t0 = this.startDay(rng);
        const seats = Math.round(Math.min(seg.seatsMax, Math.max(seg.seatsMin, seg.seatsMedian * Math.exp(rng.normal(0, seg.seatsLogSd)))));
        const pricePerSeat = seg.pricePerSeat * Math.exp(rng.normal(0, ACCOUNT_START.priceLogSd));
        const nameCode = rng.int(NAME_CODES);
        this.latent.reset(rng, seg.healthOffset);
        const frailty = rng.normal(0, 1) * this.frailtySd;
        const term = pickWeighted(rng, seg.terms);
        const tally = this.tally[segIndex];
        tally.accounts++;
        this.resetAccount(rng, t0);
        // Contract, contacts and onboarding plan.
        const [pilotMin, pilotSpread] = ACCOUNT_START.pilotMonths;
        const firstTerm = rng.bernoulli(seg.pilotShare) ? pilotMin + rng.int(pilotSpread) : term;
        const mainEnd = this.epochToDay(addMonthsToDay(this.cal.startEpochDay + t0, firstTerm));
        this.contracts.push(t0, mainEnd, round10(seats * pricePerSeat));
        const a = {
            rng,
            account,
            segIndex,
            seg,
            t0,
            seats,
            pricePerSeat,
            nameCode,
            frailty,
            term,
            tally,
            mainEnd,
            licensed: seats,
            nChamp: 0,
            nextIntegration: 0,
            pool: 0,
            breadth: 0,
            lastCsm: -1,
            lastConnect: -1,
            usersInWindow: 0,
            distinctLast: 0,
            distinctPrior: 0,
            championVacantSince: -1,
            nextChampionDay: -1,
            nextQbr: 0,
            nextSurvey: 0,
            connected: 0,
            usersTouched: 0,
            champion: -1,
            champSlot: -1,
            weekday: false,
            usageToday: 0,
            loginsToday: 0,
            eventsToday: 0,
            maskToday: 0,
            ticketsToday: 0,
            npsSum: 0,
            npsCount: 0,
            hUsage: 0,
            hEngagement: 0,
            hRelationship: 0,
            hOutcome: 0,
        };
        // The draw is made either way, so the option changes nothing else in the account's stream.
        if (rng.bernoulli(seg.championAtStart) || this.traits.championFromStart)
            this.addChampion(a, t0);
        if (rng.bernoulli(seg.sponsorAtStart))
            this.contacts.push(ROLE.executive_sponsor, t0, -1);
        this.contacts.push(ROLE.admin, t0, -1);
        const extra = seg.extraContacts[0] + rng.int(seg.extraContacts[1] - seg.extraContacts[0] + 1);
        for (let i = 0; i < extra; i++)
            this.contacts.push(rng.bernoulli(ACCOUNT_START.userContactShare) ? ROLE.user : ROLE.other, t0, -1);
        const onboarding = Math.min(INTEGRATIONS.length, rng.poisson(seg.onboardingIntegrations));
        for (let i = 0; i < onboarding; i++)
            this.pendingConnect.push(t0 + 1 + geometric(rng, ACCOUNT_START.onboardingConnectDays), this.integrationOrder[i]);
        a.nextIntegration = onboarding;
        // Behaviour state.
        a.pool = Math.max(1, seats * ACCOUNT_START.initialPoolShare);
        a.breadth = 1 + rng.int(2);
        const [qbrMin, qbrSpread] = ACCOUNT_START.firstQbrDays;
        a.nextQbr = seg.qbrEveryDays > 0 ? t0 + qbrMin + rng.int(qbrSpread) : Number.MAX_SAFE_INTEGER;
        const [surveyMin, surveySpread] = ACCOUNT_START.firstSurveyDays;
        a.nextSurvey = t0 + surveyMin + rng.int(surveySpread);
        return a;
    }
    /** Clears the buffers and day-indexed sums an earlier account left, and shuffles the account's feature and integration order. */
    resetAccount(rng, t0) {
        this.contracts.length = 0;
        this.contacts.length = 0;
        this.tickets.length = 0;
        this.integrations.length = 0;
        this.pendingConnect.length = 0;
        this.escalations.length = 0;
        this.lastCount[t0] = 0;
        this.cumUsage[t0] = 0;
        this.cumLogins[t0] = 0;
        this.cumEvents[t0] = 0;
        this.cumTickets[t0] = 0;
        this.cumNpsSum[t0] = 0;
        this.cumNpsCount[t0] = 0;
        this.featLast.fill(0);
        this.featPrior.fill(0);
        for (let i = 0; i < this.featureOrder.length; i++)
            this.featureOrder[i] = i;
        shuffleInt(rng, this.featureOrder);
        for (let i = 0; i < this.integrationOrder.length; i++)
            this.integrationOrder[i] = i;
        shuffleInt(rng, this.integrationOrder);
    }
    addChampion(a, day) {
        if (a.nChamp === MAX_CHAMPIONS)
            return;
        const contact = this.contacts.length / 3;
        this.contacts.push(ROLE.champion, day, -1);
        const c = a.nChamp;
        this.champStart[c] = day;
        this.champEnd[c] = -1;
        this.champContact[c] = contact;
        this.champToday[c] = 0;
        this.champCum[c][day] = 0;
        a.nChamp++;
    }
    /** Sum of a day-indexed prefix sum over days [lo, hi), counting nothing before the account's start. */
    win(cum, t0, lo, hi) {
        return (hi <= t0 ? 0 : cum[hi]) - (lo <= t0 ? 0 : cum[lo]);
    }
    /** (1) The features and signals as of T = day t 00:00 into `x`, from days < t; returns days_to_renewal (NaN without a contract). */
    featuresAsOf(a, t) {
        const x = this.x;
        const t0 = a.t0;
        const cumUsage = this.cumUsage;
        const cumLogins = this.cumLogins;
        const cumNpsSum = this.cumNpsSum;
        const cumNpsCount = this.cumNpsCount;
        let daysToRenewal = Number.NaN;
        let arr = 0;
        const uL = this.win(cumUsage, t0, t - 14, t);
        const uP = this.win(cumUsage, t0, t - 28, t - 14);
        x[D.usageTrend] = relChange(uL, uP);
        x[D.ticketTrend] = relChange(this.win(this.cumTickets, t0, t - 30, t), this.win(this.cumTickets, t0, t - 60, t - 30));
        let champIn = 0;
        let champEver = 0;
        let cL = 0;
        let cP = 0;
        for (let c = 0; c < a.nChamp; c++) {
            const s = this.champStart[c];
            if (s < t) {
                champEver = 1;
                const e = this.champEnd[c];
                if (e < 0 || e > t) {
                    champIn = 1;
                    const cum = this.champCum[c];
                    const now = cum[t];
                    const mid = t - 30 <= s ? 0 : cum[t - 30];
                    const old = t - 60 <= s ? 0 : cum[t - 60];
                    cL += now - mid;
                    cP += mid - old;
                }
            }
        }
        x[D.championChange] = champIn ? relChange(cL, cP) : Number.NaN;
        x[D.loginChange] = relChange(this.win(cumLogins, t0, t - 14, t), this.win(cumLogins, t0, t - 28, t - 14));
        x[D.utilization] = a.usersInWindow / a.seats;
        x[D.daysSinceCsm] = a.lastCsm >= 0 ? t - a.lastCsm : t - t0;
        const nL = this.win(cumNpsCount, t0, t - 180, t);
        const nP = this.win(cumNpsCount, t0, t - 360, t - 180);
        x[D.npsTrend] =
            nL > 0 && nP > 0
                ? this.win(cumNpsSum, t0, t - 180, t) / nL - this.win(cumNpsSum, t0, t - 360, t - 180) / nP
                : Number.NaN;
        let anyContract = 0;
        for (let k = 0; k < this.contracts.length; k += 3) {
            const cs = this.contracts[k];
            const ce = this.contracts[k + 1];
            if (cs < t && ce > t) {
                anyContract = 1;
                arr += this.contracts[k + 2];
                const dtr = ce - t;
                if (!(dtr >= daysToRenewal))
                    daysToRenewal = dtr;
            }
        }
        x[D.valueRatio] = anyContract ? arr / Math.max(1, a.usersInWindow) / a.seg.valuePerUserReference : Number.NaN;
        x[D.breadthChange] = relChange(a.distinctLast, a.distinctPrior);
        x[D.daysSinceIntegration] = a.lastConnect >= 0 ? t - a.lastConnect : t - t0;
        x[D.zeroUsage] = this.win(this.cumEvents, t0, t - 14, t) === 0 ? 1 : 0;
        x[D.championDeparted] = champEver && !champIn ? 1 : 0;
        x[D.activeEscalation] = this.escalationOpenAt(t) ? 1 : 0;
        return daysToRenewal;
    }
    /** The daily churn hazard from the features in `x`, the renewal calendar and the season. */
    hazardOf(a, t, daysToRenewal) {
        const eta = a.frailty + this.logHazardTerms(this.x);
        const renewal = RENEWAL.floor + this.renewalPeak * Math.exp(-(daysToRenewal >= 0 ? daysToRenewal : 0) / RENEWAL.tauDays);
        return a.seg.baseHazardPerDay * this.churnScale * this.hazardSeason[t] * renewal * Math.exp(eta);
    }
    /** (2) The churn draw: churned_at = day t, so no row at or after it. */
    churns(a, daysToRenewal, hazard) {
        a.tally.exposureDays++;
        if (!(a.rng.next() < hazard))
            return false;
        a.tally.churned++;
        if (daysToRenewal <= 60)
            a.tally.churnedNearRenewal++;
        return true;
    }
    /** (3) Day t's contracts: renewal on the old contract's end day, add-ons mid-term. */
    contractsDay(a, t) {
        const rng = a.rng;
        const C = CONTRACT_CHANGES;
        if (t === a.mainEnd) {
            let value = 0;
            for (let k = 0; k < this.contracts.length; k += 3)
                if (this.contracts[k + 1] === t)
                    value += this.contracts[k + 2];
            let factor;
            if (a.pool / a.licensed < C.downsellBelowPoolShare) {
                factor = rng.uniform(...C.downsell);
                a.licensed = Math.max(1, Math.round(a.licensed * factor));
            }
            else {
                factor = rng.uniform(...C.renewalUplift);
            }
            a.mainEnd = this.epochToDay(addMonthsToDay(this.cal.startEpochDay + t, a.term));
            this.contracts.push(t, a.mainEnd, round10(value * factor));
        }
        else if (a.mainEnd - t > C.minDaysToRenewal &&
            a.hOutcome > C.minOutcomeHealth &&
            a.pool / a.licensed > C.minPoolShare &&
            rng.next() < C.addOnPerDay) {
            const added = Math.max(1, Math.round(a.licensed * rng.uniform(...C.addOnSeats)));
            this.contracts.push(t, a.mainEnd, round10(added * a.pricePerSeat));
            a.licensed += added;
            this.latent.shock(H_OUTCOME, 0.1);
        }
    }
    /** Day t's champion departures and replacements; sets the champion in effect today. */
    championsDay(a, t) {
        const rng = a.rng;
        const C = CHAMPION_CHANGES;
        const hRelationship = a.hRelationship;
        let champion = -1; // contact index of the champion in effect today
        for (let c = 0; c < a.nChamp; c++) {
            if (this.champEnd[c] < 0) {
                // (Not on the last day: ended_at would fall after the data ends.)
                if (t + 1 < this.days &&
                    rng.next() < (C.departurePerYear / 365) * Math.exp(C.departureRelationshipSlope * hRelationship)) {
                    // Gone from day t on; ended_at = t + 1 keeps the record in effect at T = t, which the
                    // churn draw of day t has already seen.
                    this.champEnd[c] = t + 1;
                    this.contacts[this.champContact[c] * 3 + 2] = t + 1;
                    this.latent.shock(H_RELATIONSHIP, C.departureRelationshipShock);
                    this.latent.shock(H_USAGE, C.departureUsageShock);
                    a.championVacantSince = t;
                    a.nextChampionDay = rng.bernoulli(a.seg.championReplaced)
                        ? t + C.replacementDays[0] + geometric(rng, C.replacementDays[1])
                        : -1;
                }
                else {
                    champion = this.champContact[c];
                }
            }
        }
        if (champion < 0 &&
            (t === a.nextChampionDay || (a.nChamp === 0 && rng.next() < sigmoid(hRelationship) / C.firstChampionDays))) {
            this.addChampion(a, t);
            champion = this.champContact[a.nChamp - 1];
            if (a.championVacantSince >= 0)
                this.latent.shock(H_RELATIONSHIP, C.arrivalRelationshipShock);
            a.nextChampionDay = -1;
        }
        a.champion = champion;
        a.champSlot = champion >= 0 ? a.nChamp - 1 : -1;
    }
    /** Day t's integrations: onboarding connections due, new ones, disconnections. */
    integrationsDay(a, t) {
        const rng = a.rng;
        const I = INTEGRATION_CHANGES;
        const hUsage = a.hUsage;
        for (let k = 0; k < this.pendingConnect.length; k += 2) {
            if (this.pendingConnect[k] === t) {
                this.integrations.push(this.pendingConnect[k + 1], businessSecond(rng, t), -1);
                a.connected++;
                a.lastConnect = t;
            }
        }
        if (a.nextIntegration < INTEGRATIONS.length &&
            t > a.t0 + I.afterDays &&
            rng.next() < a.seg.integrationsPerDay * Math.exp(I.connectUsageSlope * hUsage)) {
            this.integrations.push(this.integrationOrder[a.nextIntegration++], businessSecond(rng, t), -1);
            a.connected++;
            a.lastConnect = t;
        }
        if (a.connected > 0) {
            const pDisconnect = I.disconnectPerDay * Math.exp(I.disconnectUsageSlope * hUsage);
            for (let k = 0; k < this.integrations.length; k += 3) {
                if (this.integrations[k + 2] < 0 &&
                    this.integrations[k + 1] < t * SECONDS_PER_DAY &&
                    rng.next() < pDisconnect) {
                    this.integrations[k + 2] = businessSecond(rng, t);
                    a.connected--;
                }
            }
        }
    }
    /**
     * Day t's product usage: daily roll-ups per user and event. The user pool is structural (seats
     * deployed) and moves slowly; daily activity moves fast.
     */
    usageDay(a, t) {
        const rng = a.rng;
        const seg = a.seg;
        const U = USAGE_DAY;
        const account = a.account;
        const usage = this.sinks.usage;
        const lastCount = this.lastCount;
        const hUsage = a.hUsage;
        const target = a.licensed * (U.poolBase + U.poolSpan * sigmoid(hUsage + 1));
        a.pool += (target - a.pool) * U.poolPull;
        const poolSize = Math.max(1, Math.round(a.pool));
        if (poolSize > this.lastActive.length)
            this.growUsers(poolSize * 2);
        while (a.usersTouched < poolSize) {
            const u = a.usersTouched++;
            this.lastActive[u] = -1_000_000;
            this.userDays[u] = weeklySchedule(rng, seg.daysPerWeek[0] + rng.int(seg.daysPerWeek[1] - seg.daysPerWeek[0] + 1));
            this.userFreq[u] = rng.uniform(seg.userFrequency[0], seg.userFrequency[1]);
        }
        const breadthTarget = Math.max(1, Math.min(seg.maxBreadth, Math.round(seg.maxBreadth * sigmoid(U.breadthOffset + U.breadthSlope * hUsage))));
        if (a.breadth !== breadthTarget && rng.next() < U.breadthStep)
            a.breadth += breadthTarget > a.breadth ? 1 : -1;
        const breadth = a.breadth;
        const showUp = sigmoid(U.showUpOffset + U.showUpSlope * hUsage) * this.usageSeason[t];
        const dayBit = 1 << this.cal.weekday[t];
        const featureMean = U.featureMean * Math.exp(U.featureSlope * hUsage);
        let usageToday = 0;
        let loginsToday = 0;
        let eventsToday = 0;
        let maskToday = 0;
        // Before usage tracking starts the account behaves the same; its rows are just not recorded.
        const recorded = t >= this.usageFromDay;
        for (let user = 0; user < poolSize; user++) {
            if ((this.userDays[user] & dayBit) === 0 || rng.next() >= showUp * this.userFreq[user])
                continue;
            const prev = this.lastActive[user];
            if (prev < t - 30)
                a.usersInWindow++;
            if (prev >= a.t0)
                lastCount[prev]--;
            lastCount[t]++;
            this.lastActive[user] = t;
            const logins = 1 + (rng.next() < U.secondLogin ? 1 + (rng.next() < U.thirdLogin ? 1 : 0) : 0);
            if (recorded)
                usage.add(account, t, user, EVENT_LOGIN, logins);
            loginsToday += logins;
            eventsToday++;
            if (rng.next() < U.featureUse) {
                const r = rng.next();
                const f = this.featureOrder[Math.floor(breadth * r * Math.sqrt(r))]; // skewed to core features
                const q = 1 + rng.poisson(featureMean);
                if (recorded)
                    usage.add(account, t, user, FIRST_FEATURE_EVENT + f, q);
                usageToday += q;
                eventsToday++;
                maskToday |= 1 << f;
                if (breadth > 1 && rng.next() < U.secondFeature) {
                    let g = this.featureOrder[rng.int(breadth)];
                    if (g === f)
                        g = this.featureOrder[(this.featureOrder.indexOf(f) + 1) % breadth];
                    const q2 = 1 + rng.poisson(featureMean);
                    if (recorded)
                        usage.add(account, t, user, FIRST_FEATURE_EVENT + g, q2);
                    usageToday += q2;
                    eventsToday++;
                    maskToday |= 1 << g;
                }
            }
        }
        a.weekday = this.cal.weekday[t] % 6 !== 0;
        if (a.connected > 0 &&
            rng.next() < (a.weekday ? U.apiWeekday : U.apiWeekend) * sigmoid(U.apiOffset + U.apiSlope * hUsage)) {
            const q = 1 + rng.poisson(U.apiCallsPerIntegration * a.connected * Math.exp(U.apiCallsSlope * hUsage));
            if (recorded)
                usage.add(account, t, -1, EVENT_API, q);
            usageToday += q;
            eventsToday++;
        }
        a.usageToday = usageToday;
        a.loginsToday = loginsToday;
        a.eventsToday = eventsToday;
        a.maskToday = maskToday;
    }
    /** Day t's support tickets (escalations shock engagement and outcome health). */
    ticketsDay(a, t) {
        const rng = a.rng;
        const T = TICKETS_DAY;
        const hEngagement = a.hEngagement;
        let ticketsToday = 0;
        const nTickets = rng.poisson(a.seg.ticketsPerDay *
            Math.exp(T.engagementSlope * hEngagement) *
            (t - a.t0 < T.onboardingDays ? T.onboardingFactor : 1));
        for (let k = 0; k < nTickets; k++) {
            const severity = this.ticketSeverity(rng, hEngagement);
            const sentiment = this.ticketSentiment(rng, hEngagement);
            const sev = severity < 0 ? 1 : severity;
            const escalated = rng.next() < ESCALATION_P[sev] * Math.exp(T.escalationEngagementSlope * hEngagement) ? 1 : 0;
            const meanHours = TICKET_HOURS[sev] * (escalated ? T.escalatedHoursFactor : 1);
            const open = businessSecond(rng, t);
            const close = open + Math.max(T.minOpenSeconds, Math.round(-Math.log(1 - rng.next()) * meanHours * 3600));
            this.tickets.push(open, close, severity, sentiment, escalated);
            if (escalated) {
                this.escalations.push(open, close);
                this.latent.shock(H_ENGAGEMENT, T.escalationEngagementShock);
                this.latent.shock(H_OUTCOME, T.escalationOutcomeShock);
            }
            ticketsToday++;
        }
        a.ticketsToday = ticketsToday;
    }
    /** Day t's interactions: CSM touches, QBRs, champion replies, programs. */
    interactionsDay(a, t) {
        const rng = a.rng;
        const seg = a.seg;
        const I = INTERACTIONS_DAY;
        const account = a.account;
        const interactions = this.sinks.interactions;
        const { champion, champSlot } = a;
        const hEngagement = a.hEngagement;
        const hRelationship = a.hRelationship;
        const escalationNow = this.escalationOpenAt(t + 1);
        const nCsm = rng.poisson(seg.csmPerDay *
            Math.exp(I.csmEngagementSlope * hEngagement) *
            (a.mainEnd - t <= I.renewalDays ? I.renewalFactor : 1) *
            (escalationNow ? I.escalationFactor : 1));
        for (let k = 0; k < nCsm; k++) {
            const kind = this.csmKind(rng, seg);
            const contact = this.interactionContact(rng, champion);
            interactions.add(account, businessSecond(rng, t), contact, kind);
            if (contact >= 0 && contact === champion)
                this.champToday[champSlot]++;
            a.lastCsm = t;
        }
        if (t >= a.nextQbr) {
            if (rng.next() < sigmoid(I.qbrOffset + I.qbrSlope * hEngagement)) {
                const contact = champion >= 0 ? champion : this.sponsorOrAdmin();
                interactions.add(account, businessSecond(rng, t), contact, KIND.qbr);
                if (contact === champion && champion >= 0)
                    this.champToday[champSlot]++;
                a.lastCsm = t;
            }
            a.nextQbr = t + seg.qbrEveryDays - I.qbrJitterDays + rng.int(2 * I.qbrJitterDays + 1);
        }
        if (champion >= 0) {
            const replies = rng.poisson(seg.championRepliesPerDay *
                Math.exp(I.repliesRelationshipSlope * hRelationship) *
                (a.weekday ? I.repliesWeekday : I.repliesWeekend));
            for (let k = 0; k < replies; k++)
                interactions.add(account, businessSecond(rng, t), champion, KIND.email_reply);
            this.champToday[champSlot] += replies;
        }
        if (rng.next() <
            I.programPerDay *
                Math.exp(I.programEngagementSlope * hEngagement) *
                (seg.name === 'enterprise' ? I.programEnterpriseFactor : 1)) {
            const kind = [KIND.training, KIND.webinar, KIND.community, KIND.other][rng.int(4)];
            const contact = rng.next() < I.programAnonymous ? -1 : rng.int(this.contacts.length / 3);
            if (this.contactInRole(contact, t)) {
                interactions.add(account, businessSecond(rng, t), contact, kind);
                if (contact === champion)
                    this.champToday[champSlot]++;
            }
            else if (contact < 0) {
                interactions.add(account, businessSecond(rng, t), -1, kind);
            }
        }
    }
    /** Day t's NPS survey round, when one is due. */
    npsDay(a, t) {
        const rng = a.rng;
        const N = NPS_ROUNDS;
        const nps = this.sinks.nps;
        const hOutcome = a.hOutcome;
        let npsSum = 0;
        let npsCount = 0;
        if (t === a.nextSurvey) {
            for (let c = 0; c < this.contacts.length / 3; c++) {
                if (!this.contactInRole(c, t))
                    continue;
                if (rng.next() < (c === a.champion ? N.championResponse : N.contactResponse)) {
                    const score = npsScore(rng, hOutcome);
                    nps.add(a.account, c, businessSecond(rng, t), score);
                    npsSum += score;
                    npsCount++;
                }
            }
            if (rng.next() < N.anonymousResponse) {
                const score = npsScore(rng, hOutcome);
                nps.add(a.account, -1, businessSecond(rng, t), score);
                npsSum += score;
                npsCount++;
            }
            a.nextSurvey = t + N.everyDays - N.jitterDays + rng.int(2 * N.jitterDays + 1);
        }
        a.npsSum = npsSum;
        a.npsCount = npsCount;
    }
    /** Closes day t: prefix sums and sliding windows for T = t + 1. */
    closeDay(a, t) {
        const t0 = a.t0;
        const cumUsage = this.cumUsage;
        const cumLogins = this.cumLogins;
        const featureMask = this.featureMask;
        const lastCount = this.lastCount;
        if (this.deseasonalize) {
            cumUsage[t + 1] = cumUsage[t] + a.usageToday / this.usageSeason[t];
            cumLogins[t + 1] = cumLogins[t] + a.loginsToday / this.usageSeason[t];
        }
        else {
            cumUsage[t + 1] = cumUsage[t] + a.usageToday;
            cumLogins[t + 1] = cumLogins[t] + a.loginsToday;
        }
        this.cumEvents[t + 1] = this.cumEvents[t] + a.eventsToday;
        this.cumTickets[t + 1] = this.cumTickets[t] + a.ticketsToday;
        this.cumNpsSum[t + 1] = this.cumNpsSum[t] + a.npsSum;
        this.cumNpsCount[t + 1] = this.cumNpsCount[t] + a.npsCount;
        for (let c = 0; c < a.nChamp; c++) {
            this.champCum[c][t + 1] = this.champCum[c][t] + this.champToday[c];
            this.champToday[c] = 0;
        }
        const maskToday = a.maskToday;
        featureMask[t] = maskToday;
        // distinct users: window [t-29, t] for T = t + 1 drops users last seen on day t - 30
        if (t - 30 >= t0)
            a.usersInWindow -= lastCount[t - 30];
        // distinct features: last 30d gains day t, loses day t-30 to the prior window, which loses day t-60
        a.distinctLast += this.slideMask(this.featLast, maskToday, 1);
        if (t - 30 >= t0) {
            const m = featureMask[t - 30];
            a.distinctLast += this.slideMask(this.featLast, m, -1);
            a.distinctPrior += this.slideMask(this.featPrior, m, 1);
        }
        if (t - 60 >= t0)
            a.distinctPrior += this.slideMask(this.featPrior, featureMask[t - 60], -1);
        lastCount[t + 1] = 0;
    }
    epochToDay(epochDay) {
        return epochDay - this.cal.startEpochDay;
    }
    growUsers(size) {
        const active = new Int32Array(size);
        active.set(this.lastActive);
        this.lastActive = active;
        const days = new Uint8Array(size);
        days.set(this.userDays);
        this.userDays = days;
        const freq = new Float64Array(size);
        freq.set(this.userFreq);
        this.userFreq = freq;
    }
    /** Adds (sign 1) or removes (sign -1) one day's feature set from a window; returns the change in distinct features. */
    slideMask(counts, mask, sign) {
        let change = 0;
        while (mask !== 0) {
            const f = 31 - Math.clz32(mask & -mask);
            mask &= mask - 1;
            const before = counts[f];
            counts[f] = before + sign;
            if (sign > 0 && before === 0)
                change++;
            else if (sign < 0 && before === 1)
                change--;
        }
        return change;
    }
    /**
     * Whether an escalated ticket is in effect at T = day t 00:00 (opened before, not closed by
     * then). Times only move forward, so tickets closed by T are dropped from the list for good.
     */
    escalationOpenAt(t) {
        const T = t * SECONDS_PER_DAY;
        const e = this.escalations;
        let open = false;
        let keep = 0;
        for (let k = 0; k < e.length; k += 2) {
            if (e[k + 1] <= T)
                continue;
            if (e[k] < T)
                open = true;
            e[keep++] = e[k];
            e[keep++] = e[k + 1];
        }
        e.length = keep;
        return open;
    }
    logHazardTerms(x) {
        const b = this.beta;
        let eta = 0;
        eta += b[D.usageTrend] * Math.min(x[D.usageTrend], 1);
        eta += b[D.ticketTrend] * Math.min(x[D.ticketTrend], 1);
        const cc = x[D.championChange];
        if (!Number.isNaN(cc))
            eta += b[D.championChange] * Math.min(cc, 1);
        eta += b[D.loginChange] * Math.min(x[D.loginChange], 1);
        eta += b[D.utilization] * (Math.min(x[D.utilization], 1.5) - DRIVERS[D.utilization].reference);
        eta += b[D.daysSinceCsm] * (Math.min(x[D.daysSinceCsm], 365) / 30 - DRIVERS[D.daysSinceCsm].reference);
        const np = x[D.npsTrend];
        if (!Number.isNaN(np))
            eta += b[D.npsTrend] * np;
        const vr = x[D.valueRatio];
        if (!Number.isNaN(vr))
            eta += b[D.valueRatio] * Math.max(-2, Math.min(2, Math.log(Math.max(vr, 1e-9))));
        eta += b[D.breadthChange] * Math.min(x[D.breadthChange], 1);
        eta +=
            b[D.daysSinceIntegration] *
                (Math.min(x[D.daysSinceIntegration], 730) / 30 - DRIVERS[D.daysSinceIntegration].reference);
        eta += b[D.zeroUsage] * x[D.zeroUsage];
        eta += b[D.championDeparted] * x[D.championDeparted];
        eta += b[D.activeEscalation] * x[D.activeEscalation];
        return eta;
    }
    ticketSeverity(rng, health) {
        if (rng.next() < 0.03)
            return -1;
        const urgent = 0.04 * Math.exp(-0.5 * health);
        const high = 0.16 * Math.exp(-0.3 * health);
        const u = rng.next();
        if (u < urgent)
            return 3;
        if (u < urgent + high)
            return 2;
        if (u < urgent + high + 0.4)
            return 1;
        return 0;
    }
    ticketSentiment(rng, health) {
        if (rng.next() < 0.05)
            return -1;
        if (rng.next() < sigmoid(-1 - health))
            return 0;
        return rng.next() < sigmoid(-0.3 + 0.8 * health) ? 2 : 1;
    }
    csmKind(rng, seg) {
        const u = rng.next();
        switch (seg.name) {
            case 'enterprise':
                return u < 0.35 ? KIND.csm_meeting : u < 0.65 ? KIND.csm_call : KIND.csm_email;
            case 'mid_market':
                return u < 0.1 ? KIND.csm_meeting : u < 0.5 ? KIND.csm_call : KIND.csm_email;
            default:
                return u < 0.2 ? KIND.csm_call : KIND.csm_email;
        }
    }
    /** The champion most of the time, another contact in role otherwise, sometimes nobody on record. */
    interactionContact(rng, champion) {
        const u = rng.next();
        if (champion >= 0 && u < 0.6)
            return champion;
        if (u > 0.9)
            return -1;
        return this.sponsorOrAdmin();
    }
    sponsorOrAdmin() {
        for (let c = 0; c < this.contacts.length / 3; c++) {
            const role = this.contacts[c * 3];
            if ((role === ROLE.executive_sponsor || role === ROLE.admin) && this.contacts[c * 3 + 2] < 0)
                return c;
        }
        return -1;
    }
    contactInRole(c, t) {
        if (c < 0)
            return false;
        const end = this.contacts[c * 3 + 2];
        return this.contacts[c * 3 + 1] <= t && (end < 0 || end > t);
    }
    /** Writes the account's buffered rows, closing what was open at churn. */
    flushAccount(account, segIndex, nameCode, t0, churnDay, seats) {
        const s = this.sinks;
        const endSec = churnDay >= 0 ? churnDay * SECONDS_PER_DAY : this.days * SECONDS_PER_DAY;
        s.accounts.add(account, segIndex, nameCode, t0, churnDay, seats);
        for (let k = 0, i = 0; k < this.contracts.length; k += 3, i++) {
            s.contracts.add(account, i, this.contracts[k], this.contracts[k + 1], this.contracts[k + 2]);
        }
        for (let k = 0, i = 0; k < this.contacts.length; k += 3, i++) {
            s.contacts.add(account, i, this.contacts[k], this.contacts[k + 1], this.contacts[k + 2]);
        }
        for (let k = 0, i = 0; k < this.tickets.length; k += 5, i++) {
            const close = this.tickets[k + 1];
            // Open at churn: closed when the account left. Open at the end of the data: still open (NULL).
            const closed = churnDay >= 0 ? Math.min(close, endSec) : close >= endSec ? -1 : close;
            s.tickets.add(account, i, this.tickets[k], closed, this.tickets[k + 2], this.tickets[k + 3], this.tickets[k + 4]);
        }
        for (let k = 0; k < this.integrations.length; k += 3) {
            const disc = this.integrations[k + 2];
            s.integrations.add(account, this.integrations[k], this.integrations[k + 1], disc < 0 && churnDay >= 0 ? endSec : disc);
        }
    }
}
/** A weekday bitmask with `n` days, weekdays far likelier than weekends. */
function weeklySchedule(rng, n) {
    let mask = 0;
    let have = 0;
    while (have < n) {
        const day = rng.next() < 0.06 ? (rng.next() < 0.5 ? 0 : 6) : 1 + rng.int(5);
        if ((mask & (1 << day)) === 0) {
            mask |= 1 << day;
            have++;
        }
    }
    return mask;
}
function npsScore(rng, health) {
    return Math.max(0, Math.min(10, Math.round(7.2 + 1.5 * health + rng.normal(0, 1.3))));
}
function shuffleInt(rng, a) {
    for (let i = a.length - 1; i > 0; i--) {
        const j = rng.int(i + 1);
        const tmp = a[i];
        a[i] = a[j];
        a[j] = tmp;
    }
}
//# sourceMappingURL=model.js.map