import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cp, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { draftMapping, renderDraft } from '../../src/data/infer.js';
import { loadMappingConfig } from '../../src/data/config.js';
import { openHistory } from '../../src/data/history.js';
import { validateHistory } from '../../src/data/validate.js';
import { formatIssue } from '../../src/data/issues.js';
import { buildFeatures } from '../../src/features/index.js';
import { fixture, tempDir } from '../support/paths.js';
import { write } from './helpers.js';
/**
 * Every tool's fixture export (test/fixtures/exports/<tool>/, columns from the tool's documented
 * export) goes through init, validate and features with no hand edit. A tool that does not
 * bring accounts or usage is tested beside a CRM and an event export that do.
 */
const GROUPS = [
    {
        name: 'Salesforce, Segment, Zendesk and Qualtrics',
        files: ['salesforce', 'segment', 'zendesk', 'qualtrics'],
        expect: {
            accounts: 'Salesforce Account',
            contracts: 'Salesforce Opportunity',
            contacts: 'Salesforce Contact',
            interactions: 'Salesforce Task',
            usage: 'Segment track calls',
            tickets: 'Zendesk tickets',
            nps: 'Qualtrics response export',
        },
    },
    {
        name: 'HubSpot and ChurnZero',
        files: ['hubspot', 'churnzero'],
        expect: {
            accounts: 'HubSpot companies',
            contracts: 'HubSpot deals',
            contacts: 'HubSpot contacts',
            usage: 'ChurnZero events',
        },
    },
    {
        name: 'Mixpanel, Freshdesk, Delighted and Gainsight',
        files: ['salesforce/Account.csv', 'mixpanel', 'freshdesk', 'delighted', 'gainsight'],
        expect: {
            usage: 'Mixpanel raw event export',
            tickets: 'Freshdesk tickets',
            nps: 'Delighted survey responses',
            interactions: 'Gainsight Activity Timeline',
        },
    },
    {
        name: 'Amplitude, Intercom, SurveyMonkey and Vitally',
        files: ['salesforce/Account.csv', 'salesforce/Task.csv', 'amplitude', 'intercom', 'surveymonkey', 'vitally'],
        expect: {
            usage: 'Amplitude export API events',
            tickets: 'Intercom conversations',
            nps: 'SurveyMonkey responses (API v3)',
            // a CSM platform wins over CRM tasks for interactions
            interactions: 'Vitally notes',
        },
    },
];
async function folderOf(parts) {
    const t = await tempDir('churnkit-init-');
    for (const part of parts) {
        const [tool, file] = part.split('/');
        for (const f of file ? [file] : await readdir(fixture('exports', tool)))
            await cp(join(fixture('exports', tool), f), join(t.dir, f));
    }
    return t;
}
function recognised(draft) {
    return Object.fromEntries(draft.files.filter((f) => f.table && f.table !== 'bridge').map((f) => [f.table, `${f.tool} ${f.object}`]));
}
for (const g of GROUPS) {
    test(`init + validate + features with no hand edits: ${g.name}`, async () => {
        const { dir, cleanup } = await folderOf(g.files);
        try {
            const draft = await draftMapping(dir);
            const got = recognised(draft);
            for (const [table, what] of Object.entries(g.expect))
                assert.equal(got[table], what, `${table} in ${JSON.stringify(got)}`);
            assert.deepEqual(draft.missing, []);
            await writeFile(join(dir, 'churnkit.config.json'), renderDraft(draft, dir));
            // the written draft, comments and all, is a valid mapping file
            await loadMappingConfig(join(dir, 'churnkit.config.json'));
            const report = await validateHistory(dir);
            assert.equal(report.errors, 0, report.issues.map(formatIssue).join('\n'));
            const h = await openHistory(dir);
            try {
                const built = await buildFeatures(h, { label: 'churn' });
                assert.ok(built.rows > 0 && built.accounts === 6, `${built.rows} rows, ${built.accounts} accounts`);
                // every row of every tool's table found its account: no link was left broken
                for (const table of Object.keys(g.expect)) {
                    const [counts] = (await h.connection.runAndReadAll(`SELECT count(*), count(*) FILTER (WHERE account_id NOT IN (SELECT account_id FROM accounts)) FROM ${table}`)).getRowsJS();
                    assert.ok(Number(counts[0]) > 0, `${table} has rows`);
                    assert.equal(Number(counts[1]), 0, `${table} rows without an account`);
                }
            }
            finally {
                h.close();
            }
        }
        finally {
            await cleanup();
        }
    });
}
test('a folder of unknown exports: drafted by column-name similarity, with the missing required columns named', async () => {
    const { dir, cleanup } = await tempDir('churnkit-init-');
    try {
        await write(dir, 'customers.csv', 'Customer ID,Company Name,Customer Since\nC1,Acme,2023-01-05\n');
        await write(dir, 'product_events.csv', 'customer,ts,user,action\nC1,2024-01-02T10:00:00Z,u1,export\n');
        await write(dir, 'survey.csv', 'respondent,when\nr1,2024-01-03\n');
        const draft = await draftMapping(dir);
        assert.deepEqual(draft.config.tables?.accounts?.columns, {
            account_id: 'Customer ID',
            name: 'Company Name',
            started_at: 'Customer Since',
        });
        assert.deepEqual(draft.config.tables?.usage?.columns, {
            account_id: 'customer',
            occurred_at: 'ts',
            user_id: 'user',
            event: 'action',
        });
        // the survey has no score: nps is drafted, its missing required columns named with candidates
        assert.deepEqual(draft.missing.map((m) => `${m.table}.${m.column}`), ['nps.account_id', 'nps.responded_at', 'nps.score']);
        assert.ok(draft.notes.some((n) => n.where === 'tables.accounts' && /not recognised/.test(n.message)));
    }
    finally {
        await cleanup();
    }
});
//# sourceMappingURL=init.test.js.map