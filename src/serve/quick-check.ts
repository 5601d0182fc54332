/**
 * A quick check of the two batch bodies, run before Fastify's Ajv validator: it accepts a body
 * only when Ajv would, and anything it is unsure of (a string longer in UTF-16 units than its
 * limit, a key it does not know, a wrong type) goes on to Ajv, which then accepts it or says what
 * is wrong in its own words. For 10,000 accounts Ajv costs 10-18 ms (a generated function per
 * property and a date format check per as_of); this is one loop with a check per known key,
 * made from the same schemas (schemas.ts), so the two cannot drift apart: a keyword it does not
 * know makes it refuse to build. Its rules (Rule, one per property) are also what the byte readers
 * (batch-bytes.ts, columns.ts) and the Arrow reader (arrow.ts) check values against.
 */
import type { FastifyInstance, FastifySchemaCompiler } from 'fastify';
import { batchRequestSchema, columnsRequestSchema, scoreRequestSchema } from './schemas.js';

type Check = (value: unknown) => boolean;

/** The keywords a property's schema may use; anything else is a schema this check cannot follow. */
const KEYWORDS = new Set(['type', 'minimum', 'maximum', 'minLength', 'maxLength', 'format', 'description']);

/** ajv-formats' full `date`: YYYY-MM-DD on the calendar (no 2023-02-29). */
const DATE = /^(\d\d\d\d)-(\d\d)-(\d\d)$/;
const DAYS = [0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function isDate(text: string): boolean {
  const m = DATE.exec(text);
  if (!m) return false;
  const year = +m[1]!;
  const month = +m[2]!;
  const day = +m[3]!;
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  return month >= 1 && month <= 12 && day >= 1 && day <= (month === 2 && leap ? 29 : DAYS[month]!);
}

/** Characters as Ajv counts them for minLength and maxLength: a surrogate pair is one. */
function codePoints(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    n++;
    const c = text.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) i++;
  }
  return n;
}

/** What one property's schema asks of a value: its types, bounds, lengths, the date format. */
export interface Rule {
  number: boolean;
  integer: boolean;
  string: boolean;
  boolean: boolean;
  null: boolean;
  min: number;
  max: number;
  minLength: number;
  maxLength: number;
  date: boolean;
  /** Dates seen and whether they are on the calendar (a batch has few). */
  dates: Map<string, boolean>;
}

function ruleOf(name: string, schema: Record<string, unknown>): Rule {
  for (const keyword of Object.keys(schema))
    if (!KEYWORDS.has(keyword)) throw new Error(`quick check: ${name} uses ${keyword}, which it does not check`);
  if (schema['format'] !== undefined && schema['format'] !== 'date')
    throw new Error(`quick check: ${name} has format ${String(schema['format'])}, which it does not check`);
  const types = new Set(Array.isArray(schema['type']) ? (schema['type'] as string[]) : [schema['type'] as string]);
  return {
    number: types.has('number') || types.has('integer'),
    integer: types.has('integer'),
    string: types.has('string'),
    boolean: types.has('boolean'),
    null: types.has('null'),
    min: (schema['minimum'] as number | undefined) ?? Number.NEGATIVE_INFINITY,
    max: (schema['maximum'] as number | undefined) ?? Number.POSITIVE_INFINITY,
    minLength: (schema['minLength'] as number | undefined) ?? 0,
    maxLength: (schema['maxLength'] as number | undefined) ?? Number.POSITIVE_INFINITY,
    date: schema['format'] === 'date',
    dates: new Map(),
  };
}

/** Whether a number meets the rule: its own function, small enough to inline, so a caller's double is passed as it is. */
export function numberMeets(rule: Rule, v: number): boolean {
  return rule.number && withinRule(rule.integer, rule.min, rule.max, v);
}

/**
 * numberMeets for a rule that takes numbers, given its fields: a loop over a column reads them
 * once (locals) where numberMeets would read them off the rule for every value.
 */
export function withinRule(integer: boolean, min: number, max: number, v: number): boolean {
  return (integer ? Number.isInteger(v) : Number.isFinite(v)) && v >= min && v <= max;
}

/** Whether the value meets the rule; false also when unsure (Ajv then decides). One function for every rule, so V8 keeps it monomorphic. */
export function meets(rule: Rule, v: unknown): boolean {
  switch (typeof v) {
    case 'number':
      return numberMeets(rule, v);
    case 'string': {
      // UTF-16 units are never fewer than characters, nor more than twice as many
      if (!rule.string || v.length > rule.maxLength) return false;
      if (v.length < 2 * rule.minLength && codePoints(v) < rule.minLength) return false;
      if (!rule.date) return true;
      let ok = rule.dates.get(v);
      if (ok === undefined) {
        ok = isDate(v);
        if (rule.dates.size < 1000) rule.dates.set(v, ok);
      }
      return ok;
    }
    case 'boolean':
      return rule.boolean;
    case 'object':
      return v === null && rule.null;
    default:
      return false;
  }
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Keys to what they ask, without a prototype: a key lookup in it is cheaper than in a Map. */
function lookup<T>(entries: Iterable<[string, T]>): Record<string, T | undefined> {
  const table: Record<string, T | undefined> = Object.create(null);
  for (const [key, value] of entries) table[key] = value;
  return table;
}

/**
 * An object with only these keys, the required ones present, each value passing `passes` with
 * its key's entry (a rule for an account's properties: one function for all of them keeps V8's
 * call monomorphic, where a closure per key made the check three times slower).
 */
function objectCheck<T>(
  entries: Record<string, T | undefined>,
  required: readonly string[],
  passes: (entry: T, value: unknown) => boolean,
): Check {
  return (v) => {
    if (!isPlainObject(v)) return false;
    for (const key of required) if (v[key] === undefined) return false;
    for (const key in v) {
      const entry = entries[key];
      if (entry === undefined || !passes(entry, v[key])) return false;
    }
    return true;
  };
}

const runs = (check: Check, value: unknown) => check(value);

const accountRules = Object.entries(scoreRequestSchema.properties).map(([name, schema]): [string, Rule] => [
  name,
  ruleOf(name, schema),
]);
const ruleByName = new Map(accountRules);

/** An array of at most `maxItems` values, each passing `item`. */
function arrayCheck(maxItems: number, item: Check): Check {
  return (v) => {
    if (!Array.isArray(v) || v.length > maxItems) return false;
    for (let i = 0; i < v.length; i++) if (!item(v[i])) return false;
    return true;
  };
}

function valuesCheck(maxItems: number, rule: Rule): Check {
  return (v) => {
    if (!Array.isArray(v) || v.length > maxItems) return false;
    for (let i = 0; i < v.length; i++) if (!meets(rule, v[i])) return false;
    return true;
  };
}

/** What an account's property asks of its value (ScoreRequest), by name; undefined for a name it does not have. */
export function accountRule(name: string): Rule | undefined {
  return ruleByName.get(name);
}

/**
 * The number columns (the features, the signals that are not text: numbers, integers, booleans)
 * and their rules: the readers hold these as doubles (NaN = missing), not as JSON values.
 */
export const NUMBER_RULES: ReadonlyMap<string, Rule> = new Map(
  accountRules.filter(([, rule]) => (rule.number || rule.boolean) && !rule.string),
);

/** What a batch's own as_of asks (BatchRequest). */
export const asOfRule = ruleOf('as_of', batchRequestSchema.properties.as_of);
const asOf: Check = (v) => meets(asOfRule, v);

/** `{as_of?, accounts: [account, ...]}` (BatchRequest). */
export const quickBatchCheck: Check = objectCheck(
  lookup<Check>([
    ['as_of', asOf],
    [
      'accounts',
      arrayCheck(
        batchRequestSchema.properties.accounts.maxItems,
        objectCheck(lookup(accountRules), scoreRequestSchema.required, meets),
      ),
    ],
  ]),
  batchRequestSchema.required,
  runs,
);

const columns = columnsRequestSchema.properties.columns;

/** `{as_of?, columns: {name: [value, ...], ...}}` (ColumnsRequest). */
export const quickColumnsCheck: Check = objectCheck(
  lookup<Check>([
    ['as_of', asOf],
    [
      'columns',
      objectCheck(
        lookup(
          Object.entries(columns.properties).map(([name, schema]): [string, Check] => [
            name,
            valuesCheck(schema.maxItems, ruleByName.get(name)!),
          ]),
        ),
        columns.required,
        runs,
      ),
    ],
  ]),
  columnsRequestSchema.required,
  runs,
);

/**
 * A route's validator compiler: Fastify's own (Ajv) for every part, with `quick` tried first on
 * the body. Ajv runs when the quick check does not accept, so a refusal reads as before.
 */
export function quickFirst(app: FastifyInstance, quick: Check): FastifySchemaCompiler<unknown> {
  return (route) => {
    const compile = app.validatorCompiler;
    if (!compile) throw new Error('quick check: Fastify has no validator compiler yet');
    const slow = compile(route);
    if (route.httpPart !== 'body') return slow;
    const validate: ReturnType<FastifySchemaCompiler<unknown>> = (data: unknown) => {
      if (quick(data)) return true;
      const verdict = slow(data);
      validate.errors = slow.errors ?? null;
      return verdict;
    };
    return validate;
  };
}
