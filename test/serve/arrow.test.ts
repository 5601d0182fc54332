/**
 * Arrow IPC on POST /v1/score/columns (issue 18): an Arrow body gives the JSON route's answer,
 * column for column; the answer comes back as Arrow when asked; bad bytes are a 4xx, never a crash.
 * Real HTTP on loopback, real Arrow bytes written and read by @uwdata/flechette.
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  Table,
  Type,
  bool,
  dateDay,
  dictionary,
  float32,
  float64,
  int32,
  int64,
  list,
  tableFromArrays,
  tableFromIPC,
  tableToIPC,
  utf8,
  uint8,
  type DataType,
} from '@uwdata/flechette';
import { SIGNALS } from '../../src/features/index.js';
import { Rng } from '../../src/util/rng.js';
import { columnsRequestFromArrow } from '../../src/serve/arrow.js';
import { makeAccounts, toColumns } from './accounts.js';
import { arrowColumns, get, post, startService, type Running } from './support.js';

const ARROW = 'application/vnd.apache.arrow.stream';

let svc: Running;
before(async () => {
  svc = await startService({ scorecard: 'default', today: () => '2024-07-01' });
});
after(() => svc.close());

/** The Arrow types a pandas or DuckDB client would send: int32 for counts, dictionary text for segment. */
function arrowType(name: string): DataType {
  if (name === 'segment') return dictionary(utf8());
  if (name === 'account_id' || name === 'as_of' || name === 'account_name') return utf8();
  const signal = SIGNALS.find((s) => s.name === name);
  if (signal?.type === 'boolean') return bool();
  if (signal?.type === 'integer') return int32();
  return float64();
}

function arrowBody(
  columns: Record<string, unknown[]>,
  types: Record<string, DataType> = {},
  metadata?: Map<string, string>,
): Uint8Array {
  const all: Record<string, DataType> = {};
  for (const name of Object.keys(columns)) all[name] = types[name] ?? arrowType(name);
  let table = tableFromArrays(columns, { types: all });
  if (metadata) table = new Table({ ...table.schema, metadata }, table.children);
  return tableToIPC(table, { format: 'stream' })!;
}

async function postBytes(path: string, body: Uint8Array | string, headers: Record<string, string>) {
  const res = await fetch(`${svc.base}${path}`, { method: 'POST', headers, body });
  return {
    status: res.status,
    type: res.headers.get('content-type') ?? '',
    bytes: new Uint8Array(await res.arrayBuffer()),
  };
}

const json = (bytes: Uint8Array) => JSON.parse(new TextDecoder().decode(bytes));

test('an Arrow body gives the JSON answer column for column, as Arrow, rounded or exact, all columns or ?fields=', async () => {
  const accounts = makeAccounts(2000, 61);
  accounts[3]!['account_name'] = 'Zürich Ärzte “Nord” 東京';
  accounts[4]!['account_name'] = '';
  accounts[6]!['account_name'] = 'Café';
  const columns = toColumns(accounts);
  const body = arrowBody(columns);
  for (const query of ['', '?exact=true', '?fields=score,band,reason_1_text,reason_1_value,escalate,account_name']) {
    const [viaJson, viaArrow] = await Promise.all([
      postBytes(`/v1/score/columns${query}`, JSON.stringify({ columns }), { 'content-type': 'application/json' }),
      postBytes(`/v1/score/columns${query}`, body, { 'content-type': ARROW }),
    ]);
    assert.equal(viaJson.status, 200);
    assert.equal(viaArrow.status, 200, new TextDecoder().decode(viaArrow.bytes).slice(0, 300));
    assert.equal(viaArrow.type, ARROW, 'an Arrow body is answered in Arrow');
    const expected = json(viaJson.bytes);
    const got = arrowColumns(viaArrow.bytes);
    assert.deepEqual(Object.keys(got), Object.keys(expected.columns), query);
    for (const [name, values] of Object.entries(expected.columns as Record<string, unknown[]>)) {
      // A reason's value is float64 in Arrow, as score files write it: a boolean signal's is 1 or 0.
      const want = name.endsWith('_value') ? values.map((v) => (typeof v === 'boolean' ? Number(v) : v)) : values;
      assert.deepEqual(got[name], want, `${query} ${name}`);
    }
    assert.equal(got['account_id']!.length, 2000);
  }
  const named = arrowColumns((await postBytes('/v1/score/columns', body, { 'content-type': ARROW })).bytes);
  assert.equal(named['account_name']![3], 'Zürich Ärzte “Nord” 東京');
  assert.equal(named['account_name']![4], '');
  assert.equal(named['account_name']![5], null);
  assert.equal(named['account_name']![6], 'Café', 'short text with a non-ASCII character');
  assert.ok(named['escalate']!.every((v) => typeof v === 'boolean'));
  // Text with few distinct values comes dictionary-encoded; ids and sentences as plain utf8.
  const schema = tableFromIPC((await postBytes('/v1/score/columns', body, { 'content-type': ARROW })).bytes).schema;
  const typeOf = (name: string) => schema.fields.find((f) => f.name === name)!.type.typeId;
  for (const name of ['as_of', 'band', 'status', 'missing', 'reasons', 'overrides', 'warnings', 'reason_1'])
    assert.equal(typeOf(name), Type.Dictionary, name);
  for (const name of ['account_id', 'account_name', 'reason_1_text']) assert.equal(typeOf(name), Type.Utf8, name);
  for (const name of ['score', 'probability', 'coverage', 'reason_1_value'])
    assert.equal(typeOf(name), Type.Float, name);
  assert.ok(named['status']!.includes('insufficient_data') && named['score']!.includes(null));
});

test('Accept chooses the answer: JSON in and Arrow out, Arrow in and JSON out', async () => {
  const columns = toColumns(makeAccounts(50, 62));
  const plain = await postBytes('/v1/score/columns', JSON.stringify({ columns }), {
    'content-type': 'application/json',
  });
  const arrowOut = await postBytes('/v1/score/columns', JSON.stringify({ columns }), {
    'content-type': 'application/json',
    accept: ARROW,
  });
  assert.equal(arrowOut.type, ARROW);
  assert.deepEqual(arrowColumns(arrowOut.bytes)['score'], json(plain.bytes).columns.score);
  const jsonOut = await postBytes('/v1/score/columns', arrowBody(columns), {
    'content-type': ARROW,
    accept: 'application/json',
  });
  assert.match(jsonOut.type, /^application\/json/);
  assert.deepEqual(jsonOut.bytes, plain.bytes, 'the same bytes as the JSON request got');
});

test('the request as_of comes from the schema metadata, or a date32 column; else today', async () => {
  const columns = { account_id: ['A', 'B'], usage_trend_14d: [0.1, -0.3] };
  const meta = arrowColumns(
    (
      await postBytes('/v1/score/columns', arrowBody(columns, {}, new Map([['as_of', '2024-03-31']])), {
        'content-type': ARROW,
      })
    ).bytes,
  );
  assert.deepEqual(meta['as_of'], ['2024-03-31', '2024-03-31']);
  const leap = new Date(Date.UTC(2024, 1, 29));
  const next = new Date(Date.UTC(2024, 2, 1));
  const dated = arrowColumns(
    (
      await postBytes('/v1/score/columns', arrowBody({ ...columns, as_of: [leap, next] }, { as_of: dateDay() }), {
        'content-type': ARROW,
      })
    ).bytes,
  );
  assert.deepEqual(dated['as_of'], ['2024-02-29', '2024-03-01']);
  const today = arrowColumns(
    (await postBytes('/v1/score/columns', arrowBody(columns), { 'content-type': ARROW })).bytes,
  );
  assert.deepEqual(today['as_of'], ['2024-07-01', '2024-07-01']);
});

const valid = arrowBody(toColumns(makeAccounts(20, 63)));
const refusals: {
  name: string;
  body: () => Uint8Array;
  code: string;
  field?: string;
  path?: string;
  status?: number;
}[] = [
  {
    name: 'bytes that are not Arrow',
    body: () => new TextEncoder().encode('account_id\nA\n'),
    code: 'malformed_arrow',
  },
  { name: 'a stream cut in half', body: () => valid.subarray(0, valid.length >> 1), code: 'malformed_arrow' },
  { name: 'an empty body', body: () => new Uint8Array(0), code: 'invalid_request' },
  {
    name: 'a list column',
    body: () => arrowBody({ account_id: ['A'], seats: [[1, 2]] }, { seats: list(int32()) }),
    code: 'unsupported_arrow_type',
    field: '/columns/seats',
  },
  {
    name: 'numbers in a boolean column',
    body: () => arrowBody({ account_id: ['A'], champion_departed: [1] }, { champion_departed: float64() }),
    code: 'invalid_request',
    field: '/columns/champion_departed/0',
  },
  {
    name: 'NaN in a number column (missing is null)',
    body: () => arrowBody({ account_id: ['A', 'B'], usage_trend_14d: [0.1, Number.NaN] }),
    code: 'invalid_request',
    field: '/columns/usage_trend_14d/1',
  },
  {
    name: 'an unknown column',
    body: () => arrowBody({ account_id: ['A'], bogus: [1] }),
    code: 'invalid_request',
    field: '/columns/bogus',
  },
  {
    name: 'the same account twice',
    body: () => arrowBody({ account_id: ['A', 'A'] }, {}, new Map([['as_of', '2024-01-31']])),
    code: 'duplicate_account',
    field: '/columns/account_id/1',
  },
  {
    name: 'a bad as_of in the metadata',
    body: () => arrowBody({ account_id: ['A'] }, {}, new Map([['as_of', '2024-02-30']])),
    code: 'invalid_request',
  },
  {
    name: 'Arrow sent to the one-account route',
    body: () => valid,
    path: '/v1/score',
    status: 415,
    code: 'unsupported_media_type',
  },
];

for (const r of refusals) {
  test(`arrow: ${r.name} is a ${r.status ?? 400} that says why`, async () => {
    const res = await postBytes(r.path ?? '/v1/score/columns', r.body(), { 'content-type': ARROW, accept: ARROW });
    assert.equal(res.status, r.status ?? 400, new TextDecoder().decode(res.bytes).slice(0, 300));
    assert.match(res.type, /^application\/json/, 'errors are JSON, whatever was asked for');
    const error = json(res.bytes);
    assert.equal(error.code, r.code, error.message);
    if (r.field) assert.equal(error.field, r.field, error.message);
    assert.ok(error.message.length > 10, error.message);
  });
}

test("number columns of any Arrow width are read as the JSON numbers, and refused in the JSON route's words", async () => {
  // int64, uint8, float32 (values it holds exactly) and nulls: the answer of the same JSON numbers.
  const columns = {
    account_id: ['A', 'B', 'C'],
    seats: [5, null, 70],
    days_since_last_csm_interaction: [3, 200, null],
    license_utilization: [0.5, null, 0.25],
    champion_departed: [true, null, false],
  };
  const types = { seats: int64(), days_since_last_csm_interaction: uint8(), license_utilization: float32() };
  const viaArrow = await postBytes('/v1/score/columns?exact=true', arrowBody(columns, types), {
    'content-type': ARROW,
    accept: 'application/json',
  });
  const viaJson = await post(svc.base, '/v1/score/columns?exact=true', { columns });
  assert.equal(viaArrow.status, 200, new TextDecoder().decode(viaArrow.bytes));
  assert.deepEqual(json(viaArrow.bytes), viaJson.body);

  const cases: [Record<string, unknown[]>, Record<string, DataType>][] = [
    [{ license_utilization: [0.5, -1] }, {}],
    [{ seats: [3, 1.5] }, { seats: float64() }],
    [{ seats: [true] }, { seats: bool() }],
    [{ champion_departed: [null, 1] }, { champion_departed: int32() }],
    [{ usage_trend_14d: ['x'] }, { usage_trend_14d: utf8() }],
    [{ usage_trend_14d: [0.1, 9] }, {}],
  ];
  for (const [values, types] of cases) {
    const body = { account_id: values[Object.keys(values)[0]!]!.map((_, i) => `A${i}`), ...values };
    const fromJson = await post(svc.base, '/v1/score/columns', { columns: body });
    const fromArrow = await postBytes('/v1/score/columns', arrowBody(body, types), { 'content-type': ARROW });
    assert.equal(fromJson.status, 400, fromJson.text);
    assert.equal(fromArrow.status, 400);
    const { code, message, field } = json(fromArrow.bytes);
    assert.deepEqual(
      { code, message, field },
      { code: fromJson.body.code, message: fromJson.body.message, field: fromJson.body.field },
    );
  }
  const infinite = await postBytes(
    '/v1/score/columns',
    arrowBody({ account_id: ['A', 'B'], usage_trend_14d: [0.1, Number.POSITIVE_INFINITY] }),
    { 'content-type': ARROW },
  );
  assert.equal(infinite.status, 400);
  assert.equal(json(infinite.bytes).message, 'columns.usage_trend_14d[1] must be number or null');
});

test("text and number columns are read as flechette's own decoder reads them: ASCII, UTF-8, a byte order mark, repeats, nulls", () => {
  const rng = new Rng(21);
  const texts = ['ACC-1', 'é☃', '😀', '', '\uFEFFbom', 'x\uFEFF', 'smb', 'a"b\\c', '2024-06-30', 'ü'];
  const n = 3_000;
  // runs of the same text (the reader reuses the string of the row before), nulls between; a
  // leading byte order mark is dropped, as TextDecoder drops it
  const pick = () => (rng.bernoulli(0.1) ? null : texts[rng.int(texts.length)]!);
  const runs: (string | null)[] = [];
  while (runs.length < n) {
    const t = pick();
    for (let k = rng.int(4); k >= 0 && runs.length < n; k--) runs.push(t);
  }
  const columns = {
    account_id: runs.map((t, i) => `${t ?? ''}${i}`),
    as_of: runs,
    seats: Array.from({ length: n }, () => (rng.bernoulli(0.1) ? null : rng.int(1000))),
    usage_trend_14d: Array.from({ length: n }, () => (rng.bernoulli(0.1) ? null : rng.next() - 0.5)),
  };
  const body = arrowBody(columns, { seats: int32(), as_of: utf8() });
  const read = columnsRequestFromArrow(body);
  const table = tableFromIPC(body);
  for (const name of ['account_id', 'as_of'])
    assert.deepStrictEqual(
      read.request.columns[name],
      Array.from(table.getChild(name).toArray() as ArrayLike<unknown>),
      name,
    );
  for (const name of ['seats', 'usage_trend_14d'])
    assert.deepStrictEqual(
      Array.from(read.numbers[name]!, (v) => (Number.isNaN(v) ? null : v)),
      columns[name as 'seats'],
      name,
    );
});

test('damaged Arrow bytes are a 4xx, never a 5xx or a crash', async () => {
  const rng = new Rng(64);
  const statuses = new Set<number>();
  for (let k = 0; k < 150; k++) {
    const body = Uint8Array.from(valid);
    const flips = 1 + rng.int(8);
    for (let f = 0; f < flips; f++) body[rng.int(body.length)] = rng.int(256);
    const cut = rng.bernoulli(0.2) ? body.subarray(0, rng.int(body.length)) : body;
    const res = await postBytes('/v1/score/columns', cut, { 'content-type': ARROW });
    statuses.add(res.status);
    assert.ok(res.status < 500, `mutation ${k}: ${res.status} ${new TextDecoder().decode(res.bytes).slice(0, 200)}`);
  }
  assert.ok(statuses.has(400), `some damage is refused: ${[...statuses]}`);
  assert.equal((await get(svc.base, '/healthz')).status, 200);
  assert.equal((await post(svc.base, '/v1/score/columns', { columns: { account_id: ['A'] } })).status, 200);
});
