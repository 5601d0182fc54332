/**
 * `churnkit score` output: per row `account_id, as_of, score, band, probability, layer_<name>...,
 * overrides, reasons, escalate, score_change` (DESIGN.md §8), row for row in input order, as CSV
 * or Parquet, atomically.
 */
import { extname } from 'node:path';
import type { Frame } from '../data/index.js';
import { openDuckDB, quoteIdent, quoteLiteral } from '../data/index.js';
import { withAtomicFile } from '../util/index.js';
import { ChurnkitError, UsageError } from '../util/index.js';
import type { Scorecard } from './schema.js';
import { BANDS } from './score.js';
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

/** The output column names, in order. */
export function scoreOutputColumns(card: Scorecard): string[] {
  return [
    'account_id',
    'as_of',
    'score',
    'band',
    'probability',
    ...card.layers.map((l) => `layer_${l.name}`),
    'overrides',
    'reasons',
    'escalate',
    'score_change',
  ];
}

export async function writeScores(
  path: string,
  card: Scorecard,
  frame: Frame,
  scored: ScoredTable,
): Promise<{ rows: number; columns: string[] }> {
  const format = scoreFileFormat(path);
  const { scores, change } = scored;
  const accounts = textOf(frame, 'account_id');
  if (!accounts) throw new ChurnkitError('the table has no account_id column', 2);
  const asOf = textOf(frame, 'as_of');
  const names = scoreOutputColumns(card);
  const K = scores.overrides.length;
  const layerCols = card.layers.map((l) => scores.layers[l.name]!);
  const db = await openDuckDB();
  try {
    const conn = db.connection;
    const defs = [
      '"_row" BIGINT',
      '"account_id" VARCHAR',
      '"as_of" VARCHAR',
      '"score" DOUBLE',
      '"band" VARCHAR',
      '"probability" DOUBLE',
      ...card.layers.map((l) => `${quoteIdent(`layer_${l.name}`)} DOUBLE`),
      '"overrides" VARCHAR',
      '"reasons" VARCHAR',
      '"escalate" BOOLEAN',
      '"score_change" DOUBLE',
    ];
    await conn.run(`CREATE TABLE scores (${defs.join(', ')})`);
    const app = await conn.createAppender('scores');
    const double = (v: number) => (Number.isNaN(v) ? app.appendNull() : app.appendDouble(v));
    const text = (v: string | null) => (v === null ? app.appendNull() : app.appendVarchar(v));
    for (let i = 0; i < frame.n; i++) {
      app.appendBigInt(BigInt(i));
      text(accounts[i]!);
      text(asOf ? asOf[i]! : null);
      double(scores.score[i]!);
      app.appendVarchar(BANDS[scores.band[i]!]!);
      double(scores.probability[i]!);
      for (const c of layerCols) double(c[i]!);
      const fired: string[] = [];
      for (let k = 0; k < K; k++) if (scores.fired[i * K + k]) fired.push(scores.overrides[k]!);
      app.appendVarchar(fired.join(','));
      const reasons: string[] = [];
      for (let r = 0; r < 3; r++) {
        const s = scores.reasons[i * 3 + r]!;
        if (s >= 0) reasons.push(scores.signals[s]!);
      }
      app.appendVarchar(reasons.join(','));
      app.appendBoolean(scores.escalate[i] === 1);
      double(change[i]!);
      app.endRow();
    }
    app.closeSync();
    const select = names.map((n) =>
      n === 'as_of' && frame.kinds['as_of'] === 'date' ? `CAST("as_of" AS DATE) AS "as_of"` : quoteIdent(n),
    );
    const options = format === 'csv' ? 'FORMAT csv, HEADER true' : 'FORMAT parquet';
    await withAtomicFile(path, (tmp) =>
      conn.run(`COPY (SELECT ${select.join(', ')} FROM scores ORDER BY "_row") TO ${quoteLiteral(tmp)} (${options})`),
    );
    return { rows: frame.n, columns: names };
  } finally {
    db.close();
  }
}
