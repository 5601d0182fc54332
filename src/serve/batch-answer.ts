/**
 * `POST /v1/score/batch` through the columnar kernel: the array of account objects becomes
 * columns in one pass, the scorecard's columnar kernel scores them, and the answer's JSON text
 * (`{"results":[...]}`, one object per account) is written as bytes straight from the kernel's
 * typed outputs and the request's columns into the answer's kept chunks (pieces.ts), the fixed
 * text between values copied from bytes made once. Building 10,000 answer objects (with their reason objects and rounded copies) and
 * stringifying them cost several times the scoring, most of it in fresh memory and GC; here the
 * parts that repeat across rows (lists of missing columns, fired overrides, reasons, warnings)
 * are written once per distinct form. The bytes are the ones answerOf + forPeople +
 * JSON.stringify give (test/serve/batch.test.ts compares both paths on many cards and options).
 */
import {
  describeValue,
  featureLabel,
  probabilityForPeople,
  scoreForPeople,
  significant,
  writeDescription,
} from '../catalogue/index.js';
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
import { INPUT_COLUMNS } from './schemas.js';
import { NUMBER_RULES } from './quick-check.js';
import { SHORT_TEXT, writeAsciiString, writeNull, writeNumber, writeValueAt } from './json-text.js';
import type { ModelReason } from './served-model.js';

/** One account of a batch as the schema let it through. */
export type AccountInput = { account_id: string; account_name?: string | null; as_of?: string } & Record<
  string,
  SignalValue | undefined
>;

/**
 * A batch's accounts as columns, before the as-of of the accounts without one is known: each
 * input column (doubles for number and integer columns, NaN = missing; values as sent for the
 * others), the ids, each account's own as_of (undefined where it names none) and the names (null
 * when no account has one).
 */
export interface AccountColumns {
  n: number;
  columns: ColumnTable['columns'];
  ids: string[];
  asOf: (string | undefined)[];
  names: (string | null)[] | null;
}

/** Whether an input column is held as doubles (number and integer columns; booleans and text stay as sent). */
export function heldAsDoubles(name: string): boolean {
  return NUMBER_RULES.get(name)?.number === true;
}

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
    if (heldAsDoubles(name)) {
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
  const asOf = new Array<string | undefined>(n);
  let names: (string | null)[] | null = null;
  for (let i = 0; i < n; i++) {
    const a = accounts[i]!;
    ids[i] = a.account_id;
    const name = a.account_name;
    if (name !== undefined && name !== null) {
      names ??= new Array<string | null>(n).fill(null);
      names[i] = name;
    }
    asOf[i] = a.as_of;
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
  return requestColumns({ n, columns, ids, asOf, names }, defaultAsOf, today, card);
}

/**
 * The request's column table from a batch's columns: an account without an as_of is scored as of
 * `defaultAsOf` (the batch's), else today's (the clock read once, and only then); the columns the
 * card reads that no request may carry are all missing.
 */
export function requestColumns(
  a: AccountColumns,
  defaultAsOf: string | undefined,
  today: () => string,
  card: Scorecard,
): RequestColumns {
  const { n, columns } = a;
  const asOf = a.asOf;
  let fallback = defaultAsOf;
  for (let i = 0; i < n; i++) {
    if (asOf[i] !== undefined) continue;
    fallback ??= today();
    asOf[i] = fallback;
  }
  const nobody = new Array<null>(n).fill(null);
  for (const name of scorecardColumns(card)) columns[name] ??= nobody;
  if (a.names) columns['account_name'] = a.names;
  return { n, table: { n, columns, name: 'request' }, ids: a.ids, asOf: asOf as string[] };
}

/** Room asked of the answer's chunk before an account's fixed fields (its long text goes through Pieces.text). */
const ACCOUNT_ROOM = 2048;
/** Room before a reason's detail: its head, its value and its sentence (the longest template is under 200 bytes). */
const DETAIL_ROOM = 1024;

const bytes = (text: string) => Buffer.from(text);

/** The fixed text between an answer's values, as bytes. */
const PART = {
  first: bytes('{"account_id":'),
  next: bytes(',{"account_id":'),
  name: bytes(',"account_name":'),
  scored: bytes(',"status":"scored","coverage":'),
  insufficient: bytes(',"status":"insufficient_data","coverage":'),
  missing: bytes(',"missing":'),
  warnings: bytes(',"warnings":'),
  noWarnings: bytes(',"warnings":[]'),
  score: bytes(',"score":'),
  band: BANDS.map((b) => bytes(`,"band":"${b}","probability":`)),
  noScore: bytes(',"score":null,"band":null,"probability":null,"layers":{'),
  layers: bytes(',"layers":{'),
  overrides: bytes('},"overrides":'),
  reasons: bytes(',"reasons":'),
  details: bytes(',"reason_details":['),
  text: bytes(',"text":"'),
  escalate: bytes('],"escalate":true,"flags":'),
  noEscalate: bytes('],"escalate":false,"flags":'),
  base: bytes(',"base_score":'),
  modelProbability: bytes(',"model_probability":'),
  modelReasons: bytes(',"model_reasons":'),
  noModel: bytes(',"model_probability":null,"model_reasons":null'),
  tail: bytes(',"score_change":null,"previous":null'),
  noModelTail: bytes(',"model_probability":null,"model_reasons":null,"score_change":null,"previous":null'),
  expansion: bytes(',"expansion_probability":'),
};

/** `bytes` copied into `buf` at `at`; the end. A loop: these are a few dozen bytes, where set() costs a call. */
function put(buf: Buffer, at: number, part: Uint8Array): number {
  if (part.length > 48) {
    buf.set(part, at);
    return at + part.length;
  }
  for (let j = 0; j < part.length; j++) buf[at + j] = part[j]!;
  return at + part.length;
}

/** A number's JSON text (NaN and infinities as null) in place: digits when on writeNumber's grid, else JSON.stringify's (ASCII). */
function putNumber(buf: Buffer, at: number, v: number): number {
  const end = writeNumber(buf, at, v);
  if (end >= 0) return end;
  const text = JSON.stringify(v);
  for (let j = 0; j < text.length; j++) buf[at + j] = text.charCodeAt(j);
  return at + text.length;
}

/**
 * `{"results":[...]}` as UTF-8 in pieces, byte for byte what resultsJson writes from the answers
 * answerOf makes (rounded by forPeople unless `exact`), written from the kernel's arrays and the
 * request's columns (a reason's value is the column's: a number column's double is the number
 * sent, NaN what was null or absent). `expansion` is the expansion model's probability per row,
 * when one is served. No score history: score_change and previous are null.
 */
export function batchAnswer(
  k: KernelColumns,
  req: RequestColumns,
  exact: boolean,
  expansion: readonly (number | null)[] | null,
): Pieces {
  const { card, s, scored, model } = k;
  const n = req.n;
  const columns = req.table.columns;
  const one = exact ? (v: number) => v : scoreForPeople;
  const four = exact ? (v: number) => v : probabilityForPeople;
  const share = exact ? (v: number) => v : (v: number) => significant(v, 4);
  const K = s.overrides.length;
  const M = s.checked.length;
  const json = (list: readonly unknown[]) => bytes(JSON.stringify(list));
  const missingOf = memoizedList(M, s.missing, s.checked, json);
  const overridesOf = memoizedList(K, s.fired, s.overrides, json);
  const flagNames = card.overrides.map((o) => (o.action === 'flag' ? o.flag! : null));
  // `],"escalate":...,"flags":[...],"base_score":` as one part per flags form, escalated or not
  const flagsOf = memoizedList(K, s.fired, flagNames, (list) => {
    const flags = json(list.filter((f) => f !== null));
    return [Buffer.concat([PART.noEscalate, flags, PART.base]), Buffer.concat([PART.escalate, flags, PART.base])];
  });
  const reasonsOf = reasonList(s.reasons, s.signals, json);
  const layerKeys = card.layers.map((l, i) => bytes(`${i > 0 ? ',' : ''}${JSON.stringify(l.name)}:`));
  const layers = card.layers.map((l) => s.layers[l.name]!);
  const L = layers.length;
  const layerRoom = layerKeys.reduce((sum, key) => sum + key.length + 32, ACCOUNT_ROOM);
  // `{"feature":...,"label":...,"value":` of each signal a reason can name, the first and the next.
  const detailHead = s.signals.map((f) =>
    bytes(`{"feature":${JSON.stringify(f)},"label":${JSON.stringify(featureLabel(f))},"value":`),
  );
  const nextDetailHead = detailHead.map((head) => Buffer.concat([bytes(','), head]));
  const detailValues = s.signals.map((f) => columns[f]);
  const names = columns['account_name'] as readonly (string | null)[] | undefined;
  const segment = columns['segment'] as readonly SignalValue[];
  const warnings = new Map<string, Buffer>();
  const warningsOf = (seg: string) =>
    remembered(warnings, seg, () => bytes(JSON.stringify([unknownSegmentWarning(card, seg)])));
  // `,"as_of":"<date>","status":...,"coverage":` as one part per date (a batch has one or a few)
  const dates = new Map<string, Buffer[]>();
  const dateOf = (d: string) =>
    remembered(dates, d, () => {
      const date = bytes(`,"as_of":${JSON.stringify(d)}`);
      return [Buffer.concat([date, PART.insufficient]), Buffer.concat([date, PART.scored])];
    });
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
  for (let i = 0; i < n; i++) {
    const ok = scored[i] === 1;
    let buf = out.room(ACCOUNT_ROOM);
    let at = put(buf, out.at, i > 0 ? PART.next : PART.first);
    // text that is long or not plain ASCII is written by JSON.stringify, through Pieces.text
    const id = req.ids[i]!;
    const idEnd = id.length <= SHORT_TEXT ? writeAsciiString(buf, at, id) : -1;
    if (idEnd >= 0) at = put(buf, idEnd, PART.name);
    else {
      out.advance(at);
      out.text(`${JSON.stringify(id)},"account_name":`);
      buf = out.room(ACCOUNT_ROOM);
      at = out.at;
    }
    const name = names?.[i] ?? null;
    const nameEnd =
      name === null ? writeNull(buf, at) : name.length <= SHORT_TEXT ? writeAsciiString(buf, at, name) : -1;
    if (nameEnd >= 0) at = nameEnd;
    else {
      out.advance(at);
      out.text(JSON.stringify(name));
      buf = out.room(ACCOUNT_ROOM);
      at = out.at;
    }
    at = put(buf, at, dateOf(req.asOf[i]!)[ok ? 1 : 0]!);
    at = putNumber(buf, at, share(s.coverage[i]!));
    const missing = missingOf(i);
    out.advance(at);
    buf = out.room(missing.length + ACCOUNT_ROOM);
    at = out.at;
    at = put(buf, at, PART.missing);
    at = put(buf, at, missing);
    at = put(buf, at, s.unknown_segment[i] ? PART.warnings : PART.noWarnings);
    if (s.unknown_segment[i]) {
      const list = warningsOf(segment[i] as string);
      out.advance(at);
      buf = out.room(list.length + ACCOUNT_ROOM);
      at = out.at;
      at = put(buf, at, list);
    }
    if (ok) {
      at = put(buf, at, PART.score);
      at = putNumber(buf, at, one(s.score[i]!));
      at = put(buf, at, PART.band[s.band[i]!]!);
      at = putNumber(buf, at, four(s.probability[i]!));
      at = put(buf, at, PART.layers);
    } else at = put(buf, at, PART.noScore);
    out.advance(at);
    buf = out.room(layerRoom);
    at = out.at;
    for (let l = 0; l < L; l++) {
      at = put(buf, at, layerKeys[l]!);
      const v = layers[l]![i]!;
      at = Number.isNaN(v) ? writeNull(buf, at) : putNumber(buf, at, one(v));
    }
    const fired = overridesOf(i);
    const reasons = reasonsOf(i);
    out.advance(at);
    buf = out.room(fired.length + reasons.length + ACCOUNT_ROOM);
    at = out.at;
    at = put(buf, at, PART.overrides);
    at = put(buf, at, fired);
    at = put(buf, at, PART.reasons);
    at = put(buf, at, reasons);
    at = put(buf, at, PART.details);
    for (let r = 0; r < MAX_REASONS; r++) {
      const j = s.reasons[i * MAX_REASONS + r]!;
      if (j < 0) break;
      out.advance(at);
      buf = out.room(DETAIL_ROOM);
      at = put(buf, out.at, r > 0 ? nextDetailHead[j]! : detailHead[j]!);
      const raw = detailValues[j]?.[i] ?? null;
      const value = typeof raw === 'number' && Number.isNaN(raw) ? null : raw;
      const end = writeValueAt(buf, at, value);
      if (end >= 0) at = put(buf, end, PART.text);
      else {
        out.advance(at);
        out.text(`${JSON.stringify(value)},"text":"`);
        buf = out.room(DETAIL_ROOM);
        at = out.at;
      }
      const sentenceEnd = writeDescription(buf, at, s.signals[j]!, value, true);
      if (sentenceEnd >= 0) {
        buf[sentenceEnd] = 0x22; // "
        buf[sentenceEnd + 1] = 0x7d; // }
        at = sentenceEnd + 2;
      } else {
        out.advance(at);
        out.text(`${JSON.stringify(describeValue(s.signals[j]!, value)).slice(1)}}`);
        buf = out.room(ACCOUNT_ROOM);
        at = out.at;
      }
    }
    const flags = flagsOf(i)[s.escalate[i] ? 1 : 0]!;
    out.advance(at);
    buf = out.room(flags.length + ACCOUNT_ROOM);
    at = out.at;
    at = put(buf, at, flags);
    at = putNumber(buf, at, one(s.base_score[i]!));
    if (model && ok) {
      at = put(buf, at, PART.modelProbability);
      at = putNumber(buf, at, four(model.probability[i]!));
      at = put(buf, at, PART.modelReasons);
      out.advance(at);
      out.text(modelReasons(model.reasons[i]!));
      buf = out.room(ACCOUNT_ROOM);
      at = out.at;
      at = put(buf, at, PART.tail);
    } else at = put(buf, at, PART.noModelTail);
    if (expansion) {
      const p = ok ? expansion[i] : null;
      at = put(buf, at, PART.expansion);
      at = p === null || p === undefined ? writeNull(buf, at) : putNumber(buf, at, four(p));
    }
    buf[at] = 0x7d; // }
    out.advance(at + 1);
  }
  out.text(']}');
  return out;
}
