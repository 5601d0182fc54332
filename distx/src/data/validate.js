import { CONTRACT, TABLE_NAMES } from './contract.js';
import { openDuckDB, quoteIdent, quoteLiteral } from './duckdb.js';
import { convertColumn, SEE_VALIDATE } from './convert.js';
import { rejectUrlSource } from './history.js';
import { DataIssueError, formatIssue, } from './issues.js';
import { resolveLocalHistory } from './sources.js';
import { columnRules, intervalRule } from './rules.js';
import { ChurnkitError, EXCERPT_CHARS, silentProgress, groupDigits } from '../util/index.js';
import { latestPossibleDay, otherEventColumns, runDate } from './date-limits.js';
/** Tables whose timestamps are events an account should not have after it churned. */
const EVENT_COLUMN = {
    usage: 'occurred_at',
    tickets: 'opened_at',
    interactions: 'occurred_at',
    nps: 'responded_at',
    integrations: 'connected_at',
};
/** Tables not checked for future dates: usage defines the data end; contracts end (renew) in the future by nature. */
const NO_FUTURE_CHECK = [
    // Stryker disable next-line StringLiteral: equivalent, usage is validated first, before ctx.dataEnd is known
    'usage',
    'contracts',
];
const ROW = '"__churnkit_row"';
/** Not TEMP: the examples pass reads it from a second connection. */
const ACCOUNTS = '"__churnkit_accounts"';
const alias = (prefix, i) => `"${prefix}_${i}"`;
function sourceColumnOf(ts, column) {
    // Stryker disable next-line OptionalChaining: equivalent, newIssue is only given columns the table has
    const theirs = ts.columns.get(column)?.source;
    return theirs === column ? undefined : theirs;
}
function newIssue(ts, check, count, examples) {
    const theirs = check.column ? sourceColumnOf(ts, check.column) : undefined;
    return {
        severity: check.severity,
        code: check.code,
        table: ts.table,
        source: ts.origin,
        ...(check.column ? { column: check.column } : {}),
        ...(theirs ? { sourceColumn: theirs } : {}),
        message: check.message,
        count,
        examples,
        ...(check.hint ? { hint: check.hint } : {}),
    };
}
/** The per-row checks of one table, over `c` (one row per user row, raw and converted columns). */
function rowChecks(ts, conv, ctx) {
    const checks = [];
    const ref = (col, prefix) => alias(prefix, conv.get(col).i);
    for (const [name, { c, spec }] of conv) {
        if (!ts.columns.get(name))
            continue;
        for (const [k, u] of (c.unresolved ?? []).entries())
            checks.push({
                code: u.code,
                severity: 'error',
                column: name,
                message: u.problem,
                cond: alias(`u${k}`, conv.get(name).i),
                value: alias(`x${k}`, conv.get(name).i),
            });
        if (c.bad)
            checks.push({
                code: c.code,
                severity: 'error',
                column: name,
                message: c.problem,
                cond: ref(name, 'b'),
                value: ref(name, 'r'),
            });
        for (const rule of columnRules(ts.table, spec, ref(name, 'v'), ref(name, 'p')))
            checks.push({
                ...rule,
                severity: 'error',
                value: rule.code === 'missing_value' ? null : ref(name, 'r'),
            });
    }
    const interval = intervalRule(ts.table, (col) => (ts.columns.get(col) ? ref(col, 'v') : null));
    if (interval) {
        const [s, e] = CONTRACT[ts.table].interval;
        checks.push({
            ...interval,
            severity: 'error',
            value: `concat(${quoteLiteral(`${s}=`)}, ${ref(s, 'r')}, ${quoteLiteral(`, ${e}=`)}, ${ref(e, 'r')})`,
        });
    }
    if (ts.table !== 'accounts' && ctx.hasAccounts && ts.columns.get('account_id')) {
        checks.push({
            code: 'orphan_account',
            severity: 'warning',
            column: 'account_id',
            message: 'account_id not in accounts',
            cond: `${ref('account_id', 'v')} IS NOT NULL AND a.account_id IS NULL`,
            value: ref('account_id', 'r'),
            distinct: { expr: ref('account_id', 'v'), label: 'distinct account' },
        });
        const ev = EVENT_COLUMN[ts.table];
        // Stryker disable next-line LogicalOperator: equivalent, event columns are required: a table without its own is reported missing and not validated
        if (ev && ts.columns.get(ev)) {
            checks.push({
                code: 'after_churn',
                severity: 'warning',
                column: ev,
                message: "after the account's churned_at",
                cond: `CAST(${ref(ev, 'v')} AS DATE) > a.churned_at`,
                value: `concat(${ref(ev, 'r')}, ' (churned_at ', strftime(a.churned_at, '%Y-%m-%d'), ')')`,
                distinct: { expr: ref('account_id', 'v'), label: 'account' },
            });
        }
    }
    const latest = latestPossibleDay(ctx.limits, ts.table);
    if (latest) {
        for (const [name, { spec }] of conv) {
            if (!ts.columns.get(name) || (spec.type !== 'date' && spec.type !== 'timestamp'))
                continue;
            checks.push({
                code: 'impossible_date',
                severity: 'warning',
                column: name,
                message: `a date that cannot be right: after ${latest.day} (${latest.why})`,
                hint: ts.table === 'usage'
                    ? 'features leaves these rows out of data_end; fix the dates or pass --data-end'
                    : 'fix the dates in the export',
                cond: `CAST(${ref(name, 'v')} AS DATE) > DATE ${quoteLiteral(latest.day)}`,
                value: ref(name, 'r'),
            });
        }
    }
    if (ctx.dataEnd && !NO_FUTURE_CHECK.includes(ts.table)) {
        for (const [name, { spec }] of conv) {
            if (!ts.columns.get(name) || (spec.type !== 'date' && spec.type !== 'timestamp'))
                continue;
            // By day: usage may be daily roll-ups stamped 00:00, which cover the whole last day.
            const lastDay = ctx.dataEnd.slice(0, 10);
            checks.push({
                code: 'future_date',
                severity: 'warning',
                column: name,
                message: `after the last day with usage (${lastDay})`,
                cond: `CAST(${ref(name, 'v')} AS DATE) > DATE ${quoteLiteral(lastDay)}`,
                value: ref(name, 'r'),
            });
        }
    }
    return checks;
}
function isoOf(duckTimestamp) {
    return `${duckTimestamp.replace(' ', 'T')}Z`;
}
/**
 * The CTE `c`: one row per user row, each column raw, present, converted and bad; `numbered`
 * adds the data row number. Numbering needs DuckDB's streaming window, which runs the scan on
 * one thread, so only the examples pass asks for it.
 */
function rowsCte(ts, relation, numbered) {
    // A numbered relation (ts.relation({ numbered: true })) carries the file's row number itself,
    // counted before any filter of the mapping, so the number is the row in the user's file.
    const conv = new Map();
    const cols = [];
    CONTRACT[ts.table].columns.forEach((spec, i) => {
        const c = convertColumn(spec, ts.columns.get(spec.name) ?? null, ts.mapping);
        conv.set(spec.name, { i, c, spec });
        cols.push(`${c.raw} AS ${alias('r', i)}`, `${c.present} AS ${alias('p', i)}`, `${c.value} AS ${alias('v', i)}`, `${c.bad ?? 'false'} AS ${alias('b', i)}`);
        for (const [k, u] of (c.unresolved ?? []).entries())
            cols.push(`${u.cond} AS ${alias(`u${k}`, i)}`, `${u.raw} AS ${alias(`x${k}`, i)}`);
    });
    const keyCol = CONTRACT[ts.table].key[0] ?? 'account_id';
    const k = conv.get(keyCol);
    cols.push(`CASE WHEN ${alias('p', k.i)} THEN ${quoteLiteral(`${keyCol}=`)} || ${alias('r', k.i)} END AS "__churnkit_key"`);
    const sql = numbered
        ? `c AS (SELECT ${ROW}, ${cols.join(', ')} FROM ${relation})`
        : `c AS (SELECT ${cols.join(', ')} FROM ${relation})`;
    return { sql, conv };
}
/** The join that gives each row its account (alias `a`), for orphan and after-churn checks. */
function accountJoin(ctx, ts, conv) {
    // Stryker disable next-line ConditionalExpression,StringLiteral: equivalent for the accounts clause false, the index holds one row per account_id, so joining accounts to it adds no row and nothing reads a
    if (ts.table === 'accounts' || !ctx.hasAccounts || !ts.columns.get('account_id'))
        return '';
    return ` LEFT JOIN ${ACCOUNTS} a ON a.account_id = c.${alias('v', conv.get('account_id').i)}`;
}
function firstLine(err) {
    // Stryker disable next-line OptionalChaining: equivalent, what reaches here is an error DuckDB threw, never null or undefined
    return String(err?.message ?? err)
        .split('\n')[0]
        .replace(/^[A-Za-z ]+Error: /, '');
}
/**
 * Pass 1, in parallel over the whole table: how many rows fail each check, and for usage the
 * latest timestamp. Rows the CSV reader cannot split go to the rejects table.
 */
async function countProblems(ctx, ts, withRejects) {
    const rejects = withRejects
        ? { table: `__churnkit_rejects_${ts.table}`, scan: `__churnkit_scan_${ts.table}` }
        : undefined;
    const { sql: cte, conv } = rowsCte(ts, ts.relation(rejects ? { rejects } : {}), false);
    const checks = rowChecks(ts, conv, ctx);
    // count() of every column makes the reader decode each one (a column no check reads would
    // otherwise be skipped, and bad UTF-8 in it found only later, by a query that needs it).
    const aggs = [
        `count(*) AS n`,
        // Stryker disable next-line MethodExpression: equivalent, an absent column's raw value is CAST(NULL AS VARCHAR), which count() reads nothing of
        ...[...conv.values()]
            .filter((x) => ts.columns.get(x.spec.name))
            .map((x) => `count(${alias('r', x.i)}) AS "c_${x.i}"`),
    ];
    checks.forEach((ch, j) => {
        aggs.push(`count(*) FILTER (WHERE ${ch.cond}) AS "n_${j}"`);
        if (ch.distinct)
            aggs.push(`count(DISTINCT ${ch.distinct.expr}) FILTER (WHERE ${ch.cond}) AS "d_${j}"`);
    });
    // Stryker disable next-line ConditionalExpression,LogicalOperator: equivalent for true and ||, validateTable keeps the data end of usage only (whose occurred_at is required)
    const isUsage = ts.table === 'usage' && ts.columns.get('occurred_at');
    if (isUsage) {
        // data_end from the plausible rows only: one row dated 2030 must not move it.
        const v = alias('v', conv.get('occurred_at').i);
        const latest = latestPossibleDay(ctx.limits, 'usage');
        // Stryker disable next-line StringLiteral: equivalent, latestPossibleDay always has the run date for usage
        const plausible = latest ? ` FILTER (WHERE CAST(${v} AS DATE) <= DATE ${quoteLiteral(latest.day)})` : '';
        aggs.push(`CAST(max(${v})${plausible} AS VARCHAR) AS data_end`);
    }
    let row;
    try {
        row = (await ctx.conn.runAndReadAll(`WITH ${cte} SELECT ${aggs.join(', ')} FROM c${accountJoin(ctx, ts, conv)}`)).getRowObjectsJS()[0];
    }
    catch (err) {
        return { error: firstLine(err) };
    }
    const hits = checks
        .map((check, j) => ({
        check,
        count: Number(row[`n_${j}`]),
        distinct: check.distinct ? Number(row[`d_${j}`]) : null,
    }))
        .filter((h) => h.count > 0);
    return { rows: Number(row['n']), dataEnd: isUsage ? (row['data_end'] ?? null) : null, hits };
}
/**
 * Pass 2, only for checks that failed: the first rows of each, in file order. The rows stream
 * in file order, so reading stops as soon as every check has its examples; a problem in the
 * first rows of a 2 GB file costs a few chunks, not another pass.
 */
async function collectExamples(ctx, ts, hits) {
    const { sql: cte, conv } = rowsCte(ts, ts.relation({ numbered: true }), true);
    const cols = hits.flatMap((h, j) => [
        `(${h.check.cond}) AS "f_${j}"`,
        `CAST(${h.check.value ?? 'NULL'} AS VARCHAR) AS "x_${j}"`,
    ]);
    const where = hits.map((h) => `(${h.check.cond})`).join(' OR ');
    const sql = `WITH ${cte} SELECT ${ROW} AS row, "__churnkit_key" AS key, ${cols.join(', ')} FROM c${accountJoin(ctx, ts, conv)} WHERE ${where}`;
    const need = hits.map((h) => Math.min(ctx.max, h.count));
    const found = hits.map(() => []);
    const conn = await ctx.instance.connect();
    try {
        const result = await conn.stream(sql);
        let last = 0;
        // DuckDB streams the numbered rows in file order, so the order check, the early stop and the sort
        // below never change which rows are shown; they keep the examples right should an engine not.
        // Stryker disable next-line BooleanLiteral: equivalent, rows come in file order (see above): reading on and sorting gives the same first rows
        let ordered = true;
        for await (const rows of result.yieldRowObjectJs()) {
            for (const r of rows) {
                const rowNo = Number(r['row']);
                // Stryker disable next-line ConditionalExpression,EqualityOperator,BooleanLiteral: equivalent, rows come in file order with distinct numbers (see above)
                if (rowNo < last)
                    ordered = false;
                last = rowNo;
                hits.forEach((h, j) => {
                    // Stryker disable next-line ConditionalExpression,EqualityOperator: equivalent for false and >, the rows past those needed are cut by the slice below
                    if (r[`f_${j}`] !== true || (ordered && found[j].length >= need[j]))
                        return;
                    const ex = { row: rowNo };
                    if (r['key'] !== null)
                        ex.key = String(r['key']);
                    if (h.check.value !== null)
                        ex.value = r[`x_${j}`] === null ? null : clip(String(r[`x_${j}`]));
                    found[j].push(ex);
                });
            }
            // Stryker disable next-line ConditionalExpression,ArrowFunction: equivalent, never stopping early reads every row and the slice below cuts
            if (ordered && found.every((f, j) => f.length >= need[j]))
                break;
        }
    }
    finally {
        conn.closeSync();
    }
    // Should the engine ever hand rows back out of order, the early stop is off and this sorts.
    // Stryker disable next-line MethodExpression: equivalent, rows come in file order (see above), already sorted
    return found.map((f, j) => f.sort((a, b) => a.row - b.row).slice(0, need[j]));
}
/** A value as shown in a report: the first characters only (a mapping may point at any file). */
function clip(value) {
    return value.length > EXCERPT_CHARS ? `${value.slice(0, EXCERPT_CHARS)}…` : value;
}
/** Lines of a CSV file the reader could not read (wrong field count, bad quoting, not UTF-8). */
async function malformedLines(ctx, ts) {
    const table = quoteIdent(`__churnkit_rejects_${ts.table}`);
    let rows;
    try {
        rows = (await ctx.conn.runAndReadAll(`SELECT count(*) OVER () AS total, bool_or(error_type = 'INVALID ENCODING') OVER () AS encoding, line, error_message FROM ${table} ORDER BY line LIMIT ${ctx.max}`)).getRowObjectsJS();
    }
    catch {
        return null; // no rejects table: nothing was rejected
    }
    if (rows.length === 0)
        return null;
    const count = Number(rows[0]['total']);
    const examples = rows.map((r) => ({ line: Number(r['line']), value: String(r['error_message']).slice(0, 120) }));
    const fix = rows[0]['encoding'] ? 'save the file as UTF-8' : 'check the delimiter and quoting';
    return newIssue(ts, {
        code: 'malformed_rows',
        severity: 'error',
        message: 'lines the CSV reader cannot read',
        hint: `${fix}; the other checks of this table wait until these lines are fixed`,
    }, count, examples);
}
/** Keys that occur on more than one row: an error for account_id, a warning elsewhere. */
async function duplicateKeys(ctx, ts) {
    const keyCol = CONTRACT[ts.table].key[0];
    if (!keyCol || !ts.columns.get(keyCol))
        return null;
    const { sql: cte, conv } = rowsCte(ts, ts.relation({ numbered: true }), true);
    const v = alias('v', conv.get(keyCol).i);
    const sql = `WITH ${cte}, d AS (SELECT ${v} AS k, count(*) AS n, arg_min(${ROW}, ${ROW}, ${ctx.max}) AS rows FROM c WHERE ${v} IS NOT NULL AND trim(${v}) <> '' GROUP BY 1 HAVING count(*) > 1)
    SELECT (SELECT count(*) FROM d) AS keys, (SELECT coalesce(sum(n), 0) FROM d) AS total,
      (SELECT list({'k': k, 'rows': rows} ORDER BY rows[1])[1:${ctx.max}] FROM d) AS ex`;
    const row = (await ctx.conn.runAndReadAll(sql)).getRowObjectsJS()[0];
    const keys = Number(row['keys']);
    if (keys === 0)
        return null;
    // Stryker disable next-line ArrayDeclaration: equivalent, with keys > 0 the list is never NULL
    const examples = (row['ex'] ?? []).map((e) => ({
        key: `${keyCol}=${e.k}`,
        rows: e.rows.map(Number),
    }));
    const severity = ts.table === 'accounts' ? 'error' : 'warning';
    const message = `duplicate ${keyCol} (${groupDigits(keys)} value${keys === 1 ? '' : 's'} on more than one row)`;
    return {
        ...newIssue(ts, { code: 'duplicate_key', severity, column: keyCol, message }, Number(row['total']), examples),
        groups: keys,
    };
}
/** One account per id (the first churned_at if an id repeats), for orphan and after-churn checks. */
async function buildAccountsIndex(ctx, ts) {
    const { sql: cte, conv } = rowsCte(ts, ts.relation(), false);
    const id = alias('v', conv.get('account_id').i);
    const churned = alias('v', conv.get('churned_at').i);
    try {
        await ctx.conn.run(`CREATE TABLE ${ACCOUNTS} AS WITH ${cte} SELECT ${id} AS account_id, min(${churned}) AS churned_at FROM c WHERE ${id} IS NOT NULL GROUP BY 1`);
    }
    catch {
        return false; // unreadable accounts: reported by its own scan
    }
    return true;
}
/**
 * The latest day in the tables other than usage and contracts, leaving out days after the run
 * date or --data-end (those are impossible themselves): what bounds usage's plausible dates.
 */
async function otherLatestDay(ctx, tables) {
    // Stryker disable next-line ConditionalExpression,EqualityOperator,LogicalOperator: equivalent for --data-end's comparison, a day after --data-end gives a bound 180 days past it, and --data-end bounds usage itself (latestPossibleDay takes the least)
    const cap = ctx.limits.dataEnd && ctx.limits.dataEnd < ctx.limits.today ? ctx.limits.dataEnd : ctx.limits.today;
    const wanted = otherEventColumns();
    let latest = null;
    for (const ts of tables) {
        const cols = wanted.filter((w) => w.table === ts.table && ts.columns.get(w.column));
        // Stryker disable next-line ConditionalExpression: equivalent, a table with none of the columns gives greatest() no argument, an error the catch below skips the same way
        if (cols.length === 0)
            continue;
        const { sql: cte, conv } = rowsCte(ts, ts.relation(), false);
        const days = cols.map((c) => `CAST(${alias('v', conv.get(c.column).i)} AS DATE)`);
        const capped = days.map((d) => `max(${d}) FILTER (WHERE ${d} <= DATE ${quoteLiteral(cap)})`);
        try {
            const row = (await ctx.conn.runAndReadAll(`WITH ${cte} SELECT strftime(greatest(${capped.join(', ')}), '%Y-%m-%d') AS d FROM c`)).getRowObjectsJS()[0];
            const d = row?.['d'] ?? null;
            // Stryker disable next-line ConditionalExpression,EqualityOperator: equivalent for d !== null true and >=, a null d keeps latest (null > a day is false) and an equal day changes nothing
            if (d !== null && (latest === null || d > latest))
                latest = d;
        }
        catch {
            // unreadable: its own scan reports it
        }
    }
    return latest;
}
/** All checks of one table: count, then examples, then duplicate keys. */
async function validateTable(ctx, ts, rows) {
    const table = ts.table;
    const result = await countProblems(ctx, ts, ts.format === 'csv');
    if ('error' in result) {
        ctx.issues.push(newIssue(ts, { code: 'unreadable', severity: 'error', message: `cannot read the rows: ${result.error}` }, 0, []));
        rows.set(table, null);
        return;
    }
    rows.set(table, result.rows);
    if (table === 'usage')
        ctx.dataEnd = result.dataEnd;
    const malformed = ts.format === 'csv' ? await malformedLines(ctx, ts) : null;
    if (malformed) {
        ctx.issues.push(malformed);
        return;
    }
    if (result.rows === 0) {
        const required = CONTRACT[table].required;
        ctx.issues.push(newIssue(ts, {
            code: 'no_rows',
            severity: required ? 'error' : 'warning',
            message: required
                ? 'the table has no data rows (a header only)'
                : 'the table has no data rows; its features will read as none rather than unknown',
        }, 0, []));
        return;
    }
    if (result.hits.length) {
        const examples = await collectExamples(ctx, ts, result.hits);
        result.hits.forEach((h, j) => {
            const d = h.distinct;
            const message = d !== null
                ? `${h.check.message} (${groupDigits(d)} ${h.check.distinct.label}${d === 1 ? '' : 's'})`
                : h.check.message;
            ctx.issues.push(newIssue(ts, { ...h.check, message }, h.count, examples[j]));
        });
    }
    const dup = await duplicateKeys(ctx, ts);
    if (dup)
        ctx.issues.push(dup);
}
/** A lookup whose keys map to several values: the choice it makes is stated, with the first keys. */
async function ambiguousLookup(ctx, lookup, tables) {
    const user = tables.find((t) => [...t.columns.values()].some((c) => c?.source.includes(`-> ${lookup.name}.`)));
    if (!user)
        return [];
    const rows = (await ctx.conn.runAndReadAll(`SELECT count(*) OVER () AS n, k FROM (${lookup.relation}) WHERE n_values > 1 ORDER BY k LIMIT ${ctx.max}`)).getRowObjectsJS();
    if (rows.length === 0)
        return [];
    const rule = lookup.mapping.latest_by
        ? `the value of the row with the greatest ${lookup.mapping.latest_by} is used`
        : 'the smallest value is used; set latest_by to take the latest';
    return [
        {
            severity: 'warning',
            code: 'ambiguous_lookup',
            table: user.table,
            source: lookup.origin,
            message: `lookup ${lookup.name}: keys with more than one ${lookup.mapping.value} (${rule})`,
            count: Number(rows[0]['n']),
            examples: rows.map((r) => ({ key: `${lookup.mapping.key}=${String(r['k'])}` })),
        },
    ];
}
/** Errors first, then by table; the sort is stable, so within those, in the order found. */
function sortIssues(issues) {
    const order = (i) => (i.severity === 'error' ? 0 : 1) * 100 + TABLE_NAMES.indexOf(i.table);
    return [...issues].sort((a, b) => order(a) - order(b));
}
/** Checks a history dataset against the input contract; never throws for bad data, only for a bad --data or mapping file. */
export async function validateHistory(source, options = {}) {
    rejectUrlSource(source);
    const progress = options.progress ?? silentProgress;
    const db = await openDuckDB();
    try {
        const resolved = await resolveLocalHistory(db.connection, source, options.config, {
            allowOutsideData: Boolean(options.allowOutsideData),
        });
        const ctx = {
            instance: db.instance,
            conn: db.connection,
            max: Math.max(1, options.maxExamples ?? 5),
            issues: [...resolved.issues],
            hasAccounts: false,
            dataEnd: null,
            limits: {
                today: options.today ?? runDate(),
                otherLatest: null,
                ...(options.dataEnd ? { dataEnd: options.dataEnd } : {}),
            },
        };
        const byTable = new Map(resolved.tables.map((t) => [t.table, t]));
        ctx.limits.otherLatest = await otherLatestDay(ctx, resolved.tables);
        const rows = new Map();
        const accounts = byTable.get('accounts');
        if (accounts)
            ctx.hasAccounts = await buildAccountsIndex(ctx, accounts);
        // usage first: its latest timestamp is the line for future dates in the other tables
        const order = [
            ...(byTable.has('usage') ? ['usage'] : []),
            ...TABLE_NAMES.filter((t) => t !== 'usage' && byTable.has(t)),
        ];
        for (const table of order) {
            const ts = byTable.get(table);
            progress.start(`validating ${table} (${ts.origin})`);
            try {
                await validateTable(ctx, ts, rows);
            }
            catch (err) {
                // A read error the first pass did not meet (the later passes read strictly).
                ctx.issues.push(newIssue(ts, { code: 'unreadable', severity: 'error', message: `cannot read the rows: ${firstLine(err)}` }, 0, []));
            }
        }
        for (const lookup of resolved.lookups)
            ctx.issues.push(...(await ambiguousLookup(ctx, lookup, resolved.tables)));
        progress.done();
        const issues = sortIssues(ctx.issues);
        const errors = issues.filter((i) => i.severity === 'error').length;
        return {
            ok: errors === 0,
            source,
            kind: resolved.kind,
            config: resolved.configPath,
            tables: TABLE_NAMES.map((t) => {
                const ts = byTable.get(t);
                return {
                    table: t,
                    source: ts?.origin ?? null,
                    format: ts?.format ?? null,
                    rows: ts ? (rows.get(t) ?? null) : null,
                };
            }),
            dataEnd: ctx.dataEnd ? isoOf(ctx.dataEnd) : null,
            errors,
            warnings: issues.length - errors,
            issues,
        };
    }
    finally {
        db.close();
    }
}
/** The report for a person: one line per table, one line per problem, and a summary line. */
export function formatValidationReport(report) {
    const lines = [`${report.source} (${report.kind}${report.config ? `, mapping ${report.config}` : ''})`];
    const width = Math.max(...report.tables.map((t) => (t.source ?? '').length), 6);
    for (const t of report.tables) {
        const rows = t.rows === null ? (t.source ? 'unread' : 'absent') : `${groupDigits(t.rows)} row${t.rows === 1 ? '' : 's'}`;
        lines.push(`  ${t.table.padEnd(13)}${(t.source ?? '-').padEnd(width + 2)}${rows}`);
    }
    if (report.dataEnd)
        lines.push(`  data end ${report.dataEnd} (latest usage timestamp)`);
    for (const issue of report.issues)
        lines.push(`${issue.severity}: ${formatIssue(issue)}`);
    const plural = (n, w) => `${groupDigits(n)} ${w}${n === 1 ? '' : 's'}`;
    lines.push(report.ok
        ? `ok: the data meets the contract (${plural(report.warnings, 'warning')})`
        : `${plural(report.errors, 'error')}, ${plural(report.warnings, 'warning')}`);
    return lines;
}
/**
 * What to throw when work on a history failed: a strict view stops at the first bad value with
 * its table, column and value but no row (numbering rows would cost every good run its
 * parallel scan), so on failure validate runs and its first error, with the row, is the message:
 * the same words `churnkit validate` prints. Errors that are not about the data pass unchanged.
 */
export async function explainHistoryFailure(source, options, err) {
    if (err instanceof ChurnkitError && !err.message.includes(SEE_VALIDATE))
        return err;
    let report;
    try {
        report = await validateHistory(source, { ...options, maxExamples: 3 });
    }
    catch {
        return err;
    }
    const first = report.issues.find((i) => i.severity === 'error');
    if (first)
        return new DataIssueError(first);
    if (err instanceof ChurnkitError)
        return err;
    return new ChurnkitError(`${source}: cannot read the data: ${firstLine(err)}`, 2);
}
//# sourceMappingURL=validate.js.map