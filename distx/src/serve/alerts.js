import { createHash } from 'node:crypto';
import { VERSION } from '../util/index.js';
import { roundChange } from '../history/index.js';
import { scoreForPeople } from '../catalogue/index.js';
export const DEFAULT_DROP_THRESHOLD = 15;
/** The deterministic id of one alert: the same account, day and kind is the same event. */
export function alertEventId(accountId, asOf, kind) {
    return createHash('sha256')
        .update(`churnkit.alert\u0000${accountId}\u0000${asOf}\u0000${kind}`)
        .digest('hex')
        .slice(0, 32);
}
const fmt = (n) => String(Math.round(n * 10) / 10);
/**
 * The alert a new score raises against the previous one: at most one event per account and
 * as-of, whatever changed (band, a drop of more than N points, the escalate flag rising).
 */
export function detectAlerts(current, previous, rules, context = {}) {
    const change = previous ? roundChange(current.score - previous.score) : null;
    const kinds = [];
    const what = [];
    if (previous && previous.band !== current.band) {
        kinds.push('band_change');
        what.push(`band changed from ${previous.band} to ${current.band} (score ${fmt(previous.score)} -> ${fmt(current.score)} since ${previous.as_of})`);
    }
    if (previous && change !== null && -change > rules.dropThreshold) {
        kinds.push('score_drop');
        what.push(`score dropped ${fmt(-change)} points (${fmt(previous.score)} -> ${fmt(current.score)}) since ${previous.as_of}, more than ${rules.dropThreshold}`);
    }
    // The flag alerts when it rises, not on every day it stays up.
    if (current.escalate && !previous?.escalate) {
        kinds.push('escalate');
        what.push(`escalation flagged at score ${fmt(current.score)} (${current.band})`);
    }
    if (kinds.length === 0)
        return [];
    const name = context.account_name ?? null;
    const reasonTexts = context.reason_texts ?? [];
    return [
        {
            event_id: alertEventId(current.account_id, current.as_of, kinds[0]),
            kind: kinds[0],
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
function alertText(current, previous, change, kinds, name, reasonTexts) {
    const who = name ? `${name} (${current.account_id})` : current.account_id;
    const parts = [];
    if (kinds.includes('band_change'))
        parts.push(`went ${current.band} (was ${previous.band})`);
    else if (kinds.includes('score_drop'))
        parts.push(`dropped ${fmt(-change)} points, still ${current.band}`);
    const moved = previous && change !== null
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
export const ALERT_FORMATS = ['json', 'slack', 'teams'];
/**
 * The body posted for an event: the event itself (`json`), a Slack incoming-webhook message
 * (`text` and one section block), or a Microsoft Teams webhook message (a Workflows "when a
 * webhook request is received" flow, or an incoming webhook) carrying an Adaptive Card.
 */
export function alertPayload(e, format) {
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
export class MemoryAlertLedger {
    capacity;
    status = new Map();
    constructor(capacity = 1_000_000) {
        this.capacity = capacity;
    }
    async claim(events) {
        const won = new Set();
        for (const e of events) {
            if (this.status.has(e.event_id))
                continue;
            this.status.set(e.event_id, 'pending');
            won.add(e.event_id);
            // Bounded: the oldest ids go first (Map iterates in insertion order).
            if (this.status.size > this.capacity)
                this.status.delete(this.status.keys().next().value);
        }
        return won;
    }
    async finish(eventId, status) {
        if (this.status.has(eventId))
            this.status.set(eventId, status);
    }
}
/** HTTP statuses worth retrying: the receiver may accept the same request later. */
function retryable(status) {
    return status === 408 || status === 425 || status === 429 || status >= 500;
}
/**
 * Posts alert events to the webhook with bounded exponential backoff. Every attempt of an
 * event carries the same `Idempotency-Key` (the event id), so a receiver that saw an attempt
 * whose response was lost can drop the repeat.
 */
export class AlertDispatcher {
    queue = [];
    active = 0;
    idle = [];
    stop = new AbortController();
    o;
    constructor(options) {
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
    async submit(events) {
        if (events.length === 0 || this.stop.signal.aborted)
            return;
        const won = await this.o.ledger.claim(events.map((e) => ({
            event_id: e.event_id,
            account_id: e.account_id,
            as_of: e.as_of,
            kind: e.kind,
            payload: JSON.stringify(e),
        })));
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
    get pending() {
        return this.queue.length + this.active;
    }
    /**
     * Waits for queued and in-flight deliveries, at most `timeoutMs`; what is left then is
     * abandoned and recorded as failed (it was claimed, so it will not be sent later either).
     */
    async drain(timeoutMs = 10_000) {
        if (this.pending > 0) {
            let timer;
            const done = new Promise((resolve) => this.idle.push(resolve));
            const timeout = new Promise((resolve) => (timer = setTimeout(resolve, timeoutMs)));
            await Promise.race([done, timeout]);
            clearTimeout(timer);
        }
        this.stop.abort();
        const left = this.queue.splice(0);
        for (const e of left)
            await this.giveUp(e, 0, 'service shutting down');
        // In-flight deliveries see the abort and finish promptly.
        if (this.active > 0)
            await new Promise((resolve) => this.idle.push(resolve));
    }
    pump() {
        while (this.active < this.o.concurrency && this.queue.length > 0 && !this.stop.signal.aborted) {
            const e = this.queue.shift();
            this.active++;
            void this.deliver(e).finally(() => {
                this.active--;
                this.pump();
                if (this.pending === 0)
                    for (const resolve of this.idle.splice(0))
                        resolve();
            });
        }
    }
    async deliver(e) {
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
                    await this.o.ledger.finish(e.event_id, 'sent', attempt).catch((err) => this.o.log?.('error', 'alert ledger update failed', {
                        event_id: e.event_id,
                        error: err.message,
                    }));
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
                if (!retryable(res.status))
                    break;
            }
            catch (err) {
                lastProblem =
                    err.name === 'TimeoutError'
                        ? 'timeout'
                        : (err.cause?.message ?? err.message);
                this.o.metrics?.alertAttempts.inc({ outcome: 'network_error' });
            }
            if (attempt < this.o.maxAttempts)
                await this.sleep(Math.min(this.o.maxDelayMs, this.o.baseDelayMs * 2 ** (attempt - 1)));
        }
        await this.giveUp(e, attempt, lastProblem || 'service shutting down');
    }
    async giveUp(e, attempts, problem) {
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
    sleep(ms) {
        const signal = this.stop.signal;
        return new Promise((resolve) => {
            if (signal.aborted)
                return resolve();
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
//# sourceMappingURL=alerts.js.map