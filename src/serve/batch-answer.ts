/**
 * `POST /v1/score/batch` through the columnar kernel: the array of account objects becomes
 * columns in one pass, the scorecard's columnar kernel scores them, and the answer's JSON text
 * (`{"results":[...]}`, one object per account) is written straight from the kernel's typed
 * outputs. Building 10,000 answer objects (with their reason objects and rounded copies) and
 * stringifying them cost several times the scoring, most of it in fresh memory and GC; here the
 * parts that repeat across rows (lists of missing columns, fired overrides, reasons, warnings)
 * are written once per distinct form. The bytes are the ones answerOf + forPeople +
 * JSON.stringify give (test/serve/batch.test.ts compares both paths on many cards and options).
 */
import { describeValue, featureLabel, probabilityForPeople, scoreForPeople, significant } from '../catalogue/index.js';
import {
  BANDS,
  MAX_REASONS,
  scorecardColumns,
  unknownSegmentWarning,
  type ColumnTable,
  type Scorecard,
  type SignalValue,
} from '../scorecard/index.js';
import type { KernelColumns, RequestColumns } from './columns.js';
import { memoizedList, reasonList, remembered } from './kernel-answer.js';
import { Pieces } from './pieces.js';
import { INPUT_COLUMNS, NUMBER_COLUMNS } from './schemas.js';
import type { ModelReason } from './served-model.js';

/** One account of a batch as the schema let it through. */
export type AccountInput = { account_id: string; account_name?: string | null; as_of?: string } & Record<
  string,
  SignalValue | undefined
>;

/**
 * The accounts as a column table, in one pass over their keys. Number and integer columns are
 * doubles (NaN = missing), as the columnar route holds them; booleans and text stay as sent, so
 * the kernel's views convert them with the same coercions the one-account scorer uses (a boolean
 * read as text is "true", not "1"). A column the card reads that no request may carry is all
 * missing, as it is to the one-account scorer.
 */
export function accountColumns(
  accounts: readonly AccountInput[],
  defaultAsOf: string | undefined,
  today: () => string,
  card: Scorecard,
): RequestColumns {
  const n = accounts.length;
  const columns: ColumnTable['columns'] = {};
  const doubles = new Map<string, Float64Array>();
  const raw = new Map<string, SignalValue[]>();
  for (const name of INPUT_COLUMNS) {
    if (NUMBER_COLUMNS.get(name)?.type === 'number' || NUMBER_COLUMNS.get(name)?.type === 'integer') {
      const values = new Float64Array(n).fill(Number.NaN);
      doubles.set(name, values);
      columns[name] = values;
    } else {
      const values = new Array<SignalValue>(n).fill(null);
      raw.set(name, values);
      columns[name] = values;
    }
  }
  const ids = new Array<string>(n);
  const asOf = new Array<string>(n);
  let fallback = defaultAsOf;
  for (let i = 0; i < n; i++) {
    const a = accounts[i]!;
    ids[i] = a.account_id;
    const given = a.as_of;
    if (given !== undefined) asOf[i] = given;
    else {
      fallback ??= today();
      asOf[i] = fallback;
    }
    for (const key in a) {
      const v = a[key];
      const number = doubles.get(key);
      if (number) {
        if (typeof v === 'number') number[i] = v;
      } else {
        const values = raw.get(key);
        if (values && v !== undefined) values[i] = v;
      }
    }
  }
  const nobody = new Array<null>(n).fill(null);
  for (const name of scorecardColumns(card)) columns[name] ??= nobody;
  return { n, table: { n, columns, name: 'request' }, ids, asOf };
}

/**
 * The answer's text goes to bytes whenever it reaches this many characters. A string built by
 * appending is a rope, made flat when it becomes bytes; a flat string above V8's regular object
 * size (128 KiB) is allocated in fresh pages outside the young generation, which cost more on this
 * machine than the work itself (10,000 answers in 256-row slices: 150 ms; in pieces of this size:
 * 30 ms). Below it, the young generation recycles the same pages.
 */
const FLUSH_CHARS = 48 * 1024;

/**
 * A number's JSON text (NaN and infinities as null). JSON.stringify writes a number 2-3x faster than
 * String() does in Node 20 (80,000 scores, probabilities or exact numbers: 11-14 against 22-38 ms).
 */
function num(v: number): string {
  return JSON.stringify(v);
}

/** JSON's text of k/10 for k in 0..1000: scores and layers rounded for people are tenths of 0-100. */
const TENTHS = Array.from({ length: 1001 }, (_, k) => JSON.stringify(k / 10));

/** A tenth-rounded number's JSON text: looked up when in 0-100 (60,000 conversions a 10,000-account batch), else written. */
function tenthsText(v: number): string {
  const k = Math.round(v * 10);
  return k >= 0 && k <= 1000 && k / 10 === v ? TENTHS[k]! : num(v);
}

/** What JSON.stringify escapes in a string (quotes, backslashes, control characters, lone surrogates) and more. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: the control characters are what JSON escapes
const NEEDS_ESCAPE = /["\\\u0000-\u001f\ud800-\udfff]/;

/** A string's JSON text: quoted as it is when nothing in it needs escaping (2x faster than JSON.stringify for sentences). */
function quoted(text: string): string {
  return NEEDS_ESCAPE.test(text) ? JSON.stringify(text) : `"${text}"`;
}

/**
 * `{"results":[...]}` as UTF-8 in pieces, byte for byte what resultsJson writes from the answers
 * answerOf makes (rounded by forPeople unless `exact`). `expansion` is the expansion model's
 * probability per row, when one is served. No score history: score_change and previous are null.
 */
export function batchAnswer(
  k: KernelColumns,
  req: RequestColumns,
  accounts: readonly AccountInput[],
  exact: boolean,
  expansion: readonly (number | null)[] | null,
): Pieces {
  const { card, s, scored, model } = k;
  const n = req.n;
  const oneText = exact ? num : (v: number) => tenthsText(scoreForPeople(v));
  const four = exact ? (v: number) => v : probabilityForPeople;
  const share = exact ? (v: number) => v : (v: number) => significant(v, 4);
  const K = s.overrides.length;
  const M = s.checked.length;
  const json = (list: readonly unknown[]) => JSON.stringify(list);
  const missingOf = memoizedList(M, s.missing, s.checked, json);
  const overridesOf = memoizedList(K, s.fired, s.overrides, json);
  const flagNames = card.overrides.map((o) => (o.action === 'flag' ? o.flag! : null));
  const flagsOf = memoizedList(K, s.fired, flagNames, (list) => json(list.filter((f) => f !== null)));
  const reasonsOf = reasonList(s.reasons, s.signals, json);
  const layerKeys = card.layers.map((l) => `${JSON.stringify(l.name)}:`);
  const layers = card.layers.map((l) => s.layers[l.name]!);
  const L = layers.length;
  // `{"feature":...,"label":...,"value":` of each signal a reason can name.
  const detailHead = s.signals.map(
    (f) => `{"feature":${JSON.stringify(f)},"label":${JSON.stringify(featureLabel(f))},"value":`,
  );
  const segment = req.table.columns['segment'] as readonly SignalValue[];
  const warnings = new Map<string, string>();
  const warningsOf = (seg: string) =>
    remembered(warnings, seg, () => JSON.stringify([unknownSegmentWarning(card, seg)]));
  const dates = new Map<string, string>();
  const dateOf = (d: string) => remembered(dates, d, () => JSON.stringify(d));
  const modelReasons = (reasons: ModelReason[]) =>
    JSON.stringify(
      exact
        ? reasons
        : reasons.map((r) => ({
            feature: r.feature,
            label: r.label,
            value: r.value,
            text: r.text,
            contribution: significant(r.contribution, 4),
          })),
    );

  const out = new Pieces();
  out.text('{"results":[');
  let text = '';
  for (let i = 0; i < n; i++) {
    if (text.length >= FLUSH_CHARS) {
      out.text(text);
      text = '';
    }
    const a = accounts[i]!;
    const ok = scored[i] === 1;
    text += `${i > 0 ? ',' : ''}{"account_id":${quoted(a.account_id)},"account_name":${JSON.stringify(a.account_name ?? null)},"as_of":${dateOf(req.asOf[i]!)},"status":${ok ? '"scored"' : '"insufficient_data"'},"coverage":${num(share(s.coverage[i]!))},"missing":${missingOf(i)},"warnings":${s.unknown_segment[i] ? warningsOf(segment[i] as string) : '[]'},"score":${ok ? oneText(s.score[i]!) : 'null'},"band":${ok ? `"${BANDS[s.band[i]!]}"` : 'null'},"probability":${ok ? num(four(s.probability[i]!)) : 'null'},"layers":{`;
    for (let l = 0; l < L; l++) {
      const v = layers[l]![i]!;
      text += `${l > 0 ? ',' : ''}${layerKeys[l]}${Number.isNaN(v) ? 'null' : oneText(v)}`;
    }
    text += `},"overrides":${overridesOf(i)},"reasons":${reasonsOf(i)},"reason_details":[`;
    for (let r = 0; r < MAX_REASONS; r++) {
      const j = s.reasons[i * MAX_REASONS + r]!;
      if (j < 0) break;
      const feature = s.signals[j]!;
      const value = a[feature] ?? null;
      text += `${r > 0 ? ',' : ''}${detailHead[j]}${JSON.stringify(value)},"text":${quoted(describeValue(feature, value))}}`;
    }
    text += `],"escalate":${s.escalate[i] ? 'true' : 'false'},"flags":${flagsOf(i)},"base_score":${oneText(s.base_score[i]!)},"model_probability":${model && ok ? num(four(model.probability[i]!)) : 'null'},"model_reasons":${model && ok ? modelReasons(model.reasons[i]!) : 'null'},"score_change":null,"previous":null`;
    if (expansion) {
      const p = ok ? expansion[i] : null;
      text += `,"expansion_probability":${p === null || p === undefined ? 'null' : num(four(p))}`;
    }
    text += '}';
  }
  out.text(`${text}]}`);
  return out;
}
