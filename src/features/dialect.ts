/**
 * The few SQL constructs the feature query needs that differ between engines. Everything else in
 * the feature SQL is standard SQL that DuckDB and PostgreSQL evaluate identically (CASE, FILTER,
 * COUNT(DISTINCT), window functions with RANGE frames, IS NOT DISTINCT FROM, VALUES lists).
 *
 * Contract for an implementation (issue 10 adds PostgreSQL; the numbers must agree to 1e-9 with
 * the same NULLs):
 * - Dates are calendar days (SQL DATE); timestamps are UTC instants. `dayOf` must give the UTC
 *   calendar day whatever the session time zone, and `startOfDay` the instant 00:00 UTC of a day in
 *   a type that compares correctly with the timestamp columns of the history views.
 * - `addDays`/`daysBetween` are exact day arithmetic on DATE values and return DATE / an integer.
 * - `exactNumber` turns a non-negative quantity or amount into an exact decimal so that SUM does not
 *   depend on the order rows are added in (parallel aggregation), which keeps outputs byte-stable
 *   and equal across engines. Values are rounded to 6 decimals.
 * - `median` is the aggregate median with linear interpolation between the two middle values.
 * - `integerSeries` is a FROM item producing the integers from..to inclusive as one column.
 */
import { checkIsoDate } from '../util/index.js';
export interface SqlDialect {
  readonly name: 'duckdb' | 'postgres' | (string & {});
  /**
   * Whether active users are counted with COUNT(DISTINCT user_id) over the window join, as defined,
   * rather than with as-of masks (families.ts, activeUsers), which only plain hashed GROUP BYs
   * compute. PostgreSQL sorts every aggregated row for a distinct count; DuckDB hashes it, but one
   * entry per (account, as-of date, user) costs it more than the masks' one per (account, user).
   */
  readonly hashedDistinct: boolean;
  /**
   * Whether the window totals come from the day segments of feature breadth, in one pass over usage
   * with breadth (families.ts, totalsAndBreadthBySegments), rather than from their own window join.
   * The same numbers either way; PostgreSQL reads and joins every usage row once fewer.
   */
  readonly segmentTotals: boolean;
  /** A DATE literal from `YYYY-MM-DD`. */
  dateLiteral(isoDate: string): string;
  /** DATE plus a (possibly negative) whole number of days, as DATE. */
  addDays(date: string, days: number | string): string;
  /** Whole days from `from` to `to` (`to - from`), both DATE, as an integer. */
  daysBetween(from: string, to: string): string;
  /** The UTC calendar day of a timestamp, as DATE. */
  dayOf(timestamp: string): string;
  /** The instant 00:00 UTC of a DATE, comparable with timestamp columns. */
  startOfDay(date: string): string;
  /** CAST to a 64-bit float. */
  double(expr: string): string;
  /** CAST to a 32-bit integer. */
  integer(expr: string): string;
  /** CAST to a 64-bit integer. */
  bigint(expr: string): string;
  /** Number of set bits of a non-negative 64-bit integer. */
  popcount(expr: string): string;
  /** Larger / smaller of non-NULL arguments. */
  greatest(...exprs: string[]): string;
  least(...exprs: string[]): string;
  /** CAST to text. */
  text(expr: string): string;
  /** Exact decimal for order-independent sums (see above). */
  exactNumber(expr: string): string;
  /** Aggregate median (interpolated). */
  median(expr: string): string;
  /** FROM item: integers from..to inclusive, as relation `alias` with column `column`. */
  integerSeries(alias: string, column: string, from: number, to: number): string;
  /** SQL type names of the feature table columns. */
  readonly types: { double: string; integer: string; text: string; date: string; boolean: string };
}

export const duckdbDialect: SqlDialect = {
  name: 'duckdb',
  // Stryker disable next-line BooleanLiteral: equivalent, both forms give the same numbers (features/hand and features/boundaries compare them); which one DuckDB runs is a question of speed
  hashedDistinct: false,
  // Stryker disable next-line BooleanLiteral: equivalent, both forms give the same numbers (features/hand compares them); which one DuckDB runs is a question of speed
  segmentTotals: false,
  dateLiteral: (d) => `DATE '${checkIsoDate(d)}'`,
  addDays: (date, days) => `(${date} + ${paren(days)})`,
  daysBetween: (from, to) => `CAST(${to} - ${from} AS INTEGER)`,
  dayOf: (ts) => `CAST(${ts} AS DATE)`,
  startOfDay: (date) => `CAST(${date} AS TIMESTAMP)`,
  double: (e) => `CAST(${e} AS DOUBLE)`,
  integer: (e) => `CAST(${e} AS INTEGER)`,
  bigint: (e) => `CAST(${e} AS BIGINT)`,
  popcount: (e) => `bit_count(${e})`,
  greatest: (...xs) => `greatest(${xs.join(', ')})`,
  least: (...xs) => `least(${xs.join(', ')})`,
  text: (e) => `CAST(${e} AS VARCHAR)`,
  exactNumber: (e) => `CAST(${e} AS DECIMAL(38, 6))`,
  median: (e) => `median(${e})`,
  integerSeries: (alias, column, from, to) =>
    `generate_series(${Math.trunc(from)}, ${Math.trunc(to)}) AS ${alias}(${column})`,
  types: { double: 'DOUBLE', integer: 'INTEGER', text: 'VARCHAR', date: 'DATE', boolean: 'BOOLEAN' },
};

// DuckDB defines DATE + INTEGER but not DATE + BIGINT, so expressions are cast first.
function paren(x: number | string): string {
  return typeof x === 'number' ? (x < 0 ? `(${Math.trunc(x)})` : String(Math.trunc(x))) : `CAST(${x} AS INTEGER)`;
}
