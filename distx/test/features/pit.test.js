/**
 * The point-in-time guarantee of docs/features.md, as a property over many as-of dates T on simulated
 * data: delete or change every row at or after T in every table (events, new rows, and the end
 * of every interval that is still open at T), rebuild, and every output row with as-of T must be
 * identical except its label.
 *
 * Two things are deliberately left alone, because the contract defines them to be known at T:
 * - contracts.ends_at (the scheduled renewal date; days_to_renewal looks at it by definition);
 * - an interval end exactly equal to T (the contract's "in effect" rule is `E > T`, so an end on T
 *   itself means "not in effect at T").
 * Ends strictly after T are changed to other values after T or to NULL, which must not matter.
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { simulate } from '../../src/simulate/index.js';
import { openHistory } from '../../src/data/history.js';
import { quoteLiteral, queryRows } from '../../src/data/duckdb.js';
import { CONTRACT } from '../../src/data/contract.js';
import { buildFeatures, LABEL_COLUMN } from '../../src/features/index.js';
import { tempDir } from '../support/paths.js';
let work;
let base;
let baseline;
let baseRows;
async function rowsByDate(h, relation) {
    const rows = await queryRows(h.connection, `SELECT * REPLACE (strftime(as_of, '%Y-%m-%d') AS as_of) FROM "${relation}" ORDER BY as_of, account_id`);
    const out = new Map();
    for (const r of rows) {
        const list = out.get(r['as_of']) ?? [];
        list.push(r);
        out.set(r['as_of'], list);
    }
    return out;
}
const withoutLabel = (r) => {
    const { [LABEL_COLUMN]: _label, ...rest } = r;
    return rest;
};
/** SQL writing a copy of the history in which everything at or after `t` is deleted or changed. */
function mutationSql(t, seed) {
    const T = `DATE ${quoteLiteral(t)}`;
    const TS = `CAST(${T} AS TIMESTAMP)`;
    // h(...) picks a deterministic pseudo-random branch per row.
    const h = (...cols) => `hash(${[...cols, String(seed)].join(', ')})`;
    return {
        accounts: `
      SELECT account_id, name, segment, started_at,
        CASE WHEN churned_at IS NULL OR churned_at > ${T} THEN (CASE WHEN ${h('account_id')} % 2 = 0 THEN NULL ELSE ${T} + 1 END) ELSE churned_at END AS churned_at,
        seats
      FROM accounts WHERE started_at < ${T}
      UNION ALL
      SELECT account_id, 'changed', 'enterprise', started_at, NULL, 1 FROM accounts WHERE started_at >= ${T} AND ${h('account_id')} % 2 = 0`,
        usage: `
      SELECT account_id, occurred_at, user_id, event, quantity FROM usage WHERE occurred_at < ${TS}
      UNION ALL
      SELECT account_id, occurred_at + INTERVAL 1 DAY, 'x' || COALESCE(user_id, 'anon'),
        CASE ${h('account_id', 'occurred_at', 'event')} % 3 WHEN 0 THEN 'login' WHEN 1 THEN 'brand_new_feature' ELSE event END,
        quantity * 7 + 1
      FROM usage WHERE occurred_at >= ${TS} AND ${h('account_id', 'occurred_at', 'user_id', 'event')} % 2 = 0
      UNION ALL
      SELECT account_id, ${TS} + to_hours(k), 'new_user_' || k, CASE WHEN k = 0 THEN 'login' ELSE 'new_feature' END, 5
      FROM accounts, range(0, 60, 7) AS g(k)`,
        tickets: `
      SELECT account_id, ticket_id, opened_at,
        CASE WHEN closed_at > ${TS} THEN (CASE WHEN ${h('ticket_id')} % 2 = 0 THEN NULL ELSE closed_at + INTERVAL 3 DAY END) ELSE closed_at END AS closed_at,
        severity, sentiment, escalated
      FROM tickets WHERE opened_at < ${TS}
      UNION ALL
      SELECT account_id, ticket_id, opened_at, closed_at, 'urgent', 'negative', NOT COALESCE(escalated, FALSE)
      FROM tickets WHERE opened_at >= ${TS} AND ${h('ticket_id')} % 2 = 0
      UNION ALL
      SELECT account_id, 'new-' || account_id, ${TS}, NULL, 'urgent', 'negative', TRUE FROM accounts`,
        contacts: `
      SELECT account_id, contact_id, role, started_at,
        CASE WHEN ended_at > ${T} THEN (CASE WHEN ${h('contact_id')} % 2 = 0 THEN NULL ELSE ended_at + 10 END) ELSE ended_at END AS ended_at
      FROM contacts WHERE started_at < ${T}
      UNION ALL
      SELECT account_id, contact_id, 'champion', started_at, NULL FROM contacts WHERE started_at >= ${T} AND ${h('contact_id')} % 2 = 0
      UNION ALL
      SELECT account_id, 'new-champion-' || account_id, 'champion', ${T}, NULL FROM accounts`,
        interactions: `
      SELECT account_id, occurred_at, contact_id, kind FROM interactions WHERE occurred_at < ${TS}
      UNION ALL
      SELECT account_id, occurred_at, contact_id, 'csm_call' FROM interactions WHERE occurred_at >= ${TS} AND ${h('account_id', 'occurred_at')} % 2 = 0
      UNION ALL
      SELECT account_id, ${TS} + to_hours(2), contact_id, 'qbr' FROM contacts`,
        nps: `
      SELECT account_id, contact_id, responded_at, score FROM nps WHERE responded_at < ${TS}
      UNION ALL
      SELECT account_id, contact_id, responded_at, 10 - score FROM nps WHERE responded_at >= ${TS} AND ${h('account_id', 'responded_at')} % 2 = 0
      UNION ALL
      SELECT account_id, NULL, ${TS}, 0 FROM accounts`,
        integrations: `
      SELECT account_id, integration, connected_at,
        CASE WHEN disconnected_at > ${TS} THEN (CASE WHEN ${h('account_id', 'integration')} % 2 = 0 THEN NULL ELSE disconnected_at + INTERVAL 5 DAY END) ELSE disconnected_at END AS disconnected_at
      FROM integrations WHERE connected_at < ${TS}
      UNION ALL
      SELECT account_id, 'changed-' || integration, connected_at, NULL FROM integrations WHERE connected_at >= ${TS} AND ${h('account_id', 'integration')} % 2 = 0
      UNION ALL
      SELECT account_id, 'brand-new', ${TS}, NULL FROM accounts`,
        contracts: `
      SELECT account_id, contract_id, starts_at, ends_at, annual_value FROM contracts WHERE starts_at < ${T}
      UNION ALL
      SELECT account_id, contract_id, starts_at, ends_at, annual_value * 2 FROM contracts WHERE starts_at >= ${T} AND ${h('contract_id')} % 2 = 0
      UNION ALL
      SELECT account_id, 'new-' || account_id, ${T}, ${T} + 365, 99999 FROM accounts`,
    };
}
before(async () => {
    work = await tempDir('churnkit-pit-');
    await simulate({ accounts: 50, months: 9, seed: 20240401, out: join(work.dir, 'base'), format: 'csv' });
    base = await openHistory(join(work.dir, 'base'));
    baseline = await buildFeatures(base, { every: 'week', relation: 'baseline' });
    baseRows = await rowsByDate(base, baseline.relation);
});
after(async () => {
    base?.close();
    await work?.cleanup();
});
test('the simulated history exercises every table', () => {
    for (const t of ['contracts', 'tickets', 'contacts', 'interactions', 'nps', 'integrations'])
        assert.ok(base.tables.has(t), t);
    assert.ok(baseline.asOf.length > 30, `${baseline.asOf.length} weekly as-of dates`);
});
test('changing or deleting anything at or after T leaves every row with as-of T identical except its label', async () => {
    // Every fourth Monday from the fourth on: 9 dates across the history.
    const dates = baseline.asOf.filter((_, i) => i >= 3 && i % 4 === 3);
    assert.ok(dates.length >= 8);
    let laterRowsChanged = 0;
    let labelsChanged = 0;
    for (const [k, t] of dates.entries()) {
        const dir = join(work.dir, `mutated-${t}`);
        await mkdir(dir);
        for (const [table, sql] of Object.entries(mutationSql(t, k + 1))) {
            await base.connection.run(`COPY (${sql}) TO ${quoteLiteral(join(dir, `${table}.csv`))} (HEADER)`);
        }
        // The copies keep every contract column (a misnamed one would silently read as NULL).
        for (const table of Object.keys(mutationSql(t, 0))) {
            const header = (await readFile(join(dir, `${table}.csv`), 'utf8')).split('\n')[0];
            assert.deepEqual(header.split(','), CONTRACT[table].columns.map((c) => c.name), `${table}.csv header`);
        }
        const mutated = await openHistory(dir);
        try {
            // Same cadence and data_end, so the same as-of dates; features must not look past T.
            const b = await buildFeatures(mutated, { every: 'week', dataEnd: baseline.dataEnd, relation: 'mutated' });
            assert.deepEqual(b.asOf, baseline.asOf);
            const got = await rowsByDate(mutated, b.relation);
            const expected = baseRows.get(t) ?? [];
            const actual = got.get(t) ?? [];
            assert.ok(expected.length > 0, `no rows at ${t}`);
            assert.deepEqual(actual.map((r) => r['account_id']), expected.map((r) => r['account_id']), `accounts active at ${t}`);
            for (let i = 0; i < expected.length; i++) {
                assert.deepEqual(withoutLabel(actual[i]), withoutLabel(expected[i]), `row ${String(expected[i]['account_id'])} at ${t}`);
                if (actual[i][LABEL_COLUMN] !== expected[i][LABEL_COLUMN])
                    labelsChanged++;
            }
            // The mutation is real: later snapshots do change.
            const next = baseline.asOf[baseline.asOf.indexOf(t) + 1];
            const before = new Map((baseRows.get(next) ?? []).map((r) => [r['account_id'], JSON.stringify(withoutLabel(r))]));
            for (const r of got.get(next) ?? [])
                if (before.get(r['account_id']) !== JSON.stringify(withoutLabel(r)))
                    laterRowsChanged++;
        }
        finally {
            mutated.close();
        }
    }
    assert.ok(laterRowsChanged > dates.length, `mutations changed only ${laterRowsChanged} later rows`);
    assert.ok(labelsChanged > 0, 'no label changed: the mutations did not touch the future');
});
//# sourceMappingURL=pit.test.js.map