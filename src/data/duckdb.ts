import { rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DuckDBConnection, DuckDBInstance } from '@duckdb/node-api';

export type { DuckDBConnection, DuckDBInstance };

export interface Database {
  instance: DuckDBInstance;
  connection: DuckDBConnection;
  close(): void;
}

let spillDirs = 0;

type DuckDBApi = typeof import('@duckdb/node-api');
let api: DuckDBApi | null = null;

/**
 * The DuckDB client library, loaded on first use rather than at the top, so that commands that
 * read no data never pay for the engine; and through require(), because it is CommonJS: import()
 * would first run Node's CommonJS export scanner over its hundred modules, doubling the load time.
 */
function duckdbApi(): DuckDBApi {
  if (api === null) {
    const loaded: DuckDBApi = createRequire(import.meta.url)('@duckdb/node-api');
    api = loaded;
  }
  return api;
}

/**
 * An embedded DuckDB: in memory by default, or a database file. The session runs in UTC (all
 * times in churnkit are UTC, and ISO 8601 offsets convert through it). An in-memory database
 * spills to a private folder under the OS temp dir, removed on close: DuckDB's default is
 * `.tmp` in the working directory, which would leave files in the user's folder.
 */
export async function openDuckDB(path = ':memory:', options: Record<string, string> = {}): Promise<Database> {
  const settings = { ...options };
  let spill: string | null = null;
  if (path === ':memory:' && settings['temp_directory'] === undefined) {
    spill = join(tmpdir(), `churnkit-duckdb-${process.pid}-${++spillDirs}`);
    settings['temp_directory'] = spill;
  }
  const { DuckDBInstance } = duckdbApi();
  const instance = await DuckDBInstance.create(path, settings);
  const connection = await instance.connect();
  await connection.run(`SET GLOBAL TimeZone = 'UTC'`);
  return {
    instance,
    connection,
    close() {
      connection.closeSync();
      instance.closeSync();
      if (spill) rmSync(spill, { recursive: true, force: true });
    },
  };
}

/** Quotes an SQL identifier (table, column, schema); every name from user config goes through this. */
export function quoteIdent(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

/** Quotes an SQL string literal, for paths and values that cannot be bound as parameters. */
export function quoteLiteral(value: string): string {
  return `'${value.replace(/'/g, "''")}'`;
}

export type Row = Record<string, unknown>;

/** Runs a query and returns its rows as plain JS objects (numbers, strings, booleans, null; BIGINT as bigint). */
export async function queryRows<T extends Row = Row>(
  conn: DuckDBConnection,
  sql: string,
  params?: Record<string, unknown> | unknown[],
): Promise<T[]> {
  const reader = await conn.runAndReadAll(sql, params as never);
  return reader.getRowObjectsJS() as T[];
}

/** The single value of a one-row, one-column query. */
export async function queryValue<T = unknown>(
  conn: DuckDBConnection,
  sql: string,
  params?: Record<string, unknown> | unknown[],
): Promise<T> {
  const reader = await conn.runAndReadAll(sql, params as never);
  const rows = reader.getRowsJS();
  return (rows[0]?.[0] ?? null) as T;
}
