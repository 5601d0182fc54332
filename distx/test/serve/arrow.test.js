/**
 * Arrow IPC on POST /v1/score/columns (issue 18): an Arrow body gives the JSON route's answer,
 * column for column; the answer comes back as Arrow when asked; bad bytes are a 4xx, never a crash.
 * Real HTTP on loopback, real Arrow bytes written and read by @uwdata/flechette.
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { Table, bool, dateDay, dictionary, float64, int32, list, tableFromArrays, tableFromIPC, tableToIPC, utf8, } from '@uwdata/flechette';
import { SIGNALS } from '../../src/features/index.js';
import { Rng } from '../../src/util/rng.js';
import { makeAccounts, toColumns } from './accounts.js';
import { get, post, startService } from './support.js';
const ARROW = 'application/vnd.apache.arrow.stream';
let svc;
before(async () => {
    svc = await startService({ scorecard: 'default', today: () => '2024-07-01' });
});
after(() => svc.close());
/** The Arrow types a pandas or DuckDB client would send: int32 for counts, dictionary text for segment. */
function arrowType(name) {
    if (name === 'segment')
        return dictionary(utf8());
    if (name === 'account_id' || name === 'as_of' || name === 'account_name')
        return utf8();
    const signal = SIGNALS.find((s) => s.name === name);
    if (signal?.type === 'boolean')
        return bool();
    if (signal?.type === 'integer')
        return int32();
    return float64();
}
function arrowBody(columns, types = {}, metadata) {
    const all = {};
    for (const name of Object.keys(columns))
        all[name] = types[name] ?? arrowType(name);
    let table = tableFromArrays(columns, { types: all });
    if (metadata)
        table = new Table({ ...table.schema, metadata }, table.children);
    return tableToIPC(table, { format: 'stream' });
}
async function postBytes(path, body, headers) {
    const res = await fetch(`${svc.base}${path}`, { method: 'POST', headers, body });
    return {
        status: res.status,
        type: res.headers.get('content-type') ?? '',
        bytes: new Uint8Array(await res.arrayBuffer()),
    };
}
/** An Arrow answer as the JSON route's `columns`: NaN nowhere, booleans of reason values as 1/0. */
function columnsOf(bytes) {
    const table = tableFromIPC(bytes);
    const out = {};
    for (const name of table.names)
        out[name] = Array.from(table.getChild(name).toArray());
    return out;
}
const json = (bytes) => JSON.parse(new TextDecoder().decode(bytes));
test('an Arrow body gives the JSON answer column for column, as Arrow, rounded or exact, all columns or ?fields=', async () => {
    const accounts = makeAccounts(2000, 61);
    accounts[3]['account_name'] = 'Zürich Ärzte “Nord” 東京';
    accounts[4]['account_name'] = '';
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
        const got = columnsOf(viaArrow.bytes);
        assert.deepEqual(Object.keys(got), Object.keys(expected.columns), query);
        for (const [name, values] of Object.entries(expected.columns)) {
            // A reason's value is float64 in Arrow, as score files write it: a boolean signal's is 1 or 0.
            const want = name.endsWith('_value') ? values.map((v) => (typeof v === 'boolean' ? Number(v) : v)) : values;
            assert.deepEqual(got[name], want, `${query} ${name}`);
        }
        assert.equal(got['account_id'].length, 2000);
    }
    const named = columnsOf((await postBytes('/v1/score/columns', body, { 'content-type': ARROW })).bytes);
    assert.equal(named['account_name'][3], 'Zürich Ärzte “Nord” 東京');
    assert.equal(named['account_name'][4], '');
    assert.equal(named['account_name'][5], null);
    assert.ok(named['escalate'].every((v) => typeof v === 'boolean'));
    assert.ok(named['status'].includes('insufficient_data') && named['score'].includes(null));
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
    assert.deepEqual(columnsOf(arrowOut.bytes)['score'], json(plain.bytes).columns.score);
    const jsonOut = await postBytes('/v1/score/columns', arrowBody(columns), {
        'content-type': ARROW,
        accept: 'application/json',
    });
    assert.match(jsonOut.type, /^application\/json/);
    assert.deepEqual(jsonOut.bytes, plain.bytes, 'the same bytes as the JSON request got');
});
test('the request as_of comes from the schema metadata, or a date32 column; else today', async () => {
    const columns = { account_id: ['A', 'B'], usage_trend_14d: [0.1, -0.3] };
    const meta = columnsOf((await postBytes('/v1/score/columns', arrowBody(columns, {}, new Map([['as_of', '2024-03-31']])), {
        'content-type': ARROW,
    })).bytes);
    assert.deepEqual(meta['as_of'], ['2024-03-31', '2024-03-31']);
    const leap = new Date(Date.UTC(2024, 1, 29));
    const next = new Date(Date.UTC(2024, 2, 1));
    const dated = columnsOf((await postBytes('/v1/score/columns', arrowBody({ ...columns, as_of: [leap, next] }, { as_of: dateDay() }), {
        'content-type': ARROW,
    })).bytes);
    assert.deepEqual(dated['as_of'], ['2024-02-29', '2024-03-01']);
    const today = columnsOf((await postBytes('/v1/score/columns', arrowBody(columns), { 'content-type': ARROW })).bytes);
    assert.deepEqual(today['as_of'], ['2024-07-01', '2024-07-01']);
});
const valid = arrowBody(toColumns(makeAccounts(20, 63)));
const refusals = [
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
        if (r.field)
            assert.equal(error.field, r.field, error.message);
        assert.ok(error.message.length > 10, error.message);
    });
}
test('damaged Arrow bytes are a 4xx, never a 5xx or a crash', async () => {
    const rng = new Rng(64);
    const statuses = new Set();
    for (let k = 0; k < 150; k++) {
        const body = Uint8Array.from(valid);
        const flips = 1 + rng.int(8);
        for (let f = 0; f < flips; f++)
            body[rng.int(body.length)] = rng.int(256);
        const cut = rng.bernoulli(0.2) ? body.subarray(0, rng.int(body.length)) : body;
        const res = await postBytes('/v1/score/columns', cut, { 'content-type': ARROW });
        statuses.add(res.status);
        assert.ok(res.status < 500, `mutation ${k}: ${res.status} ${new TextDecoder().decode(res.bytes).slice(0, 200)}`);
    }
    assert.ok(statuses.has(400), `some damage is refused: ${[...statuses]}`);
    assert.equal((await get(svc.base, '/healthz')).status, 200);
    assert.equal((await post(svc.base, '/v1/score/columns', { columns: { account_id: ['A'] } })).status, 200);
});
//# sourceMappingURL=arrow.test.js.map