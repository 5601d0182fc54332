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
import type { Calendar } from './calendar.js';
import { addMonthsToDay, isoDay } from '../util/index.js';
import {
  D,
  DRIVERS,
  EVENT_API,
  EVENT_LOGIN,
  FIRST_FEATURE_EVENT,
  FRAILTY_SD,
  HAZARD_SEASON,
  INTEGRATIONS,
  NAME_FIRST,
  NAME_SECOND,
  NAME_SUFFIX,
  PRODUCT_FEATURES,
  RENEWAL,
  SEGMENTS,
  USAGE_SEASON,
  effectiveCoefficients,
  hazardCompensation,
  type Effects,
  type SegmentParams,
} from './params.js';
import type { SpillWriter } from './spill.js';
import type { TableName } from '../data/index.js';
import { H_ENGAGEMENT, H_OUTCOME, H_RELATIONSHIP, H_USAGE, LatentHealth } from './latent.js';
import { arrivalFraction, DEFAULT_TRAITS, seasonalDipFactor, type Traits } from './traits.js';

/** Codes written to spill files; output.ts turns them back into contract values. */
export const ROLE = { champion: 0, executive_sponsor: 1, admin: 2, user: 3, other: 4 } as const;
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
} as const;

const SECONDS_PER_DAY = 86_400;
const NUM_DRIVERS = DRIVERS.length;
const MAX_CHAMPIONS = 16;
const NAME_CODES = NAME_FIRST.length * NAME_SECOND.length * NAME_SUFFIX.length;
/** By severity code (low, medium, high, urgent): chance of escalation at health 0, and mean hours to close. */
const ESCALATION_P = [0.005, 0.02, 0.12, 0.35];
const TICKET_HOURS = [30, 50, 80, 120];

export type Sinks = Record<TableName, SpillWriter>;

/** What the simulation saw on one monthly snapshot date; for tests that check features against SQL. */
export interface SnapshotProbe {
  account: number;
  /** Day index of the as-of date. */
  day: number;
  /** Raw feature and signal values in DRIVERS order (NaN = NULL); booleans as 0/1. */
  drivers: Float64Array;
  /** days_to_renewal (NaN without a contract in effect). */
  daysToRenewal: number;
  /** Daily churn hazard on that day. */
  hazard: number;
}

export interface SegmentTally {
  accounts: number;
  churned: number;
  /** Days on which the account was a customer and could churn (sum over accounts). */
  exposureDays: number;
  /** Churn events with a contract ending within 60 days. */
  churnedNearRenewal: number;
}

/** rel_change(L, P) of docs/features.md. */
export function relChange(last: number, prior: number): number {
  if (prior > 0) {
    const r = last / prior - 1;
    return r < -1 ? -1 : r > 3 ? 3 : r;
  }
  return last > 0 ? 3 : 0;
}

function sigmoid(x: number): number {
  return 1 / (1 + Math.exp(-x));
}

function round10(x: number): number {
  return Math.round(x / 10) * 10;
}

/** Geometric count >= 1 with the given mean (overdispersed daily quantities). */
function geometric(rng: Rng, mean: number): number {
  if (mean <= 1) return 1;
  return 1 + Math.floor(Math.log(1 - rng.next()) / Math.log(1 - 1 / mean));
}

function pickWeighted(rng: Rng, weights: readonly (readonly [number, number])[]): number {
  let u = rng.next();
  for (const [value, p] of weights) {
    u -= p;
    if (u < 0) return value;
  }
  return weights[weights.length - 1]![0];
}

/** A business-hours second within day t (never exactly midnight, so day boundaries stay unambiguous). */
function businessSecond(rng: Rng, t: number): number {
  return t * SECONDS_PER_DAY + 28_800 + Math.floor(rng.next() * 39_600);
}

export class AccountSimulator {
  private readonly days: number;
  private readonly beta: Float64Array;
  private readonly hazardSeason: Float64Array;
  private readonly usageSeason: Float64Array;
  /** With --seasonal-usage the hazard reads usage and logins with the seasonal factor divided out. */
  private readonly deseasonalize: boolean;
  private readonly renewalPeak: number;
  private readonly frailtySd: number;
  private readonly churnScale: number;
  /** Day index of the first usage row written (0 = from the start); earlier usage happens but is not recorded. */
  private readonly usageFromDay: number;

  // Day-indexed prefix sums (index t = total over days < t of the account, from its start).
  private readonly cumUsage: Float64Array;
  private readonly cumLogins: Float64Array;
  private readonly cumEvents: Float64Array;
  private readonly cumTickets: Float64Array;
  private readonly cumNpsSum: Float64Array;
  private readonly cumNpsCount: Float64Array;
  private readonly featureMask: Uint16Array;
  /** Users whose most recent active day is day d (for distinct users over the last 30 days). */
  private readonly lastCount: Int32Array;
  private lastActive = new Int32Array(4096);
  /** Per user: weekday bitmask (bit 0 = Sunday) and personal frequency. */
  private userDays = new Uint8Array(4096);
  private userFreq = new Float64Array(4096);
  private readonly champCum: Float64Array[];
  private readonly champStart = new Int32Array(MAX_CHAMPIONS);
  private readonly champEnd = new Int32Array(MAX_CHAMPIONS);
  private readonly champContact = new Int32Array(MAX_CHAMPIONS);
  private readonly champToday = new Float64Array(MAX_CHAMPIONS);
  private readonly featLast = new Int32Array(PRODUCT_FEATURES.length);
  private readonly featPrior = new Int32Array(PRODUCT_FEATURES.length);
  private readonly featureOrder = new Int32Array(PRODUCT_FEATURES.length);
  private readonly integrationOrder = new Int32Array(INTEGRATIONS.length);
  private readonly x = new Float64Array(NUM_DRIVERS);
  private readonly latent = new LatentHealth();

  // Per-account records, flushed when the account ends (their closing times depend on churn).
  private contracts: number[] = []; // [start, end, value] triples
  private contacts: number[] = []; // [role, start, end] triples, end -1 = open
  private tickets: number[] = []; // [openSec, closeSec, severity, sentiment, escalated]
  private integrations: number[] = []; // [catalogIndex, connSec, discSec] triples, disc -1 = open
  private pendingConnect: number[] = []; // [day, catalogIndex]
  private escalations: number[] = []; // [openSec, closeSec] of escalated tickets not yet known closed

  readonly tally: SegmentTally[] = SEGMENTS.map(() => ({
    accounts: 0,
    churned: 0,
    exposureDays: 0,
    churnedNearRenewal: 0,
  }));

  constructor(
    private readonly cal: Calendar,
    private readonly seed: number,
    effects: Effects,
    private readonly sinks: Sinks,
    private readonly observe?: (probe: SnapshotProbe) => void,
    private readonly traits: Traits = DEFAULT_TRAITS,
  ) {
    this.days = cal.days;
    this.usageFromDay = traits.usageFrom === null ? 0 : Math.max(0, isoDay(traits.usageFrom)! - cal.startEpochDay);
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
    this.hazardSeason = Float64Array.from(cal.month, (m) => HAZARD_SEASON[m]! ** s);
    this.usageSeason = new Float64Array(cal.days);
    for (let t = 0; t < cal.days; t++) {
      const m = cal.month[t]!;
      const dom = cal.dayOfMonth[t]!;
      const holiday = (m === 11 && dom >= 22) || (m === 0 && dom <= 2) ? 0.6 : 1;
      this.usageSeason[t] = (USAGE_SEASON[m]! * holiday) ** s;
      if (traits.seasonalUsage) this.usageSeason[t]! *= seasonalDipFactor(m, dom);
    }
    this.deseasonalize = traits.seasonalUsage;
    this.renewalPeak = RENEWAL.peak * effects.renewal;
    this.frailtySd = FRAILTY_SD * effects.frailty;
    this.churnScale = effects.churn * hazardCompensation(effects);
  }

  /** First day of an account: by default front-loaded so the book is sizeable early; never in the last month. */
  private startDay(rng: Rng): number {
    const span = Math.max(1, this.days - 31);
    return Math.floor(span * arrivalFraction(this.traits.arrivals, rng.next(), span / 365.25));
  }

  run(account: number): void {
    const rng = new Rng(this.seed, `account:${account}`);
    const segIndex = pickWeighted(
      rng,
      SEGMENTS.map((s, i) => [i, s.share] as const),
    );
    const seg = SEGMENTS[segIndex]!;
    const t0 = this.startDay(rng);
    const seats = Math.round(
      Math.min(seg.seatsMax, Math.max(seg.seatsMin, seg.seatsMedian * Math.exp(rng.normal(0, seg.seatsLogSd)))),
    );
    const pricePerSeat = seg.pricePerSeat * Math.exp(rng.normal(0, 0.15));
    const nameCode = rng.int(NAME_CODES);
    const latent = this.latent;
    latent.reset(rng, seg.healthOffset);
    const H = latent.health;
    const frailty = rng.normal(0, 1) * this.frailtySd;
    const term = pickWeighted(rng, seg.terms);
    const tally = this.tally[segIndex]!;
    tally.accounts++;

    // Reset per-account state.
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
    for (let i = 0; i < this.featureOrder.length; i++) this.featureOrder[i] = i;
    shuffleInt(rng, this.featureOrder);
    for (let i = 0; i < this.integrationOrder.length; i++) this.integrationOrder[i] = i;
    shuffleInt(rng, this.integrationOrder);

    // Contract, contacts and onboarding plan.
    const firstTerm = rng.bernoulli(seg.pilotShare) ? 3 + rng.int(7) : term;
    let mainEnd = this.epochToDay(addMonthsToDay(this.cal.startEpochDay + t0, firstTerm));
    this.contracts.push(t0, mainEnd, round10(seats * pricePerSeat));
    let licensed = seats;
    let nChamp = 0;
    const addChampion = (day: number) => {
      if (nChamp === MAX_CHAMPIONS) return;
      const contact = this.contacts.length / 3;
      this.contacts.push(ROLE.champion, day, -1);
      this.champStart[nChamp] = day;
      this.champEnd[nChamp] = -1;
      this.champContact[nChamp] = contact;
      this.champToday[nChamp] = 0;
      this.champCum[nChamp]![day] = 0;
      nChamp++;
    };
    // The draw is made either way, so the option changes nothing else in the account's stream.
    if (rng.bernoulli(seg.championAtStart) || this.traits.championFromStart) addChampion(t0);
    if (rng.bernoulli(seg.sponsorAtStart)) this.contacts.push(ROLE.executive_sponsor, t0, -1);
    this.contacts.push(ROLE.admin, t0, -1);
    const extra = seg.extraContacts[0] + rng.int(seg.extraContacts[1] - seg.extraContacts[0] + 1);
    for (let i = 0; i < extra; i++) this.contacts.push(rng.bernoulli(0.8) ? ROLE.user : ROLE.other, t0, -1);
    const onboarding = Math.min(INTEGRATIONS.length, rng.poisson(seg.onboardingIntegrations));
    for (let i = 0; i < onboarding; i++)
      this.pendingConnect.push(t0 + 1 + geometric(rng, 20), this.integrationOrder[i]!);
    let nextIntegration = onboarding;

    // Behaviour state.
    let pool = Math.max(1, seats * 0.25);
    let breadth = 1 + rng.int(2);
    let lastCsm = -1;
    let lastConnect = -1;
    let usersInWindow = 0;
    let distinctLast = 0;
    let distinctPrior = 0;
    let championVacantSince = -1;
    let nextChampionDay = -1;
    let nextQbr = seg.qbrEveryDays > 0 ? t0 + 30 + rng.int(30) : Number.MAX_SAFE_INTEGER;
    let nextSurvey = t0 + 45 + rng.int(60);
    let connected = 0;
    let usersTouched = 0; // users that have joined the pool at some point (their state is initialised)

    const cumUsage = this.cumUsage;
    const cumLogins = this.cumLogins;
    const cumEvents = this.cumEvents;
    const cumTickets = this.cumTickets;
    const cumNpsSum = this.cumNpsSum;
    const cumNpsCount = this.cumNpsCount;
    const featureMask = this.featureMask;
    const lastCount = this.lastCount;
    const x = this.x;
    const usage = this.sinks.usage;
    const usageFromDay = this.usageFromDay;
    const interactions = this.sinks.interactions;
    const nps = this.sinks.nps;
    const win = (cum: Float64Array, lo: number, hi: number) => (hi <= t0 ? 0 : cum[hi]!) - (lo <= t0 ? 0 : cum[lo]!);

    let churnDay = -1;
    for (let t = t0; t < this.days; t++) {
      // (1) features and signals as of T = t, from days < t
      let daysToRenewal = Number.NaN;
      let arr = 0;
      if (t > t0) {
        const uL = win(cumUsage, t - 14, t);
        const uP = win(cumUsage, t - 28, t - 14);
        x[D.usageTrend] = relChange(uL, uP);
        x[D.ticketTrend] = relChange(win(cumTickets, t - 30, t), win(cumTickets, t - 60, t - 30));
        let champIn = 0;
        let champEver = 0;
        let cL = 0;
        let cP = 0;
        for (let c = 0; c < nChamp; c++) {
          const s = this.champStart[c]!;
          if (s < t) {
            champEver = 1;
            const e = this.champEnd[c]!;
            if (e < 0 || e > t) {
              champIn = 1;
              const cum = this.champCum[c]!;
              const now = cum[t]!;
              const mid = t - 30 <= s ? 0 : cum[t - 30]!;
              const old = t - 60 <= s ? 0 : cum[t - 60]!;
              cL += now - mid;
              cP += mid - old;
            }
          }
        }
        x[D.championChange] = champIn ? relChange(cL, cP) : Number.NaN;
        x[D.loginChange] = relChange(win(cumLogins, t - 14, t), win(cumLogins, t - 28, t - 14));
        x[D.utilization] = usersInWindow / seats;
        x[D.daysSinceCsm] = lastCsm >= 0 ? t - lastCsm : t - t0;
        const nL = win(cumNpsCount, t - 180, t);
        const nP = win(cumNpsCount, t - 360, t - 180);
        x[D.npsTrend] =
          nL > 0 && nP > 0 ? win(cumNpsSum, t - 180, t) / nL - win(cumNpsSum, t - 360, t - 180) / nP : Number.NaN;
        let anyContract = 0;
        for (let k = 0; k < this.contracts.length; k += 3) {
          const cs = this.contracts[k]!;
          const ce = this.contracts[k + 1]!;
          if (cs < t && ce > t) {
            anyContract = 1;
            arr += this.contracts[k + 2]!;
            const dtr = ce - t;
            if (!(dtr >= daysToRenewal)) daysToRenewal = dtr;
          }
        }
        x[D.valueRatio] = anyContract ? arr / Math.max(1, usersInWindow) / seg.valuePerUserReference : Number.NaN;
        x[D.breadthChange] = relChange(distinctLast, distinctPrior);
        x[D.daysSinceIntegration] = lastConnect >= 0 ? t - lastConnect : t - t0;
        x[D.zeroUsage] = win(cumEvents, t - 14, t) === 0 ? 1 : 0;
        x[D.championDeparted] = champEver && !champIn ? 1 : 0;
        x[D.activeEscalation] = this.escalationOpenAt(t) ? 1 : 0;

        // (2) churn draw
        const eta = frailty + this.logHazardTerms(x);
        const renewal =
          RENEWAL.floor + this.renewalPeak * Math.exp(-(daysToRenewal >= 0 ? daysToRenewal : 0) / RENEWAL.tauDays);
        const hazard = seg.baseHazardPerDay * this.churnScale * this.hazardSeason[t]! * renewal * Math.exp(eta);
        tally.exposureDays++;
        if (rng.next() < hazard) {
          churnDay = t;
          tally.churned++;
          if (daysToRenewal <= 60) tally.churnedNearRenewal++;
          break;
        }
        // A snapshot row exists at T only for accounts still active (churned_at > T).
        if (this.observe && this.cal.firstOfMonth[t])
          this.observe({ account, day: t, drivers: x, daysToRenewal, hazard });
      }

      // (3) day t: latent health per layer
      latent.step(rng);
      const hUsage = H[H_USAGE]!;
      const hEngagement = H[H_ENGAGEMENT]!;
      const hRelationship = H[H_RELATIONSHIP]!;
      const hOutcome = H[H_OUTCOME]!;

      // contracts: renewal on the old contract's end day, expansions mid-term
      if (t === mainEnd) {
        let value = 0;
        for (let k = 0; k < this.contracts.length; k += 3)
          if (this.contracts[k + 1] === t) value += this.contracts[k + 2]!;
        let factor: number;
        if (pool / licensed < 0.55) {
          factor = rng.uniform(0.7, 0.9);
          licensed = Math.max(1, Math.round(licensed * factor));
        } else {
          factor = rng.uniform(1, 1.07);
        }
        mainEnd = this.epochToDay(addMonthsToDay(this.cal.startEpochDay + t, term));
        this.contracts.push(t, mainEnd, round10(value * factor));
      } else if (mainEnd - t > 45 && hOutcome > 0.3 && pool / licensed > 0.75 && rng.next() < 1 / 250) {
        const added = Math.max(1, Math.round(licensed * rng.uniform(0.1, 0.35)));
        this.contracts.push(t, mainEnd, round10(added * pricePerSeat));
        licensed += added;
        latent.shock(H_OUTCOME, 0.1);
      }

      // champion departures and replacements
      let champion = -1; // contact index of the champion in effect today
      for (let c = 0; c < nChamp; c++) {
        if (this.champEnd[c]! < 0) {
          // (Not on the last day: ended_at would fall after the data ends.)
          if (t + 1 < this.days && rng.next() < (0.14 / 365) * Math.exp(-0.4 * hRelationship)) {
            // Gone from day t on; ended_at = t + 1 keeps the record in effect at T = t, which the
            // churn draw of day t has already seen.
            this.champEnd[c] = t + 1;
            this.contacts[this.champContact[c]! * 3 + 2] = t + 1;
            latent.shock(H_RELATIONSHIP, -0.8);
            latent.shock(H_USAGE, -0.2);
            championVacantSince = t;
            nextChampionDay = rng.bernoulli(seg.championReplaced) ? t + 10 + geometric(rng, 35) : -1;
          } else {
            champion = this.champContact[c]!;
          }
        }
      }
      if (champion < 0 && (t === nextChampionDay || (nChamp === 0 && rng.next() < sigmoid(hRelationship) / 150))) {
        addChampion(t);
        champion = this.champContact[nChamp - 1]!;
        if (championVacantSince >= 0) latent.shock(H_RELATIONSHIP, 0.4);
        nextChampionDay = -1;
      }
      const champSlot = champion >= 0 ? nChamp - 1 : -1;

      // integrations
      for (let k = 0; k < this.pendingConnect.length; k += 2) {
        if (this.pendingConnect[k] === t) {
          this.integrations.push(this.pendingConnect[k + 1]!, businessSecond(rng, t), -1);
          connected++;
          lastConnect = t;
        }
      }
      if (
        nextIntegration < INTEGRATIONS.length &&
        t > t0 + 30 &&
        rng.next() < seg.integrationsPerDay * Math.exp(0.6 * hUsage)
      ) {
        this.integrations.push(this.integrationOrder[nextIntegration++]!, businessSecond(rng, t), -1);
        connected++;
        lastConnect = t;
      }
      if (connected > 0) {
        const pDisconnect = (1 / 1500) * Math.exp(-0.9 * hUsage);
        for (let k = 0; k < this.integrations.length; k += 3) {
          if (
            this.integrations[k + 2]! < 0 &&
            this.integrations[k + 1]! < t * SECONDS_PER_DAY &&
            rng.next() < pDisconnect
          ) {
            this.integrations[k + 2] = businessSecond(rng, t);
            connected--;
          }
        }
      }

      // product usage: daily roll-ups per user and event
      // The user pool is structural (seats deployed) and moves slowly; daily activity moves fast.
      const target = licensed * (0.3 + 0.65 * sigmoid(hUsage + 1));
      pool += (target - pool) * 0.015;
      const poolSize = Math.max(1, Math.round(pool));
      if (poolSize > this.lastActive.length) this.growUsers(poolSize * 2);
      while (usersTouched < poolSize) {
        const u = usersTouched++;
        this.lastActive[u] = -1_000_000;
        this.userDays[u] = weeklySchedule(
          rng,
          seg.daysPerWeek[0] + rng.int(seg.daysPerWeek[1] - seg.daysPerWeek[0] + 1),
        );
        this.userFreq[u] = rng.uniform(seg.userFrequency[0], seg.userFrequency[1]);
      }
      const breadthTarget = Math.max(
        1,
        Math.min(seg.maxBreadth, Math.round(seg.maxBreadth * sigmoid(0.6 + 1.1 * hUsage))),
      );
      if (breadth !== breadthTarget && rng.next() < 1 / 25) breadth += breadthTarget > breadth ? 1 : -1;
      const showUp = sigmoid(1.5 + 2 * hUsage) * this.usageSeason[t]!;
      const dayBit = 1 << this.cal.weekday[t]!;
      const featureMean = 2.5 * Math.exp(0.7 * hUsage);
      let usageToday = 0;
      let loginsToday = 0;
      let eventsToday = 0;
      let maskToday = 0;
      // Before usage tracking starts the account behaves the same; its rows are just not recorded.
      const recorded = t >= usageFromDay;
      for (let user = 0; user < poolSize; user++) {
        if ((this.userDays[user]! & dayBit) === 0 || rng.next() >= showUp * this.userFreq[user]!) continue;
        const prev = this.lastActive[user]!;
        if (prev < t - 30) usersInWindow++;
        if (prev >= t0) lastCount[prev]!--;
        lastCount[t]!++;
        this.lastActive[user] = t;
        const logins = 1 + (rng.next() < 0.4 ? 1 + (rng.next() < 0.3 ? 1 : 0) : 0);
        if (recorded) usage.add(account, t, user, EVENT_LOGIN, logins);
        loginsToday += logins;
        eventsToday++;
        if (rng.next() < 0.9) {
          const r = rng.next();
          const f = this.featureOrder[Math.floor(breadth * r * Math.sqrt(r))]!; // skewed to core features
          const q = 1 + rng.poisson(featureMean);
          if (recorded) usage.add(account, t, user, FIRST_FEATURE_EVENT + f, q);
          usageToday += q;
          eventsToday++;
          maskToday |= 1 << f;
          if (breadth > 1 && rng.next() < 0.15) {
            let g = this.featureOrder[rng.int(breadth)]!;
            if (g === f) g = this.featureOrder[(this.featureOrder.indexOf(f) + 1) % breadth]!;
            const q2 = 1 + rng.poisson(featureMean);
            if (recorded) usage.add(account, t, user, FIRST_FEATURE_EVENT + g, q2);
            usageToday += q2;
            eventsToday++;
            maskToday |= 1 << g;
          }
        }
      }
      const weekday = this.cal.weekday[t]! % 6 !== 0;
      if (connected > 0 && rng.next() < (weekday ? 0.95 : 0.5) * sigmoid(2 + 1.5 * hUsage)) {
        const q = 1 + rng.poisson(4 * connected * Math.exp(0.3 * hUsage));
        if (recorded) usage.add(account, t, -1, EVENT_API, q);
        usageToday += q;
        eventsToday++;
      }

      // support tickets
      let ticketsToday = 0;
      const nTickets = rng.poisson(seg.ticketsPerDay * Math.exp(-0.6 * hEngagement) * (t - t0 < 60 ? 1.3 : 1));
      for (let k = 0; k < nTickets; k++) {
        const severity = this.ticketSeverity(rng, hEngagement);
        const sentiment = this.ticketSentiment(rng, hEngagement);
        const sev = severity < 0 ? 1 : severity;
        const escalated = rng.next() < ESCALATION_P[sev]! * Math.exp(-0.4 * hEngagement) ? 1 : 0;
        const meanHours = TICKET_HOURS[sev]! * (escalated ? 4 : 1);
        const open = businessSecond(rng, t);
        const close = open + Math.max(600, Math.round(-Math.log(1 - rng.next()) * meanHours * 3600));
        this.tickets.push(open, close, severity, sentiment, escalated);
        if (escalated) {
          this.escalations.push(open, close);
          latent.shock(H_ENGAGEMENT, -0.15);
          latent.shock(H_OUTCOME, -0.05);
        }
        ticketsToday++;
      }

      // interactions: CSM touches, QBRs, champion replies, programs
      const escalationNow = this.escalationOpenAt(t + 1);
      const nCsm = rng.poisson(
        seg.csmPerDay * Math.exp(0.5 * hEngagement) * (mainEnd - t <= 60 ? 1.8 : 1) * (escalationNow ? 1.5 : 1),
      );
      for (let k = 0; k < nCsm; k++) {
        const kind = this.csmKind(rng, seg);
        const contact = this.interactionContact(rng, champion);
        interactions.add(account, businessSecond(rng, t), contact, kind);
        if (contact >= 0 && contact === champion) this.champToday[champSlot]!++;
        lastCsm = t;
      }
      if (t >= nextQbr) {
        if (rng.next() < sigmoid(1.5 + 1.5 * hEngagement)) {
          const contact = champion >= 0 ? champion : this.sponsorOrAdmin();
          interactions.add(account, businessSecond(rng, t), contact, KIND.qbr);
          if (contact === champion && champion >= 0) this.champToday[champSlot]!++;
          lastCsm = t;
        }
        nextQbr = t + seg.qbrEveryDays - 10 + rng.int(21);
      }
      if (champion >= 0) {
        const replies = rng.poisson(seg.championRepliesPerDay * Math.exp(0.9 * hRelationship) * (weekday ? 1.3 : 0.25));
        for (let k = 0; k < replies; k++) interactions.add(account, businessSecond(rng, t), champion, KIND.email_reply);
        this.champToday[champSlot]! += replies;
      }
      if (rng.next() < 0.02 * Math.exp(0.5 * hEngagement) * (seg.name === 'enterprise' ? 2 : 1)) {
        const kind = [KIND.training, KIND.webinar, KIND.community, KIND.other][rng.int(4)]!;
        const contact = rng.next() < 0.15 ? -1 : rng.int(this.contacts.length / 3);
        if (this.contactInRole(contact, t)) {
          interactions.add(account, businessSecond(rng, t), contact, kind);
          if (contact === champion) this.champToday[champSlot]!++;
        } else if (contact < 0) {
          interactions.add(account, businessSecond(rng, t), -1, kind);
        }
      }

      // NPS survey rounds
      let npsSum = 0;
      let npsCount = 0;
      if (t === nextSurvey) {
        for (let c = 0; c < this.contacts.length / 3; c++) {
          if (!this.contactInRole(c, t)) continue;
          if (rng.next() < (c === champion ? 0.5 : 0.3)) {
            const score = npsScore(rng, hOutcome);
            nps.add(account, c, businessSecond(rng, t), score);
            npsSum += score;
            npsCount++;
          }
        }
        if (rng.next() < 0.25) {
          const score = npsScore(rng, hOutcome);
          nps.add(account, -1, businessSecond(rng, t), score);
          npsSum += score;
          npsCount++;
        }
        nextSurvey = t + 91 - 7 + rng.int(15);
      }

      // close the day: prefix sums and sliding windows for T = t + 1
      if (this.deseasonalize) {
        cumUsage[t + 1] = cumUsage[t]! + usageToday / this.usageSeason[t]!;
        cumLogins[t + 1] = cumLogins[t]! + loginsToday / this.usageSeason[t]!;
      } else {
        cumUsage[t + 1] = cumUsage[t]! + usageToday;
        cumLogins[t + 1] = cumLogins[t]! + loginsToday;
      }
      cumEvents[t + 1] = cumEvents[t]! + eventsToday;
      cumTickets[t + 1] = cumTickets[t]! + ticketsToday;
      cumNpsSum[t + 1] = cumNpsSum[t]! + npsSum;
      cumNpsCount[t + 1] = cumNpsCount[t]! + npsCount;
      for (let c = 0; c < nChamp; c++) {
        this.champCum[c]![t + 1] = this.champCum[c]![t]! + this.champToday[c]!;
        this.champToday[c] = 0;
      }
      featureMask[t] = maskToday;
      // distinct users: window [t-29, t] for T = t + 1 drops users last seen on day t - 30
      if (t - 30 >= t0) usersInWindow -= lastCount[t - 30]!;
      // distinct features: last 30d gains day t, loses day t-30 to the prior window, which loses day t-60
      distinctLast += this.slideMask(this.featLast, maskToday, 1);
      if (t - 30 >= t0) {
        const m = featureMask[t - 30]!;
        distinctLast += this.slideMask(this.featLast, m, -1);
        distinctPrior += this.slideMask(this.featPrior, m, 1);
      }
      if (t - 60 >= t0) distinctPrior += this.slideMask(this.featPrior, featureMask[t - 60]!, -1);
      lastCount[t + 1] = 0;
    }

    this.flushAccount(account, segIndex, nameCode, t0, churnDay, seats);
  }

  private epochToDay(epochDay: number): number {
    return epochDay - this.cal.startEpochDay;
  }

  private growUsers(size: number): void {
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
  private slideMask(counts: Int32Array, mask: number, sign: number): number {
    let change = 0;
    while (mask !== 0) {
      const f = 31 - Math.clz32(mask & -mask);
      mask &= mask - 1;
      const before = counts[f]!;
      counts[f] = before + sign;
      if (sign > 0 && before === 0) change++;
      else if (sign < 0 && before === 1) change--;
    }
    return change;
  }

  /**
   * Whether an escalated ticket is in effect at T = day t 00:00 (opened before, not closed by
   * then). Times only move forward, so tickets closed by T are dropped from the list for good.
   */
  private escalationOpenAt(t: number): boolean {
    const T = t * SECONDS_PER_DAY;
    const e = this.escalations;
    let open = false;
    let keep = 0;
    for (let k = 0; k < e.length; k += 2) {
      if (e[k + 1]! <= T) continue;
      if (e[k]! < T) open = true;
      e[keep++] = e[k]!;
      e[keep++] = e[k + 1]!;
    }
    e.length = keep;
    return open;
  }

  private logHazardTerms(x: Float64Array): number {
    const b = this.beta;
    let eta = 0;
    eta += b[D.usageTrend]! * Math.min(x[D.usageTrend]!, 1);
    eta += b[D.ticketTrend]! * Math.min(x[D.ticketTrend]!, 1);
    const cc = x[D.championChange]!;
    if (!Number.isNaN(cc)) eta += b[D.championChange]! * Math.min(cc, 1);
    eta += b[D.loginChange]! * Math.min(x[D.loginChange]!, 1);
    eta += b[D.utilization]! * (Math.min(x[D.utilization]!, 1.5) - DRIVERS[D.utilization]!.reference);
    eta += b[D.daysSinceCsm]! * (Math.min(x[D.daysSinceCsm]!, 365) / 30 - DRIVERS[D.daysSinceCsm]!.reference);
    const np = x[D.npsTrend]!;
    if (!Number.isNaN(np)) eta += b[D.npsTrend]! * np;
    const vr = x[D.valueRatio]!;
    if (!Number.isNaN(vr)) eta += b[D.valueRatio]! * Math.max(-2, Math.min(2, Math.log(Math.max(vr, 1e-9))));
    eta += b[D.breadthChange]! * Math.min(x[D.breadthChange]!, 1);
    eta +=
      b[D.daysSinceIntegration]! *
      (Math.min(x[D.daysSinceIntegration]!, 730) / 30 - DRIVERS[D.daysSinceIntegration]!.reference);
    eta += b[D.zeroUsage]! * x[D.zeroUsage]!;
    eta += b[D.championDeparted]! * x[D.championDeparted]!;
    eta += b[D.activeEscalation]! * x[D.activeEscalation]!;
    return eta;
  }

  private ticketSeverity(rng: Rng, health: number): number {
    if (rng.next() < 0.03) return -1;
    const urgent = 0.04 * Math.exp(-0.5 * health);
    const high = 0.16 * Math.exp(-0.3 * health);
    const u = rng.next();
    if (u < urgent) return 3;
    if (u < urgent + high) return 2;
    if (u < urgent + high + 0.4) return 1;
    return 0;
  }

  private ticketSentiment(rng: Rng, health: number): number {
    if (rng.next() < 0.05) return -1;
    if (rng.next() < sigmoid(-1 - health)) return 0;
    return rng.next() < sigmoid(-0.3 + 0.8 * health) ? 2 : 1;
  }

  private csmKind(rng: Rng, seg: SegmentParams): number {
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
  private interactionContact(rng: Rng, champion: number): number {
    const u = rng.next();
    if (champion >= 0 && u < 0.6) return champion;
    if (u > 0.9) return -1;
    return this.sponsorOrAdmin();
  }

  private sponsorOrAdmin(): number {
    for (let c = 0; c < this.contacts.length / 3; c++) {
      const role = this.contacts[c * 3]!;
      if ((role === ROLE.executive_sponsor || role === ROLE.admin) && this.contacts[c * 3 + 2]! < 0) return c;
    }
    return -1;
  }

  private contactInRole(c: number, t: number): boolean {
    if (c < 0) return false;
    const end = this.contacts[c * 3 + 2]!;
    return this.contacts[c * 3 + 1]! <= t && (end < 0 || end > t);
  }

  /** Writes the account's buffered rows, closing what was open at churn. */
  private flushAccount(
    account: number,
    segIndex: number,
    nameCode: number,
    t0: number,
    churnDay: number,
    seats: number,
  ): void {
    const s = this.sinks;
    const endSec = churnDay >= 0 ? churnDay * SECONDS_PER_DAY : this.days * SECONDS_PER_DAY;
    s.accounts.add(account, segIndex, nameCode, t0, churnDay, seats);
    for (let k = 0, i = 0; k < this.contracts.length; k += 3, i++) {
      s.contracts.add(account, i, this.contracts[k]!, this.contracts[k + 1]!, this.contracts[k + 2]!);
    }
    for (let k = 0, i = 0; k < this.contacts.length; k += 3, i++) {
      s.contacts.add(account, i, this.contacts[k]!, this.contacts[k + 1]!, this.contacts[k + 2]!);
    }
    for (let k = 0, i = 0; k < this.tickets.length; k += 5, i++) {
      const close = this.tickets[k + 1]!;
      // Open at churn: closed when the account left. Open at the end of the data: still open (NULL).
      const closed = churnDay >= 0 ? Math.min(close, endSec) : close >= endSec ? -1 : close;
      s.tickets.add(
        account,
        i,
        this.tickets[k]!,
        closed,
        this.tickets[k + 2]!,
        this.tickets[k + 3]!,
        this.tickets[k + 4]!,
      );
    }
    for (let k = 0; k < this.integrations.length; k += 3) {
      const disc = this.integrations[k + 2]!;
      s.integrations.add(
        account,
        this.integrations[k]!,
        this.integrations[k + 1]!,
        disc < 0 && churnDay >= 0 ? endSec : disc,
      );
    }
  }
}

/** A weekday bitmask with `n` days, weekdays far likelier than weekends. */
function weeklySchedule(rng: Rng, n: number): number {
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

function npsScore(rng: Rng, health: number): number {
  return Math.max(0, Math.min(10, Math.round(7.2 + 1.5 * health + rng.normal(0, 1.3))));
}

function shuffleInt(rng: Rng, a: Int32Array): void {
  for (let i = a.length - 1; i > 0; i--) {
    const j = rng.int(i + 1);
    const tmp = a[i]!;
    a[i] = a[j]!;
    a[j] = tmp;
  }
}
