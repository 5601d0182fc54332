/**
 * The feature table computed inside PostgreSQL: the same feature SQL as DuckDB's (one query per
 * feature family, src/features/sql.ts) through the PostgreSQL dialect, with the few facts the
 * query is parameterised by (first start, last usage day, feature event names) read from the
 * database first. The rows come back to churnkit only as the finished feature table.
 */
import { chmod, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CONTRACT, DEFAULT_CSM_KINDS, TABLE_NAMES } from '../data/index.js';
import { quoteLiteral } from '../data/index.js';
import { FEATURE_TABLE_TYPES, featureTableColumns, checkExpansionOptions, featureQuery, nullColumns, renderFeatureSql, snapshotDates, snapshotsFrom, sourceRangeSql, sourceRangesOf, } from '../features/index.js';
import { isoDay, UsageError } from '../util/index.js';
import { postgresDialect } from './dialect.js';
import { qualified } from './postgres.js';
import { quoteIdent } from '../data/index.js';
const PG_COLUMN = {
    text: 'TEXT',
    date: 'DATE',
    timestamp: 'TIMESTAMP',
    integer: 'BIGINT',
    number: 'DOUBLE PRECISION',
    boolean: 'BOOLEAN',
};
/**
 * Copies a history (as churnkit reads it: contract columns, defaults applied) into PostgreSQL
 * tables of the contract's names, through CSV files the server reads itself (COPY FROM a file
 * needs a superuser or pg_read_server_files, and a server on this machine).
 */
export async function copyHistoryToPostgres(history, client, options = {}) {
    const dir = await mkdtemp(join(tmpdir(), 'churnkit-pg-load-'));
    await chmod(dir, 0o755); // the server reads the files as its own OS user
    try {
        for (const table of TABLE_NAMES) {
            if (!history.tables.has(table))
                continue;
            const cols = CONTRACT[table].columns;
            const name = options.schema ? `${options.schema}.${table}` : table;
            await client.query(`DROP TABLE IF EXISTS ${qualified(name)}`);
            await client.query(`CREATE TABLE ${qualified(name)} (${cols.map((c) => `${quoteIdent(c.name)} ${PG_COLUMN[c.type]}`).join(', ')})`);
            const file = join(dir, `${table}.csv`);
            await history.connection.run(`COPY (SELECT ${cols.map((c) => quoteIdent(c.name)).join(', ')} FROM ${quoteIdent(table)}) TO ${quoteLiteral(file)} (FORMAT csv, HEADER true)`);
            await chmod(file, 0o644);
            await client.query(`COPY ${qualified(name)} FROM ${quoteLiteral(file)} WITH (FORMAT csv, HEADER true)`);
        }
    }
    finally {
        await rm(dir, { recursive: true, force: true });
    }
}
export async function postgresFeatureSql(client, options = {}) {
    const schemaFilter = options.schema ? `table_schema = $1` : `table_schema = ANY (current_schemas(false))`;
    const present = await client.query(`SELECT table_name FROM information_schema.tables WHERE ${schemaFilter}`, options.schema ? [options.schema] : []);
    const tables = new Set(TABLE_NAMES.filter((t) => present.rows.some((r) => r.table_name === t)));
    for (const required of ['accounts', 'usage'])
        if (!tables.has(required))
            throw new UsageError(`PostgreSQL: no ${required} table${options.schema ? ` in schema ${options.schema}` : ''}`);
    checkExpansionOptions(options.label ?? 'churn', options.expansionThreshold);
    if (options.label === 'expansion' && !tables.has('contracts'))
        throw new UsageError(`PostgreSQL: no contracts table${options.schema ? ` in schema ${options.schema}` : ''}; --label expansion reads rises of annual value from it`);
    const src = (t) => qualified(options.schema ? `${options.schema}.${t}` : t);
    const first = await client.query(`SELECT to_char(MIN(started_at), 'YYYY-MM-DD') AS first_start FROM ${src('accounts')}`);
    // binary (C) order, as DuckDB sorts the event names; the same scan of usage gives its source range
    const events = await client.query(`SELECT event, COUNT(*) AS record_rows, to_char(CAST(MIN(occurred_at) AS DATE), 'YYYY-MM-DD') AS first_day,
       to_char(CAST(MAX(occurred_at) AS DATE), 'YYYY-MM-DD') AS last_day, bool_and(quantity = floor(quantity)) AS whole, SUM(ABS(quantity)) AS total
     FROM ${src('usage')} GROUP BY event ORDER BY event COLLATE "C"`);
    const lastDay = events.rows
        .map((r) => r.last_day)
        .reduce((a, b) => (b !== null && (a === null || b > a) ? b : a), null);
    const dataEnd = options.dataEnd ?? lastDay;
    if (!dataEnd)
        throw new UsageError('PostgreSQL: usage has no rows, so data_end is unknown; pass --data-end DATE');
    const firstStart = first.rows[0]?.first_start;
    if (!firstStart)
        throw new UsageError('PostgreSQL: accounts has no rows');
    if (options.from !== undefined && isoDay(options.from) === undefined)
        throw new UsageError(`--from must be a date YYYY-MM-DD, got "${options.from}"`);
    const asOf = snapshotsFrom(snapshotDates(options.every ?? 'month', firstStart, dataEnd), options.from, dataEnd);
    const sources = await sourceRanges(client, tables, src, events.rows);
    const query = featureQuery({
        asOf,
        dataEnd,
        horizon: options.horizon ?? 90,
        label: options.label ?? 'churn',
        ...(options.expansionThreshold === undefined ? {} : { expansionThreshold: options.expansionThreshold }),
        tables,
        csmKinds: DEFAULT_CSM_KINDS,
        source: src,
        featureEvents: events.rows
            .map((r) => r.event)
            .filter((e) => e !== null && e !== 'login' && e !== 'api_call'),
        wholeQuantities: events.rows.every((r) => r.whole !== false) &&
            events.rows.reduce((a, r) => a + Number(r.total ?? 0), 0) < 2 ** 52,
    }, postgresDialect);
    return { sql: renderFeatureSql(query), query, asOf, dataEnd, tables, sources };
}
/**
 * Settings for the feature steps, and why (measured in bench/README.md, "PostgreSQL within 3x").
 * They last for the feature build's own transaction only.
 * - enable_mergejoin off: the windows are equi-joins of every usage row with a small day map (a
 *   view without statistics); misjudging its size, the planner sorts all usage rows for a merge
 *   join where hashing the day map is always the cheaper plan.
 * - join_collapse_limit 1: each step's joins are written from the big table to the small ones in
 *   the order that keeps the fewest rows; left to reorder them, the planner joined every
 *   interaction to each as-of date its contact was a champion at before the windows (14M rows
 *   instead of 2M).
 * `jit = off` (slightly slower: compiling pays for itself over millions of usage rows) and a
 * larger `work_mem` (no change) were measured too, so the server's own settings stay.
 */
const FEATURE_SESSION_SETTINGS = [
    'SET LOCAL enable_mergejoin = off',
    'SET LOCAL join_collapse_limit = 1',
];
/**
 * The feature steps one statement each, as DuckDB runs them (buildFeatures): a relation that is
 * stored becomes a temporary table with fresh statistics (ANALYZE), so the steps after it are
 * planned on real row counts; a view over a big input and a constant day map stay views, so that
 * parallel workers can run the usage steps (a temporary table is parallel-restricted).
 */
async function runFeatureSteps(client, query, select) {
    for (const step of query.steps) {
        const name = quoteIdent(step.name);
        if (step.materialize && !step.constant) {
            await client.query(`CREATE TEMP TABLE ${name} AS ${step.sql}`);
            await client.query(`ANALYZE ${name}`);
        }
        else
            await client.query(`CREATE TEMP VIEW ${name} AS ${step.sql}`);
    }
    return client.query({ text: select, rowMode: 'array' });
}
/**
 * Where each table's records start and end (sourceRangeSql), usage's from the rows of the event
 * query above rather than a second scan of the biggest table.
 */
async function sourceRanges(client, tables, src, events) {
    const others = new Set([...tables].filter((t) => t !== 'usage'));
    const days = (column) => events.map((r) => r[column]).filter((d) => d !== null);
    const usage = {
        source_table: 'usage',
        record_rows: events.reduce((n, r) => n + Number(r['record_rows']), 0),
        first_day: days('first_day').sort()[0] ?? null,
        last_day: days('last_day').sort().at(-1) ?? null,
    };
    const rows = [...(await client.query(sourceRangeSql(others, postgresDialect, src))).rows, usage];
    return sourceRangesOf(rows).sort((a, b) => TABLE_NAMES.indexOf(a.table) - TABLE_NAMES.indexOf(b.table));
}
/**
 * Runs the feature SQL in PostgreSQL and lands the finished table in a DuckDB connection, as
 * buildFeatures would have left it (same relation, columns, types and order), so the feature
 * file, its QA and everything downstream are the same code whatever computed the features.
 */
export async function buildFeaturesInPostgres(client, conn, options = {}) {
    if (options.featureSet === 'transactions')
        throw new UsageError('--feature-set transactions runs on DuckDB sources (a folder or a DuckDB file), not in PostgreSQL yet');
    const names = featureTableColumns('saas', options.label ?? 'churn');
    const select = names
        .map((n) => (n === 'as_of' ? `to_char(${quoteIdent(n)}, 'YYYY-MM-DD') AS ${quoteIdent(n)}` : quoteIdent(n)))
        .join(', ');
    // One transaction, rolled back at the end: the settings (SET LOCAL) and the temporary relations
    // of the steps go with it, and the caller's session is left as it was.
    await client.query('BEGIN');
    let q;
    let res;
    try {
        for (const setting of FEATURE_SESSION_SETTINGS)
            await client.query(setting);
        q = await postgresFeatureSql(client, options);
        res = await runFeatureSteps(client, q.query, `SELECT ${select} FROM (${q.query.select}) AS f ORDER BY as_of, account_id`);
    }
    finally {
        await client.query('ROLLBACK');
    }
    const relation = options.relation ?? 'feature_table';
    // the labels are INTEGER 0/1/NULL; the expansion label is the one column not in FEATURE_TABLE_TYPES
    const typeOf = (n) => FEATURE_TABLE_TYPES[n] ?? 'INTEGER';
    const staging = quoteIdent(`${relation}_pg`);
    await conn.run(`CREATE OR REPLACE TEMP TABLE ${staging} (${names.map((n) => `${quoteIdent(n)} ${n === 'as_of' ? 'VARCHAR' : typeOf(n)}`).join(', ')})`);
    const app = await conn.createAppender(`${relation}_pg`);
    const types = names.map((n) => (n === 'as_of' ? 'VARCHAR' : typeOf(n)));
    for (const row of res.rows) {
        types.forEach((t, j) => {
            const v = row[j];
            if (v === null || v === undefined)
                app.appendNull();
            else if (t === 'VARCHAR')
                app.appendVarchar(String(v));
            else if (t === 'DOUBLE')
                app.appendDouble(Number(v));
            else if (t === 'INTEGER')
                app.appendInteger(Number(v));
            else if (t === 'BOOLEAN')
                app.appendBoolean(v === true);
            else
                app.appendVarchar(String(v));
        });
        app.endRow();
    }
    app.closeSync();
    const cols = names
        .map((n) => (n === 'as_of' ? `CAST(${quoteIdent(n)} AS DATE) AS ${quoteIdent(n)}` : quoteIdent(n)))
        .join(', ');
    await conn.run(`CREATE OR REPLACE TEMP TABLE ${quoteIdent(relation)} AS SELECT ${cols} FROM ${staging} ORDER BY as_of, account_id`);
    await conn.run(`DROP TABLE ${staging}`);
    const accounts = new Set(res.rows.map((r) => r[names.indexOf('account_id')]));
    return {
        connection: conn,
        relation,
        sorted: true,
        featureSet: 'saas',
        columns: names,
        rows: res.rows.length,
        accounts: accounts.size,
        asOf: q.asOf,
        grid: q.asOf,
        every: options.every ?? 'month',
        dataEnd: q.dataEnd,
        horizon: options.horizon ?? 90,
        label: options.label ?? 'churn',
        nullColumns: nullColumns(q.tables),
        query: q.query,
        sources: q.sources,
    };
}
//# sourceMappingURL=features-postgres.js.map