/**
 * `POST /v1/score/batch` through the columnar kernel (batch-answer.ts) answers the same bytes as
 * account by account (answerOf, forPeople, JSON.stringify), which the service still uses for a
 * scorer known only as a function. Each server pair below differs only in that: one loader keeps
 * the parsed card (the kernel path), the other hands over the scorer alone. Real HTTP on loopback.
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { writeFile } from 'node:fs/promises';
import { trainModel } from '../../src/learn/index.js';
import { loadScorecard, parseScorecard, serializeScorecard, type Scorecard } from '../../src/scorecard/index.js';
import { loadServableScorecard, type ScorecardLoader, type ServerOptions } from '../../src/serve/index.js';
import { tempDir } from '../support/paths.js';
import { syntheticFeatureTable } from '../scorecard/synthetic.js';
import { makeAccounts, toColumns, type Account } from './accounts.js';
import { post, startService, type Running } from './support.js';

let tmp: { dir: string; cleanup: () => Promise<void> };
const paths: Record<string, string> = {};

/** The scorer alone, without the parsed card: the service then answers account by account. */
const scorerOnly: ScorecardLoader = async (path) => {
  const { card: _card, ...rest } = await loadServableScorecard(path);
  return rest;
};

async function writeCard(name: string, card: Scorecard): Promise<string> {
  const path = join(tmp.dir, `${name}.json`);
  await writeFile(path, serializeScorecard(parseScorecard(card)));
  return path;
}

before(async () => {
  tmp = await tempDir('churnkit-batch-');
  const base = await loadScorecard('default');
  // Every branch of an answer: insufficient data (min_coverage 0.8), no probability map,
  // segments with thresholds, weights and warnings, a set override, a second flag.
  paths['varied'] = await writeCard('varied', {
    ...base,
    min_coverage: 0.8,
    probability: { method: 'none' },
    bands: { ...base.bands, segments: { smb: { green: 80, yellow: 55 } }, known_segments: ['enterprise', 'smb'] },
    segment_weights: {
      enterprise: {
        layers: Object.fromEntries(
          base.layers.map((l, k) => [
            l.name,
            {
              weight: k === 0 ? 1 - 0.1 * (base.layers.length - 1) : 0.1,
              signals: Object.fromEntries(l.signals.map((s) => [s.feature, s.weight])),
            },
          ]),
        ),
      },
    },
    overrides: [
      ...base.overrides,
      {
        id: 'tiny_smb',
        when: {
          all: [
            { signal: 'segment', op: '=', value: 'smb' },
            { signal: 'seats', op: '<', value: 20 },
          ],
        },
        action: 'flag',
        flag: 'review',
      },
      { id: 'no_nps', when: { signal: 'nps_trend', op: 'is_null' }, action: 'set', value: 33.3 },
    ],
  });
  // A comparison the schema cannot see is wrong: segment is text, compared with a number.
  paths['refusing'] = await writeCard('refusing', {
    ...base,
    overrides: [{ id: 'odd', when: { signal: 'segment', op: '>', value: 3 }, action: 'flag', flag: 'odd' }],
  });
  const features = syntheticFeatureTable({ accounts: 60, months: 8, seed: 5 });
  const churn = await trainModel(features, { family: 'logistic' });
  paths['model'] = join(tmp.dir, 'model.json');
  await churn.save(paths['model']);
  // A model trained on an expansion label, as `serve --expansion-model` takes it.
  const label = features.columns['churned_within_90d']!;
  const expansion = await trainModel(
    {
      ...features,
      names: [...features.names, 'expanded_within_90d'],
      columns: { ...features.columns, expanded_within_90d: label },
    },
    { family: 'logistic', label: 'expanded_within_90d' },
  );
  paths['expansion'] = join(tmp.dir, 'expansion.json');
  await expansion.save(paths['expansion']);
});
after(() => tmp.cleanup());

/** Accounts made by hand for the edges, then generated ones (missing, absent, booleans both ways). */
function accounts(seed: number): Account[] {
  const hand: Account[] = [
    { account_id: 'empty' },
    { account_id: 'nulls', segment: null, nps_trend: null, seats: null, zero_usage_14d: null, account_name: null },
    { account_id: 'zero-usage', zero_usage_14d: true, days_to_renewal: 30, seats: 4, segment: 'smb' },
    { account_id: 'champion', champion_departed: true, active_escalation: true, days_to_renewal: 10, nps_trend: -9.95 },
    { account_id: 'extreme', usage_trend_14d: 3, license_utilization: 1e300, nps_trend: -1e300, annual_value: 5e-324 },
    {
      account_id: 'tiny',
      usage_trend_14d: -1,
      license_utilization: 0,
      days_since_last_csm_interaction: 1e-7,
      seats: 0,
    },
    { account_id: 'unknown segment', segment: 'galaxy', account_name: 'Zoë "Q" \\ Ltd\n🚀', nps_trend: 0.05 },
    {
      account_id: 'blank segment',
      segment: ' ',
      days_to_renewal: -5,
      tenure_days: 12,
      contract_value_vs_usage_ratio: 0.333333,
    },
    { account_id: 'ünïcödé ☃', segment: 'enterprise', as_of: '2023-02-28', champion_engagement_change_30d: -0.45 },
    { account_id: 'q"\\\t\u2028\ud83d', segment: 'smb', seats: 3, nps_trend: 12 },
    // the longest id and name the schema takes: past what the answer writes in place
    { account_id: 'i'.repeat(256), account_name: 'n'.repeat(512), seats: 7, nps_trend: -3 },
    { account_id: 'long name', account_name: `${'é'.repeat(300)}"`, segment: 'galaxy', days_to_renewal: 3 },
  ];
  return [...hand, ...makeAccounts(300, seed, null).map((a, i) => (i % 3 ? { ...a, as_of: '2024-06-30' } : a))];
}

async function samePair(
  options: Omit<ServerOptions, 'loader'>,
  check: (kernel: Running, rows: Running) => Promise<void>,
) {
  const kernel = await startService({ today: () => '2024-07-01', ...options });
  const rows = await startService({ today: () => '2024-07-01', ...options, loader: scorerOnly });
  try {
    await check(kernel, rows);
  } finally {
    await Promise.all([kernel.close(), rows.close()]);
  }
}

const ARROW = 'application/vnd.apache.arrow.stream';

async function postBytes(base: string, path: string, body: unknown, accept: string) {
  const res = await fetch(`${base}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept },
    body: JSON.stringify(body),
  });
  return { status: res.status, bytes: new Uint8Array(await res.arrayBuffer()) };
}

async function assertSameAnswers(kernel: Running, rows: Running, path: string, body: unknown): Promise<string> {
  const [a, b] = await Promise.all([post(kernel.base, path, body), post(rows.base, path, body)]);
  assert.equal(a.status, b.status, `${path}: ${a.text.slice(0, 300)}`);
  assert.equal(a.headers.get('content-type'), b.headers.get('content-type'));
  // Byte for byte; on a difference, the first account that differs says more than 5 MB of text.
  if (a.text !== b.text && a.status === 200)
    a.body.results.forEach((r: unknown, i: number) => assert.deepEqual(r, b.body.results[i], `${path}: account ${i}`));
  assert.equal(a.text, b.text, path);
  return a.text;
}

for (const [name, options] of [
  ['the default card', { scorecard: 'default' }],
  [
    'a card with every branch, a model and an expansion model',
    { scorecard: 'varied', model: 'model', expansionModel: 'expansion' },
  ],
] as const) {
  test(`POST /v1/score/batch: the kernel answers the bytes account by account does (${name})`, async () => {
    const resolved: Omit<ServerOptions, 'loader'> = {
      scorecard: options.scorecard === 'default' ? 'default' : paths[options.scorecard]!,
      ...('model' in options ? { model: paths[options.model]!, expansionModel: paths[options.expansionModel]! } : {}),
    };
    await samePair(resolved, async (kernel, rows) => {
      const all = accounts(name.length);
      for (const query of ['', '?exact=true']) {
        const text = await assertSameAnswers(kernel, rows, `/v1/score/batch${query}`, {
          as_of: '2024-05-31',
          accounts: all,
        });
        const results = JSON.parse(text).results as { status: string; band: string | null; overrides: string[] }[];
        // The accounts reach what they were made to: every band, both statuses, overrides firing.
        const bands = new Set(results.map((r) => r.band));
        for (const band of ['RED', 'YELLOW', 'GREEN']) assert.ok(bands.has(band), `${name}: no ${band}`);
        assert.ok(results.some((r) => r.overrides.length > 0));
        if (options.scorecard !== 'default') assert.ok(results.some((r) => r.status === 'insufficient_data'));
      }
      // Without the accounts whose text has escapes, the body is read from its bytes into columns
      // (batch-bytes.ts) where the scorecard is served alone: the same bytes again.
      const plain = all.filter((a) => !JSON.stringify(a).includes('\\'));
      assert.ok(plain.length > all.length - 5);
      for (const query of ['', '?exact=true'])
        await assertSameAnswers(kernel, rows, `/v1/score/batch${query}`, { as_of: '2024-05-31', accounts: plain });
      // No batch as_of: today's date, read once; and the accounts one at a time, as a batch of one.
      await assertSameAnswers(kernel, rows, '/v1/score/batch', { accounts: all.slice(0, 40) });
      for (const account of all.slice(0, 9))
        await assertSameAnswers(kernel, rows, '/v1/score/batch', { accounts: [account] });
      await assertSameAnswers(kernel, rows, '/v1/score/batch', { accounts: [] });
      // Refusals are the same too: a duplicate, a wrong type.
      const dup = await assertSameAnswers(kernel, rows, '/v1/score/batch', { accounts: [all[3], all[5], all[3]] });
      assert.match(dup, /duplicate_account/);
      const dated = [
        { account_id: 'T', as_of: '2024-05-31' },
        { account_id: 'T' },
        { account_id: 'T', as_of: '2024-07-01' },
      ];
      // without as_of, T is scored as of today (2024-07-01), which the third names too
      assert.match(
        await assertSameAnswers(kernel, rows, '/v1/score/batch', { accounts: dated }),
        /accounts\/1 and \/accounts\/2/,
      );
      const distinct = { accounts: [...dated.slice(0, 2), { account_id: 'T', as_of: '2024-06-30' }] };
      assert.match(await assertSameAnswers(kernel, rows, '/v1/score/batch', distinct), /"results"/);
      const dupDated = { as_of: '2024-05-31', accounts: dated };
      assert.match(await assertSameAnswers(kernel, rows, '/v1/score/batch', dupDated), /accounts\/1/);
      await assertSameAnswers(kernel, rows, '/v1/score/batch', {
        accounts: [all[3], { account_id: 'x', seats: 'many' }],
      });
      // The columnar route too, JSON and Arrow out: its sentences are written from the catalogue's
      // template pieces on the kernel path, as strings from rows on the other.
      const columns = { columns: toColumns(all.map((a) => ({ ...a, as_of: a['as_of'] ?? '2024-05-31' }))) };
      for (const query of ['', '?exact=true', '?fields=reason_1_text,reason_2_text,reason_3_text']) {
        for (const accept of ['application/json', ARROW]) {
          const [a, b] = await Promise.all(
            [kernel, rows].map((s) => postBytes(s.base, `/v1/score/columns${query}`, columns, accept)),
          );
          assert.equal(a!.status, 200, new TextDecoder().decode(a!.bytes).slice(0, 300));
          assert.deepEqual(a!.bytes, b!.bytes, `${query} ${accept}`);
        }
      }
    });
  });
}

test('POST /v1/score/batch: a value the kernel refuses is a 400 naming the account, as account by account', async () => {
  await samePair({ scorecard: paths['refusing']! }, async (kernel, rows) => {
    const body = { accounts: [{ account_id: 'a' }, { account_id: 'b', segment: 'smb' }] };
    const text = await assertSameAnswers(kernel, rows, '/v1/score/batch', body);
    const answer = JSON.parse(text);
    assert.equal(answer.code, 'invalid_signal');
    assert.equal(answer.field, '/accounts/1');
    // and the service keeps answering
    await assertSameAnswers(kernel, rows, '/v1/score/batch', { accounts: [{ account_id: 'a' }] });
  });
});

test('answers written at once into the pooled chunks come back whole, each its own (pieces.ts reuses a chunk only once its answer is sent)', async () => {
  const svc = await startService({ scorecard: 'default', today: () => '2024-07-01' });
  try {
    const bodies = [1, 2, 3].map((seed) => ({ accounts: makeAccounts(2500, seed) }));
    const paths = ['/v1/score/batch', '/v1/score/columns'];
    const bodyFor = (path: string, b: { accounts: Account[] }) =>
      path === '/v1/score/batch' ? b : { columns: toColumns(b.accounts) };
    // one at a time first: the answers to expect
    const expected = new Map<string, string>();
    for (const path of paths)
      for (const [k, b] of bodies.entries())
        expected.set(`${path} ${k}`, (await post(svc.base, path, bodyFor(path, b))).text);
    for (const text of expected.values()) assert.ok(text.length > 256 * 1024, 'an answer spans several chunks');
    // then all at once, three rounds: each answer is written while others are being sent
    for (let round = 0; round < 3; round++) {
      const sent = paths.flatMap((path) =>
        bodies.map((b, k) => ({ key: `${path} ${k}`, reply: post(svc.base, path, bodyFor(path, b)) })),
      );
      for (const { key, reply } of sent) assert.equal((await reply).text, expected.get(key), key);
    }
  } finally {
    await svc.close();
  }
});
