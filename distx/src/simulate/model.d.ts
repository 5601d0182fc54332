import type { Calendar } from './calendar.js';
import { type Effects } from './params.js';
import type { SpillWriter } from './spill.js';
import type { TableName } from '../data/index.js';
import { type Traits } from './traits.js';
/** Codes written to spill files; output.ts turns them back into contract values. */
export declare const ROLE: {
    readonly champion: 0;
    readonly executive_sponsor: 1;
    readonly admin: 2;
    readonly user: 3;
    readonly other: 4;
};
export declare const KIND: {
    readonly csm_meeting: 0;
    readonly csm_call: 1;
    readonly csm_email: 2;
    readonly qbr: 3;
    readonly email_reply: 4;
    readonly training: 5;
    readonly community: 6;
    readonly webinar: 7;
    readonly other: 8;
};
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
export declare function relChange(last: number, prior: number): number;
export declare class AccountSimulator {
    private readonly cal;
    private readonly seed;
    private readonly sinks;
    private readonly observe?;
    private readonly traits;
    private readonly days;
    private readonly beta;
    private readonly hazardSeason;
    private readonly usageSeason;
    /** With --seasonal-usage the hazard reads usage and logins with the seasonal factor divided out. */
    private readonly deseasonalize;
    private readonly renewalPeak;
    private readonly frailtySd;
    private readonly churnScale;
    /** Day index of the first usage row written (0 = from the start); earlier usage happens but is not recorded. */
    private readonly usageFromDay;
    private readonly cumUsage;
    private readonly cumLogins;
    private readonly cumEvents;
    private readonly cumTickets;
    private readonly cumNpsSum;
    private readonly cumNpsCount;
    private readonly featureMask;
    /** Users whose most recent active day is day d (for distinct users over the last 30 days). */
    private readonly lastCount;
    private lastActive;
    /** Per user: weekday bitmask (bit 0 = Sunday) and personal frequency. */
    private userDays;
    private userFreq;
    private readonly champCum;
    private readonly champStart;
    private readonly champEnd;
    private readonly champContact;
    private readonly champToday;
    private readonly featLast;
    private readonly featPrior;
    private readonly featureOrder;
    private readonly integrationOrder;
    private readonly x;
    private readonly latent;
    private contracts;
    private contacts;
    private tickets;
    private integrations;
    private pendingConnect;
    private escalations;
    readonly tally: SegmentTally[];
    constructor(cal: Calendar, seed: number, effects: Effects, sinks: Sinks, observe?: ((probe: SnapshotProbe) => void) | undefined, traits?: Traits);
    /** First day of an account: by default front-loaded so the book is sizeable early; never in the last month. */
    private startDay;
    /** Simulates one account from its first day to churn or the end of the history, then writes its rows. */
    run(account: number): void;
    /** (3) Day t begins: the latent health per layer moves, and today's steps read it as it is now. */
    private healthDay;
    /** Draws the account (segment, start, seats, price, term), resets the per-account state, plans contract, contacts and onboarding. */
    private beginAccount;
    /** Clears the buffers and day-indexed sums an earlier account left, and shuffles the account's feature and integration order. */
    private resetAccount;
    private addChampion;
    /** Sum of a day-indexed prefix sum over days [lo, hi), counting nothing before the account's start. */
    private win;
    /** (1) The features and signals as of T = day t 00:00 into `x`, from days < t; returns days_to_renewal (NaN without a contract). */
    private featuresAsOf;
    /** The daily churn hazard from the features in `x`, the renewal calendar and the season. */
    private hazardOf;
    /** (2) The churn draw: churned_at = day t, so no row at or after it. */
    private churns;
    /** (3) Day t's contracts: renewal on the old contract's end day, add-ons mid-term. */
    private contractsDay;
    /** Day t's champion departures and replacements; sets the champion in effect today. */
    private championsDay;
    /** Day t's integrations: onboarding connections due, new ones, disconnections. */
    private integrationsDay;
    /**
     * Day t's product usage: daily roll-ups per user and event. The user pool is structural (seats
     * deployed) and moves slowly; daily activity moves fast.
     */
    private usageDay;
    /** Day t's support tickets (escalations shock engagement and outcome health). */
    private ticketsDay;
    /** Day t's interactions: CSM touches, QBRs, champion replies, programs. */
    private interactionsDay;
    /** Day t's NPS survey round, when one is due. */
    private npsDay;
    /** Closes day t: prefix sums and sliding windows for T = t + 1. */
    private closeDay;
    private epochToDay;
    private growUsers;
    /** Adds (sign 1) or removes (sign -1) one day's feature set from a window; returns the change in distinct features. */
    private slideMask;
    /**
     * Whether an escalated ticket is in effect at T = day t 00:00 (opened before, not closed by
     * then). Times only move forward, so tickets closed by T are dropped from the list for good.
     */
    private escalationOpenAt;
    private logHazardTerms;
    private ticketSeverity;
    private ticketSentiment;
    private csmKind;
    /** The champion most of the time, another contact in role otherwise, sometimes nobody on record. */
    private interactionContact;
    private sponsorOrAdmin;
    private contactInRole;
    /** Writes the account's buffered rows, closing what was open at churn. */
    private flushAccount;
}
