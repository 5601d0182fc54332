/**
 * The simulator's output against the input contract of docs/history.md, read back with DuckDB:
 * columns and types, enums, keys, intervals, referential integrity, nothing after churn or after
 * the data end; then the data engineer's validator, which must find nothing to report.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { simulate } from '../../src/simulate/index.js';
import { CONTRACT, TABLE_NAMES } from '../../src/data/contract.js';
import { openDuckDB, queryRows, queryValue } from '../../src/data/duckdb.js';
import { validateHistory } from '../../src/data/validate.js';
import { tempDir } from '../support/paths.js';
let dir;
let cleanup;
let sim;
let db;
/** DuckDB types the files may carry for each contract type. */
const ACCEPTED = {
    text: ['VARCHAR'],
    date: ['DATE'],
    timestamp: ['TIMESTAMP'],
    integer: ['INTEGER', 'BIGINT'],
    number: ['DOUBLE'],
    boolean: ['BOOLEAN'],
};
before(async () => {
    ({ dir, cleanup } = await tempDir('churnkit-sim-contract-'));
    sim = await simulate({ accounts: 300, months: 18, seed: 3, out: join(dir, 'h') });
    db = await openDuckDB();
    for (const t of TABLE_NAMES)
        await db.connection.run(`CREATE VIEW ${t} AS SELECT * FROM read_parquet('${join(dir, 'h', `${t}.parquet`)}')`);
});
after(async () => {
    db.close();
    await cleanup();
});
async function count(sql) {
    return Number(await queryValue(db.connection, sql));
}
test('every table has the contract columns, in order, with contract types, and rows', async () => {
    for (const t of TABLE_NAMES) {
        const cols = await queryRows(db.connection, `DESCRIBE ${t}`);
        assert.deepEqual(cols.map((c) => c['column_name']), CONTRACT[t].columns.map((c) => c.name), `${t} columns`);
        CONTRACT[t].columns.forEach((spec, i) => {
            assert.ok(ACCEPTED[spec.type].includes(String(cols[i]['column_type'])), `${t}.${spec.name} is ${String(cols[i]['column_type'])}, contract says ${spec.type}`);
        });
        assert.equal(await count(`SELECT count(*) FROM ${t}`), sim.counts[t], `${t} row count matches the summary`);
        assert.ok(sim.counts[t] > 0, `${t} is not empty`);
    }
});
test('required columns are never NULL, enums and ranges hold', async () => {
    for (const t of TABLE_NAMES) {
        for (const c of CONTRACT[t].columns) {
            if (c.required)
                assert.equal(await count(`SELECT count(*) FROM ${t} WHERE "${c.name}" IS NULL`), 0, `${t}.${c.name} NULL`);
            if (c.values) {
                const bad = await queryRows(db.connection, `SELECT DISTINCT "${c.name}" AS v FROM ${t} WHERE "${c.name}" NOT IN (${c.values.map((v) => `'${v}'`).join(', ')})`);
                assert.deepEqual(bad, [], `${t}.${c.name} outside ${c.values.join('/')}`);
            }
            if (c.min !== undefined)
                assert.equal(await count(`SELECT count(*) FROM ${t} WHERE "${c.name}" < ${c.min}`), 0, `${t}.${c.name} < ${c.min}`);
            if (c.max !== undefined)
                assert.equal(await count(`SELECT count(*) FROM ${t} WHERE "${c.name}" > ${c.max}`), 0, `${t}.${c.name} > ${c.max}`);
        }
    }
    const segments = (await queryRows(db.connection, `SELECT DISTINCT segment FROM accounts ORDER BY 1`)).map((r) => r['segment']);
    assert.deepEqual(segments, ['enterprise', 'mid_market', 'smb']);
    const events = (await queryRows(db.connection, `SELECT DISTINCT event FROM usage`)).map((r) => String(r['event']));
    assert.ok(events.includes('login') && events.includes('api_call') && events.length >= 6, events.join(','));
    // Every CSM kind and some other kinds occur, and every contact role.
    const kinds = new Set((await queryRows(db.connection, `SELECT DISTINCT kind FROM interactions`)).map((r) => String(r['kind'])));
    for (const k of ['csm_meeting', 'csm_call', 'csm_email', 'qbr', 'email_reply'])
        assert.ok(kinds.has(k), `interaction kind ${k}`);
    const roles = new Set((await queryRows(db.connection, `SELECT DISTINCT role FROM contacts`)).map((r) => String(r['role'])));
    for (const r of ['champion', 'executive_sponsor', 'admin', 'user'])
        assert.ok(roles.has(r), `contact role ${r}`);
});
test('keys are unique and every child row belongs to an account', async () => {
    const keys = [
        ['accounts', 'account_id'],
        ['contracts', 'contract_id'],
        ['tickets', 'ticket_id'],
        ['contacts', 'contact_id'],
    ];
    for (const [t, k] of keys)
        assert.equal(await count(`SELECT count(*) - count(DISTINCT ${k}) FROM ${t}`), 0, `${t}.${k} duplicates`);
    for (const t of TABLE_NAMES.filter((x) => x !== 'accounts')) {
        assert.equal(await count(`SELECT count(*) FROM ${t} x ANTI JOIN accounts a USING (account_id)`), 0, `${t} orphans`);
    }
    // Contacts named in interactions and NPS exist and belong to the same account.
    for (const t of ['interactions', 'nps']) {
        assert.equal(await count(`SELECT count(*) FROM ${t} x WHERE contact_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM contacts c WHERE c.contact_id = x.contact_id AND c.account_id = x.account_id)`), 0, `${t} contacts`);
    }
    // User ids are per account.
    assert.equal(await count(`SELECT count(*) FROM usage WHERE user_id IS NOT NULL AND NOT starts_with(user_id, account_id || '-')`), 0);
});
test('intervals are ordered, nothing happens at or after churn, nothing after the data end', async () => {
    const end = `DATE '${sim.data_end}' + 1`;
    const checks = {
        'accounts churned_at > started_at': `SELECT count(*) FROM accounts WHERE churned_at <= started_at`,
        'contracts ends_at > starts_at': `SELECT count(*) FROM contracts WHERE ends_at <= starts_at`,
        'tickets closed_at > opened_at': `SELECT count(*) FROM tickets WHERE closed_at <= opened_at`,
        'contacts ended_at > started_at': `SELECT count(*) FROM contacts WHERE ended_at <= started_at`,
        'integrations disconnected_at > connected_at': `SELECT count(*) FROM integrations WHERE disconnected_at <= connected_at`,
        'no usage at or after churn': `SELECT count(*) FROM usage u JOIN accounts a USING (account_id) WHERE u.occurred_at >= a.churned_at OR u.occurred_at < a.started_at`,
        'no interaction at or after churn': `SELECT count(*) FROM interactions x JOIN accounts a USING (account_id) WHERE x.occurred_at >= a.churned_at OR x.occurred_at < a.started_at`,
        'no NPS at or after churn': `SELECT count(*) FROM nps x JOIN accounts a USING (account_id) WHERE x.responded_at >= a.churned_at`,
        'no ticket opened at or after churn': `SELECT count(*) FROM tickets x JOIN accounts a USING (account_id) WHERE x.opened_at >= a.churned_at OR x.closed_at > a.churned_at`,
        'integrations end by churn': `SELECT count(*) FROM integrations x JOIN accounts a USING (account_id) WHERE x.connected_at >= a.churned_at OR x.disconnected_at > a.churned_at OR (a.churned_at IS NOT NULL AND x.disconnected_at IS NULL)`,
        'no date after the data end': `SELECT (SELECT count(*) FROM usage WHERE occurred_at >= ${end}) + (SELECT count(*) FROM accounts WHERE churned_at >= ${end}) + (SELECT count(*) FROM tickets WHERE closed_at >= ${end}) + (SELECT count(*) FROM contacts WHERE ended_at >= ${end}) + (SELECT count(*) FROM interactions WHERE occurred_at >= ${end})`,
        'no date before the start': `SELECT count(*) FROM accounts WHERE started_at < DATE '${sim.start}'`,
    };
    for (const [name, sql] of Object.entries(checks))
        assert.equal(await count(sql), 0, name);
    assert.equal(String(await queryValue(db.connection, `SELECT max(occurred_at)::DATE::VARCHAR FROM usage`)), sim.data_end);
    // Contracts chain: a renewal starts on the day the previous term ends, so days_to_renewal is defined every day but that one.
    const gaps = await count(`SELECT count(*) FROM (SELECT account_id, starts_at, lag(ends_at) OVER (PARTITION BY account_id ORDER BY starts_at, contract_id) AS prev FROM contracts) WHERE prev IS NOT NULL AND starts_at > prev`);
    assert.equal(gaps, 0, 'no gap between contract terms');
});
test('the history exercises the planted mechanics: churn, departures, escalations, expansions, downsells, disconnections', async () => {
    const facts = {
        churned: `SELECT count(*) FROM accounts WHERE churned_at IS NOT NULL`,
        'departed champions': `SELECT count(*) FROM contacts WHERE role = 'champion' AND ended_at IS NOT NULL`,
        'replacement champions': `SELECT count(*) FROM contacts WHERE role = 'champion' AND started_at > (SELECT started_at FROM accounts a WHERE a.account_id = contacts.account_id)`,
        escalations: `SELECT count(*) FROM tickets WHERE escalated`,
        'open tickets': `SELECT count(*) FROM tickets WHERE closed_at IS NULL`,
        'add-on contracts': `SELECT count(*) FROM contracts c WHERE EXISTS (SELECT 1 FROM contracts d WHERE d.account_id = c.account_id AND d.ends_at = c.ends_at AND d.starts_at < c.starts_at)`,
        renewals: `SELECT count(*) FROM contracts c WHERE EXISTS (SELECT 1 FROM contracts d WHERE d.account_id = c.account_id AND d.ends_at = c.starts_at)`,
        'disconnected integrations': `SELECT count(*) FROM integrations WHERE disconnected_at IS NOT NULL`,
        'NPS from anonymous respondents': `SELECT count(*) FROM nps WHERE contact_id IS NULL`,
        'API usage without a user': `SELECT count(*) FROM usage WHERE event = 'api_call' AND user_id IS NULL`,
    };
    for (const [name, sql] of Object.entries(facts))
        assert.ok((await count(sql)) > 0, `no ${name}`);
    const grown = await count(`SELECT count(*) FROM (SELECT account_id FROM contracts GROUP BY account_id HAVING max(annual_value) > 1.2 * arg_min(annual_value, starts_at))`);
    assert.ok(grown > 0, 'some accounts expand');
});
test('the output passes churnkit validate with no errors and no warnings', async () => {
    const report = await validateHistory(join(dir, 'h'));
    assert.equal(report.errors, 0, JSON.stringify(report.issues.slice(0, 3)));
    assert.equal(report.warnings, 0, JSON.stringify(report.issues.slice(0, 3)));
    assert.ok(report.ok);
});
//# sourceMappingURL=contract.test.js.map