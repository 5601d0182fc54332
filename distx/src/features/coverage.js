import { quoteIdent, quoteLiteral, queryRows } from '../data/index.js';
import { addDays, isoDay, groupDigits } from '../util/index.js';
import { WINDOWS } from './sql.js';
import { PURCHASE_WINDOWS } from './registry.js';
/** The column that dates a record of each table (its event time, or the start of its effect). */
export const SOURCE_TIME_COLUMN = {
    accounts: 'started_at',
    contracts: 'starts_at',
    usage: 'occurred_at',
    tickets: 'opened_at',
    contacts: 'started_at',
    interactions: 'occurred_at',
    nps: 'responded_at',
    integrations: 'connected_at',
};
/**
 * Tables whose records are events (their last record is where the source stops) rather than
 * spans in effect until they end (a contact, a contract, an integration stays in effect after the
 * last one was added, so an old last record is no sign of a source that stopped).
 */
export const EVENT_TABLES = new Set(['usage', 'tickets', 'interactions', 'nps']);
/**
 * A source starts late when its first record is more than this many days after the first
 * account started, and ends early when its last record is more than this many days before
 * data_end. Sparse sources (a quarterly NPS survey, a young account's first ticket) take weeks to
 * show up even when they were there all along; a quarter separates that from a missing system.
 */
export const COVERAGE_GRACE_DAYS = 90;
/** Days of usage history the usage features read at an as-of date (adoption breadth: last 30 + prior 30). */
export const USAGE_LOOKBACK_DAYS = Math.max(2 * WINDOWS.usage, WINDOWS.activeUsers, 2 * WINDOWS.adoption);
/** The same for the transactions feature set, whose longest purchase window is a year. */
export const PURCHASE_LOOKBACK_DAYS = Math.max(...PURCHASE_WINDOWS);
/**
 * One query over the history's tables giving each table's rows and first and last record day, in
 * a dialect (DuckDB or PostgreSQL), so coverage is read where the data lives.
 */
export function sourceRangeSql(tables, dialect, source = (t) => quoteIdent(t)) {
    const parts = [];
    for (const [table, column] of Object.entries(SOURCE_TIME_COLUMN)) {
        if (!tables.has(table))
            continue;
        // The day of the earliest time is the earliest day; MIN over the raw column can use file statistics.
        const col = quoteIdent(column);
        parts.push(`SELECT ${quoteLiteral(table)} AS source_table, COUNT(*) AS record_rows, ` +
            `${dialect.text(dialect.dayOf(`MIN(${col})`))} AS first_day, ${dialect.text(dialect.dayOf(`MAX(${col})`))} AS last_day FROM ${source(table)}`);
    }
    return parts.join('\nUNION ALL\n');
}
/** The ranges from sourceRangeSql's result rows. */
export function sourceRangesOf(rows) {
    return rows.map((r) => {
        const table = String(r['source_table']);
        const day = (v) => (v === null || v === undefined ? null : String(v).slice(0, 10));
        return {
            table,
            column: SOURCE_TIME_COLUMN[table],
            rows: Number(r['record_rows']),
            first: day(r['first_day']),
            last: day(r['last_day']),
        };
    });
}
/** Snapshot rows per as-of date of a feature relation. */
export async function rowsByAsOf(conn, relation) {
    const rows = await queryRows(conn, `SELECT CAST(as_of AS VARCHAR) AS as_of, COUNT(*) AS n FROM ${quoteIdent(relation)} GROUP BY 1`);
    return new Map(rows.map((r) => [String(r['as_of']), Number(r['n'])]));
}
function daysBetween(from, to) {
    return isoDay(to) - isoDay(from);
}
function span(dates) {
    return dates.length ? { first: dates[0], last: dates.at(-1) } : null;
}
const count = (n) => groupDigits(n);
/**
 * Coverage of each source against the snapshot rows (`rowsByAsOf`: as-of date -> rows, any
 * order), with a warning for each source that starts late or ends early and leaves rows outside
 * its data.
 */
export function dataCoverage(ranges, rowsByAsOf, dataEnd, allTables, featureSet = 'saas') {
    const lookback = featureSet === 'transactions' ? PURCHASE_LOOKBACK_DAYS : USAGE_LOOKBACK_DAYS;
    const dates = [...rowsByAsOf.keys()].sort();
    const total = dates.reduce((s, d) => s + rowsByAsOf.get(d), 0);
    const rowsWhere = (keep) => {
        const kept = dates.filter(keep);
        return { rows: kept.reduce((s, d) => s + rowsByAsOf.get(d), 0), span: span(kept) };
    };
    const firstStart = ranges.find((r) => r.table === 'accounts')?.first ?? null;
    const present = new Set(ranges.map((r) => r.table));
    const sources = [];
    const warnings = [];
    for (const range of ranges) {
        if (range.table === 'accounts')
            continue;
        const before = rowsWhere((d) => range.first === null || d <= range.first);
        const events = EVENT_TABLES.has(range.table);
        const after = rowsWhere((d) => events && range.last !== null && d > range.last);
        const startsLate = range.first === null || (firstStart !== null && daysBetween(firstStart, range.first) > COVERAGE_GRACE_DAYS);
        const endsEarly = events && range.last !== null && daysBetween(range.last, dataEnd) > COVERAGE_GRACE_DAYS;
        sources.push({
            ...range,
            starts_late: startsLate,
            ends_early: endsEarly,
            rows_before: before.rows,
            as_of_before: before.span,
            rows_after: after.rows,
            as_of_after: after.span,
        });
        if (range.first === null) {
            warnings.push(`${range.table} has no rows: its features are NULL or read as "none happened" on every row`);
            continue;
        }
        if (startsLate && before.rows > 0 && range.table !== 'usage')
            warnings.push(`${range.table} starts ${range.first}, ${daysBetween(firstStart, range.first)} days after the first account started (${firstStart}): ` +
                `${count(before.rows)} of ${count(total)} snapshot rows (as_of ${before.span.first} … ${before.span.last}) see no ${range.table} at all`);
        if (endsEarly && after.rows > 0)
            warnings.push(`${range.table} ends ${range.last}, ${daysBetween(range.last, dataEnd)} days before data_end ${dataEnd}: ` +
                `${count(after.rows)} of ${count(total)} snapshot rows (as_of ${after.span.first} … ${after.span.last}) are after its last record`);
    }
    const usage = sources.find((s) => s.table === 'usage');
    const coveredFrom = usage?.first ? addDays(usage.first, lookback) : null;
    const partial = rowsWhere((d) => usage?.first != null && d > usage.first && coveredFrom !== null && d < coveredFrom);
    const suggested = usage?.starts_late && coveredFrom !== null ? (dates.find((d) => d >= coveredFrom) ?? coveredFrom) : null;
    if (usage?.starts_late && usage.first !== null && usage.rows_before + partial.rows > 0) {
        const parts = [
            `usage starts ${usage.first}, ${daysBetween(firstStart, usage.first)} days after the first account started (${firstStart})`,
        ];
        if (usage.rows_before > 0)
            parts.push(`${count(usage.rows_before)} of ${count(total)} snapshot rows (as_of ${usage.as_of_before.first} … ${usage.as_of_before.last}) see no usage at all${featureSet === 'saas' ? ', so zero_usage_14d is true on every one of them' : ''}`);
        if (partial.rows > 0)
            parts.push(`${count(partial.rows)} more (to ${partial.span.last}) see only part of the ${lookback}-day usage windows`);
        warnings.push(`${parts.join(': ')}. A model trained on them can learn zero usage as protective; --from ${suggested} starts where usage covers the windows`);
    }
    return {
        first_start: firstStart,
        data_end: dataEnd,
        grace_days: COVERAGE_GRACE_DAYS,
        rows: total,
        as_of: span(dates),
        sources,
        absent: allTables.filter((t) => t !== 'accounts' && !present.has(t)),
        usage: {
            windows_days: lookback,
            windows_covered_from: coveredFrom,
            rows_partial: partial.rows,
            suggested_from: suggested,
        },
        warnings,
    };
}
//# sourceMappingURL=coverage.js.map