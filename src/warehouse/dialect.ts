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
  segmentTotals: true,
  dateLiteral: (d) => `DATE '${checkIsoDate(d)}'`,
  addDays: (date, n) => `(${date} + ${days(n)})`,
  daysBetween: (from, to) => `CAST(${to} - ${from} AS INTEGER)`,
  dayOf: (ts) => `CAST(${ts} AS DATE)`,
  startOfDay: (date) => `CAST(${date} AS TIMESTAMP)`,
  double: (e) => `CAST(${e} AS DOUBLE PRECISION)`,
  integer: (e) => `CAST(${e} AS INTEGER)`,
  bigint: (e) => `CAST(${e} AS BIGINT)`,
  // PostgreSQL has no bit_count for integers, but one for bytes (14 and later): the integer's 8
  // bytes (int8send). Counting the ones of its 64-bit string took 16 times as long a value (2M
  // values: 1.65 against 0.10 s).
  popcount: (e) => `CAST(bit_count(int8send(CAST(${e} AS BIGINT))) AS INTEGER)`,
  greatest: (...xs) => `greatest(${xs.join(', ')})`,
  least: (...xs) => `least(${xs.join(', ')})`,
  text: (e) => `CAST(${e} AS TEXT)`,
  exactNumber: (e) => `CAST(${e} AS NUMERIC(38, 6))`,
  median: (e) => `percentile_cont(0.5) WITHIN GROUP (ORDER BY ${e})`,
  integerSeries: (alias, column, from, to) =>
    `generate_series(${Math.trunc(from)}, ${Math.trunc(to)}) AS ${alias}(${column})`,
  types: { double: 'DOUBLE PRECISION', integer: 'INTEGER', text: 'TEXT', date: 'DATE', boolean: 'BOOLEAN' },
};
