import type { TableName } from '../data/index.js';
import { quoteLiteral } from '../data/index.js';
import { isoDay, isoFromDay } from '../util/index.js';
import type { SqlDialect } from './dialect.js';
import { EXPANSION_LABEL_COLUMN, EXPANSION_THRESHOLD, LABEL_COLUMN } from './registry.js';
import type { FeatureSqlParams } from './sql.js';

/**
 * The feature families of docs/features.md, each with the SQL of its relations, the joins that
 * bring them to the snapshot rows, and the columns it defines, in that order: what a family reads
 * and how each of its features is computed sit together, as the definition reads. featureQuery
 * (sql.ts) runs the snapshot relations, then every family in FAMILIES order.
 */

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

/** Whether feature breadth is a bitmask of the feature events (at most MAX_EVENT_BITS of them, known). */
function eventBitsOf(params: FeatureSqlParams): boolean {
  const events = params.featureEvents;
  // Stryker disable next-line ConditionalExpression,EqualityOperator: equivalent for false and <, both paths give the same numbers (features/hand compares them); the true and > variants are killed (undefined events, 64 events overflow the bitmask: boundaries)
  return events !== undefined && events.length <= MAX_EVENT_BITS;
}

/**
 * The alias the breadth columns are read from: usage_totals itself (`ut`) where it holds them
 * (`segmentTotals`), so that the final SELECT does not join it a second time; else usage_breadth.
 */
function breadthAlias({ d, params }: FamilyContext): 'ut' | 'ub' {
  return d.segmentTotals && eventBitsOf(params) ? 'ut' : 'ub';
}

/** What every family's SQL is written with: the query's parameters, the dialect and shared SQL pieces. */
export interface FamilyContext {
  params: FeatureSqlParams;
  d: SqlDialect;
  has(table: TableName): boolean;
  /** How a contract table is referenced. */
  src(table: TableName): string;
  /**
   * A named relation of the query; `materialize` false for a view over a big input (streamed);
   * `constant` true when it reads no table, only the query's parameters (the as-of dates).
   */
  step(family: string, name: string, sql: string, materialize?: boolean, constant?: boolean): void;
  /** The first and last as-of dates as date literals. */
  first: string;
  last: string;
  /** The usage trends asked for with `--seasonal`, in SEASONAL_FEATURES order. */
  seasonal: SeasonalFeature[];
  /** `<alias>.account_id = s.account_id AND <alias>.as_of = s.as_of`: a relation joined to its snapshot row. */
  on(alias: string): string;
}

/** A feature family: its relations (added with ctx.step), their joins to the snapshot rows, its columns. */
export interface FeatureFamily {
  name: string;
  steps(ctx: FamilyContext): void;
  joins(ctx: FamilyContext): string[];
  /** Column expressions by feature-table column; NULL of the column's type when a table it needs is absent. */
  columns(ctx: FamilyContext): Record<string, string>;
}

/** rel_change(L, P) of docs/features.md over non-negative L and P (never NULL here). */
export function relChange(d: SqlDialect, l: string, p: string): string {
  const clipped = d.least(d.greatest(`${d.double(l)} / ${d.double(p)} - 1`, '-1'), '3');
  return d.double(`CASE WHEN ${p} > 0 THEN ${clipped} WHEN ${l} > 0 THEN 3 ELSE 0 END`);
}
export const zero = (e: string) => `COALESCE(${e}, 0)`;
export const inEffect = (start: string, end: string, t: string) =>
  `${start} < ${t} AND (${end} IS NULL OR ${end} > ${t})`;
const nul = (type: string) => `CAST(NULL AS ${type})`;

/**
 * Sums of usage quantities must not depend on the order rows are added in (byte-stable output, the
 * same numbers on every engine): whole-number quantities add exactly as doubles, others go through
 * an exact decimal.
 */
function exactQty(ctx: FamilyContext): string {
  // Stryker disable next-line ConditionalExpression: equivalent for false, whole quantities add up the same as exact decimals (true is killed by boundaries' fractions)
  return ctx.params.wholeQuantities ? 'u.qty' : ctx.d.exactNumber('u.qty');
}

/**
 * Per snapshot row, the latest day before its as-of date among `events` (account_id, day): each
 * day goes to the bucket of the first as-of date after it, then a running max over the account's
 * as-of dates (the RANGE frame includes the snapshot row's own bucket).
 */
function latestBefore(ctx: FamilyContext, family: string, name: string, events: string): void {
  const { d, first, last } = ctx;
  ctx.step(
    family,
    `${name}_buckets`,
    `SELECT e.account_id, COALESCE(b.as_of, ${first}) AS as_of, MAX(e.day) AS last_day
FROM (${events}) AS e LEFT JOIN bucket_days b ON b.day = e.day
WHERE e.day < ${last}
GROUP BY e.account_id, COALESCE(b.as_of, ${first})`,
  );
  ctx.step(
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
}

/**
 * The test that a usage row `u` counts as usage (quantity > 0, a NULL quantity being 1), or none
 * when the preflight found no quantity of 0 (`positiveQuantities`): the same rows either way, one
 * comparison per joined row less.
 */
function counted(ctx: FamilyContext): string[] {
  return ctx.params.positiveQuantities ? [] : ['u.qty > 0'];
}
const where = (conditions: readonly string[]) => (conditions.length ? `WHERE ${conditions.join(' AND ')}\n` : '');

/**
 * The window totals of a usage row `u` joined to window_days `w` (usage_totals' columns): the
 * quantities of logins and of everything else in the last and prior 14 days, and the events with
 * a quantity > 0 in the last 14.
 */
function totals(ctx: FamilyContext): string {
  const D = (e: string) => ctx.d.double(e);
  const qty = exactQty(ctx);
  const last = `w.k <= ${WINDOWS.usage}`;
  const before = `w.k > ${WINDOWS.usage}`;
  return `${D(`SUM(${qty}) FILTER (WHERE ${last} AND u.event <> 'login')`)} AS usage_last,
  ${D(`SUM(${qty}) FILTER (WHERE ${before} AND u.event <> 'login')`)} AS usage_prior,
  ${D(`SUM(${qty}) FILTER (WHERE ${last} AND u.event = 'login')`)} AS logins_last,
  ${D(`SUM(${qty}) FILTER (WHERE ${before} AND u.event = 'login')`)} AS logins_prior,
  COUNT(*) FILTER (WHERE ${[last, ...counted(ctx)].join(' AND ')}) AS events_last_14d`;
}

/** usage_breadth's columns from the feature-event masks of the last and prior 30 days. */
const breadth = (d: SqlDialect) =>
  `${d.popcount(`COALESCE(mask_last, ${d.bigint('0')})`)} AS features_last, ${d.popcount(`COALESCE(mask_prior, ${d.bigint('0')})`)} AS features_prior`;

/**
 * The day segments of feature breadth: the edges T, T-30 and T-60 of every as-of date's two
 * 30-day windows (and with `edges`, T-k for every k given) cut the days from the first T-60 to the
 * last T into segments [start, end), so each segment lies wholly inside or wholly outside each window.
 */
export function breadthSegments(
  asOf: readonly string[],
  edges: readonly number[] = [0, WINDOWS.adoption, 2 * WINDOWS.adoption],
): { start: string; end: string; days: number }[] {
  const cuts = new Set<number>();
  for (const t of asOf) for (const k of edges) cuts.add(isoDay(t)! - k);
  const sorted = [...cuts].sort((a, b) => a - b);
  return sorted
    .slice(1)
    .map((end, i) => ({ start: isoFromDay(sorted[i]!), end: isoFromDay(end), days: end - sorted[i]! }));
}

/**
 * The day maps of the segment passes: `breadth_segments` (the segments), `segment_days` (each day
 * with its segment) and `segment_windows` (each as-of date with the segments inside its windows:
 * `last` and `prior` for the 30-day windows of breadth, and with the window totals,
 * `usage_last` and `usage_prior` for the 14-day ones).
 */
function segmentMaps(ctx: FamilyContext, withTotals: boolean): void {
  const { d, params, step } = ctx;
  // Stryker disable next-line StringLiteral: equivalent, a step's family is a label that no query, output or message reads
  const family = 'usage';
  const edges = [0, WINDOWS.adoption, 2 * WINDOWS.adoption, ...(withTotals ? [WINDOWS.usage, 2 * WINDOWS.usage] : [])];
  const segments = breadthSegments(params.asOf, edges);
  const rows = segments.map((g) => `(${d.dateLiteral(g.start)}, ${d.dateLiteral(g.end)})`).join(', ');
  // Stryker disable next-line BooleanLiteral: equivalent, materialize and constant only choose a table or a view of the same SELECT (constant: PostgreSQL keeps the day maps as views its parallel workers can read; features-postgres compares the rows with DuckDB's)
  step(
    family,
    'breadth_segments',
    `SELECT seg_start, seg_end FROM (VALUES ${rows}) AS t(seg_start, seg_end)`,
    true,
    true,
  );
  const longest = Math.max(...segments.map((g) => g.days));
  step(
    family,
    'segment_days',
    `SELECT s.seg_start AS seg, ${d.addDays('s.seg_start', 'g.k')} AS day
FROM breadth_segments s CROSS JOIN ${d.integerSeries('g', 'k', 0, longest - 1)}
WHERE ${d.addDays('s.seg_start', 'g.k')} < s.seg_end`,
    // Stryker disable next-line BooleanLiteral: equivalent, materialize and constant only choose a table or a view of the same SELECT (constant: PostgreSQL keeps the day maps as views its parallel workers can read; features-postgres compares the rows with DuckDB's)
    true,
    // Stryker disable next-line BooleanLiteral: equivalent, materialize and constant only choose a table or a view of the same SELECT (constant: PostgreSQL keeps the day maps as views its parallel workers can read; features-postgres compares the rows with DuckDB's)
    true,
  );
  // a segment is in T's last window [T-30, T) or prior one [T-60, T-30) as a whole, and in the
  // usage windows [T-14, T) and [T-28, T-14) as a whole or not at all
  const within = (from: number, to: number) =>
    `s.seg_start >= ${d.addDays('sd.as_of', -from)} AND s.seg_end <= ${to === 0 ? 'sd.as_of' : d.addDays('sd.as_of', -to)}`;
  const usageWindows = withTotals
    ? `,\n  ${within(WINDOWS.usage, 0)} AS usage_last, ${within(2 * WINDOWS.usage, WINDOWS.usage)} AS usage_prior`
    : '';
  step(
    family,
    'segment_windows',
    `SELECT sd.as_of, s.seg_start AS seg, s.seg_start >= ${d.addDays('sd.as_of', -WINDOWS.adoption)} AS last${usageWindows}
FROM snapshot_dates sd JOIN breadth_segments s
  ON s.seg_start >= ${d.addDays('sd.as_of', -2 * WINDOWS.adoption)} AND s.seg_end <= sd.as_of`,
    // Stryker disable next-line BooleanLiteral: equivalent, materialize and constant only choose a table or a view of the same SELECT (constant: PostgreSQL keeps the day maps as views its parallel workers can read; features-postgres compares the rows with DuckDB's)
    true,
    // Stryker disable next-line BooleanLiteral: equivalent, materialize and constant only choose a table or a view of the same SELECT (constant: PostgreSQL keeps the day maps as views its parallel workers can read; features-postgres compares the rows with DuckDB's)
    true,
  );
}

/**
 * usage_breadth from the feature-event masks of day segments (breadthSegments): each usage row
 * goes to the one segment of its day, an (account, segment) mask is the OR of its rows' event bits,
 * and a window's mask the OR of the masks of the segments inside it. A window join would touch each
 * usage row once per window it falls in (twice for monthly as-of dates, 60 times for daily ones);
 * this touches it once. The segments of T's windows end on or before T, so nothing at or after T
 * is read.
 */
function breadthBySegments(ctx: FamilyContext): void {
  const { d, step } = ctx;
  segmentMaps(ctx, false);
  step(
    // Stryker disable next-line StringLiteral: equivalent, a step's family is a label that no query, output or message reads
    'usage',
    'usage_breadth',
    `SELECT account_id, as_of, ${breadth(d)}
FROM (
  SELECT m.account_id, w.as_of,
    BIT_OR(m.mask) FILTER (WHERE w.last) AS mask_last,
    BIT_OR(m.mask) FILTER (WHERE NOT w.last) AS mask_prior
  FROM (
    SELECT u.account_id, sd.seg, BIT_OR(f.bit) AS mask
    FROM usage_rows u
    JOIN feature_event_bits f ON f.event = u.event
    JOIN segment_days sd ON sd.day = u.day
    ${where(counted(ctx))}    GROUP BY u.account_id, sd.seg
  ) AS m
  JOIN segment_windows w ON w.seg = m.seg
  GROUP BY m.account_id, w.as_of
) AS masks`,
  );
}

/**
 * The window totals and feature breadth from one pass over usage (`segmentTotals`): each usage row
 * goes to the segment of its day (the segments cut at the edges of the 14-day and the 30-day
 * windows), `usage_segments` holds per (account, segment) the quantities of logins and of everything
 * else, the rows counted as usage and the feature-event mask, and the windows add up the segments
 * inside them. Sums of segment sums are the sums of the rows (exact: whole doubles or decimals, see
 * exactQty), so the numbers are those of usage_totals' window join and of breadthBySegments.
 */
function totalsAndBreadthBySegments(ctx: FamilyContext): void {
  const { d, step } = ctx;
  // Stryker disable next-line StringLiteral: equivalent, a step's family is a label that no query, output or message reads
  const family = 'usage';
  const D = (e: string) => d.double(e);
  const qty = exactQty(ctx);
  // the rows that count as usage (quantity > 0), unless the preflight found that all do
  const countedOnly = counted(ctx).length ? ` FILTER (WHERE ${counted(ctx).join(' AND ')})` : '';
  segmentMaps(ctx, true);
  const checks = ctx.params.checkGuesses
    ? guessChecks(ctx.params)
        .map((c) => `,\n  ${c}`)
        .join('')
    : '';
  step(
    family,
    'usage_segments',
    `SELECT u.account_id, sd.seg,
  SUM(${qty}) FILTER (WHERE u.event <> 'login') AS usage_qty,
  SUM(${qty}) FILTER (WHERE u.event = 'login') AS login_qty,
  COUNT(*)${countedOnly} AS events,
  BIT_OR(f.bit)${countedOnly} AS mask${checks}
FROM usage_rows u
JOIN segment_days sd ON sd.day = u.day
LEFT JOIN feature_event_bits f ON f.event = u.event
GROUP BY u.account_id, sd.seg`,
  );
  // both windows' sums in one join of the segments with the windows (a stored step runs in one
  // process); the breadth columns are read from there (breadthAlias)
  step(
    family,
    'usage_totals',
    `SELECT account_id, as_of, usage_last, usage_prior, logins_last, logins_prior, events_last_14d, ${breadth(d)}
FROM (
  SELECT m.account_id, w.as_of,
    ${D('SUM(m.usage_qty) FILTER (WHERE w.usage_last)')} AS usage_last,
    ${D('SUM(m.usage_qty) FILTER (WHERE w.usage_prior)')} AS usage_prior,
    ${D('SUM(m.login_qty) FILTER (WHERE w.usage_last)')} AS logins_last,
    ${D('SUM(m.login_qty) FILTER (WHERE w.usage_prior)')} AS logins_prior,
    COALESCE(SUM(m.events) FILTER (WHERE w.usage_last), 0) AS events_last_14d,
    BIT_OR(m.mask) FILTER (WHERE w.last) AS mask_last,
    BIT_OR(m.mask) FILTER (WHERE NOT w.last) AS mask_prior
  FROM usage_segments m JOIN segment_windows w ON w.seg = m.seg
  GROUP BY m.account_id, w.as_of
) AS windows`,
  );
}

/**
 * With `checkGuesses`, usage_segments also holds what shows whether the guessed facts held for the
 * rows it read, in as few aggregates as it can (each is work per usage row): `source_rows`, every
 * row counted as usage or not (`events` is that where every quantity was guessed above 0), and
 * `guess_check`, the least over the rows of -2 for an event that is not login, not api_call and
 * not in featureEvents, else the quantity where a quantity fact was guessed (a fraction read as -1
 * where wholeQuantities was), else 0. The guesses held iff it is not below 0, and with
 * positiveQuantities above 0.
 */
function guessChecks(params: FeatureSqlParams): string[] {
  const unknown = "f.event IS NULL AND u.event NOT IN ('login', 'api_call')";
  let quantity = '0';
  if (params.wholeQuantities) quantity = 'CASE WHEN u.qty = floor(u.qty) THEN u.qty ELSE -1 END';
  else if (params.positiveQuantities) quantity = 'u.qty';
  return [
    ...(params.positiveQuantities ? [] : ['COUNT(*) AS source_rows']),
    `MIN(CASE WHEN ${unknown} THEN -2 ELSE ${quantity} END) AS guess_check`,
  ];
}

/** Bits of an as-of date in a window mask: BIGINT columns of MAX_EVENT_BITS bits, as-of date i in column i / 62. */
const windowMaskColumns = (asOfDates: number) => Math.ceil(asOfDates / MAX_EVENT_BITS);

/**
 * usage_users: per snapshot row, the distinct users with usage (quantity > 0) in the last 30 days,
 * [T-30, T). With `hashedDistinct` they are counted as defined, COUNT(DISTINCT user) over the
 * window join (the reference the tests compare the masks with).
 *
 * Both engines count them with window masks instead: bit i of a day's mask says the day lies in
 * as-of date i's window; a user's OR over its active days says at which as-of dates it was active;
 * each as-of date counts the users with its bit set. Every step is a plain hashed GROUP BY, and
 * users are grouped once, not once per window: the hash table holds one entry per (account, user)
 * rather than per (account, as-of date, user). PostgreSQL would otherwise sort every joined usage
 * row for COUNT(DISTINCT) (bench/README.md, "PostgreSQL within 3x"); DuckDB's distinct count at
 * 50,000 accounts took 24.5 s of CPU against 13.6 s for the masks (bench/README.md, "Features at
 * 50,000 accounts, less work").
 */
function activeUsers(ctx: FamilyContext): void {
  const { d, params, step } = ctx;
  // Stryker disable next-line StringLiteral: equivalent, a step's family is a label that no query, output or message reads
  const family = 'usage';
  // Stryker disable next-line ConditionalExpression,BlockStatement: equivalent, the two counts are equal (features/hand compares them on one mask column and three); which one runs is a question of speed
  if (d.hashedDistinct) {
    step(
      family,
      'usage_users',
      `SELECT u.account_id, w.as_of, COUNT(DISTINCT u.user_id) AS active_users
FROM usage_rows u JOIN window_days w ON w.day = u.day AND w.k <= ${WINDOWS.activeUsers}
${where(counted(ctx))}GROUP BY u.account_id, w.as_of`,
    );
    return;
  }
  const columns = Array.from({ length: windowMaskColumns(params.asOf.length) }, (_, c) => `windows_${c}`);
  const bits = params.asOf.map(
    (t, i) =>
      `(${d.dateLiteral(t)}, ${Math.floor(i / MAX_EVENT_BITS)}, ${d.bigint((1n << BigInt(i % MAX_EVENT_BITS)).toString())})`,
  );
  step(
    family,
    'as_of_bits',
    `SELECT as_of, mask_column, bit FROM (VALUES ${bits.join(', ')}) AS t(as_of, mask_column, bit)`,
    // Stryker disable next-line BooleanLiteral: equivalent, materialize and constant only choose a table or a view of the same SELECT (constant: PostgreSQL keeps the day maps as views its parallel workers can read; features-postgres compares the rows with DuckDB's)
    true,
    // Stryker disable next-line BooleanLiteral: equivalent, materialize and constant only choose a table or a view of the same SELECT (constant: PostgreSQL keeps the day maps as views its parallel workers can read; features-postgres compares the rows with DuckDB's)
    true,
  );
  step(
    family,
    'active_user_days',
    `SELECT w.day, ${columns.map((c, i) => `BIT_OR(b.bit) FILTER (WHERE b.mask_column = ${i}) AS ${c}`).join(', ')}
FROM window_days w JOIN as_of_bits b ON b.as_of = w.as_of
WHERE w.k <= ${WINDOWS.activeUsers}
GROUP BY w.day`,
    // Stryker disable next-line BooleanLiteral: equivalent, materialize and constant only choose a table or a view of the same SELECT (constant: PostgreSQL keeps the day maps as views its parallel workers can read; features-postgres compares the rows with DuckDB's)
    true,
    // Stryker disable next-line BooleanLiteral: equivalent, materialize and constant only choose a table or a view of the same SELECT (constant: PostgreSQL keeps the day maps as views its parallel workers can read; features-postgres compares the rows with DuckDB's)
    true,
  );
  step(
    family,
    'user_windows',
    `SELECT u.account_id, u.user_id, ${columns.map((c) => `BIT_OR(d.${c}) AS ${c}`).join(', ')}
FROM usage_rows u JOIN active_user_days d ON d.day = u.day
${where([...counted(ctx), 'u.user_id IS NOT NULL'])}GROUP BY u.account_id, u.user_id`,
  );
  const mask =
    // Stryker disable next-line ConditionalExpression: equivalent, a CASE of one mask column picks that column
    columns.length === 1
      ? `a.${columns[0]}`
      : `CASE b.mask_column ${columns.map((c, i) => `WHEN ${i} THEN a.${c}`).join(' ')} END`;
  step(
    family,
    'usage_users',
    `SELECT a.account_id, b.as_of, COUNT(*) AS active_users
FROM user_windows a JOIN as_of_bits b ON (${mask} & b.bit) <> 0
GROUP BY a.account_id, b.as_of`,
  );
}

/** The snapshot rows' own columns: who, when, and the account's context. */
const accountFamily: FeatureFamily = {
  // Stryker disable next-line StringLiteral: equivalent, a family's name is a label that nothing reads (featureQuery calls its steps, joins and columns)
  name: 'snapshots',
  steps() {},
  joins: () => [],
  columns: ({ d }) => ({
    account_id: d.text('s.account_id'),
    as_of: 's.as_of',
    segment: d.text('s.segment'),
    seats: d.integer('s.seats'),
    tenure_days: d.integer(d.daysBetween('s.started_at', 's.as_of')),
  }),
};

/**
 * Usage: features 1, 4, 5, 9 and zero_usage_14d (and the active users feature 8 reads). A usage row
 * counts as usage when its quantity (default 1) is > 0. Only rows some window can see are read (the
 * range also lets Parquet row groups and indexes be skipped).
 */
const usageFamily: FeatureFamily = {
  // Stryker disable next-line StringLiteral: equivalent, a family's name is a label that nothing reads (featureQuery calls its steps, joins and columns)
  name: 'usage',
  steps(ctx) {
    const { d, params, first, last, src, step } = ctx;
    // Stryker disable next-line StringLiteral: equivalent, a step's family is a label that no query, output or message reads
    const family = 'usage';
    const usageFrom = d.addDays(first, -2 * Math.max(WINDOWS.usage, WINDOWS.activeUsers, WINDOWS.adoption));
    // Stryker disable next-line ConditionalExpression: equivalent for true, usage rows after the last as-of date match no window day (false is killed: the inactivity label reads them)
    const usageTo = params.label === 'inactivity' ? d.addDays(last, params.horizon) : last;
    step(
      family,
      'usage_rows',
      `SELECT account_id, ${d.dayOf('occurred_at')} AS day, user_id, event, COALESCE(quantity, 1) AS qty
FROM ${src('usage')}
WHERE occurred_at >= ${d.startOfDay(usageFrom)} AND occurred_at < ${d.startOfDay(usageTo)}`,
      // Stryker disable next-line BooleanLiteral: equivalent, a view or a table of the same SELECT holds the same rows (materializing trades memory for speed; sums over it are exact, see exactQty)
      false,
    );
    const events = params.featureEvents;
    const eventBits = eventBitsOf(params);
    if (eventBits && events) {
      // Bit i of a row's mask is feature event i; the breadth of a window is the popcount of the OR.
      const dictionary = events.length
        ? `SELECT event, bit FROM (VALUES ${events.map((e, i) => `(${quoteLiteral(e)}, ${d.bigint((1n << BigInt(i)).toString())})`).join(', ')}) AS t(event, bit)`
        : `SELECT ${d.text("''")} AS event, ${d.bigint('0')} AS bit WHERE FALSE`;
      // Stryker disable next-line BooleanLiteral: equivalent, materialize and constant only choose a table or a view of the same SELECT (constant: PostgreSQL keeps the day maps as views its parallel workers can read; features-postgres compares the rows with DuckDB's)
      step(family, 'feature_event_bits', dictionary, true, true);
    }
    const segmentTotals = eventBits && d.segmentTotals;
    if (!segmentTotals)
      step(
        family,
        'usage_totals',
        `SELECT u.account_id, w.as_of,
  ${totals(ctx)}
FROM usage_rows u JOIN window_days w ON w.day = u.day AND w.k <= ${2 * WINDOWS.usage}
GROUP BY u.account_id, w.as_of`,
      );
    activeUsers(ctx);
    if (segmentTotals) totalsAndBreadthBySegments(ctx);
    else if (eventBits) {
      breadthBySegments(ctx);
    } else {
      step(
        family,
        'usage_breadth',
        `SELECT u.account_id, w.as_of,
  COUNT(DISTINCT u.event) FILTER (WHERE w.k <= ${WINDOWS.adoption}) AS features_last,
  COUNT(DISTINCT u.event) FILTER (WHERE w.k > ${WINDOWS.adoption}) AS features_prior
FROM usage_rows u JOIN window_days w ON w.day = u.day AND w.k <= ${2 * WINDOWS.adoption}
WHERE u.qty > 0 AND u.event NOT IN ('login', 'api_call')
GROUP BY u.account_id, w.as_of`,
      );
    }
  },
  joins: (ctx) => [
    `LEFT JOIN usage_totals ut ON ${ctx.on('ut')}`,
    `LEFT JOIN usage_users uu ON ${ctx.on('uu')}`,
    ...(breadthAlias(ctx) === 'ub' ? [`LEFT JOIN usage_breadth ub ON ${ctx.on('ub')}`] : []),
  ],
  columns: (ctx) => {
    const { d } = ctx;
    const b = breadthAlias(ctx);
    return {
      usage_trend_14d: relChange(d, zero('ut.usage_last'), zero('ut.usage_prior')),
      login_frequency_change_14d: relChange(d, zero('ut.logins_last'), zero('ut.logins_prior')),
      license_utilization: `CASE WHEN s.seats > 0 THEN ${d.double(zero('uu.active_users'))} / ${d.double('s.seats')} END`,
      feature_adoption_breadth_change_30d: relChange(d, zero(`${b}.features_last`), zero(`${b}.features_prior`)),
      zero_usage_14d: `(${zero('ut.events_last_14d')} = 0)`,
    };
  },
};

/** Tickets: feature 2 and active_escalation. */
const ticketsFamily: FeatureFamily = {
  // Stryker disable next-line StringLiteral: equivalent, a family's name is a label that nothing reads (featureQuery calls its steps, joins and columns)
  name: 'tickets',
  steps({ d, has, src, step }) {
    if (!has('tickets')) return;
    step(
      // Stryker disable next-line StringLiteral: equivalent, a step's family is a label that no query, output or message reads
      'tickets',
      'ticket_counts',
      `SELECT t.account_id, w.as_of,
  COUNT(DISTINCT t.ticket_id) FILTER (WHERE w.k <= ${WINDOWS.tickets}) AS opened_last,
  COUNT(DISTINCT t.ticket_id) FILTER (WHERE w.k > ${WINDOWS.tickets}) AS opened_prior
FROM ${src('tickets')} t JOIN window_days w ON w.day = ${d.dayOf('t.opened_at')} AND w.k <= ${2 * WINDOWS.tickets}
GROUP BY t.account_id, w.as_of`,
    );
    step(
      // Stryker disable next-line StringLiteral: equivalent, a step's family is a label that no query, output or message reads
      'tickets',
      'open_escalations',
      `SELECT t.account_id, sd.as_of, COUNT(*) AS open_escalations
FROM ${src('tickets')} t JOIN snapshot_dates sd ON ${inEffect('t.opened_at', 't.closed_at', d.startOfDay('sd.as_of'))}
WHERE t.escalated
GROUP BY t.account_id, sd.as_of`,
    );
  },
  joins: ({ has, on }) =>
    has('tickets') ? [`LEFT JOIN ticket_counts tc ON ${on('tc')}`, `LEFT JOIN open_escalations oe ON ${on('oe')}`] : [],
  columns: ({ d, has }) => ({
    support_ticket_trend_30d: has('tickets')
      ? relChange(d, zero('tc.opened_last'), zero('tc.opened_prior'))
      : nul(d.types.double),
    active_escalation: has('tickets') ? `(${zero('oe.open_escalations')} > 0)` : nul(d.types.boolean),
  }),
};

/**
 * champion_touches: per snapshot row, the interactions with a contact who is a champion at the
 * as-of date, in the last and prior 30 days.
 */
function championTouches({ d, src, step }: Pick<FamilyContext, 'd' | 'src' | 'step'>): void {
  step(
    // Stryker disable next-line StringLiteral: equivalent, a step's family is a label that no query, output or message reads
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

/** Champions: feature 3 and champion_departed. */
const championFamily: FeatureFamily = {
  // Stryker disable next-line StringLiteral: equivalent, a family's name is a label that nothing reads (featureQuery calls its steps, joins and columns)
  name: 'champion',
  steps({ d, has, src, step }) {
    if (!has('contacts')) return;
    step(
      // Stryker disable next-line StringLiteral: equivalent, a step's family is a label that no query, output or message reads
      'champion',
      'champions_in_effect',
      `SELECT DISTINCT c.account_id, c.contact_id, sd.as_of
FROM ${src('contacts')} c JOIN snapshot_dates sd ON ${inEffect('c.started_at', 'c.ended_at', 'sd.as_of')}
WHERE c.role = 'champion'`,
    );
    step(
      // Stryker disable next-line StringLiteral: equivalent, a step's family is a label that no query, output or message reads
      'champion',
      'champion_counts',
      `SELECT account_id, as_of, COUNT(*) AS champions FROM champions_in_effect GROUP BY account_id, as_of`,
    );
    step(
      // Stryker disable next-line StringLiteral: equivalent, a step's family is a label that no query, output or message reads
      'champion',
      'champion_first',
      `SELECT account_id, MIN(started_at) AS first_champion_started
FROM ${src('contacts')} WHERE role = 'champion' GROUP BY account_id`,
    );
    if (has('interactions')) championTouches({ d, src, step });
  },
  joins({ has, on }) {
    if (!has('contacts')) return [];
    const joins = [
      `LEFT JOIN champion_counts cc ON ${on('cc')}`,
      `LEFT JOIN champion_first cf ON cf.account_id = s.account_id`,
    ];
    if (has('interactions')) joins.push(`LEFT JOIN champion_touches ct ON ${on('ct')}`);
    return joins;
  },
  columns: ({ d, has }) => ({
    champion_engagement_change_30d:
      has('contacts') && has('interactions')
        ? `CASE WHEN ${zero('cc.champions')} > 0 THEN ${relChange(d, zero('ct.touches_last'), zero('ct.touches_prior'))} END`
        : nul(d.types.double),
    champion_departed: has('contacts')
      ? `(${zero('cc.champions')} = 0 AND COALESCE(cf.first_champion_started < s.as_of, FALSE))`
      : nul(d.types.boolean),
  }),
};

/** CSM touches: feature 6. */
const csmFamily: FeatureFamily = {
  // Stryker disable next-line StringLiteral: equivalent, a family's name is a label that nothing reads (featureQuery calls its steps, joins and columns)
  name: 'csm',
  steps(ctx) {
    const { d, has, params, src } = ctx;
    if (!has('interactions')) return;
    const kinds = params.csmKinds.length ? `i.kind IN (${params.csmKinds.map(quoteLiteral).join(', ')})` : 'FALSE';
    latestBefore(
      ctx,
      // Stryker disable next-line StringLiteral: equivalent, a step's family is a label that no query, output or message reads
      'csm',
      'csm_last',
      `SELECT i.account_id, ${d.dayOf('i.occurred_at')} AS day FROM ${src('interactions')} i WHERE ${kinds}`,
    );
  },
  joins: ({ has, on }) => (has('interactions') ? [`LEFT JOIN csm_last cl ON ${on('cl')}`] : []),
  columns: ({ d, has }) => ({
    days_since_last_csm_interaction: has('interactions')
      ? d.double(d.daysBetween('COALESCE(cl.last_day, s.started_at)', 's.as_of'))
      : nul(d.types.double),
  }),
};

/** NPS: feature 7. */
const npsFamily: FeatureFamily = {
  // Stryker disable next-line StringLiteral: equivalent, a family's name is a label that nothing reads (featureQuery calls its steps, joins and columns)
  name: 'nps',
  steps({ d, has, src, step }) {
    if (!has('nps')) return;
    step(
      // Stryker disable next-line StringLiteral: equivalent, a step's family is a label that no query, output or message reads
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
  },
  joins: ({ has, on }) => (has('nps') ? [`LEFT JOIN nps_windows nw ON ${on('nw')}`] : []),
  columns: ({ d, has }) => {
    const D = (e: string) => d.double(e);
    return {
      nps_trend: has('nps')
        ? `CASE WHEN nw.responses_last > 0 AND nw.responses_prior > 0 THEN ${D('nw.score_sum_last')} / ${D('nw.responses_last')} - ${D('nw.score_sum_prior')} / ${D('nw.responses_prior')} END`
        : nul(d.types.double),
    };
  },
};

/** Contracts: feature 8, days_to_renewal and annual_value. */
const contractsFamily: FeatureFamily = {
  // Stryker disable next-line StringLiteral: equivalent, a family's name is a label that nothing reads (featureQuery calls its steps, joins and columns)
  name: 'contracts',
  steps({ d, has, src, step }) {
    if (!has('contracts')) return;
    step(
      // Stryker disable next-line StringLiteral: equivalent, a step's family is a label that no query, output or message reads
      'contracts',
      'contracts_in_effect',
      `SELECT c.account_id, sd.as_of, SUM(${d.exactNumber('c.annual_value')}) AS annual_value, MIN(c.ends_at) AS next_renewal
FROM ${src('contracts')} c JOIN snapshot_dates sd ON ${inEffect('c.starts_at', 'c.ends_at', 'sd.as_of')}
GROUP BY c.account_id, sd.as_of`,
    );
    step(
      // Stryker disable next-line StringLiteral: equivalent, a step's family is a label that no query, output or message reads
      'contracts',
      'value_per_user',
      `SELECT s.account_id, s.as_of, s.segment,
  ${d.double('ce.annual_value')} / ${d.double(`CASE WHEN ${zero('uu.active_users')} > 1 THEN uu.active_users ELSE 1 END`)} AS value_per_user
FROM snapshots s
JOIN contracts_in_effect ce ON ce.account_id = s.account_id AND ce.as_of = s.as_of
LEFT JOIN usage_users uu ON uu.account_id = s.account_id AND uu.as_of = s.as_of`,
    );
    step(
      // Stryker disable next-line StringLiteral: equivalent, a step's family is a label that no query, output or message reads
      'contracts',
      'segment_value_medians',
      `SELECT as_of, segment, ${d.median('value_per_user')} AS median_value_per_user
FROM value_per_user GROUP BY as_of, segment`,
    );
  },
  joins: ({ has, on }) =>
    has('contracts')
      ? [
          `LEFT JOIN contracts_in_effect ce ON ${on('ce')}`,
          `LEFT JOIN value_per_user vp ON ${on('vp')}`,
          `LEFT JOIN segment_value_medians sm ON sm.as_of = s.as_of AND sm.segment IS NOT DISTINCT FROM s.segment`,
        ]
      : [],
  columns: ({ d, has }) => ({
    contract_value_vs_usage_ratio: has('contracts')
      ? `vp.value_per_user / NULLIF(sm.median_value_per_user, 0)`
      : nul(d.types.double),
    days_to_renewal: has('contracts') ? d.integer(d.daysBetween('s.as_of', 'ce.next_renewal')) : nul(d.types.integer),
    annual_value: has('contracts') ? d.double('ce.annual_value') : nul(d.types.double),
  }),
};

/** Integrations: feature 10. */
const integrationsFamily: FeatureFamily = {
  // Stryker disable next-line StringLiteral: equivalent, a family's name is a label that nothing reads (featureQuery calls its steps, joins and columns)
  name: 'integrations',
  steps(ctx) {
    const { d, has, src } = ctx;
    if (!has('integrations')) return;
    latestBefore(
      ctx,
      // Stryker disable next-line StringLiteral: equivalent, a step's family is a label that no query, output or message reads
      'integrations',
      'integration_last',
      `SELECT g.account_id, ${d.dayOf('g.connected_at')} AS day FROM ${src('integrations')} g`,
    );
  },
  joins: ({ has, on }) => (has('integrations') ? [`LEFT JOIN integration_last il ON ${on('il')}`] : []),
  columns: ({ d, has }) => ({
    days_since_last_integration_added: has('integrations')
      ? d.double(d.daysBetween('COALESCE(il.last_day, s.started_at)', 's.as_of'))
      : nul(d.types.double),
  }),
};

/**
 * The label: churned within the horizon (known once T + horizon <= data_end, a churn already seen
 * is 1 before that), or with `inactivity` no usage in [T, T + horizon); with `expansion`, the churn
 * label and expanded_within_90d after it.
 */
const labelFamily: FeatureFamily = {
  // Stryker disable next-line StringLiteral: equivalent, a family's name is a label that nothing reads (featureQuery calls its steps, joins and columns)
  name: 'label',
  steps(ctx) {
    const { d, params, step } = ctx;
    if (params.label === 'expansion') expansionSteps(ctx);
    if (params.label !== 'inactivity') return;
    step(
      // Stryker disable next-line StringLiteral: equivalent, a step's family is a label that no query, output or message reads
      'label',
      'ahead_days',
      `SELECT sd.as_of, ${d.addDays('sd.as_of', 'g.j')} AS day
FROM snapshot_dates sd CROSS JOIN ${d.integerSeries('g', 'j', 0, params.horizon - 1)}`,
    );
    step(
      // Stryker disable next-line StringLiteral: equivalent, a step's family is a label that no query, output or message reads
      'label',
      'usage_ahead',
      `SELECT u.account_id, a.as_of, COUNT(*) AS events_ahead
FROM usage_rows u JOIN ahead_days a ON a.day = u.day
WHERE u.qty > 0
GROUP BY u.account_id, a.as_of`,
    );
  },
  joins({ params, on }) {
    if (params.label === 'inactivity') return [`LEFT JOIN usage_ahead ua ON ${on('ua')}`];
    if (params.label === 'expansion') return [`LEFT JOIN expansion_ahead ea ON ${on('ea')}`];
    return [];
  },
  columns({ d, params }) {
    const columns: Record<string, string> = { [LABEL_COLUMN]: d.integer(labelExpression(d, params)) };
    // Stryker disable next-line ConditionalExpression: equivalent for true, the final SELECT names expanded_within_90d only for --label expansion (featureTableColumns), so the column is never written for another label
    if (params.label === 'expansion') {
      const horizonEnd = d.addDays('s.as_of', params.horizon);
      const dataEnd = d.dateLiteral(params.dataEnd);
      // decimals on both sides: 10% of 1234.56 is compared exactly, the same on every engine
      columns[EXPANSION_LABEL_COLUMN] = d.integer(`CASE WHEN ce.annual_value IS NULL OR ce.annual_value <= 0 THEN NULL
    WHEN ea.max_value_ahead - ce.annual_value >= ${d.exactNumber(String(expansionThreshold(params)))} * ce.annual_value THEN 1
    WHEN ${horizonEnd} <= ${dataEnd} THEN 0 END`);
    }
    return columns;
  },
};

function expansionThreshold(params: FeatureSqlParams): number {
  return params.expansionThreshold ?? EXPANSION_THRESHOLD;
}

/**
 * expanded_within_90d: the annual value in effect on some day D of (T, T+horizon] is at least
 * (1 + threshold) x the annual value in effect at T. Only a contract start raises the value in
 * effect, and a contract starting on day S is first in effect on S + 1 (in effect at D iff
 * S < D), so the days to look at are S + 1 for the contracts starting in [T, T+horizon): the
 * same window as the churn label's (T, T+horizon]. Known (0) once T + horizon <= data_end, an
 * expansion already seen is 1 even before that, as churn is; NULL without a contract in effect
 * at T (a first contract is a sale, not an expansion of one).
 */
function expansionSteps({ d, params, has, src, step }: FamilyContext): void {
  if (!has('contracts')) throw new RangeError('featureQuery: --label expansion reads the contracts table');
  const threshold = expansionThreshold(params);
  if (!(threshold > 0)) throw new RangeError(`featureQuery: the expansion threshold must be above 0, got ${threshold}`);
  step(
    // Stryker disable next-line StringLiteral: equivalent, a step's family is a label that no query, output or message reads
    'label',
    'expansion_days',
    `SELECT DISTINCT c.account_id, sd.as_of, ${d.addDays('c.starts_at', 1)} AS day
FROM ${src('contracts')} c JOIN snapshot_dates sd
  ON c.starts_at >= sd.as_of AND c.starts_at < ${d.addDays('sd.as_of', params.horizon)}`,
  );
  step(
    // Stryker disable next-line StringLiteral: equivalent, a step's family is a label that no query, output or message reads
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
}

/** The label of a snapshot row `s` (the inactivity label reads `ua`, usage_ahead joined to it). */
export function labelExpression(d: SqlDialect, params: FeatureSqlParams): string {
  const horizonEnd = d.addDays('s.as_of', params.horizon);
  const dataEnd = d.dateLiteral(params.dataEnd);
  return params.label === 'inactivity'
    ? `CASE WHEN ${horizonEnd} > ${dataEnd} THEN NULL WHEN ${zero('ua.events_ahead')} > 0 THEN 0 ELSE 1 END`
    : `CASE WHEN s.churned_at > s.as_of AND s.churned_at <= ${horizonEnd} THEN 1 WHEN ${horizonEnd} <= ${dataEnd} THEN 0 END`;
}

/** Year over year (`--seasonal`): the usage trends against the same windows a year earlier (SEASONAL_FEATURES). */
const yearOverYearFamily: FeatureFamily = {
  // Stryker disable next-line StringLiteral: equivalent, a family's name is a label that nothing reads (featureQuery calls its steps, joins and columns)
  name: 'year_over_year',
  steps(ctx) {
    const { d, first, last, seasonal, src, step } = ctx;
    if (!seasonal.length) return;
    const D = (e: string) => d.double(e);
    const qty = exactQty(ctx);
    const yearReach = YEAR_DAYS + 2 * Math.max(0, ...seasonal.map((f) => SEASONAL_FEATURES[f]));
    const n14 = YEAR_DAYS + WINDOWS.usage;
    const n30 = YEAR_DAYS + WINDOWS.adoption;
    // Stryker disable next-line UnaryOperator: equivalent, usage on or after last - 365 is no as-of date's year-ago day (year_ago_days reaches 366 days back and more), so the bound only spares reading it
    const yearAgoEnd = d.startOfDay(d.addDays(last, -YEAR_DAYS));
    step(
      // Stryker disable next-line StringLiteral: equivalent, a step's family is a label that no query, output or message reads
      'year_over_year',
      'year_ago_days',
      `SELECT sd.as_of, ${d.addDays('sd.as_of', '-g.k')} AS day, g.k AS k
FROM snapshot_dates sd CROSS JOIN ${d.integerSeries('g', 'k', YEAR_DAYS + 1, yearReach)}`,
    );
    step(
      // Stryker disable next-line StringLiteral: equivalent, a step's family is a label that no query, output or message reads
      'year_over_year',
      'usage_rows_year_ago',
      `SELECT account_id, ${d.dayOf('occurred_at')} AS day, event, COALESCE(quantity, 1) AS qty
FROM ${src('usage')}
WHERE occurred_at >= ${d.startOfDay(d.addDays(first, -yearReach))} AND occurred_at < ${yearAgoEnd}`,
      // Stryker disable next-line BooleanLiteral: equivalent, a view or a table of the same SELECT holds the same rows (materializing trades memory for speed; sums over it are exact, see exactQty)
      false,
    );
    // per account and as-of date, the counts a year earlier of the trends asked for (only those:
    // the distinct-event counts of breadth are the dear part)
    const measures: Record<SeasonalFeature, [string, string, string]> = {
      usage_trend_14d: [
        'usage',
        D(`SUM(${qty}) FILTER (WHERE w.k <= ${n14} AND u.event <> 'login')`),
        D(`SUM(${qty}) FILTER (WHERE w.k > ${n14} AND w.k <= ${n14 + WINDOWS.usage} AND u.event <> 'login')`),
      ],
      login_frequency_change_14d: [
        'logins',
        D(`SUM(${qty}) FILTER (WHERE w.k <= ${n14} AND u.event = 'login')`),
        D(`SUM(${qty}) FILTER (WHERE w.k > ${n14} AND w.k <= ${n14 + WINDOWS.usage} AND u.event = 'login')`),
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
      // Stryker disable next-line StringLiteral: equivalent, a step's family is a label that no query, output or message reads
      'year_over_year',
      'usage_year_ago',
      `SELECT u.account_id, w.as_of,
  ${asked.map(([m, last, prior]) => `${last} AS ${m}_last,\n  ${prior} AS ${m}_prior`).join(',\n  ')}
FROM usage_rows_year_ago u JOIN year_ago_days w ON w.day = u.day
GROUP BY u.account_id, w.as_of`,
    );
    // the segment's profile: its accounts' windows a year earlier added up (whoever they were then)
    step(
      // Stryker disable next-line StringLiteral: equivalent, a step's family is a label that no query, output or message reads
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
      // Stryker disable next-line StringLiteral: equivalent, a step's family is a label that no query, output or message reads
      'year_over_year',
      'usage_first_day',
      `SELECT MIN(${d.dayOf('occurred_at')}) AS first_day FROM ${src('usage')}`,
    );
  },
  joins: ({ seasonal }) =>
    seasonal.length
      ? [
          'LEFT JOIN segment_year_ago sy ON sy.as_of = s.as_of AND sy.segment IS NOT DISTINCT FROM s.segment',
          'CROSS JOIN usage_first_day uf',
        ]
      : [],
  columns(ctx) {
    const { d, seasonal } = ctx;
    /** `<feature>_yoy`: L, P this year; La, Pa the segment's windows a year earlier. */
    const yearOverYear = (feature: SeasonalFeature, l: string, p: string, la: string, pa: string) => {
      const reach = d.addDays('s.as_of', -(YEAR_DAYS + 2 * SEASONAL_FEATURES[feature]));
      const year = `uf.first_day <= ${reach} AND ${la} > 0 AND ${pa} > 0`;
      return `CASE WHEN ${year} THEN ${relChange(d, zero(l), `${d.double(zero(p))} * ${d.double(la)} / ${d.double(pa)}`)} ELSE ${relChange(d, zero(l), zero(p))} END`;
    };
    const trends: Record<SeasonalFeature, [string, string, string, string]> = {
      usage_trend_14d: ['ut.usage_last', 'ut.usage_prior', 'sy.usage_last', 'sy.usage_prior'],
      login_frequency_change_14d: ['ut.logins_last', 'ut.logins_prior', 'sy.logins_last', 'sy.logins_prior'],
      feature_adoption_breadth_change_30d: [
        `${breadthAlias(ctx)}.features_last`,
        `${breadthAlias(ctx)}.features_prior`,
        'sy.features_last',
        'sy.features_prior',
      ],
    };
    const columns: Record<string, string> = {};
    for (const f of seasonal) columns[seasonalColumn(f)] = yearOverYear(f, ...trends[f]);
    return columns;
  },
};

/** The families in the order their relations are written (a family may read an earlier one's). */
export const FAMILIES: readonly FeatureFamily[] = [
  accountFamily,
  usageFamily,
  yearOverYearFamily,
  ticketsFamily,
  championFamily,
  csmFamily,
  npsFamily,
  contractsFamily,
  integrationsFamily,
  labelFamily,
];
