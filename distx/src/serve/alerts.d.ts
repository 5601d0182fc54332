import type { AlertClaim, AlertLedger, AlertStatus, PreviousScore, ScoreRecord } from '../history/index.js';
import type { ServiceMetrics } from './metrics.js';
/**
 * Alerts: an account changing band, dropping more than N points, or raising the `escalate`
 * flag posts one event to a webhook (what changed is merged: a drop into RED is one message,
 * not two). Each event has a `text` a person reads; `--alerts-format slack|teams` wraps it as
 * those incoming webhooks want it. Delivery is at most once per event: the event id is derived
 * from account + as_of + its first kind, claimed in the ledger (the history store) before the
 * first attempt, and a claimed event is never claimed again, by this process or another one.
 */
export type AlertKind = 'band_change' | 'score_drop' | 'escalate';
export interface AlertEvent {
    event_id: string;
    /** The first of `kinds`: band_change, else score_drop, else escalate. */
    kind: AlertKind;
    /** Everything that changed, in that order. */
    kinds: AlertKind[];
    account_id: string;
    account_name: string | null;
    as_of: string;
    old: {
        as_of: string;
        score: number;
        band: string;
    } | null;
    new: {
        score: number;
        band: string;
    };
    score_change: number | null;
    /** What changed, in one sentence per kind joined by "; ". */
    reason: string;
    /** One line for a person: who, what changed, and why (the top reasons in words). */
    text: string;
    /** The scorer's top reasons (signals losing most points). */
    reasons: readonly string[];
    /** The same reasons as sentences from the feature catalogue (empty when unknown). */
    reason_texts: readonly string[];
    overrides: readonly string[];
    escalate: boolean;
    /** Fingerprint of the scorecard that produced the new score. */
    scorecard: string | null;
}
export interface AlertRules {
    /** A drop of strictly more than this many points raises `score_drop`. */
    dropThreshold: number;
}
export declare const DEFAULT_DROP_THRESHOLD = 15;
/** The deterministic id of one alert: the same account, day and kind is the same event. */
export declare function alertEventId(accountId: string, asOf: string, kind: AlertKind): string;
/** What the alert can say beyond the score record: the account's name and its reasons in words. */
export interface AlertContext {
    account_name?: string | null;
    reason_texts?: readonly string[];
}
/**
 * The alert a new score raises against the previous one: at most one event per account and
 * as-of, whatever changed (band, a drop of more than N points, the escalate flag rising).
 */
export declare function detectAlerts(current: ScoreRecord, previous: PreviousScore | null, rules: AlertRules, context?: AlertContext): AlertEvent[];
export declare const ALERT_FORMATS: readonly ['json', 'slack', 'teams'];
export type AlertFormat = (typeof ALERT_FORMATS)[number];
/**
 * The body posted for an event: the event itself (`json`), a Slack incoming-webhook message
 * (`text` and one section block), or a Microsoft Teams webhook message (a Workflows "when a
 * webhook request is received" flow, or an incoming webhook) carrying an Adaptive Card.
 */
export declare function alertPayload(e: AlertEvent, format: AlertFormat): unknown;
/** A ledger for a service without a history store: dedupes within this process only. */
export declare class MemoryAlertLedger implements AlertLedger {
    private readonly capacity;
    private readonly status;
    constructor(capacity?: number);
    claim(events: readonly AlertClaim[]): Promise<Set<string>>;
    finish(eventId: string, status: Exclude<AlertStatus, 'pending'>): Promise<void>;
}
export interface AlertDispatcherOptions {
    webhook: string;
    /** What the body looks like (default json: the event). */
    format?: AlertFormat;
    ledger: AlertLedger;
    metrics?: ServiceMetrics;
    log?: (level: 'info' | 'warn' | 'error', message: string, fields?: Record<string, unknown>) => void;
    /** Attempts per event, first included (default 6). */
    maxAttempts?: number;
    /** Delay before the first retry; doubles each retry up to maxDelayMs (defaults 250 ms, 10 s). */
    baseDelayMs?: number;
    maxDelayMs?: number;
    /** Per-attempt timeout (default 5 s). */
    timeoutMs?: number;
    /** Deliveries in flight at once (default 4). */
    concurrency?: number;
    /** Events waiting beyond this are given up (counted as failed) rather than held without bound. */
    maxQueue?: number;
}
/**
 * Posts alert events to the webhook with bounded exponential backoff. Every attempt of an
 * event carries the same `Idempotency-Key` (the event id), so a receiver that saw an attempt
 * whose response was lost can drop the repeat.
 */
export declare class AlertDispatcher {
    private readonly queue;
    private active;
    private readonly idle;
    private readonly stop;
    private readonly o;
    constructor(options: AlertDispatcherOptions);
    /** Claims the events and queues those this process won; returns once they are queued. */
    submit(events: readonly AlertEvent[]): Promise<void>;
    /** Events queued or in flight. */
    get pending(): number;
    /**
     * Waits for queued and in-flight deliveries, at most `timeoutMs`; what is left then is
     * abandoned and recorded as failed (it was claimed, so it will not be sent later either).
     */
    drain(timeoutMs?: number): Promise<void>;
    private pump;
    private deliver;
    private giveUp;
    private sleep;
}
