import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { openHistory } from '../../src/data/history.js';
import { validateHistory } from '../../src/data/validate.js';
import { formatIssue } from '../../src/data/issues.js';
import { renderMappingSchemaFile } from '../../src/data/write-schema.js';
import { repoRoot, tempDir } from '../support/paths.js';
import { viewRows, write } from './helpers.js';
/**
 * The exports of the issue, as the tools write them, mapped with transforms only: a CRM with
 * currency strings and a test account, Segment tracks with nested JSON and only a userId on some
 * events, Segment group calls, Zendesk tickets with local times and tags, a Zendesk organizations
 * export whose external_id is the CRM id, and a Qualtrics export with two metadata rows.
 */
async function exportsFolder(config) {
    const t = await tempDir('churnkit-transforms-');
    await write(t.dir, 'Accounts.csv', [
        'Id,Account Name,Customer Since,ARR',
        '001A,Acme,2023-01-15,"$5,200.00"',
        '001B,Globex,2023-02-01,"(1,200)"',
        '001T,TEST account,2023-02-01,$0',
    ].join('\n'));
    await write(t.dir, 'tracks.jsonl', [
        {
            type: 'track',
            event: 'Report Exported',
            userId: 'u1',
            timestamp: '2024-01-02T09:00:00Z',
            context: { groupId: '001A' },
            properties: { plan: 'pro' },
        },
        {
            type: 'track',
            event: 'Report Exported',
            userId: 'u2',
            timestamp: '2024-01-03T09:00:00Z',
            context: {},
            properties: {},
        },
        {
            type: 'track',
            event: 'Integration Connected',
            userId: 'u1',
            timestamp: '2024-01-04T10:00:00Z',
            context: { groupId: '001A' },
            properties: { integration: 'Slack' },
        },
        {
            type: 'track',
            event: 'Signed In',
            userId: 'qa@ourco.com',
            timestamp: '2024-01-05T10:00:00Z',
            context: { groupId: '001B' },
            properties: {},
        },
    ]
        .map((r) => JSON.stringify(r))
        .join('\n'));
    await write(t.dir, 'groups.jsonl', [
        { type: 'group', userId: 'u1', groupId: '001A', timestamp: '2023-06-01T00:00:00Z' },
        { type: 'group', userId: 'u2', groupId: 'old', timestamp: '2023-01-01T00:00:00Z' },
        { type: 'group', userId: 'u2', groupId: '001B', timestamp: '2023-07-01T00:00:00Z' },
    ]
        .map((r) => JSON.stringify(r))
        .join('\n'));
    await write(t.dir, 'organizations.json', JSON.stringify([
        { id: 360001, name: 'Acme', external_id: 'zd-acme' },
        { id: 360002, name: 'Globex', external_id: 'zd-globex' },
    ]));
    await write(t.dir, 'crm_links.csv', 'zendesk_key,sf_id\nzd-acme,001A\nzd-globex,001B\n');
    await write(t.dir, 'tickets.csv', [
        'Id,Organization,Created at,Solved at,Priority,Tags',
        '1,360001,2024-01-10 09:00:00,2024-01-11 17:30:00,High,escalated vip',
        '2,360002,2024-07-01 09:00:00,,Normal,billing',
    ].join('\n'));
    await write(t.dir, 'nps.csv', [
        'ResponseId,EndDate,Q1_NPS_GROUP,Q1,ExternalReference',
        '"Response ID","End Date","Q1 - Group","How likely are you to recommend us?","External Data Reference"',
        '"{""ImportId"":""_recordId""}","{""ImportId"":""endDate"",""timeZone"":""America/Denver""}","{""ImportId"":""QID1_NPS_GROUP""}","{""ImportId"":""QID1""}","{""ImportId"":""externalDataReference""}"',
        'R_1,2024-02-01 10:00:00,Promoter,9,001A',
        'R_2,2024-02-02 11:00:00,Detractor,3,001B',
    ].join('\n'));
    await write(t.dir, 'churnkit.config.json', `// the mapping, with comments\n${JSON.stringify(config, null, 2)}`);
    return t;
}
const MAPPING = {
    lookups: {
        segment_groups: { file: 'groups.jsonl', key: 'userId', value: 'groupId', latest_by: 'timestamp' },
        zendesk_orgs: { file: 'organizations.json', key: 'id', value: 'external_id' },
        crm_ids: { file: 'crm_links.csv', key: 'zendesk_key', value: 'sf_id' },
    },
    tables: {
        accounts: {
            file: 'Accounts.csv',
            columns: { account_id: 'Id', name: 'Account Name', started_at: 'Customer Since' },
            where: { not: { column: 'Account Name', starts_with: 'test' } },
        },
        contracts: {
            file: 'Accounts.csv',
            columns: {
                account_id: 'Id',
                contract_id: 'Id',
                starts_at: 'Customer Since',
                ends_at: { value: '2025-01-15' },
                annual_value: { column: 'ARR', number: true },
            },
            where: { column: 'ARR', matches: '^\\$[1-9]' },
        },
        usage: {
            file: 'tracks.jsonl',
            columns: {
                account_id: { coalesce: ['context.groupId', { lookup: 'segment_groups', from: 'userId' }] },
                occurred_at: 'timestamp',
                user_id: 'userId',
                event: 'event',
            },
            values: { event: { 'Signed In': 'login' } },
            where: { not: { column: 'userId', ends_with: '@ourco.com' } },
            route: [{ when: { field: 'event', equals: 'Integration Connected' }, to: 'integrations' }],
        },
        integrations: {
            columns: { account_id: 'context.groupId', integration: 'properties.integration', connected_at: 'timestamp' },
        },
        tickets: {
            file: 'tickets.csv',
            timezone: 'America/New_York',
            columns: {
                account_id: { lookup: 'crm_ids', from: { lookup: 'zendesk_orgs', from: 'Organization' } },
                ticket_id: 'Id',
                opened_at: 'Created at',
                closed_at: 'Solved at',
                severity: 'Priority',
                escalated: { when: { column: 'Tags', contains: 'escalated' } },
            },
            values: { severity: { Normal: 'medium' } },
        },
        nps: {
            file: 'nps.csv',
            csv: { skip_rows_after_header: 2 },
            timezone: 'America/Denver',
            columns: { account_id: 'ExternalReference', contact_id: 'ResponseId', responded_at: 'EndDate', score: 'Q1' },
        },
    },
};
test('transforms map raw exports: numbers as exported, JSON paths, lookups over two hops, filters, routing, booleans, time zones, rows under the header', async () => {
    const { dir, cleanup } = await exportsFolder(MAPPING);
    try {
        const report = await validateHistory(dir);
        assert.equal(report.errors, 0, report.issues.map(formatIssue).join('\n'));
        // u2 was in two groups: the lookup says which one it takes
        assert.deepEqual(report.issues.filter((i) => i.code === 'ambiguous_lookup').map(formatIssue), [
            'table usage (groups.jsonl), userId=u2: lookup segment_groups: keys with more than one groupId (the value of the row with the greatest timestamp is used)',
        ]);
        const h = await openHistory(dir);
        try {
            assert.deepEqual((await viewRows(h, 'accounts')).map((r) => r['account_id']), ['001A', '001B'], 'the test account is dropped');
            assert.deepEqual((await viewRows(h, 'contracts')).map((r) => [r['account_id'], r['annual_value']]), [['001A', 5200]]);
            const usage = await viewRows(h, 'usage');
            assert.deepEqual(usage.map((r) => [r['account_id'], r['user_id'], r['event'], r['occurred_at']]), [
                ['001A', 'u1', 'Report Exported', '2024-01-02 09:00:00'],
                // u2's event carries no groupId: the latest group call says 001B
                ['001B', 'u2', 'Report Exported', '2024-01-03 09:00:00'],
            ], 'the internal user is dropped and the integration event routed away');
            assert.deepEqual(await viewRows(h, 'integrations'), [
                { account_id: '001A', integration: 'Slack', connected_at: '2024-01-04 10:00:00', disconnected_at: null },
            ]);
            const tickets = await viewRows(h, 'tickets');
            assert.deepEqual(tickets.map((r) => [r['account_id'], r['opened_at'], r['closed_at'], r['severity'], r['escalated']]), [
                ['001A', '2024-01-10 14:00:00', '2024-01-11 22:30:00', 'high', true],
                // New York is on summer time in July: UTC-4
                ['001B', '2024-07-01 13:00:00', null, 'medium', false],
            ]);
            assert.deepEqual((await viewRows(h, 'nps')).map((r) => [r['account_id'], r['responded_at'], r['score']]), [
                ['001A', '2024-02-01 17:00:00', 9],
                ['001B', '2024-02-02 18:00:00', 3],
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
/** The first issue of a validate run on the scenario with one change, as a line. */
async function problems(change, edit) {
    const m = structuredClone(MAPPING);
    change(m);
    const { dir, cleanup } = await exportsFolder(m);
    try {
        await edit?.(dir);
        const report = await validateHistory(dir);
        return report.issues.filter((i) => i.severity === 'error').map(formatIssue);
    }
    finally {
        await cleanup();
    }
}
test('every transform rejects a bad value with table, row, column and value', async () => {
    // a number that is not one: "1,2" does not group thousands
    let errors = await problems((m) => {
        m.tables.contracts.where = { column: 'ARR', matches: '.' };
    }, (dir) => write(dir, 'Accounts.csv', 'Id,Account Name,Customer Since,ARR\n001A,Acme,2023-01-15,"1,2"\n001B,Globex,2023-02-01,$9\n'));
    assert.deepEqual(errors, [
        'table contracts (Accounts.csv), row 1, contract_id=001A, column ARR (annual_value): not a number (expected a number like 1,234.50, with an optional currency, % or (negative)): "1,2"',
    ]);
    // European separators: "1.234,50 €" reads with decimal ",", and "12%" is 0.12
    errors = await problems((m) => {
        m.tables.contracts.columns.annual_value = { column: 'ARR', number: { decimal: ',' } };
        m.tables.contracts.where = { column: 'ARR', matches: '.' };
    }, (dir) => write(dir, 'Accounts.csv', 'Id,Account Name,Customer Since,ARR\n001A,Acme,2023-01-15,"1.234,50 €"\n001B,Globex,2023-02-01,12%\n'));
    assert.deepEqual(errors, []);
    // a lookup miss, at the second hop: the organization exists, its external id is not a CRM id
    errors = await problems(() => { }, (dir) => write(dir, 'crm_links.csv', 'zendesk_key,sf_id\nzd-acme,001A\n'));
    assert.deepEqual(errors, [
        'table tickets (tickets.csv), row 2, ticket_id=2, column "Organization -> zendesk_orgs.external_id -> crm_ids.sf_id" (account_id): no match in lookup crm_ids (crm_links.csv, column zendesk_key): "zd-globex"',
    ]);
    // a boolean from value lists: anything else is an error
    errors = await problems((m) => {
        m.tables.tickets.columns.escalated = { column: 'Tags', true: ['escalated vip'], false: ['vip'] };
    });
    assert.deepEqual(errors, [
        'table tickets (tickets.csv), row 2, ticket_id=2, column Tags (escalated): not one of the listed values (true: escalated vip; false: vip): "billing"',
    ]);
    // row numbers count the rows under the header, the two Qualtrics rows included
    errors = await problems(() => { }, (dir) => write(dir, 'nps.csv', 'ResponseId,EndDate,Q1_NPS_GROUP,Q1,ExternalReference\nmeta,meta,meta,meta,meta\nmeta,meta,meta,meta,meta\nR_1,2024-02-01 10:00:00,Promoter,nine,001A\n'));
    assert.deepEqual(errors, [
        'table nps (nps.csv), row 3, account_id=001A, column Q1 (score): not a whole number: "nine"',
    ]);
    // a column that is not JSON, read through a path
    errors = await problems(() => { }, (dir) => write(dir, 'tracks.jsonl', '{"event": "Report Exported", "userId": "u1", "timestamp": "2024-01-02T09:00:00Z", "context": {}, "properties": {}}\n{"event": "Integration Connected", "userId": "u1", "timestamp": "2024-01-02T09:00:00Z", "context": "oops", "properties": {}}\n'));
    assert.deepEqual(errors, [
        'table integrations (tracks.jsonl), row 2, column "context.groupId" (account_id): column "context" is not JSON, so context.groupId cannot be read: "oops"',
        'table integrations (tracks.jsonl), row 2, column "properties.integration" (integration): missing value (the column is required)',
    ]);
    // Unix time that is not a number
    errors = await problems((m) => {
        m.tables.nps.columns.responded_at = { column: 'EndDate', epoch: 'seconds' };
    }, (dir) => write(dir, 'nps.csv', 'ResponseId,EndDate,Q1_NPS_GROUP,Q1,ExternalReference\nm,m,m,m,m\nm,m,m,m,m\nR_1,1706781600,Promoter,9,001A\nR_2,yesterday,Promoter,9,001A\n'));
    assert.deepEqual(errors, [
        'table nps (nps.csv), row 4, account_id=001A, column EndDate (responded_at): not a timestamp (expected Unix time in seconds): "yesterday"',
    ]);
});
test('a mapping mistake names the key: a bad regular expression, time zone, lookup or field', async () => {
    const cases = [
        [
            (m) => (m.tables.accounts.where = { column: 'Id', matches: '(' }),
            /tables\.accounts: the regular expression "\(": missing \)/,
        ],
        [
            (m) => (m.tables.tickets.timezone = 'Mars/Olympus'),
            /tables\.tickets\.timezone: "Mars\/Olympus" is not an IANA time zone name/,
        ],
        [
            (m) => (m.tables.tickets.columns.account_id = { lookup: 'nope', from: 'Organization' }),
            /tables\.tickets\.columns\.account_id\.lookup: no lookup named "nope"/,
        ],
        [
            (m) => (m.tables.usage.route = [{ when: { field: 'kind', equals: 'x' }, to: 'integrations' }]),
            /tables\.usage\.route\[0\]\.when\.field: "kind" is not a column of usage/,
        ],
        [
            (m) => (m.tables.usage.columns['quantity'] = { column: 'n', value: 1 }),
            /tables\.usage\.columns\.quantity: give exactly one of column, coalesce, lookup, value, when/,
        ],
    ];
    for (const [change, pattern] of cases) {
        const m = structuredClone(MAPPING);
        change(m);
        const { dir, cleanup } = await exportsFolder(m);
        try {
            await assert.rejects(validateHistory(dir), pattern);
        }
        finally {
            await cleanup();
        }
    }
});
test('aligned text: whitespace-separated (the CDNOW log) and fixed-width files, and CSV without a header', async () => {
    const { dir, cleanup } = await tempDir('churnkit-aligned-');
    try {
        await write(dir, 'customers.txt', '00001 19970101\n00002 19970112\n');
        await write(dir, 'CDNOW_master.txt', '00001 19970101  1  11.77\n00002 19970112  1  12.00\n\n00002 19970112  5  77.00\n');
        await write(dir, 'fixed.txt', 'ACCT DAY       EVENT\nA1   2024-01-02login\n');
        await write(dir, 'headerless.csv', '00001,1997-03-01,x\n');
        await write(dir, 'churnkit.config.json', JSON.stringify({
            tables: {
                accounts: {
                    file: 'customers.txt',
                    format: 'whitespace',
                    csv: { header: false, names: ['customer', 'first'] },
                    columns: { account_id: 'customer', started_at: { column: 'first', format: '%Y%m%d' } },
                },
                usage: {
                    file: 'CDNOW_master.txt',
                    format: 'whitespace',
                    csv: { header: false, names: ['customer', 'date', 'cds', 'dollars'] },
                    columns: {
                        account_id: 'customer',
                        occurred_at: { column: 'date', format: '%Y%m%d' },
                        event: { value: 'purchase' },
                        quantity: { column: 'dollars', number: true },
                    },
                },
                interactions: {
                    file: 'fixed.txt',
                    format: 'fixed_width',
                    widths: [5, 10, 5],
                    columns: { account_id: 'ACCT', occurred_at: 'DAY', kind: { value: 'other' } },
                },
                tickets: {
                    file: 'headerless.csv',
                    csv: { header: false, names: ['acct', 'opened', 'id'] },
                    columns: { account_id: 'acct', opened_at: 'opened', ticket_id: 'id' },
                },
            },
        }));
        const report = await validateHistory(dir);
        assert.equal(report.errors, 0, report.issues.map(formatIssue).join('\n'));
        const h = await openHistory(dir);
        try {
            assert.deepEqual(await viewRows(h, 'usage'), [
                { account_id: '00001', occurred_at: '1997-01-01 00:00:00', user_id: null, event: 'purchase', quantity: 11.77 },
                { account_id: '00002', occurred_at: '1997-01-12 00:00:00', user_id: null, event: 'purchase', quantity: 12 },
                { account_id: '00002', occurred_at: '1997-01-12 00:00:00', user_id: null, event: 'purchase', quantity: 77 },
            ]);
            assert.deepEqual(await viewRows(h, 'interactions'), [
                { account_id: 'A1', occurred_at: '2024-01-02 00:00:00', contact_id: null, kind: 'other' },
            ]);
            assert.deepEqual((await viewRows(h, 'tickets')).map((r) => [r['account_id'], r['ticket_id'], r['opened_at']]), [['00001', 'x', '1997-03-01 00:00:00']]);
        }
        finally {
            h.close();
        }
    }
    finally {
        await cleanup();
    }
});
test('models/mapping.schema.json is the schema generated from the zod definition (regenerate: node dist/src/data/write-schema.js)', async () => {
    const committed = await readFile(join(repoRoot, 'models', 'mapping.schema.json'), 'utf8');
    assert.equal(committed, renderMappingSchemaFile());
});
//# sourceMappingURL=transforms.test.js.map