import type { TableName } from '../data/index.js';
import { quoteIdent, quoteLiteral } from '../data/index.js';
import { isoDay } from '../util/index.js';
import type { SqlDialect } from './dialect.js';
import { EXPANSION_LABEL_COLUMN, EXPANSION_THRESHOLD, featureTableColumns } from './registry.js';

/**
 * The feature SQL of docs/features.md, one named relation per feature family, in standard SQL plus
 * the few constructs of `SqlDialect`. It reads the contract views (`accounts`, `usage`, ...) that
 * `openHistory` creates and nothing else.
 *
 * How windows are evaluated: every as-of date T gets the days T-1, T-2, ... T-K (`window_days`,
 * k = T - day). An event at timestamp t lies in "last N days" = [T-N, T) iff its UTC day d satisfies
 * 1 <= T - d <= N, because T is 00:00 UTC; "prior N days" is N < T - d <= 2N. Joining events to
 * `window_days` on the day is an equi-join against a table of (dates x K) rows, so each event is
 * touched once per snapshot whose window it falls in and nothing at or after T is ever read.
 * "Latest event before T" (CSM touch, integration) puts each event in the bucket of the first
 * as-of date after it (an equi-join on the day again) and takes a running max over the as-of
 * dates of the account.
 */
export type LabelKind = 'churn' | 'inactivity' | 'expansion';
export const LABEL_KINDS: readonly LabelKind[] = ['churn', 'inactivity', 'expansion'];

export interface FeatureSqlParams {
  /** As-of dates, `YYYY-MM-DD`, ascending and distinct. */
  asOf: readonly string[];
  /** Last day of data (inclusive), `YYYY-MM-DD`: a label is known iff T + horizon <= dataEnd. */
  dataEnd: string;
  horizon: number;
  /** `expansion` keeps the churn label and adds `expanded_within_90d` after it. */
  label: LabelKind;
  /** `--label expansion`: the least relative rise of annual value that counts (default EXPANSION_THRESHOLD). */
  expansionThreshold?: number;
  /** The contract tables present; families whose tables are absent yield NULL columns. */
  tables: ReadonlySet<TableName>;
  /** Interaction kinds that count as a CSM touch (feature 6). */
  csmKinds: readonly string[];
  /** How a contract table is referenced in SQL (default: its quoted name). */
  source?: (table: TableName) => string;
  /**
   * The distinct feature event names in usage (not login, not api_call), when known. With at most
   * MAX_EVENT_BITS of them, feature breadth counts bits of a bitmask (one cheap BIT_OR per window)
   * instead of COUNT(DISTINCT event); the numbers are the same either way.
   */
  featureEvents?: readonly string[];
  /**
   * Every usage quantity is a whole number and their total is below 2^53, so double sums are
   * exact and the decimal conversion can be skipped (same numbers, less work).
   */
  wholeQuantities?: boolean;
  /** Days every as-of date looks back in `window_days` at least (the transactional set reads a year and its prior). */
  lookbackDays?: number;
  /**
   * Usage trends that also get a year-over-year column `<name>_yoy` (`features --seasonal`), after
   * the label, in SEASONAL_FEATURES order.
   */
  seasonal?: readonly SeasonalFeature[];
}

/**
 * The usage trends that can be read against the same weeks a year earlier (`features --seasonal`),
 * with the length N of their windows. `<name>_yoy` at as-of T, for an account of segment S:
 *
 *   L, P   = the account's last and prior N days, as the plain feature reads them;
 *   La, Pa = segment S's same two windows 365 days earlier, [T-365-N, T-365) and [T-365-2N, T-365-N):
 *            the feature's counts of every account of S added up (whoever was a customer then);
 *   rel_change(L, P * La / Pa)   when the usage data reaches back to T-365-2N and La > 0 and Pa > 0,
 *   rel_change(L, P) otherwise   (the plain feature).
 *
 * P * La / Pa is what the last N days would hold if the account moved as its segment did over the
 * same weeks a year earlier, so a December dip that happens every year reads as 0 and one that did
 * not happen last year as a fall. The segment's profile, not the account's own year-ago weeks:
 * on the simulator's seasonal histories the account's own (four windows of one account, NULL for
 * every account younger than a year) ranked worse than the plain trend, the segment's better
 * (docs/seasonality.md). "The usage data reaches back": its first day, over all accounts, is on or
 * before T-365-2N. Everything read lies before T.
 */
export const SEASONAL_FEATURES = {
  usage_trend_14d: 14,
  login_frequency_change_14d: 14,
  feature_adoption_breadth_change_30d: 30,
} as const;
export type SeasonalFeature = keyof typeof SEASONAL_FEATURES;
/** How far back a year-over-year comparison reaches: a year. */
export const YEAR_DAYS = 365;
export const seasonalColumn = (feature: SeasonalFeature) => `${feature}_yoy`;
export function isSeasonalFeature(name: string): name is SeasonalFeature {
  return Object.hasOwn(SEASONAL_FEATURES, name);
}

/** Feature events that fit a BIGINT bitmask (bit 63 is the sign). */
export const MAX_EVENT_BITS = 62;

/** One named relation of the feature query. */
export interface SqlStep {
  name: string;
  /** The feature family this relation belongs to, for progress and docs. */
  family: string;
  sql: string;
  /**
   * Worth storing when run step by step (small aggregates); false for relations that only
   * rename or filter a big input and should stay a view so the engine streams them.
   */
  materialize: boolean;
}

export interface FeatureQuery {
  steps: SqlStep[];
  /** The final SELECT, columns in FEATURE_TABLE_COLUMNS order, sorted by as_of, account_id. */
  select: string;
}

/** Window lengths of docs/features.md, in days. */
export const WINDOWS = {
  /** usage_trend_14d, login_frequency_change_14d and zero_usage_14d share one window. */
  usage: 14,
  tickets: 30,
  champion: 30,
  activeUsers: 30,
  adoption: 30,
  nps: 180,
} as const;

export function featureQuery(params: FeatureSqlParams, d: SqlDialect): FeatureQuery {
  if (params.asOf.length === 0) throw new RangeError('featureQuery: no as-of dates');
  if (!Number.isInteger(params.horizon) || params.horizon < 1)
    throw new RangeError(`featureQuery: horizon must be a positive integer, got ${params.horizon}`);
  const has = (t: TableName) => params.tables.has(t);
  const src = params.source ?? ((t: TableName) => quoteIdent(t));
  const D = (e: string) => d.double(e);
  const steps: SqlStep[] = [];
  const step = (family: string, name: string, sql: string, materialize = true) =>
    steps.push({ family, name, sql, materialize });

  /** rel_change(L, P) of docs/features.md over non-negative L and P (never NULL here). */
  const relChange = (l: string, p: string) => {
    const clipped = d.least(d.greatest(`${D(l)} / ${D(p)} - 1`, '-1'), '3');
    return D(`CASE WHEN ${p} > 0 THEN ${clipped} WHEN ${l} > 0 THEN 3 ELSE 0 END`);
  };
  const zero = (e: string) => `COALESCE(${e}, 0)`;
  const inEffect = (start: string, end: string, t: string) => `${start} < ${t} AND (${end} IS NULL OR ${end} > ${t})`;

  // ---- as-of dates and the day maps every windowed family joins on
  const dates = params.asOf.map((t) => `(${d.dateLiteral(t)})`).join(', ');
  step('snapshots', 'snapshot_dates', `SELECT as_of FROM (VALUES ${dates}) AS t(as_of)`);
  // bucket_days: each day from the first as-of date to the last one, with the first as-of date
  // after it (days before the first as-of date belong to it too; see latestBefore).
  const first = d.dateLiteral(params.asOf[0]!);
  const last = d.dateLiteral(params.asOf.at(-1)!);
  const gaps = params.asOf.slice(1).map((t, i) => isoDay(t)! - isoDay(params.asOf[i]!)!);
  if (gaps.length) {
    step(
      'snapshots',
      'bucket_days',
      `SELECT p.as_of, ${d.addDays('p.prev_as_of', 'g.k')} AS day
FROM (SELECT as_of, LAG(as_of) OVER (ORDER BY as_of) AS prev_as_of FROM snapshot_dates) AS p
CROSS JOIN ${d.integerSeries('g', 'k', 0, Math.max(...gaps) - 1)}
WHERE p.prev_as_of IS NOT NULL AND ${d.addDays('p.prev_as_of', 'g.k')} < p.as_of`,
    );
  } else {
    step('snapshots', 'bucket_days', `SELECT as_of, as_of AS day FROM snapshot_dates WHERE FALSE`);
  }
  const lookback = Math.max(
    params.lookbackDays ?? 0,
    has('nps') ? 2 * WINDOWS.nps : 2 * Math.max(WINDOWS.tickets, WINDOWS.champion, WINDOWS.adoption, WINDOWS.usage),
  );
  step(
    'snapshots',
    'window_days',
    `SELECT sd.as_of, ${d.addDays('sd.as_of', '-g.k')} AS day, g.k AS k
FROM snapshot_dates sd CROSS JOIN ${d.integerSeries('g', 'k', 1, lookback)}`,
  );
  step(
    'snapshots',
    'snapshots',
    `SELECT a.account_id, sd.as_of, a.segment, a.seats, a.started_at, a.churned_at
FROM ${src('accounts')} a JOIN snapshot_dates sd ON ${inEffect('a.started_at', 'a.churned_at', 'sd.as_of')}`,
  );

  /**
   * Per snapshot row, the latest day before its as-of date among `events` (account_id, day): each
   * day goes to the bucket of the first as-of date after it, then a running max over the account's
   * as-of dates (the RANGE frame includes the snapshot row's own bucket).
   */
  const latestBefore = (family: string, name: string, events: string) => {
    step(
      family,
      `${name}_buckets`,
      `SELECT e.account_id, COALESCE(b.as_of, ${first}) AS as_of, MAX(e.day) AS last_day
FROM (${events}) AS e LEFT JOIN bucket_days b ON b.day = e.day
WHERE e.day < ${last}
GROUP BY e.account_id, COALESCE(b.as_of, ${first})`,
    );
    step(
      family,
      name,
      `SELECT account_id, as_of, last_day FROM (
  SELECT account_id, as_of, is_snapshot, MAX(last_day) OVER (PARTITION BY account_id ORDER BY as_of RANGE BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS last_day
  FROM (
    SELECT account_id, as_of, last_day, 0 AS is_snapshot FROM ${name}_buckets
    UNION ALL
    SELECT account_id, as_of, CAST(NULL AS ${d.types.date}) AS last_day, 1 AS is_snapshot FROM snapshots
  ) AS u
) AS w WHERE is_snapshot = 1`,
    );
  };

  // ---- usage family: features 1, 4, 5, 9, zero_usage_14d, active users for feature 8
  // A usage row counts as usage when its quantity (default 1) is > 0. Only rows some window can
  // see are read (the range also lets Parquet row groups and indexes be skipped).
  // Sums of quantities must not depend on the order rows are added in (byte-stable output, the
  // same numbers on every engine): whole-number quantities add exactly as doubles, others go
  // through an exact decimal.
  const exactQty = params.wholeQuantities ? 'u.qty' : d.exactNumber('u.qty');
  const usageFrom = d.addDays(first, -2 * Math.max(WINDOWS.usage, WINDOWS.activeUsers, WINDOWS.adoption));
  const usageTo = params.label === 'inactivity' ? d.addDays(last, params.horizon) : last;
  step(
    'usage',
    'usage_rows',
    `SELECT account_id, ${d.dayOf('occurred_at')} AS day, user_id, event, COALESCE(quantity, 1) AS qty
FROM ${src('usage')}
WHERE occurred_at >= ${d.startOfDay(usageFrom)} AND occurred_at < ${d.startOfDay(usageTo)}`,
    false,
  );
  step(
    'usage',
    'usage_totals',
    `SELECT u.account_id, w.as_of,
  ${D(`SUM(${exactQty}) FILTER (WHERE w.k <= ${WINDOWS.usage} AND u.event <> 'login')`)} AS usage_last,
  ${D(`SUM(${exactQty}) FILTER (WHERE w.k > ${WINDOWS.usage} AND u.event <> 'login')`)} AS usage_prior,
  ${D(`SUM(${exactQty}) FILTER (WHERE w.k <= ${WINDOWS.usage} AND u.event = 'login')`)} AS logins_last,
  ${D(`SUM(${exactQty}) FILTER (WHERE w.k > ${WINDOWS.usage} AND u.event = 'login')`)} AS logins_prior,
  COUNT(*) FILTER (WHERE w.k <= ${WINDOWS.usage} AND u.qty > 0) AS events_last_14d
FROM usage_rows u JOIN window_days w ON w.day = u.day AND w.k <= ${2 * WINDOWS.usage}
GROUP BY u.account_id, w.as_of`,
  );
  step(
    'usage',
    'usage_users',
    `SELECT u.account_id, w.as_of, COUNT(DISTINCT u.user_id) AS active_users
FROM usage_rows u JOIN window_days w ON w.day = u.day AND w.k <= ${WINDOWS.activeUsers}
WHERE u.qty > 0
GROUP BY u.account_id, w.as_of`,
  );
  const events = params.featureEvents;
  if (events !== undefined && events.length <= MAX_EVENT_BITS) {
    // Bit i of a row's mask is feature event i; the breadth of a window is the popcount of the OR.
    const dictionary = events.length
      ? `SELECT event, bit FROM (VALUES ${events.map((e, i) => `(${quoteLiteral(e)}, ${d.bigint((1n << BigInt(i)).toString())})`).join(', ')}) AS t(event, bit)`
      : `SELECT ${d.text("''")} AS event, ${d.bigint('0')} AS bit WHERE FALSE`;
    step('usage', 'feature_event_bits', dictionary);
    step(
      'usage',
      'usage_breadth',
      `SELECT account_id, as_of, ${d.popcount(`COALESCE(mask_last, ${d.bigint('0')})`)} AS features_last, ${d.popcount(`COALESCE(mask_prior, ${d.bigint('0')})`)} AS features_prior
FROM (
  SELECT u.account_id, w.as_of,
    BIT_OR(f.bit) FILTER (WHERE w.k <= ${WINDOWS.adoption}) AS mask_last,
    BIT_OR(f.bit) FILTER (WHERE w.k > ${WINDOWS.adoption}) AS mask_prior
  FROM usage_rows u
  JOIN feature_event_bits f ON f.event = u.event
  JOIN window_days w ON w.day = u.day AND w.k <= ${2 * WINDOWS.adoption}
  WHERE u.qty > 0
  GROUP BY u.account_id, w.as_of
) AS masks`,
    );
  } else {
    step(
      'usage',
      'usage_breadth',
      `SELECT u.account_id, w.as_of,
  COUNT(DISTINCT u.event) FILTER (WHERE w.k <= ${WINDOWS.adoption}) AS features_last,
  COUNT(DISTINCT u.event) FILTER (WHERE w.k > ${WINDOWS.adoption}) AS features_prior
FROM usage_rows u JOIN window_days w ON w.day = u.day AND w.k <= ${2 * WINDOWS.adoption}
WHERE u.qty > 0 AND u.event NOT IN ('login', 'api_call')
GROUP BY u.account_id, w.as_of`,
    );
  }

  // ---- year over year: the usage trends against the same windows a year earlier (`--seasonal`)
  const seasonal = (Object.keys(SEASONAL_FEATURES) as SeasonalFeature[]).filter((f) => params.seasonal?.includes(f));
  const yearReach = YEAR_DAYS + 2 * Math.max(0, ...seasonal.map((f) => SEASONAL_FEATURES[f]));
  if (seasonal.length) {
    const n14 = YEAR_DAYS + WINDOWS.usage;
    const n30 = YEAR_DAYS + WINDOWS.adoption;
    step(
      'year_over_year',
      'year_ago_days',
      `SELECT sd.as_of, ${d.addDays('sd.as_of', '-g.k')} AS day, g.k AS k
FROM snapshot_dates sd CROSS JOIN ${d.integerSeries('g', 'k', YEAR_DAYS + 1, yearReach)}`,
    );
    step(
      'year_over_year',
      'usage_rows_year_ago',
      `SELECT account_id, ${d.dayOf('occurred_at')} AS day, event, COALESCE(quantity, 1) AS qty
FROM ${src('usage')}
WHERE occurred_at >= ${d.startOfDay(d.addDays(first, -yearReach))} AND occurred_at < ${d.startOfDay(d.addDays(last, -YEAR_DAYS))}`,
      false,
    );
    // per account and as-of date, the counts a year earlier of the trends asked for (only those:
    // the distinct-event counts of breadth are the dear part)
    const measures: Record<SeasonalFeature, [string, string, string]> = {
      usage_trend_14d: [
        'usage',
        D(`SUM(${exactQty}) FILTER (WHERE w.k <= ${n14} AND u.event <> 'login')`),
        D(`SUM(${exactQty}) FILTER (WHERE w.k > ${n14} AND w.k <= ${n14 + WINDOWS.usage} AND u.event <> 'login')`),
      ],
      login_frequency_change_14d: [
        'logins',
        D(`SUM(${exactQty}) FILTER (WHERE w.k <= ${n14} AND u.event = 'login')`),
        D(`SUM(${exactQty}) FILTER (WHERE w.k > ${n14} AND w.k <= ${n14 + WINDOWS.usage} AND u.event = 'login')`),
      ],
      feature_adoption_breadth_change_30d: [
        'features',
        `COUNT(DISTINCT u.event) FILTER (WHERE w.k <= ${n30} AND u.qty > 0 AND u.event NOT IN ('login', 'api_call'))`,
        `COUNT(DISTINCT u.event) FILTER (WHERE w.k > ${n30} AND u.qty > 0 AND u.event NOT IN ('login', 'api_call'))`,
      ],
    };
    const asked = seasonal.map((f) => measures[f]);
    const names = asked.flatMap(([m]) => [`${m}_last`, `${m}_prior`]);
    step(
      'year_over_year',
      'usage_year_ago',
      `SELECT u.account_id, w.as_of,
  ${asked.map(([m, last, prior]) => `${last} AS ${m}_last,\n  ${prior} AS ${m}_prior`).join(',\n  ')}
FROM usage_rows_year_ago u JOIN year_ago_days w ON w.day = u.day
GROUP BY u.account_id, w.as_of`,
    );
    // the segment's profile: its accounts' windows a year earlier added up (whoever they were then)
    step(
      'year_over_year',
      'segment_year_ago',
      `SELECT sd.as_of, seg.segment,
  ${names.map((n) => `SUM(ya.${n}) AS ${n}`).join(', ')}
FROM snapshot_dates sd
JOIN (SELECT DISTINCT segment FROM ${src('accounts')}) AS seg ON TRUE
LEFT JOIN (
  SELECT a.segment, y.as_of, ${names.map((n) => `y.${n}`).join(', ')}
  FROM usage_year_ago y JOIN ${src('accounts')} a ON a.account_id = y.account_id
) AS ya ON ya.as_of = sd.as_of AND ya.segment IS NOT DISTINCT FROM seg.segment
GROUP BY sd.as_of, seg.segment`,
    );
    step(
      'year_over_year',
      'usage_first_day',
      `SELECT MIN(${d.dayOf('occurred_at')}) AS first_day FROM ${src('usage')}`,
    );
  }
  /** `<feature>_yoy` (see SEASONAL_FEATURES): L, P this year; La, Pa the segment's windows a year earlier. */
  const yearOverYear = (feature: SeasonalFeature, l: string, p: string, la: string, pa: string) => {
    const reach = d.addDays('s.as_of', -(YEAR_DAYS + 2 * SEASONAL_FEATURES[feature]));
    const year = `uf.first_day <= ${reach} AND ${la} > 0 AND ${pa} > 0`;
    return `CASE WHEN ${year} THEN ${relChange(zero(l), `${D(zero(p))} * ${D(la)} / ${D(pa)}`)} ELSE ${relChange(zero(l), zero(p))} END`;
  };

  // ---- tickets: feature 2, active_escalation
  if (has('tickets')) {
    step(
      'tickets',
      'ticket_counts',
      `SELECT t.account_id, w.as_of,
  COUNT(DISTINCT t.ticket_id) FILTER (WHERE w.k <= ${WINDOWS.tickets}) AS opened_last,
  COUNT(DISTINCT t.ticket_id) FILTER (WHERE w.k > ${WINDOWS.tickets}) AS opened_prior
FROM ${src('tickets')} t JOIN window_days w ON w.day = ${d.dayOf('t.opened_at')} AND w.k <= ${2 * WINDOWS.tickets}
GROUP BY t.account_id, w.as_of`,
    );
    step(
      'tickets',
      'open_escalations',
      `SELECT t.account_id, sd.as_of, COUNT(*) AS open_escalations
FROM ${src('tickets')} t JOIN snapshot_dates sd ON ${inEffect('t.opened_at', 't.closed_at', d.startOfDay('sd.as_of'))}
WHERE t.escalated
GROUP BY t.account_id, sd.as_of`,
    );
  }

  // ---- champions: feature 3, champion_departed
  if (has('contacts')) {
    step(
      'champion',
      'champions_in_effect',
      `SELECT DISTINCT c.account_id, c.contact_id, sd.as_of
FROM ${src('contacts')} c JOIN snapshot_dates sd ON ${inEffect('c.started_at', 'c.ended_at', 'sd.as_of')}
WHERE c.role = 'champion'`,
    );
    step(
      'champion',
      'champion_counts',
      `SELECT account_id, as_of, COUNT(*) AS champions FROM champions_in_effect GROUP BY account_id, as_of`,
    );
    step(
      'champion',
      'champion_first',
      `SELECT account_id, MIN(started_at) AS first_champion_started
FROM ${src('contacts')} WHERE role = 'champion' GROUP BY account_id`,
    );
    if (has('interactions')) {
      step(
        'champion',
        'champion_touches',
        `SELECT ch.account_id, ch.as_of,
  COUNT(*) FILTER (WHERE w.k <= ${WINDOWS.champion}) AS touches_last,
  COUNT(*) FILTER (WHERE w.k > ${WINDOWS.champion}) AS touches_prior
FROM ${src('interactions')} i
JOIN window_days w ON w.day = ${d.dayOf('i.occurred_at')} AND w.k <= ${2 * WINDOWS.champion}
JOIN champions_in_effect ch ON ch.account_id = i.account_id AND ch.contact_id = i.contact_id AND ch.as_of = w.as_of
GROUP BY ch.account_id, ch.as_of`,
      );
    }
  }

  // ---- CSM touches: feature 6
  if (has('interactions')) {
    const kinds = params.csmKinds.length ? `i.kind IN (${params.csmKinds.map(quoteLiteral).join(', ')})` : 'FALSE';
    latestBefore(
      'csm',
      'csm_last',
      `SELECT i.account_id, ${d.dayOf('i.occurred_at')} AS day FROM ${src('interactions')} i WHERE ${kinds}`,
    );
  }

  // ---- NPS: feature 7
  if (has('nps')) {
    step(
      'nps',
      'nps_windows',
      `SELECT n.account_id, w.as_of,
  SUM(n.score) FILTER (WHERE w.k <= ${WINDOWS.nps}) AS score_sum_last,
  COUNT(n.score) FILTER (WHERE w.k <= ${WINDOWS.nps}) AS responses_last,
  SUM(n.score) FILTER (WHERE w.k > ${WINDOWS.nps}) AS score_sum_prior,
  COUNT(n.score) FILTER (WHERE w.k > ${WINDOWS.nps}) AS responses_prior
FROM ${src('nps')} n JOIN window_days w ON w.day = ${d.dayOf('n.responded_at')} AND w.k <= ${2 * WINDOWS.nps}
GROUP BY n.account_id, w.as_of`,
    );
  }

  // ---- contracts: feature 8, days_to_renewal, annual_value
  if (has('contracts')) {
    step(
      'contracts',
      'contracts_in_effect',
      `SELECT c.account_id, sd.as_of, SUM(${d.exactNumber('c.annual_value')}) AS annual_value, MIN(c.ends_at) AS next_renewal
FROM ${src('contracts')} c JOIN snapshot_dates sd ON ${inEffect('c.starts_at', 'c.ends_at', 'sd.as_of')}
GROUP BY c.account_id, sd.as_of`,
    );
    step(
      'contracts',
      'value_per_user',
      `SELECT s.account_id, s.as_of, s.segment,
  ${D('ce.annual_value')} / ${D(`CASE WHEN ${zero('uu.active_users')} > 1 THEN uu.active_users ELSE 1 END`)} AS value_per_user
FROM snapshots s
JOIN contracts_in_effect ce ON ce.account_id = s.account_id AND ce.as_of = s.as_of
LEFT JOIN usage_users uu ON uu.account_id = s.account_id AND uu.as_of = s.as_of`,
    );
    step(
      'contracts',
      'segment_value_medians',
      `SELECT as_of, segment, ${d.median('value_per_user')} AS median_value_per_user
FROM value_per_user GROUP BY as_of, segment`,
    );
  }

  // ---- integrations: feature 10
  if (has('integrations')) {
    latestBefore(
      'integrations',
      'integration_last',
      `SELECT g.account_id, ${d.dayOf('g.connected_at')} AS day FROM ${src('integrations')} g`,
    );
  }

  // ---- label
  const horizonEnd = d.addDays('s.as_of', params.horizon);
  const dataEnd = d.dateLiteral(params.dataEnd);
  let label: string;
  if (params.label === 'inactivity') {
    step(
      'label',
      'ahead_days',
      `SELECT sd.as_of, ${d.addDays('sd.as_of', 'g.j')} AS day
FROM snapshot_dates sd CROSS JOIN ${d.integerSeries('g', 'j', 0, params.horizon - 1)}`,
    );
    step(
      'label',
      'usage_ahead',
      `SELECT u.account_id, a.as_of, COUNT(*) AS events_ahead
FROM usage_rows u JOIN ahead_days a ON a.day = u.day
WHERE u.qty > 0
GROUP BY u.account_id, a.as_of`,
    );
    label = `CASE WHEN ${horizonEnd} > ${dataEnd} THEN NULL WHEN ${zero('ua.events_ahead')} > 0 THEN 0 ELSE 1 END`;
  } else {
    label = `CASE WHEN s.churned_at > s.as_of AND s.churned_at <= ${horizonEnd} THEN 1 WHEN ${horizonEnd} <= ${dataEnd} THEN 0 END`;
  }
  // expanded_within_90d: the annual value in effect on some day D of (T, T+horizon] is at least
  // (1 + threshold) x the annual value in effect at T. Only a contract start raises the value in
  // effect, and a contract starting on day S is first in effect on S + 1 (in effect at D iff
  // S < D), so the days to look at are S + 1 for the contracts starting in [T, T+horizon): the
  // same window as the churn label's (T, T+horizon]. Known (0) once T + horizon <= data_end, an
  // expansion already seen is 1 even before that, as churn is; NULL without a contract in effect
  // at T (a first contract is a sale, not an expansion of one).
  let expansion: string | null = null;
  if (params.label === 'expansion') {
    if (!has('contracts')) throw new RangeError('featureQuery: --label expansion reads the contracts table');
    const threshold = params.expansionThreshold ?? EXPANSION_THRESHOLD;
    if (!(threshold > 0))
      throw new RangeError(`featureQuery: the expansion threshold must be above 0, got ${threshold}`);
    step(
      'label',
      'expansion_days',
      `SELECT DISTINCT c.account_id, sd.as_of, ${d.addDays('c.starts_at', 1)} AS day
FROM ${src('contracts')} c JOIN snapshot_dates sd
  ON c.starts_at >= sd.as_of AND c.starts_at < ${d.addDays('sd.as_of', params.horizon)}`,
    );
    step(
      'label',
      'expansion_ahead',
      `SELECT v.account_id, v.as_of, MAX(v.annual_value) AS max_value_ahead
FROM (
  SELECT x.account_id, x.as_of, x.day, SUM(${d.exactNumber('c.annual_value')}) AS annual_value
  FROM expansion_days x JOIN ${src('contracts')} c ON c.account_id = x.account_id AND ${inEffect('c.starts_at', 'c.ends_at', 'x.day')}
  GROUP BY x.account_id, x.as_of, x.day
) AS v
GROUP BY v.account_id, v.as_of`,
    );
    // decimals on both sides: 10% of 1234.56 is compared exactly, the same on every engine
    expansion = `CASE WHEN ce.annual_value IS NULL OR ce.annual_value <= 0 THEN NULL
    WHEN ea.max_value_ahead - ce.annual_value >= ${d.exactNumber(String(threshold))} * ce.annual_value THEN 1
    WHEN ${horizonEnd} <= ${dataEnd} THEN 0 END`;
  }

  // ---- the feature table
  const nul = (type: string) => `CAST(NULL AS ${type})`;
  const dbl = d.types.double;
  const columns: Record<string, string> = {
    account_id: d.text('s.account_id'),
    as_of: 's.as_of',
    segment: d.text('s.segment'),
    usage_trend_14d: relChange(zero('ut.usage_last'), zero('ut.usage_prior')),
    support_ticket_trend_30d: has('tickets') ? relChange(zero('tc.opened_last'), zero('tc.opened_prior')) : nul(dbl),
    champion_engagement_change_30d:
      has('contacts') && has('interactions')
        ? `CASE WHEN ${zero('cc.champions')} > 0 THEN ${relChange(zero('ct.touches_last'), zero('ct.touches_prior'))} END`
        : nul(dbl),
    login_frequency_change_14d: relChange(zero('ut.logins_last'), zero('ut.logins_prior')),
    license_utilization: `CASE WHEN s.seats > 0 THEN ${D(zero('uu.active_users'))} / ${D('s.seats')} END`,
    days_since_last_csm_interaction: has('interactions')
      ? D(d.daysBetween('COALESCE(cl.last_day, s.started_at)', 's.as_of'))
      : nul(dbl),
    nps_trend: has('nps')
      ? `CASE WHEN nw.responses_last > 0 AND nw.responses_prior > 0 THEN ${D('nw.score_sum_last')} / ${D('nw.responses_last')} - ${D('nw.score_sum_prior')} / ${D('nw.responses_prior')} END`
      : nul(dbl),
    contract_value_vs_usage_ratio: has('contracts')
      ? `vp.value_per_user / NULLIF(sm.median_value_per_user, 0)`
      : nul(dbl),
    feature_adoption_breadth_change_30d: relChange(zero('ub.features_last'), zero('ub.features_prior')),
    days_since_last_integration_added: has('integrations')
      ? D(d.daysBetween('COALESCE(il.last_day, s.started_at)', 's.as_of'))
      : nul(dbl),
    zero_usage_14d: `(${zero('ut.events_last_14d')} = 0)`,
    champion_departed: has('contacts')
      ? `(${zero('cc.champions')} = 0 AND COALESCE(cf.first_champion_started < s.as_of, FALSE))`
      : nul(d.types.boolean),
    active_escalation: has('tickets') ? `(${zero('oe.open_escalations')} > 0)` : nul(d.types.boolean),
    days_to_renewal: has('contracts') ? d.integer(d.daysBetween('s.as_of', 'ce.next_renewal')) : nul(d.types.integer),
    annual_value: has('contracts') ? D('ce.annual_value') : nul(dbl),
    seats: d.integer('s.seats'),
    tenure_days: d.integer(d.daysBetween('s.started_at', 's.as_of')),
    churned_within_90d: d.integer(label),
  };
  const seasonalColumns: Record<SeasonalFeature, string> = {
    usage_trend_14d: yearOverYear(
      'usage_trend_14d',
      'ut.usage_last',
      'ut.usage_prior',
      'sy.usage_last',
      'sy.usage_prior',
    ),
    login_frequency_change_14d: yearOverYear(
      'login_frequency_change_14d',
      'ut.logins_last',
      'ut.logins_prior',
      'sy.logins_last',
      'sy.logins_prior',
    ),
    feature_adoption_breadth_change_30d: yearOverYear(
      'feature_adoption_breadth_change_30d',
      'ub.features_last',
      'ub.features_prior',
      'sy.features_last',
      'sy.features_prior',
    ),
  };
  for (const f of seasonal) columns[seasonalColumn(f)] = seasonalColumns[f];
  const on = (alias: string) => `${alias}.account_id = s.account_id AND ${alias}.as_of = s.as_of`;
  const joins = [
    `LEFT JOIN usage_totals ut ON ${on('ut')}`,
    `LEFT JOIN usage_users uu ON ${on('uu')}`,
    `LEFT JOIN usage_breadth ub ON ${on('ub')}`,
  ];
  if (has('tickets'))
    joins.push(`LEFT JOIN ticket_counts tc ON ${on('tc')}`, `LEFT JOIN open_escalations oe ON ${on('oe')}`);
  if (has('contacts')) {
    joins.push(
      `LEFT JOIN champion_counts cc ON ${on('cc')}`,
      `LEFT JOIN champion_first cf ON cf.account_id = s.account_id`,
    );
    if (has('interactions')) joins.push(`LEFT JOIN champion_touches ct ON ${on('ct')}`);
  }
  if (has('interactions')) joins.push(`LEFT JOIN csm_last cl ON ${on('cl')}`);
  if (has('nps')) joins.push(`LEFT JOIN nps_windows nw ON ${on('nw')}`);
  if (has('contracts'))
    joins.push(
      `LEFT JOIN contracts_in_effect ce ON ${on('ce')}`,
      `LEFT JOIN value_per_user vp ON ${on('vp')}`,
      `LEFT JOIN segment_value_medians sm ON sm.as_of = s.as_of AND sm.segment IS NOT DISTINCT FROM s.segment`,
    );
  if (has('integrations')) joins.push(`LEFT JOIN integration_last il ON ${on('il')}`);
  if (params.label === 'inactivity') joins.push(`LEFT JOIN usage_ahead ua ON ${on('ua')}`);
  if (seasonal.length)
    joins.push(
      'LEFT JOIN segment_year_ago sy ON sy.as_of = s.as_of AND sy.segment IS NOT DISTINCT FROM s.segment',
      'CROSS JOIN usage_first_day uf',
    );
  if (expansion !== null) {
    columns[EXPANSION_LABEL_COLUMN] = d.integer(expansion);
    joins.push(`LEFT JOIN expansion_ahead ea ON ${on('ea')}`);
  }

  const select = `SELECT
  ${[...featureTableColumns('saas', params.label), ...seasonal.map(seasonalColumn)]
    .map((c) => `${columns[c]} AS ${c}`)
    .join(',\n  ')}
FROM snapshots s
${joins.join('\n')}
ORDER BY s.as_of, s.account_id`;
  return { steps, select };
}

/** The whole query as one statement (`WITH ... SELECT`), e.g. to run inside PostgreSQL. */
export function renderFeatureSql(q: FeatureQuery): string {
  return `WITH\n${q.steps.map((s) => `${s.name} AS (\n${s.sql}\n)`).join(',\n')}\n${q.select}`;
}
