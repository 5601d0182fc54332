import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import {
  AlertDispatcher,
  MemoryAlertLedger,
  alertEventId,
  detectAlerts,
  ServiceMetrics,
} from '../../src/serve/index.js';
import { openScoreHistory, type ScoreRecord } from '../../src/history/index.js';
import { tempDir } from '../support/paths.js';
import { eventually, get, parseMetrics, post, startReceiver, startService } from './support.js';

let tmp: { dir: string; cleanup: () => Promise<void> };
before(async () => {
  tmp = await tempDir('churnkit-serve-alerts-');
});
after(() => tmp.cleanup());

const fast = { baseDelayMs: 20, maxDelayMs: 200, timeoutMs: 2000 };

function rec(score: number, band: string, extra: Partial<ScoreRecord> = {}): ScoreRecord {
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
const prev = (score: number, band: string, escalate = false) => ({
  account_id: 'A',
  as_of: '2024-05-31',
  score,
  band,
  escalate,
});

test('detectAlerts: band change, a drop of more than N points, a rising escalate flag', () => {
  const rules = { dropThreshold: 15 };
  assert.deepEqual(detectAlerts(rec(72, 'GREEN'), prev(75, 'GREEN'), rules), []);
  assert.deepEqual(
    detectAlerts(rec(60, 'YELLOW'), prev(75, 'GREEN'), rules).map((e) => e.kind),
    ['band_change'],
    'a drop of exactly N is not more than N',
  );
  const both = detectAlerts(rec(38, 'RED'), prev(75, 'GREEN'), rules);
  assert.deepEqual(
    both.map((e) => e.kind),
    ['band_change', 'score_drop'],
  );
  assert.equal(both[1]!.score_change, -37);
  assert.deepEqual(both[1]!.old, { as_of: '2024-05-31', score: 75, band: 'GREEN' });
  assert.deepEqual(both[1]!.new, { score: 38, band: 'RED' });
  assert.match(both[0]!.reason, /band changed from GREEN to RED \(score 75 -> 38 since 2024-05-31\)/);
  assert.match(both[1]!.reason, /score dropped 37 points \(75 -> 38\) since 2024-05-31, more than 15/);
  assert.deepEqual(detectAlerts(rec(20, 'RED'), null, rules), [], 'a first score has nothing to change from');
  assert.deepEqual(
    detectAlerts(rec(50, 'YELLOW', { escalate: true }), null, rules).map((e) => e.kind),
    ['escalate'],
  );
  assert.deepEqual(
    detectAlerts(rec(50, 'YELLOW', { escalate: true }), prev(52, 'YELLOW', false), rules).map((e) => e.kind),
    ['escalate'],
  );
  assert.deepEqual(
    detectAlerts(rec(50, 'YELLOW', { escalate: true }), prev(52, 'YELLOW', true), rules),
    [],
    'a flag that stays up does not alert again',
  );
  assert.deepEqual(
    detectAlerts(rec(80, 'GREEN'), prev(30, 'RED'), rules).map((e) => e.kind),
    ['band_change'],
    'recoveries are band changes too',
  );
});

test('event ids are deterministic in account, as_of and kind', () => {
  const id = alertEventId('A', '2024-06-30', 'band_change');
  assert.match(id, /^[0-9a-f]{32}$/);
  assert.equal(alertEventId('A', '2024-06-30', 'band_change'), id);
  assert.notEqual(alertEventId('A', '2024-06-30', 'score_drop'), id);
  assert.notEqual(alertEventId('A', '2024-07-31', 'band_change'), id);
  assert.notEqual(alertEventId('B', '2024-06-30', 'band_change'), id);
  assert.equal(detectAlerts(rec(30, 'RED'), prev(80, 'GREEN'), { dropThreshold: 15 })[0]!.event_id, id);
});

const healthy = {
  account_id: 'ACME',
  usage_trend_14d: 0.5,
  license_utilization: 0.9,
  days_since_last_csm_interaction: 5,
  support_ticket_trend_30d: -0.2,
};

test('the service posts alerts to a receiver that fails twice, once per event, and never again for the same event', async () => {
  const receiver = await startReceiver({ failFirst: 2, failStatus: 503 });
  const history = join(tmp.dir, 'alerts.duckdb');
  const options = { scorecard: 'default', history, alerts: { webhook: receiver.url, dropThreshold: 20, ...fast } };
  let svc = await startService(options);
  try {
    const day1 = (await post(svc.base, '/v1/score', { ...healthy, as_of: '2024-05-31' })).body;
    assert.equal(day1.band, 'GREEN');
    const day2 = (await post(svc.base, '/v1/score', { ...healthy, as_of: '2024-06-30', zero_usage_14d: true })).body;
    assert.equal(day2.band, 'RED');

    await eventually(
      'two events delivered',
      () => (receiver.received.filter((r) => r.status === 200).length === 2 ? true : undefined),
      10_000,
    );
    assert.equal(receiver.received.length, 6, 'three attempts per event: two failures, then success');
    const byKey = new Map<string, typeof receiver.received>();
    for (const r of receiver.received)
      byKey.set(String(r.headers['idempotency-key']), [...(byKey.get(String(r.headers['idempotency-key'])) ?? []), r]);
    assert.deepEqual(
      [...byKey.keys()].sort(),
      [alertEventId('ACME', '2024-06-30', 'band_change'), alertEventId('ACME', '2024-06-30', 'score_drop')].sort(),
    );
    for (const [key, attempts] of byKey) {
      assert.deepEqual(
        attempts.map((a) => a.status),
        [503, 503, 200],
      );
      assert.ok(
        attempts.every((a) => a.body.event_id === key && JSON.stringify(a.body) === JSON.stringify(attempts[0]!.body)),
        'every attempt is the same event',
      );
      // Exponential backoff: the second wait is about twice the first (lower bounds only: timers never fire early).
      assert.ok(attempts[1]!.at - attempts[0]!.at >= 19, 'first retry waits the base delay');
      assert.ok(attempts[2]!.at - attempts[1]!.at >= 39, 'second retry waits twice as long');
    }
    const drop = receiver.received.find((r) => r.body.kind === 'score_drop')!.body;
    assert.equal(drop.account_id, 'ACME');
    assert.equal(drop.as_of, '2024-06-30');
    assert.deepEqual(drop.old, { as_of: '2024-05-31', score: day1.score, band: 'GREEN' });
    assert.deepEqual(drop.new, { score: 10, band: 'RED' });
    assert.equal(drop.score_change, day2.score_change);
    assert.deepEqual(drop.overrides, ['zero_usage_14d']);
    assert.match(drop.reason, /score dropped/);
    assert.match(String(receiver.received[0]!.headers['content-type']), /application\/json/);

    const m = parseMetrics((await get(svc.base, '/metrics')).text);
    assert.equal(m.get('churnkit_alerts_sent_total{kind="band_change"}'), 1);
    assert.equal(m.get('churnkit_alerts_sent_total{kind="score_drop"}'), 1);
    assert.equal(m.get('churnkit_alert_attempts_total{outcome="http_error"}'), 4);
    const ledger = await svc.app.churnkit.history!.alerts();
    assert.deepEqual(ledger.map((e) => [e.kind, e.status, e.attempts]).sort(), [
      ['band_change', 'sent', 3],
      ['score_drop', 'sent', 3],
    ]);

    // The same day scored again: same events, not sent again.
    await post(svc.base, '/v1/score', { ...healthy, as_of: '2024-06-30', zero_usage_14d: true });
    assert.equal(parseMetrics((await get(svc.base, '/metrics')).text).get('churnkit_alerts_deduplicated_total'), 2);

    // Nor after a restart: the dedupe lives in the history store.
    await svc.close();
    svc = await startService(options);
    await post(svc.base, '/v1/score', { ...healthy, as_of: '2024-06-30', zero_usage_14d: true });
    assert.equal(svc.app.churnkit.alerts!.pending, 0);

    // Renewal in 30 days with a low score raises escalate: alerted once, not again while it stays up.
    await post(svc.base, '/v1/score', { ...healthy, as_of: '2024-07-31', zero_usage_14d: true, days_to_renewal: 30 });
    await eventually(
      'the escalate event',
      () => (receiver.received.some((r) => r.status === 200 && r.body.kind === 'escalate') ? true : undefined),
      10_000,
    );
    await post(svc.base, '/v1/score', { ...healthy, as_of: '2024-08-31', zero_usage_14d: true, days_to_renewal: 10 });
    await svc.close();
    assert.equal(receiver.received.filter((r) => r.status === 200).length, 3);
    assert.equal(new Set(receiver.received.map((r) => r.body.event_id)).size, 3);
  } finally {
    await svc.close();
    await receiver.close();
  }
});

test('delivery gives up after a bounded number of attempts, and does not retry a 4xx', async () => {
  for (const [status, expectedAttempts] of [
    [500, 3],
    [400, 1],
  ] as const) {
    const receiver = await startReceiver({ failFirst: 99, failStatus: status });
    const metrics = new ServiceMetrics();
    const ledger = await openScoreHistory(':memory:');
    const d = new AlertDispatcher({ webhook: receiver.url, ledger, metrics, maxAttempts: 3, ...fast });
    try {
      await d.submit(detectAlerts(rec(20, 'RED'), prev(80, 'GREEN'), { dropThreshold: 100 }));
      await eventually('the dispatcher to give up', () => (d.pending === 0 ? true : undefined), 10_000);
      assert.equal(receiver.received.length, expectedAttempts, `HTTP ${status}`);
      assert.equal(metrics.alertsFailed.get({ kind: 'band_change' }), 1);
      assert.deepEqual(
        (await ledger.alerts()).map((e) => [e.status, e.attempts]),
        [['failed', expectedAttempts]],
      );
      // Failed is final: the event is claimed and not sent again.
      await d.submit(detectAlerts(rec(20, 'RED'), prev(80, 'GREEN'), { dropThreshold: 100 }));
      assert.equal(d.pending, 0);
    } finally {
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
  assert.equal(metrics.alertAttempts.get({ outcome: 'network_error' }), 4);
  assert.equal(metrics.alertsFailed.total(), 2);

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
  assert.equal(metrics.alertsFailed.total(), 4);
});

test('without a history store, escalations still alert once per account and day', async () => {
  const receiver = await startReceiver();
  const svc = await startService({ scorecard: 'default', alerts: { webhook: receiver.url, ...fast } });
  try {
    const body = { account_id: 'B', as_of: '2024-06-30', zero_usage_14d: true, days_to_renewal: 20 };
    assert.equal((await post(svc.base, '/v1/score', body)).body.escalate, true);
    await post(svc.base, '/v1/score', body);
    await post(svc.base, '/v1/score/batch', { accounts: [body] });
    await eventually('one delivery', () => (receiver.received.length >= 1 ? true : undefined), 10_000);
    await svc.close();
    assert.equal(receiver.received.length, 1);
    assert.equal(receiver.received[0]!.body.kind, 'escalate');
    assert.equal(receiver.received[0]!.body.old, null);
  } finally {
    await svc.close();
    await receiver.close();
  }
});
