import {
  openDuckDB,
  queryValue,
  quoteIdent,
  readDoubles,
  quoteLiteral,
  type Database,
  type DuckDBConnection,
} from './duckdb.js';
import type { Stats } from 'node:fs';
import { open, readFile, stat } from 'node:fs/promises';
import { ChurnkitError, InputError } from '../util/index.js';
import { gzipProblem, isGzipPath } from './compressed.js';

/**
 * A table held in memory column by column, the form every model reads. Numbers and booleans
 * are Float64Array with NaN for NULL (booleans as 0/1); text and dates are string arrays with
 * null for NULL (dates as YYYY-MM-DD).
 */
export type Column = Float64Array | (string | null)[];
export type ColumnKind = 'number' | 'boolean' | 'text' | 'date';

export interface Frame {
  n: number;
  names: string[];
  kinds: Record<string, ColumnKind>;
  columns: Record<string, Column>;
}

export function numeric(frame: Frame, name: string): Float64Array {
  const c = frame.columns[name];
  if (c === undefined)
    throw new ChurnkitError(`column ${name} is not in the table (columns: ${frame.names.join(', ')})`, 2);
  if (!(c instanceof Float64Array)) throw new ChurnkitError(`column ${name} is ${frame.kinds[name]}, not a number`, 2);
  return c;
}

export function textColumn(frame: Frame, name: string): (string | null)[] {
  const c = frame.columns[name];
  if (c === undefined)
    throw new ChurnkitError(`column ${name} is not in the table (columns: ${frame.names.join(', ')})`, 2);
  if (c instanceof Float64Array) return Array.from(c, (v) => (Number.isNaN(v) ? null : String(v)));
  return c;
}

function kindOf(duckType: string): ColumnKind {
  const t = duckType.toUpperCase();
  if (t === 'BOOLEAN') return 'boolean';
  if (t === 'DATE' || t.startsWith('TIMESTAMP')) return 'date';
  if (
    /^(TINYINT|SMALLINT|INTEGER|BIGINT|HUGEINT|UTINYINT|USMALLINT|UINTEGER|UBIGINT|FLOAT|DOUBLE|REAL|DECIMAL)/.test(t)
  )
    return 'number';
  return 'text';
}

/**
 * Reads a relation (any SQL FROM item) from an open connection into a Frame, in its row order.
 * Infinities are refused with an input error naming `table` (the file), the row and the column;
 * a NaN (pandas' spelling of a missing value) is NULL.
 */
export async function readFrame(
  conn: DuckDBConnection,
  relation: string,
  columns?: readonly string[],
  table = relation,
): Promise<Frame> {
  const described = (await conn.runAndReadAll(`DESCRIBE SELECT * FROM ${relation}`)).getRowObjectsJS() as {
    column_name: string;
    column_type: string;
  }[];
  const available = new Map(described.map((d) => [d.column_name, d.column_type]));
  const names = columns ? [...columns] : described.map((d) => d.column_name);
  for (const name of names)
    if (!available.has(name))
      throw new ChurnkitError(`column ${name} is not in the table (columns: ${[...available.keys()].join(', ')})`, 2);
  const kinds: Record<string, ColumnKind> = {};
  const select = names.map((name) => {
    const kind = kindOf(available.get(name)!);
    kinds[name] = kind;
    const q = quoteIdent(name);
    if (kind === 'number') return `CAST(${q} AS DOUBLE) AS ${q}`;
    if (kind === 'boolean') return `CAST(${q} AS DOUBLE) AS ${q}`;
    if (kind === 'date') return `strftime(CAST(${q} AS DATE), '%Y-%m-%d') AS ${q}`;
    return `CAST(${q} AS VARCHAR) AS ${q}`;
  });
  // Chunk by chunk, each column's values copied from its vector into typed arrays of the final
  // size (counted first, cheap on a table or a file): the library's generic row or column
  // conversion costs several times the read of the file, and gathering the chunks first would
  // write every value twice into fresh memory.
  const rows = Number(await queryValue<bigint>(conn, `SELECT COUNT(*) FROM ${relation}`));
  const result = await conn.stream(`SELECT ${select.join(', ')} FROM ${relation}`);
  const out: Record<string, Column> = {};
  for (const name of names)
    out[name] = kinds[name] === 'number' || kinds[name] === 'boolean' ? new Float64Array(rows) : [];
  let n = 0;
  for (let chunk = await result.fetchChunk(); chunk && chunk.rowCount > 0; chunk = await result.fetchChunk()) {
    const m = chunk.rowCount;
    for (let j = 0; j < names.length; j++) {
      const column = out[names[j]!]!;
      if (column instanceof Float64Array) {
        // NULL and NaN (how pandas and numpy write a missing value) are both NaN, like an empty cell.
        readDoubles(chunk, j, column, n);
        for (let i = n; i < n + m; i++) {
          const v = column[i]!;
          if (!Number.isFinite(v) && !Number.isNaN(v))
            throw new InputError({ table, row: i + 1, column: names[j] }, `${String(v)} is not a finite number`);
        }
      } else {
        const vector = chunk.getColumnVector(j);
        for (let i = 0; i < m; i++) {
          const v = vector.getItem(i);
          column.push(typeof v === 'string' ? v : null);
        }
      }
    }
    n += m;
  }
  if (n !== rows) throw new Error(`${table}: read ${n} rows where DuckDB counted ${rows}`);
  return { n, names, kinds, columns: out };
}

/**
 * The delimiter of a CSV file, from its header line: said explicitly, because DuckDB's sniffer,
 * shown a damaged last row, may settle on another one and read the whole file as one column.
 */
async function headerDelimiter(path: string): Promise<string> {
  const fh = await open(path, 'r');
  try {
    const buf = Buffer.alloc(65536);
    const { bytesRead } = await fh.read(buf, 0, buf.length, 0);
    return delimiterOf(buf.subarray(0, bytesRead));
  } finally {
    await fh.close();
  }
}

function delimiterOf(start: Buffer): string {
  const header = start.toString('utf8').split(/\r?\n/)[0] ?? '';
  const counts = [',', ';', '\t', '|'].map((d) => ({ d, n: header.split(d).length - 1 }));
  const best = counts.reduce((a, b) => (b.n > a.n ? b : a));
  return best.n > 0 ? best.d : ',';
}

/** The reader's buffer for a CSV whose lines are all short (DuckDB's own default is 32 MB). */
const SMALL_CSV_BUFFER = 1 << 20;
/** Lines up to this long fit four to a SMALL_CSV_BUFFER, as DuckDB asks of its buffers. */
const SHORT_LINE = SMALL_CSV_BUFFER / 4;

/**
 * Whether a file holds no quote character (" or ') anywhere, and if so whether each of its lines
 * is at most SHORT_LINE bytes (without quotes a line is a record). Read through one reused
 * buffer: on this kind of machine every fresh page of memory costs more than reading it from the
 * page cache, so a 40 MB file costs a few ms here and no 40 MB buffer. Finding a line longer than
 * SHORT_LINE asks for the last newline within SHORT_LINE bytes of the one before, about one
 * search per SHORT_LINE bytes, not one per line.
 */
async function scanCsv(path: string): Promise<{ quoted: boolean; shortLines: boolean }> {
  const fh = await open(path, 'r');
  try {
    const buf = Buffer.allocUnsafe(SMALL_CSV_BUFFER);
    let base = 0;
    // the offset of the last newline found (-1: the file's start), while every line so far is short
    let newline = -1;
    let shortLines = true;
    for (;;) {
      const { bytesRead } = await fh.read(buf, 0, buf.length, null);
      // the search below leaves no more than SHORT_LINE bytes after the last newline it found
      if (bytesRead === 0) return { quoted: false, shortLines };
      const chunk = buf.subarray(0, bytesRead);
      if (chunk.indexOf(0x22) >= 0 || chunk.indexOf(0x27) >= 0) return { quoted: true, shortLines: false };
      while (shortLines && newline + SHORT_LINE < base + bytesRead) {
        const at = chunk.lastIndexOf(0x0a, newline + SHORT_LINE - base);
        if (at < 0 || base + at <= newline) shortLines = false;
        else newline = base + at;
      }
      base += bytesRead;
    }
  } finally {
    await fh.close();
  }
}

/**
 * read_csv's dialect options for a file: its delimiter (headerDelimiter), and for a file without
 * a single quote character (" or '), the quote and escape too, and with only short lines a small
 * buffer. DuckDB's sniffer otherwise tries every quote and escape candidate on a sample, which
 * costs more than reading 1,000 rows; where no field is quoted every candidate reads the file
 * alike, so naming one changes nothing. Column types are still detected from the data. DuckDB's
 * default buffers (32 MB, several at once) are fresh memory: on the 40 MB bench CSV 1 MB buffers
 * take 21,000 -> 14,000 page faults and 530 -> 440 ms of CPU.
 */
async function csvDialect(path: string): Promise<string> {
  const delim = `delim = ${quoteLiteral(await headerDelimiter(path))}`;
  const { quoted, shortLines } = await scanCsv(path);
  if (quoted) return delim;
  const buffer = shortLines ? `, buffer_size = ${SMALL_CSV_BUFFER}` : '';
  return `${delim}, quote = '"', escape = '"'${buffer}`;
}

/** Fields of one CSV line (RFC 4180 quotes), for counting only. */
function fieldCount(line: string, delimiter: string): number {
  let n = 1;
  let quoted = false;
  for (const ch of line) {
    if (ch === '"') quoted = !quoted;
    else if (ch === delimiter && !quoted) n++;
  }
  return n;
}

/**
 * The first data row whose field count differs from the header's (a file cut short, a stray
 * delimiter), as an input error with its row: what the CSV reader only reports as a failed sniff.
 */
async function raggedRow(path: string): Promise<InputError | null> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch {
    return null;
  }
  const lines = text.split(/\r?\n/);
  if (lines.at(-1) === '') lines.pop();
  const delimiter = await headerDelimiter(path);
  const width = fieldCount(lines[0] ?? '', delimiter);
  for (let k = 1; k < lines.length; k++) {
    const n = fieldCount(lines[k]!, delimiter);
    if (n !== width)
      return new InputError(
        { table: path, row: k },
        `has ${n} field${n === 1 ? '' : 's'} where the header has ${width}`,
      );
  }
  return null;
}

/**
 * How to read one table file into a raw relation: Parquet as stored,
 * CSV with DuckDB's own type detection, JSON lines.
 */
function readerSql(path: string): string {
  const p = quoteLiteral(path);
  const lower = path.toLowerCase();
  if (lower.endsWith('.parquet')) return `read_parquet(${p})`;
  if (/\.(csv|tsv)(\.gz)?$/.test(lower)) return `read_csv(${p}, header = true, all_varchar = true, auto_detect = true)`;
  if (/\.(jsonl|ndjson|json)(\.gz)?$/.test(lower)) return `read_json(${p}, format = 'auto')`;
  throw new ChurnkitError(`cannot read ${path}: unknown file type (use .parquet, .csv, .jsonl)`, 2);
}

let csvTables = 0;

/**
 * Reads a CSV, Parquet or JSONL table file into a Frame. Every error names the file: a folder
 * or an empty file, a damaged gzip stream (checked whole first), anything the reader refuses.
 * `db` is an open DuckDB to read with (a command that also writes with DuckDB opens one instance
 * for both); without it one is opened and closed here.
 */
export async function loadFrame(
  path: string,
  columns?: readonly string[],
  options: { db?: Database } = {},
): Promise<Frame> {
  let info: Stats;
  try {
    info = await stat(path);
  } catch {
    throw new ChurnkitError(`${path}: no such file`, 2);
  }
  if (!info.isFile()) throw new InputError({ table: path }, 'is a folder, not a table file');
  if (info.size === 0) throw new InputError({ table: path }, 'the file is empty (0 bytes)');
  if (isGzipPath(path)) {
    const damaged = await gzipProblem(path);
    if (damaged) throw new InputError({ table: path }, `cannot read the file: ${damaged}`);
  }
  const db = options.db ?? (await openDuckDB());
  try {
    if (!path.toLowerCase().endsWith('.csv')) return await readFrame(db.connection, readerSql(path), columns, path);
    // DuckDB finds a CSV's column types by reading a sample, which costs more than reading a small
    // file; readFrame's DESCRIBE and SELECT would each do it, so the file is read once into a
    // temporary table.
    const table = `temp.main.${quoteIdent(`churnkit_frame_${++csvTables}`)}`;
    await db.connection.run(
      `CREATE TEMP TABLE ${table} AS SELECT * FROM read_csv(${quoteLiteral(path)}, header = true, auto_detect = true, ${await csvDialect(path)}, strict_mode = true, null_padding = false)`,
    );
    try {
      return await readFrame(db.connection, table, columns, path);
    } finally {
      await db.connection.run(`DROP TABLE ${table}`);
    }
  } catch (err) {
    if (err instanceof ChurnkitError) throw err;
    const ragged = path.toLowerCase().endsWith('.csv') ? await raggedRow(path) : null;
    if (ragged) throw ragged;
    const why = String((err as Error).message)
      .split('\n')[0]!
      .replace(/^[A-Za-z ]+Error: /, '');
    throw new InputError({ table: path }, `cannot read the file: ${why.slice(0, 200)}`);
  } finally {
    if (!options.db) db.close();
  }
}
