/**
 * Every window, in-effect rule and horizon of docs/features.md pinned at its edges (issue 23):
 * events exactly on each boundary, one day inside it and one day outside it, in a hand-made
 * history, with the expected values worked out by hand below (not by the code under test).
 *
 * T = 2024-07-01 (as-of 00:00 UTC). The days used, counted by hand (2024 is a leap year):
 *   T+1 = 07-02   T-1 = 06-30
 *   14-day windows: last [T-14, T) = [06-17, 07-01), prior [T-28, T-14) = [06-03, 06-17)
 *     T-13 = 06-18  T-14 = 06-17  T-15 = 06-16  T-27 = 06-04  T-28 = 06-03  T-29 = 06-02
 *   30-day windows: last [T-30, T) = [06-01, 07-01), prior [T-60, T-30) = [05-02, 06-01)
 *     (June has 30 days, May 31)  T-29 = 06-02  T-30 = 06-01  T-31 = 05-31
 *     T-59 = 05-03  T-60 = 05-02  T-61 = 05-01
 *   180-day windows: last [T-180, T) = [2024-01-03, 07-01), prior [T-360, T-180) = [2023-07-07, 2024-01-03)
 *     T-180 = 2024-01-03: 01-03 -> 07-03 is 31 + 29 + 31 + 30 + 31 + 30 = 182 days, 07-01 two fewer
 *     T-179 = 2024-01-04  T-181 = 2024-01-02
 *     T-360 = 2023-07-07: 07-07 -> 2024-01-07 is 31 + 31 + 30 + 31 + 30 + 31 = 184 days, 01-03 four fewer
 *     T-359 = 2023-07-08  T-361 = 2023-07-06
 *   horizon 90: T+90 = 09-29 (07-01 + 30 = 07-31, + 31 = 08-31, + 29 = 09-29)  T+89 = 09-28  T+91 = 09-30
 *
 * Counted features use multiplicities that differ per position, so that moving any one boundary
 * by a day, or sliding a whole window by a day, changes the value.
 */
import assert from 'node:assert/strict';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { openHistory, quoteIdent, type History, type TableName } from '../../src/data/index.js';
import { queryRows } from '../../src/data/duckdb.js';
import {
  buildFeatures,
  duckdbDialect,
  featureQuery,
  featureSql,
  snapshotDates,
  snapshotsFrom,
  type FeatureBuild,
} from '../../src/features/index.js';
import { UsageError } from '../../src/util/index.js';
import { tempDir } from '../support/paths.js';

const T = '2024-07-01';
const EARLIER = '2024-06-01';

/** The 30-day positions: timestamp and multiplicity (how many tickets, events, users, touches). */
const THIRTY: readonly [string, number][] = [
  ['2024-07-02T10:00:00', 1], // T+1: after T
  ['2024-07-01T00:00:00', 2], // T: invisible
  ['2024-06-30T12:00:00', 3], // T-1: last
  ['2024-06-02T12:00:00', 4], // T-29: last
  ['2024-06-01T00:00:00', 5], // T-30: last, exactly on its lower bound
  ['2024-05-31T23:59:59', 6], // T-31: prior (last second before the last window)
  ['2024-05-03T12:00:00', 7], // T-59: prior
  ['2024-05-02T00:00:00', 8], // T-60: prior, exactly on its lower bound
  ['2024-05-01T23:59:59', 9], // T-61: before both windows
];
// last = 3 + 4 + 5 = 12, prior = 6 + 7 + 8 = 21: rel_change = 12/21 - 1 = -3/7.
// (Sliding the windows a day earlier would give 15/24 - 1, a day later 9/18 - 1.)
const THIRTY_REL = 12 / 21 - 1;

/** Usage of account U (non-login `report` rows): timestamp and quantity. */
const USAGE_14: readonly [string, number][] = [
  ['2024-07-02T00:00:00', 1], // T+1
  ['2024-07-01T00:00:00', 2], // T: invisible
  ['2024-06-30T23:59:59', 4], // T-1: last
  ['2024-06-18T12:00:00', 8], // T-13: last
  ['2024-06-17T00:00:00', 16], // T-14: last, on its lower bound
  ['2024-06-16T23:59:59', 32], // T-15: prior
  ['2024-06-04T12:00:00', 64], // T-27: prior
  ['2024-06-03T00:00:00', 128], // T-28: prior, on its lower bound
  ['2024-06-02T23:59:59', 256], // T-29: before both
];
// last = 4 + 8 + 16 = 28, prior = 32 + 64 + 128 = 224: 28/224 - 1 = -0.875

/** Logins of account U, same days, other quantities. */
const LOGINS_14: readonly [string, number][] = [
  ['2024-07-02T00:00:00', 256],
  ['2024-07-01T00:00:00', 128],
  ['2024-06-30T23:59:59', 8],
  ['2024-06-18T12:00:00', 16],
  ['2024-06-17T00:00:00', 32],
  ['2024-06-16T23:59:59', 4],
  ['2024-06-04T12:00:00', 2],
  ['2024-06-03T00:00:00', 64],
  ['2024-06-02T23:59:59', 1],
];
// last = 8 + 16 + 32 = 56, prior = 4 + 2 + 64 = 70: 56/70 - 1 = -0.2

/** NPS responses of account N: timestamp and score. */
const NPS_180: readonly [string, number][] = [
  ['2024-07-02T10:00:00', 0], // T+1
  ['2024-07-01T00:00:00', 1], // T: invisible
  ['2024-06-30T10:00:00', 10], // T-1: last
  ['2024-01-04T10:00:00', 9], // T-179: last
  ['2024-01-03T00:00:00', 8], // T-180: last, on its lower bound
  ['2024-01-02T23:59:59', 2], // T-181: prior
  ['2023-07-08T10:00:00', 3], // T-359: prior
  ['2023-07-07T00:00:00', 4], // T-360: prior, on its lower bound
  ['2023-07-06T23:59:59', 5], // T-361: before both
];
// mean last (10 + 9 + 8)/3 = 9, mean prior (2 + 3 + 4)/3 = 3: nps_trend = 6

const csv = (header: string, rows: readonly string[]) => `${header}\n${rows.join('\n')}\n`;
const expand = <R>(positions: readonly [string, number][], make: (at: string, copy: number, pos: number) => R) =>
  positions.flatMap(([at, m], pos) => Array.from({ length: m }, (_, copy) => make(at, copy, pos)));

async function writeHistory(dir: string): Promise<void> {
  const accounts = [
    'U,usage,2023-01-01,,100',
    'W,thirty,2023-01-01,,100',
    'N,nps,2023-01-01,,',
    'R,contracts,2023-01-01,,',
    // snapshot membership: started_at < T and (churned_at NULL or churned_at > T)
    'S_ON,members,2024-07-01,,', // starts on T: not yet active
    'S_IN,members,2024-06-30,,', // starts the day before: active, tenure 1
    'C_ON,members,2023-01-01,2024-07-01,', // churns on T: gone
    'C_IN,members,2023-01-01,2024-07-02,', // churns the day after: active, label 1
    'C_PRE,members,2023-01-01,2024-06-30,', // churned the day before: gone
    // label horizon: 1 iff T < churned_at <= T+90
    'H89,labels,2023-01-01,2024-09-28,',
    'H90,labels,2023-01-01,2024-09-29,',
    'H91,labels,2023-01-01,2024-09-30,',
    // zero_usage_14d
    'Z_ON,zero,2023-01-01,,',
    'Z_IN,zero,2023-01-01,,',
    'Z_OUT,zero,2023-01-01,,',
    'Z_AT_T,zero,2023-01-01,,',
    'Z_QTY0,zero,2023-01-01,,',
    // active_escalation: an escalated ticket with opened_at < T and (closed_at NULL or > T)
    ...['E_OPEN_ON', 'E_OPEN_SEC', 'E_OPEN_DAY', 'E_OPEN_AFTER', 'E_CLOSE_ON', 'E_CLOSE_SEC', 'E_CLOSE_DAY'].map(
      (a) => `${a},escalation,2023-01-01,,`,
    ),
    'E_CLOSE_BEFORE,escalation,2023-01-01,,',
    'E_NOT_ESCALATED,escalation,2023-01-01,,',
    // champions in effect: started_at < T and (ended_at NULL or > T)
    ...['CH_START_ON', 'CH_START_IN', 'CH_START_AFTER', 'CH_END_ON', 'CH_END_IN', 'CH_END_BEFORE'].map(
      (a) => `${a},champions,2023-01-01,,`,
    ),
    // latest event before T (CSM touches, integrations), at two as-of dates
    'D1,latest,2024-01-01,,',
    'D2,latest,2024-01-01,,',
    'D3,latest,2024-01-01,,',
    'G1,latest,2024-01-01,,',
    'G2,latest,2024-01-01,,',
    'G3,latest,2024-01-01,,',
    // inactivity label: usage in [T, T+90)
    'I_AT_T,inactivity,2023-01-01,,',
    'I_LAST_DAY,inactivity,2023-01-01,,',
    'I_AT_END,inactivity,2023-01-01,,',
    'I_BEFORE,inactivity,2023-01-01,,',
  ];
  const usage = [
    ...USAGE_14.map(([at, q]) => `U,${at},,report,${q}`),
    ...LOGINS_14.map(([at, q]) => `U,${at},,login,${q}`),
    // W: one distinct feature event and one distinct user per copy
    ...expand(THIRTY, (at, copy, pos) => `W,${at},w${pos}_${copy},feature_${pos}_${copy},1`),
    'Z_ON,2024-06-17T00:00:00,,report,1', // T-14, on the lower bound: usage in the last 14 days
    'Z_IN,2024-06-18T00:00:00,,login,1', // T-13 (a login counts too)
    'Z_OUT,2024-06-16T23:59:59,,report,1', // T-15: outside
    'Z_AT_T,2024-07-01T00:00:00,,report,1', // at T: invisible
    'Z_QTY0,2024-06-30T00:00:00,,report,0', // a row with quantity 0 is no usage
    'I_AT_T,2024-07-01T00:00:00,,report,1',
    'I_LAST_DAY,2024-09-28T23:59:59,,report,1',
    'I_AT_END,2024-09-29T00:00:00,,report,1',
    'I_BEFORE,2024-06-30T23:59:59,,report,1',
    // data_end is set explicitly; this row only keeps usage non-empty late in the data
    'U,2024-09-30T12:00:00,,report,1',
  ];
  const tickets = [
    ...expand(THIRTY, (at, copy, pos) => `W,W_T${pos}_${copy},${at},,low,,false`),
    'E_OPEN_ON,E1,2024-07-01T00:00:00,,high,,true', // opened at T: not in effect
    'E_OPEN_SEC,E2,2024-06-30T23:59:59,,high,,true', // opened a second before T: in effect
    'E_OPEN_DAY,E3,2024-06-30T00:00:00,,high,,true', // opened the day before: in effect
    'E_OPEN_AFTER,E4,2024-07-02T00:00:00,,high,,true', // opened the day after: not
    'E_CLOSE_ON,E5,2024-06-01T00:00:00,2024-07-01T00:00:00,high,,true', // closed at T: not in effect
    'E_CLOSE_SEC,E6,2024-06-01T00:00:00,2024-07-01T00:00:01,high,,true', // closed a second after T: in effect
    'E_CLOSE_DAY,E7,2024-06-01T00:00:00,2024-07-02T00:00:00,high,,true', // closed the day after: in effect
    'E_CLOSE_BEFORE,E8,2024-06-01T00:00:00,2024-06-30T00:00:00,high,,true', // closed the day before: not
    'E_NOT_ESCALATED,E9,2024-06-01T00:00:00,,high,,false',
  ];
  const contacts = [
    'W,CW,champion,2023-01-01,',
    'CH_START_ON,X1,champion,2024-07-01,', // starts on T: not in effect, not "started before T"
    'CH_START_IN,X2,champion,2024-06-30,', // starts the day before: in effect
    'CH_START_AFTER,X3,champion,2024-07-02,',
    'CH_END_ON,X4,champion,2023-01-01,2024-07-01', // ends on T: not in effect -> departed
    'CH_END_IN,X5,champion,2023-01-01,2024-07-02', // ends the day after: in effect
    'CH_END_BEFORE,X6,champion,2023-01-01,2024-06-30', // ended the day before -> departed
  ];
  const interactions = [
    ...expand(THIRTY, (at) => `W,${at},CW,email_reply`),
    // D1: CSM touches the day before 06-01, exactly at 06-01, exactly at T; a webinar (not CSM) at T-1
    'D1,2024-05-31T12:00:00,,csm_call',
    'D1,2024-06-01T00:00:00,,csm_meeting',
    'D1,2024-07-01T00:00:00,,qbr',
    'D1,2024-06-30T12:00:00,,webinar',
    // D2: a CSM email the last second before T
    'D2,2024-06-30T23:59:59,,csm_email',
    // D3: CSM touches only at T and after
    'D3,2024-07-01T00:00:00,,csm_call',
    'D3,2024-07-02T09:00:00,,csm_call',
  ];
  const integrations = [
    'G1,slack,2024-05-31T12:00:00,',
    'G1,jira,2024-06-01T00:00:00,2024-06-10T00:00:00',
    'G1,github,2024-07-01T00:00:00,',
    'G2,hubspot,2024-06-30T23:59:59,',
    'G3,zendesk,2024-07-01T00:00:00,',
    'G3,okta,2024-07-02T00:00:00,',
  ];
  const contracts = [
    'R,K1,2024-07-01,2024-10-09,1', // starts on T: not in effect
    'R,K2,2024-06-30,2024-10-09,2', // starts the day before: in effect
    'R,K3,2024-07-02,2025-07-01,4', // starts the day after: not
    'R,K4,2023-07-01,2024-07-01,8', // ends on T: not in effect
    'R,K5,2023-07-02,2024-07-02,16', // ends the day after: in effect
    'R,K6,2023-06-30,2024-06-30,32', // ended the day before: not
  ];
  const files: Record<string, string> = {
    'accounts.csv': csv('account_id,segment,started_at,churned_at,seats', accounts),
    'usage.csv': csv('account_id,occurred_at,user_id,event,quantity', usage),
    'tickets.csv': csv('account_id,ticket_id,opened_at,closed_at,severity,sentiment,escalated', tickets),
    'contacts.csv': csv('account_id,contact_id,role,started_at,ended_at', contacts),
    'interactions.csv': csv('account_id,occurred_at,contact_id,kind', interactions),
    'nps.csv': csv(
      'account_id,contact_id,responded_at,score',
      NPS_180.map(([at, s]) => `N,,${at},${s}`),
    ),
    'integrations.csv': csv('account_id,integration,connected_at,disconnected_at', integrations),
    'contracts.csv': csv('account_id,contract_id,starts_at,ends_at,annual_value', contracts),
  };
  for (const [name, text] of Object.entries(files)) await writeFile(join(dir, name), text);
}

type Row = Record<string, unknown>;
let cleanup: () => Promise<void>;
let history: History;
let rows: Map<string, Row>;

async function rowsOf(b: FeatureBuild): Promise<Map<string, Row>> {
  const all = await queryRows(
    history.connection,
    `SELECT * REPLACE (strftime(as_of, '%Y-%m-%d') AS as_of) FROM "${b.relation}"`,
  );
  return new Map(all.map((r) => [`${r['account_id']}@${r['as_of']}`, r]));
}

const at = (account: string, asOf = T, from = rows): Row => {
  const r = from.get(`${account}@${asOf}`);
  assert.ok(r, `no snapshot row for ${account} at ${asOf}`);
  return r;
};
const close = (actual: unknown, expected: number, what: string) => {
  assert.equal(typeof actual, 'number', `${what}: expected a number, got ${String(actual)}`);
  assert.ok(Math.abs(Number(actual) - expected) < 1e-12, `${what}: ${String(actual)} != ${expected}`);
};

before(async () => {
  const t = await tempDir('churnkit-boundaries-');
  cleanup = t.cleanup;
  await writeHistory(t.dir);
  history = await openHistory(t.dir);
  // data_end = T+90: the label at T is known exactly. Three as-of dates 17 and 30 days apart, so
  // that an event on the middle one (06-01 00:00) must count for the last one only.
  rows = await rowsOf(await buildFeatures(history, { asOf: ['2024-05-15', EARLIER, T], dataEnd: '2024-09-29' }));
});
after(async () => {
  history?.close();
  await cleanup?.();
});

test('snapshot rows: started_at < T and (churned_at NULL or churned_at > T)', () => {
  assert.equal(rows.has(`S_ON@${T}`), false, 'started on T');
  assert.equal(at('S_IN')['tenure_days'], 1, 'started the day before T');
  assert.equal(rows.has(`C_ON@${T}`), false, 'churned on T');
  assert.ok(rows.has(`C_IN@${T}`), 'churns the day after T');
  assert.equal(rows.has(`C_PRE@${T}`), false, 'churned the day before T');
  // tenure: 2023-01-01 -> 2024-07-01 = 365 + 182 (Jan 31 + Feb 29 + Mar 31 + Apr 30 + May 31 + Jun 30)
  assert.equal(at('U')['tenure_days'], 547);
});

test('usage_trend_14d: last [T-14, T) and prior [T-28, T-14), each edge on, inside and outside', () => {
  close(at('U')['usage_trend_14d'], 28 / 224 - 1, 'U');
});

test('login_frequency_change_14d: the same 14-day edges over login quantities', () => {
  close(at('U')['login_frequency_change_14d'], 56 / 70 - 1, 'U');
});

test('zero_usage_14d: an event on T-14 counts, on T-15 or at T does not, nor a quantity of 0', () => {
  assert.equal(at('Z_ON')['zero_usage_14d'], false);
  assert.equal(at('Z_IN')['zero_usage_14d'], false);
  assert.equal(at('Z_OUT')['zero_usage_14d'], true);
  assert.equal(at('Z_AT_T')['zero_usage_14d'], true);
  assert.equal(at('Z_QTY0')['zero_usage_14d'], true);
});

test('30-day windows: tickets, champion touches and feature breadth, each edge on, inside and outside', () => {
  close(at('W')['support_ticket_trend_30d'], THIRTY_REL, 'tickets');
  close(at('W')['champion_engagement_change_30d'], THIRTY_REL, 'champion touches');
  close(at('W')['feature_adoption_breadth_change_30d'], THIRTY_REL, 'feature breadth');
});

test('license_utilization: distinct users in [T-30, T) over seats', () => {
  // users of positions T-1, T-29, T-30: 3 + 4 + 5 = 12 of 100 seats
  close(at('W')['license_utilization'], 0.12, 'W');
});

test('weekly and daily as-of dates: breadth and active users keep the 30-day edges; a user counts in each window it was active in', async () => {
  // Mondays and every day from 2023-01-02: T and 06-03 are Mondays. Hand-counted from THIRTY:
  //   06-03: last [05-04, 06-03) holds T-29, T-30, T-31 = 4 + 5 + 6 = 15 (users and feature events),
  //          prior [04-04, 05-04) holds T-59, T-60, T-61 = 7 + 8 + 9 = 24
  //   06-02: last [05-03, 06-02) = 5 + 6 + 7 = 18 (the 06-02 12:00 events are at the as-of date: not seen),
  //          prior [04-03, 05-03) = 8 + 9 = 17
  //   06-01: last [05-02, 06-01) = 6 + 7 + 8 = 21 (the 06-01 00:00 events are exactly at it: not seen),
  //          prior [04-02, 05-02) = 9
  // The users of T-29 and T-30 count at 06-03 and again at T.
  const expected: [string, number, number][] = [
    [T, THIRTY_REL, 0.12],
    ['2024-06-03', 15 / 24 - 1, 0.15],
    ['2024-06-02', 18 / 17 - 1, 0.18],
    [EARLIER, 21 / 9 - 1, 0.21],
  ];
  for (const every of ['week', 'day'] as const) {
    const grid = await rowsOf(
      await buildFeatures(history, { every, dataEnd: '2024-09-29', relation: `grid_${every}` }),
    );
    for (const [asOf, breadth, users] of expected) {
      if (every === 'week' && new Date(`${asOf}T00:00:00Z`).getUTCDay() !== 1) continue;
      close(at('W', asOf, grid)['feature_adoption_breadth_change_30d'], breadth, `${every}, breadth at ${asOf}`);
      close(at('W', asOf, grid)['license_utilization'], users, `${every}, active users at ${asOf}`);
    }
  }
});

test('the fast paths (breadth by day segments, users by as-of masks, no quantity test without zeros) give the table of the definitional SQL: monthly, weekly and daily', async () => {
  const events = await queryRows(
    history.connection,
    `SELECT DISTINCT event FROM usage WHERE event NOT IN ('login', 'api_call') ORDER BY event`,
  );
  const featureEvents = events.map((r) => String(r['event']));
  // This history has a usage row of quantity 0 (Z_QTY0), so the build keeps the quantity tests.
  const monthly = await buildFeatures(history, { asOf: ['2024-05-15', EARLIER, T], dataEnd: '2024-09-29' });
  assert.ok(monthly.query.steps.some((s) => s.sql.includes('u.qty > 0')));
  const read = (q: string) =>
    queryRows(
      history.connection,
      `SELECT * REPLACE (strftime(as_of, '%Y-%m-%d') AS as_of) FROM (${q}) AS t ORDER BY account_id, as_of`,
    );
  const withoutZeros = (t: TableName) =>
    t === 'usage' ? '(SELECT * FROM usage WHERE quantity IS NULL OR quantity > 0)' : quoteIdent(t);
  const grids = [
    monthly.asOf,
    (await buildFeatures(history, { every: 'week', dataEnd: '2024-09-29', relation: 'weeks' })).asOf,
    (await buildFeatures(history, { every: 'day', dataEnd: '2024-09-29', relation: 'days' })).asOf,
  ];
  for (const asOf of grids)
    for (const positiveQuantities of [false, true]) {
      const params = {
        asOf,
        dataEnd: '2024-09-29',
        tables: history.tables,
        csmKinds: history.csmKinds,
        ...(positiveQuantities ? { source: withoutZeros } : {}),
      };
      const fast = featureSql({ ...params, featureEvents, wholeQuantities: true, positiveQuantities }, duckdbDialect);
      assert.match(fast, /segment_windows AS/);
      assert.equal(fast.includes('u.qty > 0'), !positiveQuantities);
      const want = await read(featureSql(params, { ...duckdbDialect, hashedDistinct: true }));
      const got = await read(fast);
      assert.ok(want.length > 10 * asOf.length, `${want.length} rows at ${asOf.length} as-of dates`);
      const breadth = new Set(want.map((r) => r['feature_adoption_breadth_change_30d']));
      const users = new Set(want.map((r) => r['license_utilization']));
      assert.ok(breadth.size >= 4 && users.size >= 4, `${breadth.size} breadths, ${users.size} utilizations`);
      assert.deepEqual(got, want, `${asOf.length} as-of dates, positive quantities ${positiveQuantities}`);
    }
});

test('nps_trend: last [T-180, T) and prior [T-360, T-180)', () => {
  close(at('N')['nps_trend'], 6, 'N');
});

test('active_escalation: an escalated ticket in effect at T 00:00 (opened before, closed after)', () => {
  const expected: Record<string, boolean> = {
    E_OPEN_ON: false,
    E_OPEN_SEC: true,
    E_OPEN_DAY: true,
    E_OPEN_AFTER: false,
    E_CLOSE_ON: false,
    E_CLOSE_SEC: true,
    E_CLOSE_DAY: true,
    E_CLOSE_BEFORE: false,
    E_NOT_ESCALATED: false,
  };
  for (const [account, value] of Object.entries(expected))
    assert.equal(at(account)['active_escalation'], value, account);
});

test('champions in effect: champion_engagement_change_30d NULL without one, champion_departed', () => {
  // in effect, no touches: rel_change(0, 0) = 0
  const expected: Record<string, [number | null, boolean]> = {
    CH_START_ON: [null, false],
    CH_START_IN: [0, false],
    CH_START_AFTER: [null, false],
    CH_END_ON: [null, true],
    CH_END_IN: [0, false],
    CH_END_BEFORE: [null, true],
  };
  for (const [account, [engagement, departed]] of Object.entries(expected)) {
    assert.equal(at(account)['champion_engagement_change_30d'], engagement, `${account} engagement`);
    assert.equal(at(account)['champion_departed'], departed, `${account} departed`);
  }
});

test('contracts in effect at T: starts_at < T < ends_at, for annual_value and days_to_renewal', () => {
  // K2 (2) and K5 (16) are in effect: 18; the earliest ends_at among them is K5's 07-02: 1 day
  assert.equal(at('R')['annual_value'], 18);
  assert.equal(at('R')['days_to_renewal'], 1);
  // alone in its segment, with no users: (18 / 1) / 18 = 1
  close(at('R')['contract_value_vs_usage_ratio'], 1, 'R');
});

test('days since the latest CSM touch before T: at T invisible, the day before counts', () => {
  // D1 at 06-01: the csm_call of 05-31 (the meeting at 06-01 00:00 is not before 06-01) -> 1
  close(at('D1', EARLIER)['days_since_last_csm_interaction'], 1, 'D1 at 06-01');
  // D1 at 05-15: none yet -> since started_at 2024-01-01: 31 + 29 + 31 + 30 + 14 = 135
  close(at('D1', '2024-05-15')['days_since_last_csm_interaction'], 135, 'D1 at 05-15');
  // D1 at 07-01: the meeting of 06-01 (the qbr at T is invisible, the webinar is no CSM kind) -> 30
  close(at('D1')['days_since_last_csm_interaction'], 30, 'D1 at T');
  close(at('D2')['days_since_last_csm_interaction'], 1, 'D2: the last second before T');
  // D2 at 06-01: none yet -> since started_at 2024-01-01: 31 + 29 + 31 + 30 + 31 = 152
  close(at('D2', EARLIER)['days_since_last_csm_interaction'], 152, 'D2 at 06-01');
  // D3: only at and after T -> since started_at: 152 + 30 = 182
  close(at('D3')['days_since_last_csm_interaction'], 182, 'D3');
});

test('days since the latest integration added before T: same edges over connected_at', () => {
  close(at('G1', EARLIER)['days_since_last_integration_added'], 1, 'G1 at 06-01');
  close(at('G1')['days_since_last_integration_added'], 30, 'G1 at T (jira, though disconnected since)');
  close(at('G2')['days_since_last_integration_added'], 1, 'G2');
  close(at('G2', EARLIER)['days_since_last_integration_added'], 152, 'G2 at 06-01');
  close(at('G3')['days_since_last_integration_added'], 182, 'G3');
});

test('churned_within_90d: 1 iff T < churned_at <= T+90; known iff T+90 <= data_end', async () => {
  assert.equal(at('C_IN')['churned_within_90d'], 1, 'churns T+1');
  assert.equal(at('H89')['churned_within_90d'], 1, 'churns T+89');
  assert.equal(at('H90')['churned_within_90d'], 1, 'churns T+90, the last day of the horizon');
  assert.equal(at('H91')['churned_within_90d'], 0, 'churns T+91');
  assert.equal(at('U')['churned_within_90d'], 0, 'data_end = T+90: known');

  // data_end = T+89: the window is not over, so only churn already inside it is a label.
  const early = await rowsOf(await buildFeatures(history, { asOf: T, dataEnd: '2024-09-28', relation: 'early' }));
  assert.equal(at('U', T, early)['churned_within_90d'], null);
  assert.equal(at('H91', T, early)['churned_within_90d'], null);
  assert.equal(at('H90', T, early)['churned_within_90d'], 1);
  assert.equal(at('C_IN', T, early)['churned_within_90d'], 1);

  // --horizon 89: T+89 = 09-28 is the last day in
  const short = await rowsOf(
    await buildFeatures(history, { asOf: T, horizon: 89, dataEnd: '2024-09-28', relation: 'h89' }),
  );
  assert.equal(at('H89', T, short)['churned_within_90d'], 1);
  assert.equal(at('H90', T, short)['churned_within_90d'], 0);
  assert.equal(at('U', T, short)['churned_within_90d'], 0);
});

test('--label inactivity: 1 iff no usage in [T, T+90); censored iff T+90 > data_end', async () => {
  const b = await buildFeatures(history, { asOf: T, dataEnd: '2024-09-29', label: 'inactivity', relation: 'idle' });
  const idle = await rowsOf(b);
  assert.equal(at('I_AT_T', T, idle)['churned_within_90d'], 0, 'usage at T is inside [T, T+90)');
  assert.equal(at('I_LAST_DAY', T, idle)['churned_within_90d'], 0, 'usage on T+89');
  assert.equal(at('I_AT_END', T, idle)['churned_within_90d'], 1, 'usage at T+90 is outside');
  assert.equal(at('I_BEFORE', T, idle)['churned_within_90d'], 1, 'usage before T is outside');
  const censored = await rowsOf(
    await buildFeatures(history, { asOf: T, dataEnd: '2024-09-28', label: 'inactivity', relation: 'idle_early' }),
  );
  assert.equal(at('I_BEFORE', T, censored)['churned_within_90d'], null);
  assert.equal(at('I_AT_T', T, censored)['churned_within_90d'], null);
});

test('snapshot dates: the first 1st (or Monday) strictly after the earliest start, through data_end inclusive', () => {
  assert.deepEqual(snapshotDates('month', '2024-01-31', '2024-04-01'), ['2024-02-01', '2024-03-01', '2024-04-01']);
  assert.deepEqual(snapshotDates('month', '2024-02-01', '2024-03-31'), ['2024-03-01']);
  assert.deepEqual(snapshotDates('month', '2023-11-15', '2024-02-01'), ['2023-12-01', '2024-01-01', '2024-02-01']);
  assert.deepEqual(snapshotDates('month', '2024-01-01', '2024-01-31'), []);
  // 2024-06-30 is a Sunday, 07-01 a Monday
  assert.deepEqual(snapshotDates('week', '2024-06-30', '2024-07-15'), ['2024-07-01', '2024-07-08', '2024-07-15']);
  assert.deepEqual(snapshotDates('week', '2024-07-01', '2024-07-14'), ['2024-07-08']);
  assert.deepEqual(snapshotDates('week', '2024-06-24', '2024-07-07'), ['2024-07-01']);
  // every day, across a leap day and a year end
  assert.deepEqual(snapshotDates('day', '2024-02-27', '2024-03-01'), ['2024-02-28', '2024-02-29', '2024-03-01']);
  assert.deepEqual(snapshotDates('day', '2023-12-30', '2024-01-01'), ['2023-12-31', '2024-01-01']);
  assert.deepEqual(snapshotDates('day', '2024-01-01', '2024-01-01'), []);
  // before 1970 (negative epoch days): 1969-12-22 and 12-29 are Mondays; years are four digits
  assert.deepEqual(snapshotDates('week', '1969-12-20', '1970-01-05'), ['1969-12-22', '1969-12-29', '1970-01-05']);
  assert.deepEqual(snapshotDates('month', '0999-11-15', '1000-01-01'), ['0999-12-01', '1000-01-01']);
  assert.throws(() => snapshotDates('month', '2024-02-30', '2024-05-01'), /not a date/);
  assert.throws(() => snapshotDates('week', '2024-01-01', 'soon'), /not a date/);
});

test('--from: the as-of dates on or after it; none left is a usage error naming the last date and data_end', () => {
  const grid = ['2024-05-01', '2024-06-01', '2024-07-01'];
  assert.deepEqual(snapshotsFrom(grid, undefined, '2024-07-15'), grid);
  assert.deepEqual(snapshotsFrom(grid, '2024-06-01', '2024-07-15'), ['2024-06-01', '2024-07-01'], 'on the date');
  assert.deepEqual(snapshotsFrom(grid, '2024-06-02', '2024-07-15'), ['2024-07-01'], 'the day after');
  assert.deepEqual(snapshotsFrom(grid, '2024-07-01', '2024-07-15'), ['2024-07-01'], 'on the last date');
  assert.throws(
    () => snapshotsFrom(grid, '2024-07-02', '2024-07-15'),
    (e: unknown) =>
      e instanceof UsageError &&
      e.message === '--from 2024-07-02: no as-of date is on or after it (the last is 2024-07-01, data_end 2024-07-15)',
  );
  assert.deepEqual(snapshotsFrom([], '2024-07-02', '2024-07-15'), [], 'no grid: nothing to refuse');
});

test('featureQuery refuses no as-of dates and a horizon that is not a whole number of days >= 1', () => {
  const params = {
    asOf: [T],
    dataEnd: '2024-09-29',
    horizon: 90,
    label: 'churn' as const,
    tables: new Set(['accounts', 'usage'] as const),
    csmKinds: [],
  };
  assert.throws(
    () => featureQuery({ ...params, asOf: [] }, duckdbDialect),
    /^RangeError: featureQuery: no as-of dates$/,
  );
  for (const horizon of [0, -1, 1.5])
    assert.throws(
      () => featureQuery({ ...params, horizon }, duckdbDialect),
      new RangeError(`featureQuery: horizon must be a positive integer, got ${horizon}`),
    );
  assert.ok(featureQuery({ ...params, horizon: 1 }, duckdbDialect).steps.length > 0, 'a horizon of one day');
  // --label expansion reads contracts and needs a threshold above 0
  assert.throws(
    () => featureQuery({ ...params, label: 'expansion' }, duckdbDialect),
    new RangeError('featureQuery: --label expansion reads the contracts table'),
  );
  const withContracts = {
    ...params,
    label: 'expansion' as const,
    tables: new Set(['accounts', 'usage', 'contracts'] as const),
  };
  for (const expansionThreshold of [0, -0.1])
    assert.throws(
      () => featureQuery({ ...withContracts, expansionThreshold }, duckdbDialect),
      new RangeError(`featureQuery: the expansion threshold must be above 0, got ${expansionThreshold}`),
    );
  assert.ok(
    featureQuery({ ...withContracts, expansionThreshold: 0.01 }, duckdbDialect).select.includes('expanded_within_90d'),
  );
});

test('every relation of the feature query is read by a later one or by the final SELECT: each label, with and without --seasonal', () => {
  // each relation is a table the build fills (build.ts): one that nothing reads is work for nothing,
  // e.g. the usage of the 90 days after every as-of date for the inactivity label, or a year of usage
  // for year-over-year columns nobody asked for (whose empty select lists PostgreSQL also refuses)
  const tables = new Set([
    'accounts',
    'usage',
    'tickets',
    'contacts',
    'interactions',
    'nps',
    'contracts',
    'integrations',
  ] as const);
  const seasonals = [[], ['usage_trend_14d'], ['feature_adoption_breadth_change_30d']] as const;
  for (const label of ['churn', 'inactivity', 'expansion'] as const)
    for (const seasonal of seasonals) {
      const q = featureQuery(
        { asOf: [EARLIER, T], dataEnd: '2024-09-29', horizon: 90, label, tables, csmKinds: ['call'], seasonal },
        duckdbDialect,
      );
      const unread = q.steps
        .filter(
          (s, i) =>
            ![...q.steps.slice(i + 1).map((t) => t.sql), q.select].some((sql) =>
              new RegExp(`\\b${s.name}\\b`).test(sql),
            ),
        )
        .map((s) => s.name);
      assert.deepEqual(unread, [], `--label ${label}, --seasonal ${seasonal.join(',') || '(none)'}`);
      const names = q.steps.map((s) => s.name);
      assert.equal(names.includes('usage_ahead'), label === 'inactivity', `usage ahead, --label ${label}`);
      assert.equal(names.includes('expansion_ahead'), label === 'expansion', `expansion ahead, --label ${label}`);
      assert.equal(
        names.includes('usage_year_ago'),
        seasonal.length > 0,
        `a year ago, --seasonal ${seasonal.join(',')}`,
      );
    }
});

test('no interaction kind counts as a CSM touch: days since started_at for every account', async () => {
  const none = await rowsOf(
    await buildFeatures(history, { asOf: T, dataEnd: '2024-09-29', csmKinds: [], relation: 'no_csm' }),
  );
  // D1 had touches on 05-31 and 06-01 (30 days at T with the default kinds); started 2024-01-01: 182 days
  close(at('D1', T, none)['days_since_last_csm_interaction'], 182, 'D1');
  close(at('D2', T, none)['days_since_last_csm_interaction'], 182, 'D2');
});

test('login quantities with fractions add up exactly; no feature event at all: breadth 0', async () => {
  const t = await tempDir('churnkit-fractions-');
  try {
    await writeFile(
      join(t.dir, 'accounts.csv'),
      csv('account_id,segment,started_at,churned_at,seats', ['Q,,2023-01-01,,']),
    );
    await writeFile(
      join(t.dir, 'usage.csv'),
      csv('account_id,occurred_at,user_id,event,quantity', [
        // last 14 days: 0.1 three times, 0.30000000000000004 in doubles whatever the order; 0.3 exactly
        'Q,2024-06-28T10:00:00,u1,login,0.1',
        'Q,2024-06-29T10:00:00,u1,login,0.1',
        'Q,2024-06-30T10:00:00,u1,login,0.1',
        'Q,2024-06-10T10:00:00,u1,login,0.3', // prior 14 days
      ]),
    );
    const h = await openHistory(t.dir);
    try {
      const b = await buildFeatures(h, { asOf: T, dataEnd: T, relation: 'fractions' });
      const [r] = await queryRows(h.connection, `SELECT * FROM "${b.relation}"`);
      assert.deepEqual(
        [r!['login_frequency_change_14d'], r!['usage_trend_14d'], r!['feature_adoption_breadth_change_30d']],
        [0, 0, 0],
      );
    } finally {
      h.close();
    }
  } finally {
    await t.cleanup();
  }
});

test('feature breadth past the bitmask: 64 distinct feature events are counted (the generic path)', async () => {
  const t = await tempDir('churnkit-breadth-');
  try {
    const events = Array.from({ length: 64 }, (_, i) => `e${String(i + 1).padStart(2, '0')}`);
    await writeFile(
      join(t.dir, 'accounts.csv'),
      csv('account_id,segment,started_at,churned_at,seats', ['B,,2023-01-01,,']),
    );
    await writeFile(
      join(t.dir, 'usage.csv'),
      csv('account_id,occurred_at,user_id,event,quantity', [
        ...events.map((e) => `B,2024-06-20T10:00:00,u1,${e},1`), // last 30 days: all 64 (bit 63 would be a BIGINT's sign)
        ...events.slice(0, 42).map((e) => `B,2024-05-20T10:00:00,u1,${e},1`), // prior 30 days: 42
      ]),
    );
    const h = await openHistory(t.dir);
    try {
      const b = await buildFeatures(h, { asOf: T, dataEnd: T, relation: 'breadth' });
      const [r] = await queryRows(h.connection, `SELECT * FROM "${b.relation}"`);
      close(r!['feature_adoption_breadth_change_30d'], 64 / 42 - 1, 'B');
    } finally {
      h.close();
    }
  } finally {
    await t.cleanup();
  }
});
