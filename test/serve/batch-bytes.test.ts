/**
 * The batch body read from its bytes (batch-bytes.ts) against the usual path: JSON.parse, Fastify's
 * own Ajv validator, accountColumns. Where the reader takes a body, Ajv must accept the parsed body
 * and the columns must be the same, value for value (NaN for missing, -0 kept); where it is unsure
 * it must say so (null), and the usual path answers. Hand-made awkward bodies, then random ones.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadScorecard, type Scorecard } from '../../src/scorecard/index.js';
import { accountColumns, requestColumns, type AccountInput } from '../../src/serve/batch-answer.js';
import { batchColumnsFromBytes } from '../../src/serve/batch-bytes.js';
import { batchRequestSchema, scoreRequestSchema } from '../../src/serve/schemas.js';
import { Rng } from '../../src/util/rng.js';
import { ODD_VALUES, makeAccounts, type Account } from './accounts.js';
import { ajvValidators } from './support.js';

const today = () => '2024-07-01';

async function setup() {
  const { app, batch } = await ajvValidators();
  return { app, ajv: batch, card: await loadScorecard('default') };
}

/**
 * Reads `text` both ways: when the reader takes it, Ajv accepts what JSON.parse makes of it and
 * the columns are the same. Whether the reader took it.
 */
function sameAsParsed(ajv: (body: unknown) => unknown, card: Scorecard, text: string | Buffer, what: string): boolean {
  const bytes = typeof text === 'string' ? Buffer.from(text) : text;
  const read = batchColumnsFromBytes(bytes);
  if (read === null) return false;
  const parsed = JSON.parse(bytes.toString('utf8')) as { as_of?: string; accounts: AccountInput[] };
  assert.equal(ajv(parsed), true, `the reader took a body the schema refuses: ${what}`);
  const want = accountColumns(parsed.accounts, parsed.as_of, today, card);
  const got = requestColumns(read.accounts, read.asOf, today, card);
  assert.equal(got.n, want.n, what);
  assert.deepEqual(got.ids, want.ids, what);
  assert.deepEqual(got.asOf, want.asOf, what);
  assert.deepEqual(Object.keys(got.table.columns).sort(), Object.keys(want.table.columns).sort(), what);
  for (const [name, values] of Object.entries(want.table.columns) as [string, ArrayLike<unknown>][]) {
    const mine = got.table.columns[name]!;
    assert.equal(mine.length, values.length, `${what}: ${name}`);
    // Object.is: NaN is NaN, -0 is not 0
    for (let i = 0; i < values.length; i++)
      assert.ok(
        Object.is(mine[i], values[i]),
        `${what}: ${name}[${i}] ${String(mine[i])} against ${String(values[i])}`,
      );
  }
  return true;
}

test('the reader takes the usual bodies and reads them as JSON.parse and accountColumns do', async () => {
  const { app, ajv, card } = await setup();
  try {
    const accounts = makeAccounts(300, 5);
    const cases: [string, string][] = [
      ['generated', JSON.stringify({ accounts })],
      [
        'generated without as_of, a batch as_of',
        JSON.stringify({ as_of: '2024-02-29', accounts: makeAccounts(50, 6, null) }),
      ],
      [
        'the batch as_of after the accounts',
        JSON.stringify({ accounts: makeAccounts(20, 7, null), as_of: '2023-12-31' }),
      ],
      ['pretty-printed', JSON.stringify({ accounts: accounts.slice(0, 20) }, null, 2)],
      [
        'tabs and carriage returns',
        ` \t\r\n${JSON.stringify({ accounts: accounts.slice(0, 5) }).replace(/,/g, ' ,\r\n\t')} `,
      ],
      ['no accounts', '{"accounts":[]}'],
      ['one account, nothing but its id', '{"accounts":[{"account_id":"A"}]}'],
      [
        'unicode ids, names and segments',
        JSON.stringify({
          accounts: [
            { account_id: 'ünïcödé ☃', account_name: 'Zoë Ltd 🚀', segment: 'entérprise' },
            { account_id: '🚀'.repeat(128), account_name: null, segment: null },
            { account_id: '日本', account_name: 'é'.repeat(512) },
          ],
        }),
      ],
      [
        'numbers spelled every way JSON allows',
        '{"accounts":[{"account_id":"a","usage_trend_14d":1E-3,"nps_trend":-0,"seats":1e2,"annual_value":12345.678e3,' +
          '"license_utilization":0.5E+0,"tenure_days":100.000,"days_to_renewal":-0.0,"contract_value_vs_usage_ratio":0.1}' +
          ',{"account_id":"b","usage_trend_14d":-0.9999999999999999,"annual_value":123456789012345678901,"nps_trend":5e-1,' +
          '"license_utilization":0.30000000000000004,"seats":0e5}]}',
      ],
      [
        'nulls, booleans, absent fields, keys in any order',
        '{"accounts":[{"zero_usage_14d":true,"account_id":"a","champion_departed":null,"segment":"smb"},' +
          '{"segment":null,"active_escalation":false,"as_of":"2024-01-31","account_id":"b","nps_trend":null}]}',
      ],
    ];
    for (const [what, text] of cases) assert.ok(sameAsParsed(ajv, card, text, what), `the reader gave up on: ${what}`);
    // invalid UTF-8 in an id reads as the whole body's decoding does (replacement characters)
    const invalid = Buffer.concat([
      Buffer.from('{"accounts":[{"account_id":"'),
      Buffer.from([0xff, 0xfe]),
      Buffer.from('x"}]}'),
    ]);
    assert.ok(sameAsParsed(ajv, card, invalid, 'invalid UTF-8'));
  } finally {
    await app.close();
  }
});

test('the reader leaves to the usual path what it is unsure of', async () => {
  const { app, ajv, card } = await setup();
  try {
    const unsure: [string, string | Buffer][] = [
      ['an escape in an id', '{"accounts":[{"account_id":"a\\"b"}]}'],
      ['a unicode escape', '{"accounts":[{"account_id":"\\u00e9"}]}'],
      ['an unknown field', '{"accounts":[{"account_id":"a","usage_trend":1}]}'],
      ['a key twice in an account', '{"accounts":[{"account_id":"a","seats":1,"seats":2}]}'],
      ['accounts twice', '{"accounts":[],"accounts":[]}'],
      ['an unknown top-level field', '{"accounts":[],"dry_run":true}'],
      ['no accounts field', '{"as_of":"2024-01-01"}'],
      ['no account_id', '{"accounts":[{"seats":1}]}'],
      ['an empty account_id', '{"accounts":[{"account_id":""}]}'],
      ['an account_id too long', JSON.stringify({ accounts: [{ account_id: 'x'.repeat(257) }] })],
      ['a text for a number', '{"accounts":[{"account_id":"a","seats":"1"}]}'],
      ['a number for a boolean', '{"accounts":[{"account_id":"a","zero_usage_14d":1}]}'],
      ['a fraction for an integer', '{"accounts":[{"account_id":"a","days_to_renewal":1.5}]}'],
      ['a number past a double', '{"accounts":[{"account_id":"a","usage_trend_14d":1e400}]}'],
      ['a number JSON does not allow', '{"accounts":[{"account_id":"a","seats":01}]}'],
      ['a day not on the calendar', '{"accounts":[{"account_id":"a","as_of":"2023-02-29"}]}'],
      ['a batch as_of not a date', '{"as_of":"2024-01-01T00:00:00Z","accounts":[]}'],
      ['null for account_id', '{"accounts":[{"account_id":null}]}'],
      ['an account that is an array', '{"accounts":[["a"]]}'],
      ['nested arrays', `{"accounts":${'['.repeat(1000)}${']'.repeat(1000)}}`],
      ['trailing garbage', '{"accounts":[]} x'],
      ['a trailing comma', '{"accounts":[{"account_id":"a"},]}'],
      ['cut short', '{"accounts":[{"account_id":"a"}'],
      ['a byte order mark', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('{"accounts":[]}')])],
      ['__proto__', '{"accounts":[{"account_id":"a","__proto__":{"x":1}}]}'],
      [
        '10,001 accounts',
        JSON.stringify({ accounts: Array.from({ length: 10_001 }, (_, i) => ({ account_id: `A${i}` })) }),
      ],
      ['an empty body', ''],
      ['JSON null', 'null'],
    ];
    for (const [what, text] of unsure) assert.equal(sameAsParsed(ajv, card, text, what), false, what);
    // 10,000 is the limit, and taken
    const most = JSON.stringify({ accounts: Array.from({ length: 10_000 }, (_, i) => ({ account_id: `A${i}` })) });
    assert.ok(sameAsParsed(ajv, card, most, '10,000 accounts'));
  } finally {
    await app.close();
  }
});

/** A JSON number's other spellings that JSON.parse reads as the same double. */
function spelled(rng: Rng, v: number): string {
  const text = JSON.stringify(v);
  switch (rng.int(5)) {
    case 0:
      return v.toExponential().replace('e+', rng.bernoulli(0.5) ? 'E+' : 'e');
    case 1:
      return Number.isInteger(v) && Math.abs(v) < 1e15 ? `${text}.000` : text;
    case 2:
      return Number.isInteger(v) && v !== 0 && Math.abs(v) < 1e15 ? `${text}0e-1` : text;
    default:
      return text;
  }
}

/** Random values, right and wrong, for an account's properties: quick-check.test's, and text JSON escapes. */
const VALUES: unknown[] = [...ODD_VALUES, 0.1, 123456.789, 'é'.repeat(129), 'q"uote', 'back\\slash', 'line\nbreak'];

/** An account written by hand: keys shuffled, numbers respelled, whitespace here and there, a key now and then twice (then `twice`). */
function written(rng: Rng, a: Account): { text: string; twice: boolean } {
  const keys = Object.keys(a);
  for (let i = keys.length - 1; i > 0; i--) {
    const j = rng.int(i + 1);
    [keys[i], keys[j]] = [keys[j]!, keys[i]!];
  }
  const twice = rng.bernoulli(0.01);
  if (twice) keys.push(keys[rng.int(keys.length)]!);
  const space = () => (rng.bernoulli(0.1) ? [' ', '\n', '\t', '\r\n '][rng.int(4)]! : '');
  const parts = keys.map((k) => {
    const v = a[k];
    const value = typeof v === 'number' ? spelled(rng, v) : JSON.stringify(v);
    return `${space()}${JSON.stringify(k)}${space()}:${space()}${value}${space()}`;
  });
  return { text: `{${parts.join(',')}}`, twice };
}

test('random bodies, right and wrong: what the reader takes reads as JSON.parse and the schema take it', async () => {
  const { app, ajv, card } = await setup();
  try {
    const rng = new Rng(18);
    const names = [...Object.keys(scoreRequestSchema.properties), 'unknown_field'];
    let taken = 0;
    const trials = 400;
    for (let t = 0; t < trials; t++) {
      const accounts = makeAccounts(1 + rng.int(30), 100 + t, rng.bernoulli(0.5) ? '2024-06-30' : null);
      // most bodies broken nowhere, the others in a value or two
      const broken = rng.bernoulli(0.5) ? 0 : 1 + rng.int(2);
      for (let b = 0; b < broken; b++) {
        const a = accounts[rng.int(accounts.length)]!;
        const name = names[rng.int(names.length)]!;
        if (rng.bernoulli(0.2)) delete a[name];
        else a[name] = VALUES[rng.int(VALUES.length)] as never;
      }
      const objects = accounts.map((a) => written(rng, a));
      const top = [`"accounts":[${objects.map((o) => o.text).join(',')}]`];
      if (rng.bernoulli(0.3)) top.push(`"as_of":${JSON.stringify(rng.bernoulli(0.9) ? '2024-05-31' : '2024-05-32')}`);
      if (rng.bernoulli(0.5)) top.reverse();
      const text = `{${top.join(',')}}`;
      const read = sameAsParsed(ajv, card, text, `trial ${t}: ${text.slice(0, 200)}`);
      if (read) taken++;
      else {
        // unsure only where it may be: the schema refuses, or an escape, a key twice, text not ASCII
        const plain = !/[\\\u0080-\uffff]/.test(text) && !objects.some((o) => o.twice);
        if (plain)
          assert.notEqual(
            ajv(JSON.parse(text)),
            true,
            `the reader gave up on a plain valid body: ${text.slice(0, 300)}`,
          );
      }
    }
    assert.ok(taken > trials / 4, `the reader took ${taken} of ${trials}`);
  } finally {
    await app.close();
  }
});

test('the batch schema has the shape the byte reader knows by hand (as_of, accounts up to maxItems): a keyword added there fails here first', () => {
  // a body the reader takes skips Ajv (server.ts), so a rule the reader does not apply would let
  // through what the schema refuses
  assert.deepEqual(Object.keys(batchRequestSchema).sort(), [
    '$id',
    'additionalProperties',
    'properties',
    'required',
    'type',
  ]);
  assert.deepEqual(Object.keys(batchRequestSchema.properties), ['as_of', 'accounts']);
  assert.deepEqual(batchRequestSchema.required, ['accounts']);
  assert.deepEqual(Object.keys(batchRequestSchema.properties.accounts).sort(), ['items', 'maxItems', 'type']);
  assert.deepEqual(batchRequestSchema.properties.accounts.items, { $ref: 'ScoreRequest#' });
});
