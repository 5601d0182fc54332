import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { AlertDispatcher, MemoryAlertLedger, alertEventId, detectAlerts, ServiceMetrics, } from '../../src/serve/index.js';
import { openScoreHistory } from '../../src/history/index.js';
import { tempDir } from '../support/paths.js';
import { eventually, get, parseMetrics, post, startReceiver, startService } from './support.js';
let tmp;
before(async () => {
    tmp = await tempDir('churnkit-serve-alerts-');
});
after(() => tmp.cleanup());
const fast = { baseDelayMs: 20, maxDelayMs: 200, timeoutMs: 2000 };
/** A counter's value summed over the series whose labels include `labels`. */
async function counted(counter, labels = {}) {
    const { values } = await counter.get();
    return values
        .filter((v) => Object.entries(labels).every(([k, want]) => v.labels[k] === want))
        .reduce((sum, v) => sum + v.value, 0);
}
function rec(score, band, extra = {}) {
    return {
        account_id: 'A',
        as_of: '2024-06-30',
        score,
        band,
        probability: null,
        escalate: false,
        layers: {},
        overrides: [],
        reasons: ['usage_trend_14d'],
        ...extra,
    };
}
const prev = (score, band, escalate = false) => ({
    account_id: 'A',
    as_of: '2024-05-31',
    score,
    band,
    escalate,
});
test('detectAlerts: band change, a drop of more than N points, a rising escalate flag', () => {
    const rules = { dropThreshold: 15 };
    assert.deepEqual(detectAlerts(rec(72, 'GREEN'), prev(75, 'GREEN'), rules), []);
    assert.deepEqual(detectAlerts(rec(60, 'YELLOW'), prev(75, 'GREEN'), rules).map((e) => e.kind), ['band_change'], 'a drop of exactly N is not more than N');
    // one account change is one event, whatever changed
    const both = detectAlerts(rec(38, 'RED'), prev(75, 'GREEN'), rules, {
        account_name: 'Acme Corp',
        reason_texts: ['Usage fell 35% over the last 14 days vs the 14 before'],
    });
    assert.equal(both.length, 1);
    assert.equal(both[0].kind, 'band_change');
    assert.deepEqual(both[0].kinds, ['band_change', 'score_drop']);
    assert.equal(both[0].score_change, -37);
    assert.deepEqual(both[0].old, { as_of: '2024-05-31', score: 75, band: 'GREEN' });
    assert.deepEqual(both[0].new, { score: 38, band: 'RED' });
    assert.match(both[0].reason, /band changed from GREEN to RED \(score 75 -> 38 since 2024-05-31\)/);
    assert.match(both[0].reason, /score dropped 37 points \(75 -> 38\) since 2024-05-31, more than 15/);
    assert.equal(both[0].text, 'Acme Corp (A) went RED (was GREEN): score 75 -> 38 (-37) since 2024-05-31. Why: Usage fell 35% over the last 14 days vs the 14 before.');
    assert.deepEqual(detectAlerts(rec(38, 'RED', { escalate: true }), prev(75, 'GREEN'), rules)[0].kinds, [
        'band_change',
        'score_drop',
        'escalate',
    ]);
    assert.deepEqual(detectAlerts(rec(20, 'RED'), null, rules), [], 'a first score has nothing to change from');
    assert.deepEqual(detectAlerts(rec(50, 'YELLOW', { escalate: true }), null, rules).map((e) => e.kind), ['escalate']);
    assert.deepEqual(detectAlerts(rec(50, 'YELLOW', { escalate: true }), prev(52, 'YELLOW', false), rules).map((e) => e.kind), ['escalate']);
    assert.deepEqual(detectAlerts(rec(50, 'YELLOW', { escalate: true }), prev(52, 'YELLOW', true), rules), [], 'a flag that stays up does not alert again');
    assert.deepEqual(detectAlerts(rec(80, 'GREEN'), prev(30, 'RED'), rules).map((e) => e.kind), ['band_change'], 'recoveries are band changes too');
});
test('event ids are deterministic in account, as_of and kind', () => {
    const id = alertEventId('A', '2024-06-30', 'band_change');
    assert.match(id, /^[0-9a-f]{32}$/);
    assert.equal(alertEventId('A', '2024-06-30', 'band_change'), id);
    assert.notEqual(alertEventId('A', '2024-06-30', 'score_drop'), id);
    assert.notEqual(alertEventId('A', '2024-07-31', 'band_change'), id);
    assert.notEqual(alertEventId('B', '2024-06-30', 'band_change'), id);
    assert.equal(detectAlerts(rec(30, 'RED'), prev(80, 'GREEN'), { dropThreshold: 15 })[0].event_id, id);
});
// enough of the card present to be scored: an account with too little data raises no alert
const healthy = {
    account_id: 'ACME',
    account_name: 'Acme Corp',
    usage_trend_14d: 0.5,
    login_frequency_change_14d: 0.1,
    license_utilization: 0.9,
    days_since_last_csm_interaction: 5,
    support_ticket_trend_30d: -0.2,
    nps_trend: 1,
};
test('the service posts one alert per account change to a receiver that fails twice, and never again for the same event', async () => {
    const receiver = await startReceiver({ failFirst: 2, failStatus: 503 });
    const history = join(tmp.dir, 'alerts.duckdb');
    const options = { scorecard: 'default', history, alerts: { webhook: receiver.url, dropThreshold: 20, ...fast } };
    let svc = await startService(options);
    try {
        const day1 = (await post(svc.base, '/v1/score', { ...healthy, as_of: '2024-05-31' })).body;
        assert.equal(day1.band, 'GREEN');
        const day2 = (await post(svc.base, '/v1/score', { ...healthy, as_of: '2024-06-30', zero_usage_14d: true })).body;
        assert.equal(day2.band, 'RED');
        await eventually('the event delivered', () => (receiver.received.filter((r) => r.status === 200).length === 1 ? true : undefined), 10_000);
        assert.equal(receiver.received.length, 3, 'one event (band change and drop merged): two failures, then success');
        const byKey = new Map();
        for (const r of receiver.received)
            byKey.set(String(r.headers['idempotency-key']), [...(byKey.get(String(r.headers['idempotency-key'])) ?? []), r]);
        assert.deepEqual([...byKey.keys()].sort(), [alertEventId('ACME', '2024-06-30', 'band_change')]);
        for (const [key, attempts] of byKey) {
            assert.deepEqual(attempts.map((a) => a.status), [503, 503, 200]);
            assert.ok(attempts.every((a) => a.body.event_id === key && JSON.stringify(a.body) === JSON.stringify(attempts[0].body)), 'every attempt is the same event');
            // Exponential backoff: the second wait is about twice the first (lower bounds only: timers never fire early).
            assert.ok(attempts[1].at - attempts[0].at >= 19, 'first retry waits the base delay');
            assert.ok(attempts[2].at - attempts[1].at >= 39, 'second retry waits twice as long');
        }
        const drop = receiver.received.find((r) => r.body.kinds.includes('score_drop')).body;
        assert.deepEqual(drop.kinds, ['band_change', 'score_drop']);
        assert.equal(drop.account_name, 'Acme Corp');
        assert.match(drop.text, /^Acme Corp \(ACME\) went RED \(was GREEN\): score [\d.]+ -> 10 \(-[\d.]+\) since 2024-05-31\. Why: /);
        assert.ok(drop.reason_texts.length > 0);
        assert.equal(drop.account_id, 'ACME');
        assert.equal(drop.as_of, '2024-06-30');
        assert.deepEqual(drop.old, { as_of: '2024-05-31', score: day1.score, band: 'GREEN' });
        assert.deepEqual(drop.new, { score: 10, band: 'RED' });
        assert.equal(drop.score_change, day2.score_change);
        assert.deepEqual(drop.overrides, ['zero_usage_14d']);
        assert.match(drop.reason, /score dropped/);
        assert.match(String(receiver.received[0].headers['content-type']), /application\/json/);
        const m = parseMetrics((await get(svc.base, '/metrics')).text);
        assert.equal(m.get('churnkit_alerts_sent_total{kind="band_change"}'), 1);
        assert.equal(m.get('churnkit_alerts_sent_total{kind="score_drop"}'), undefined);
        assert.equal(m.get('churnkit_alert_attempts_total{outcome="http_error"}'), 2);
        const ledger = await svc.app.churnkit.history.alerts();
        assert.deepEqual(ledger.map((e) => [e.kind, e.status, e.attempts]), [['band_change', 'sent', 3]]);
        // The same day scored again: same events, not sent again.
        await post(svc.base, '/v1/score', { ...healthy, as_of: '2024-06-30', zero_usage_14d: true });
        assert.equal(parseMetrics((await get(svc.base, '/metrics')).text).get('churnkit_alerts_deduplicated_total'), 1);
        // Nor after a restart: the dedupe lives in the history store.
        await svc.close();
        svc = await startService(options);
        await post(svc.base, '/v1/score', { ...healthy, as_of: '2024-06-30', zero_usage_14d: true });
        assert.equal(svc.app.churnkit.alerts.pending, 0);
        // Renewal in 30 days with a low score raises escalate: alerted once, not again while it stays up.
        await post(svc.base, '/v1/score', { ...healthy, as_of: '2024-07-31', zero_usage_14d: true, days_to_renewal: 30 });
        await eventually('the escalate event', () => (receiver.received.some((r) => r.status === 200 && r.body.kind === 'escalate') ? true : undefined), 10_000);
        await post(svc.base, '/v1/score', { ...healthy, as_of: '2024-08-31', zero_usage_14d: true, days_to_renewal: 10 });
        await svc.close();
        assert.equal(receiver.received.filter((r) => r.status === 200).length, 2);
        assert.equal(new Set(receiver.received.map((r) => r.body.event_id)).size, 2);
    }
    finally {
        await svc.close();
        await receiver.close();
    }
});
test('delivery gives up after a bounded number of attempts, and does not retry a 4xx', async () => {
    for (const [status, expectedAttempts] of [
        [500, 3],
        [400, 1],
    ]) {
        const receiver = await startReceiver({ failFirst: 99, failStatus: status });
        const metrics = new ServiceMetrics();
        const ledger = await openScoreHistory(':memory:');
        const d = new AlertDispatcher({ webhook: receiver.url, ledger, metrics, maxAttempts: 3, ...fast });
        try {
            await d.submit(detectAlerts(rec(20, 'RED'), prev(80, 'GREEN'), { dropThreshold: 100 }));
            await eventually('the dispatcher to give up', () => (d.pending === 0 ? true : undefined), 10_000);
            assert.equal(receiver.received.length, expectedAttempts, `HTTP ${status}`);
            assert.equal(await counted(metrics.alertsFailed, { kind: 'band_change' }), 1);
            assert.deepEqual((await ledger.alerts()).map((e) => [e.status, e.attempts]), [['failed', expectedAttempts]]);
            // Failed is final: the event is claimed and not sent again.
            await d.submit(detectAlerts(rec(20, 'RED'), prev(80, 'GREEN'), { dropThreshold: 100 }));
            assert.equal(d.pending, 0);
        }
        finally {
            await d.drain(1000);
            await ledger.close();
            await receiver.close();
        }
    }
});
test('an unreachable webhook is retried, then recorded as failed; shutting down abandons what is left', async () => {
    const receiver = await startReceiver();
    const dead = receiver.url;
    await receiver.close();
    const metrics = new ServiceMetrics();
    const ledger = new MemoryAlertLedger();
    const d = new AlertDispatcher({ webhook: dead, ledger, metrics, maxAttempts: 2, ...fast });
    await d.submit(detectAlerts(rec(20, 'RED'), prev(80, 'GREEN'), { dropThreshold: 10 }));
    await eventually('the dispatcher to give up', () => (d.pending === 0 ? true : undefined), 10_000);
    assert.equal(await counted(metrics.alertAttempts, { outcome: 'network_error' }), 2);
    assert.equal(await counted(metrics.alertsFailed), 1);
    const slow = new AlertDispatcher({
        webhook: dead,
        ledger: new MemoryAlertLedger(),
        metrics,
        maxAttempts: 50,
        baseDelayMs: 1000,
        maxDelayMs: 1000,
    });
    await slow.submit(detectAlerts(rec(20, 'RED'), prev(80, 'GREEN'), { dropThreshold: 10 }));
    const t0 = performance.now();
    await slow.drain(100);
    assert.ok(performance.now() - t0 < 3000, 'drain is bounded');
    assert.equal(slow.pending, 0);
    assert.equal(await counted(metrics.alertsFailed), 2);
});
test('without a history store, escalations still alert once per account and day', async () => {
    const receiver = await startReceiver();
    const svc = await startService({ scorecard: 'default', alerts: { webhook: receiver.url, ...fast } });
    try {
        const body = { ...healthy, account_id: 'B', as_of: '2024-06-30', zero_usage_14d: true, days_to_renewal: 20 };
        assert.equal((await post(svc.base, '/v1/score', body)).body.escalate, true);
        await post(svc.base, '/v1/score', body);
        await post(svc.base, '/v1/score/batch', { accounts: [body] });
        await eventually('one delivery', () => (receiver.received.length >= 1 ? true : undefined), 10_000);
        await svc.close();
        assert.equal(receiver.received.length, 1);
        assert.equal(receiver.received[0].body.kind, 'escalate');
        assert.equal(receiver.received[0].body.old, null);
    }
    finally {
        await svc.close();
        await receiver.close();
    }
});
for (const format of ['slack', 'teams']) {
    test(`--alerts-format ${format}: the receiver gets that webhook's message with the alert text`, async () => {
        const receiver = await startReceiver();
        const svc = await startService({ scorecard: 'default', alerts: { webhook: receiver.url, format, ...fast } });
        try {
            await post(svc.base, '/v1/score', { ...healthy, as_of: '2024-06-30', zero_usage_14d: true, days_to_renewal: 20 });
            await eventually('one delivery', () => (receiver.received.length >= 1 ? true : undefined), 10_000);
            const body = receiver.received[0].body;
            const text = /^Acme Corp \(ACME\) needs escalation \(RED\): score 10\. Why: /;
            if (format === 'slack') {
                assert.deepEqual(Object.keys(body).sort(), ['blocks', 'text']);
                assert.match(body.text, text);
                assert.equal(body.blocks[0].text.text, body.text);
            }
            else {
                assert.equal(body.type, 'message');
                const card = body.attachments[0];
                assert.equal(card.contentType, 'application/vnd.microsoft.card.adaptive');
                assert.equal(card.content.type, 'AdaptiveCard');
                assert.match(card.content.body[0].text, text);
            }
        }
        finally {
            await svc.close();
            await receiver.close();
        }
    });
}
//# sourceMappingURL=alerts.test.js.map