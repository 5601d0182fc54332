/**
 * From a catalogue entry and an account's value to the words a person reads, and the rounding
 * used wherever a number is shown to one (CSV files, HTTP answers, alerts, reports).
 */
import { CATALOGUE, type CatalogueEntry, type TemplateCase } from './entries.js';
import { groupDigits } from '../util/index.js';

export type CatalogueValue = number | boolean | string | null | undefined;

const BY_NAME: ReadonlyMap<string, CatalogueEntry> = new Map(CATALOGUE.map((e) => [e.name, e]));

/** The entry of a feature-table column, or undefined for a column churnkit does not define. */
export function catalogueEntry(name: string): CatalogueEntry | undefined {
  return BY_NAME.get(name);
}

/** The person-facing name of a column; a column outside the catalogue reads as its name with spaces. */
export function featureLabel(name: string): string {
  return BY_NAME.get(name)?.label ?? name.replace(/_/g, ' ');
}

function isMissingValue(v: CatalogueValue): v is null | undefined {
  return v === null || v === undefined || (typeof v === 'number' && Number.isNaN(v)) || v === '';
}

function asNumber(v: number | boolean | string): number {
  if (typeof v === 'number') return v;
  if (typeof v === 'boolean') return v ? 1 : 0;
  const t = v.trim().toLowerCase();
  if (t === 'true' || t === 'yes') return 1;
  if (t === 'false' || t === 'no') return 0;
  return Number(t);
}

/** The template case a value falls in (see TemplateCase). */
export function templateCase(entry: CatalogueEntry, value: CatalogueValue): TemplateCase {
  if (isMissingValue(value)) return 'missing';
  if (entry.kind === 'text') return 'value';
  const x = asNumber(value);
  if (Number.isNaN(x)) return 'value';
  switch (entry.kind) {
    case 'flag':
      return x !== 0 ? 'yes' : 'no';
    case 'change':
      if (x <= -1) return 'stopped';
      if (x >= 3) return 'most';
      if (Math.round(Math.abs(x) * 100) === 0) return 'flat';
      return x < 0 ? 'down' : 'up';
    case 'points_change':
      if (Math.round(Math.abs(x) * 10) === 0) return 'flat';
      return x < 0 ? 'down' : 'up';
    default:
      return 'value';
  }
}

const plural = (n: number, one: string, many: string) => `${groupDigits(n)} ${n === 1 ? one : many}`;

/** A value as written in a sentence or a table cell, without the sentence ("-35%", "12 days"). */
export function formatValue(name: string, value: CatalogueValue): string {
  if (isMissingValue(value)) return '–';
  const entry = BY_NAME.get(name);
  if (typeof value === 'string' && (!entry || entry.kind === 'text')) return value;
  const x = asNumber(value);
  if (Number.isNaN(x)) return String(value);
  switch (entry?.kind) {
    case 'change':
    case 'share':
      return `${Math.round(x * 100)}%`;
    case 'points_change':
      return `${x > 0 ? '+' : ''}${roundTo(x, 1)}`;
    case 'days':
      return plural(Math.round(x), 'day', 'days');
    case 'multiple':
      return `${roundTo(x, 1)}x`;
    case 'flag':
      return x !== 0 ? 'yes' : 'no';
    case 'money':
      return money(x);
    case 'count':
      return groupDigits(Math.round(x));
    default:
      return String(significant(x, 4));
  }
}

function money(x: number): string {
  return `$${groupDigits(Math.round(x))}`;
}

function roundTo(x: number, digits: number): number {
  const f = 10 ** digits;
  const r = Math.round(x * f) / f;
  return r === 0 ? 0 : r;
}

/**
 * One sentence about an account's value of a column: "Usage fell 35% over the last 14 days vs
 * the 14 before". A column outside the catalogue reads "name: value".
 */
export function describeValue(name: string, value: CatalogueValue): string {
  const entry = BY_NAME.get(name);
  if (!entry) return `${featureLabel(name)}: ${formatValue(name, value)}`;
  const which = templateCase(entry, value);
  const template = entry.templates[which] ?? entry.templates.value;
  if (template === undefined) return `${entry.label}: ${formatValue(name, value)}`;
  if (isMissingValue(value)) return template;
  const x = typeof value === 'string' && entry.kind === 'text' ? NaN : asNumber(value);
  const parts = templateParts(template);
  let text = parts[0]!;
  for (let k = 1; k < parts.length; k += 2) text += placeholder(parts[k]!, name, value, x) + parts[k + 1]!;
  return text;
}

const TEMPLATE_PARTS = new Map<string, string[]>();
/** A template split once into text and placeholder names, alternating: ["Usage fell ", "pct", " over ..."]. */
function templateParts(template: string): string[] {
  let parts = TEMPLATE_PARTS.get(template);
  if (parts === undefined) {
    parts = template.split(/\{(pct|days|points|times|money|value)\}/);
    TEMPLATE_PARTS.set(template, parts);
  }
  return parts;
}

function placeholder(key: string, name: string, value: CatalogueValue, x: number): string {
  switch (key) {
    case 'pct':
      return `${Math.round(Math.abs(x) * 100)}%`;
    case 'days':
      return plural(Math.round(x), 'day', 'days');
    case 'points':
      return String(roundTo(Math.abs(x), 1));
    case 'times':
      return String(roundTo(x, 1));
    case 'money':
      return money(x);
    default:
      return typeof value === 'string' ? value : formatValue(name, value);
  }
}

/** `x` to `digits` significant digits, as a number (0.012345 -> 0.01235 at 4). */
export function significant(x: number, digits: number): number {
  if (!Number.isFinite(x) || x === 0) return x;
  const quick = quickSignificant(x, digits);
  if (quick !== null) return quick;
  const r = Number(x.toPrecision(digits));
  return r === 0 ? 0 : r;
}

/** 10^k for k = 0..22, each exact in a double. */
const POWERS_OF_TEN = Array.from({ length: 23 }, (_, k) => Number(`1e${k}`));
/** How far from a rounding tie or a power of ten the scaled value must be to be rounded here. */
const TIE_MARGIN = 1e-6;

/**
 * significant(x, digits) without toPrecision's string (a string and a parse per probability and
 * coverage of an answer), for up to 6 digits and |x| below 10^digits: x scaled to a whole number
 * of digits (one rounding, far below TIE_MARGIN) rounded half up as toPrecision rounds, then
 * divided back: the double nearest to that decimal, which is what Number() of toPrecision's text
 * reads. Null near a tie or a power of ten, where the scaling's rounding could decide.
 */
function quickSignificant(x: number, digits: number): number | null {
  if (digits < 1 || digits > 6) return null;
  const a = Math.abs(x);
  const places = digits - 1 - Math.floor(Math.log10(a));
  if (!(places >= 0 && places <= 22)) return null;
  const scaled = a * POWERS_OF_TEN[places]!;
  const frac = scaled - Math.floor(scaled);
  if (
    !(scaled >= POWERS_OF_TEN[digits - 1]! + TIE_MARGIN && scaled < POWERS_OF_TEN[digits]! - TIE_MARGIN) ||
    Math.abs(frac - 0.5) < TIE_MARGIN
  )
    return null;
  const r = Math.round(scaled) / POWERS_OF_TEN[places]!;
  return x < 0 ? -r : r;
}

/** A 0-100 score as people read it: one decimal (43.886500000000005 -> 43.9). */
export function scoreForPeople(score: number): number {
  return roundTo(score, 1);
}

/** A probability as people read it: four significant digits (0.123456 -> 0.1235). */
export function probabilityForPeople(p: number): number {
  return significant(p, 4);
}

/**
 * A template's text pieces as UTF-8 bytes (as they are, and as inside a JSON string), the
 * placeholder names between them, and the most bytes a sentence of it can take when every
 * placeholder is written by writeDescription itself.
 */
interface EncodedTemplate {
  whole: { plain: Uint8Array; json: Uint8Array };
  plain: Uint8Array[];
  json: Uint8Array[];
  keys: string[];
  most: number;
}

const ENCODED = new Map<string, EncodedTemplate>();
const UTF8 = new TextEncoder();
/** Room for one placeholder's text (a grouped 32-bit integer with a sign and " days" fits). */
const PLACEHOLDER_BYTES = 24;

function encodedTemplate(template: string): EncodedTemplate {
  let t = ENCODED.get(template);
  if (t === undefined) {
    const parts = templateParts(template);
    const texts = parts.filter((_, k) => k % 2 === 0);
    const inJson = (s: string) => UTF8.encode(JSON.stringify(s).slice(1, -1));
    const json = texts.map(inJson);
    const keys = parts.filter((_, k) => k % 2 === 1);
    const whole = { plain: UTF8.encode(template), json: inJson(template) };
    t = {
      whole,
      plain: texts.map((s) => UTF8.encode(s)),
      json,
      keys,
      // JSON's escaped text is at least as long as the plain UTF-8
      most: Math.max(
        whole.json.length,
        json.reduce((sum, p) => sum + p.length, PLACEHOLDER_BYTES * keys.length),
      ),
    };
    ENCODED.set(template, t);
  }
  return t;
}

/**
 * describeValue's sentence written as UTF-8 into `out` from `at` (escaped as inside a JSON string
 * when `json`), without making it a string: a batch's answer has tens of thousands of sentences,
 * and each as a string was concatenated, flattened, then encoded. Returns the offset after it, or
 * -1 where it does not apply (a column outside the catalogue, a text value, less room than the
 * template may need, a placeholder's text that is long or would need escaping): the caller then
 * writes describeValue's string from `at` (what was written after `at` is garbage; nothing is
 * written past `out`'s end). The same bytes as describeValue's (test/catalogue).
 */
export function writeDescription(
  out: Uint8Array,
  at: number,
  name: string,
  value: CatalogueValue,
  json: boolean,
): number {
  const entry = BY_NAME.get(name);
  if (!entry || typeof value === 'string') return -1;
  const template = entry.templates[templateCase(entry, value)] ?? entry.templates.value;
  if (template === undefined) return -1;
  const t = encodedTemplate(template);
  if (at + t.most > out.length) return -1;
  if (isMissingValue(value)) return copy(out, at, json ? t.whole.json : t.whole.plain);
  const x = asNumber(value);
  const pieces = json ? t.json : t.plain;
  let p = copy(out, at, pieces[0]!);
  for (let k = 0; k < t.keys.length; k++) {
    p = writePlaceholder(out, p, t.keys[k]!, name, value, x);
    if (p < 0) return -1;
    p = copy(out, p, pieces[k + 1]!);
  }
  return p;
}

function copy(out: Uint8Array, at: number, bytes: Uint8Array): number {
  const n = bytes.length;
  // A loop beats set() for the few dozen bytes of a template piece.
  for (let k = 0; k < n; k++) out[at + k] = bytes[k]!;
  return at + n;
}

/** Below this, an integer is written digit by digit (larger ones, rare, go through placeholder()). */
const SMALL_INTEGER = 2 ** 31;

function writePlaceholder(out: Uint8Array, at: number, key: string, name: string, value: CatalogueValue, x: number) {
  if (key === 'pct' || key === 'days' || key === 'money') {
    const n = key === 'pct' ? Math.round(Math.abs(x) * 100) : Math.round(x);
    if (Math.abs(n) < SMALL_INTEGER && !Object.is(n, -0)) {
      if (key === 'money') out[at++] = 0x24; // $
      at = writeGrouped(out, at, n, key !== 'pct');
      if (key === 'pct')
        out[at++] = 0x25; // %
      else if (key === 'days') at = copy(out, at, n === 1 ? DAY : DAYS);
      return at;
    }
  }
  const text = placeholder(key, name, value, x);
  if (text.length > PLACEHOLDER_BYTES) return -1;
  for (let k = 0; k < text.length; k++) {
    const c = text.charCodeAt(k);
    // only what needs no escaping in JSON and is one byte in UTF-8
    if (c < 0x20 || c >= 0x7f || c === 0x22 || c === 0x5c) return -1;
    out[at++] = c;
  }
  return at;
}

const DAY = UTF8.encode(' day');
const DAYS = UTF8.encode(' days');

/** An integer's digits, with groupDigits' commas when `group`. */
function writeGrouped(out: Uint8Array, at: number, n: number, group: boolean): number {
  if (n < 0) {
    out[at++] = 0x2d; // -
    n = -n;
  }
  let digits = 1;
  for (let p = 10; p <= n; p *= 10) digits++;
  const end = at + digits + (group ? Math.floor((digits - 1) / 3) : 0);
  let pos = end;
  for (let k = 0; k < digits; k++) {
    if (group && k > 0 && k % 3 === 0) out[--pos] = 0x2c; // ,
    out[--pos] = 0x30 + (n % 10);
    n = Math.floor(n / 10);
  }
  return end;
}
