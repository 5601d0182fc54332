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
export const duckdbDialect = {
    name: 'duckdb',
    hashedDistinct: true,
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
    integerSeries: (alias, column, from, to) => `generate_series(${Math.trunc(from)}, ${Math.trunc(to)}) AS ${alias}(${column})`,
    types: { double: 'DOUBLE', integer: 'INTEGER', text: 'VARCHAR', date: 'DATE', boolean: 'BOOLEAN' },
};
// DuckDB defines DATE + INTEGER but not DATE + BIGINT, so expressions are cast first.
function paren(x) {
    return typeof x === 'number' ? (x < 0 ? `(${Math.trunc(x)})` : String(Math.trunc(x))) : `CAST(${x} AS INTEGER)`;
}
//# sourceMappingURL=dialect.js.map