/**
 * `POST /v1/score/columns`: many accounts, column by column. An array of objects costs the JSON
 * parser an object and a dozen keys per account; an array of numbers costs it next to nothing,
 * and the columns go straight into the scorecard's columnar scorer. The answer has the columns
 * `churnkit score` writes (docs/cli.md), one array each, row for row.
 */
import { ChurnkitError } from '../util/index.js';
import {
  BANDS,
  DEFAULT_MIN_COVERAGE,
  MAX_REASONS,
  SCORE_EPSILON,
  scoreColumns,
  statusOf,
  unknownSegmentWarning,
  type ColumnTable,
  type Scorecard,
  type ScoreColumns,
  type ScoreResult,
  type ScoreStatus,
  type Signals,
  type SignalValue,
} from '../scorecard/index.js';
import { describeValue, probabilityForPeople, scoreForPeople, significant } from '../catalogue/index.js';
import type { LoadedScorecard } from './scorecard-source.js';
import { MODEL_REASONS, type ModelAnswers, type ModelReason, type ServedModel } from './served-model.js';
import { HttpError } from './http-error.js';
import { Pieces } from './pieces.js';
import { INPUT_COLUMNS, MAX_COLUMNAR_ROWS, columnsRequestSchema } from './schemas.js';
import { NUMBER_RULES, withinRule, type Rule } from './quick-check.js';
import { KeyTable, RepeatedTexts, readBytes, type JsonBytes } from './json-bytes.js';

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

/**
 * The answer's columns, row for row: the scorecard's (empty arrays when a model is served
 * alone), whether each row had enough data, and the model's when one is served. Scores are
 * exact here; null where a row is insufficient_data.
 */
export interface ResultColumns {
  account_id: readonly string[];
  account_name: readonly (string | null)[] | null;
  as_of: readonly string[];
  status: ScoreStatus[];
  coverage: number[];
  missing: string[][];
  warnings: string[][];
  score: (number | null)[];
  band: (string | null)[];
  probability: (number | null)[];
  layers: Record<string, (number | null)[]>;
  overrides: string[][];
  reasons: string[][];
  escalate: boolean[];
  base_score: (number | null)[];
  score_change: (number | null)[];
  /** Null when no model is served. */
  model: { probability: (number | null)[]; reasons: (ModelReason[] | null)[] } | null;
  /** With an expansion model: its probability per row. */
  expansion?: (number | null)[];
}

/**
 * Number columns read as doubles (NaN = missing) and checked beside a request object that no
 * longer holds them: an Arrow body's (arrow.ts) and a JSON body's read from its bytes.
 */
const NUMBERS_BESIDE = new WeakMap<object, Record<string, Float64Array>>();

/** Keeps `numbers` beside `request`, for columnTable; the request. */
export function withNumbers<T extends object>(request: T, numbers: Record<string, Float64Array>): T {
  NUMBERS_BESIDE.set(request, numbers);
  return request;
}

/** The number columns kept beside a request object, if any. */
export function numbersBeside(request: object): Record<string, Float64Array> | undefined {
  return NUMBERS_BESIDE.get(request);
}

const COLUMN_NAMES = Object.keys(columnsRequestSchema.properties.columns.properties);
const COLUMN_KEYS = new KeyTable(COLUMN_NAMES);
const COLUMN_RULES = COLUMN_NAMES.map((name) => NUMBER_RULES.get(name) ?? null);
const ACCOUNT_ID = COLUMN_NAMES.indexOf('account_id');
const TOP_KEYS = new KeyTable(['as_of', 'columns']);

/**
 * A JSON columnar body read from its bytes (json-bytes.ts): the request object with the text
 * columns as arrays of strings (for the schema to check as before), the number columns as doubles
 * (NaN = null) kept beside it (numbersBeside), each value checked as the schema checks it. Null
 * where the body is anything but the common, valid case (an unknown or repeated key, a value of
 * the wrong type or out of bounds, columns of different lengths, an escape in a string, text that
 * is not JSON): the caller then parses it with JSON.parse and the schema, so that every refusal
 * reads as it did. Only text comes out as strings; a number column costs no object per value.
 */
export function columnsRequestFromBytes(body: Uint8Array): ColumnsRequest | null {
  return readBytes(body, (r: JsonBytes) => {
    let asOf: string | undefined;
    let columns: Record<string, (string | null)[]> | undefined;
    let numbers: Record<string, Float64Array> | undefined;
    r.open(0x7b);
    while (r.more(0x7d)) {
      const key = r.key(TOP_KEYS);
      if (key === 0 && asOf === undefined) asOf = r.string();
      else if (key === 1 && columns === undefined) {
        columns = {};
        numbers = {};
        readColumns(r, columns, numbers);
      } else r.unsure();
    }
    if (columns === undefined || !r.atEnd()) r.unsure();
    const request: ColumnsRequest = asOf === undefined ? { columns } : { as_of: asOf, columns };
    return withNumbers(request, numbers!);
  });
}

/** The `columns` object: each column read once, all of one length (account_id's), account_id among them. */
function readColumns(r: JsonBytes, text: Record<string, (string | null)[]>, numbers: Record<string, Float64Array>) {
  const seen = new Uint8Array(COLUMN_NAMES.length);
  let n = -1;
  r.open(0x7b);
  while (r.more(0x7d)) {
    const key = r.key(COLUMN_KEYS);
    if (key < 0 || seen[key]) r.unsure();
    seen[key] = 1;
    const rule = COLUMN_RULES[key]!;
    const name = COLUMN_NAMES[key]!;
    let length: number;
    if (rule) {
      numbers[name] = numberColumn(r, rule, n);
      length = numbers[name].length;
    } else {
      text[name] = textColumn(r);
      length = text[name].length;
    }
    if (n >= 0 && length !== n) r.unsure();
    n = length;
  }
  if (!seen[ACCOUNT_ID]) r.unsure();
}

/** A text column: strings and nulls only (the schema checks which may be null, and the strings). */
function textColumn(r: JsonBytes): (string | null)[] {
  const values: (string | null)[] = [];
  const texts = new RepeatedTexts();
  r.open(0x5b);
  while (r.more(0x5d)) {
    values.push(r.null() ? null : texts.string(r));
    if (values.length > MAX_COLUMNAR_ROWS) r.unsure();
  }
  return values;
}

/**
 * A number column as doubles, NaN for null, each value as the schema takes it (a boolean for a
 * boolean signal, a whole number for an integer one, a finite number otherwise, within bounds).
 * `n`, when known (>= 0), is the length every column must have.
 */
function numberColumn(r: JsonBytes, rule: Rule, n: number): Float64Array {
  let out = new Float64Array(n >= 0 ? n : 1024);
  let count = 0;
  const { boolean, integer, min, max } = rule;
  r.open(0x5b);
  while (r.more(0x5d)) {
    if (count === out.length) {
      // past the length of the columns before it: they cannot line up
      if (n >= 0 || count >= MAX_COLUMNAR_ROWS) r.unsure();
      const grown = new Float64Array(2 * count);
      grown.set(out);
      out = grown;
    }
    if (r.null()) out[count] = Number.NaN;
    else if (boolean) out[count] = r.boolean() ? 1 : 0;
    else {
      r.numberInto(out, count);
      if (!withinRule(integer, min, max, out[count]!)) r.unsure();
    }
    count++;
  }
  return count === out.length ? out : out.slice(0, count);
}

/**
 * Checks that the columns line up and that no (account, as-of) comes twice. `numbers` are number
 * columns already read as doubles (NaN = missing) and checked, from an Arrow body.
 */
export function columnTable(
  body: ColumnsRequest,
  today: () => string,
  numbers: Record<string, Float64Array> = {},
): RequestColumns {
  const ids = body.columns['account_id'] as readonly string[];
  const n = ids.length;
  for (const [name, values] of [...Object.entries(body.columns), ...Object.entries(numbers)]) {
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
  rejectDuplicates(ids, asOf);
  const missing = new Array<null>(n).fill(null);
  const columns: ColumnTable['columns'] = {};
  for (const name of INPUT_COLUMNS) {
    const values = body.columns[name];
    // The schema has checked the types: numbers and booleans go to the scorer as doubles (NaN = missing) in one pass.
    if (NUMBER_RULES.has(name))
      columns[name] = numbers[name] ?? doubles(values as readonly (number | boolean | null)[] | undefined, n);
    else columns[name] = values ?? missing;
  }
  if (body.columns['account_name']) columns['account_name'] = body.columns['account_name'];
  return { n, table: { n, columns, name: 'request' }, ids, asOf };
}

/** Whether every value is the first (a batch for one as-of date, the common case: then ids alone must differ). */
function allSame(values: readonly string[]): boolean {
  for (let i = 1; i < values.length; i++) if (values[i] !== values[0]) return false;
  return true;
}

/** Whether an (account, as-of) comes twice: the ids alone when every row has the same as-of. */
export function repeatsKey(ids: readonly string[], asOf: readonly string[]): boolean {
  const same = allSame(asOf);
  if (same && increasing(ids)) return false;
  const keys = same ? ids : ids.map((id, i) => `${id}\u0000${asOf[i]}`);
  return new Set(keys).size !== keys.length;
}

/**
 * Whether each id sorts after the one before (so none repeats): ids read from a table in key order
 * come so, and comparing neighbours costs a tenth of hashing 10,000 ids into a Set (0.4 against
 * 4.7 ms a request).
 */
function increasing(ids: readonly string[]): boolean {
  for (let i = 1; i < ids.length; i++) if (!(ids[i - 1]! < ids[i]!)) return false;
  return true;
}

/** One row per (account, as-of): the fast check first, the search for the culprit only when it fails. */
function rejectDuplicates(ids: readonly string[], asOf: readonly string[]): void {
  if (!repeatsKey(ids, asOf)) return;
  const keys = ids.map((id, i) => `${id}\u0000${asOf[i]}`);
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
 * The scorecard's columnar kernel on a request: its typed outputs, which rows had enough data to
 * be scored, and the served model's answers (null without a model). Nothing per row is made yet:
 * the answers are written from these directly (kernel-answer.ts); ResultColumns is made from them where rows are needed.
 */
export interface KernelColumns {
  card: Scorecard;
  s: ScoreColumns;
  /** 1 where the row's coverage reaches the card's min_coverage (status "scored"). */
  scored: Uint8Array;
  model: ModelAnswers | null;
}

/** The scorer refusing a value the schema let through is still the client's input: a 400, not a 500. */
function asInputError<T>(compute: () => T): T {
  try {
    return compute();
  } catch (err) {
    if (err instanceof ChurnkitError) throw new HttpError(400, 'invalid_signal', err.message);
    throw err;
  }
}

/**
 * Runs the scorecard's columnar kernel (and the served model) on a request; null when there is no
 * scorecard to run. `modelColumns` are what the model reads, when not the table's (the values as
 * sent, which its reasons repeat).
 */
export function scoreKernel(
  loaded: LoadedScorecard,
  req: RequestColumns,
  modelColumns: ModelColumns = req.table.columns as ModelColumns,
): KernelColumns | null {
  const card = loaded.card;
  if (!card) return null;
  return asInputError(() => {
    const model = loaded.model ? loaded.model.answer(modelColumns, req.n) : null;
    const s = scoreColumns(card, req.table);
    const scored = new Uint8Array(req.n);
    for (let i = 0; i < req.n; i++) scored[i] = statusOf(card, s.coverage[i]!) === 'scored' ? 1 : 0;
    return { card, s, scored, model };
  });
}

/**
 * Scores the rows: with the scorecard itself, through its columnar kernel; a scorer known only
 * as a function (a custom loader) row by row, with the same answer. A served model answers too.
 */
export function scoreRequestColumns(
  loaded: LoadedScorecard,
  req: RequestColumns,
  kernel: KernelColumns | null = scoreKernel(loaded, req),
): ResultColumns {
  return asInputError(() => {
    const model = kernel
      ? kernel.model
      : loaded.model
        ? loaded.model.answer(req.table.columns as ModelColumns, req.n)
        : null;
    const names = req.table.columns['account_name'] as readonly (string | null)[] | undefined;
    const out = kernel ? columnar(kernel, req) : loaded.score ? rowByRow(loaded.score, req) : modelOnly(req, model!);
    out.account_name = names ?? null;
    if (model) {
      const scored = out.status.map((s) => s === 'scored');
      out.model = {
        probability: model.probability.map((p, i) => (scored[i] ? p : null)),
        reasons: model.reasons.map((r, i) => (scored[i] ? r : null)),
      };
    }
    return out;
  });
}

export type ModelColumns = Parameters<ServedModel['answer']>[0];

function empty(req: RequestColumns): ResultColumns {
  return {
    account_id: req.ids,
    account_name: null,
    as_of: req.asOf,
    status: [],
    coverage: [],
    missing: [],
    warnings: [],
    score: [],
    band: [],
    probability: [],
    layers: {},
    overrides: [],
    reasons: [],
    escalate: [],
    base_score: [],
    score_change: new Array<null>(req.n).fill(null),
    model: null,
  };
}

function columnar({ card, s, scored: isScored }: KernelColumns, req: RequestColumns): ResultColumns {
  const n = req.n;
  const K = s.overrides.length;
  const M = s.checked.length;
  const segment = req.table.columns['segment'] as readonly (string | null)[] | undefined;
  const out = empty(req);
  for (const l of card.layers) out.layers[l.name] = nullable(s.layers[l.name]!);
  // Plain loops: Array.from with a map function costs several times more at this size.
  for (let i = 0; i < n; i++) {
    const scored = isScored[i] === 1;
    const p = s.probability[i]!;
    out.status.push(scored ? 'scored' : 'insufficient_data');
    out.coverage.push(s.coverage[i]!);
    out.score.push(scored ? s.score[i]! : null);
    out.band.push(scored ? BANDS[s.band[i]!]! : null);
    out.probability.push(scored && !Number.isNaN(p) ? p : null);
    out.base_score.push(s.base_score[i]!);
    out.escalate.push(s.escalate[i] === 1);
    const fired: string[] = [];
    for (let k = 0; k < K; k++) if (s.fired[i * K + k]) fired.push(s.overrides[k]!);
    out.overrides.push(fired);
    const top: string[] = [];
    for (let r = 0; r < 3; r++) {
      const j = s.reasons[i * 3 + r]!;
      if (j >= 0) top.push(s.signals[j]!);
    }
    out.reasons.push(top);
    const missing: string[] = [];
    for (let m = 0; m < M; m++) if (s.missing[i * M + m]) missing.push(s.checked[m]!);
    out.missing.push(missing);
    out.warnings.push(s.unknown_segment[i] ? [unknownSegmentWarning(card, segment![i]!)] : []);
  }
  return out;
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
  const out = empty(req);
  for (let i = 0; i < req.n; i++) {
    const signals: Signals = {};
    for (const name of INPUT_COLUMNS) signals[name] = (req.table.columns[name] as readonly SignalValue[])[i] ?? null;
    const r = score(signals);
    const scored = r.status === 'scored';
    out.status.push(r.status);
    out.coverage.push(r.coverage);
    out.score.push(scored ? r.score : null);
    out.band.push(scored ? r.band : null);
    out.probability.push(scored ? r.probability : null);
    for (const [layer, v] of Object.entries(r.layers)) {
      out.layers[layer] ??= [];
      out.layers[layer].push(v);
    }
    out.overrides.push(r.overrides);
    out.reasons.push(r.reasons);
    out.escalate.push(r.escalate);
    out.base_score.push(r.base_score);
    out.missing.push(r.missing);
    out.warnings.push(r.warnings);
  }
  return out;
}

function modelOnly(req: RequestColumns, model: ModelAnswers): ResultColumns {
  const out = empty(req);
  for (let i = 0; i < req.n; i++) {
    const scored = model.coverage[i]! >= DEFAULT_MIN_COVERAGE - SCORE_EPSILON;
    out.status.push(scored ? 'scored' : 'insufficient_data');
    out.coverage.push(model.coverage[i]!);
    out.score.push(null);
    out.band.push(null);
    out.probability.push(scored ? model.probability[i]! : null);
    out.overrides.push([]);
    out.reasons.push(scored ? model.reasons[i]!.map((r) => r.feature) : []);
    out.escalate.push(false);
    out.base_score.push(null);
    out.missing.push(model.missing[i]!);
    out.warnings.push([]);
  }
  return out;
}

/**
 * The answer's body: `churnkit score`'s column names, one array each, then what this issue's
 * answers add (status, coverage, missing, warnings; reasons in words; the model's). Rounded for
 * people unless `exact`. `fields` (the `fields` query parameter) keeps `account_id` and the
 * columns it names, and only those are computed: a client that needs scores and bands does not
 * pay for 30,000 sentences. A name the answer does not have is a 400 that lists the names.
 */
export function resultBody(
  r: ResultColumns,
  signals: ColumnTable['columns'],
  exact: boolean,
  fields?: readonly string[],
): { n: number; columns: Record<string, readonly unknown[]> } {
  const columns: Record<string, readonly unknown[]> = {};
  for (const [name, produce] of answerColumns(r, signals, exact, fields)) columns[name] = produce();
  return { n: r.account_id.length, columns };
}

/**
 * The same answer as `JSON.stringify(resultBody(...))`, byte for byte, as UTF-8 in pieces, made one column
 * at a time: each column's values are computed, written as JSON and dropped before the next.
 * Built whole, a 10,000-account answer (30,000 sentences, 5 MB of JSON text) is alive all at once
 * and outgrows V8's young generation, which then copies it from space to space (and promotes it)
 * before it dies: that copying was half the route's CPU. Column by column, each column dies young.
 */
export function resultJson(
  r: ResultColumns,
  signals: ColumnTable['columns'],
  exact: boolean,
  fields?: readonly string[],
): Pieces {
  return jsonColumns(r.account_id.length, answerColumns(r, signals, exact, fields));
}

/**
 * Values per JSON.stringify call. A column's text written whole (a sentence column of 10,000 rows
 * is 0.7 MB) is a string above V8's regular object size, allocated in fresh pages, and so is its
 * UTF-8 copy; a slice of this many values stays in memory the young generation reuses (a 10,000-
 * account answer: 2,380 -> 1,120 minor faults a request, server CPU 104 -> 92 ms at load 5).
 */
const JSON_SLICE_VALUES = 1000;

/** A JSON answer column: its values, or what writes their JSON text (comma-separated, no brackets). */
export type JsonColumn = (() => readonly unknown[]) | { write: (out: Pieces) => void };

/** `{"n":n,"columns":{name:[values],...}}` as UTF-8 pieces, each column's values made just before they are written. */
export function jsonColumns(n: number, columns: Iterable<[string, JsonColumn]>): Pieces {
  const out = new Pieces();
  out.text(`{"n":${n},"columns":{`);
  let sep = '';
  for (const [name, produce] of columns) {
    out.text(`${sep}${JSON.stringify(name)}:[`);
    sep = ',';
    if (typeof produce !== 'function') {
      produce.write(out);
      out.byte(0x5d); // ]
      continue;
    }
    const values = produce();
    for (let from = 0; from < values.length; from += JSON_SLICE_VALUES) {
      // the slice's values without its brackets, after a comma from the second slice on
      if (from > 0) out.byte(0x2c); // ,
      out.text(JSON.stringify(values.slice(from, from + JSON_SLICE_VALUES)).slice(1, -1));
    }
    out.byte(0x5d); // ]
  }
  out.text('}}');
  return out;
}

/** The answer's columns in order, each with the function that computes it (only those `fields` keeps). */
function answerColumns(
  r: ResultColumns,
  signals: ColumnTable['columns'],
  exact: boolean,
  fields?: readonly string[],
): [string, () => readonly unknown[]][] {
  const one = (v: number | null) => (v === null || exact ? v : scoreForPeople(v));
  const four = (v: number | null) => (v === null || exact ? v : probabilityForPeople(v));
  const producers: [string, () => readonly unknown[]][] = [['account_id', () => r.account_id]];
  const names = r.account_name;
  if (names) producers.push(['account_name', () => names]);
  producers.push(
    ['as_of', () => r.as_of],
    ['score', () => r.score.map(one)],
    ['band', () => r.band],
    ['probability', () => r.probability.map(four)],
  );
  for (const [layer, values] of Object.entries(r.layers)) producers.push([`layer_${layer}`, () => values.map(one)]);
  producers.push(
    ['overrides', () => r.overrides.map((o) => o.join(','))],
    ['reasons', () => r.reasons.map((o) => o.join(','))],
    ['escalate', () => r.escalate],
    ['base_score', () => r.base_score.map(one)],
    ['score_change', () => r.score_change.map(one)],
    ['status', () => r.status],
    ['coverage', () => (exact ? r.coverage : r.coverage.map((c) => significant(c, 4)))],
    ['missing', () => r.missing.map((m) => m.join(','))],
    ['warnings', () => r.warnings.map((w) => w.join('; '))],
  );
  for (let k = 0; k < MAX_REASONS; k++) {
    const feature = once(() => r.reasons.map((f) => f[k] ?? null));
    const value = once(() => feature().map((f, i) => (f === null ? null : (signals[f]?.[i] ?? null))));
    producers.push(
      [`reason_${k + 1}`, feature],
      [`reason_${k + 1}_value`, value],
      [`reason_${k + 1}_text`, () => feature().map((f, i) => (f === null ? null : describeValue(f, value()[i]!)))],
    );
  }
  const expansion = r.expansion;
  if (expansion) producers.push(['expansion_probability', () => expansion.map(four)]);
  const model = r.model;
  if (model) {
    producers.push(['model_probability', () => model.probability.map(four)]);
    for (let k = 0; k < MODEL_REASONS; k++) {
      const reason = once(() => model.reasons.map((list) => list?.[k] ?? null));
      producers.push(
        [`model_reason_${k + 1}`, () => reason().map((m) => m?.feature ?? null)],
        [`model_reason_${k + 1}_value`, () => reason().map((m) => m?.value ?? null)],
        [`model_reason_${k + 1}_text`, () => reason().map((m) => m?.text ?? null)],
      );
    }
  }
  return pickFields(producers, fields);
}

/**
 * The answer's columns that `fields` keeps (account_id always), in the answer's order; all of them
 * without `fields`. A name the answer does not have is a 400 that lists the names it has.
 */
export function pickFields<T>(columns: [string, T][], fields: readonly string[] | undefined): [string, T][] {
  if (fields === undefined) return columns;
  const known = new Set(columns.map(([name]) => name));
  const unknown = fields.filter((f) => !known.has(f));
  if (unknown.length > 0)
    throw new HttpError(
      400,
      'unknown_field',
      `fields names ${unknown.join(', ')}, which this answer does not have; it has ${[...known].join(', ')}`,
      '/fields',
    );
  const wanted = new Set(['account_id', ...fields]);
  return columns.filter(([name]) => wanted.has(name));
}

/** A computation run the first time it is asked for, and remembered. */
function once<T>(compute: () => T): () => T {
  let done = false;
  let value: T;
  return () => {
    if (!done) {
      value = compute();
      done = true;
    }
    return value;
  };
}
