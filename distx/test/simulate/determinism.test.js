import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { simulate } from '../../src/simulate/index.js';
import { TABLE_NAMES } from '../../src/data/contract.js';
import { tempDir } from '../support/paths.js';
import { digests } from '../support/digests.js';
test('one seed gives byte-identical files (every table and truth.json); another seed gives other data', async () => {
    const { dir, cleanup } = await tempDir('churnkit-sim-det-');
    try {
        const base = { accounts: 150, months: 14, threads: 2 };
        await simulate({ ...base, seed: 42, out: join(dir, 'a') });
        await simulate({ ...base, seed: 42, out: join(dir, 'b'), threads: 1 });
        await simulate({ ...base, seed: 43, out: join(dir, 'c') });
        const [a, b, c] = await Promise.all(['a', 'b', 'c'].map((x) => digests(join(dir, x))));
        const expected = ['.churnkit-output.json', ...TABLE_NAMES.map((t) => `${t}.parquet`), 'truth.json'].sort();
        assert.deepEqual([...a.keys()], expected, 'the eight tables, truth.json and the output marker, no leftovers');
        assert.deepEqual(b, a, 'same seed, same bytes (also with a different DuckDB thread count)');
        for (const name of ['usage.parquet', 'accounts.parquet', 'tickets.parquet', 'truth.json']) {
            assert.notEqual(c.get(name), a.get(name), `${name} should change with the seed`);
        }
    }
    finally {
        await cleanup();
    }
});
test('CSV output is deterministic too, and an account does not depend on how many others are simulated', async () => {
    const { dir, cleanup } = await tempDir('churnkit-sim-det-');
    try {
        await simulate({ accounts: 40, months: 8, seed: 9, out: join(dir, 'small'), format: 'csv' });
        await simulate({ accounts: 40, months: 8, seed: 9, out: join(dir, 'again'), format: 'csv' });
        await simulate({ accounts: 80, months: 8, seed: 9, out: join(dir, 'large'), format: 'csv' });
        assert.deepEqual(await digests(join(dir, 'again')), await digests(join(dir, 'small')));
        // Every account has its own random stream: the first 40 of 80 are the 40 of the smaller run.
        const small = (await readFile(join(dir, 'small', 'usage.csv'), 'utf8')).trimEnd().split('\n');
        const large = (await readFile(join(dir, 'large', 'usage.csv'), 'utf8')).trimEnd().split('\n');
        assert.ok(small.length > 1000);
        assert.deepEqual(large.slice(0, small.length), small);
        assert.notEqual(large.length, small.length);
    }
    finally {
        await cleanup();
    }
});
//# sourceMappingURL=determinism.test.js.map