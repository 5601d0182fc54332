/**
 * The feature SQL's few engine-specific constructs (src/features/dialect.ts) for PostgreSQL.
 * Timestamps are `timestamp` (without time zone) holding UTC, so a cast to date is the UTC day.
 */
import { checkIsoDate } from '../util/index.js';
import type { SqlDialect } from '../features/index.js';

const days = (x: number | string) =>
  typeof x === 'number' ? (x < 0 ? `(${Math.trunc(x)})` : String(Math.trunc(x))) : `CAST(${x} AS INTEGER)`;

export const postgresDialect: SqlDialect = {
  name: 'postgres',
  hashedDistinct: false,
  serialStoredSteps: true,
  segmentTotals: true,
  usersByBitSums: true,
  dateLiteral: (d) => `DATE '${checkIsoDate(d)}'`,
  addDays: (date, n) => `(${date} + ${days(n)})`,
  daysBetween: (from, to) => `CAST(${to} - ${from} AS INTEGER)`,
  dayOf: (ts) => `CAST(${ts} AS DATE)`,
  startOfDay: (date) => `CAST(${date} AS TIMESTAMP)`,
  double: (e) => `CAST(${e} AS DOUBLE PRECISION)`,
  integer: (e) => `CAST(${e} AS INTEGER)`,
  bigint: (e) => `CAST(${e} AS BIGINT)`,
  // PostgreSQL 15 has no bit_count for integers: count the ones of the 64-bit string
  popcount: (e) => `length(replace(CAST(CAST(${e} AS BIT(64)) AS TEXT), '0', ''))`,
  greatest: (...xs) => `greatest(${xs.join(', ')})`,
  least: (...xs) => `least(${xs.join(', ')})`,
  text: (e) => `CAST(${e} AS TEXT)`,
  exactNumber: (e) => `CAST(${e} AS NUMERIC(38, 6))`,
  median: (e) => `percentile_cont(0.5) WITHIN GROUP (ORDER BY ${e})`,
  integerSeries: (alias, column, from, to) =>
    `generate_series(${Math.trunc(from)}, ${Math.trunc(to)}) AS ${alias}(${column})`,
  types: { double: 'DOUBLE PRECISION', integer: 'INTEGER', text: 'TEXT', date: 'DATE', boolean: 'BOOLEAN' },
};
