import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { TABLE_NAMES } from '../../src/data/contract.js';
import { openDuckDB } from '../../src/data/duckdb.js';
import { openHistory } from '../../src/data/history.js';
import { parseMappingConfig, mappingConfigJsonSchema } from '../../src/data/config.js';
import { validateHistory } from '../../src/data/validate.js';
import { ChurnkitError } from '../../src/util/errors.js';
import { fixture, tempDir } from '../support/paths.js';
import { expectedGood, goodCopy, viewRows, write } from './helpers.js';
test('a mapping file renames files, columns (with spaces and quotes) and values onto the contract', async () => {
    // test/fixtures/data/mapped holds the good fixture's data as a user might export it:
    // their own file names, a ;-delimited file with d/m/Y dates, JSON lines, a TSV, their own
    // column names and their own interaction kinds and role names.
    const expected = await expectedGood();
    const h = await openHistory(fixture('data', 'mapped'));
    try {
        for (const table of TABLE_NAMES)
            assert.deepEqual(await viewRows(h, table), expected[table], table);
        assert.deepEqual(h.csmKinds, ['csm_meeting', 'csm_email', 'qbr']);
        assert.equal(h.sources.get('accounts'), 'CRM Accounts.csv');
        assert.equal(h.columnSources.get('accounts').get('account_id'), 'Account "ID"');
        assert.equal(h.columnSources.get('accounts').get('churned_at'), 'Churn Date');
    }
    finally {
        h.close();
    }
    const report = await validateHistory(fixture('data', 'mapped'));
    assert.equal(report.errors, 0, JSON.stringify(report.issues));
});
test('--config FILE maps a DuckDB database: a table in another schema, names with quotes and spaces', async () => {
    const { dir, cleanup } = await tempDir();
    try {
        const dbFile = join(dir, 'warehouse.duckdb');
        const db = await openDuckDB(dbFile);
        await db.connection.run(`CREATE SCHEMA "cs ops"`);
        await db.connection.run(`CREATE TABLE "cs ops"."Customer ""Master""" AS SELECT * FROM (VALUES ('A1', DATE '2022-01-15'), ('A2', DATE '2022-03-01')) t("Id ""x""", "Since")`);
        await db.connection.run(`CREATE TABLE "cs ops".events AS SELECT 'A1' AS "Account Id", TIMESTAMPTZ '2024-01-02 09:15:00+02' AS "At", 'Login' AS ev`);
        await db.connection.run(`CREATE TABLE main.accounts AS SELECT 'WRONG' AS account_id, DATE '2000-01-01' AS started_at`);
        db.close();
        const config = join(dir, 'mapping.json');
        await write(dir, 'mapping.json', JSON.stringify({
            tables: {
                accounts: {
                    schema: 'cs ops',
                    table: 'Customer "Master"',
                    columns: { account_id: 'Id "x"', started_at: 'Since' },
                },
                usage: {
                    schema: 'cs ops',
                    table: 'events',
                    columns: { account_id: 'Account Id', occurred_at: 'At', event: 'ev' },
                    values: { event: { Login: 'login' } },
                },
            },
        }));
        const h = await openHistory(dbFile, { config });
        try {
            assert.deepEqual((await viewRows(h, 'accounts')).map((r) => [r['account_id'], r['started_at']]), [
                ['A1', '2022-01-15'],
                ['A2', '2022-03-01'],
            ]);
            assert.deepEqual(await viewRows(h, 'usage'), [
                { account_id: 'A1', occurred_at: '2024-01-02 07:15:00', user_id: null, event: 'login', quantity: 1 },
            ]);
            assert.equal(h.sources.get('accounts'), 'cs ops.Customer "Master"');
        }
        finally {
            h.close();
        }
    }
    finally {
        await cleanup();
    }
});
test('hostile names in a mapping file and file names are data, never SQL', async () => {
    const { dir, cleanup } = await goodCopy();
    try {
        const evil = `id"); DROP TABLE accounts; --`;
        const evilFile = `it's "usage"; DROP.csv`;
        await write(dir, 'accounts.csv', `"${evil.replace(/"/g, '""')}",started_at\nA1,2022-01-15\n`);
        await write(dir, evilFile, 'account_id,occurred_at,event\nA1,2024-01-02T00:00:00Z,login\n');
        const { rm } = await import('node:fs/promises');
        await rm(join(dir, 'usage.csv'));
        await write(dir, 'churnkit.config.json', JSON.stringify({
            tables: {
                accounts: { columns: { account_id: evil } },
                usage: { file: evilFile, values: { event: { "x' OR '1'='1": 'login' } } },
            },
        }));
        const h = await openHistory(dir);
        try {
            assert.deepEqual((await viewRows(h, 'accounts')).map((r) => r['account_id']), ['A1']);
            assert.equal((await viewRows(h, 'usage')).length, 1);
            assert.equal(h.sources.get('usage'), evilFile);
        }
        finally {
            h.close();
        }
        const report = await validateHistory(dir);
        assert.equal(report.tables.find((t) => t.table === 'usage').rows, 1);
    }
    finally {
        await cleanup();
    }
});
test('column names match in any case when not mapped', async () => {
    const { dir, cleanup } = await goodCopy();
    try {
        await write(dir, 'accounts.csv', 'Account_ID,Started_At,SEATS\nA1,2022-01-15,3\n');
        const h = await openHistory(dir);
        try {
            assert.deepEqual(await viewRows(h, 'accounts'), [
                { account_id: 'A1', name: null, segment: null, started_at: '2022-01-15', churned_at: null, seats: 3 },
            ]);
        }
        finally {
            h.close();
        }
    }
    finally {
        await cleanup();
    }
});
test('a bad mapping file is rejected with exit 2, naming the file and the field', async () => {
    const cases = [
        [
            { tables: { usage: { columns: { ocurred_at: 'ts' } } } },
            /^m\.json: tables\.usage\.columns: unknown key "ocurred_at" \(expected one of: account_id, occurred_at, user_id, event, quantity\)$/,
        ],
        [
            { tables: { usages: {} } },
            /^m\.json: tables: unknown key "usages" \(expected one of: accounts, contracts, usage/,
        ],
        [
            { tables: { interactions: { values: { kind: { Meeting: 'meeting' } } } } },
            /^m\.json: tables\.interactions\.values\.kind\.Meeting: Invalid option: expected one of "csm_meeting"/,
        ],
        [
            { tables: { tickets: { values: { escalated: { Y: 'true' } } } } },
            /^m\.json: tables\.tickets\.values: unknown key "escalated" \(expected one of: account_id, ticket_id, severity, sentiment\)$/,
        ],
        [{ csm_kinds: ['csm_call', 'phone'] }, /^m\.json: csm_kinds\[1\]: Invalid option/],
        [{ csm_kinds: [] }, /^m\.json: csm_kinds: /],
        [{ csv: { delimiter: '' } }, /^m\.json: csv\.delimiter: /],
        [
            { tables: { usage: { columns: { event: 7 } } } },
            /^m\.json: tables\.usage\.columns\.event: Invalid input: expected string, received number$/,
        ],
        [[1, 2], /^m\.json: \(top level\): Invalid input: expected object/],
    ];
    for (const [value, pattern] of cases) {
        assert.throws(() => parseMappingConfig(value, 'm.json'), (err) => err instanceof ChurnkitError && err.exitCode === 2 && pattern.test(err.message), JSON.stringify(value));
    }
    const schema = mappingConfigJsonSchema();
    assert.deepEqual(Object.keys(schema.properties).sort(), ['$schema', 'csm_kinds', 'csv', 'lookups', 'tables']);
});
test('a mapping file in the data folder applies; one that names a folder-only or database-only field in the wrong place says so', async () => {
    const { dir, cleanup } = await goodCopy();
    try {
        await write(dir, 'churnkit.config.json', '{ "tables": { "usage": { "table": "events" } } }');
        await assert.rejects(openHistory(dir), /tables\.usage\.table applies to DuckDB database sources; for a folder name the file with tables\.usage\.file/);
        await write(dir, 'churnkit.config.json', '{ "tables": ');
        await assert.rejects(openHistory(dir), (err) => err instanceof ChurnkitError &&
            err.exitCode === 2 &&
            /churnkit\.config\.json: not valid JSON/.test(err.message));
        await assert.rejects(openHistory(dir, { config: join(dir, 'nope.json') }), /--config .*nope\.json: no such file/);
    }
    finally {
        await cleanup();
    }
});
test('a CSV delimiter, quote and NULL strings can be configured for every file or per table', async () => {
    const { dir, cleanup } = await goodCopy();
    try {
        await write(dir, 'accounts.csv', "account_id|started_at|seats|name\nA1|2022-01-15|N/A|'Acme | Co'\n");
        await write(dir, 'churnkit.config.json', JSON.stringify({ csv: { null: ['N/A'] }, tables: { accounts: { csv: { delimiter: '|', quote: "'" } } } }));
        const h = await openHistory(dir);
        try {
            assert.deepEqual(await viewRows(h, 'accounts'), [
                { account_id: 'A1', name: 'Acme | Co', segment: null, started_at: '2022-01-15', churned_at: null, seats: null },
            ]);
        }
        finally {
            h.close();
        }
    }
    finally {
        await cleanup();
    }
});
//# sourceMappingURL=mapping.test.js.map