/**
 * Arrow IPC on `POST /v1/score/columns`: the same columns as the JSON route, as binary. A number
 * column arrives as 8 bytes a value instead of text to parse, and the answer leaves as Arrow
 * buffers instead of 5 MB of JSON text. What an Arrow body carries becomes the JSON route's
 * request object and goes through the same schema, the same checks and the same scorer, so the two
 * forms cannot disagree; the answer is the JSON route's columns, typed (docs/serving.md).
 * Decoding and encoding are @uwdata/flechette's (one package, no dependencies).
 */
import {
  Column,
  Type,
  batchType,
  bool,
  dictionary,
  float64,
  int32,
  tableFromColumns,
  tableFromIPC,
  tableToIPC,
  utf8,
  type DataType,
  type Table,
} from '@uwdata/flechette';
import { Worker } from 'node:worker_threads';
import { describeValue, writeDescription, type CatalogueValue } from '../catalogue/index.js';
import { HttpError } from './http-error.js';
import { Pieces } from './pieces.js';
import { withNumbers } from './columns.js';
import { MAX_COLUMNAR_ROWS } from './schemas.js';
import { NUMBER_RULES, withinRule, type Rule } from './quick-check.js';

/** The Arrow IPC stream format's media type (IANA): what a client sends and asks for. */
export const ARROW_STREAM = 'application/vnd.apache.arrow.stream';
/** The Arrow IPC file format (a stream with a footer) is read too. */
export const ARROW_FILE = 'application/vnd.apache.arrow.file';

const MS_PER_DAY = 86_400_000;

/**
 * What an Arrow body stands for: the JSON route's request object `{ as_of?, columns }` with the
 * text columns (and any column the API does not know, for its schema to name) as plain arrays,
 * and, beside it, the number columns as Float64Arrays (NaN where null), already checked here
 * against the schema's rules (quick-check.ts NUMBER_RULES) with the schema's 400 messages. The request's
 * `as_of` is the schema's metadata key `as_of`. Only the types the JSON route takes have a reading
 * (numbers, booleans, text, dates as days); anything else is a 400 naming the column.
 */
export function columnsRequestFromArrow(body: Uint8Array): ArrowColumnsRequest {
  let table: Table;
  try {
    table = tableFromIPC(body);
  } catch (err) {
    throw new HttpError(
      400,
      'malformed_arrow',
      `the body is not an uncompressed Arrow IPC stream or file (${(err as Error).message})`,
    );
  }
  // Row counts are read from the batch headers, not from the buffers: a damaged or hostile header
  // claiming billions of rows must be refused before any column is read into an array.
  for (const column of table.children) {
    if (!(column.length >= 0 && column.length <= MAX_COLUMNAR_ROWS))
      throw new HttpError(
        400,
        'too_many_rows',
        `the Arrow body has ${column.length} rows; /v1/score/columns takes up to ${MAX_COLUMNAR_ROWS} per call`,
      );
  }
  const columns: Record<string, unknown[]> = {};
  const numbers: Record<string, Float64Array<ArrayBuffer>> = {};
  for (const field of table.schema.fields) {
    const at = `/columns/${field.name}`;
    if (field.name === '__proto__' || Object.hasOwn(columns, field.name) || Object.hasOwn(numbers, field.name))
      throw new HttpError(400, 'bad_column_name', `columns.${field.name} comes twice or is not a column name`, at);
    try {
      const rule = NUMBER_RULES.get(field.name);
      const column = table.getChild(field.name);
      if (rule) numbers[field.name] = numberValues(field.name, rule, field.type, column);
      else columns[field.name] = plainValues(field.name, field.type, column);
    } catch (err) {
      if (err instanceof HttpError) throw err;
      // Batches are decoded as they are read: a damaged buffer shows here, not in tableFromIPC.
      throw new HttpError(
        400,
        'malformed_arrow',
        `columns.${field.name} could not be read: ${(err as Error).message}`,
        at,
      );
    }
  }
  const asOf = table.schema.metadata?.get('as_of');
  return { request: asOf === undefined ? { columns } : { as_of: asOf, columns }, numbers };
}

/** An Arrow body read: the JSON route's request object, and the number columns beside it. */
export interface ArrowColumnsRequest {
  request: { as_of?: string; columns: Record<string, unknown[]> };
  numbers: Record<string, Float64Array<ArrayBuffer>>;
}

interface ReadJob {
  body: Uint8Array;
  resolve: (request: ArrowColumnsRequest['request']) => void;
  reject: (err: HttpError) => void;
}

/**
 * Reads Arrow bodies on a worker thread, one at a time. The decoder trusts the lengths in an
 * Arrow message's headers: a damaged or hostile header can claim two billion entries and keep a
 * thread busy for minutes or fill its memory. On the worker, that costs the request a 400 after
 * `timeoutMs` (or when the worker's heap limit is hit), the worker is replaced, and the server's
 * event loop never stalls. A well-formed body of 10,000 rows takes a few milliseconds there.
 */
export class ArrowReader {
  #worker: Worker | null = null;
  #queue: ReadJob[] = [];
  #current: ReadJob | null = null;
  #timer: NodeJS.Timeout | null = null;
  #closed = false;

  constructor(
    private readonly timeoutMs = 5_000,
    private readonly heapMb = 512,
  ) {}

  read(body: Uint8Array): Promise<ArrowColumnsRequest['request']> {
    if (this.#closed) return Promise.reject(new HttpError(503, 'closing', 'the server is closing'));
    return new Promise((resolve, reject) => {
      this.#queue.push({ body, resolve, reject });
      this.#next();
    });
  }

  async close(): Promise<void> {
    this.#closed = true;
    for (const job of this.#queue.splice(0)) job.reject(new HttpError(503, 'closing', 'the server is closing'));
    const worker = this.#worker;
    this.#worker = null;
    if (worker) await worker.terminate();
  }

  #next(): void {
    if (this.#current || this.#queue.length === 0) return;
    const job = this.#queue.shift()!;
    this.#current = job;
    this.#timer = setTimeout(() => {
      this.#fail(`could not be read within ${this.timeoutMs / 1000} s: its headers are likely damaged`);
    }, this.timeoutMs);
    // A body that owns its whole memory is moved to the reader, not copied (nothing reads it after);
    // a small body's bytes may share Node's buffer pool with others, and are copied.
    const body = job.body;
    const owned =
      body.byteOffset === 0 && body.byteLength === body.buffer.byteLength && body.buffer instanceof ArrayBuffer;
    this.#spawn().postMessage(body, owned ? [body.buffer] : []);
  }

  #spawn(): Worker {
    if (this.#worker) return this.#worker;
    const worker = new Worker(new URL('./arrow-worker.js', import.meta.url), {
      resourceLimits: { maxOldGenerationSizeMb: this.heapMb },
    });
    worker.unref();
    worker.on('message', (m: { read?: ArrowColumnsRequest; error?: HttpError }) => {
      const job = this.#settle();
      if (!job) return;
      if (m.error) job.reject(new HttpError(m.error.statusCode, m.error.code, m.error.message, m.error.field));
      // the number columns skip the JSON schema (it checks arrays of JSON values): the reader checked them
      else job.resolve(withNumbers(m.read!.request, m.read!.numbers));
      this.#next();
    });
    // Out of memory (or any crash of the worker): the body it was reading is refused, a new one starts.
    worker.on('error', (err) => {
      if (this.#worker === worker) this.#fail(`could not be read: ${err.message}`);
    });
    worker.on('exit', () => {
      if (this.#worker === worker) this.#fail('could not be read: the reader stopped');
    });
    this.#worker = worker;
    return worker;
  }

  #settle(): ReadJob | null {
    if (this.#timer) clearTimeout(this.#timer);
    this.#timer = null;
    const job = this.#current;
    this.#current = null;
    return job;
  }

  #fail(why: string): void {
    const worker = this.#worker;
    this.#worker = null;
    void worker?.terminate();
    this.#settle()?.reject(new HttpError(400, 'malformed_arrow', `the Arrow body ${why}`));
    if (!this.#closed) this.#next();
  }
}

/** A column's values as JSON would give them: numbers, booleans, strings and nulls in a plain array. */
function plainValues(name: string, type: DataType, column: Column<unknown>): unknown[] {
  const refuse = (what: string) =>
    new HttpError(
      400,
      'unsupported_arrow_type',
      `columns.${name} is an Arrow ${what} column; send numbers as int or float, booleans as bool, text as utf8 and dates as date32 or YYYY-MM-DD text`,
      `/columns/${name}`,
    );
  switch (type.typeId) {
    case Type.Utf8:
      return utf8Values(column);
    case Type.Null:
    case Type.Int:
    case Type.Float:
    case Type.Decimal:
    case Type.Bool:
    case Type.LargeUtf8:
    case Type.Utf8View:
      return Array.from(column.toArray() as ArrayLike<unknown>);
    case Type.Dictionary:
      if (![Type.Utf8, Type.LargeUtf8, Type.Utf8View].includes(type.dictionary.typeId as 5)) throw refuse('dictionary');
      return Array.from(column.toArray() as ArrayLike<unknown>);
    case Type.Date:
      return Array.from(column.toArray() as ArrayLike<number | null>, (ms) => {
        if (ms === null) return null;
        if (ms % MS_PER_DAY !== 0) throw refuse('date64 with a time of day');
        return new Date(ms).toISOString().slice(0, 10);
      });
    case Type.Timestamp:
      throw refuse('timestamp');
    default:
      throw refuse(`type ${type.typeId}`);
  }
}

const UTF8_TEXT = new TextDecoder('utf-8');

/**
 * A utf8 column's strings, null where null: the strings flechette's decoder gives (TextDecoder,
 * a value at a time), without a TextDecoder call and a subarray per value where it can do without
 * (those were most of the time an Arrow request took to read: 30,000 of them for ids, dates and
 * segments). ASCII is cut from the bytes as latin1, one byte a character, as TextDecoder decodes
 * it; a value with the bytes of the row before (a date, a segment) is that row's string; anything
 * else goes through TextDecoder as before.
 */
function utf8Values(column: Column<unknown>): (string | null)[] {
  const out = new Array<string | null>(column.length);
  let row = 0;
  for (const batch of column.data) {
    const offsets = batch.offsets as Int32Array;
    const values = batch.values as Uint8Array;
    const bytes = Buffer.from(values.buffer, values.byteOffset, values.byteLength);
    const bits = batch.nullCount > 0 && batch.validity?.length ? batch.validity : null;
    let lastFrom = 0;
    let lastTo = -1;
    let last = '';
    for (let i = 0; i < batch.length; i++, row++) {
      if (bits && (bits[i >> 3]! & (1 << (i & 7))) === 0) {
        out[row] = null;
        continue;
      }
      const from = offsets[i]!;
      const to = offsets[i + 1]!;
      let same = to - from === lastTo - lastFrom;
      for (let k = 0; same && k < to - from; k++) same = bytes[from + k] === bytes[lastFrom + k];
      if (!same) {
        let high = 0;
        for (let k = from; k < to; k++) high |= bytes[k]!;
        last = high < 0x80 ? bytes.toString('latin1', from, to) : UTF8_TEXT.decode(values.subarray(from, to));
        lastFrom = from;
        lastTo = to;
      }
      out[row] = last;
    }
  }
  return out;
}

/**
 * A number column as doubles (NaN where null), each value checked as the JSON schema checks it:
 * its JSON type (a boolean column for a boolean signal, whole numbers for an integer one, finite
 * numbers otherwise) and its bounds, with the schema's message for the first value that fails.
 * Integer and float buffers are read directly; other types value by value.
 */
function numberValues(name: string, rule: Rule, type: DataType, column: Column<unknown>): Float64Array<ArrayBuffer> {
  const out = new Float64Array(column.length);
  const refuse = (row: number, what: string) =>
    new HttpError(400, 'invalid_request', `columns.${name}[${row}] must be ${what}`, `/columns/${name}/${row}`);
  const check = (v: unknown, row: number): number => {
    if (rule.boolean) {
      if (typeof v !== 'boolean') throw refuse(row, 'boolean or null');
      return v ? 1 : 0;
    }
    if (typeof v !== 'number' || !(rule.integer ? Number.isInteger(v) : Number.isFinite(v)))
      throw refuse(row, `${rule.integer ? 'integer' : 'number'} or null`);
    if (v < rule.min) throw refuse(row, `>= ${rule.min}`);
    if (v > rule.max) throw refuse(row, `<= ${rule.max}`);
    return v;
  };
  const readable = [Type.Null, Type.Int, Type.Float, Type.Decimal, Type.Bool].includes(type.typeId as 1);
  if (!readable) {
    // Text, dates and the rest: as JSON would give them, so the refusal reads the same.
    const values = plainValues(name, type, column);
    for (let i = 0; i < values.length; i++) out[i] = values[i] === null ? Number.NaN : check(values[i], i);
    return out;
  }
  const direct =
    (type.typeId === Type.Int && type.bitWidth <= 32) || (type.typeId === Type.Float && type.precision !== 0);
  // a number read from its buffer checked by withinRule (inlined), not through check() (a closure
  // call and a heap number per value); check() says why when one fails
  const plain = direct && !rule.boolean;
  const { integer, min, max } = rule;
  let row = 0;
  for (const batch of column.data) {
    const bits = batch.nullCount > 0 && batch.validity?.length ? batch.validity : null;
    const values = batch.values as ArrayLike<number>;
    for (let i = 0; i < batch.length; i++, row++) {
      if (bits && (bits[i >> 3]! & (1 << (i & 7))) === 0) out[row] = Number.NaN;
      else if (plain) {
        const v = values[i]!;
        out[row] = withinRule(integer, min, max, v) ? v : check(v, row);
      } else out[row] = check(direct ? values[i] : batch.at(i), row);
    }
  }
  return out;
}

/**
 * The answer's columns as an Arrow IPC stream. Types follow the names, so a column has the same
 * type whatever the rows hold: `escalate` bool; scores, probabilities, `layer_*`, `coverage` and
 * `score_change` float64; a reason's value float64 (booleans as 1 and 0, as score files write it)
 * unless a value is text (a model reading `segment`), then utf8; everything else utf8.
 */
export function arrowAnswer(columns: Record<string, readonly unknown[]>): Pieces {
  return arrowStream(Object.entries(columns).map(([name, values]) => [name, answerColumn(name, values)]));
}

/** One answer column, typed by its name (and, for a reason's value, by whether a value is text). */
export function answerColumn(name: string, values: readonly unknown[]): Column<unknown> {
  const kind = answerKind(name) ?? (values.some((v) => typeof v === 'string') ? 'text' : 'number');
  if (kind === 'bool') return boolColumn(values);
  if (kind === 'number') return floatColumn(values);
  const text = kind === 'dictionary' ? new DictionaryColumn(values.length) : new Utf8Column(values.length);
  for (const v of values) text.push(v === null || v === undefined ? null : typeof v === 'string' ? v : String(v));
  return text.finish();
}

/** Named columns as one Arrow IPC stream, in the pieces the encoder wrote (pieces.ts: small ones joined). */
export function arrowStream(columns: [string, Column<unknown>][]): Pieces {
  const bytes = new Pieces();
  tableToIPC(tableFromColumns(columns), { format: 'stream', sink: bytes });
  return bytes;
}

// Columns are built here, not by flechette's row-at-a-time builders: those encode each string on
// its own and took 300 ms for a 10,000-row answer; these take a few.

/** Arrow's validity bitmap (bit i set: row i has a value), or none when no row is null. */
function validity(n: number, nulls: number, isNull: (i: number) => boolean): Uint8Array {
  if (nulls === 0) return new Uint8Array(0);
  const bits = new Uint8Array((n + 7) >> 3);
  for (let i = 0; i < n; i++) if (!isNull(i)) bits[i >> 3]! |= 1 << (i & 7);
  return bits;
}

/** A float64 column of `data`'s values (kept as the column's buffer); NaN (which JSON writes as null) is null. */
export function float64Column(data: Float64Array): Column<unknown> {
  const n = data.length;
  let nulls = 0;
  for (let i = 0; i < n; i++) if (Number.isNaN(data[i]!)) nulls++;
  const type = float64();
  const bits = validity(n, nulls, (i) => Number.isNaN(data[i]!));
  return new Column([new (batchType(type))({ length: n, nullCount: nulls, type, validity: bits, values: data })]);
}

/** Numbers (booleans as 1 and 0); null, and NaN, are null. */
function floatColumn(values: readonly unknown[]): Column<unknown> {
  const data = new Float64Array(values.length);
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    data[i] = typeof v === 'number' ? v : typeof v === 'boolean' ? Number(v) : Number.NaN;
  }
  return float64Column(data);
}

/** A bool column of `n` values (none null). */
export function boolColumnOf(n: number, valueAt: (i: number) => boolean): Column<unknown> {
  const data = new Uint8Array((n + 7) >> 3);
  for (let i = 0; i < n; i++) if (valueAt(i)) data[i >> 3]! |= 1 << (i & 7);
  const type = bool();
  return new Column([
    new (batchType(type))({ length: n, nullCount: 0, type, validity: new Uint8Array(0), values: data }),
  ]);
}

function boolColumn(values: readonly unknown[]): Column<unknown> {
  const n = values.length;
  const isNull = (i: number) => values[i] === null || values[i] === undefined;
  let nulls = 0;
  for (let i = 0; i < n; i++) if (isNull(i)) nulls++;
  if (nulls === 0) return boolColumnOf(n, (i) => values[i] === true);
  const data = new Uint8Array((n + 7) >> 3);
  for (let i = 0; i < n; i++) if (values[i] === true) data[i >> 3]! |= 1 << (i & 7);
  const type = bool();
  const bits = validity(n, nulls, isNull);
  return new Column([new (batchType(type))({ length: n, nullCount: nulls, type, validity: bits, values: data })]);
}

const UTF8 = new TextEncoder();
/** Room kept free before a sentence is written in place (the catalogue's longest template, with its numbers, is under 200 bytes). */
const SENTENCE_ROOM = 512;
/** Up to this many UTF-16 units a value is copied in a JavaScript loop; longer ones (sentences) by TextEncoder, faster per character. */
const LOOP_UNITS = 16;

/**
 * A utf8 column written a value at a time into one growing buffer. A short ASCII value (ids, bands,
 * feature names) is copied a character at a time in JavaScript, cheaper than a call into the
 * encoder per value; a longer one (a sentence), or the rest of a short one from its first
 * character that is not ASCII, goes through TextEncoder.
 */
export class Utf8Column {
  // Plain (TypeScript-private) fields, not #fields: this is the answer's hottest loop, and it
  // measured faster so.
  private bytes: Uint8Array;
  private at = 0;
  private row = 0;
  private nulls = 0;
  private readonly offsets: Int32Array;
  private readonly isNull: Uint8Array;

  constructor(
    readonly n: number,
    bytesPerRow = 16,
  ) {
    this.bytes = new Uint8Array(Math.max(64, n * bytesPerRow));
    this.offsets = new Int32Array(n + 1);
    this.isNull = new Uint8Array(n);
  }

  push(value: string | null): void {
    if (value === null) {
      this.isNull[this.row] = 1;
      this.nulls++;
    } else if (value.length > 0) {
      const units = value.length;
      if (this.at + units * 3 > this.bytes.length) this.grow(units * 3);
      const bytes = this.bytes;
      let at = this.at;
      if (units > LOOP_UNITS) at += UTF8.encodeInto(value, bytes.subarray(at)).written;
      else
        for (let k = 0; k < units; k++) {
          const c = value.charCodeAt(k);
          if (c >= 0x80) {
            at += UTF8.encodeInto(k === 0 ? value : value.slice(k), bytes.subarray(at)).written;
            break;
          }
          bytes[at++] = c;
        }
      this.at = at;
    }
    this.offsets[++this.row] = this.at;
  }

  /**
   * describeValue(name, value)'s sentence, written from the catalogue's encoded template pieces
   * straight into the column's bytes (no string per sentence, no encoding call); a sentence the
   * catalogue does not write so goes in as a string.
   */
  pushSentence(name: string, value: CatalogueValue): void {
    if (this.at + SENTENCE_ROOM > this.bytes.length) this.grow(SENTENCE_ROOM);
    const end = writeDescription(this.bytes, this.at, name, value, false);
    if (end < 0) this.push(describeValue(name, value));
    else {
      this.at = end;
      this.offsets[++this.row] = end;
    }
  }

  private grow(need: number): void {
    const bigger = new Uint8Array(Math.max(this.bytes.length * 2, this.at + need));
    bigger.set(this.bytes.subarray(0, this.at));
    this.bytes = bigger;
  }

  finish(): Column<unknown> {
    if (this.row !== this.n) throw new Error(`a utf8 column of ${this.n} rows got ${this.row}`);
    const type = utf8();
    const isNull = this.isNull;
    const bits = validity(this.n, this.nulls, (i) => isNull[i] === 1);
    return new Column([
      new (batchType(type))({
        length: this.n,
        nullCount: this.nulls,
        type,
        validity: bits,
        offsets: this.offsets,
        values: this.bytes.subarray(0, this.at),
      }),
    ]);
  }
}

/**
 * A dictionary-encoded utf8 column: each distinct text once, and an int32 key per row. For the
 * answer's text columns with few distinct values (dates, bands, statuses, reason names, the lists
 * of missing columns and fired overrides): a fraction of the bytes of plain utf8 (a list of
 * thirteen missing columns is 250 bytes a row), and a categorical column to pandas.
 */
export class DictionaryColumn {
  readonly #keys: Int32Array;
  readonly #seen = new Map<string, number>();
  readonly #values: string[] = [];
  #row = 0;
  #nulls = 0;

  constructor(readonly n: number) {
    this.#keys = new Int32Array(n);
  }

  push(value: string | null): void {
    if (value === null) {
      this.#keys[this.#row++] = -1;
      this.#nulls++;
      return;
    }
    let key = this.#seen.get(value);
    if (key === undefined) {
      key = this.#values.length;
      this.#values.push(value);
      this.#seen.set(value, key);
    }
    this.#keys[this.#row++] = key;
  }

  finish(): Column<unknown> {
    if (this.#row !== this.n) throw new Error(`a dictionary column of ${this.n} rows got ${this.#row}`);
    const text = new Utf8Column(this.#values.length);
    for (const v of this.#values) text.push(v);
    const values = text.finish();
    const keys = this.#keys;
    const bits = validity(this.n, this.#nulls, (i) => keys[i]! < 0);
    // A null row's key is never read; 0 keeps every key inside the dictionary.
    if (this.#nulls > 0) for (let i = 0; i < this.n; i++) if (keys[i]! < 0) keys[i] = 0;
    const type = dictionary(values.type, int32());
    const batch = new (batchType(type))({ length: this.n, nullCount: this.#nulls, type, validity: bits, values: keys });
    batch.setDictionary(values);
    return new Column([batch]);
  }
}

/** The answer's text columns sent dictionary-encoded (few distinct values). */
const DICTIONARY_COLUMNS = new Set(['as_of', 'band', 'status', 'overrides', 'reasons', 'missing', 'warnings']);

const FLOAT_COLUMNS = new Set([
  'score',
  'probability',
  'base_score',
  'score_change',
  'coverage',
  'expansion_probability',
  'model_probability',
]);

/** A column's Arrow type by its name; null for a reason's value (float64, or utf8 when a value is text). */
export function answerKind(name: string): 'bool' | 'number' | 'text' | 'dictionary' | null {
  if (name === 'escalate') return 'bool';
  if (FLOAT_COLUMNS.has(name) || name.startsWith('layer_')) return 'number';
  if (/^(model_)?reason_\d+_value$/.test(name)) return null;
  if (DICTIONARY_COLUMNS.has(name) || /^(model_)?reason_\d+$/.test(name)) return 'dictionary';
  return 'text';
}

/** Whether a request's body is Arrow (its content type, without parameters). */
export function isArrowBody(contentType: string | undefined): boolean {
  const type = contentType?.split(';')[0]?.trim().toLowerCase();
  return type === ARROW_STREAM || type === ARROW_FILE;
}

/**
 * Whether the answer goes out as Arrow: when `Accept` names the Arrow stream, or when the body was
 * Arrow and `Accept` does not ask for JSON.
 */
export function wantsArrow(accept: string | undefined, contentType: string | undefined): boolean {
  const a = accept?.toLowerCase() ?? '';
  if (a.includes(ARROW_STREAM)) return true;
  if (a.includes('application/json')) return false;
  return isArrowBody(contentType);
}
