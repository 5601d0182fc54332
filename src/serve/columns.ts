/**
 * `POST /v1/score/columns`: many accounts, column by column. An array of objects costs the JSON
 * parser an object and a dozen keys per account; an array of numbers costs it next to nothing,
 * and the columns go straight into the scorecard's columnar scorer. The answer has the columns
 * `churnkit score` writes (DESIGN.md §8), one array each, row for row.
 */
import { ChurnkitError } from '../util/index.js';
import {
  BANDS,
  scoreColumns,
  type ColumnTable,
  type Scorecard,
  type ScoreResult,
  type Signals,
  type SignalValue,
} from '../scorecard/index.js';
import { FEATURES, SIGNALS } from '../features/index.js';
import { HttpError } from './http-error.js';
import { INPUT_COLUMNS } from './schemas.js';

export interface ColumnsRequest {
  as_of?: string;
  columns: Record<string, readonly SignalValue[]>;
}

/** A validated columnar request: every input column present (absent ones all missing). */
export interface RequestColumns {
  n: number;
  table: ColumnTable;
  ids: readonly string[];
  asOf: readonly string[];
}

/** The answer's columns; `overrides` and `reasons` comma-separated, as in the score file. */
export interface ResultColumns {
  account_id: readonly string[];
  as_of: readonly string[];
  score: number[];
  band: string[];
  probability: (number | null)[];
  layers: Record<string, (number | null)[]>;
  overrides: string[][];
  reasons: string[][];
  escalate: boolean[];
  base_score: number[];
  score_change: (number | null)[];
}

/** Checks that the columns line up and that no (account, as-of) comes twice. */
export function columnTable(body: ColumnsRequest, today: () => string): RequestColumns {
  const ids = body.columns['account_id'] as readonly string[];
  const n = ids.length;
  for (const [name, values] of Object.entries(body.columns)) {
    if (values.length !== n) {
      throw new HttpError(
        400,
        'column_length',
        `columns.${name} has ${values.length} values and columns.account_id has ${n}: every column needs one value per account`,
        `/columns/${name}`,
      );
    }
  }
  const asOf =
    (body.columns['as_of'] as readonly string[] | undefined) ?? new Array<string>(n).fill(body.as_of ?? today());
  rejectDuplicates(ids, body.columns['as_of'] ? asOf : null);
  const missing = new Array<null>(n).fill(null);
  const columns: ColumnTable['columns'] = {};
  for (const name of INPUT_COLUMNS) {
    const values = body.columns[name];
    // The schema has checked the types: numbers and booleans go to the scorer as doubles (NaN = missing) in one pass.
    if (NUMERIC.has(name)) columns[name] = doubles(values as readonly (number | boolean | null)[] | undefined, n);
    else columns[name] = values ?? missing;
  }
  return { n, table: { n, columns, name: 'request' }, ids, asOf };
}

/** One row per (account, as-of): the fast check first, the search for the culprit only when it fails. */
function rejectDuplicates(ids: readonly string[], asOf: readonly string[] | null): void {
  const keys = asOf ? ids.map((id, i) => `${id}\u0000${asOf[i]}`) : ids;
  if (new Set(keys).size === keys.length) return;
  const seen = new Map<string, number>();
  keys.forEach((key, i) => {
    const first = seen.get(key);
    if (first !== undefined) {
      throw new HttpError(
        400,
        'duplicate_account',
        `account_id "${ids[i]}" appears twice for the same as_of (rows ${first} and ${i})`,
        `/columns/account_id/${i}`,
      );
    }
    seen.set(key, i);
  });
}

const NUMERIC = new Set([
  ...FEATURES.map((f) => f.name),
  ...SIGNALS.filter((s) => s.type !== 'text').map((s) => s.name),
]);
function doubles(values: readonly (number | boolean | null)[] | undefined, n: number): Float64Array {
  const out = new Float64Array(n).fill(NaN);
  if (values) {
    for (let i = 0; i < n; i++) {
      const v = values[i];
      if (v !== null) out[i] = +v!;
    }
  }
  return out;
}

/**
 * Scores the rows: with the scorecard itself, through its columnar kernel; a scorer known only
 * as a function (a custom loader) row by row, with the same answer.
 */
export function scoreRequestColumns(
  card: Scorecard | undefined,
  score: (s: Signals) => ScoreResult,
  req: RequestColumns,
): ResultColumns {
  try {
    return card ? columnar(card, req) : rowByRow(score, req);
  } catch (err) {
    // The scorer refusing a value the schema let through is still the client's input.
    if (err instanceof ChurnkitError) throw new HttpError(400, 'invalid_signal', err.message);
    throw err;
  }
}

function columnar(card: Scorecard, req: RequestColumns): ResultColumns {
  const s = scoreColumns(card, req.table);
  const n = req.n;
  const K = s.overrides.length;
  const layers: ResultColumns['layers'] = {};
  for (const l of card.layers) layers[l.name] = nullable(s.layers[l.name]!);
  // Plain loops: Array.from with a map function costs several times more at this size.
  const score: number[] = new Array(n);
  const base: number[] = new Array(n);
  const band: string[] = new Array(n);
  const escalate: boolean[] = new Array(n);
  const overrides: string[][] = new Array(n);
  const reasons: string[][] = new Array(n);
  for (let i = 0; i < n; i++) {
    score[i] = s.score[i]!;
    base[i] = s.base_score[i]!;
    band[i] = BANDS[s.band[i]!]!;
    escalate[i] = s.escalate[i] === 1;
    const fired: string[] = [];
    for (let k = 0; k < K; k++) if (s.fired[i * K + k]) fired.push(s.overrides[k]!);
    overrides[i] = fired;
    const top: string[] = [];
    for (let r = 0; r < 3; r++) {
      const j = s.reasons[i * 3 + r]!;
      if (j >= 0) top.push(s.signals[j]!);
    }
    reasons[i] = top;
  }
  return {
    account_id: req.ids,
    as_of: req.asOf,
    score,
    band,
    probability: nullable(s.probability),
    layers,
    overrides,
    reasons,
    escalate,
    base_score: base,
    score_change: new Array<null>(n).fill(null),
  };
}

function nullable(values: Float64Array): (number | null)[] {
  const out: (number | null)[] = new Array(values.length);
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    out[i] = Number.isNaN(v) ? null : v;
  }
  return out;
}

function rowByRow(score: (s: Signals) => ScoreResult, req: RequestColumns): ResultColumns {
  const out: ResultColumns = {
    account_id: req.ids,
    as_of: req.asOf,
    score: [],
    band: [],
    probability: [],
    layers: {},
    overrides: [],
    reasons: [],
    escalate: [],
    base_score: [],
    score_change: [],
  };
  const names = INPUT_COLUMNS;
  for (let i = 0; i < req.n; i++) {
    const signals: Signals = {};
    for (const name of names) signals[name] = (req.table.columns[name] as readonly SignalValue[])[i] ?? null;
    const r = score(signals);
    out.score.push(r.score);
    out.band.push(r.band);
    out.probability.push(r.probability);
    for (const [layer, v] of Object.entries(r.layers)) {
      out.layers[layer] ??= [];
      out.layers[layer].push(v);
    }
    out.overrides.push(r.overrides);
    out.reasons.push(r.reasons);
    out.escalate.push(r.escalate);
    out.base_score.push(r.base_score);
    out.score_change.push(null);
  }
  return out;
}

/** The answer's body: `churnkit score`'s column names, one array each. */
export function resultBody(r: ResultColumns): { n: number; columns: Record<string, readonly unknown[]> } {
  const columns: Record<string, readonly unknown[]> = {
    account_id: r.account_id,
    as_of: r.as_of,
    score: r.score,
    band: r.band,
    probability: r.probability,
  };
  for (const [layer, values] of Object.entries(r.layers)) columns[`layer_${layer}`] = values;
  columns['overrides'] = r.overrides.map((o) => o.join(','));
  columns['reasons'] = r.reasons.map((o) => o.join(','));
  columns['escalate'] = r.escalate;
  columns['base_score'] = r.base_score;
  columns['score_change'] = r.score_change;
  return { n: r.account_id.length, columns };
}
