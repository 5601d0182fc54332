/**
 * The answer of `POST /v1/score/columns`, Arrow or JSON, written straight from the scorecard
 * kernel's typed outputs (KernelColumns), a column at a time: in Arrow, scores go from a
 * Float64Array into a float64 column, flags into bool bits, text into one buffer per column; in
 * JSON, each value's text is written into the answer's chunks (json-text.ts), a column at a time.
 * ResultColumns (columns.ts) first makes a JavaScript value per row and column (hundreds of
 * thousands of numbers, 40,000 small arrays, a string for every list), all alive at once, which V8
 * then copies between its young generations; here the lists are joined once per distinct form (a
 * list of missing columns or of fired overrides has few). ResultColumns still serves what needs
 * rows (the score history and alerts) and scorers without a columnar kernel. Same columns, same
 * order, same values (arrow.test.ts and columns.test.ts compare them).
 */
import type { Column } from '@uwdata/flechette';
import {
  describeValue,
  writeDescription,
  probabilityForPeople,
  scoreForPeople,
  significant,
  type CatalogueValue,
} from '../catalogue/index.js';
import { BANDS, MAX_REASONS, unknownSegmentWarning } from '../scorecard/index.js';
import {
  DictionaryColumn,
  Utf8Column,
  answerColumn,
  answerKind,
  arrowStream,
  boolColumnOf,
  float64Column,
} from './arrow.js';
import type { Pieces } from './pieces.js';
import { jsonColumns, pickFields, type JsonColumn, type KernelColumns, type RequestColumns } from './columns.js';
import {
  booleansJson,
  choicesJson,
  listsJson,
  numbersJson,
  textJson,
  pickedValuesJson,
  valuesJson,
  writeNull,
  type ListRows,
} from './json-text.js';
import { MODEL_REASONS } from './served-model.js';

/** Typical UTF-8 bytes per value, so a column's buffer is rarely grown. */
const SENTENCE_BYTES = 64;

/**
 * One answer column as the kernel gives it: its value at row i, and its kind. A float's null is
 * NaN (JSON writes NaN as null, Arrow as a null); text is dictionary-encoded or plain in Arrow as
 * its name says (arrow.ts answerKind); `values` are as the request gave them (a reason's value).
 */
type KernelColumn =
  | { kind: 'float'; at: (i: number) => number; rounded?: boolean }
  | { kind: 'bool'; at: (i: number) => boolean }
  | { kind: 'text'; at: (i: number) => string | null; bytesPerRow?: number }
  | { kind: 'choice'; at: (i: number) => string | null; names: readonly string[]; index: (i: number) => number }
  | {
      kind: 'list';
      at: (i: number) => string;
      names: readonly string[];
      rows: ListRows;
      bytesPerRow?: number;
    }
  | { kind: 'values'; at: (i: number) => unknown; picked?: Picked }
  | { kind: 'sentence'; feature: (i: number) => string | null; value: (i: number) => unknown };

/**
 * The answer, as an Arrow IPC stream or as JSON (byte for byte what resultJson writes from
 * ResultColumns). `expansion` is the expansion model's probability per row (null rows where not
 * scored), when one is served.
 */
export function kernelAnswer(
  format: 'arrow' | 'json',
  k: KernelColumns,
  req: RequestColumns,
  exact: boolean,
  fields: readonly string[] | undefined,
  expansion: readonly (number | null)[] | null,
): Pieces {
  const n = req.n;
  const columns = pickFields(kernelColumns(k, req, exact, expansion), fields);
  if (format === 'json')
    return jsonColumns(
      n,
      columns.map(([name, c]) => [name, jsonColumn(c, n)]),
    );
  return arrowStream(columns.map(([name, c]) => [name, arrowColumn(name, c, n)]));
}

/**
 * How a column's JSON text is written: straight into the answer's chunks (json-text.ts), but for
 * exact numbers, whose texts are long, by JSON.stringify a slice at a time.
 */
function jsonColumn(c: KernelColumn, n: number): JsonColumn {
  switch (c.kind) {
    case 'sentence':
      return { write: (out: Pieces) => sentencesJson(out, n, c) };
    case 'float':
      return c.rounded ? { write: (out: Pieces) => numbersJson(out, n, c.at) } : () => valuesOf(n, c.at);
    case 'bool':
      return { write: (out: Pieces) => booleansJson(out, n, c.at) };
    case 'text':
      return { write: (out: Pieces) => textJson(out, n, c.at) };
    case 'list':
      return { write: (out: Pieces) => listsJson(out, n, c.names, c.rows) };
    case 'choice':
      return { write: (out: Pieces) => choicesJson(out, n, c.names, c.index) };
    case 'values': {
      const picked = c.picked;
      if (picked) return { write: (out: Pieces) => pickedValuesJson(out, n, picked.index, picked.columns) };
      return { write: (out: Pieces) => valuesJson(out, n, c.at) };
    }
  }
}

function arrowColumn(name: string, c: KernelColumn, n: number): Column<unknown> {
  switch (c.kind) {
    case 'float': {
      const values = new Float64Array(n);
      for (let i = 0; i < n; i++) values[i] = c.at(i);
      return float64Column(values);
    }
    case 'bool':
      return boolColumnOf(n, c.at);
    case 'text':
    case 'list':
    case 'choice': {
      const bytesPerRow = c.kind === 'choice' ? undefined : c.bytesPerRow;
      const column = answerKind(name) === 'dictionary' ? new DictionaryColumn(n) : new Utf8Column(n, bytesPerRow);
      for (let i = 0; i < n; i++) column.push(c.at(i));
      return column.finish();
    }
    case 'sentence': {
      const column = new Utf8Column(n, SENTENCE_BYTES);
      for (let i = 0; i < n; i++) {
        const f = c.feature(i);
        if (f === null) column.push(null);
        else column.pushSentence(f, c.value(i) as CatalogueValue);
      }
      return column.finish();
    }
    case 'values': {
      // float64, as score files write it, unless a value is text (a card reading a text signal).
      const picked = c.picked;
      if (picked?.columns.every((column) => column === undefined || column instanceof Float64Array)) {
        // each value read from its column's doubles, not returned from a call (a heap number each)
        const values = new Float64Array(n);
        for (let i = 0; i < n; i++) {
          const j = picked.index(i);
          const column = j >= 0 ? (picked.columns[j] as Float64Array | undefined) : undefined;
          values[i] = column === undefined ? Number.NaN : column[i]!;
        }
        return float64Column(values);
      }
      for (let i = 0; i < n; i++) if (typeof c.at(i) === 'string') return answerColumn(name, valuesOf(n, c.at));
      const values = new Float64Array(n);
      for (let i = 0; i < n; i++) {
        const v = c.at(i);
        values[i] = typeof v === 'number' ? v : typeof v === 'boolean' ? Number(v) : Number.NaN;
      }
      return float64Column(values);
    }
  }
}

/** The answer's columns in the JSON answer's order (columns.ts answerColumns), from the kernel's outputs. */
function kernelColumns(
  k: KernelColumns,
  req: RequestColumns,
  exact: boolean,
  expansion: readonly (number | null)[] | null,
): [string, KernelColumn][] {
  const { card, s, scored } = k;
  const signals = req.table.columns;
  const one = exact ? (v: number) => v : scoreForPeople;
  const four = exact ? (v: number) => v : probabilityForPeople;
  // numbers rounded for people (four significant digits, whole tenths) have short texts, which JSON
  // writes digit by digit (json-text.ts); exact ones by JSON.stringify
  const float = (at: (i: number) => number): KernelColumn => ({ kind: 'float', at, rounded: !exact });
  const text = (at: (i: number) => string | null, bytesPerRow?: number): KernelColumn =>
    bytesPerRow === undefined ? { kind: 'text', at } : { kind: 'text', at, bytesPerRow };
  const strings = (values: readonly (string | null)[]) => text((i) => values[i] ?? null);

  const K = s.overrides.length;
  const M = s.checked.length;
  const segment = signals['segment'] as readonly (string | null)[] | undefined;
  const warnings = new Map<string, string>();
  const warningFor = (seg: string) => remembered(warnings, seg, () => unknownSegmentWarning(card, seg));
  const columns: [string, KernelColumn][] = [['account_id', strings(req.ids)]];
  const names = signals['account_name'] as readonly (string | null)[] | undefined;
  if (names) columns.push(['account_name', strings(names)]);
  columns.push(
    ['as_of', strings(req.asOf)],
    ['score', float((i) => (scored[i] ? one(s.score[i]!) : Number.NaN))],
    ['band', choice(BANDS, (i) => (scored[i] ? s.band[i]! : -1))],
    ['probability', float((i) => (scored[i] ? four(s.probability[i]!) : Number.NaN))],
  );
  for (const l of card.layers) {
    const layer = s.layers[l.name]!;
    columns.push([`layer_${l.name}`, float((i) => one(layer[i]!))]);
  }
  columns.push(
    ['overrides', flagList(K, s.fired, s.overrides)],
    [
      'reasons',
      {
        kind: 'list',
        at: reasonList(s.reasons, s.signals, comma),
        names: s.signals,
        rows: { rows: s.reasons, width: MAX_REASONS, flags: false },
      },
    ],
    ['escalate', { kind: 'bool', at: (i) => s.escalate[i] === 1 }],
    ['base_score', float((i) => one(s.base_score[i]!))],
    ['score_change', { kind: 'float', at: () => Number.NaN, rounded: true }],
    ['status', choice(STATUSES, (i) => (scored[i] ? 0 : 1))],
    ['coverage', float(exact ? (i) => s.coverage[i]! : (i) => significant(s.coverage[i]!, 4))],
    ['missing', flagList(M, s.missing, s.checked, 64)],
    ['warnings', text((i) => (s.unknown_segment[i] ? warningFor(segment![i]!) : ''), 4)],
  );
  const signalColumns = s.signals.map((f) => signals[f]);
  for (let r = 0; r < MAX_REASONS; r++) {
    const index = (i: number) => s.reasons[i * MAX_REASONS + r]!;
    const feature = (i: number): string | null => {
      const j = index(i);
      return j >= 0 ? s.signals[j]! : null;
    };
    const value = (i: number): unknown => {
      const f = feature(i);
      return f === null ? null : (signals[f]?.[i] ?? null);
    };
    columns.push(
      [`reason_${r + 1}`, { kind: 'choice', at: feature, names: s.signals, index }],
      [`reason_${r + 1}_value`, { kind: 'values', at: value, picked: { index, columns: signalColumns } }],
      [`reason_${r + 1}_text`, { kind: 'sentence', feature, value }],
    );
  }
  if (expansion) columns.push(['expansion_probability', float((i) => nullOrNaN(expansion[i], four))]);
  const model = k.model;
  if (model) {
    columns.push(['model_probability', float((i) => (scored[i] ? four(model.probability[i]!) : Number.NaN))]);
    for (let r = 0; r < MODEL_REASONS; r++) {
      const reason = (i: number) => (scored[i] ? (model.reasons[i]?.[r] ?? null) : null);
      columns.push(
        [`model_reason_${r + 1}`, text((i) => reason(i)?.feature ?? null)],
        [`model_reason_${r + 1}_value`, { kind: 'values', at: (i) => reason(i)?.value ?? null }],
        [`model_reason_${r + 1}_text`, text((i) => reason(i)?.text ?? null)],
      );
    }
  }
  return columns;
}

const comma = (list: string[]) => list.join(',');

const STATUSES = ['scored', 'insufficient_data'] as const;

/** A reason's values: row i's is columns[index(i)][i] (json-text.ts pickedValuesJson). */
interface Picked {
  index: (i: number) => number;
  columns: readonly (ArrayLike<unknown> | undefined)[];
}

/**
 * A column of one of a few names (null where `index` is -1): JSON writes each name's bytes, made
 * once (json-text.ts choicesJson), Arrow the names.
 */
function choice(names: readonly string[], index: (i: number) => number): KernelColumn {
  return {
    kind: 'choice',
    at: (i) => {
      const j = index(i);
      return j >= 0 ? names[j]! : null;
    },
    names,
    index,
  };
}

/**
 * A list column: row i's names where its flags are set (`flags` is row-major n x names.length),
 * joined by commas. JSON writes each row's names from their bytes (json-text.ts listsJson); Arrow
 * takes each distinct list's string once (memoizedList).
 */
function flagList(width: number, flags: Uint8Array, names: readonly string[], bytesPerRow?: number): KernelColumn {
  return {
    kind: 'list',
    at: memoizedList(width, flags, names, comma),
    names,
    rows: { rows: flags, width, flags: true },
    ...(bytesPerRow === undefined ? {} : { bytesPerRow }),
  };
}

/** Room asked of the answer's chunk before a sentence is written in place (the longest template, with its numbers, is under 200 bytes). */
const SENTENCE_ROOM = 512;

/**
 * A sentence column's JSON values (without brackets), each sentence written from the catalogue's
 * template pieces straight into the answer's chunks: no string per sentence, no JSON.stringify or
 * encoding of 10,000 of them; the bytes JSON.stringify writes (test/serve/batch.test.ts compares them).
 */
function sentencesJson(
  out: Pieces,
  n: number,
  c: { feature: (i: number) => string | null; value: (i: number) => unknown },
) {
  for (let i = 0; i < n; i++) {
    const buf = out.room(SENTENCE_ROOM);
    let at = out.at;
    if (i > 0) buf[at++] = 0x2c; // ,
    const f = c.feature(i);
    if (f === null) {
      out.advance(writeNull(buf, at));
      continue;
    }
    const value = c.value(i) as CatalogueValue;
    buf[at] = 0x22; // "
    const end = writeDescription(buf, at + 1, f, value, true);
    if (end >= 0) {
      buf[end] = 0x22;
      out.advance(end + 1);
      continue;
    }
    out.advance(at);
    out.text(JSON.stringify(describeValue(f, value)));
  }
}

function valuesOf<T>(n: number, valueAt: (i: number) => T): T[] {
  const out = new Array<T>(n);
  for (let i = 0; i < n; i++) out[i] = valueAt(i);
  return out;
}

function nullOrNaN(v: number | null | undefined, round: (v: number) => number): number {
  return v === null || v === undefined ? Number.NaN : round(v);
}

/**
 * Row i's list of the names whose flag is set (`flags` is row-major n x names.length), as `finish`
 * writes it (joined, or as JSON). A list has few distinct forms across rows (which columns are
 * missing, which overrides fired), so each form is written once and remembered by its flags.
 */
export function memoizedList<T, R>(
  width: number,
  flags: Uint8Array,
  names: readonly T[],
  finish: (list: T[]) => R,
): (i: number) => R {
  const write = (i: number) => {
    const list: T[] = [];
    for (let m = 0; m < width; m++) if (flags[i * width + m]) list.push(names[m]!);
    return finish(list);
  };
  if (width > 30) return write;
  const seen = new Map<number, R>();
  return (i) => {
    let key = 0;
    for (let m = 0; m < width; m++) if (flags[i * width + m]) key |= 1 << m;
    // not remembered(): a closure made per row was most of what a list column allocated
    let form = seen.get(key);
    if (form === undefined) {
      form = write(i);
      seen.set(key, form);
    }
    return form;
  };
}

/** Row i's top reasons (indices into `signals`, -1 for none, three a row) as `finish` writes them, each form once. */
export function reasonList<R>(
  reasons: Int16Array,
  signals: readonly string[],
  finish: (list: string[]) => R,
): (i: number) => R {
  const seen = new Map<number, R>();
  const P = signals.length + 1;
  return (i) => {
    const a = reasons[i * 3]!;
    const b = reasons[i * 3 + 1]!;
    const c = reasons[i * 3 + 2]!;
    const key = ((a + 1) * P + (b + 1)) * P + (c + 1);
    let form = seen.get(key);
    if (form === undefined) {
      form = finish([a, b, c].filter((j) => j >= 0).map((j) => signals[j]!));
      seen.set(key, form);
    }
    return form;
  };
}

/** The value remembered for `key`, computed the first time. */
export function remembered<K, V>(seen: Map<K, V>, key: K, compute: () => V): V {
  let value = seen.get(key);
  if (value === undefined) {
    value = compute();
    seen.set(key, value);
  }
  return value;
}
