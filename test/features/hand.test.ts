/**
 * The hand-worked fixture (test/fixtures/features/hand): eight accounts whose every feature at
 * T = 2024-04-01 is worked out below from the CSV rows, with the arithmetic in comments.
 *
 * Windows at T = 2024-04-01 (2024 is a leap year):
 *   last 14d  = [03-18, 04-01)   prior 14d  = [03-04, 03-18)
 *   last 30d  = [03-02, 04-01)   prior 30d  = [02-01, 03-02)
 *   last 180d = [2023-10-04, 04-01)   prior 180d = [2023-04-07, 2023-10-04)
 * Anything stamped 2024-04-01T00:00:00 is at T and must be invisible.
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { copyFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { openHistory, type History } from '../../src/data/history.js';
import { queryRows } from '../../src/data/duckdb.js';
import {
  buildFeatures,
  duckdbDialect,
  featureSql,
  FEATURE_TABLE_COLUMNS,
  FEATURE_TABLE_TYPES,
  type FeatureBuild,
} from '../../src/features/index.js';
import { ChurnkitError, InputError, UsageError } from '../../src/util/errors.js';
import { addDays } from '../../src/util/dates.js';
import { fixture, tempDir } from '../support/paths.js';

type Row = Record<string, unknown>;
const HAND = fixture('features', 'hand');
const T = '2024-04-01';

async function featureRows(h: History, b: FeatureBuild): Promise<Map<string, Row>> {
  const rows = await queryRows(
    h.connection,
    `SELECT * REPLACE (strftime(as_of, '%Y-%m-%d') AS as_of) FROM "${b.relation}"`,
  );
  return new Map(rows.map((r) => [`${r['account_id']}@${r['as_of']}`, r]));
}

let history: History;
let built: FeatureBuild;
let rows: Map<string, Row>;
const at = (account: string, asOf = T): Row => {
  const r = rows.get(`${account}@${asOf}`);
  assert.ok(r, `no snapshot row for ${account} at ${asOf}`);
  return r;
};
const close = (actual: unknown, expected: number, what: string) => {
  assert.equal(typeof actual, 'number', `${what}: expected a number, got ${String(actual)}`);
  assert.ok(Math.abs((actual as number) - expected) < 1e-12, `${what}: ${String(actual)} != ${expected}`);
};

before(async () => {
  history = await openHistory(HAND);
  built = await buildFeatures(history);
  rows = await featureRows(history, built);
});
after(() => history.close());

test('as-of dates: the 1st of each month after the earliest started_at through data_end', () => {
  // Earliest started_at is A8's 2024-01-10; the latest usage is 2024-06-30T18:00 -> data_end 2024-06-30.
  assert.equal(built.dataEnd, '2024-06-30');
  assert.deepEqual(built.asOf, ['2024-02-01', '2024-03-01', '2024-04-01', '2024-05-01', '2024-06-01']);
});

test('snapshot rows are the accounts active at T: started_at < T and (churned_at NULL or > T)', () => {
  const ids = (d: string) => [...rows.values()].filter((r) => r['as_of'] === d).map((r) => r['account_id']);
  // A5 churned on T itself (not active), A7 starts on T itself (not yet active).
  assert.deepEqual(ids(T), ['A1', 'A2', 'A3', 'A4', 'A6', 'A8']);
  // A3 started 02-10 and A4 03-01 (03-01 < 03-01 is false); A5 is active until its churn.
  assert.deepEqual(ids('2024-02-01'), ['A1', 'A2', 'A5', 'A8']);
  assert.deepEqual(ids('2024-03-01'), ['A1', 'A2', 'A3', 'A5', 'A8']);
  // A2 churned 05-10: active on 05-01, gone on 06-01; A7 appears on 05-01.
  assert.deepEqual(ids('2024-05-01'), ['A1', 'A2', 'A3', 'A4', 'A6', 'A7', 'A8']);
  assert.deepEqual(ids('2024-06-01'), ['A1', 'A3', 'A4', 'A6', 'A7', 'A8']);
});

test('column order and types are the feature table contract', async () => {
  const described = await queryRows(history.connection, `DESCRIBE "${built.relation}"`);
  assert.deepEqual(
    described.map((d) => d['column_name']),
    [...FEATURE_TABLE_COLUMNS],
  );
  for (const d of described)
    assert.equal(d['column_type'], FEATURE_TABLE_TYPES[String(d['column_name'])], String(d['column_name']));
  assert.equal(built.rows, 28);
  assert.equal(built.accounts, 8);
});

test('usage_trend_14d: rel_change of non-login quantity, boundaries, clipping', () => {
  // A1 prior [03-04, 03-18): report 2 at 03-04T00:00 (boundary, in) + export 3 at 03-17T23:59:59 = 5
  //    last [03-18, 04-01): report 4 at 03-18T00:00 (boundary, in) + api_call 6 (counts as usage)
  //                         + dashboard with empty quantity (default 1) + audit 0 + report 0 = 11
  //    the report of 100 at 04-01T00:00 is at T: invisible.   11/5 - 1 = 1.2
  close(at('A1')['usage_trend_14d'], 11 / 5 - 1, 'A1');
  // A2: last 5, prior 0 -> 3 (P = 0 and L > 0)
  close(at('A2')['usage_trend_14d'], 3, 'A2');
  // A3: last 0 (its report at T is invisible), prior 2 -> 0/2 - 1 = -1
  close(at('A3')['usage_trend_14d'], -1, 'A3');
  // A4: last 10, prior 1 + 0.25 (a fractional quantity: summed as an exact decimal) -> 10/1.25 - 1 = 7, clipped to 3
  close(at('A4')['usage_trend_14d'], 3, 'A4');
  // A6, A8: no usage at all -> both windows 0 -> 0
  close(at('A6')['usage_trend_14d'], 0, 'A6');
  close(at('A8')['usage_trend_14d'], 0, 'A8');
});

test('login_frequency_change_14d: rel_change of login quantity', () => {
  // A1: last = 1 (03-20) + 1 (03-21) = 2; prior = 4 (03-10) -> 2/4 - 1 = -0.5
  close(at('A1')['login_frequency_change_14d'], -0.5, 'A1');
  // A3: its login on 02-20 is outside both 14-day windows -> 0/0 -> 0
  close(at('A3')['login_frequency_change_14d'], 0, 'A3');
  close(at('A2')['login_frequency_change_14d'], 0, 'A2');
});

test('zero_usage_14d: no usage row with quantity > 0 in the last 14 days', () => {
  assert.equal(at('A1')['zero_usage_14d'], false);
  assert.equal(at('A2')['zero_usage_14d'], false);
  // A3's only recent row is at T exactly: invisible, so still zero usage.
  assert.equal(at('A3')['zero_usage_14d'], true);
  assert.equal(at('A6')['zero_usage_14d'], true);
});

test('license_utilization: distinct users with usage last 30d / seats; NULL for NULL or 0 seats', () => {
  // A1 users with quantity > 0 in [03-02, 04-01): u1, u2, u3, u4 (u5 only has a 0-quantity row,
  // u6's settings row is 03-01 = prior window, the NULL user is not a user) -> 4 / 10 seats
  close(at('A1')['license_utilization'], 0.4, 'A1');
  assert.equal(at('A2')['license_utilization'], null, 'A2 has seats = 0');
  assert.equal(at('A3')['license_utilization'], null, 'A3 has no seats');
  // A4: u1 / 5 seats; A6: nobody / 4 seats = 0
  close(at('A4')['license_utilization'], 0.2, 'A4');
  close(at('A6')['license_utilization'], 0, 'A6');
});

test('feature_adoption_breadth_change_30d: distinct feature events, not login or api_call', () => {
  // A1 last [03-02, 04-01): report, export, dashboard (audit has quantity 0; api_call, login excluded) = 3
  //    prior [02-01, 03-02): report at 02-01T00:00 (boundary, in), settings at 03-01 = 2;
  //    billing at 01-31T23:59:59 is before the window.   3/2 - 1 = 0.5
  close(at('A1')['feature_adoption_breadth_change_30d'], 0.5, 'A1');
  close(at('A2')['feature_adoption_breadth_change_30d'], 3, 'A2 (1 vs 0)');
  close(at('A6')['feature_adoption_breadth_change_30d'], 0, 'A6 (0 vs 0)');
});

test('support_ticket_trend_30d and active_escalation', () => {
  // A1 last 30d: T1 (03-05), T2 (03-20), T4 (03-31) = 3; prior: T3 (02-10) = 1 -> 3/1 - 1 = 2
  close(at('A1')['support_ticket_trend_30d'], 2, 'A1');
  // T4 is escalated and closes at 04-01T10:00 > T 00:00: in effect at T.
  assert.equal(at('A1')['active_escalation'], true);
  // A2: T5 (02-15) in the prior window only -> 0/1 - 1 = -1; escalated but closed 03-01.
  close(at('A2')['support_ticket_trend_30d'], -1, 'A2');
  assert.equal(at('A2')['active_escalation'], false);
  // A3: T6 (03-25) escalated and open; T7 opened at T is invisible -> 1 vs 0 -> 3
  close(at('A3')['support_ticket_trend_30d'], 3, 'A3');
  assert.equal(at('A3')['active_escalation'], true);
  // A4: T8, T9 -> 2 vs 0 -> 3; T9 is escalated but closed exactly at T (E > T fails): not in effect.
  close(at('A4')['support_ticket_trend_30d'], 3, 'A4');
  assert.equal(at('A4')['active_escalation'], false);
  // A6: no tickets: 0 vs 0 -> 0
  close(at('A6')['support_ticket_trend_30d'], 0, 'A6');
  assert.equal(at('A6')['active_escalation'], false);
});

test('champion_engagement_change_30d and champion_departed', () => {
  // A1: C1 is a champion in effect; C2's role ends exactly at T (not in effect).
  //   C1 last 30d: csm_call 03-10, email_reply 03-25 = 2 (the csm_call at T is invisible)
  //   C1 prior 30d: training 02-15, csm_meeting 02-20 = 2;   C2's csm_email 03-12 does not count.
  //   2/2 - 1 = 0
  close(at('A1')['champion_engagement_change_30d'], 0, 'A1');
  assert.equal(at('A1')['champion_departed'], false);
  // A2: never had a champion -> NULL, not departed
  assert.equal(at('A2')['champion_engagement_change_30d'], null);
  assert.equal(at('A2')['champion_departed'], false);
  // A3: champion C5 ended 03-15 -> none in effect, one started before T -> NULL and departed
  assert.equal(at('A3')['champion_engagement_change_30d'], null);
  assert.equal(at('A3')['champion_departed'], true);
  // A4: champion C6 starts exactly at T -> not in effect and not "started before T"
  assert.equal(at('A4')['champion_engagement_change_30d'], null);
  assert.equal(at('A4')['champion_departed'], false);
  // On 03-01, A3's C5 was in effect (02-10 < 03-01 < 03-15): a value, not departed.
  close(at('A3', '2024-03-01')['champion_engagement_change_30d'], 0, 'A3 on 03-01 (no touches)');
  assert.equal(at('A3', '2024-03-01')['champion_departed'], false);
});

test('days_since_last_csm_interaction: latest CSM kind before T, else since started_at', () => {
  // A1: latest CSM touch before T is the qbr on 03-28 (the csm_call at T is invisible): 04-01 - 03-28 = 4
  close(at('A1')['days_since_last_csm_interaction'], 4, 'A1');
  // A2: only a webinar (not a CSM kind) -> since started_at 01-20: 11 + 29 + 31 + 1 = 72
  close(at('A2')['days_since_last_csm_interaction'], 72, 'A2');
  // A3: a csm_call on 2023-12-01, before its start: still the latest -> 31 + 31 + 29 + 31 = 122
  close(at('A3')['days_since_last_csm_interaction'], 122, 'A3');
  // A4: csm_meeting at 03-31T23:59:59 -> day 03-31 -> 1
  close(at('A4')['days_since_last_csm_interaction'], 1, 'A4');
  // A6: none -> tenure 1 (started 03-31)
  close(at('A6')['days_since_last_csm_interaction'], 1, 'A6');
});

test('days_since_last_integration_added: latest connected_at before T, else since started_at', () => {
  // A1: salesforce 03-15 (disconnected since, still the latest added); jira at T invisible -> 17
  close(at('A1')['days_since_last_integration_added'], 17, 'A1');
  // A3: hubspot 2023-11-01 -> 30 + 31 + 31 + 29 + 31 = 152
  close(at('A3')['days_since_last_integration_added'], 152, 'A3');
  // A8: none -> since started_at 01-10: 21 + 29 + 31 + 1 = 82
  close(at('A8')['days_since_last_integration_added'], 82, 'A8');
});

test('nps_trend: mean last 180d minus mean prior 180d, NULL unless both have responses', () => {
  // A1 last [2023-10-04, T): 10 (exactly 2023-10-04T00:00, in), 7, 9 -> 26/3; the 0 at T is invisible
  //    prior [2023-04-07, 2023-10-04): 6 -> 26/3 - 6
  close(at('A1')['nps_trend'], 26 / 3 - 6, 'A1');
  assert.equal(at('A2')['nps_trend'], null, 'A2: last window only');
  assert.equal(at('A3')['nps_trend'], null, 'A3: prior window only');
  assert.equal(at('A6')['nps_trend'], null, 'A6: no responses');
});

test('contracts: annual_value, days_to_renewal and contract_value_vs_usage_ratio', () => {
  // A1: K1 (12000, ends 2025-01-15) and K2 (6000, ends 09-01) in effect; K0 ended 01-15.
  assert.equal(at('A1')['annual_value'], 18000);
  assert.equal(at('A1')['days_to_renewal'], 153); // 04-01 -> 09-01: 30+31+30+31+31
  // A4: K4 ends exactly at T and K5 starts exactly at T -> no contract in effect
  assert.equal(at('A4')['annual_value'], null);
  assert.equal(at('A4')['days_to_renewal'], null);
  assert.equal(at('A4')['contract_value_vs_usage_ratio'], null);
  assert.equal(at('A2')['contract_value_vs_usage_ratio'], null, 'A2 has no contract');
  // value per user = ARR / max(1, distinct users last 30d):
  //   enterprise: A1 18000 / 4 = 4500, A8 9000 / max(1, 0) = 9000 -> median 6750
  //   smb: A3 1200 / 1 (u1 on 03-10) = 1200 -> median 1200;   NULL segment: A6 4000 / 1 -> 4000
  close(at('A1')['contract_value_vs_usage_ratio'], 4500 / 6750, 'A1');
  close(at('A8')['contract_value_vs_usage_ratio'], 9000 / 6750, 'A8');
  close(at('A3')['contract_value_vs_usage_ratio'], 1, 'A3');
  close(at('A6')['contract_value_vs_usage_ratio'], 1, 'A6 (NULL segment is its own group)');
  assert.equal(at('A6')['segment'], null);
  assert.equal(at('A6')['days_to_renewal'], 364); // 2025-03-31 - 2024-04-01
});

test('tenure_days and seats', () => {
  assert.equal(at('A1')['tenure_days'], 77); // 01-15 -> 04-01: 16 + 29 + 31 + 1
  assert.equal(at('A6')['tenure_days'], 1);
  assert.equal(at('A1')['seats'], 10);
  assert.equal(at('A2')['seats'], 0);
  assert.equal(at('A3')['seats'], null);
});

test('churned_within_90d: 1 if T < churned_at <= T+90, 0 if known, NULL when censored', () => {
  const label = (a: string, d: string) => at(a, d)['churned_within_90d'];
  // 02-01 + 90 = 05-01: A5 (churned 04-01) -> 1; A2 (churned 05-10) -> 0; known since 05-01 <= 06-30
  assert.equal(label('A5', '2024-02-01'), 1);
  assert.equal(label('A2', '2024-02-01'), 0);
  assert.equal(label('A1', '2024-02-01'), 0);
  // 03-01 + 90 = 05-30: A2 and A5 -> 1
  assert.equal(label('A2', '2024-03-01'), 1);
  assert.equal(label('A5', '2024-03-01'), 1);
  // 04-01 + 90 = 06-30 = data_end: still known
  assert.equal(label('A2', T), 1);
  assert.equal(label('A1', T), 0);
  // 05-01 + 90 = 07-30 > data_end: censored unless the churn is already seen
  assert.equal(label('A2', '2024-05-01'), 1);
  assert.equal(label('A1', '2024-05-01'), null);
  assert.equal(label('A7', '2024-06-01'), null);
});

test('--horizon and --data-end move the label window and the censoring', async () => {
  const b = await buildFeatures(history, { horizon: 30, dataEnd: '2024-05-15', relation: 'short_horizon' });
  const r = await featureRows(history, b);
  // data_end 05-15 drops the 06-01 snapshot; 04-01 + 30 = 05-01 <= 05-15: known; A2 churns 05-10 > 05-01 -> 0
  assert.deepEqual(b.asOf, ['2024-02-01', '2024-03-01', '2024-04-01', '2024-05-01']);
  assert.equal(r.get('A2@2024-04-01')!['churned_within_90d'], 0);
  // 05-01 + 30 = 05-31 > 05-15: censored, but A2's churn on 05-10 is inside (T, T+30] -> 1
  assert.equal(r.get('A1@2024-05-01')!['churned_within_90d'], null);
  assert.equal(r.get('A2@2024-05-01')!['churned_within_90d'], 1);
  // 03-01 + 30 = 03-31: A5 churns 04-01 -> 0
  assert.equal(r.get('A5@2024-03-01')!['churned_within_90d'], 0);
});

test('--label inactivity: 1 iff no usage in [T, T+horizon), censored like churn', async () => {
  const b = await buildFeatures(history, { label: 'inactivity', relation: 'inactivity' });
  const r = await featureRows(history, b);
  const label = (a: string, d = T) => r.get(`${a}@${d}`)!['churned_within_90d'];
  // Window [04-01, 06-30):
  assert.equal(label('A1'), 0); // report at 04-01T00:00 (T itself is inside [T, ...))
  assert.equal(label('A3'), 0); // report at 04-01T00:00
  assert.equal(label('A4'), 0); // report at 06-29T23:59:59
  assert.equal(label('A6'), 1); // only 06-30T01:00 = T + 90: outside
  assert.equal(label('A2'), 1);
  assert.equal(label('A8'), 1);
  // 03-01: window [03-01, 05-30); A1 has usage, A8 has none ever
  assert.equal(label('A1', '2024-03-01'), 0);
  assert.equal(label('A8', '2024-03-01'), 1);
  assert.equal(label('A1', '2024-05-01'), null);
  // Features do not depend on the label kind.
  const { churned_within_90d: _a, ...features } = r.get(`A1@${T}`)!;
  const { churned_within_90d: _b, ...expected } = at('A1');
  assert.deepEqual(features, expected);
});

test('weekly snapshots are Mondays, and a row depends only on its own as-of date', async () => {
  const b = await buildFeatures(history, { every: 'week', relation: 'weekly' });
  // First Monday after 2024-01-10 is 01-15; the last one on or before 06-30 is 06-24.
  assert.equal(b.asOf[0], '2024-01-15');
  assert.equal(b.asOf.at(-1), '2024-06-24');
  assert.equal(b.asOf.length, 24);
  assert.ok(b.asOf.every((d) => new Date(`${d}T00:00:00Z`).getUTCDay() === 1));
  // 2024-04-01 is a Monday: the weekly rows at T equal the monthly ones.
  const weekly = await featureRows(history, b);
  for (const id of ['A1', 'A2', 'A3', 'A4', 'A6', 'A8']) assert.deepEqual(weekly.get(`${id}@${T}`), at(id), id);
  // So do the rows of an explicit as-of list (score --as-of).
  const one = await buildFeatures(history, { asOf: T, relation: 'one_date' });
  const single = await featureRows(history, one);
  assert.equal(one.rows, 6);
  for (const id of ['A1', 'A2', 'A3', 'A4', 'A6', 'A8']) assert.deepEqual(single.get(`${id}@${T}`), at(id), id);
});

test('the one-statement SQL for other engines (COUNT DISTINCT, exact decimals) gives the same table', async () => {
  // buildFeatures takes the fast paths here (breadth by event bitmask, whole-number quantities as
  // doubles); featureSql() without those hints is the generic form issue 10 runs on PostgreSQL.
  const sql = featureSql(
    { asOf: built.asOf, dataEnd: built.dataEnd, tables: history.tables, csmKinds: history.csmKinds },
    duckdbDialect,
  );
  assert.match(sql, /^WITH\n/);
  assert.match(sql, /COUNT\(DISTINCT u\.event\)/);
  assert.match(sql, /DECIMAL\(38, 6\)/);
  const generic = await queryRows(
    history.connection,
    `SELECT * REPLACE (strftime(as_of, '%Y-%m-%d') AS as_of) FROM (${sql}) AS t`,
  );
  assert.equal(generic.length, rows.size);
  for (const r of generic) assert.deepEqual(r, rows.get(`${r['account_id']}@${r['as_of']}`));
});

test('active users from as-of masks (both engines) equal the distinct count, over one mask column and three', async () => {
  const masked = duckdbDialect;
  const distinct = { ...duckdbDialect, hashedDistinct: true };
  // The monthly dates (one mask column), then 130 daily dates around them (three columns of 62 bits).
  const daily = Array.from({ length: 130 }, (_, i) => addDays(T, i - 100));
  for (const asOf of [built.asOf, daily]) {
    const params = { asOf, dataEnd: built.dataEnd, tables: history.tables, csmKinds: history.csmKinds };
    const sql = featureSql(params, masked);
    assert.match(sql, /BIT_OR\(b\.bit\) FILTER/);
    assert.doesNotMatch(sql, /COUNT\(DISTINCT u\.user_id\)/);
    const read = (q: string) =>
      queryRows(
        history.connection,
        `SELECT * REPLACE (strftime(as_of, '%Y-%m-%d') AS as_of) FROM (${q}) AS t ORDER BY account_id, as_of`,
      );
    const reference = featureSql(params, distinct);
    assert.match(reference, /COUNT\(DISTINCT u\.user_id\)/);
    const want = await read(reference);
    const got = await read(sql);
    assert.ok(want.length > asOf.length, `${want.length} rows`);
    // The count matters: license utilization takes several values, some from more than one user.
    const utilization = new Set(want.map((r) => r['license_utilization']).filter((v) => v !== null));
    assert.ok(utilization.size >= 3, `license_utilization values: ${[...utilization].join(', ')}`);
    assert.deepEqual(got, want);
  }
});

test('window totals from the day segments of breadth (segmentTotals, PostgreSQL) equal their own window join', async () => {
  const segments = { ...duckdbDialect, segmentTotals: true };
  const read = (q: string) =>
    queryRows(
      history.connection,
      `SELECT * REPLACE (strftime(as_of, '%Y-%m-%d') AS as_of) FROM (${q}) AS t ORDER BY account_id, as_of`,
    );
  // the segments hold the feature-event masks, so the event names are given (as the preflight finds them)
  const featureEvents = (
    await queryRows(
      history.connection,
      `SELECT DISTINCT event FROM usage WHERE event NOT IN ('login', 'api_call') ORDER BY event`,
    )
  ).map((r) => String(r['event']));
  assert.ok(featureEvents.length >= 2, featureEvents.join(', '));
  // monthly dates, then 90 daily ones (segments of one day); sums as exact decimals and as doubles
  const daily = Array.from({ length: 90 }, (_, i) => addDays(T, i - 60));
  for (const [asOf, wholeQuantities] of [
    [built.asOf, false],
    [daily, true],
  ] as const) {
    const params = {
      asOf,
      dataEnd: built.dataEnd,
      tables: history.tables,
      csmKinds: history.csmKinds,
      featureEvents,
      wholeQuantities,
    };
    const sql = featureSql(params, segments);
    assert.match(sql, /FROM usage_segments m JOIN segment_windows w/);
    assert.doesNotMatch(featureSql(params, duckdbDialect), /usage_segments/);
    const want = await read(featureSql(params, duckdbDialect));
    const got = await read(sql);
    const trends = new Set(want.map((r) => r['usage_trend_14d']).filter((v) => v !== null));
    assert.ok(trends.size >= 3, `usage trends: ${[...trends].join(', ')}`);
    assert.ok(want.some((r) => r['zero_usage_14d'] === true) && want.some((r) => r['zero_usage_14d'] === false));
    assert.deepEqual(got, want, `${asOf.length} as-of dates`);
  }
});

test('absent optional tables give NULL features (never 0) and say why', async () => {
  const { dir, cleanup } = await tempDir();
  try {
    await copyFile(join(HAND, 'accounts.csv'), join(dir, 'accounts.csv'));
    await copyFile(join(HAND, 'usage.csv'), join(dir, 'usage.csv'));
    const h = await openHistory(dir);
    try {
      const b = await buildFeatures(h);
      const r = (await featureRows(h, b)).get(`A1@${T}`)!;
      for (const c of [
        'support_ticket_trend_30d',
        'champion_engagement_change_30d',
        'days_since_last_csm_interaction',
        'nps_trend',
        'contract_value_vs_usage_ratio',
        'days_since_last_integration_added',
        'champion_departed',
        'active_escalation',
        'days_to_renewal',
        'annual_value',
      ])
        assert.equal(r[c], null, c);
      // The usage features are unchanged.
      close(r['usage_trend_14d'], 1.2, 'usage_trend_14d');
      close(r['license_utilization'], 0.4, 'license_utilization');
      const reasons = Object.fromEntries(b.nullColumns.map((n) => [n.column, n.reason]));
      assert.equal(reasons['nps_trend'], 'no nps table');
      assert.equal(reasons['champion_engagement_change_30d'], 'no contacts or interactions table');
      assert.equal(reasons['contract_value_vs_usage_ratio'], 'no contracts table');
      assert.equal(reasons['usage_trend_14d'], undefined);
    } finally {
      h.close();
    }
    // contacts without interactions: the champions are known (champion_departed as with every
    // table), their touches are not
    await copyFile(join(HAND, 'contacts.csv'), join(dir, 'contacts.csv'));
    const h2 = await openHistory(dir);
    try {
      const got = await featureRows(h2, await buildFeatures(h2, { relation: 'contacts_only' }));
      assert.equal(got.size, rows.size);
      for (const [key, full] of rows) {
        assert.equal(got.get(key)!['champion_engagement_change_30d'], null, key);
        assert.equal(got.get(key)!['champion_departed'], full['champion_departed'], key);
      }
    } finally {
      h2.close();
    }
  } finally {
    await cleanup();
  }
});

test('bad input fails with the table, key and column; bad options are usage errors', async () => {
  const { dir, cleanup } = await tempDir();
  try {
    await copyFile(join(HAND, 'usage.csv'), join(dir, 'usage.csv'));
    await writeFile(
      join(dir, 'accounts.csv'),
      'account_id,segment,started_at\nA1,smb,2024-01-01\nA2,smb,2024-01-01\nA1,smb,2024-02-01\n',
    );
    const h = await openHistory(dir);
    try {
      await assert.rejects(
        buildFeatures(h),
        (e: unknown) =>
          e instanceof InputError &&
          e.exitCode === 2 &&
          /table accounts, account_id=A1, column account_id/.test(e.message),
      );
      await assert.rejects(buildFeatures(h, { horizon: 0 }), UsageError);
      await assert.rejects(buildFeatures(h, { dataEnd: '2024-02-30' }), UsageError);
      await assert.rejects(buildFeatures(h, { asOf: ['2024-04-01', 'soon'] }), UsageError);
      await assert.rejects(
        buildFeatures(h, { every: 'hour' as never }),
        (e: unknown) => e instanceof UsageError && e.message === '--every must be one of month, week, day, got "hour"',
      );
    } finally {
      h.close();
    }
    await writeFile(join(dir, 'accounts.csv'), 'account_id,segment,started_at\nA1,smb,2024-01-01\nA2,smb,someday\n');
    const h2 = await openHistory(dir);
    try {
      await assert.rejects(
        buildFeatures(h2),
        (e: unknown) =>
          e instanceof ChurnkitError &&
          e.exitCode === 2 &&
          /accounts/.test(e.message) &&
          /started_at/.test(e.message) &&
          /someday/.test(e.message),
      );
    } finally {
      h2.close();
    }
  } finally {
    await cleanup();
  }
});
