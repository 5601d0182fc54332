/**
 * The quick check before Ajv (quick-check.ts) may accept a batch body only when Fastify's Ajv
 * validator accepts it: checked here against that very validator on valid bodies and on bodies
 * broken one value at a time, every kind of wrong value for every property.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { quickBatchCheck, quickColumnsCheck } from '../../src/serve/quick-check.js';
import { scoreRequestSchema } from '../../src/serve/schemas.js';
import { Rng } from '../../src/util/rng.js';
import { ODD_VALUES as VALUES, makeAccounts, toColumns } from './accounts.js';
import { ajvValidators } from './support.js';

test('the quick batch checks accept only bodies Ajv accepts, and accept the usual ones', async () => {
  const { app, batch, columns } = await ajvValidators();
  try {
    const rng = new Rng(3);
    const accounts = makeAccounts(40, 9);
    const names = [...Object.keys(scoreRequestSchema.properties), 'unknown_field'];
    let agreed = 0;
    let cases = 0;
    const judge = (body: unknown, quick: (b: unknown) => boolean, ajv: (b: unknown) => unknown, what: string) => {
      const fast = quick(body);
      const slow = ajv(body) === true;
      if (fast) assert.ok(slow, `the quick check accepted what Ajv refuses: ${what}`);
      cases++;
      if (fast === slow) agreed++;
    };
    // valid bodies, as clients send them: the quick check must take them (or Ajv runs every time)
    assert.ok(quickBatchCheck({ accounts }));
    assert.ok(quickBatchCheck({ as_of: '2024-06-30', accounts: makeAccounts(30, 2, null) }));
    assert.ok(quickColumnsCheck({ columns: toColumns(accounts) }));
    assert.ok(quickColumnsCheck({ as_of: '2024-02-29', columns: toColumns(makeAccounts(30, 4, null)) }));
    for (const name of names) {
      for (const value of VALUES) {
        const broken = accounts.map((a) => ({ ...a }));
        const at = rng.int(broken.length);
        broken[at]![name] = value as never;
        const what = `${name} = ${JSON.stringify(value)}`;
        judge({ accounts: broken }, quickBatchCheck, batch, what);
        const cols = toColumns(broken);
        judge({ columns: cols }, quickColumnsCheck, columns, `column ${what}`);
        judge({ columns: { ...cols, [name]: value } }, quickColumnsCheck, columns, `column ${name} as ${what}`);
      }
      const missing = accounts.map((a) => ({ ...a }));
      delete missing[rng.int(missing.length)]![name];
      judge({ accounts: missing }, quickBatchCheck, batch, `without ${name}`);
    }
    for (const value of VALUES) {
      judge({ as_of: value, accounts }, quickBatchCheck, batch, `as_of ${JSON.stringify(value)}`);
      judge({ accounts: value }, quickBatchCheck, batch, `accounts ${JSON.stringify(value)}`);
      judge({ accounts, extra: value }, quickBatchCheck, batch, 'an extra field');
      judge({ columns: value }, quickColumnsCheck, columns, `columns ${JSON.stringify(value)}`);
      judge(value, quickBatchCheck, batch, `the body ${JSON.stringify(value)}`);
      judge(value, quickColumnsCheck, columns, `the body ${JSON.stringify(value)}`);
    }
    judge({ accounts: [...accounts, 5] }, quickBatchCheck, batch, 'an account that is a number');
    judge(
      { accounts: Array.from({ length: 10_001 }, (_, i) => ({ account_id: `A${i}` })) },
      quickBatchCheck,
      batch,
      '10,001 accounts',
    );
    judge({ columns: { account_id: new Array(100_001).fill('A') } }, quickColumnsCheck, columns, '100,001 rows');
    // It leaves to Ajv only what it cannot be sure of cheaply (strings longer in UTF-16 than their limit).
    assert.ok(agreed > cases * 0.97, `${agreed} of ${cases}`);
  } finally {
    await app.close();
  }
});
