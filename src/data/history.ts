import { readdir, stat } from 'node:fs/promises';
import { join, basename } from 'node:path';
import { CONTRACT, TABLE_NAMES, duckdbType, type TableName } from './contract.js';
import { openDuckDB, quoteIdent, quoteLiteral, type Database } from './duckdb.js';
import { ChurnkitError } from '../util/errors.js';

/**
 * A history dataset opened in embedded DuckDB. Each present contract table is a view named
 * after it (`accounts`, `usage`, ...) with the contract's column names and types, whatever the
 * user's files, tables and columns are called; the feature SQL reads only those views.
 */
export interface History extends Database {
  /** The contract tables present in this dataset (accounts and usage always are). */
  tables: ReadonlySet<TableName>;
  /** Where each table came from, for messages. */
  sources: ReadonlyMap<TableName, string>;
}

export const DATA_FILE_EXTENSIONS = ['.parquet', '.csv', '.tsv', '.jsonl', '.ndjson', '.json', '.csv.gz', '.jsonl.gz'] as const;

/** How to read one source file or table into a raw relation. */
export function readerSql(path: string): string {
  const p = quoteLiteral(path);
  const lower = path.toLowerCase();
  if (lower.endsWith('.parquet')) return `read_parquet(${p})`;
  if (lower.endsWith('.csv') || lower.endsWith('.tsv') || lower.endsWith('.csv.gz'))
    return `read_csv(${p}, header = true, all_varchar = true, auto_detect = true)`;
  if (/\.(jsonl|ndjson|json)(\.gz)?$/.test(lower)) return `read_json(${p}, format = 'auto')`;
  throw new ChurnkitError(`cannot read ${path}: unknown file type (use .parquet, .csv, .jsonl)`, 2);
}

async function findTableFiles(dir: string): Promise<Map<TableName, string>> {
  const found = new Map<TableName, string>();
  const entries = await readdir(dir);
  for (const table of TABLE_NAMES) {
    for (const ext of DATA_FILE_EXTENSIONS) {
      const name = `${table}${ext}`;
      if (entries.includes(name)) {
        found.set(table, join(dir, name));
        break;
      }
    }
  }
  return found;
}

/**
 * Opens a folder of files named after the tables (accounts.csv, usage.parquet, ...). The
 * typed views use strict casts; run `validate` first for row-level messages on bad input.
 */
export async function openHistory(source: string): Promise<History> {
  let info;
  try {
    info = await stat(source);
  } catch {
    throw new ChurnkitError(`--data ${source}: no such file or folder`, 2);
  }
  if (!info.isDirectory()) throw new ChurnkitError(`--data ${source}: expected a folder of table files`, 2);
  const files = await findTableFiles(source);
  for (const t of TABLE_NAMES) {
    if (CONTRACT[t].required && !files.has(t)) throw new ChurnkitError(`--data ${source}: required table ${t} is missing (expected ${t}.csv, ${t}.parquet or ${t}.jsonl)`, 2);
  }
  const db = await openDuckDB();
  const sources = new Map<TableName, string>();
  try {
    for (const [table, path] of files) {
      const raw = quoteIdent(`raw_${table}`);
      await db.connection.run(`CREATE VIEW ${raw} AS SELECT * FROM ${readerSql(path)}`);
      const present = new Set((await db.connection.runAndReadAll(`DESCRIBE ${raw}`)).getRowObjectsJS().map((r) => String(r['column_name'])));
      const select = CONTRACT[table].columns.map((c) => {
        const target = `${duckdbType(c.type)}`;
        if (!present.has(c.name)) {
          const dflt = c.default === undefined ? 'NULL' : typeof c.default === 'string' ? quoteLiteral(c.default) : String(c.default);
          return `CAST(${dflt} AS ${target}) AS ${quoteIdent(c.name)}`;
        }
        return `CAST(${quoteIdent(c.name)} AS ${target}) AS ${quoteIdent(c.name)}`;
      });
      await db.connection.run(`CREATE VIEW ${quoteIdent(table)} AS SELECT ${select.join(', ')} FROM ${raw}`);
      sources.set(table, basename(path));
    }
  } catch (err) {
    db.close();
    throw err;
  }
  return { ...db, tables: new Set(files.keys()), sources };
}

