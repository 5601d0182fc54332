import { createHash } from 'node:crypto';
import { VERSION } from '../util/index.js';
import type { AlertClaim, AlertLedger, AlertStatus, PreviousScore, ScoreRecord } from '../history/index.js';
import type { ServiceMetrics } from './metrics.js';
import { roundChange } from '../history/index.js';
import { scoreForPeople } from '../catalogue/index.js';

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
  old: { as_of: string; score: number; band: string } | null;
  new: { score: number; band: string };
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

export const DEFAULT_DROP_THRESHOLD = 15;

/** The deterministic id of one alert: the same account, day and kind is the same event. */
export function alertEventId(accountId: string, asOf: string, kind: AlertKind): string {
  return createHash('sha256')
    .update(`churnkit.alert\u0000${accountId}\u0000${asOf}\u0000${kind}`)
    .digest('hex')
    .slice(0, 32);
}

const fmt = (n: number) => String(Math.round(n * 10) / 10);

/** What the alert can say beyond the score record: the account's name and its reasons in words. */
export interface AlertContext {
  account_name?: string | null;
  reason_texts?: readonly string[];
}

/**
 * The alert a new score raises against the previous one: at most one event per account and
 * as-of, whatever changed (band, a drop of more than N points, the escalate flag rising).
 */
export function detectAlerts(
  current: ScoreRecord,
  previous: PreviousScore | null,
  rules: AlertRules,
  context: AlertContext = {},
): AlertEvent[] {
  const change = previous ? roundChange(current.score - previous.score) : null;
  const kinds: AlertKind[] = [];
  const what: string[] = [];
  if (previous && previous.band !== current.band) {
    kinds.push('band_change');
    what.push(
      `band changed from ${previous.band} to ${current.band} (score ${fmt(previous.score)} -> ${fmt(current.score)} since ${previous.as_of})`,
    );
  }
  if (previous && change !== null && -change > rules.dropThreshold) {
    kinds.push('score_drop');
    what.push(
      `score dropped ${fmt(-change)} points (${fmt(previous.score)} -> ${fmt(current.score)}) since ${previous.as_of}, more than ${rules.dropThreshold}`,
    );
  }
  // The flag alerts when it rises, not on every day it stays up.
  if (current.escalate && !previous?.escalate) {
    kinds.push('escalate');
    what.push(`escalation flagged at score ${fmt(current.score)} (${current.band})`);
  }
  if (kinds.length === 0) return [];
  const name = context.account_name ?? null;
  const reasonTexts = context.reason_texts ?? [];
  return [
    {
      event_id: alertEventId(current.account_id, current.as_of, kinds[0]!),
      kind: kinds[0]!,
      kinds,
      account_id: current.account_id,
      account_name: name,
      as_of: current.as_of,
      // scores as people read them (one decimal), like every answer
      old: previous ? { as_of: previous.as_of, score: scoreForPeople(previous.score), band: previous.band } : null,
      new: { score: scoreForPeople(current.score), band: current.band },
      score_change: change,
      reason: what.join('; '),
      text: alertText(current, previous, change, kinds, name, reasonTexts),
      reasons: current.reasons,
      reason_texts: reasonTexts,
      overrides: current.overrides,
      escalate: current.escalate,
      scorecard: current.scorecard ?? null,
    },
  ];
}

/**
 * "Acme Corp (A042) went RED: score 72 -> 38 (-34) since 2024-05-31; escalate. Why: Usage fell
 * 35% over the last 14 days vs the 14 before; ..." One line, for a chat channel.
 */
function alertText(
  current: ScoreRecord,
  previous: PreviousScore | null,
  change: number | null,
  kinds: readonly AlertKind[],
  name: string | null,
  reasonTexts: readonly string[],
): string {
  const who = name ? `${name} (${current.account_id})` : current.account_id;
  const parts: string[] = [];
  if (kinds.includes('band_change')) parts.push(`went ${current.band} (was ${previous!.band})`);
  else if (kinds.includes('score_drop')) parts.push(`dropped ${fmt(-change!)} points, still ${current.band}`);
  const moved =
    previous && change !== null
      ? `score ${fmt(previous.score)} -> ${fmt(current.score)} (${change > 0 ? '+' : ''}${fmt(change)}) since ${previous.as_of}`
      : `score ${fmt(current.score)}`;
  if (kinds.includes('escalate'))
    parts.push(parts.length ? 'escalate: renewal at risk' : `needs escalation (${current.band})`);
  const why = reasonTexts.length
    ? ` Why: ${reasonTexts.join('; ')}.`
    : current.reasons.length
      ? ` Why: ${current.reasons.join(', ')}.`
      : '';
  return `${who} ${parts.join(', ')}: ${moved}.${why}`;
}

export const ALERT_FORMATS = ['json', 'slack', 'teams'] as const;
export type AlertFormat = (typeof ALERT_FORMATS)[number];

/**
 * The body posted for an event: the event itself (`json`), a Slack incoming-webhook message
 * (`text` and one section block), or a Microsoft Teams webhook message (a Workflows "when a
 * webhook request is received" flow, or an incoming webhook) carrying an Adaptive Card.
 */
export function alertPayload(e: AlertEvent, format: AlertFormat): unknown {
  if (format === 'slack') {
    return {
      text: e.text,
      blocks: [{ type: 'section', text: { type: 'mrkdwn', text: e.text } }],
    };
  }
  if (format === 'teams') {
    return {
      type: 'message',
      summary: e.text,
      attachments: [
        {
          contentType: 'application/vnd.microsoft.card.adaptive',
          contentUrl: null,
          content: {
            $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
            type: 'AdaptiveCard',
            version: '1.4',
            body: [{ type: 'TextBlock', text: e.text, wrap: true }],
          },
        },
      ],
    };
  }
  return e;
}

/** A ledger for a service without a history store: dedupes within this process only. */
export class MemoryAlertLedger implements AlertLedger {
  private readonly status = new Map<string, AlertStatus>();
  constructor(private readonly capacity = 1_000_000) {}

  async claim(events: readonly AlertClaim[]): Promise<Set<string>> {
    const won = new Set<string>();
    for (const e of events) {
      if (this.status.has(e.event_id)) continue;
      this.status.set(e.event_id, 'pending');
      won.add(e.event_id);
      // Bounded: the oldest ids go first (Map iterates in insertion order).
      if (this.status.size > this.capacity) this.status.delete(this.status.keys().next().value!);
    }
    return won;
  }

  async finish(eventId: string, status: Exclude<AlertStatus, 'pending'>): Promise<void> {
    if (this.status.has(eventId)) this.status.set(eventId, status);
  }
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

/** HTTP statuses worth retrying: the receiver may accept the same request later. */
function retryable(status: number): boolean {
  return status === 408 || status === 425 || status === 429 || status >= 500;
}

/**
 * Posts alert events to the webhook with bounded exponential backoff. Every attempt of an
 * event carries the same `Idempotency-Key` (the event id), so a receiver that saw an attempt
 * whose response was lost can drop the repeat.
 */
export class AlertDispatcher {
  private readonly queue: AlertEvent[] = [];
  private active = 0;
  private readonly idle: (() => void)[] = [];
  private readonly stop = new AbortController();
  private readonly o: Required<Omit<AlertDispatcherOptions, 'metrics' | 'log' | 'format'>> &
    Pick<AlertDispatcherOptions, 'metrics' | 'log' | 'format'>;

  constructor(options: AlertDispatcherOptions) {
    this.o = {
      maxAttempts: 6,
      baseDelayMs: 250,
      maxDelayMs: 10_000,
      timeoutMs: 5_000,
      concurrency: 4,
      maxQueue: 10_000,
      ...options,
    };
  }

  /** Claims the events and queues those this process won; returns once they are queued. */
  async submit(events: readonly AlertEvent[]): Promise<void> {
    if (events.length === 0 || this.stop.signal.aborted) return;
    const won = await this.o.ledger.claim(
      events.map((e) => ({
        event_id: e.event_id,
        account_id: e.account_id,
        as_of: e.as_of,
        kind: e.kind,
        payload: JSON.stringify(e),
      })),
    );
    for (const e of events) {
      if (!won.has(e.event_id)) {
        this.o.metrics?.alertsDeduplicated.inc();
        continue;
      }
      if (this.queue.length >= this.o.maxQueue) {
        await this.giveUp(e, 0, 'alert queue full');
        continue;
      }
      this.queue.push(e);
    }
    this.pump();
  }

  /** Events queued or in flight. */
  get pending(): number {
    return this.queue.length + this.active;
  }

  /**
   * Waits for queued and in-flight deliveries, at most `timeoutMs`; what is left then is
   * abandoned and recorded as failed (it was claimed, so it will not be sent later either).
   */
  async drain(timeoutMs = 10_000): Promise<void> {
    if (this.pending > 0) {
      let timer: NodeJS.Timeout | undefined;
      const done = new Promise<void>((resolve) => this.idle.push(resolve));
      const timeout = new Promise<void>((resolve) => (timer = setTimeout(resolve, timeoutMs)));
      await Promise.race([done, timeout]);
      clearTimeout(timer);
    }
    this.stop.abort();
    const left = this.queue.splice(0);
    for (const e of left) await this.giveUp(e, 0, 'service shutting down');
    // In-flight deliveries see the abort and finish promptly.
    if (this.active > 0) await new Promise<void>((resolve) => this.idle.push(resolve));
  }

  private pump(): void {
    while (this.active < this.o.concurrency && this.queue.length > 0 && !this.stop.signal.aborted) {
      const e = this.queue.shift()!;
      this.active++;
      void this.deliver(e).finally(() => {
        this.active--;
        this.pump();
        if (this.pending === 0) for (const resolve of this.idle.splice(0)) resolve();
      });
    }
  }

  private async deliver(e: AlertEvent): Promise<void> {
    const body = JSON.stringify(alertPayload(e, this.o.format ?? 'json'));
    let attempt = 0;
    let lastProblem = '';
    while (attempt < this.o.maxAttempts && !this.stop.signal.aborted) {
      attempt++;
      try {
        const res = await fetch(this.o.webhook, {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            'idempotency-key': e.event_id,
            'user-agent': `churnkit/${VERSION}`,
          },
          body,
          signal: AbortSignal.any([AbortSignal.timeout(this.o.timeoutMs), this.stop.signal]),
        });
        await res.arrayBuffer().catch(() => undefined);
        if (res.ok) {
          this.o.metrics?.alertAttempts.inc({ outcome: 'ok' });
          this.o.metrics?.alertsSent.inc({ kind: e.kind });
          await this.o.ledger.finish(e.event_id, 'sent', attempt).catch((err) =>
            this.o.log?.('error', 'alert ledger update failed', {
              event_id: e.event_id,
              error: (err as Error).message,
            }),
          );
          this.o.log?.('info', 'alert sent', {
            event_id: e.event_id,
            kind: e.kind,
            account_id: e.account_id,
            attempts: attempt,
          });
          return;
        }
        lastProblem = `HTTP ${res.status}`;
        this.o.metrics?.alertAttempts.inc({ outcome: 'http_error' });
        if (!retryable(res.status)) break;
      } catch (err) {
        lastProblem =
          (err as Error).name === 'TimeoutError'
            ? 'timeout'
            : (((err as Error).cause as Error | undefined)?.message ?? (err as Error).message);
        this.o.metrics?.alertAttempts.inc({ outcome: 'network_error' });
      }
      if (attempt < this.o.maxAttempts)
        await this.sleep(Math.min(this.o.maxDelayMs, this.o.baseDelayMs * 2 ** (attempt - 1)));
    }
    await this.giveUp(e, attempt, lastProblem || 'service shutting down');
  }

  private async giveUp(e: AlertEvent, attempts: number, problem: string): Promise<void> {
    this.o.metrics?.alertsFailed.inc({ kind: e.kind });
    this.o.log?.('error', 'alert not delivered', {
      event_id: e.event_id,
      kind: e.kind,
      account_id: e.account_id,
      attempts,
      problem,
    });
    await this.o.ledger.finish(e.event_id, 'failed', attempts).catch(() => undefined);
  }

  private sleep(ms: number): Promise<void> {
    const signal = this.stop.signal;
    return new Promise((resolve) => {
      if (signal.aborted) return resolve();
      const done = () => {
        clearTimeout(timer);
        signal.removeEventListener('abort', done);
        resolve();
      };
      const timer = setTimeout(done, ms);
      signal.addEventListener('abort', done, { once: true });
    });
  }
}
