import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import {
  DEFAULT_SCORECARD_PATH,
  loadScorecard,
  scoreAccount,
  type Scorecard,
  type Signals,
} from '../../src/scorecard/index.js';
import { INPUT_COLUMNS, MAX_BATCH, scoreRequestSchema } from '../../src/serve/index.js';
import { makeAccounts, type Account } from './accounts.js';
import { get, parseMetrics, post, rawRequest, request, startService, type Running } from './support.js';

let svc: Running;
let card: Scorecard;

before(async () => {
  card = await loadScorecard('default');
  svc = await startService({ scorecard: 'default', today: () => '2024-07-01' });
});
after(() => svc.close());

/** What the scorecard's reference scorer says about a request body. */
function expected(a: Account) {
  const signals: Signals = {};
  for (const c of INPUT_COLUMNS) signals[c] = (a[c] as Signals[string] | undefined) ?? null;
  return scoreAccount(card, signals);
}

function assertMatchesReference(got: any, a: Account, asOf: string) {
  const want = expected(a);
  assert.equal(got.account_id, a['account_id']);
  assert.equal(got.as_of, asOf);
  assert.equal(got.status, want.status);
  assert.equal(got.coverage, want.coverage);
  assert.deepEqual(got.missing, want.missing);
  if (got.status === 'insufficient_data') {
    assert.equal(got.score, null);
    return;
  }
  assert.ok(
    Math.abs(got.score - want.score) < 1e-9,
    `${a['account_id']}: score ${got.score} vs reference ${want.score}`,
  );
  assert.equal(got.band, want.band);
  assert.equal(got.probability, want.probability);
  assert.deepEqual(got.layers, want.layers);
  assert.deepEqual(got.overrides, want.overrides);
  assert.deepEqual(got.reasons, want.reasons);
  assert.equal(got.escalate, want.escalate);
  assert.equal(got.score_change, null);
  assert.equal(got.previous, null);
}

test('POST /v1/score returns what the reference scorer computes, for varied accounts', async () => {
  const accounts = makeAccounts(60, 11);
  for (const a of accounts) {
    const r = await post(svc.base, '/v1/score?exact=true', a);
    assert.equal(r.status, 200, r.text);
    assertMatchesReference(r.body, a, '2024-06-30');
  }
});

test('the overrides of the default scorecard show through the API', async () => {
  const base = {
    account_id: 'X',
    as_of: '2024-06-30',
    usage_trend_14d: 0.5,
    login_frequency_change_14d: 0.4,
    license_utilization: 0.9,
    support_ticket_trend_30d: -0.5,
    days_since_last_csm_interaction: 5,
    champion_engagement_change_30d: 0.3,
    nps_trend: 2,
  };
  const healthy = (await post(svc.base, '/v1/score', base)).body;
  assert.equal(healthy.band, 'GREEN');
  const departed = (await post(svc.base, '/v1/score', { ...base, champion_departed: true })).body;
  assert.ok(departed.score <= 40, `champion_departed caps at 40, got ${departed.score}`);
  assert.deepEqual(departed.overrides, ['champion_departed']);
  const dead = (await post(svc.base, '/v1/score', { ...base, zero_usage_14d: true })).body;
  assert.equal(dead.score, 10);
  assert.equal(dead.band, 'RED');
  const renewing = (await post(svc.base, '/v1/score', { ...base, active_escalation: true, days_to_renewal: 30 })).body;
  assert.ok(renewing.score <= 50);
  assert.equal(renewing.escalate, true);
});

test('as_of defaults to the batch as_of, then to today', async () => {
  const r1 = await post(svc.base, '/v1/score', { account_id: 'NO-DATE' });
  assert.equal(r1.body.as_of, '2024-07-01');
  const r2 = await post(svc.base, '/v1/score/batch', {
    as_of: '2024-03-31',
    accounts: [{ account_id: 'A' }, { account_id: 'B', as_of: '2024-01-31' }],
  });
  assert.deepEqual(
    r2.body.results.map((x: any) => x.as_of),
    ['2024-03-31', '2024-01-31'],
  );
});

test('POST /v1/score/batch scores 10,000 accounts in request order, same as one by one', async () => {
  const accounts = makeAccounts(MAX_BATCH, 23);
  const r = await post(svc.base, '/v1/score/batch?exact=true', { accounts });
  assert.equal(r.status, 200, r.text.slice(0, 300));
  assert.equal(r.body.results.length, MAX_BATCH);
  accounts.forEach((a, i) => assertMatchesReference(r.body.results[i], a, '2024-06-30'));
});

test('a batch answer is written a slice at a time: exact JSON, UTF-8, each answer as /v1/score gives it', async () => {
  const names = ['Café "Ünïcode" AG', 'back\\slash\u2028line', 'Émoji 😀 GmbH'];
  const accounts = makeAccounts(1001, 29).map((a, i): Account => ({ ...a, account_name: names[i % 4] ?? null }));
  const r = await post(svc.base, '/v1/score/batch', { accounts });
  assert.equal(r.status, 200, r.text.slice(0, 300));
  assert.equal(Number(r.headers.get('content-length')), Buffer.byteLength(r.text));
  assert.equal(JSON.stringify(r.body), r.text);
  assert.deepEqual(
    r.body.results.map((x: { account_id: string }) => x.account_id),
    accounts.map((a) => a['account_id']),
  );
  // Both sides of each slice boundary, and the last answer alone in its slice.
  for (const i of [0, 499, 500, 501, 999, 1000]) {
    const one = await post(svc.base, '/v1/score', { ...accounts[i], as_of: '2024-06-30' });
    assert.deepEqual(r.body.results[i], one.body, `account ${i}`);
  }
  const none = await post(svc.base, '/v1/score/batch', { accounts: [] });
  assert.equal(none.status, 200);
  assert.equal(none.text, '{"results":[]}');
});

test('a batch over 10,000 accounts is refused with 400 naming accounts', async () => {
  const accounts = Array.from({ length: MAX_BATCH + 1 }, (_, i) => ({ account_id: `A${i}` }));
  const r = await post(svc.base, '/v1/score/batch', { accounts });
  assert.equal(r.status, 400);
  assert.equal(r.body.field, '/accounts');
  assert.match(r.body.message, /accounts must have at most 10000 items/);
});

test('duplicate account and as_of in one batch is a 400 naming both positions', async () => {
  const r = await post(svc.base, '/v1/score/batch', {
    accounts: [{ account_id: 'A', as_of: '2024-01-01' }, { account_id: 'B' }, { account_id: 'A', as_of: '2024-01-01' }],
  });
  assert.equal(r.status, 400);
  assert.equal(r.body.code, 'duplicate_account');
  assert.equal(r.body.field, '/accounts/2/account_id');
  assert.match(r.body.message, /\/accounts\/0 and \/accounts\/2/);
});

test('an account without as_of repeats the same account given the batch default or today as its as_of', async () => {
  // today is 2024-07-01 for this server
  for (const [body, first] of [
    [{ accounts: [{ account_id: 'A' }, { account_id: 'A', as_of: '2024-07-01' }] }, 0],
    [{ as_of: '2024-03-01', accounts: [{ account_id: 'A', as_of: '2024-03-01' }, { account_id: 'A' }] }, 0],
  ] as const) {
    const r = await post(svc.base, '/v1/score/batch', body);
    assert.equal(r.status, 400, JSON.stringify(body));
    assert.equal(r.body.code, 'duplicate_account');
    assert.equal(r.body.field, '/accounts/1/account_id');
    assert.match(r.body.message, new RegExp(`/accounts/${first} and /accounts/1`));
  }
  // another date is another account
  const ok = await post(svc.base, '/v1/score/batch', {
    accounts: [{ account_id: 'A' }, { account_id: 'A', as_of: '2024-06-30' }],
  });
  assert.equal(ok.status, 200);
  assert.deepEqual(
    ok.body.results.map((x: { as_of: string }) => x.as_of),
    ['2024-07-01', '2024-06-30'],
  );
});

/** Bad requests: each must get the given 4xx with a JSON error body, and never take the service down. */
const deep = (n: number) => `{"account_id":"A","segment":${'['.repeat(n)}${']'.repeat(n)}}`;
const badRequests: {
  name: string;
  path?: string;
  body: string | Buffer;
  headers?: Record<string, string>;
  status: number;
  code?: string;
  field?: string;
  message?: RegExp;
}[] = [
  { name: 'malformed JSON', body: '{"account_id": "A",', status: 400, code: 'malformed_json' },
  { name: 'trailing garbage', body: '{"account_id": "A"} x', status: 400, code: 'malformed_json' },
  { name: 'empty body', body: '', status: 400 },
  { name: 'JSON null', body: 'null', status: 400, code: 'invalid_request' },
  { name: 'JSON array', body: '[]', status: 400, code: 'invalid_request' },
  { name: 'JSON string', body: '"A"', status: 400, code: 'invalid_request' },
  { name: 'wrong content type', body: '{"account_id":"A"}', headers: { 'content-type': 'text/plain' }, status: 415 },
  {
    name: 'form content type',
    body: 'account_id=A',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    status: 415,
  },
  {
    name: 'unknown field',
    body: '{"account_id":"A","usage_trend":0.1}',
    status: 400,
    code: 'invalid_request',
    field: '/usage_trend',
    message: /unknown field "usage_trend"/,
  },
  {
    name: 'label column is not an input',
    body: '{"account_id":"A","churned_within_90d":1}',
    status: 400,
    field: '/churned_within_90d',
  },
  {
    name: 'missing account_id',
    body: '{"usage_trend_14d":0.1}',
    status: 400,
    field: '/account_id',
    message: /missing required field "account_id"/,
  },
  { name: 'empty account_id', body: '{"account_id":""}', status: 400, field: '/account_id' },
  {
    name: 'numeric account_id',
    body: '{"account_id":17}',
    status: 400,
    field: '/account_id',
    message: /account_id must be string/,
  },
  {
    name: 'string for a feature',
    body: '{"account_id":"A","usage_trend_14d":"0.1"}',
    status: 400,
    field: '/usage_trend_14d',
    message: /usage_trend_14d must be number or null/,
  },
  {
    name: 'number for a boolean signal',
    body: '{"account_id":"A","champion_departed":1}',
    status: 400,
    field: '/champion_departed',
    message: /champion_departed must be boolean or null/,
  },
  {
    name: 'string for a boolean signal',
    body: '{"account_id":"A","zero_usage_14d":"true"}',
    status: 400,
    field: '/zero_usage_14d',
  },
  {
    name: 'fraction for an integer signal',
    body: '{"account_id":"A","days_to_renewal":12.5}',
    status: 400,
    field: '/days_to_renewal',
    message: /integer/,
  },
  { name: 'object for a feature', body: '{"account_id":"A","nps_trend":{"v":1}}', status: 400, field: '/nps_trend' },
  { name: 'number for segment', body: '{"account_id":"A","segment":3}', status: 400, field: '/segment' },
  {
    name: 'overflowing number',
    body: '{"account_id":"A","usage_trend_14d":1e400}',
    status: 400,
    field: '/usage_trend_14d',
  },
  {
    name: 'impossible date',
    body: '{"account_id":"A","as_of":"2024-02-30"}',
    status: 400,
    field: '/as_of',
    message: /YYYY-MM-DD/,
  },
  { name: 'date with time', body: '{"account_id":"A","as_of":"2024-02-01T00:00:00Z"}', status: 400, field: '/as_of' },
  {
    name: 'over-long account_id',
    body: JSON.stringify({ account_id: 'x'.repeat(300) }),
    status: 400,
    field: '/account_id',
  },
  { name: '__proto__ key', body: '{"account_id":"A","__proto__":{"polluted":true}}', status: 400 },
  {
    name: 'constructor.prototype key',
    body: '{"account_id":"A","constructor":{"prototype":{"polluted":true}}}',
    status: 400,
  },
  { name: 'deeply nested JSON', body: deep(20_000), status: 400, field: '/segment' },
  {
    name: 'huge body',
    body: JSON.stringify({ account_id: 'A', segment: 'x'.repeat(200_000) }),
    status: 413,
    code: 'body_too_large',
  },
  {
    name: 'invalid UTF-8 (decoded with replacement characters, scored)',
    body: Buffer.concat([Buffer.from('{"account_id":"'), Buffer.from([0xff, 0xfe, 0xfd]), Buffer.from('"}')]),
    status: 200,
  },
  {
    name: 'batch: not an array',
    path: '/v1/score/batch',
    body: '{"accounts":{"account_id":"A"}}',
    status: 400,
    field: '/accounts',
  },
  {
    name: 'batch: unknown field in an item',
    path: '/v1/score/batch',
    body: '{"accounts":[{"account_id":"A"},{"account_id":"B","bogus":true}]}',
    status: 400,
    field: '/accounts/1/bogus',
    message: /unknown field "bogus" in accounts\[1\]/,
  },
  {
    name: 'batch: wrong type in an item',
    path: '/v1/score/batch',
    body: '{"accounts":[{"account_id":"A","seats":"ten"}]}',
    status: 400,
    field: '/accounts/0/seats',
  },
  {
    name: 'batch: unknown top-level field',
    path: '/v1/score/batch',
    body: '{"accounts":[],"dry_run":true}',
    status: 400,
    field: '/dry_run',
  },
  { name: 'batch: missing accounts', path: '/v1/score/batch', body: '{}', status: 400, field: '/accounts' },
  {
    // the query is what is wrong (?fields= is the columnar route's), and the message says so
    name: 'batch: unknown query parameter',
    path: '/v1/score/batch?fields=score',
    body: '{"accounts":[{"account_id":"A"}]}',
    status: 400,
    code: 'invalid_request',
    field: '/fields',
    message: /^unknown parameter "fields" in the query string$/,
  },
  {
    name: 'batch: deeply nested',
    path: '/v1/score/batch',
    body: `{"accounts":${'['.repeat(500_000)}${']'.repeat(500_000)}}`,
    status: 400,
    field: '/accounts/0',
  },
];

for (const c of badRequests) {
  test(`odd input gets ${c.status}, never a 5xx: ${c.name}`, async () => {
    const r = await request(
      svc.base,
      'POST',
      c.path ?? '/v1/score',
      c.body,
      c.headers ?? { 'content-type': 'application/json' },
    );
    assert.equal(r.status, c.status, `${c.name}: ${r.text.slice(0, 300)}`);
    assert.match(r.headers.get('content-type') ?? '', /application\/json/);
    if (c.status >= 400) {
      assert.equal(r.body.statusCode, c.status);
      assert.equal(typeof r.body.message, 'string');
      if (c.code) assert.equal(r.body.code, c.code);
      if (c.field !== undefined) assert.equal(r.body.field, c.field, r.body.message);
      if (c.message) assert.match(r.body.message, c.message);
    }
    assert.equal((await get(svc.base, '/healthz')).status, 200, 'the service is still up');
  });
}

test('prototype pollution attempts do not reach Object.prototype', () => {
  assert.equal(({} as Record<string, unknown>)['polluted'], undefined);
});

test('a batch body over its limit is a 413', async () => {
  const small = await startService({ scorecard: 'default', bodyLimit: { batch: 100_000 } });
  try {
    const accounts = makeAccounts(1000, 3);
    const r = await post(small.base, '/v1/score/batch', { accounts });
    assert.equal(r.status, 413);
    assert.equal(r.body.code, 'body_too_large');
  } finally {
    await small.close();
  }
});

test('garbage on the socket gets a 400, not a crash', async () => {
  const raw = await rawRequest(svc.base, 'THIS IS NOT HTTP\r\n\r\n');
  assert.match(raw, /^HTTP\/1\.1 400/);
  const lying = await rawRequest(
    svc.base,
    'POST /v1/score HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 5\r\nConnection: close\r\n\r\n{"account_id":"A"}',
  );
  assert.match(lying, /^HTTP\/1\.1 400/);
  assert.equal((await get(svc.base, '/healthz')).status, 200);
});

test('unknown routes are 404 and known routes with the wrong method 405, as JSON', async () => {
  const nf = await get(svc.base, '/v2/score');
  assert.equal(nf.status, 404);
  assert.equal(nf.body.code, 'not_found');
  const wrong = await get(svc.base, '/v1/score');
  assert.equal(wrong.status, 405);
  assert.equal(wrong.headers.get('allow'), 'POST');
  assert.equal(wrong.body.code, 'method_not_allowed');
  const del = await request(svc.base, 'DELETE', '/metrics');
  assert.equal(del.status, 405);
  assert.equal(del.headers.get('allow'), 'GET, HEAD');
});

test('GET /v1/model reports the serving scorecard with its fingerprint and provenance', async () => {
  const r = await get(svc.base, '/v1/model');
  assert.equal(r.status, 200);
  const bytes = readFileSync(DEFAULT_SCORECARD_PATH);
  assert.equal(r.body.fingerprint, createHash('sha256').update(bytes).digest('hex'));
  assert.equal(r.body.kind, 'churnkit.scorecard');
  assert.equal(r.body.version, 1);
  assert.deepEqual(
    r.body.layers.map((l: any) => l.name),
    card.layers.map((l) => l.name),
  );
  assert.deepEqual(
    r.body.layers.map((l: any) => l.weight),
    card.layers.map((l) => l.weight),
  );
  assert.deepEqual(r.body.provenance, JSON.parse(bytes.toString('utf8')).provenance);
  assert.deepEqual(r.body.reloads, { ok: 0, refused: 0, last_error: null });
});

test('GET /openapi.json is OpenAPI 3.1 built from the validation schemas', async () => {
  const r = await get(svc.base, '/openapi.json');
  assert.equal(r.status, 200);
  assert.equal(r.body.openapi, '3.1.0');
  for (const p of ['/v1/score', '/v1/score/batch', '/v1/model', '/healthz', '/metrics', '/openapi.json'])
    assert.ok(r.body.paths[p], `path ${p}`);
  const req = r.body.components.schemas.ScoreRequest;
  const { $id: _id, ...rest } = scoreRequestSchema;
  assert.deepEqual(req, JSON.parse(JSON.stringify(rest)), 'the published schema is the enforced one');
  assert.deepEqual(
    Object.keys(req.properties).sort(),
    ['account_id', 'account_name', 'as_of', ...INPUT_COLUMNS].sort(),
  );
  assert.equal(req.additionalProperties, false);
  assert.deepEqual(req.properties.champion_departed.type, ['boolean', 'null']);
  assert.deepEqual(req.properties.days_to_renewal.type, ['integer', 'null']);
  assert.equal(
    r.body.components.schemas.BatchRequest.properties.accounts.items.$ref,
    '#/components/schemas/ScoreRequest',
  );
  assert.equal(r.body.components.schemas.BatchRequest.properties.accounts.maxItems, MAX_BATCH);
});

test('GET /metrics counts requests by route and status, scores by band', async () => {
  const fresh = await startService({ scorecard: 'default' });
  try {
    // enough signals to score (coverage above one half), and no usage: RED
    const dead = {
      zero_usage_14d: true,
      login_frequency_change_14d: 0,
      license_utilization: 0.1,
      support_ticket_trend_30d: 0,
      days_since_last_csm_interaction: 40,
    };
    await post(fresh.base, '/v1/score', { account_id: 'A', as_of: '2024-01-01', ...dead });
    await post(fresh.base, '/v1/score', { account_id: 'B', as_of: '2024-01-01', bogus: 1 });
    await post(fresh.base, '/v1/score/batch', {
      accounts: [
        { account_id: 'C', ...dead },
        { account_id: 'D', ...dead },
        { account_id: 'E', zero_usage_14d: true }, // too little to score: no band is counted
      ],
    });
    await get(fresh.base, '/nowhere');
    const r = await get(fresh.base, '/metrics');
    assert.equal(r.status, 200);
    assert.match(r.headers.get('content-type') ?? '', /^text\/plain; version=0\.0\.4/);
    const m = parseMetrics(r.text);
    assert.equal(m.get('churnkit_http_requests_total{route="/v1/score",method="POST",status="200"}'), 1);
    assert.equal(m.get('churnkit_http_requests_total{route="/v1/score",method="POST",status="400"}'), 1);
    assert.equal(m.get('churnkit_http_requests_total{route="/v1/score/batch",method="POST",status="200"}'), 1);
    assert.equal(m.get('churnkit_http_requests_total{route="unmatched",method="GET",status="404"}'), 1);
    assert.equal(m.get('churnkit_http_request_duration_seconds_count{route="/v1/score",status="200"}'), 1);
    assert.equal(m.get('churnkit_http_request_duration_seconds_bucket{le="+Inf",route="/v1/score",status="200"}'), 1);
    assert.equal(m.get('churnkit_scores_total{band="RED"}'), 3);
    assert.equal(m.get('churnkit_scorecard_reloads_total'), undefined);
    assert.match(r.text, /# TYPE churnkit_scorecard_reloads_total counter/);
    assert.match(r.text, /# TYPE churnkit_alerts_sent_total counter/);
    assert.match(r.text, /# TYPE churnkit_alerts_failed_total counter/);
    // The process and Node.js series every dashboard expects, beside churnkit's own.
    for (const name of ['process_cpu_seconds_total', 'process_resident_memory_bytes', 'nodejs_eventloop_lag_seconds'])
      assert.ok((m.get(name) ?? -1) >= 0, `${name} missing`);
  } finally {
    await fresh.close();
  }
});

test('GET /healthz is ok and names the scorecard', async () => {
  const r = await get(svc.base, '/healthz');
  assert.equal(r.status, 200);
  assert.equal(r.body.status, 'ok');
  assert.equal(r.body.history, null);
  assert.match(r.body.scorecard, /^[0-9a-f]{64}$/);
});
