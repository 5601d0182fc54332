import type { Stats } from 'node:fs';
import { open, readdir, stat } from 'node:fs/promises';
import { basename, extname, isAbsolute, join } from 'node:path';
import { CONTRACT, TABLE_NAMES, type ColumnSpec, type TableName } from './contract.js';
import { quoteIdent, quoteLiteral, type DuckDBConnection } from './duckdb.js';
import {
  CONFIG_FILE_NAME,
  csvOptionsFor,
  resolveMappingConfig,
  type MappingConfig,
  type TableMapping,
} from './config.js';
import { csvDialect, csvReaderSql, readCsvHeader, type CsvReadOptions } from './csv.js';
import type { ValidationIssue } from './issues.js';
import { ChurnkitError } from '../util/index.js';

/**
 * Resolution: from a source (a folder or a DuckDB file) and a mapping, where each contract
 * table's rows come from and which of the user's columns hold each contract column. Both the
 * loader (typed views) and the validator build on this, so they never disagree about names.
 */
export type SourceFormat = 'csv' | 'parquet' | 'json' | 'duckdb';

export interface ResolvedColumn {
  spec: ColumnSpec;
  /** The column as the user's file or table spells it. */
  source: string;
  /** Its DuckDB type in the raw relation (VARCHAR for CSV and JSON, which are read as text). */
  type: string;
  /** Named by the mapping file rather than found under its contract name. */
  mapped: boolean;
}

export interface TableSource {
  table: TableName;
  /** The file name or `schema.table`, for messages. */
  origin: string;
  format: SourceFormat;
  path: string | null;
  bytes: number | null;
  /** The user's rows, in file order, as an SQL FROM item. */
  relation(options?: CsvReadOptions): string;
  /** Contract column -> the user's column; null when an optional column is absent. */
  columns: ReadonlyMap<string, ResolvedColumn | null>;
  mapping: TableMapping;
}

export interface ResolvedHistory {
  kind: 'folder' | 'duckdb';
  location: string;
  config: MappingConfig;
  configPath: string | null;
  /** Present tables, in contract order. */
  tables: TableSource[];
  /** Problems found while resolving (missing tables and columns, empty files, ...). */
  issues: ValidationIssue[];
}

export const DATA_FILE_EXTENSIONS = [
  '.parquet',
  '.csv',
  '.tsv',
  '.jsonl',
  '.ndjson',
  '.json',
  '.csv.gz',
  '.tsv.gz',
  '.jsonl.gz',
  '.ndjson.gz',
  '.json.gz',
] as const;
export const DUCKDB_FILE_EXTENSIONS = ['.duckdb', '.ddb', '.db'] as const;
/** The alias a DuckDB database source is attached under (read-only). */
export const ATTACHED_SOURCE = 'churnkit_source';

function formatOf(path: string, declared?: string): Exclude<SourceFormat, 'duckdb'> | null {
  if (declared === 'csv' || declared === 'tsv') return 'csv';
  if (declared === 'parquet') return 'parquet';
  if (declared === 'jsonl' || declared === 'json') return 'json';
  const lower = path.toLowerCase().replace(/\.gz$/, '');
  if (lower.endsWith('.parquet')) return 'parquet';
  if (lower.endsWith('.csv') || lower.endsWith('.tsv')) return 'csv';
  if (/\.(jsonl|ndjson|json)$/.test(lower)) return 'json';
  return null;
}

/** DuckDB database files carry "DUCK" at byte 8. */
async function isDuckDBFile(path: string): Promise<boolean> {
  const fh = await open(path, 'r');
  try {
    const buf = Buffer.alloc(12);
    const { bytesRead } = await fh.read(buf, 0, 12, 0);
    return bytesRead === 12 && buf.subarray(8, 12).toString('latin1') === 'DUCK';
  } finally {
    await fh.close();
  }
}

export type LocalSourceKind = 'folder' | 'duckdb';

/** What a local --data path is, with a usage error for anything else. */
export async function localSourceKind(source: string): Promise<LocalSourceKind> {
  let info: Stats;
  try {
    info = await stat(source);
  } catch {
    throw new ChurnkitError(`--data ${source}: no such file or folder`, 2);
  }
  if (info.isDirectory()) return 'folder';
  if (info.isFile() && (await isDuckDBFile(source))) return 'duckdb';
  const hint = formatOf(source)
    ? `; put it in a folder named after its table (e.g. data/${basename(source).replace(/^[^.]*/, 'usage')}) with the other tables`
    : '';
  throw new ChurnkitError(`--data ${source}: expected a folder of table files or a DuckDB database file${hint}`, 2);
}

interface Located {
  table: TableName;
  origin: string;
  format: SourceFormat;
  path: string | null;
  bytes: number | null;
  sqlName?: string;
}

function issue(
  table: TableName,
  source: string | null,
  code: ValidationIssue['code'],
  message: string,
  extra: Partial<ValidationIssue> = {},
): ValidationIssue {
  return { severity: 'error', code, table, source, message, examples: [], ...extra };
}

/** Finds each table's file in a folder: the mapped file, else `<table>.<ext>` (any case). */
async function locateInFolder(dir: string, config: MappingConfig, issues: ValidationIssue[]): Promise<Located[]> {
  const entries = (await readdir(dir, { withFileTypes: true }))
    .filter((e) => e.isFile())
    .map((e) => e.name)
    .sort();
  const found: Located[] = [];
  for (const table of TABLE_NAMES) {
    const mapping = config.tables?.[table] ?? {};
    if (mapping.table !== undefined || mapping.schema !== undefined) {
      throw new ChurnkitError(
        `${CONFIG_FILE_NAME}: tables.${table}.${mapping.table !== undefined ? 'table' : 'schema'} applies to DuckDB database sources; for a folder name the file with tables.${table}.file`,
        2,
      );
    }
    let candidates: string[];
    if (mapping.file !== undefined) {
      const path = isAbsolute(mapping.file) ? mapping.file : join(dir, mapping.file);
      try {
        if (!(await stat(path)).isFile()) throw new Error('not a file');
      } catch {
        issues.push(
          issue(table, mapping.file, 'missing_table', `the file named by tables.${table}.file does not exist`),
        );
        continue;
      }
      candidates = [path];
    } else {
      candidates = entries
        .filter((name) => DATA_FILE_EXTENSIONS.some((ext) => name.toLowerCase() === `${table}${ext}`))
        .map((name) => join(dir, name));
    }
    if (candidates.length === 0) {
      if (CONTRACT[table].required) {
        const dataFiles = entries.filter((e) => formatOf(e) !== null);
        const seen = dataFiles.length
          ? ` (found: ${dataFiles.slice(0, 8).join(', ')}${dataFiles.length > 8 ? ', ...' : ''})`
          : '';
        issues.push(
          issue(
            table,
            null,
            'missing_table',
            `required table is missing: expected ${table}.csv, ${table}.parquet or ${table}.jsonl in ${dir}${seen}`,
            {
              hint: `name your file in ${CONFIG_FILE_NAME}: {"tables": {"${table}": {"file": "..."}}}`,
            },
          ),
        );
      }
      continue;
    }
    if (candidates.length > 1) {
      issues.push(
        issue(
          table,
          null,
          'ambiguous_table',
          `more than one file holds this table: ${candidates.map((c) => basename(c)).join(', ')}`,
          { hint: `keep one, or choose with {"tables": {"${table}": {"file": "..."}}} in ${CONFIG_FILE_NAME}` },
        ),
      );
      continue;
    }
    const path = candidates[0]!;
    const format = formatOf(path, mapping.format);
    const origin = mapping.file ?? basename(path);
    if (!format) {
      issues.push(
        issue(table, origin, 'unreadable', `unknown file type ${JSON.stringify(extname(path))}`, {
          hint: `set tables.${table}.format to csv, parquet or jsonl`,
        }),
      );
      continue;
    }
    found.push({ table, origin, format, path, bytes: (await stat(path)).size });
  }
  return found;
}

/** Finds each table in an attached DuckDB database: the mapped table (and schema), else one named after it. */
async function locateInDatabase(
  conn: DuckDBConnection,
  config: MappingConfig,
  issues: ValidationIssue[],
): Promise<Located[]> {
  const rows = (
    await conn.runAndReadAll(
      `SELECT table_schema, table_name FROM information_schema.tables WHERE table_catalog = ${quoteLiteral(ATTACHED_SOURCE)} ORDER BY table_schema, table_name`,
    )
  ).getRowObjectsJS() as {
    table_schema: string;
    table_name: string;
  }[];
  const found: Located[] = [];
  for (const table of TABLE_NAMES) {
    const mapping = config.tables?.[table] ?? {};
    if (mapping.file !== undefined)
      throw new ChurnkitError(
        `${CONFIG_FILE_NAME}: tables.${table}.file applies to folder sources; for a DuckDB database name the table with tables.${table}.table (and .schema)`,
        2,
      );
    const wanted = mapping.table ?? table;
    let matches = rows.filter(
      (r) => r.table_name === wanted && (mapping.schema === undefined || r.table_schema === mapping.schema),
    );
    if (matches.length === 0)
      matches = rows.filter(
        (r) =>
          r.table_name.toLowerCase() === wanted.toLowerCase() &&
          (mapping.schema === undefined || r.table_schema.toLowerCase() === mapping.schema.toLowerCase()),
      );
    if (matches.length > 1) {
      const inMain = matches.filter((r) => r.table_schema === 'main');
      if (inMain.length === 1) matches = inMain;
    }
    const shown = mapping.schema ? `${mapping.schema}.${wanted}` : wanted;
    if (matches.length === 0) {
      if (CONTRACT[table].required || mapping.table !== undefined) {
        issues.push(
          issue(
            table,
            null,
            'missing_table',
            `${mapping.table !== undefined ? 'the mapped' : 'required'} table ${JSON.stringify(shown)} is not in the database`,
            { hint: `map yours with {"tables": {"${table}": {"table": "...", "schema": "..."}}} in the --config file` },
          ),
        );
      }
      continue;
    }
    if (matches.length > 1) {
      issues.push(
        issue(
          table,
          null,
          'ambiguous_table',
          `table ${JSON.stringify(wanted)} exists in several schemas: ${matches.map((m) => m.table_schema).join(', ')}`,
          { hint: `choose one with tables.${table}.schema` },
        ),
      );
      continue;
    }
    const m = matches[0]!;
    found.push({
      table,
      origin: m.table_schema === 'main' ? m.table_name : `${m.table_schema}.${m.table_name}`,
      format: 'duckdb',
      path: null,
      bytes: null,
      sqlName: `${quoteIdent(ATTACHED_SOURCE)}.${quoteIdent(m.table_schema)}.${quoteIdent(m.table_name)}`,
    });
  }
  return found;
}

async function describe(conn: DuckDBConnection, relation: string): Promise<{ name: string; type: string }[]> {
  const rows = (await conn.runAndReadAll(`DESCRIBE SELECT * FROM ${relation}`)).getRowObjectsJS() as {
    column_name: string;
    column_type: string;
  }[];
  return rows.map((r) => ({ name: r.column_name, type: r.column_type }));
}

function firstLine(message: string): string {
  return message.split('\n')[0]!.replace(/^[A-Za-z ]+Error: /, '');
}

/** The raw relation and its columns for a located table, or an issue when it cannot be read. */
async function openRelation(
  conn: DuckDBConnection,
  loc: Located,
  config: MappingConfig,
): Promise<{ relation: (o?: CsvReadOptions) => string; columns: { name: string; type: string }[] } | ValidationIssue> {
  const mapping = config.tables?.[loc.table] ?? {};
  if (loc.format === 'duckdb') {
    const relation = () => loc.sqlName!;
    return { relation, columns: await describe(conn, relation()) };
  }
  const path = loc.path!;
  if (loc.format === 'csv') {
    const dialect = csvDialect(mapping.format === 'tsv' ? `${path}.tsv` : path, csvOptionsFor(config, loc.table));
    const header = await readCsvHeader(path, dialect, loc.bytes ?? 0);
    if (!header.ok) {
      const hint =
        header.problem === 'wrong_delimiter'
          ? `set the delimiter in ${CONFIG_FILE_NAME}: {"tables": {"${loc.table}": {"csv": {"delimiter": ${JSON.stringify(header.suggested)}}}}} (or "csv": {"delimiter": ...} at the top for every file)`
          : undefined;
      return issue(loc.table, loc.origin, header.problem, header.message, hint ? { hint } : {});
    }
    return {
      relation: (o) => csvReaderSql(path, dialect, header.columns, o),
      columns: header.columns.map((name) => ({ name, type: 'VARCHAR' })),
    };
  }
  if (loc.bytes === 0) return issue(loc.table, loc.origin, 'empty_file', 'the file is empty (0 bytes)');
  try {
    if (loc.format === 'parquet') {
      const relation = () => `read_parquet(${quoteLiteral(path)})`;
      return { relation, columns: await describe(conn, relation()) };
    }
    // JSON is read as text, like CSV, so a value of the wrong type is a validation message and
    // not a failed read; the keys come from DuckDB's sample of the first records.
    const jsonFormat = /\.json(\.gz)?$/i.test(path) || mapping.format === 'json' ? 'auto' : 'newline_delimited';
    const keys = await describe(conn, `read_json(${quoteLiteral(path)}, format = ${quoteLiteral(jsonFormat)})`);
    const spec = keys.map((k) => `${quoteLiteral(k.name)}: 'VARCHAR'`).join(', ');
    const relation = () =>
      `read_json(${quoteLiteral(path)}, format = ${quoteLiteral(jsonFormat)}, columns = {${spec}})`;
    return { relation, columns: keys.map((k) => ({ name: k.name, type: 'VARCHAR' })) };
  } catch (err) {
    return issue(loc.table, loc.origin, 'unreadable', `cannot read the file: ${firstLine((err as Error).message)}`);
  }
}

/** Matches contract columns to the user's: the mapped name, else the contract name (exact, then any case). */
function matchColumns(
  loc: Located,
  mapping: TableMapping,
  available: { name: string; type: string }[],
  issues: ValidationIssue[],
): Map<string, ResolvedColumn | null> | null {
  const out = new Map<string, ResolvedColumn | null>();
  const missing: ValidationIssue[] = [];
  const byName = (wanted: string) =>
    available.find((c) => c.name === wanted) ??
    available.filter((c) => c.name.toLowerCase() === wanted.toLowerCase())[0];
  for (const spec of CONTRACT[loc.table].columns) {
    const mappedName = (mapping.columns as Record<string, string | undefined> | undefined)?.[spec.name];
    const hit = byName(mappedName ?? spec.name);
    if (hit) {
      out.set(spec.name, { spec, source: hit.name, type: hit.type, mapped: mappedName !== undefined });
      continue;
    }
    if (mappedName !== undefined || !spec.optional) {
      const names = available.map((c) => c.name);
      missing.push(
        issue(
          loc.table,
          loc.origin,
          'missing_column',
          `${mappedName !== undefined ? `the column mapped to ${spec.name} is missing` : 'required column is missing'} (columns found: ${names.slice(0, 20).join(', ')}${names.length > 20 ? ', ...' : ''})`,
          {
            column: spec.name,
            ...(mappedName !== undefined ? { sourceColumn: mappedName } : {}),
            hint:
              mappedName !== undefined
                ? `fix tables.${loc.table}.columns.${spec.name}`
                : `if yours has another name, map it: {"tables": {"${loc.table}": {"columns": {"${spec.name}": "<your column>"}}}}`,
          },
        ),
      );
      continue;
    }
    out.set(spec.name, null);
  }
  issues.push(...missing);
  return missing.length ? null : out;
}

/**
 * Resolves a local source on an open connection: attaches a DuckDB file (read-only), reads
 * CSV headers, describes Parquet/JSON/tables and matches columns. Problems become issues; only
 * a bad --data path or mapping file throws.
 */
export async function resolveLocalHistory(
  conn: DuckDBConnection,
  source: string,
  config?: string | MappingConfig,
): Promise<ResolvedHistory> {
  const kind = await localSourceKind(source);
  const resolved = await resolveMappingConfig(config, kind === 'folder' ? source : null);
  const issues: ValidationIssue[] = [];
  let located: Located[];
  if (kind === 'duckdb') {
    try {
      await conn.run(`ATTACH ${quoteLiteral(source)} AS ${quoteIdent(ATTACHED_SOURCE)} (READ_ONLY)`);
    } catch (err) {
      throw new ChurnkitError(
        `--data ${source}: cannot open the DuckDB database: ${firstLine((err as Error).message)}`,
        2,
      );
    }
    located = await locateInDatabase(conn, resolved.config, issues);
  } else {
    located = await locateInFolder(source, resolved.config, issues);
  }
  const tables: TableSource[] = [];
  for (const loc of located) {
    const opened = await openRelation(conn, loc, resolved.config);
    if ('code' in opened) {
      issues.push(opened);
      continue;
    }
    const mapping = resolved.config.tables?.[loc.table] ?? {};
    const columns = matchColumns(loc, mapping, opened.columns, issues);
    if (!columns) continue;
    tables.push({
      table: loc.table,
      origin: loc.origin,
      format: loc.format,
      path: loc.path,
      bytes: loc.bytes,
      relation: opened.relation,
      columns,
      mapping,
    });
  }
  return { kind, location: source, config: resolved.config, configPath: resolved.path, tables, issues };
}
