/**
 * `features --label expansion` on a hand-made history: expanded_within_90d is 1 when the annual
 * value in effect rises by at least the threshold on a day of (T, T+90], from a contract starting
 * in [T, T+90); 0 once the window is known; NULL without a contract in effect at T, and in a
 * censored window unless an expansion was already seen.
 *
 * Every account starts 2023-01-01 with a contract of 1,000 a year; data_end is 2024-08-31.
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { access, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { openHistory, loadFrame, queryRows } from '../../src/data/index.js';
import { buildFeatures, FEATURE_TABLE_COLUMNS } from '../../src/features/index.js';
import { cliPath, tempDir } from '../support/paths.js';
const churnkit = (...args) => spawnSync(process.execPath, [cliPath, ...args], { encoding: 'utf8' });
const ACCOUNTS = ['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H'];
/** contract_id, account, starts_at, ends_at, annual_value */
const CONTRACTS = [
    // A: renewed on 2024-06-01 at +5%: a renewal uplift, not an expansion
    ['a1', 'A', '2023-01-01', '2024-06-01', '1000'],
    ['a2', 'A', '2024-06-01', '2025-06-01', '1050'],
    // B: renewed at exactly +10%: an expansion (the threshold is "at least")
    ['b1', 'B', '2023-01-01', '2024-06-01', '1000'],
    ['b2', 'B', '2024-06-01', '2025-06-01', '1100'],
    // C: a mid-term add-on of 250 from 2024-03-20
    ['c1', 'C', '2023-01-01', '2025-01-01', '1000'],
    ['c2', 'C', '2024-03-20', '2025-01-01', '250'],
    // D: no contract in effect until 2024-04-15 (the first one ended 2024-03-15)
    ['d1', 'D', '2023-01-01', '2024-03-15', '1000'],
    ['d2', 'D', '2024-04-15', '2025-04-15', '2000'],
    // E: an add-on signed to start on the as-of date itself
    ['e1', 'E', '2023-01-01', '2025-01-01', '1000'],
    ['e2', 'E', '2024-04-01', '2025-01-01', '300'],
    // F: an add-on starting on T + 90 (first in effect on T + 91: outside the window of T = 2024-04-01)
    ['f1', 'F', '2023-01-01', '2025-01-01', '1000'],
    ['f2', 'F', '2024-06-30', '2025-01-01', '300'],
    // G: an add-on starting on T + 89 (first in effect on T + 90: inside)
    ['g1', 'G', '2023-01-01', '2025-01-01', '1000'],
    ['g2', 'G', '2024-06-29', '2025-01-01', '300'],
    // H: an add-on in July, seen although the window of 2024-07-01 runs past data_end
    ['h1', 'H', '2023-01-01', '2025-01-01', '1000.10'],
    ['h2', 'H', '2024-07-10', '2025-01-01', '200.02'],
];
// the accounts all started on one day long before: said outright, as a user would
const DATA_END = '2024-08-31';
let work;
let data;
before(async () => {
    work = await tempDir('churnkit-expansion-');
    data = join(work.dir, 'history');
    await mkdir(data);
    await writeFile(join(data, 'accounts.csv'), ['account_id,segment,started_at,churned_at,seats', ...ACCOUNTS.map((a) => `${a},smb,2023-01-01,,10`)].join('\n'));
    // one login a month for everyone through 2024-08-31 (data_end)
    const usage = ['account_id,occurred_at,user_id,event,quantity'];
    for (const a of ACCOUNTS)
        for (let m = 0; m < 20; m++) {
            const month = new Date(Date.UTC(2023, m, 15)).toISOString().slice(0, 10);
            usage.push(`${a},${month}T10:00:00Z,u1,login,1`);
        }
    usage.push('A,2024-08-31T12:00:00Z,u1,report,1');
    await writeFile(join(data, 'usage.csv'), usage.join('\n'));
    await writeFile(join(data, 'contracts.csv'), [
        'account_id,contract_id,starts_at,ends_at,annual_value',
        ...CONTRACTS.map((c) => [c[1], c[0], c[2], c[3], c[4]].join(',')),
    ].join('\n'));
});
after(() => work.cleanup());
async function labels(asOf) {
    const history = await openHistory(data);
    try {
        const built = await buildFeatures(history, { asOf, label: 'expansion', dataEnd: DATA_END });
        assert.deepEqual(built.columns, [...FEATURE_TABLE_COLUMNS, 'expanded_within_90d']);
        const rows = await queryRows(history.connection, `SELECT account_id, strftime(as_of, '%Y-%m-%d') AS as_of, expanded_within_90d AS y, churned_within_90d AS churn FROM "${built.relation}"`);
        for (const r of rows)
            if (String(r['as_of']) <= '2024-06-01')
                assert.equal(r['churn'], 0, 'the churn label is kept');
        return new Map(rows.map((r) => [`${r['account_id']}@${r['as_of']}`, r['y']]));
    }
    finally {
        history.close();
    }
}
test('expanded_within_90d: renewals and add-ons against the value in effect at T, window [T, T+90) of starts', async () => {
    const y = await labels(['2024-03-01', '2024-04-01', '2024-05-01', '2024-07-01']);
    const at = (a, t) => y.get(`${a}@${t}`);
    // T = 2024-04-01: T + 90 = 2024-06-30 <= data_end, every window is known
    assert.equal(at('A', '2024-04-01'), 0, 'a 5% renewal uplift is not an expansion');
    assert.equal(at('B', '2024-04-01'), 1, 'a 10% rise is one (exactly at the threshold)');
    assert.equal(at('C', '2024-03-01'), 1, 'an add-on starting inside the window');
    assert.equal(at('C', '2024-04-01'), 0, 'an add-on already in effect at T is the baseline, not an expansion');
    assert.equal(at('D', '2024-04-01'), null, 'no contract in effect at T: nothing to expand');
    assert.equal(at('D', '2024-05-01'), 0);
    assert.equal(at('E', '2024-04-01'), 1, 'a contract starting on T is not visible at T: it belongs to the window');
    assert.equal(at('E', '2024-05-01'), 0);
    assert.equal(at('F', '2024-04-01'), 0, 'a start on T + 90 is in effect only on T + 91');
    assert.equal(at('G', '2024-04-01'), 1, 'a start on T + 89 is in effect on T + 90');
    assert.equal(at('H', '2024-04-01'), 0);
    // T = 2024-07-01: T + 90 is after data_end
    assert.equal(at('A', '2024-07-01'), null, 'censored');
    assert.equal(at('H', '2024-07-01'), 1, 'an expansion already seen is known, as a churn is');
});
test('the CLI writes the label after the churn label, --expansion-threshold moves the bar, and bad flags write nothing', async () => {
    const out = join(work.dir, 'features.csv');
    let r = churnkit('features', '--data', data, '--data-end', DATA_END, '--out', out, '--label', 'expansion', '--json');
    assert.equal(r.status, 0, r.stderr);
    const summary = JSON.parse(r.stdout);
    assert.equal(summary.expansion.column, 'expanded_within_90d');
    assert.equal(summary.expansion.threshold, 0.1);
    const frame = await loadFrame(out);
    assert.deepEqual(frame.names, [...FEATURE_TABLE_COLUMNS, 'expanded_within_90d']);
    const positives = frame.columns['expanded_within_90d'].filter((v) => v === 1).length;
    assert.equal(summary.expansion.positives, positives);
    // at 4% the 5% renewal uplift counts too
    const low = join(work.dir, 'low.csv');
    r = churnkit('features', '--data', data, '--data-end', DATA_END, '--out', low, '--label', 'expansion', '--expansion-threshold', '0.04');
    assert.equal(r.status, 0, r.stderr);
    const lowFrame = await loadFrame(low);
    const rowOf = (f, a, t) => f.columns['account_id'].findIndex((id, i) => id === a && f.columns['as_of'][i] === t);
    assert.equal(lowFrame.columns['expanded_within_90d'][rowOf(lowFrame, 'A', '2024-04-01')], 1);
    assert.equal(frame.columns['expanded_within_90d'][rowOf(frame, 'A', '2024-04-01')], 0);
    const bad = join(work.dir, 'bad.csv');
    r = churnkit('features', '--data', data, '--out', bad, '--expansion-threshold', '0.2');
    assert.notEqual(r.status, 0);
    assert.match(r.stderr, /--expansion-threshold goes with --label expansion/);
    r = churnkit('features', '--data', data, '--out', bad, '--label', 'expansion', '--expansion-threshold', '0');
    assert.notEqual(r.status, 0);
    assert.match(r.stderr, /--expansion-threshold must be a share above 0/);
    // without a contracts table there is no annual value to rise
    const noContracts = join(work.dir, 'no-contracts');
    await mkdir(noContracts);
    for (const t of ['accounts.csv', 'usage.csv'])
        await writeFile(join(noContracts, t), await readFile(join(data, t)));
    r = churnkit('features', '--data', noContracts, '--out', bad, '--label', 'expansion');
    assert.equal(r.status, 2, r.stderr);
    assert.match(r.stderr, /contracts.*--label expansion/);
    await assert.rejects(access(bad));
    await rm(noContracts, { recursive: true });
});
//# sourceMappingURL=expansion.test.js.map