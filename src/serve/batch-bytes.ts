/**
 * `POST /v1/score/batch`'s body read from its bytes (json-bytes.ts) straight into the columns the
 * columnar kernel scores (batch-answer.ts AccountColumns): no 5 MB string, no object per account,
 * no boxed number per value. Parsed the usual way, a 10,000-account body is decoded, parsed into
 * 10,000 objects of a dozen or more keys, checked by the schema and copied into columns, and most of
 * the request's garbage collection is those objects.
 *
 * Each value is checked as the schema checks it (the quick check's rules, quick-check.ts, made from
 * the same schemas): its type, its bounds, its length, the date format, account_id present, no key
 * the schema does not know, at most MAX_BATCH accounts. Anything else (an unknown or repeated key,
 * an escape in a string, a value out of bounds, text that is not JSON) and the reader gives up, and
 * the body takes the usual path (JSON.parse, the schema), so every refusal reads as it did. A body it
 * read is one JSON.parse and the schema take, giving the same values (json-bytes.ts reads numbers
 * and strings as JSON.parse does).
 */
import { KeyTable, RepeatedTexts, readBytes, type JsonBytes } from './json-bytes.js';
import { accountRule, asOfRule, meets, numberMeets, type Rule } from './quick-check.js';
import { MAX_BATCH, scoreRequestSchema } from './schemas.js';
import { heldAsDoubles, type AccountColumns } from './batch-answer.js';
import type { SignalValue } from '../scorecard/index.js';

/** A batch read from its bytes: its accounts as columns, its own as_of, and the bytes (for a handler that needs the objects after all). */
export interface BatchColumns {
  accounts: AccountColumns;
  asOf: string | undefined;
  body: Buffer;
}

/** Batches read from bytes, by the request body object that stands for them (what the parser hands on). */
const READ = new WeakMap<object, BatchColumns>();

/**
 * The request body the route's validator and handler see for a batch read from its bytes: an
 * object standing for its columns (batchColumnsOf); null where the reader is unsure.
 */
export function batchBodyFromBytes(bytes: Buffer): object | null {
  const read = batchColumnsFromBytes(bytes);
  if (read === null) return null;
  const body = {};
  READ.set(body, read);
  return body;
}

/** The batch a body object stands for, when it was read from bytes. */
export function batchColumnsOf(body: object): BatchColumns | undefined {
  return READ.get(body);
}

const NAMES = Object.keys(scoreRequestSchema.properties);
const KEYS = new KeyTable(NAMES);
const RULES: Rule[] = NAMES.map((name) => accountRule(name)!);
const DOUBLES = NAMES.map((name) => heldAsDoubles(name));
const ID = NAMES.indexOf('account_id');
const NAME = NAMES.indexOf('account_name');
const AS_OF = NAMES.indexOf('as_of');
const TOP = new KeyTable(['as_of', 'accounts']);
/** Where `after` keeps an account's first key. */
const FIRST = NAMES.length;
/** `{"account_id":"x"}` and a comma: no account takes fewer bytes, so a body holds at most its length / 19. */
const SHORTEST_ACCOUNT = 19;

/** The batch body's accounts as columns, or null where the reader is unsure (the body then takes the usual path). */
export function batchColumnsFromBytes(body: Buffer): BatchColumns | null {
  return readBytes(body, (r: JsonBytes) => {
    let asOf: string | undefined;
    let accounts: AccountColumns | undefined;
    r.open(0x7b);
    while (r.more(0x7d)) {
      const key = r.key(TOP);
      if (key === 0 && asOf === undefined) {
        asOf = r.string();
        if (!meets(asOfRule, asOf)) r.unsure();
      } else if (key === 1 && accounts === undefined)
        accounts = readAccounts(r, Math.min(MAX_BATCH, Math.floor(body.length / SHORTEST_ACCOUNT) + 1));
      else r.unsure();
    }
    if (accounts === undefined || !r.atEnd()) r.unsure();
    return { accounts, asOf, body };
  });
}

/** The `accounts` array, at most `most` objects (more: unsure, so the schema names the limit). */
function readAccounts(r: JsonBytes, most: number): AccountColumns {
  const doubles = DOUBLES.map((d) => (d ? new Float64Array(most).fill(Number.NaN) : null));
  const raw: SignalValue[][] = NAMES.map(() => []);
  const ids: string[] = [];
  const asOf: (string | undefined)[] = [];
  const names: (string | null)[] = [];
  let named = false;
  // the account that last gave each key: a key given twice in one object is unsure (JSON.parse keeps the last)
  const given = new Int32Array(NAMES.length).fill(-1);
  // dates and segments repeat: each made into a string once (ids and names soon stop being looked up)
  const texts = NAMES.map(() => new RepeatedTexts());
  // the key that followed each key in the account before (after[FIRST]: its first key), compared
  // first: accounts from one client give their keys in one order
  const after = new Int32Array(NAMES.length + 1).fill(-1);
  let n = 0;
  r.open(0x5b);
  while (r.more(0x5d)) {
    if (n === most) r.unsure();
    let id: string | undefined;
    let date: string | undefined;
    let name: string | null = null;
    let previous = FIRST;
    r.open(0x7b);
    while (r.more(0x7d)) {
      const k = r.key(KEYS, after[previous]!);
      if (k < 0 || given[k] === n) r.unsure();
      given[k] = n;
      after[previous] = k;
      previous = k;
      const rule = RULES[k]!;
      if (r.null()) {
        if (!rule.null) r.unsure();
        continue;
      }
      const column = doubles[k];
      if (column) {
        // into the column, then checked there: a double returned from a call would be a heap object
        r.numberInto(column, n);
        if (!numberMeets(rule, column[n]!)) r.unsure();
        continue;
      }
      const c = r.peek();
      const v = c === 0x74 || c === 0x66 ? r.boolean() : texts[k]!.string(r);
      if (!meets(rule, v)) r.unsure();
      if (k === ID) id = v as string;
      else if (k === AS_OF) date = v as string;
      else if (k === NAME) {
        name = v as string;
        named = true;
      } else {
        const values = raw[k]!;
        while (values.length < n) values.push(null);
        values.push(v);
      }
    }
    if (id === undefined) r.unsure();
    ids.push(id);
    asOf.push(date);
    names.push(name);
    n++;
  }
  const columns: AccountColumns['columns'] = {};
  NAMES.forEach((column, k) => {
    if (k === ID || k === NAME || k === AS_OF) return;
    const values = doubles[k];
    if (values) columns[column] = n === most ? values : values.subarray(0, n);
    else {
      const sent = raw[k]!;
      while (sent.length < n) sent.push(null);
      columns[column] = sent;
    }
  });
  return { n, columns, ids, asOf, names: named ? names : null };
}
