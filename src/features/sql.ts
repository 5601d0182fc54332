import type { TableName } from '../data/index.js';
import { quoteIdent } from '../data/index.js';
import { isoDay } from '../util/index.js';
import type { SqlDialect } from './dialect.js';
import {
  FAMILIES,
  inEffect,
  SEASONAL_FEATURES,
  seasonalColumn,
  WINDOWS,
  type FamilyContext,
  type SeasonalFeature,
} from './families.js';
import { featureTableColumns } from './registry.js';

export {
  isSeasonalFeature,
  SEASONAL_FEATURES,
  seasonalColumn,
  WINDOWS,
  type SeasonalFeature,
} from './families.js';

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
 * Where a row would fall in many windows, it is touched once instead: feature breadth ORs event
 * bits per (account, day segment), the segments cut at every window edge so each lies wholly in
 * or out of a window, and active users OR per (account, user) the bits of the as-of dates whose
 * windows hold the user's days (families.ts, breadthBySegments and activeUsers).
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
  /**
   * No usage quantity is 0 (none is negative: the preflight refuses those), so every usage row
   * counts as usage and the `quantity > 0` tests can be left out (same rows, less work).
   */
  positiveQuantities?: boolean;
  /**
   * featureEvents, wholeQuantities and positiveQuantities are guesses (PostgreSQL reads them from the
   * table's statistics rather than from its rows): usage_segments then also holds the columns that
   * check them on the rows it reads (families.ts, guessChecks). Only with `segmentTotals` and event bits.
   */
  checkGuesses?: boolean;
  /** Days every as-of date looks back in `window_days` at least (the transactional set reads a year and its prior). */
  lookbackDays?: number;
  /**
   * Usage trends that also get a year-over-year column `<name>_yoy` (`features --seasonal`), after
   * the label, in SEASONAL_FEATURES order.
   */
  seasonal?: readonly SeasonalFeature[];
}

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
  /**
   * Reads no table, only the query's parameters (the day maps). PostgreSQL keeps these as views:
   * its parallel workers cannot read a temporary table, and these cost nothing to recompute.
   */
  constant?: boolean;
}

export interface FeatureQuery {
  steps: SqlStep[];
  /** The final SELECT, columns in FEATURE_TABLE_COLUMNS order, sorted by as_of, account_id. */
  select: string;
  /**
   * The relations the final SELECT reads (snapshots and each family's joined steps), for a caller
   * that runs the steps in one engine and the final SELECT in another (buildFeaturesInPostgres).
   */
  inputs: string[];
}

export function featureQuery(params: FeatureSqlParams, d: SqlDialect): FeatureQuery {
  if (params.asOf.length === 0) throw new RangeError('featureQuery: no as-of dates');
  if (!Number.isInteger(params.horizon) || params.horizon < 1)
    throw new RangeError(`featureQuery: horizon must be a positive integer, got ${params.horizon}`);
  const steps: SqlStep[] = [];
  const ctx: FamilyContext = {
    params,
    d,
    has: (t) => params.tables.has(t),
    src: params.source ?? ((t) => quoteIdent(t)),
    // Stryker disable next-line BooleanLiteral: equivalent, a view or a table of the same SELECT holds the same rows (materializing trades memory for speed; sums over it are exact, see exactQty)
    step: (family, name, sql, materialize = true, constant = false) =>
      // Stryker disable next-line ConditionalExpression,ObjectLiteral: equivalent, constant is read as a flag (absent, undefined and false alike), and it only chooses a view or a table on PostgreSQL
      steps.push({ family, name, sql, materialize, ...(constant ? { constant } : {}) }),
    first: d.dateLiteral(params.asOf[0]!),
    last: d.dateLiteral(params.asOf.at(-1)!),
    seasonal: (Object.keys(SEASONAL_FEATURES) as SeasonalFeature[]).filter((f) => params.seasonal?.includes(f)),
    on: (alias) => `${alias}.account_id = s.account_id AND ${alias}.as_of = s.as_of`,
  };
  snapshotSteps(ctx);
  const joins: string[] = [];
  const columns: Record<string, string> = {};
  for (const family of FAMILIES) {
    family.steps(ctx);
    joins.push(...family.joins(ctx));
    Object.assign(columns, family.columns(ctx));
  }
  // Stryker disable next-line StringLiteral: equivalent, featureSet reads every name but 'transactions' as the saas set
  const names = [...featureTableColumns('saas', params.label), ...ctx.seasonal.map(seasonalColumn)];
  return {
    steps,
    ...finalSelect(
      names.map((c) => `${columns[c]} AS ${c}`),
      joins,
    ),
  };
}

/** The final SELECT of a feature query: the snapshot rows, each family's steps joined to them. */
export function finalSelect(columns: readonly string[], joins: readonly string[]): Omit<FeatureQuery, 'steps'> {
  const unsorted = `SELECT
  ${columns.join(',\n  ')}
FROM snapshots s
${joins.join('\n')}`;
  const inputs = ['snapshots', ...joins.map((j) => /JOIN (\S+) /.exec(j)?.[1] ?? '')];
  if (inputs.includes('')) throw new Error(`featureQuery: a join names no relation: ${joins.join('; ')}`);
  return { select: `${unsorted}\nORDER BY s.as_of, s.account_id`, inputs };
}

/**
 * The as-of dates, the day maps every windowed family joins on (window_days: each as-of date's
 * days back; bucket_days: each day with the first as-of date after it) and the snapshot rows, one
 * per account customer at each as-of date.
 */
function snapshotSteps({ params, d, has, src, step }: FamilyContext): void {
  // Stryker disable next-line StringLiteral: equivalent, a step's family is a label that no query, output or message reads
  const family = 'snapshots';
  const dates = params.asOf.map((t) => `(${d.dateLiteral(t)})`).join(', ');
  // Stryker disable next-line BooleanLiteral: equivalent, materialize and constant only choose a table or a view of the same SELECT (constant: PostgreSQL keeps the day maps as views its parallel workers can read; features-postgres compares the rows with DuckDB's)
  step(family, 'snapshot_dates', `SELECT as_of FROM (VALUES ${dates}) AS t(as_of)`, true, true);
  // bucket_days: each day from the first as-of date to the last one, with the first as-of date
  // after it (days before the first as-of date belong to it too; see latestBefore in families.ts).
  // Stryker disable next-line ArithmeticOperator: equivalent for +, a longer series only adds days on or after each as_of, which the WHERE of bucket_days drops
  const gaps = params.asOf.slice(1).map((t, i) => isoDay(t)! - isoDay(params.asOf[i]!)!);
  if (gaps.length) {
    // Stryker disable next-line ArithmeticOperator: equivalent, one more day (prev_as_of + the largest gap) is never before its as_of: the WHERE below drops it
    const lastK = Math.max(...gaps) - 1;
    step(
      family,
      'bucket_days',
      `SELECT p.as_of, ${d.addDays('p.prev_as_of', 'g.k')} AS day
FROM (SELECT as_of, LAG(as_of) OVER (ORDER BY as_of) AS prev_as_of FROM snapshot_dates) AS p
CROSS JOIN ${d.integerSeries('g', 'k', 0, lastK)}
WHERE p.prev_as_of IS NOT NULL AND ${d.addDays('p.prev_as_of', 'g.k')} < p.as_of`,
      // Stryker disable next-line BooleanLiteral: equivalent, materialize and constant only choose a table or a view of the same SELECT (constant: PostgreSQL keeps the day maps as views its parallel workers can read; features-postgres compares the rows with DuckDB's)
      true,
      // Stryker disable next-line BooleanLiteral: equivalent, materialize and constant only choose a table or a view of the same SELECT (constant: PostgreSQL keeps the day maps as views its parallel workers can read; features-postgres compares the rows with DuckDB's)
      true,
    );
  } else {
    // Stryker disable next-line BooleanLiteral: equivalent, materialize and constant only choose a table or a view of the same SELECT (constant: PostgreSQL keeps the day maps as views its parallel workers can read; features-postgres compares the rows with DuckDB's)
    step(family, 'bucket_days', `SELECT as_of, as_of AS day FROM snapshot_dates WHERE FALSE`, true, true);
  }
  const lookback = Math.max(
    params.lookbackDays ?? 0,
    has('nps') ? 2 * WINDOWS.nps : 2 * Math.max(WINDOWS.tickets, WINDOWS.champion, WINDOWS.adoption, WINDOWS.usage),
  );
  step(
    family,
    'window_days',
    `SELECT sd.as_of, ${d.addDays('sd.as_of', '-g.k')} AS day, g.k AS k
FROM snapshot_dates sd CROSS JOIN ${d.integerSeries('g', 'k', 1, lookback)}`,
    // Stryker disable next-line BooleanLiteral: equivalent, materialize and constant only choose a table or a view of the same SELECT (constant: PostgreSQL keeps the day maps as views its parallel workers can read; features-postgres compares the rows with DuckDB's)
    true,
    // Stryker disable next-line BooleanLiteral: equivalent, materialize and constant only choose a table or a view of the same SELECT (constant: PostgreSQL keeps the day maps as views its parallel workers can read; features-postgres compares the rows with DuckDB's)
    true,
  );
  step(
    family,
    'snapshots',
    `SELECT a.account_id, sd.as_of, a.segment, a.seats, a.started_at, a.churned_at
FROM ${src('accounts')} a JOIN snapshot_dates sd ON ${inEffect('a.started_at', 'a.churned_at', 'sd.as_of')}`,
  );
}

/**
 * The relations a step's SQL reads: each name after FROM or JOIN (the families write every join
 * with JOIN, never a comma), as written: a step's name, or a contract table as `source` names it.
 */
export function relationsRead(sql: string): string[] {
  const names = [...sql.matchAll(/\b(?:FROM|JOIN)\s+("(?:[^"]|"")*"(?:\."(?:[^"]|"")*")?|\w+)/g)].map((m) => m[1]!);
  return [...new Set(names)];
}

/** The whole query as one statement (`WITH ... SELECT`), e.g. to run inside PostgreSQL. */
export function renderFeatureSql(q: FeatureQuery): string {
  return `WITH\n${q.steps.map((s) => `${s.name} AS (\n${s.sql}\n)`).join(',\n')}\n${q.select}`;
}
