import { readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Script } from 'node:vm';
import type { DuckDBConnection, DuckDBDataChunk, DuckDBInstance } from '@duckdb/node-api';
import type * as Bindings from '@duckdb/node-bindings';

export type { DuckDBConnection, DuckDBInstance };

export interface Database {
  instance: DuckDBInstance;
  connection: DuckDBConnection;
  close(): void;
}

let spillDirs = 0;

type DuckDBApi = typeof import('@duckdb/node-api');
let api: DuckDBApi | null = null;
let bindings: typeof Bindings | null = null;

/** dist/src/data/duckdb-node-api.cjs, which `npm run build` generates (tools/build-generated.mjs). */
interface BundledApi {
  (require: NodeJS.Require): DuckDBApi;
  version: string;
}

/**
 * The DuckDB client library, loaded on first use rather than at the top, so that commands that
 * read no data never pay for the engine. It is the installed @duckdb/node-api bundled into one
 * file at build time: required as a package it is a hundred CommonJS modules to resolve, read and
 * wrap, which costs `churnkit score` of 1,000 rows more than DuckDB's own work. The bundle gets a
 * `require` that resolves from the package, so its native binding is the package's own; the
 * package itself is used where the bundle is missing (a build by tsc alone) or of another version.
 * (Through require(), not import(): Node would first scan the package's CommonJS modules for
 * their exports, doubling its load time.) Every part of churnkit takes DuckDB from here: values
 * from two copies of the library would not be recognised by each other.
 */
export function duckdb(): DuckDBApi {
  if (api === null) {
    const require = createRequire(import.meta.url);
    const loaded: DuckDBApi = bundledApi(require) ?? require('@duckdb/node-api');
    api = loaded;
  }
  return api;
}

/**
 * Writes column `index` of a result chunk holding DOUBLEs into `out` from position `at`, NaN for
 * NULL. Read through DuckDB's C API (the native binding the client itself uses, the same loaded
 * module): a vector's values are one contiguous buffer, so they are copied at once instead of
 * asked for one by one (`getItem` tests each value's validity bit with BigInt arithmetic).
 */
export function readDoubles(chunk: DuckDBDataChunk, index: number, out: Float64Array, at: number): void {
  bindings ??= clientRequire()('@duckdb/node-bindings') as typeof Bindings;
  const n = chunk.rowCount;
  if (at + n > out.length) throw new RangeError(`${n} rows do not fit at ${at} of ${out.length}`);
  const vector = bindings.data_chunk_get_vector(chunk.chunk, index);
  new Uint8Array(out.buffer, out.byteOffset + at * 8, n * 8).set(bindings.vector_get_data(vector, n * 8));
  const validity = bindings.vector_get_validity(vector, Math.ceil(n / 64) * 8);
  // One bit a row, least significant first; no mask when every value is valid.
  if (validity) for (let i = 0; i < n; i++) if ((validity[i >>> 3]! & (1 << (i & 7))) === 0) out[at + i] = Number.NaN;
}

/** A `require` that resolves as the installed client does: its native binding is the client's own. */
function clientRequire(): NodeJS.Require {
  return createRequire(createRequire(import.meta.url).resolve('@duckdb/node-api'));
}

const BUNDLE = new URL('./duckdb-node-api.cjs', import.meta.url);
/**
 * V8's compiled code for the bundle, which the build writes beside it after loading the bundle and
 * running a few queries (tools/build-generated.mjs): with it, the 460 KB of the client are neither
 * parsed nor compiled again, about a twentieth of `churnkit score` of 1,000 rows. V8 checks it
 * against the source and its own version and flags, and compiles from source when it does not fit.
 */
const BUNDLE_CODE_CACHE = new URL('./duckdb-node-api.cache', import.meta.url);
let bundleLoad: { script: Script; cacheAccepted: boolean | null } | null = null;

function bundledApi(require: NodeJS.Require): DuckDBApi | null {
  let source: string;
  try {
    source = readFileSync(BUNDLE, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw err;
  }
  let cachedData: Buffer | undefined;
  try {
    cachedData = readFileSync(BUNDLE_CODE_CACHE);
  } catch {
    cachedData = undefined; // not built (or not readable): compiled from source
  }
  // Wrapped as Node wraps a CommonJS module (the file is one), with only what it uses.
  const script = new Script(`(function (module, exports) {${source}\n})`, {
    filename: fileURLToPath(BUNDLE),
    cachedData,
  });
  const module = { exports: {} };
  (script.runInThisContext() as (m: typeof module, e: object) => void)(module, module.exports);
  bundleLoad = { script, cacheAccepted: cachedData ? !script.cachedDataRejected : null };
  const bundle = module.exports as BundledApi;
  const installed: { version: string } = require('@duckdb/node-api/package.json');
  if (installed.version !== bundle.version) return null;
  return bundle(clientRequire());
}

/**
 * How the bundled client was loaded, or null when the package was loaded instead: its compiled code
 * so far (what the build writes beside it, tools/build-generated.mjs, which imports this from
 * dist/), and whether V8 took the code cache (null: there was none).
 * @public
 */
export function bundledClientLoad(): { codeCache: Buffer; cacheAccepted: boolean | null } | null {
  duckdb();
  return bundleLoad && { codeCache: bundleLoad.script.createCachedData(), cacheAccepted: bundleLoad.cacheAccepted };
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
  const { DuckDBInstance } = duckdb();
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
