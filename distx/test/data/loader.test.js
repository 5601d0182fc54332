import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { TABLE_NAMES, DEFAULT_CSM_KINDS } from '../../src/data/contract.js';
import { openDuckDB, quoteIdent, quoteLiteral } from '../../src/data/duckdb.js';
import { openHistory } from '../../src/data/history.js';
import { DataIssueError } from '../../src/data/issues.js';
import { ChurnkitError, InputError } from '../../src/util/errors.js';
import { fixture, tempDir } from '../support/paths.js';
import { expectedGood, goodCopy, viewRows, write } from './helpers.js';
async function withHistory(source, fn, config) {
    const h = await openHistory(source, config ? { config } : {});
    try {
        return await fn(h);
    }
    finally {
        h.close();
    }
}
async function assertMatchesReference(source) {
    const expected = await expectedGood();
    await withHistory(source, async (h) => {
        assert.deepEqual([...h.tables], TABLE_NAMES);
        for (const table of TABLE_NAMES)
            assert.deepEqual(await viewRows(h, table), expected[table], `table ${table} from ${[...h.sources.values()].join(', ')}`);
    });
}
test('a CSV folder reads into typed views that match the pandas reference (UTC offsets, lenient booleans, enum case, defaults)', async () => {
    await assertMatchesReference(fixture('data', 'good'));
});
test('Parquet, JSONL and a DuckDB database file give the same rows as the CSV folder', async () => {
    const { dir, cleanup } = await tempDir();
    try {
        const pq = join(dir, 'parquet');
        const js = join(dir, 'jsonl');
        await mkdir(pq);
        await mkdir(js);
        const dbFile = join(dir, 'history.duckdb');
        // Parquet and the database get typed columns (the pass-through path); JSONL gets the raw
        // text of the CSV files (the parsing path).
        await withHistory(fixture('data', 'good'), async (h) => {
            await h.connection.run(`ATTACH ${quoteLiteral(dbFile)} AS out`);
            for (const t of TABLE_NAMES) {
                await h.connection.run(`COPY (SELECT * FROM ${quoteIdent(t)}) TO ${quoteLiteral(join(pq, `${t}.parquet`))} (FORMAT parquet)`);
                await h.connection.run(`COPY (SELECT * FROM read_csv(${quoteLiteral(fixture('data', `good/${t}.csv`))}, all_varchar = true)) TO ${quoteLiteral(join(js, `${t}.jsonl`))} (FORMAT json)`);
                await h.connection.run(`CREATE TABLE out.${quoteIdent(t)} AS SELECT * FROM ${quoteIdent(t)}`);
            }
            await h.connection.run('DETACH out');
        });
        await assertMatchesReference(pq);
        await assertMatchesReference(js);
        const before = createHash('sha256')
            .update(await readFile(dbFile))
            .digest('hex');
        await assertMatchesReference(dbFile);
        await withHistory(dbFile, async (h) => assert.equal(h.kind, 'duckdb'));
        assert.equal(createHash('sha256')
            .update(await readFile(dbFile))
            .digest('hex'), before, 'the database is attached read-only');
    }
    finally {
        await cleanup();
    }
});
test('the typed view over correct Parquet passes columns through, so filters still reach the Parquet scan', async () => {
    const { dir, cleanup } = await tempDir();
    try {
        const db = await openDuckDB();
        await db.connection.run(`COPY (SELECT 'A' || (i % 50) AS account_id, TIMESTAMP '2024-01-01' + to_minutes(i) AS occurred_at, NULL::VARCHAR AS user_id, 'login' AS event, 1.0 AS quantity FROM range(5000) t(i)) TO ${quoteLiteral(join(dir, 'usage.parquet'))}`);
        await db.connection.run(`COPY (SELECT 'A' || i AS account_id, DATE '2023-01-01' AS started_at FROM range(50) t(i)) TO ${quoteLiteral(join(dir, 'accounts.parquet'))}`);
        db.close();
        await withHistory(dir, async (h) => {
            const plan = (await h.connection.runAndReadAll(`EXPLAIN SELECT count(*) FROM usage WHERE occurred_at >= TIMESTAMP '2024-01-03'`))
                .getRowsJS()
                .map((r) => String(r[1]))
                .join('\n');
            assert.match(plan, /READ_PARQUET[\s\S]*Filters:[\s\S]*occurred_at/, plan);
            const n = await h.connection.runAndReadAll(`SELECT count(*)::INTEGER FROM usage WHERE occurred_at >= TIMESTAMP '2024-01-03'`);
            assert.equal(n.getRowsJS()[0][0], 5000 - 2 * 24 * 60);
        });
    }
    finally {
        await cleanup();
    }
});
test('a blank required value in Parquet is refused however it is blank; a value starting with any other character is not', async () => {
    // The missing-value check skips row groups by their min/max: it must still find '' and values
    // trim() empties (spaces, no-break and ideographic spaces) wherever they sit, and pass values
    // whose first character is punctuation, a control character or beyond ASCII.
    const { dir, cleanup } = await tempDir();
    try {
        const write = async (events) => {
            const db = await openDuckDB();
            const list = events.map(quoteLiteral).join(', ');
            await db.connection.run(`COPY (SELECT 'A' || (i % 50) AS account_id, TIMESTAMP '2024-01-01' + to_minutes(i) AS occurred_at, NULL::VARCHAR AS user_id,
          CASE WHEN i % 997 = 500 THEN [${list}][1 + (i // 997) % ${events.length}] ELSE 'login' END AS event, 1.0 AS quantity
          FROM range(20000) t(i)) TO ${quoteLiteral(join(dir, 'usage.parquet'))} (FORMAT parquet, ROW_GROUP_SIZE 2048)`);
            await db.connection.run(`COPY (SELECT 'A' || i AS account_id, DATE '2023-01-01' AS started_at FROM range(50) t(i)) TO ${quoteLiteral(join(dir, 'accounts.parquet'))} (FORMAT parquet)`);
            db.close();
        };
        for (const blank of ['', '   ', '\u00a0', ' \u3000 ']) {
            await write([blank]);
            await assert.rejects(openHistory(dir), /table usage \(usage\.parquet\): values break the contract/, JSON.stringify(blank));
        }
        await write(['!', '~x', '\tx', 'é', ' x', '\u00a0x']);
        await withHistory(dir, async (h) => {
            const n = await h.connection.runAndReadAll(`SELECT count(DISTINCT event)::INTEGER FROM usage`);
            assert.equal(n.getRowsJS()[0][0], 7);
        });
    }
    finally {
        await cleanup();
    }
});
test('a value that cannot be read fails the query that reads it, naming table, column and value', async () => {
    const { dir, cleanup } = await goodCopy();
    try {
        await write(dir, 'usage.csv', 'account_id,occurred_at,user_id,event,quantity\nA1,2024-01-02T09:15:00Z,u1,login,1\nA1,2024-01-03T09:15:00Z,u1,login,lots\n');
        await withHistory(dir, async (h) => {
            await assert.rejects(h.connection.runAndReadAll('SELECT sum(quantity) FROM usage'), /table usage \(usage\.csv\), column quantity: not a number: lots/);
            // columns that are fine still read
            const ids = await h.connection.runAndReadAll('SELECT count(DISTINCT account_id)::INTEGER FROM usage');
            assert.equal(ids.getRowsJS()[0][0], 1);
        });
    }
    finally {
        await cleanup();
    }
});
test('a missing required table or column is an InputError (exit 2) naming table and column', async () => {
    const { dir, cleanup } = await goodCopy();
    try {
        await write(dir, 'accounts.csv', 'account_id,name\nA1,Acme\n');
        await assert.rejects(openHistory(dir), (err) => {
            assert.ok(err instanceof InputError && err instanceof DataIssueError);
            assert.equal(err.exitCode, 2);
            assert.deepEqual([err.at.table, err.at.column], ['accounts', 'started_at']);
            assert.match(err.message, /^table accounts \(accounts\.csv\), column started_at: required column is missing \(columns found: account_id, name\)/);
            return true;
        });
        const { rm } = await import('node:fs/promises');
        await rm(join(dir, 'usage.csv'));
        await assert.rejects(openHistory(dir), /table usage: required table is missing: expected usage\.csv, usage\.parquet or usage\.jsonl/);
    }
    finally {
        await cleanup();
    }
});
test("csmKinds: the default CSM kinds, or the mapping file's", async () => {
    await withHistory(fixture('data', 'good'), async (h) => assert.deepEqual(h.csmKinds, DEFAULT_CSM_KINDS));
    const { dir, cleanup } = await goodCopy();
    try {
        await write(dir, 'churnkit.config.json', JSON.stringify({ csm_kinds: ['qbr', 'csm_call'] }));
        await withHistory(dir, async (h) => {
            assert.deepEqual(h.csmKinds, ['qbr', 'csm_call']);
            assert.equal(h.configPath, join(dir, 'churnkit.config.json'));
        });
    }
    finally {
        await cleanup();
    }
});
test('a URL source is a clear error naming what reads PostgreSQL', async () => {
    await assert.rejects(openHistory('postgresql://localhost/crm'), (err) => err instanceof ChurnkitError && err.exitCode === 2 && /churnkit features --data postgres:/.test(err.message));
    await assert.rejects(openHistory('s3://bucket/history'), (err) => err instanceof ChurnkitError && err.exitCode === 2 && /no reader for s3:\/\/ sources/.test(err.message));
});
test('a CSV whose rows do not split into its header fails to open with exit 2, pointing to validate', async () => {
    const { dir, cleanup } = await goodCopy();
    try {
        await write(dir, 'contacts.csv', 'account_id,contact_id,role,started_at\nA1,P1,champion,2022-01-15,extra\nA1,P2,admin\n');
        await assert.rejects(openHistory(dir), (err) => err instanceof ChurnkitError &&
            err.exitCode === 2 &&
            /^table contacts \(contacts\.csv\): cannot read the file: .*; run churnkit validate --data /.test(err.message));
    }
    finally {
        await cleanup();
    }
});
//# sourceMappingURL=loader.test.js.map