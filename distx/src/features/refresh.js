/**
 * `churnkit refresh`: keeps a feature table (daily by default) up to date as new data arrives,
 * recomputing only the as-of dates the new data can change, with the same rows a full build of
 * the new data gives.
 *
 * What a snapshot at T reads is data dated before T (docs/features.md). So after a run whose
 * data_end was E, the rows at T <= E can change only through records visible before E that
 * changed: late-arriving events (dated before E), edits, deletions, an interval closed on a day
 * before E, an account's attributes. The state folder keeps, beside the feature table, a digest
 * (count and hash sum) per table and day of exactly those records as they looked to the last run,
 * and the accounts' columns the features read. A refresh compares them with the new data:
 *
 * - the earliest day d whose digest differs (or account whose columns differ) touches every as-of
 *   date from d on, which are rebuilt whole (all accounts: segment medians span accounts);
 * - the as-of dates after E (new days) are built;
 * - every other row is kept, and only its label (which looks ahead by design) is recomputed where
 *   it can change: as-of dates within the horizon before the old data_end, and the horizon
 *   before any churned_at that changed.
 *
 * Everything happens in one transaction of the state's DuckDB file: a failed refresh leaves the
 * previous state as it was.
 */
import { rename, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { quoteIdent, quoteLiteral, queryRows, queryValue } from '../data/index.js';
import { ChurnkitError, UsageError, addDays, silentProgress } from '../util/index.js';
import { buildFeatures, DEFAULT_HORIZON } from './build.js';
import { duckdbDialect } from './dialect.js';
import { EVERY_VALUES } from './snapshots.js';
import { featureSet } from './registry.js';
export const REFRESH_STATE_FILE = 'features.duckdb';
export const REFRESH_STATE_KIND = 'churnkit.refresh-state';
const STATE = 'churnkit_state';
const ts = (e) => `CAST(${e} AS TIMESTAMP)`;
const openAfter = (column, e) => `CASE WHEN ${column} > ${e} THEN NULL ELSE ${column} END`;
/** Only the columns the feature SQL reads: an edit elsewhere changes no feature. */
const DIGESTS = {
    usage: { day: 'CAST(occurred_at AS DATE)', row: () => 'account_id, occurred_at, user_id, event, quantity' },
    tickets: {
        day: 'CAST(opened_at AS DATE)',
        row: (e) => `account_id, ticket_id, opened_at, ${openAfter('closed_at', ts(e))}, escalated`,
        byEnd: true,
    },
    contacts: {
        day: 'started_at',
        row: (e) => `account_id, contact_id, role, started_at, ${openAfter('ended_at', e)}`,
        byEnd: true,
    },
    interactions: { day: 'CAST(occurred_at AS DATE)', row: () => 'account_id, occurred_at, contact_id, kind' },
    nps: { day: 'CAST(responded_at AS DATE)', row: () => 'account_id, responded_at, score' },
    // ends_at is read as it is (days_to_renewal), not only as an end
    contracts: { day: 'starts_at', row: () => 'account_id, starts_at, ends_at, annual_value' },
    integrations: { day: 'CAST(connected_at AS DATE)', row: () => 'account_id, connected_at' },
};
const dateLit = (d) => `DATE ${quoteLiteral(d)}`;
/**
 * Per table and day, count and hash sum: of every record of the event tables (`e` null), or of
 * the interval tables' records before `e` as they look to snapshots up to `e`.
 */
function digestSql(source, e) {
    const parts = [];
    for (const t of [...source.tables].sort()) {
        const shape = DIGESTS[t];
        if (!shape || Boolean(shape.byEnd) !== (e !== null))
            continue;
        const E = e === null ? 'NULL' : dateLit(e);
        parts.push(`SELECT ${quoteLiteral(t)} AS tbl, ${shape.day} AS day, COUNT(*) AS n, SUM(hash(${shape.row(E)})) AS h
FROM ${quoteIdent(t)}${e === null ? '' : ` WHERE ${shape.day} < ${E}`} GROUP BY ALL`);
    }
    return parts.length
        ? parts.join('\nUNION ALL\n')
        : `SELECT ''::VARCHAR AS tbl, NULL::DATE AS day, 0::BIGINT AS n, 0::HUGEINT AS h WHERE FALSE`;
}
/** The event tables' digests of the data now, read once per run (the biggest pass, over usage). */
async function digestEvents(source) {
    await source.connection.run(`CREATE OR REPLACE TEMP TABLE refresh_events AS ${digestSql(source, null)}`);
}
const ACCOUNT_COLUMNS = 'account_id, segment, seats, started_at, churned_at';
async function stateExists(path) {
    return (await stat(path).catch(() => null))?.isFile() ?? false;
}
async function readMeta(source) {
    const text = await queryValue(source.connection, `SELECT value FROM ${STATE}.meta WHERE key = 'state'`).catch(() => null);
    const meta = text ? JSON.parse(text) : null;
    if (meta?.kind !== REFRESH_STATE_KIND || meta.version !== 1)
        throw new ChurnkitError(`the refresh state has no churnkit state record; start again with a new --state folder`, 2);
    return meta;
}
/** The latest record day of each table, from the digests just stored (no pass of its own). */
async function highWater(source) {
    const rows = await queryRows(source.connection, `SELECT tbl, strftime(max(day), '%Y-%m-%d') AS day FROM ${STATE}.digests GROUP BY tbl
     UNION ALL SELECT 'accounts', strftime(greatest(max(started_at), max(churned_at)), '%Y-%m-%d') FROM accounts
     ORDER BY tbl`);
    return Object.fromEntries(rows.map((r) => [r.tbl, r.day]));
}
/** The label of docs/features.md for kept rows: the same expression as the feature SQL's. */
function labelSql(horizon, dataEnd) {
    const d = duckdbDialect;
    const end = d.addDays('f.as_of', horizon);
    return d.integer(`CASE WHEN a.churned_at > f.as_of AND a.churned_at <= ${end} THEN 1 WHEN ${end} <= ${d.dateLiteral(dataEnd)} THEN 0 END`);
}
/**
 * Builds or refreshes the feature table kept in `stateDir`. The first run (no state yet) is a full
 * build; later runs recompute what new data touched (see the module comment).
 */
export async function refreshFeatures(source, stateDir, options = {}) {
    const progress = options.progress ?? silentProgress;
    if (options.every !== undefined && !EVERY_VALUES.includes(options.every))
        throw new UsageError(`--every must be one of ${EVERY_VALUES.join(', ')}, got "${options.every}"`);
    const path = join(stateDir, REFRESH_STATE_FILE);
    const conn = source.connection;
    const engine = await queryValue(conn, 'SELECT version()');
    if (!(await stateExists(path)))
        return fullBuild(source, stateDir, path, engine, options, progress);
    await conn.run(`ATTACH ${quoteLiteral(path)} AS ${STATE}`);
    try {
        const meta = await readMeta(source);
        for (const [flag, given, kept] of [
            ['--every', options.every, meta.every],
            ['--horizon', options.horizon, meta.horizon],
            ['--from', options.from, meta.from ?? undefined],
        ])
            if (given !== undefined && given !== kept)
                throw new UsageError(`${flag} ${given}: the state in ${stateDir} was built with ${flag} ${kept ?? '(none)'}; use a new --state folder for other options`);
        const oldEnd = meta.data_end;
        const sameTables = [...source.tables].sort().join() === [...meta.tables].sort().join();
        const sameEngine = meta.engine === engine;
        progress.start('comparing the data with the last run');
        const late = [];
        let labelFrom = addDays(oldEnd, -meta.horizon - 1);
        await digestEvents(source);
        if (sameTables && sameEngine) {
            const changed = await queryRows(conn, `WITH now AS (SELECT * FROM refresh_events WHERE day < ${dateLit(oldEnd)} UNION ALL ${digestSql(source, oldEnd)}),
         was AS (SELECT * FROM ${STATE}.digests WHERE day < ${dateLit(oldEnd)})
         SELECT tbl AS "table", strftime(min(day), '%Y-%m-%d') AS day
         FROM now FULL OUTER JOIN was USING (tbl, day)
         WHERE now.n IS DISTINCT FROM was.n OR now.h IS DISTINCT FROM was.h
         GROUP BY tbl ORDER BY tbl`);
            late.push(...changed);
            // accounts: what the features read, as it looked before the old data_end
            const E = dateLit(oldEnd);
            const [acc] = await queryRows(conn, `WITH now AS (SELECT ${ACCOUNT_COLUMNS} FROM accounts), was AS (SELECT * FROM ${STATE}.accounts),
         d AS (
           SELECT
             least(coalesce(was.started_at, now.started_at), coalesce(now.started_at, was.started_at)) AS first_start,
             (was.segment IS DISTINCT FROM now.segment OR was.seats IS DISTINCT FROM now.seats
               OR was.started_at IS DISTINCT FROM now.started_at OR was.account_id IS NULL OR now.account_id IS NULL) AS changed,
             ${openAfter('was.churned_at', E)} AS was_churn, ${openAfter('now.churned_at', E)} AS now_churn,
             was.churned_at AS was_churn_raw, now.churned_at AS now_churn_raw
           FROM was FULL OUTER JOIN now USING (account_id)
         )
         SELECT strftime(min(CASE
             WHEN changed AND first_start < ${E} THEN first_start
             WHEN was_churn IS DISTINCT FROM now_churn THEN least(coalesce(was_churn, now_churn), coalesce(now_churn, was_churn))
           END), '%Y-%m-%d') AS day,
           strftime(min(CASE WHEN was_churn_raw IS DISTINCT FROM now_churn_raw
             THEN least(coalesce(was_churn_raw, now_churn_raw), coalesce(now_churn_raw, was_churn_raw)) END), '%Y-%m-%d') AS churn
         FROM d`);
            if (acc?.day)
                late.push({ table: 'accounts', day: acc.day });
            if (acc?.churn) {
                const from = addDays(acc.churn, -meta.horizon - 1);
                if (from < labelFrom)
                    labelFrom = from;
            }
        }
        else {
            // another set of tables or another engine: no digest can be trusted, every date is rebuilt
            late.push({ table: sameTables ? 'engine' : 'tables', day: '0001-01-01' });
        }
        const touched = late.reduce((m, l) => (m === null || l.day < m ? l.day : m), null);
        const built = await buildFeatures(source, {
            every: meta.every,
            horizon: meta.horizon,
            featureSet: 'saas',
            ...(meta.from ? { from: meta.from } : {}),
            only: (grid) => grid.filter((t) => t > oldEnd || t < meta.first_as_of || (touched !== null && t >= touched)),
            relation: 'refresh_rows',
            progress,
        });
        progress.start('updating the state');
        const { labelsChanged, state } = await applyRefresh(source, built, labelFrom, {
            ...meta,
            data_end: built.dataEnd,
            tables: [...source.tables].sort(),
            first_as_of: built.grid[0],
            last_as_of: built.grid.at(-1),
            engine,
        });
        const rebuiltFrom = touched === null ? null : (built.asOf.find((t) => t >= touched) ?? null);
        return {
            mode: 'incremental',
            state,
            previous_data_end: oldEnd,
            rebuilt: { count: built.asOf.length, first: built.asOf[0] ?? null, last: built.asOf.at(-1) ?? null },
            late,
            rebuilt_from: rebuiltFrom !== null && rebuiltFrom <= oldEnd ? rebuiltFrom : null,
            rows: state.rows,
            rows_built: built.rows,
            labels_changed: labelsChanged,
        };
    }
    finally {
        await conn.run(`DETACH ${STATE}`).catch(() => undefined);
    }
}
/** The state's tables after a build: the features, the accounts' columns and the digests up to data_end. */
async function writeStateTables(source, dataEnd) {
    const conn = source.connection;
    await conn.run(`DELETE FROM ${STATE}.accounts`);
    await conn.run(`INSERT INTO ${STATE}.accounts SELECT ${ACCOUNT_COLUMNS} FROM accounts`);
    await conn.run(`DELETE FROM ${STATE}.digests`);
    await conn.run(`INSERT INTO ${STATE}.digests SELECT * FROM refresh_events UNION ALL ${digestSql(source, dataEnd)}`);
}
async function saveMeta(source, meta) {
    await source.connection.run(`INSERT OR REPLACE INTO ${STATE}.meta VALUES ('state', ${quoteLiteral(JSON.stringify(meta))})`);
    return meta;
}
/** Swaps the rebuilt dates in, recomputes the labels of kept rows that can change, all or nothing. */
async function applyRefresh(source, built, labelFrom, next) {
    const conn = source.connection;
    await conn.run(`CREATE OR REPLACE TEMP TABLE refresh_dates AS SELECT CAST(unnest([${built.asOf.map(quoteLiteral).join(', ')}]::VARCHAR[]) AS DATE) AS as_of`);
    await conn.run(`CREATE OR REPLACE TEMP TABLE refresh_grid AS SELECT CAST(unnest([${built.grid.map(quoteLiteral).join(', ')}]::VARCHAR[]) AS DATE) AS as_of`);
    await conn.run('BEGIN TRANSACTION');
    try {
        await conn.run(`DELETE FROM ${STATE}.features WHERE as_of IN (SELECT as_of FROM refresh_dates) OR as_of NOT IN (SELECT as_of FROM refresh_grid)`);
        const label = labelSql(next.horizon, built.dataEnd);
        const changed = await queryValue(conn, `SELECT COUNT(*) FROM ${STATE}.features f JOIN accounts a USING (account_id)
       WHERE f.as_of >= ${dateLit(labelFrom)} AND f.churned_within_90d IS DISTINCT FROM ${label}`);
        if (Number(changed) > 0)
            await conn.run(`UPDATE ${STATE}.features AS f SET churned_within_90d = ${label} FROM accounts a
         WHERE a.account_id = f.account_id AND f.as_of >= ${dateLit(labelFrom)} AND f.churned_within_90d IS DISTINCT FROM ${label}`);
        await conn.run(`INSERT INTO ${STATE}.features SELECT * FROM ${quoteIdent(built.relation)}`);
        await writeStateTables(source, built.dataEnd);
        const rows = await queryValue(conn, `SELECT CAST(COUNT(*) AS INTEGER) FROM ${STATE}.features`);
        const state = await saveMeta(source, { ...next, rows, high_water: await highWater(source) });
        await conn.run('COMMIT');
        await conn.run(`CHECKPOINT ${STATE}`);
        return { labelsChanged: Number(changed), state };
    }
    catch (err) {
        await conn.run('ROLLBACK').catch(() => undefined);
        throw err;
    }
    finally {
        await conn.run(`DROP TABLE IF EXISTS ${quoteIdent(built.relation)}`);
    }
}
async function fullBuild(source, stateDir, path, engine, options, progress) {
    const conn = source.connection;
    const every = options.every ?? 'day';
    const horizon = options.horizon ?? DEFAULT_HORIZON;
    await digestEvents(source);
    const built = await buildFeatures(source, {
        every,
        horizon,
        featureSet: 'saas',
        ...(options.from ? { from: options.from } : {}),
        relation: 'refresh_rows',
        progress,
    });
    progress.start(`writing the state in ${stateDir}`);
    // a new state appears whole or not at all: written beside, then renamed
    const tmp = join(stateDir, `.${REFRESH_STATE_FILE}.${process.pid}.tmp`);
    await rm(tmp, { force: true });
    await rm(`${tmp}.wal`, { force: true });
    await conn.run(`ATTACH ${quoteLiteral(tmp)} AS ${STATE}`);
    let meta;
    try {
        const columns = featureSet('saas').columns.map(quoteIdent).join(', ');
        await conn.run(`CREATE TABLE ${STATE}.features AS SELECT ${columns} FROM ${quoteIdent(built.relation)}`);
        await conn.run(`CREATE TABLE ${STATE}.accounts AS SELECT ${ACCOUNT_COLUMNS} FROM accounts WHERE FALSE`);
        await conn.run(`CREATE TABLE ${STATE}.digests (tbl VARCHAR, day DATE, n BIGINT, h HUGEINT)`);
        await conn.run(`CREATE TABLE ${STATE}.meta (key VARCHAR PRIMARY KEY, value VARCHAR)`);
        await writeStateTables(source, built.dataEnd);
        meta = await saveMeta(source, {
            kind: REFRESH_STATE_KIND,
            version: 1,
            every,
            horizon,
            from: options.from ?? null,
            data_end: built.dataEnd,
            tables: [...source.tables].sort(),
            first_as_of: built.grid[0],
            last_as_of: built.grid.at(-1),
            rows: built.rows,
            engine,
            high_water: await highWater(source),
        });
        await conn.run(`CHECKPOINT ${STATE}`);
        await conn.run(`DETACH ${STATE}`);
        await rename(tmp, path);
    }
    catch (err) {
        await conn.run(`DETACH ${STATE}`).catch(() => undefined);
        await rm(tmp, { force: true });
        throw err;
    }
    finally {
        await conn.run(`DROP TABLE IF EXISTS ${quoteIdent(built.relation)}`);
    }
    return {
        mode: 'full',
        state: meta,
        previous_data_end: null,
        rebuilt: { count: built.asOf.length, first: built.asOf[0] ?? null, last: built.asOf.at(-1) ?? null },
        late: [],
        rebuilt_from: null,
        rows: built.rows,
        rows_built: built.rows,
        labels_changed: 0,
    };
}
/**
 * Opens the state's feature table read-only as the temporary view `refreshed_features` (sorted
 * as a full build writes it), e.g. for writeFeatureTable.
 */
export async function attachRefreshedTable(source, stateDir) {
    await source.connection.run(`ATTACH ${quoteLiteral(join(stateDir, REFRESH_STATE_FILE))} AS ${STATE}_out (READ_ONLY)`);
    await source.connection.run(`CREATE OR REPLACE TEMP VIEW refreshed_features AS SELECT * FROM ${STATE}_out.features ORDER BY as_of, account_id`);
    return 'refreshed_features';
}
//# sourceMappingURL=refresh.js.map