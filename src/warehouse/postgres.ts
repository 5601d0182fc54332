/**
 * Moving a feature table into PostgreSQL and scoring it there, through `pg`. Rows travel as one
 * JSON document per chunk, unpacked by json_populate_recordset, so no COPY extension is needed.
 */
import type pg from 'pg';
import type { Frame } from '../data/index.js';
import { quoteIdent } from '../data/index.js';
import { UsageError } from '../util/index.js';

const PG_TYPES = { number: 'DOUBLE PRECISION', boolean: 'BOOLEAN', text: 'TEXT', date: 'DATE' } as const;
const CHUNK = 5_000;

export function qualified(table: string): string {
  return table.split('.').map(quoteIdent).join('.');
}

/** Creates `table` (replacing it) with the frame's columns and rows. */
export async function writeFrameToPostgres(client: pg.ClientBase, frame: Frame, table: string): Promise<void> {
  const name = qualified(table);
  const defs = frame.names.map((n) => `${quoteIdent(n)} ${PG_TYPES[frame.kinds[n]!]}`);
  await client.query(`DROP TABLE IF EXISTS ${name}`);
  await client.query(`CREATE TABLE ${name} (${defs.join(', ')})`);
  for (let start = 0; start < frame.n; start += CHUNK) {
    const rows: Record<string, unknown>[] = [];
    for (let i = start; i < Math.min(frame.n, start + CHUNK); i++) {
      const row: Record<string, unknown> = {};
      for (const n of frame.names) {
        const c = frame.columns[n]!;
        const v = c[i];
        if (frame.kinds[n] === 'boolean') row[n] = Number.isNaN(v as number) ? null : v === 1;
        else if (typeof v === 'number') row[n] = Number.isNaN(v) ? null : v;
        else row[n] = v ?? null;
      }
      rows.push(row);
    }
    // Doubles survive JSON exactly (shortest round-trip form both ways).
    await client.query(`INSERT INTO ${name} SELECT * FROM json_populate_recordset(NULL::${name}, $1::json)`, [
      JSON.stringify(rows),
    ]);
  }
}

/**
 * The oldest server the feature SQL runs on: feature breadth counts bits with bit_count(bytea),
 * new in PostgreSQL 14. Older servers are refused before any work, not halfway through it.
 */
const OLDEST_SERVER = 140000;

/** Refuses a server older than PostgreSQL 14, naming its version (`server_version_num`, `server_version`). */
export function checkServerVersion(versionNum: number, version: string): void {
  if (versionNum < OLDEST_SERVER)
    throw new UsageError(
      `PostgreSQL ${version}: churnkit features needs PostgreSQL 14 or later (bit_count over bytes); upgrade the server or build the features from a DuckDB or Parquet export`,
    );
}

export async function withPostgres<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  // Loaded here, not at the top: only a postgres:// URL pays for the driver.
  const { Client } = (await import('pg')).default;
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    // extra_float_digits = 3 (the default since PostgreSQL 12) sends doubles in round-trip form
    await client.query('SET extra_float_digits = 3');
    return await work(client);
  } finally {
    await client.end();
  }
}
