/**
 * The answer's JSON writers (json-text.ts) against JSON.stringify: the same bytes for every kind of
 * value an answer column holds, edges first, then many random numbers of every shape.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { significant } from '../../src/catalogue/index.js';
import { Pieces } from '../../src/serve/pieces.js';
import {
  booleansJson,
  choicesJson,
  listsJson,
  numbersJson,
  pickedValuesJson,
  textJson,
  valuesJson,
  writeNumber,
} from '../../src/serve/json-text.js';
import { Rng } from '../../src/util/rng.js';

/** What a writer puts between a column's brackets, as text. */
function written<T>(values: readonly T[], write: (out: Pieces, n: number, at: (i: number) => T) => void): string {
  const out = new Pieces();
  write(out, values.length, (i) => values[i]!);
  const text = Buffer.concat(out.pieces).toString('utf8');
  out.release();
  return `[${text}]`;
}

const EDGE_NUMBERS = [
  0,
  -0,
  1,
  -1,
  Number.NaN,
  Number.POSITIVE_INFINITY,
  Number.NEGATIVE_INFINITY,
  0.1,
  0.2 + 0.1,
  1e-6,
  -1e-6,
  1.5e-6,
  1e-7,
  5e-7,
  -4e-7,
  5e-324,
  -5e-324,
  Number.MIN_VALUE,
  Number.MAX_VALUE,
  1e21,
  1e20 + 0.5,
  123456789.123456,
  999999999.999999,
  999999999.9999995,
  1e9,
  -1e9,
  1e9 - 1e-6,
  2 ** 53,
  2 ** 31,
  0.000123,
  0.1235,
  0.99995,
  43.9,
  100,
  33.3,
  -9.95,
  1e300,
  -1e300,
  0.333333,
  1 / 3,
  2 / 3,
  0.000001,
  0.0000015,
  12345.678901,
  1.0000005,
];

test('numbers are written as JSON.stringify writes them: edges', () => {
  assert.equal(written(EDGE_NUMBERS, numbersJson), JSON.stringify(EDGE_NUMBERS));
  for (const v of EDGE_NUMBERS) assert.equal(written([v], numbersJson), JSON.stringify([v]), String(v));
});

test('numbers are written as JSON.stringify writes them: random doubles, rounded and not, of every size', () => {
  const rng = new Rng(18);
  const values: number[] = [];
  for (let i = 0; i < 200_000; i++) {
    const scale = 10 ** (rng.int(24) - 12);
    const x = (rng.next() - 0.4) * scale;
    values.push(x, significant(x, 4), significant(x, 1 + rng.int(9)), Math.round(x * 1000) / 1000);
    values.push(Math.round(x * 1e6) / 1e6, Math.round(x), x / 7);
  }
  // written here or left to JSON.stringify, the text is the same
  let here = 0;
  const buf = Buffer.alloc(64);
  for (const v of values) if (writeNumber(buf, 0, v) >= 0) here++;
  assert.ok(here > values.length / 3, `only ${here} of ${values.length} written digit by digit`);
  assert.equal(written(values, numbersJson), JSON.stringify(values));
});

test('scores rounded to tenths are written as JSON.stringify writes them', () => {
  const values = [...EDGE_NUMBERS];
  for (let k = -2000; k <= 2000; k++) values.push(k / 10);
  values.push(2 ** 31 / 10, 2 ** 40 / 10, 0.05, 43.95);
  assert.equal(written(values, numbersJson), JSON.stringify(values));
});

test('text is written as JSON.stringify writes it: plain, escaped, non-ASCII, long, null', () => {
  const values = [
    'ACC-000001',
    '',
    ' ',
    '2024-06-30',
    'q"\\\t\u2028\ud83d',
    'Zoë "Q" \\ Ltd\n🚀',
    'ünïcödé ☃',
    '\u0000\u001f\u007f~',
    "/<>&'",
    null,
    'x'.repeat(256),
    'y'.repeat(257),
    `${'z'.repeat(300)}"`,
    'usage_trend_14d,nps_trend,seats',
  ];
  assert.equal(written(values, textJson), JSON.stringify(values));
  // many in a row cross chunks
  const many = Array.from({ length: 40_000 }, (_, i) => (i % 7 === 0 ? null : `ACC-${i}-${'w'.repeat(i % 90)}`));
  assert.equal(written(many, textJson), JSON.stringify(many));
});

test('booleans and values as a request gave them are written as JSON.stringify writes them', () => {
  const flags = [true, false, false, true];
  assert.equal(written(flags, booleansJson), JSON.stringify(flags));
  const values = [...EDGE_NUMBERS, 'smb', 'q"\\', null, undefined, true, false, 'ü', 'v'.repeat(400), 12, -0.45];
  assert.equal(written(values, valuesJson), JSON.stringify(values));
});

test('lists are written as JSON.stringify writes their names joined by commas: empty, one, many, escaped, non-ASCII', () => {
  const names = ['usage_trend_14d', 'seats', 'a"quote', 'back\\slash', 'é☃', '😀', 'tab\there', 'x'];
  const rng = new Rng(11);
  const width = names.length;
  const lists: number[][] = [[], [0], [0, 1, 2, 3, 4], [4, 3], [5, 6, 7]];
  for (let i = 0; i < 2_000; i++)
    lists.push(Array.from({ length: 3 }, () => (rng.bernoulli(0.4) ? -1 : rng.int(width))));
  const written = (rows: Uint8Array | Int16Array, flags: boolean, w: number) => {
    const out = new Pieces();
    listsJson(out, lists.length, names, { rows, width: w, flags });
    const text = Buffer.concat(out.pieces).toString('utf8');
    out.release();
    return `[${text}]`;
  };
  // as indices, three a row (-1 for none), in the order given
  const indices = new Int16Array(lists.length * 3).fill(-1);
  lists.forEach((list, i) => indices.set(list.slice(0, 3), i * 3));
  const asIndices = lists.map((list) =>
    list
      .slice(0, 3)
      .filter((j) => j >= 0)
      .map((j) => names[j]!)
      .join(','),
  );
  assert.equal(written(indices, false, 3), JSON.stringify(asIndices));
  // as flags, one per name, in the names' order
  const flags = new Uint8Array(lists.length * width);
  lists.forEach((list, i) => {
    for (const j of list) if (j >= 0) flags[i * width + j] = 1;
  });
  const asFlags = lists.map((list) => names.filter((_, j) => list.includes(j)).join(','));
  assert.equal(written(flags, true, width), JSON.stringify(asFlags));
});

test('names chosen by index are written as JSON.stringify writes them, null where none', () => {
  const names = ['RED', 'insufficient_data', 'a"quote', 'é☃', '😀', ''];
  const rng = new Rng(12);
  const picks = Array.from({ length: 3_000 }, () => rng.int(names.length + 1) - 1);
  const out = new Pieces();
  choicesJson(out, picks.length, names, (i) => picks[i]!);
  const text = Buffer.concat(out.pieces).toString('utf8');
  out.release();
  assert.equal(`[${text}]`, JSON.stringify(picks.map((j) => (j < 0 ? null : names[j]))));
});

test("values picked per row from columns (a reason's value) are written as JSON.stringify writes them", () => {
  const rng = new Rng(13);
  const n = 5_000;
  const doubles = Float64Array.from({ length: n }, (_, i) =>
    i % 7 === 0 ? Number.NaN : i % 11 === 0 ? -0 : (rng.next() - 0.3) * 10 ** rng.int(12),
  );
  const rounded = Float64Array.from({ length: n }, () => Math.round(rng.next() * 1e6) / 1000);
  const mixed: unknown[] = Array.from({ length: n }, (_, i) => [true, false, null, 'smb', 'é', 3.25, 'a"b'][i % 7]);
  const columns = [doubles, undefined, rounded, mixed];
  const picks = Array.from({ length: n }, () => rng.int(columns.length + 1) - 1);
  const out = new Pieces();
  pickedValuesJson(out, n, (i) => picks[i]!, columns);
  const text = Buffer.concat(out.pieces).toString('utf8');
  out.release();
  const expected = picks.map((j, i) => (j < 0 ? null : (columns[j]?.[i] ?? null)));
  assert.equal(`[${text}]`, JSON.stringify(expected));
});
