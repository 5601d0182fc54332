export interface SqlDialect {
    readonly name: 'duckdb' | 'postgres' | (string & {});
    /**
     * Whether the engine hashes COUNT(DISTINCT ...) (DuckDB) rather than sorting every aggregated
     * row (PostgreSQL): without it, a distinct count over a window join is written with as-of
     * masks (families.ts, activeUsers), which only plain hashed GROUP BYs compute.
     */
    readonly hashedDistinct: boolean;
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
    readonly types: {
        double: string;
        integer: string;
        text: string;
        date: string;
        boolean: string;
    };
}
export declare const duckdbDialect: SqlDialect;
