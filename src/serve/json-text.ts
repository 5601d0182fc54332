/**
 * JSON text of answer values written straight into an answer's chunks (pieces.ts), byte for byte
 * what JSON.stringify writes, without a string per value or per slice of values: a 10,000-account
 * columnar answer has some 20 columns of short numbers and short ASCII text, and JSON.stringify of
 * them (and the garbage of its strings) was a third of the route's time. Whatever a writer here
 * cannot be sure of goes through JSON.stringify itself.
 */
import type { Pieces } from './pieces.js';

/** Room asked of the answer's chunk before a number, a boolean or null is written in place. */
const VALUE_ROOM = 32;
/** Text longer than this is written by JSON.stringify (the answer's ids, dates and lists are shorter). */
export const SHORT_TEXT = 256;
/** Decimal places of the grid writeNumber writes on (0.000001 is still plain in JSON, 1e-7 is not). */
const PLACES = 1e6;
/**
 * Magnitude below which writeNumber writes: numbers on the grid stay under 2^53 and the grid's step
 * is wider than a double's spacing here, so one grid point at most is a double's shortest text.
 */
const PLAIN_BELOW = 1e9;

/**
 * `v` as JSON.stringify writes it, from `at`; the end, or -1 when not written here. A finite number
 * with at most six decimals (below 1e9) is the double nearest to that decimal text, which is then
 * the shortest text that reads back as it, JSON's; -0 is "0", NaN and infinities null.
 */
export function writeNumber(buf: Buffer, at: number, v: number): number {
  if (!Number.isFinite(v)) return writeNull(buf, at);
  if (!(Math.abs(v) < PLAIN_BELOW)) return -1;
  let m = Math.round(v * PLACES);
  if (m / PLACES !== v) return -1;
  if (m < 0) {
    buf[at++] = 0x2d; // -
    m = -m;
  }
  // Below PLAIN_BELOW the whole part and the six decimals are int32s: `|0` and `%` on them are
  // integer operations, where the same on doubles is a floating-point division and, for `%`, a call
  // into C per digit.
  let whole = Math.floor(m / PLACES) | 0;
  let frac = (m - whole * PLACES) | 0;
  let digits = 1;
  for (let t = 10; t <= whole; t *= 10) digits++;
  for (let d = digits - 1; d >= 0; d--) {
    const q = (whole / 10) | 0;
    buf[at + d] = 0x30 + (whole - q * 10);
    whole = q;
  }
  at += digits;
  if (frac === 0) return at;
  buf[at++] = 0x2e; // .
  digits = 6;
  while (frac % 10 === 0) {
    frac = (frac / 10) | 0;
    digits--;
  }
  for (let d = digits - 1; d >= 0; d--) {
    const q = (frac / 10) | 0;
    buf[at + d] = 0x30 + (frac - q * 10);
    frac = q;
  }
  return at + digits;
}

export function writeNull(buf: Buffer, at: number): number {
  buf[at] = 0x6e; // n
  buf[at + 1] = 0x75; // u
  buf[at + 2] = 0x6c; // l
  buf[at + 3] = 0x6c; // l
  return at + 4;
}

/** `bytes` (a name's or a word's JSON text, a few bytes) copied into `buf` at `at`; the end. */
function putBytes(buf: Buffer, at: number, bytes: Uint8Array): number {
  for (let j = 0; j < bytes.length; j++) buf[at + j] = bytes[j]!;
  return at + bytes.length;
}

function writeBoolean(buf: Buffer, at: number, v: boolean): number {
  return putBytes(buf, at, v ? TRUE : FALSE);
}
const TRUE = Buffer.from('true');
const FALSE = Buffer.from('false');

/**
 * `s` as a JSON string from `at` (room for s.length + 2 bytes); the end, or -1 when `s` has a
 * character JSON escapes or that is not ASCII (JSON.stringify writes those).
 */
export function writeAsciiString(buf: Buffer, at: number, s: string): number {
  buf[at++] = 0x22; // "
  for (let j = 0; j < s.length; j++) {
    const c = s.charCodeAt(j);
    if (c < 0x20 || c === 0x22 || c === 0x5c || c > 0x7e) return -1;
    buf[at++] = c;
  }
  buf[at++] = 0x22;
  return at;
}

/** A column of numbers as JSON values, comma-separated (NaN as null). */
export function numbersJson(out: Pieces, n: number, at: (i: number) => number): void {
  for (let i = 0; i < n; i++) {
    const buf = out.room(VALUE_ROOM);
    let p = out.at;
    if (i > 0) buf[p++] = 0x2c; // ,
    const v = at(i);
    const end = writeNumber(buf, p, v);
    if (end >= 0) out.advance(end);
    else {
      out.advance(p);
      out.text(JSON.stringify(v));
    }
  }
}

/** A column of text (null where none) as JSON values, comma-separated. */
export function textJson(out: Pieces, n: number, at: (i: number) => string | null): void {
  for (let i = 0; i < n; i++) {
    const s = at(i);
    const buf = out.room(s === null || s.length > SHORT_TEXT ? VALUE_ROOM : s.length + 3);
    let p = out.at;
    if (i > 0) buf[p++] = 0x2c; // ,
    if (s === null) {
      out.advance(writeNull(buf, p));
      continue;
    }
    const end = s.length > SHORT_TEXT ? -1 : writeAsciiString(buf, p, s);
    if (end >= 0) out.advance(end);
    else {
      out.advance(p);
      out.text(JSON.stringify(s));
    }
  }
}

/** A column of booleans as JSON values, comma-separated. */
export function booleansJson(out: Pieces, n: number, at: (i: number) => boolean): void {
  for (let i = 0; i < n; i++) {
    const buf = out.room(VALUE_ROOM);
    let p = out.at;
    if (i > 0) buf[p++] = 0x2c; // ,
    out.advance(writeBoolean(buf, p, at(i)));
  }
}

/**
 * A column of values as a request gave them (numbers, text, booleans, null) as JSON values,
 * comma-separated; as JSON.stringify writes an array of them (undefined as null).
 */
export function valuesJson(out: Pieces, n: number, at: (i: number) => unknown): void {
  for (let i = 0; i < n; i++) writeValue(out, i, at(i));
}

/**
 * A column of values each picked from one of `columns` as a request gave them (a reason's value:
 * row i's is columns[index(i)][i]; null where index(i) is -1 or that column is absent), written as
 * valuesJson writes them. A double is read from its Float64Array and written here: returned from
 * a call, each would be a heap object.
 */
export function pickedValuesJson(
  out: Pieces,
  n: number,
  index: (i: number) => number,
  columns: readonly (ArrayLike<unknown> | undefined)[],
): void {
  for (let i = 0; i < n; i++) {
    const j = index(i);
    const column = j >= 0 ? columns[j] : undefined;
    if (!(column instanceof Float64Array)) {
      writeValue(out, i, column === undefined ? null : (column[i] ?? null));
      continue;
    }
    const buf = out.room(VALUE_ROOM);
    let p = out.at;
    if (i > 0) buf[p++] = 0x2c; // ,
    const v = column[i]!;
    const end = writeNumber(buf, p, v);
    if (end >= 0) out.advance(end);
    else {
      out.advance(p);
      out.text(JSON.stringify(v));
    }
  }
}

/**
 * A value's JSON text in place where it is short and plain: a number on writeNumber's grid, ASCII
 * text of up to SHORT_TEXT characters needing no escape, a boolean, null (undefined too). Returns
 * the end, or -1 when the caller writes JSON.stringify(v) instead. Room: SHORT_TEXT + 2 bytes.
 */
export function writeValueAt(buf: Buffer, at: number, v: unknown): number {
  if (typeof v === 'number') return writeNumber(buf, at, v);
  if (typeof v === 'string') return v.length <= SHORT_TEXT ? writeAsciiString(buf, at, v) : -1;
  if (typeof v === 'boolean') return writeBoolean(buf, at, v);
  if (v === null || v === undefined) return writeNull(buf, at);
  return -1;
}

/** Row i's value of a values column, after a comma from the second row on. */
function writeValue(out: Pieces, i: number, v: unknown): void {
  const buf = out.room(typeof v === 'string' && v.length <= SHORT_TEXT ? v.length + 3 : VALUE_ROOM);
  let p = out.at;
  if (i > 0) buf[p++] = 0x2c; // ,
  const end = writeValueAt(buf, p, v);
  if (end >= 0) out.advance(end);
  else {
    out.advance(p);
    out.text(JSON.stringify(v) ?? 'null');
  }
}

/**
 * A list column's rows, row-major n x width: with `flags`, a set entry k names names[k]; else each
 * entry is an index into the names, -1 for none.
 */
export interface ListRows {
  rows: Uint8Array | Int16Array;
  width: number;
  flags: boolean;
}

/**
 * A column of lists as JSON strings, comma-separated: row i's string is its names joined by
 * commas, written from each name's JSON bytes. JSON.stringify escapes character by character, so a
 * joined string's text is its names' texts joined: the bytes JSON.stringify writes, without a
 * string per row or per form.
 */
export function listsJson(out: Pieces, n: number, names: readonly string[], { rows, width, flags }: ListRows): void {
  const texts = names.map((name) => Buffer.from(JSON.stringify(name).slice(1, -1)));
  let longest = 0;
  for (const t of texts) longest = Math.max(longest, t.length);
  const room = width * (longest + 1) + 3;
  for (let i = 0; i < n; i++) {
    const buf = out.room(room);
    let p = out.at;
    if (i > 0) buf[p++] = 0x2c; // ,
    buf[p++] = 0x22; // "
    let first = true;
    for (let k = 0, at = i * width; k < width; k++, at++) {
      const entry = rows[at]!;
      const j = flags ? (entry ? k : -1) : entry;
      if (j < 0) continue;
      if (!first) buf[p++] = 0x2c; // ,
      first = false;
      p = putBytes(buf, p, texts[j]!);
    }
    buf[p++] = 0x22;
    out.advance(p);
  }
}

/**
 * A column of names as JSON values, comma-separated: row i's is names[index(i)], null where -1;
 * each name's JSON text made once and copied as bytes.
 */
export function choicesJson(out: Pieces, n: number, names: readonly string[], index: (i: number) => number): void {
  const texts = names.map((name) => Buffer.from(JSON.stringify(name)));
  let longest = 4; // null
  for (const t of texts) longest = Math.max(longest, t.length);
  for (let i = 0; i < n; i++) {
    const buf = out.room(longest + 1);
    let p = out.at;
    if (i > 0) buf[p++] = 0x2c; // ,
    const j = index(i);
    p = j < 0 ? writeNull(buf, p) : putBytes(buf, p, texts[j]!);
    out.advance(p);
  }
}
