/**
 * A history as it was known before a day: records dated on or after it absent, interval ends on
 * or after it still open. What a daily export would have held: `churnkit refresh` is tested
 * (test/features/refresh.test.ts) and measured (bench/refresh) on such cuts of one history.
 */
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { quoteLiteral } from '../../src/data/duckdb.js';
/** SQL of each table as it was known before `day`. */
export function knownBefore(day) {
    const T = `DATE ${quoteLiteral(day)}`;
    const TS = `CAST(${T} AS TIMESTAMP)`;
    const open = (c, at) => `CASE WHEN ${c} < ${at} THEN ${c} END AS ${c}`;
    return {
        accounts: `SELECT * REPLACE (${open('churned_at', T)}) FROM accounts WHERE started_at < ${T}`,
        usage: `SELECT * FROM usage WHERE occurred_at < ${TS}`,
        tickets: `SELECT * REPLACE (${open('closed_at', TS)}) FROM tickets WHERE opened_at < ${TS}`,
        contacts: `SELECT * REPLACE (${open('ended_at', T)}) FROM contacts WHERE started_at < ${T}`,
        interactions: `SELECT * FROM interactions WHERE occurred_at < ${TS}`,
        nps: `SELECT * FROM nps WHERE responded_at < ${TS}`,
        contracts: `SELECT * FROM contracts WHERE starts_at < ${T}`,
        integrations: `SELECT * REPLACE (${open('disconnected_at', TS)}) FROM integrations WHERE connected_at < ${TS}`,
    };
}
/** Writes each table's SQL (over `from`'s views) as `<dir>/<table>.parquet`. */
export async function writeHistory(from, dir, tables) {
    await mkdir(dir, { recursive: true });
    for (const [t, sql] of Object.entries(tables))
        await from.connection.run(`COPY (${sql}) TO ${quoteLiteral(join(dir, `${t}.parquet`))} (FORMAT parquet)`);
}
//# sourceMappingURL=known-before.js.map