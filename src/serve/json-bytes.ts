/**
 * A JSON reader over a request's bytes, for the batch routes: numbers go straight from their
 * digits into doubles, text only becomes a string where the caller asks for one, and keys are
 * matched against a table of the names the caller knows without a string per key. A 10,000-account
 * body read the usual way is decoded to a 1-2 MB string, parsed into a hundred thousand or more
 * boxed numbers and small strings, then copied into typed columns: most of that is garbage the
 * young generation then has to sweep.
 *
 * It reads only what it is sure of: a string with an escape, a byte order mark, a number JSON
 * does not allow, a byte out of place, anything the caller does not expect, and it gives up
 * (`readBytes` returns null), so that the caller takes the usual path (JSON.parse, then the
 * schema) and every refusal reads exactly as before. Whatever it does read, it reads as
 * JSON.parse would: the same doubles (-0, exponents, huge integers), the same strings.
 */

/** Thrown when the reader is unsure; caught by readBytes. One object: giving up costs no stack trace. */
const UNSURE = Object.freeze({ unsure: true });

/** Exact powers of ten: a double holds 10^k exactly up to k = 22. */
const POWERS = Array.from({ length: 23 }, (_, k) => 10 ** k);

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const COMMA = 0x2c;
const COLON = 0x3a;
const MINUS = 0x2d;
const PLUS = 0x2b;
const DOT = 0x2e;
const ZERO = 0x30;
const NINE = 0x39;

/**
 * Names the caller knows (an object's keys), matched against a key's bytes where they lie in the
 * body, in one pass and without making a string: a name is compared byte by byte up to the key's
 * closing quote, first the name the caller guesses, then those that begin with the key's first byte.
 */
export class KeyTable {
  /** Every name's UTF-8, one after the other, and where each begins and ends. */
  readonly #bytes: Buffer;
  readonly #from: Int32Array;
  readonly #to: Int32Array;
  readonly #ascii: Uint8Array;
  /** The names that begin with each byte, by index. */
  readonly #byFirst: (Int32Array | undefined)[] = new Array(256).fill(undefined);

  constructor(readonly names: readonly string[]) {
    const encoded = names.map((name) => Buffer.from(name, 'utf8'));
    this.#bytes = Buffer.concat(encoded);
    this.#from = new Int32Array(names.length);
    this.#to = new Int32Array(names.length);
    this.#ascii = Uint8Array.from(encoded, (bytes) => (bytes.every((b) => b < 0x80) ? 1 : 0));
    const byFirst: number[][] = [];
    let at = 0;
    encoded.forEach((bytes, index) => {
      this.#from[index] = at;
      at += bytes.length;
      this.#to[index] = at;
      if (bytes.length === 0) return;
      byFirst[bytes[0]!] ??= [];
      byFirst[bytes[0]!]!.push(index);
    });
    byFirst.forEach((list, byte) => {
      this.#byFirst[byte] = Int32Array.from(list);
    });
  }

  /** Where the closing quote is if name `index` is the key whose text begins at bytes[at], else -1. */
  match(index: number, bytes: Uint8Array, at: number): number {
    const own = this.#bytes;
    const to = this.#to[index]!;
    let i = at;
    for (let j = this.#from[index]!; j < to; j++, i++) if (bytes[i] !== own[j]) return -1;
    return bytes[i] === QUOTE ? i : -1;
  }

  /** The names that begin with `byte`. */
  startingWith(byte: number): Int32Array | undefined {
    return this.#byFirst[byte];
  }

  /** Whether name `index` is ASCII. */
  ascii(index: number): boolean {
    return this.#ascii[index] === 1;
  }
}

/**
 * A cursor over JSON text as bytes. Each read skips the whitespace before its value and throws
 * (for readBytes to catch) when the next value is not what it reads. Arrays and objects are read
 * with open() and more():
 *
 *     r.open(0x5b); // [
 *     while (r.more(0x5d)) r.numberInto(values, count++);
 */
export class JsonBytes {
  readonly bytes: Buffer;
  /** The next byte to read. */
  at = 0;
  /** Where the last string() or span() text began and ended (the bytes between its quotes). */
  from = 0;
  to = 0;
  /** Whether the last span() was ASCII (so one byte a character). */
  ascii = true;
  /** An array or object was just opened: its first more() reads no comma. */
  #first = false;

  constructor(bytes: Uint8Array) {
    this.bytes = Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  }

  /** Gives up: the caller's usual path reads the body instead. */
  unsure(): never {
    throw UNSURE;
  }

  /** The next byte after whitespace (not consumed), or -1 at the end. */
  peek(): number {
    const b = this.bytes;
    let i = this.at;
    // JSON's whitespace: space, tab, line feed, carriage return
    while (i < b.length) {
      const c = b[i]!;
      if (c !== 0x20 && c !== 0x0a && c !== 0x0d && c !== 0x09) break;
      i++;
    }
    this.at = i;
    return i < b.length ? b[i]! : -1;
  }

  /** Reads `byte` (after whitespace), or gives up. */
  expect(byte: number): void {
    if (this.peek() !== byte) this.unsure();
    this.at++;
  }

  /** Opens an array (0x5b) or an object (0x7b). */
  open(bracket: number): void {
    this.expect(bracket);
    this.#first = true;
  }

  /**
   * Whether another element follows in the array or object being read (its comma read), or it
   * closes with `close` (0x5d, 0x7d; read too).
   */
  more(close: number): boolean {
    const c = this.peek();
    const first = this.#first;
    this.#first = false;
    if (c === close) {
      this.at++;
      return false;
    }
    if (first) {
      if (c === -1) this.unsure();
      return true;
    }
    if (c !== COMMA) this.unsure();
    this.at++;
    return true;
  }

  /** Whether only whitespace is left. */
  atEnd(): boolean {
    return this.peek() === -1;
  }

  /** Reads `null` if it comes next (true), else reads nothing (false). */
  null(): boolean {
    if (this.peek() !== 0x6e) return false;
    this.#word(0x6e, 0x75, 0x6c, 0x6c);
    return true;
  }

  /** Reads true or false. */
  boolean(): boolean {
    const c = this.peek();
    if (c === 0x74) {
      this.#word(0x74, 0x72, 0x75, 0x65);
      return true;
    }
    if (c !== 0x66) this.unsure();
    this.#word(0x66, 0x61, 0x6c, 0x73);
    if (this.bytes[this.at] !== 0x65) this.unsure();
    this.at++;
    return false;
  }

  #word(a: number, b: number, c: number, d: number): void {
    const bytes = this.bytes;
    const i = this.at;
    if (bytes[i] !== a || bytes[i + 1] !== b || bytes[i + 2] !== c || bytes[i + 3] !== d) this.unsure();
    this.at = i + 4;
  }

  /**
   * Reads a number into out[index], the double JSON.parse gives: up to 15 significant digits and a
   * power of ten up to 22 either way, a product or quotient of two exact doubles (so rounded once,
   * correctly); longer numbers by Number() of their text, which rounds as JSON.parse does. Into a
   * typed array, not returned: a double returned from a call V8 does not inline is a new heap
   * object, 16 bytes of garbage a value.
   */
  numberInto(out: Float64Array, index: number): void {
    const bytes = this.bytes;
    const negative = this.peek() === MINUS;
    const from = negative ? this.at + 1 : this.at;
    let i = from;
    let mantissa = 0;
    let digits = 0;
    let c = bytes[i];
    if (c === ZERO) c = bytes[++i];
    else if (c !== undefined && c > ZERO && c <= NINE) {
      do {
        mantissa = mantissa * 10 + (c - ZERO);
        digits++;
        c = bytes[++i];
      } while (c !== undefined && c >= ZERO && c <= NINE);
    } else this.unsure();
    let exponent = 0;
    if (c === DOT) {
      c = bytes[++i];
      if (c === undefined || c < ZERO || c > NINE) this.unsure();
      do {
        mantissa = mantissa * 10 + (c - ZERO);
        // leading zeros of a fraction are not significant digits
        if (mantissa !== 0) digits++;
        exponent--;
        c = bytes[++i];
      } while (c !== undefined && c >= ZERO && c <= NINE);
    }
    if (c === 0x65 || c === 0x45) {
      c = bytes[++i];
      let sign = 1;
      if (c === MINUS || c === PLUS) {
        sign = c === MINUS ? -1 : 1;
        c = bytes[++i];
      }
      if (c === undefined || c < ZERO || c > NINE) this.unsure();
      let e = 0;
      do {
        // past any exponent a double has; the digits still count for where the number ends
        if (e < 100_000) e = e * 10 + (c - ZERO);
        c = bytes[++i];
      } while (c !== undefined && c >= ZERO && c <= NINE);
      exponent += sign * e;
    }
    this.at = i;
    let value: number;
    if (digits <= 15 && exponent >= -22 && exponent <= 22)
      value = exponent >= 0 ? mantissa * POWERS[exponent]! : mantissa / POWERS[-exponent]!;
    else value = Number(bytes.toString('latin1', from, i));
    out[index] = negative ? -value : value;
  }

  /**
   * Reads a string without escapes, leaving where its text lies in `from` and `to` (and whether it
   * is ASCII in `ascii`) for the caller to compare or copy, without making a string.
   */
  span(): void {
    this.expect(QUOTE);
    const bytes = this.bytes;
    let i = this.at;
    let high = 0;
    for (;;) {
      const c = bytes[i];
      if (c === QUOTE) break;
      // an escape, a control character JSON does not allow raw, or the end of the body
      if (c === undefined || c === BACKSLASH || c < 0x20) this.unsure();
      high |= c;
      i++;
    }
    this.from = this.at;
    this.to = i;
    this.ascii = high < 0x80;
    this.at = i + 1;
  }

  /** Reads a string without escapes as a string (UTF-8 decoded as the whole body would be). */
  string(): string {
    this.span();
    return this.text();
  }

  /** The last span() as a string. */
  text(): string {
    return this.ascii
      ? this.bytes.toString('latin1', this.from, this.to)
      : this.bytes.toString('utf8', this.from, this.to);
  }

  /**
   * Reads an object's key and its colon: its index in `keys`, -1 for a name not there. `guess` (a
   * name's index, or -1) is compared first: accounts from one client give their keys in one order.
   */
  key(keys: KeyTable, guess = -1): number {
    this.expect(QUOTE);
    const bytes = this.bytes;
    const at = this.at;
    let index = guess;
    let end = guess >= 0 ? keys.match(guess, bytes, at) : -1;
    if (end < 0 && at < bytes.length) {
      const same = keys.startingWith(bytes[at]!);
      if (same !== undefined)
        for (let k = 0; k < same.length && end < 0; k++) {
          index = same[k]!;
          end = keys.match(index, bytes, at);
        }
    }
    if (end >= 0) {
      this.from = at;
      this.to = end;
      this.ascii = keys.ascii(index);
      this.at = end + 1;
    } else {
      // no name of the table: read as any string (an escape gives up), then -1
      this.at = at - 1;
      this.span();
      index = -1;
    }
    this.expect(COLON);
    return index;
  }
}

/**
 * The texts of a column that repeats a few (dates, segments), each made into a string once and
 * found again by its bytes. A column with more than `most` distinct texts (ids, names) stops
 * looking at the first text past them: every text is then made anew, as string() makes it.
 */
export class RepeatedTexts {
  readonly #from: number[] = [];
  readonly #to: number[] = [];
  readonly #texts: string[] = [];
  #many = false;

  constructor(private readonly most = 8) {}

  /** Reads a string without escapes, as string() does; the same string as before for the same bytes. */
  string(r: JsonBytes): string {
    if (this.#many) return r.string();
    r.span();
    const bytes = r.bytes;
    const from = r.from;
    const length = r.to - from;
    for (let k = 0; k < this.#texts.length; k++) {
      const known = this.#from[k]!;
      if (this.#to[k]! - known !== length) continue;
      let i = 0;
      while (i < length && bytes[known + i] === bytes[from + i]) i++;
      if (i === length) return this.#texts[k]!;
    }
    const text = r.text();
    if (this.#texts.length === this.most) this.#many = true;
    else {
      this.#from.push(from);
      this.#to.push(r.to);
      this.#texts.push(text);
    }
    return text;
  }
}

/**
 * `read` on the body's bytes: its result, or null where the reader gave up (then the caller reads
 * the body the usual way). `read` must read the whole body (r.atEnd() checks nothing follows).
 */
export function readBytes<T>(body: Uint8Array, read: (r: JsonBytes) => T): T | null {
  try {
    return read(new JsonBytes(body));
  } catch (err) {
    if (err === UNSURE) return null;
    throw err;
  }
}
