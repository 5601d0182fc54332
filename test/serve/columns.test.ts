import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { tableFromIPC } from '@uwdata/flechette';
import { join } from 'node:path';
import { tempDir } from '../support/paths.js';
import { MAX_BATCH, MAX_COLUMNAR_ROWS } from '../../src/serve/index.js';
import { makeAccounts, toColumns } from './accounts.js';
import { post, startService, type Running } from './support.js';

let svc: Running;
before(async () => {
  svc = await startService({ scorecard: 'default', today: () => '2024-07-01' });
});
after(() => svc.close());

test('POST /v1/score/columns gives, column for column, what /v1/score/batch gives row by row', async () => {
  const accounts = makeAccounts(MAX_BATCH, 31);
  const [rows, cols] = await Promise.all([
    post(svc.base, '/v1/score/batch?exact=true', { accounts }),
    post(svc.base, '/v1/score/columns?exact=true', { columns: toColumns(accounts) }),
  ]);
  assert.equal(rows.status, 200, rows.text.slice(0, 300));
  assert.equal(cols.status, 200, cols.text.slice(0, 300));
  const c = cols.body.columns;
  assert.equal(cols.body.n, MAX_BATCH);
  assert.deepEqual(Object.keys(c), [
    'account_id',
    'as_of',
    'score',
    'band',
    'probability',
    'layer_usage',
    'layer_engagement',
    'layer_relationship',
    'layer_outcome',
    'overrides',
    'reasons',
    'escalate',
    'base_score',
    'score_change',
    'status',
    'coverage',
    'missing',
    'warnings',
    ...[1, 2, 3].flatMap((k) => [`reason_${k}`, `reason_${k}_value`, `reason_${k}_text`]),
  ]);
  let fired = 0;
  rows.body.results.forEach((r: any, i: number) => {
    assert.equal(c.account_id[i], r.account_id);
    assert.equal(c.as_of[i], r.as_of);
    assert.ok(Math.abs(c.score[i] - r.score) < 1e-9, `row ${i}: score ${c.score[i]} vs ${r.score}`);
    assert.ok(Math.abs(c.base_score[i] - r.base_score) < 1e-9);
    assert.equal(c.band[i], r.band);
    assert.equal(c.probability[i], r.probability);
    for (const layer of Object.keys(r.layers)) {
      const a = c[`layer_${layer}`][i];
      const b = r.layers[layer];
      assert.ok(a === b || Math.abs(a - b) < 1e-9, `row ${i} layer ${layer}: ${a} vs ${b}`);
    }
    assert.equal(c.overrides[i], r.overrides.join(','));
    assert.equal(c.reasons[i], r.reasons.join(','));
    assert.equal(c.escalate[i], r.escalate);
    assert.equal(c.score_change[i], null);
    assert.equal(c.status[i], r.status);
    assert.equal(c.coverage[i], r.coverage);
    assert.equal(c.missing[i], r.missing.join(','));
    assert.equal(c.reason_1_text[i], r.reason_details[0]?.text ?? null);
    if (r.overrides.length) fired++;
  });
  assert.ok(fired > 100, `overrides fired on ${fired} rows`);
});

test('absent columns are missing for every row; as_of comes from the request, else today', async () => {
  const r = await post(svc.base, '/v1/score/columns', {
    columns: { account_id: ['A', 'B'], zero_usage_14d: [true, null] },
  });
  assert.equal(r.status, 200, r.text);
  assert.deepEqual(r.body.columns.as_of, ['2024-07-01', '2024-07-01']);
  // zero usage alone is too little of the card to give a score; the override still shows
  assert.deepEqual(r.body.columns.status, ['insufficient_data', 'insufficient_data']);
  assert.equal(r.body.columns.score[0], null);
  assert.equal(r.body.columns.base_score[0], 0, 'the usage trend it speaks for gets 0 points');
  assert.equal(r.body.columns.overrides[0], 'zero_usage_14d');
  assert.match(r.body.columns.missing[1], /^usage_trend_14d,/);
  assert.equal(r.body.columns.overrides[1], '');
  const dated = await post(svc.base, '/v1/score/columns', { as_of: '2024-03-31', columns: { account_id: ['A'] } });
  assert.deepEqual(dated.body.columns.as_of, ['2024-03-31']);
});

const refusals: { name: string; body: unknown; code?: string; field: string | RegExp }[] = [
  {
    name: 'columns of different lengths',
    body: { columns: { account_id: ['A', 'B'], usage_trend_14d: [0.1] } },
    code: 'column_length',
    field: '/columns/usage_trend_14d',
  },
  { name: 'an unknown column', body: { columns: { account_id: ['A'], bogus: [1] } }, field: '/columns/bogus' },
  {
    name: 'text in a number column',
    body: { columns: { account_id: ['A', 'B'], seats: [3, 'ten'] } },
    field: '/columns/seats/1',
  },
  {
    name: 'a column that is not an array',
    body: { columns: { account_id: ['A'], seats: 3 } },
    field: '/columns/seats',
  },
  { name: 'no account_id column', body: { columns: { seats: [3] } }, field: /account_id/ },
  { name: 'a bad date', body: { columns: { account_id: ['A'], as_of: ['2024-02-30'] } }, field: '/columns/as_of/0' },
  {
    name: 'the same account and as_of twice',
    body: { as_of: '2024-01-31', columns: { account_id: ['A', 'B', 'A'] } },
    code: 'duplicate_account',
    field: '/columns/account_id/2',
  },
  {
    name: 'the same account twice in a row of ids otherwise in order',
    body: { as_of: '2024-01-31', columns: { account_id: ['A', 'B', 'B', 'C'] } },
    code: 'duplicate_account',
    field: '/columns/account_id/2',
  },
  {
    name: 'the same account twice in an as_of column of one date',
    body: { columns: { account_id: ['A', 'B', 'A'], as_of: ['2024-01-31', '2024-01-31', '2024-01-31'] } },
    code: 'duplicate_account',
    field: '/columns/account_id/2',
  },
  {
    name: `more than ${MAX_COLUMNAR_ROWS} rows`,
    body: { columns: { account_id: Array.from({ length: MAX_COLUMNAR_ROWS + 1 }, (_, i) => `A${i}`) } },
    field: '/columns/account_id',
  },
];

test('an account may come twice with different as_of dates', async () => {
  const res = await post(svc.base, '/v1/score/columns', {
    columns: { account_id: ['A', 'B', 'A'], as_of: ['2024-01-31', '2024-01-31', '2024-02-29'] },
  });
  assert.equal(res.status, 200, res.text);
  assert.deepEqual(res.body.columns.as_of, ['2024-01-31', '2024-01-31', '2024-02-29']);
});

for (const r of refusals) {
  test(`columns: ${r.name} is a 400 naming the field`, async () => {
    const res = await post(svc.base, '/v1/score/columns', r.body);
    assert.equal(res.status, 400, res.text.slice(0, 300));
    if (r.code) assert.equal(res.body.code, r.code);
    if (typeof r.field === 'string') assert.equal(res.body.field, r.field, res.text);
    else assert.match(res.text, r.field);
  });
}

test('with a score history, columns get score_change from the previous request', async () => {
  const { dir, cleanup } = await tempDir('churnkit-columns-history-');
  const withHistory = await startService({ scorecard: 'default', history: join(dir, 'history.duckdb') });
  try {
    // With a history, the answer is made from rows (ResultColumns, for the history); without one,
    // straight from the kernel's outputs: the same bytes, rounded or exact (ids the test does not reuse).
    for (const [query, prefix] of [
      ['', 'R'],
      ['?exact=true', 'E'],
    ] as const) {
      const accounts = makeAccounts(300, prefix.charCodeAt(0));
      for (const a of accounts) a['account_id'] = `${prefix}${a['account_id']}`;
      accounts[7]!['segment'] = 'Enterprise Plus';
      accounts[8]!['account_name'] = 'Zürich “Nord” 東京';
      const body = JSON.stringify({ columns: toColumns(accounts) });
      const [fromRows, fromKernel] = await Promise.all(
        [withHistory.base, svc.base].map((base) =>
          fetch(`${base}/v1/score/columns${query}`, {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body,
          }),
        ),
      );
      assert.equal(fromKernel!.status, 200);
      assert.equal(await fromKernel!.text(), await fromRows!.text(), query);
    }
    // enough of the card present to be scored (an account with too little data has no score to remember)
    const rest = {
      login_frequency_change_14d: [0, 0],
      license_utilization: [0.6, 0.6],
      support_ticket_trend_30d: [0, 0],
      days_since_last_csm_interaction: [10, 10],
      nps_trend: [0, 0],
    };
    const first = await post(withHistory.base, '/v1/score/columns?exact=true', {
      as_of: '2024-06-30',
      columns: { account_id: ['A', 'B'], usage_trend_14d: [0.2, 0.2], ...rest },
    });
    assert.equal(first.status, 200, first.text);
    assert.deepEqual(first.body.columns.score_change, [null, null]);
    const second = await post(withHistory.base, '/v1/score/columns?exact=true', {
      as_of: '2024-07-31',
      columns: { account_id: ['B', 'A'], usage_trend_14d: [-0.5, 0.2], ...rest },
    });
    assert.equal(second.status, 200, second.text);
    const [b, a] = second.body.columns.score_change;
    assert.equal(a, 0);
    assert.ok(b < 0, `B's usage fell: change ${b}`);
    assert.ok(Math.abs(b - (second.body.columns.score[0] - first.body.columns.score[1])) < 1e-9);
    // With a history the Arrow answer is made another way (from the rows the history records); its
    // columns have the same Arrow types as without one.
    const third = { as_of: '2024-08-31', columns: { account_id: ['A', 'C'], usage_trend_14d: [0.1, null], ...rest } };
    const types = async (base: string) => {
      const res = await fetch(`${base}/v1/score/columns`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'application/vnd.apache.arrow.stream' },
        body: JSON.stringify(third),
      });
      assert.equal(res.status, 200);
      const table = tableFromIPC(new Uint8Array(await res.arrayBuffer()));
      return table.schema.fields.map(
        (f) => `${f.name}: ${JSON.stringify(f.type, (k, v) => (k === 'id' ? undefined : v))}`,
      );
    };
    assert.deepEqual(await types(withHistory.base), await types(svc.base));
  } finally {
    await withHistory.close();
    await cleanup();
  }
});

test('columns: ?fields= answers account_id and the named columns only, with the values of the full answer', async () => {
  const accounts = makeAccounts(500, 41);
  const columns = toColumns(accounts);
  const [full, some] = await Promise.all([
    post(svc.base, '/v1/score/columns', { columns }),
    post(svc.base, '/v1/score/columns?fields=band,reason_2_text,score', { columns }),
  ]);
  assert.equal(some.status, 200, some.text.slice(0, 300));
  assert.deepEqual(Object.keys(some.body.columns), ['account_id', 'score', 'band', 'reason_2_text']);
  for (const name of Object.keys(some.body.columns))
    assert.deepEqual(some.body.columns[name], full.body.columns[name], name);
  const unknown = await post(svc.base, '/v1/score/columns?fields=score,model_probability', { columns });
  assert.equal(unknown.status, 400, unknown.text);
  assert.equal(unknown.body.code, 'unknown_field');
  assert.match(unknown.body.message, /model_probability.*it has account_id, as_of, score/);
  const malformed = await post(svc.base, '/v1/score/columns?fields=score,,band', { columns });
  assert.equal(malformed.status, 400, malformed.text);
});

test('columns: the JSON answer is written column by column, as UTF-8, exactly as JSON.stringify would write it', async () => {
  // Text a client may send: accents, quotes, a backslash, a line separator, an emoji, a lone surrogate.
  const names: (string | null)[] = [
    'Café "Ünïcode" AG',
    'back\\slash\u2028line',
    'Émoji 😀 GmbH',
    'lone \ud800 half',
    null,
  ];
  const accounts = makeAccounts(names.length, 53).map((a, i) => ({
    ...a,
    account_id: `ÄCC-${i}-ø`,
    account_name: names[i]!,
  }));
  for (const query of ['', '?exact=true', '?fields=account_name,reason_1_text,score']) {
    const res = await post(svc.base, `/v1/score/columns${query}`, { columns: toColumns(accounts) });
    assert.equal(res.status, 200, res.text.slice(0, 300));
    assert.equal(res.headers.get('content-type'), 'application/json; charset=utf-8');
    assert.equal(Number(res.headers.get('content-length')), Buffer.byteLength(res.text), query);
    // Canonical: what JSON.stringify makes of the parsed answer is the answer, byte for byte.
    assert.equal(JSON.stringify(res.body), res.text, query);
    assert.deepEqual(
      res.body.columns.account_id,
      accounts.map((a) => a.account_id),
    );
    // The lone surrogate went out escaped (well-formed JSON.stringify) and comes back as it was sent.
    assert.deepEqual(res.body.columns.account_name, names);
  }
});
