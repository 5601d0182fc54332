/**
 * `churnkit score` output: per row `account_id, as_of, score, band, probability, layer_<name>...,
 * overrides, reasons, escalate, score_change` (docs/cli.md) and what answers add (status,
 * coverage, missing, warnings, reasons in words), row for row in input order, as CSV or Parquet,
 * atomically.
 */
import { writeFile } from 'node:fs/promises';
import { extname } from 'node:path';
import type { Database, Frame } from '../data/light/index.js';
import { csvFile, openDuckDB, quoteIdent, quoteLiteral } from '../data/light/index.js';
import { withAtomicFile } from '../util/index.js';
import { ChurnkitError, UsageError } from '../util/index.js';
import type { Scorecard } from './schema.js';
import { BANDS, MAX_REASONS, statusOf, unknownSegmentWarning } from './score.js';
import { describeValue, probabilityForPeople, scoreForPeople, significant } from '../catalogue/index.js';
import { scoreColumns, type ScoreColumns } from './compile.js';

export type ScoreFileFormat = 'csv' | 'parquet';

export function scoreFileFormat(path: string): ScoreFileFormat {
  const ext = extname(path).toLowerCase();
  if (ext === '.csv') return 'csv';
  if (ext === '.parquet') return 'parquet';
  throw new UsageError(`--out ${path}: expected a .csv or .parquet file`);
}

/**
 * Score minus the same account's score at its previous as_of in the table (NaN for its first
 * row, or without account_id/as_of). Rows are not assumed to be sorted.
 */
export function scoreChange(
  score: Float64Array,
  accounts: readonly (string | null)[] | null,
  asOf: readonly (string | null)[] | null,
): Float64Array {
  const out = new Float64Array(score.length).fill(NaN);
  if (!accounts || !asOf) return out;
  const order = Array.from({ length: score.length }, (_, i) => i).filter(
    (i) => accounts[i] !== null && asOf[i] !== null,
  );
  order.sort((a, b) =>
    accounts[a]! < accounts[b]!
      ? -1
      : accounts[a]! > accounts[b]!
        ? 1
        : asOf[a]! < asOf[b]!
          ? -1
          : asOf[a]! > asOf[b]!
            ? 1
            : a - b,
  );
  for (let k = 1; k < order.length; k++) {
    const i = order[k]!;
    const prev = order[k - 1]!;
    // a duplicated (account, as_of) has no previous score of its own: NULL
    if (accounts[i] === accounts[prev] && asOf[i] !== asOf[prev]) out[i] = score[i]! - score[prev]!;
  }
  return out;
}

function textOf(frame: Frame, name: string): (string | null)[] | null {
  const c = frame.columns[name];
  if (c === undefined) return null;
  return c instanceof Float64Array ? Array.from(c, (v) => (Number.isNaN(v) ? null : String(v))) : c;
}

export interface ScoredTable {
  scores: ScoreColumns;
  change: Float64Array;
}

export function scoreTable(card: Scorecard, frame: Frame & { name?: string }): ScoredTable {
  const scores = scoreColumns(card, frame);
  const change = scoreChange(scores.score, textOf(frame, 'account_id'), textOf(frame, 'as_of'));
  return { scores, change };
}

/** A column added to the score file by the caller (a model's probability and reasons). */
export interface ExtraScoreColumn {
  name: string;
  /** Numbers (NaN = NULL) or text (null = NULL). */
  values: Float64Array | readonly (string | null)[];
  /** How a number reads in CSV (Parquet keeps every digit); default as it is. */
  round?: (x: number) => number;
}

export interface WriteScoresOptions {
  /** Account names to carry (`account_name`), row for row; default the table's `account_name` column. */
  names?: readonly (string | null)[] | null;
  extra?: readonly ExtraScoreColumn[];
  /** An open DuckDB to write with (the one the table was read with); default: one opened and closed here. */
  db?: Database;
}

type Cell = number | boolean | string | null;
let scoreTables = 0;
/** A date as a feature table's as_of reads (YYYY-MM-DD), which DuckDB's DATE writes back unchanged. */
const PLAIN_DATE = /^\d{4}-\d{2}-\d{2}$/;
interface OutColumn {
  name: string;
  type: 'DOUBLE' | 'VARCHAR' | 'BOOLEAN';
  at(i: number): Cell;
}

/**
 * Writes the scores, row for row in input order. A row with insufficient data has no score,
 * band or probability (status says why). In CSV numbers are rounded for people (scores to one
 * decimal, probabilities to four significant digits); Parquet keeps every digit.
 */
export async function writeScores(
  path: string,
  card: Scorecard,
  frame: Frame,
  scored: ScoredTable,
  options: WriteScoresOptions = {},
): Promise<{ rows: number; columns: string[] }> {
  const format = scoreFileFormat(path);
  const csv = format === 'csv';
  const { scores, change } = scored;
  const accounts = textOf(frame, 'account_id');
  if (!accounts) throw new ChurnkitError('the table has no account_id column', 2);
  const asOf = textOf(frame, 'as_of');
  const names = options.names ?? textOf(frame, 'account_name');
  const segments = textOf(frame, 'segment');
  const K = scores.overrides.length;
  const M = scores.checked.length;
  const scoreN = (x: number) => (Number.isNaN(x) ? null : csv ? scoreForPeople(x) : x);
  const probN = (x: number) => (Number.isNaN(x) ? null : csv ? probabilityForPeople(x) : x);
  const isScored = Uint8Array.from(scores.coverage, (c) => (statusOf(card, c) === 'scored' ? 1 : 0));
  const reasonAt = (i: number, k: number): string | null => {
    const s = scores.reasons[i * MAX_REASONS + k]!;
    return s >= 0 ? scores.signals[s]! : null;
  };
  const valueAt = (i: number, k: number): number | null => {
    const feature = reasonAt(i, k);
    const c = feature === null ? undefined : frame.columns[feature];
    if (!(c instanceof Float64Array)) return null;
    const v = c[i]!;
    return Number.isNaN(v) ? null : v;
  };
  const columns: OutColumn[] = [
    { name: 'account_id', type: 'VARCHAR', at: (i) => accounts[i]! },
    ...(names ? [{ name: 'account_name', type: 'VARCHAR' as const, at: (i: number) => names[i] ?? null }] : []),
    { name: 'as_of', type: 'VARCHAR', at: (i) => (asOf ? asOf[i]! : null) },
    { name: 'score', type: 'DOUBLE', at: (i) => (isScored[i] ? scoreN(scores.score[i]!) : null) },
    { name: 'band', type: 'VARCHAR', at: (i) => (isScored[i] ? BANDS[scores.band[i]!]! : null) },
    { name: 'probability', type: 'DOUBLE', at: (i) => (isScored[i] ? probN(scores.probability[i]!) : null) },
    ...card.layers.map((l): OutColumn => {
      const values = scores.layers[l.name]!;
      return { name: `layer_${l.name}`, type: 'DOUBLE', at: (i) => scoreN(values[i]!) };
    }),
    {
      name: 'overrides',
      type: 'VARCHAR',
      at: (i) => scores.overrides.filter((_, k) => scores.fired[i * K + k]).join(','),
    },
    {
      name: 'reasons',
      type: 'VARCHAR',
      at: (i) =>
        Array.from({ length: MAX_REASONS }, (_, k) => reasonAt(i, k))
          .filter((r) => r !== null)
          .join(','),
    },
    { name: 'escalate', type: 'BOOLEAN', at: (i) => scores.escalate[i] === 1 },
    { name: 'score_change', type: 'DOUBLE', at: (i) => scoreN(change[i]!) },
    { name: 'status', type: 'VARCHAR', at: (i) => (isScored[i] ? 'scored' : 'insufficient_data') },
    {
      name: 'coverage',
      type: 'DOUBLE',
      at: (i) => (csv ? significant(scores.coverage[i]!, 4) : scores.coverage[i]!),
    },
    {
      name: 'missing',
      type: 'VARCHAR',
      at: (i) => scores.checked.filter((_, m) => scores.missing[i * M + m]).join(','),
    },
    {
      name: 'warnings',
      type: 'VARCHAR',
      at: (i) => (scores.unknown_segment[i] ? unknownSegmentWarning(card, segments![i]!) : ''),
    },
    ...Array.from({ length: MAX_REASONS }, (_, k): OutColumn[] => [
      { name: `reason_${k + 1}`, type: 'VARCHAR', at: (i) => reasonAt(i, k) },
      {
        name: `reason_${k + 1}_value`,
        type: 'DOUBLE',
        at: (i) => {
          const v = valueAt(i, k);
          return v !== null && csv ? significant(v, 4) : v;
        },
      },
      {
        name: `reason_${k + 1}_text`,
        type: 'VARCHAR',
        at: (i) => {
          const feature = reasonAt(i, k);
          return feature === null ? null : describeValue(feature, valueAt(i, k));
        },
      },
    ]).flat(),
    ...(options.extra ?? []).map((e): OutColumn => {
      const values = e.values;
      if (values instanceof Float64Array) {
        const round = csv && e.round ? e.round : (x: number) => x;
        return { name: e.name, type: 'DOUBLE', at: (i) => (Number.isNaN(values[i]!) ? null : round(values[i]!)) };
      }
      return { name: e.name, type: 'VARCHAR', at: (i) => values[i] ?? null };
    }),
  ];
  // CSV is written here, as DuckDB would write it (csvFile), unless as_of holds dates DuckDB
  // would spell otherwise once cast (none that a feature table read by churnkit holds).
  const asOfDates = frame.kinds['as_of'] === 'date';
  if (csv && (!asOfDates || asOf!.every((d) => d === null || PLAIN_DATE.test(d)))) {
    const text = csvFile(
      columns.map((c) => c.name),
      frame.n,
      (i, j) => columns[j]!.at(i),
    );
    await withAtomicFile(path, (tmp) => writeFile(tmp, text));
    return { rows: frame.n, columns: columns.map((c) => c.name) };
  }
  const db = options.db ?? (await openDuckDB());
  const table = `churnkit_scores_${++scoreTables}`;
  try {
    const conn = db.connection;
    const defs = ['"_row" BIGINT', ...columns.map((c) => `${quoteIdent(c.name)} ${c.type}`)];
    await conn.run(`CREATE TEMP TABLE ${table} (${defs.join(', ')})`);
    const app = await conn.createAppender(table, 'main', 'temp');
    for (let i = 0; i < frame.n; i++) {
      app.appendBigInt(BigInt(i));
      for (const c of columns) {
        const v = c.at(i);
        if (v === null) app.appendNull();
        else if (typeof v === 'number') app.appendDouble(v);
        else if (typeof v === 'boolean') app.appendBoolean(v);
        else app.appendVarchar(v);
      }
      app.endRow();
    }
    app.closeSync();
    const select = columns.map(({ name: n }) =>
      n === 'as_of' && asOfDates ? `CAST("as_of" AS DATE) AS "as_of"` : quoteIdent(n),
    );
    const format = csv ? 'FORMAT csv, HEADER true' : 'FORMAT parquet';
    await withAtomicFile(path, (tmp) =>
      conn.run(
        `COPY (SELECT ${select.join(', ')} FROM temp.main.${table} ORDER BY "_row") TO ${quoteLiteral(tmp)} (${format})`,
      ),
    );
    return { rows: frame.n, columns: columns.map((c) => c.name) };
  } finally {
    if (options.db) await db.connection.run(`DROP TABLE IF EXISTS temp.main.${table}`);
    else db.close();
  }
}
