/**
 * The Arrow answer of `POST /v1/score/columns`, written straight from the scorecard kernel's typed
 * outputs (KernelColumns): scores go from a Float64Array into a float64 column, flags into bool
 * bits, text into one utf8 buffer per column. The JSON route's ResultColumns would first make a
 * JavaScript value per row and column (hundreds of thousands of numbers, 40,000 small arrays, a
 * string for every list), all alive at once, which V8 then copies between its young generations;
 * here the only values made per row are the sentences and the lists as text, and those are
 * memoized (a list of missing columns or overrides has few distinct forms). Same columns, same
 * order, same values as the JSON answer (arrow.test.ts compares them).
 */
import type { Column } from '@uwdata/flechette';
import {
  describeValue,
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
import { pickFields, type KernelColumns, type RequestColumns } from './columns.js';
import { MODEL_REASONS } from './served-model.js';

/** Typical UTF-8 bytes per value, so a column's buffer is rarely grown. */
const SENTENCE_BYTES = 64;

/**
 * The answer as an Arrow IPC stream. `expansion` is the expansion model's probability per row
 * (null rows where not scored), when one is served.
 */
export function kernelArrowAnswer(
  k: KernelColumns,
  req: RequestColumns,
  exact: boolean,
  fields: readonly string[] | undefined,
  expansion: readonly (number | null)[] | null,
): Pieces {
  const { card, s, scored } = k;
  const n = req.n;
  const signals = req.table.columns;
  const one = exact ? (v: number) => v : scoreForPeople;
  const four = exact ? (v: number) => v : probabilityForPeople;
  // A text column, dictionary-encoded or plain as its name says (arrow.ts answerKind).
  const text = (
    name: string,
    valueAt: (i: number) => string | null,
    bytesPerRow = 16,
  ): [string, () => Column<unknown>] => [
    name,
    () => {
      const column = answerKind(name) === 'dictionary' ? new DictionaryColumn(n) : new Utf8Column(n, bytesPerRow);
      for (let i = 0; i < n; i++) column.push(valueAt(i));
      return column.finish();
    },
  ];
  const strings = (name: string, values: readonly (string | null)[]) => text(name, (i) => values[i] ?? null);

  const K = s.overrides.length;
  const M = s.checked.length;
  const segment = signals['segment'] as readonly (string | null)[] | undefined;
  const warnings = new Map<string, string>();
  const warningFor = (seg: string) => remembered(warnings, seg, () => unknownSegmentWarning(card, seg));
  const columns: [string, () => Column<unknown>][] = [strings('account_id', req.ids)];
  const names = signals['account_name'] as readonly (string | null)[] | undefined;
  if (names) columns.push(strings('account_name', names));
  columns.push(
    strings('as_of', req.asOf),
    ['score', () => float64Column(n, (i) => (scored[i] ? one(s.score[i]!) : Number.NaN))],
    text('band', (i) => (scored[i] ? BANDS[s.band[i]!]! : null), 8),
    ['probability', () => float64Column(n, (i) => (scored[i] ? four(s.probability[i]!) : Number.NaN))],
  );
  for (const l of card.layers) {
    const layer = s.layers[l.name]!;
    columns.push([`layer_${l.name}`, () => float64Column(n, (i) => one(layer[i]!))]);
  }
  columns.push(
    text('overrides', memoizedList(K, s.fired, s.overrides, ',')),
    text('reasons', reasonList(s.reasons, s.signals)),
    ['escalate', () => boolColumnOf(n, (i) => s.escalate[i] === 1)],
    ['base_score', () => float64Column(n, (i) => one(s.base_score[i]!))],
    ['score_change', () => float64Column(n, () => Number.NaN)],
    text('status', (i) => (scored[i] ? 'scored' : 'insufficient_data')),
    ['coverage', () => float64Column(n, exact ? (i) => s.coverage[i]! : (i) => significant(s.coverage[i]!, 4))],
    text('missing', memoizedList(M, s.missing, s.checked, ','), 64),
    text('warnings', (i) => (s.unknown_segment[i] ? warningFor(segment![i]!) : ''), 4),
  );
  for (let r = 0; r < MAX_REASONS; r++) {
    const feature = (i: number): string | null => {
      const j = s.reasons[i * 3 + r]!;
      return j >= 0 ? s.signals[j]! : null;
    };
    const value = (i: number): unknown => {
      const f = feature(i);
      return f === null ? null : (signals[f]?.[i] ?? null);
    };
    columns.push(
      text(`reason_${r + 1}`, feature),
      [
        `reason_${r + 1}_value`,
        () => {
          // float64, as score files write it, unless a value is text (a card reading a text signal).
          for (let i = 0; i < n; i++)
            if (typeof value(i) === 'string') return answerColumn('reason_value', valuesOf(n, value));
          return float64Column(n, (i) => {
            const v = value(i);
            return typeof v === 'number' ? v : typeof v === 'boolean' ? Number(v) : Number.NaN;
          });
        },
      ],
      text(
        `reason_${r + 1}_text`,
        (i) => {
          const f = feature(i);
          return f === null ? null : describeValue(f, (signals[f]?.[i] ?? null) as CatalogueValue);
        },
        SENTENCE_BYTES,
      ),
    );
  }
  if (expansion) columns.push(['expansion_probability', () => float64Column(n, (i) => nullOrNaN(expansion[i], four))]);
  const model = k.model;
  if (model) {
    columns.push([
      'model_probability',
      () => float64Column(n, (i) => (scored[i] ? four(model.probability[i]!) : Number.NaN)),
    ]);
    // The model's reasons are objects already: their few columns go through the general path.
    for (let r = 0; r < MODEL_REASONS; r++) {
      const reason = (i: number) => (scored[i] ? (model.reasons[i]?.[r] ?? null) : null);
      columns.push(
        strings(
          `model_reason_${r + 1}`,
          valuesOf(n, (i) => reason(i)?.feature ?? null),
        ),
        [
          `model_reason_${r + 1}_value`,
          () =>
            answerColumn(
              `model_reason_${r + 1}_value`,
              valuesOf(n, (i) => reason(i)?.value ?? null),
            ),
        ],
        strings(
          `model_reason_${r + 1}_text`,
          valuesOf(n, (i) => reason(i)?.text ?? null),
        ),
      );
    }
  }
  return arrowStream(pickFields(columns, fields).map(([name, build]) => [name, build()]));
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
 * Row i's list of the names whose flag is set (`flags` is row-major n x names.length), joined by
 * `sep`. A list has few distinct forms across rows (which columns are missing, which overrides
 * fired), so each form is joined once and remembered by its flags.
 */
function memoizedList(width: number, flags: Uint8Array, names: readonly string[], sep: string): (i: number) => string {
  const join = (i: number) => {
    const list: string[] = [];
    for (let m = 0; m < width; m++) if (flags[i * width + m]) list.push(names[m]!);
    return list.join(sep);
  };
  if (width > 30) return join;
  const seen = new Map<number, string>();
  return (i) => {
    let key = 0;
    for (let m = 0; m < width; m++) if (flags[i * width + m]) key |= 1 << m;
    return remembered(seen, key, () => join(i));
  };
}

/** Row i's top reasons (indices into `signals`, -1 for none, three a row) joined by commas, each form once. */
function reasonList(reasons: Int16Array, signals: readonly string[]): (i: number) => string {
  const seen = new Map<number, string>();
  const P = signals.length + 1;
  return (i) => {
    const a = reasons[i * 3]!;
    const b = reasons[i * 3 + 1]!;
    const c = reasons[i * 3 + 2]!;
    const key = ((a + 1) * P + (b + 1)) * P + (c + 1);
    return remembered(seen, key, () =>
      [a, b, c]
        .filter((j) => j >= 0)
        .map((j) => signals[j]!)
        .join(','),
    );
  };
}

/** The value remembered for `key`, computed the first time. */
function remembered<K, V>(seen: Map<K, V>, key: K, compute: () => V): V {
  let value = seen.get(key);
  if (value === undefined) {
    value = compute();
    seen.set(key, value);
  }
  return value;
}
