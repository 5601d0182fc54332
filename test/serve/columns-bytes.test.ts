/**
 * A columnar body read from its bytes (columnsRequestFromBytes) against the usual path, JSON.parse:
 * the same columns to the last bit, or no reading at all (then the server parses the body as
 * before). Over HTTP, a body the reader takes and its twin that it leaves to JSON.parse get the same
 * answer, byte for byte, refusals included.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { columnTable, columnsRequestFromBytes, numbersBeside, type ColumnsRequest } from '../../src/serve/columns.js';
import { MAX_COLUMNAR_ROWS } from '../../src/serve/schemas.js';
import { NUMBER_RULES } from '../../src/serve/quick-check.js';
import { Rng } from '../../src/util/rng.js';
import { makeAccounts, toColumns } from './accounts.js';
import { post, startService, type Running } from './support.js';

const today = () => '2024-07-01';

/** What the scorer gets from the body read from bytes, and from JSON.parse. */
function bothWays(text: string): { fast: ReturnType<typeof columnTable>; parsed: ReturnType<typeof columnTable> } {
  const fast = columnsRequestFromBytes(Buffer.from(text));
  assert.ok(fast, `the reader gave up on ${text.slice(0, 200)}`);
  return {
    fast: columnTable(fast, today, numbersBeside(fast)),
    parsed: columnTable(JSON.parse(text) as ColumnsRequest, today),
  };
}

function sameColumns(text: string): void {
  const { fast, parsed } = bothWays(text);
  assert.equal(fast.n, parsed.n);
  assert.deepStrictEqual(fast.ids, parsed.ids);
  assert.deepStrictEqual(fast.asOf, parsed.asOf);
  // deepStrictEqual tells -0 from 0 and compares Float64Arrays value by value (NaN equal to NaN)
  assert.deepStrictEqual(fast.table.columns, parsed.table.columns);
}

/** Other texts of the same decimal (so of the same double): exponents, trailing zeros, the point moved. */
function respell(rng: Rng, v: number): string {
  const text = JSON.stringify(v);
  const m = /^(-?)(\d+)(?:\.(\d+))?$/.exec(text);
  if (!m) return text;
  const [, sign, whole, fraction = ''] = m;
  // the value is digits x 10^-fraction.length
  const digits = `${whole}${fraction}`.replace(/^0+(?=\d)/, '');
  switch (rng.int(5)) {
    case 0:
      return `${sign}${digits}e-${fraction.length}`;
    case 1:
      return `${text}${fraction ? '' : '.'}000`;
    case 2:
      return `${text}E+0`;
    case 3:
      return `${sign}0.${digits}e${digits.length - fraction.length}`;
    default:
      return text;
  }
}

/** A body's JSON with whitespace and number spellings that JSON.parse reads as the same values. */
function spelled(rng: Rng, body: { as_of?: string; columns: Record<string, unknown[]> }): string {
  const ws = () => [' ', '', '\n  ', '\t', '\r\n'][rng.int(5)]!;
  const value = (v: unknown) => (typeof v === 'number' && rng.bernoulli(0.5) ? respell(rng, v) : JSON.stringify(v));
  const columns = Object.entries(body.columns).map(
    ([name, values]) =>
      `${ws()}${JSON.stringify(name)}${ws()}:${ws()}[${values.map((v) => `${ws()}${value(v)}${ws()}`).join(',')}]`,
  );
  const top = [`"columns":{${columns.join(',')}${ws()}}`];
  if (body.as_of !== undefined) top.splice(rng.int(2), 0, `${ws()}"as_of"${ws()}:${ws()}${JSON.stringify(body.as_of)}`);
  return `${ws()}{${top.join(',')}}${ws()}`;
}

test('the respellings are the same numbers (so the next test compares like with like)', () => {
  const rng = new Rng(3);
  for (let i = 0; i < 20_000; i++) {
    // + 0: -0 is written "0", which is 0
    const v = Math.round((rng.next() - 0.5) * 10 ** rng.int(9)) / 10 ** rng.int(5) + 0;
    const text = respell(rng, v);
    assert.ok(Object.is(JSON.parse(text), v), `${text} is not ${v}`);
  }
});

test('generated batches, respelled: the same columns as JSON.parse gives, bit for bit', () => {
  const rng = new Rng(18);
  for (let round = 0; round < 40; round++) {
    const accounts = makeAccounts(rng.int(300), 100 + round, rng.bernoulli(0.5) ? '2024-06-30' : null);
    const body: { as_of?: string; columns: Record<string, unknown[]> } = { columns: toColumns(accounts) };
    if (rng.bernoulli(0.5)) body.as_of = '2024-05-31';
    if (accounts.length === 0) body.columns['account_id'] = [];
    sameColumns(spelled(rng, body));
  }
  // the benchmark's request as it sends it
  sameColumns(JSON.stringify({ columns: toColumns(makeAccounts(10_000, 202)) }));
});

test('awkward values: exponents, -0, 1e308, huge whole numbers, tiny ones, unicode ids, whitespace', () => {
  const text = `{ "columns" : {
    "account_id": ["ACC-1", "é", "😀", "日本語", "a b", ""],
    "account_name": ["Ünïcödé GmbH", null, "☃", "x", "", "y"],
    "nps_trend": [-0, 0, 1e308, -1.7976931348623157e308, 5e-324, 123456789012345678901234567890],
    "days_to_renewal": [1e2, -0, 100.000, 9007199254740993, -4E+1, 1e300],
    "license_utilization": [0.1e1, 1E-400, 2.2250738585072011e-308, 0.30000000000000004, 1.00000000000000011102230246251565404236316680908203125, null],
    "usage_trend_14d": [-1, 3, -1.0e0, 3e-0, 0.0000000000000000000001, null],
    "zero_usage_14d": [true, false, null, true, false, null],
    "segment": ["smb", null, "enterprise", "mid_market", "smb", "smb"],
    "as_of": ["2024-06-30", "2024-06-30", "2024-06-30", "2024-06-30", "2024-06-30", "2024-02-29"]
  } }`;
  sameColumns(text);
  const { fast } = bothWays(text);
  assert.ok(Object.is(fast.table.columns['nps_trend']![0], -0), '-0 stays -0');
  assert.deepEqual(fast.ids, ['ACC-1', 'é', '😀', '日本語', 'a b', '']);
});

test('a number column of every allowed value at random, 5,000 rows: the same doubles', () => {
  const rng = new Rng(77);
  const columns: Record<string, string[]> = { account_id: [] };
  for (let i = 0; i < 5_000; i++) columns['account_id']!.push(JSON.stringify(`A${i}`));
  for (const [name, rule] of NUMBER_RULES) {
    columns[name] = [];
    for (let i = 0; i < 5_000; i++) {
      let text: string;
      if (rng.bernoulli(0.1)) text = 'null';
      else if (rule.boolean) text = rng.bernoulli(0.5) ? 'true' : 'false';
      else {
        const lo = Number.isFinite(rule.min) ? rule.min : -1e6;
        const hi = Number.isFinite(rule.max) ? rule.max : 1e6;
        const v = lo + rng.next() * (hi - lo);
        text = respell(rng, rule.integer ? Math.round(v) : Number(v.toPrecision(1 + rng.int(17))));
      }
      columns[name]!.push(text);
    }
  }
  sameColumns(
    `{"columns":{${Object.entries(columns)
      .map(([k, vs]) => `"${k}":[${vs.join(',')}]`)
      .join(',')}}}`,
  );
});

/** Bodies the reader must leave to JSON.parse and the schema (so their refusals read as before). */
const LEFT_TO_JSON_PARSE: [string, string][] = [
  ['an escape in an id', '{"columns":{"account_id":["A\\u0042"]}}'],
  ['an escaped key', '{"columns":{"account\\u005fid":["A"]}}'],
  ['an unknown column', '{"columns":{"account_id":["A"],"bogus":[1]}}'],
  ['an unknown top-level key', '{"columns":{"account_id":["A"]},"extra":1}'],
  ['a column twice', '{"columns":{"account_id":["A"],"seats":[1],"seats":[2]}}'],
  ['columns twice', '{"columns":{"account_id":["A"]},"columns":{"account_id":["B"]}}'],
  ['as_of twice', '{"as_of":"2024-01-31","as_of":"2024-02-29","columns":{"account_id":["A"]}}'],
  ['as_of not text', '{"as_of":20240131,"columns":{"account_id":["A"]}}'],
  ['text in a number column', '{"columns":{"account_id":["A","B"],"seats":[3,"ten"]}}'],
  ['a boolean in a number column', '{"columns":{"account_id":["A"],"seats":[true]}}'],
  ['a number in a boolean column', '{"columns":{"account_id":["A"],"zero_usage_14d":[1]}}'],
  ['a fraction in an integer column', '{"columns":{"account_id":["A"],"seats":[1.5]}}'],
  ['below the minimum', '{"columns":{"account_id":["A"],"seats":[-1]}}'],
  ['above the maximum', '{"columns":{"account_id":["A"],"usage_trend_14d":[3.0000001]}}'],
  ['1e400 (Infinity)', '{"columns":{"account_id":["A"],"nps_trend":[1e400]}}'],
  ['a number where text goes', '{"columns":{"account_id":[1]}}'],
  ['a column that is no array', '{"columns":{"account_id":["A"],"seats":3}}'],
  ['nested junk', '{"columns":{"account_id":["A"],"seats":[[1]]}}'],
  ['an object in a text column', '{"columns":{"account_id":[{"a":1}]}}'],
  ['columns of different lengths', '{"columns":{"account_id":["A","B"],"usage_trend_14d":[0.1]}}'],
  ['a longer number column', '{"columns":{"account_id":["A"],"usage_trend_14d":[0.1,0.2]}}'],
  ['a number column first, then a shorter one', '{"columns":{"seats":[1,2],"account_id":["A"]}}'],
  ['no account_id', '{"columns":{"seats":[3]}}'],
  ['not an object', '[1,2]'],
  ['columns not an object', '{"columns":[]}'],
  ['trailing junk', '{"columns":{"account_id":["A"]}} x'],
  ['a trailing comma', '{"columns":{"account_id":["A",]}}'],
  ['a leading zero', '{"columns":{"account_id":["A"],"seats":[01]}}'],
  ['a byte order mark', '\ufeff{"columns":{"account_id":["A"]}}'],
  ['an empty body', ''],
  ['cut short', '{"columns":{"account_id":["A"'],
  ['__proto__', '{"columns":{"account_id":["A"],"__proto__":{"x":1}}}'],
  ['a raw control character in text', '{"columns":{"account_id":["A\u0001"]}}'],
];

test('the reader leaves to JSON.parse every body it does not take whole', () => {
  for (const [what, text] of LEFT_TO_JSON_PARSE)
    assert.equal(columnsRequestFromBytes(Buffer.from(text)), null, `it read a body with ${what}`);
  // and it takes these, so the cases above are not refused for some other reason
  for (const text of [
    '{"columns":{"account_id":["A"],"seats":[1]}}',
    '{"columns":{"seats":[1,2],"account_id":["A","B"]}}',
    '{"as_of":"2024-01-31","columns":{"account_id":[],"seats":[]}}',
  ])
    assert.ok(columnsRequestFromBytes(Buffer.from(text)), text);
});

test('a number column longer than a request may be is left to the schema', () => {
  const n = MAX_COLUMNAR_ROWS + 1;
  const ids = Array.from({ length: n }, (_, i) => `"A${i}"`).join(',');
  const zeros = new Array<string>(n).fill('0').join(',');
  assert.equal(columnsRequestFromBytes(Buffer.from(`{"columns":{"seats":[${zeros}],"account_id":[${ids}]}}`)), null);
  assert.equal(columnsRequestFromBytes(Buffer.from(`{"columns":{"account_id":[${ids}],"seats":[${zeros}]}}`)), null);
});

let svc: Running;
before(async () => {
  svc = await startService({ scorecard: 'default', today });
});
after(async () => {
  await svc.close();
});

/** The same body with its `columns` key escaped: JSON.parse reads the same object, the reader gives up on it. */
function twin(text: string): string {
  const at = text.indexOf('"columns"');
  assert.ok(at >= 0);
  return `${text.slice(0, at)}"colum\\u006es"${text.slice(at + '"columns"'.length)}`;
}

test('over HTTP: a body read from bytes and its twin left to JSON.parse get the same answer, byte for byte', async () => {
  const rng = new Rng(5);
  const awkward = `{"columns":{"account_id":["é","😀","ACC-2"],"account_name":["☃",null,"x"],
    "nps_trend":[-0,1e308,123456789012345678901234567890],"days_to_renewal":[1e2,-0,9007199254740993],
    "license_utilization":[0.1e1,1E-400,null],"zero_usage_14d":[true,false,null],"seats":[10,2e1,3.0e1]}}`;
  const bodies: [string, string][] = [
    ['generated, respelled', spelled(rng, { columns: toColumns(makeAccounts(400, 9)) })],
    ['generated, one as_of', spelled(rng, { as_of: '2024-03-31', columns: toColumns(makeAccounts(50, 10, null)) })],
    ['awkward numbers and unicode', awkward],
    // read from bytes, then refused by the schema or the duplicate check: the same refusal
    ['a bad date', '{"columns":{"account_id":["A"],"as_of":["2024-02-30"],"seats":[1]}}'],
    ['a bad top-level date', '{"as_of":"2024-13-01","columns":{"account_id":["A"],"seats":[1]}}'],
    ['a null id', '{"columns":{"account_id":["A",null],"seats":[1,2]}}'],
    ['an empty id', '{"columns":{"account_id":[""],"seats":[1]}}'],
    ['a repeated id', '{"as_of":"2024-01-31","columns":{"account_id":["A","B","A"],"seats":[1,2,3]}}'],
    ['a name too long', `{"columns":{"account_id":["A"],"account_name":["${'n'.repeat(513)}"]}}`],
    ['an unknown segment', '{"columns":{"account_id":["A"],"segment":["galactic"],"seats":[1]}}'],
  ];
  for (const [what, text] of bodies) {
    assert.ok(columnsRequestFromBytes(Buffer.from(text)), `${what}: the reader should take it`);
    assert.equal(columnsRequestFromBytes(Buffer.from(twin(text))), null);
    for (const query of ['', '?exact=true', '?fields=score,band,reason_1_value']) {
      const [a, b] = await Promise.all([
        post(svc.base, `/v1/score/columns${query}`, text),
        post(svc.base, `/v1/score/columns${query}`, twin(text)),
      ]);
      assert.equal(a.status, b.status, `${what}${query}: ${a.text.slice(0, 300)} against ${b.text.slice(0, 300)}`);
      assert.equal(a.text, b.text, `${what}${query}`);
    }
  }
});

test('over HTTP: the other JSON routes parse as before (a broken body is still malformed_json)', async () => {
  const broken = await post(svc.base, '/v1/score/batch', '{"accounts":[');
  assert.equal(broken.status, 400);
  assert.equal(broken.body.code, 'malformed_json');
  const empty = await post(svc.base, '/v1/score/columns', '');
  assert.equal(empty.status, 400);
  assert.equal(empty.body.code, 'empty_body');
  const one = await post(svc.base, '/v1/score', { account_id: 'A', seats: 3 });
  assert.equal(one.status, 200);
  assert.equal(one.body.account_id, 'A');
});
