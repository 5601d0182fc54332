/**
 * `churnkit refresh` equals a full rebuild: a state built on the history as it was known before
 * day D, refreshed with the days D..D+k appended (and with late-arriving and edited records), gives
 * the same rows, and the same file bytes, as `churnkit features --every day` on the new data.
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cp, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { simulate } from '../../src/simulate/index.js';
import { openHistory } from '../../src/data/history.js';
import { quoteLiteral, queryRows } from '../../src/data/duckdb.js';
import { buildFeatures, refreshFeatures } from '../../src/features/index.js';
import { addDays } from '../../src/util/index.js';
import { cliPath, tempDir } from '../support/paths.js';
import { knownBefore, writeHistory } from '../support/known-before.js';
let work;
const d = (...p) => join(work.dir, ...p);
const churnkit = (...args) => spawnSync(process.execPath, [cliPath, ...args], { encoding: 'utf8' });
/** The simulated history runs 2023-01-01 .. 2023-12-31 (12 months). */
const D0 = '2023-11-20';
async function refresh(data, state) {
    const h = await openHistory(data);
    try {
        return await refreshFeatures(h, state);
    }
    finally {
        h.close();
    }
}
/** The state's table and a full daily build of `data`, both as sorted rows. */
async function stateAndFull(data, state) {
    const h = await openHistory(data);
    try {
        const built = await buildFeatures(h, { every: 'day', relation: 'full_build' });
        const full = await queryRows(h.connection, `SELECT * FROM full_build ORDER BY as_of, account_id`);
        await h.connection.run(`ATTACH ${quoteLiteral(join(state, 'features.duckdb'))} AS s (READ_ONLY)`);
        const kept = await queryRows(h.connection, `SELECT * FROM s.features ORDER BY as_of, account_id`);
        assert.equal(built.every, 'day');
        return { kept, full };
    }
    finally {
        h.close();
    }
}
function assertSameRows(kept, full, what) {
    assert.equal(kept.length, full.length, `${what}: row count`);
    for (let i = 0; i < full.length; i++)
        assert.deepEqual(kept[i], full[i], `${what}: row ${i + 1}`);
}
let full;
before(async () => {
    work = await tempDir('churnkit-refresh-');
    await simulate({ accounts: 60, months: 12, seed: 4242, out: d('full') });
    full = await openHistory(d('full'));
    await writeHistory(full, d('day0'), knownBefore(D0));
    await writeHistory(full, d('day3'), knownBefore(addDays(D0, 3)));
});
after(async () => {
    full?.close();
    await work?.cleanup();
});
test('a state built before D and refreshed with days D..D+3 equals a full daily build, row for row and byte for byte', async () => {
    const first = churnkit('refresh', '--data', d('day0'), '--state', d('state'), '--json');
    assert.equal(first.status, 0, first.stderr);
    const built = JSON.parse(first.stdout);
    assert.equal(built.mode, 'full');
    assert.equal(built.state.data_end, addDays(D0, -1));
    assert.equal(built.state.every, 'day');
    const second = churnkit('refresh', '--data', d('day3'), '--state', d('state'), '--out', d('refreshed.parquet'), '--json');
    assert.equal(second.status, 0, second.stderr);
    const r = JSON.parse(second.stdout);
    assert.equal(r.mode, 'incremental');
    assert.equal(r.previous_data_end, addDays(D0, -1));
    assert.equal(r.state.data_end, addDays(D0, 2));
    assert.deepEqual(r.late, [], 'appended days touch no earlier snapshot');
    assert.deepEqual(r.rebuilt, { count: 3, first: D0, last: addDays(D0, 2) }, 'only the three new as-of dates');
    assert.ok(r.labels_changed > 0, 'labels of rows whose horizon the new days close are known now');
    const { kept, full: rebuilt } = await stateAndFull(d('day3'), d('state'));
    assertSameRows(kept, rebuilt, 'after appending three days');
    const featured = churnkit('features', '--data', d('day3'), '--every', 'day', '--out', d('featured.parquet'));
    assert.equal(featured.status, 0, featured.stderr);
    assert.ok((await readFile(d('refreshed.parquet'))).equals(await readFile(d('featured.parquet'))), 'refresh --out writes the bytes features --every day writes');
    // the same data again: nothing to rebuild, nothing changes
    const again = await refresh(d('day3'), d('state'));
    assert.equal(again.rebuilt.count, 0);
    assert.equal(again.labels_changed, 0);
    assert.deepEqual(again.late, []);
    assertSameRows((await stateAndFull(d('day3'), d('state'))).kept, rebuilt, 'a refresh with no new data');
});
test('late-arriving and edited records rebuild the as-of dates they touch, and still equal a full build', async () => {
    await cp(d('state'), d('state-late'), { recursive: true });
    // day3's data with: a usage event dated ten days before the last data_end, a ticket closed on a
    // day before it, a contract re-priced and an account re-segmented
    const lateDay = addDays(D0, -8);
    const [victim] = await queryRows(full.connection, `SELECT account_id FROM read_parquet(${quoteLiteral(d('day3', 'accounts.parquet'))}) WHERE churned_at IS NULL ORDER BY account_id LIMIT 1`);
    const id = quoteLiteral(victim.account_id);
    const at = (f) => quoteLiteral(d('day3', f));
    await writeHistory(full, d('late'), {
        accounts: `SELECT * REPLACE (CASE WHEN account_id = 'A00007' THEN 'smb_changed' ELSE segment END AS segment) FROM read_parquet(${at('accounts.parquet')})`,
        usage: `SELECT * FROM read_parquet(${at('usage.parquet')})
            UNION ALL SELECT ${id}, TIMESTAMP '${lateDay} 09:30:00', 'late-user', 'reports', 40`,
        tickets: `SELECT * REPLACE (CASE WHEN closed_at IS NULL AND opened_at < TIMESTAMP '${addDays(D0, -20)}' THEN TIMESTAMP '${addDays(D0, -2)} 12:00:00' ELSE closed_at END AS closed_at)
              FROM read_parquet(${at('tickets.parquet')})`,
        contacts: `SELECT * FROM read_parquet(${at('contacts.parquet')})`,
        interactions: `SELECT * FROM read_parquet(${at('interactions.parquet')})`,
        nps: `SELECT * FROM read_parquet(${at('nps.parquet')})`,
        contracts: `SELECT * FROM read_parquet(${at('contracts.parquet')})`,
        integrations: `SELECT * FROM read_parquet(${at('integrations.parquet')})`,
    });
    const r = await refresh(d('late'), d('state-late'));
    const tables = r.late.map((l) => l.table).sort();
    assert.ok(tables.includes('usage'), JSON.stringify(r.late));
    assert.equal(r.late.find((l) => l.table === 'usage').day, lateDay);
    assert.ok(r.rebuilt_from !== null && r.rebuilt_from <= addDays(lateDay, 1), `rebuilt from ${r.rebuilt_from}`);
    const { kept, full: rebuilt } = await stateAndFull(d('late'), d('state-late'));
    assertSameRows(kept, rebuilt, 'after late and edited records');
});
test('a state keeps its options; a bad history fails and leaves the state as it was', async () => {
    const week = churnkit('refresh', '--data', d('day3'), '--state', d('state'), '--every', 'week');
    assert.equal(week.status, 64);
    assert.match(week.stderr, /--every week: the state .* was built with --every day/);
    const before = await readFile(d('state', 'features.duckdb'));
    await writeHistory(full, d('broken'), {
        ...knownBefore(addDays(D0, 5)),
        usage: `SELECT account_id, occurred_at, user_id, event, -1 AS quantity FROM usage WHERE occurred_at < TIMESTAMP '${addDays(D0, 5)}'`,
    });
    const bad = churnkit('refresh', '--data', d('broken'), '--state', d('state'));
    assert.equal(bad.status, 2, bad.stderr);
    assert.match(bad.stderr, /usage/);
    assert.ok((await readFile(d('state', 'features.duckdb'))).equals(before), 'the state file is untouched');
});
//# sourceMappingURL=refresh.test.js.map