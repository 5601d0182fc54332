/**
 * The traits of small real B2B histories (src/simulate/traits.ts): young accounts, a champion on
 * every account from its first day (so champion_engagement_change_30d is NULL exactly when
 * champion_departed), usage recorded only from a later day, and the small-history preset.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { simulate } from '../../src/simulate/index.js';
import { openHistory } from '../../src/data/history.js';
import { queryRows } from '../../src/data/duckdb.js';
import { buildFeatures } from '../../src/features/index.js';
import { cliPath, tempDir } from '../support/paths.js';
import { digests } from '../support/digests.js';
test('usage from a later day: earlier usage rows are gone, everything else (behaviour, churn) is unchanged', async () => {
    const { dir, cleanup } = await tempDir('churnkit-sim-traits-');
    try {
        const base = { accounts: 60, months: 18, seed: 5, format: 'csv' };
        await simulate({ ...base, out: join(dir, 'full') });
        const late = await simulate({ ...base, out: join(dir, 'late'), traits: { usageFrom: '2023-10-15' } });
        assert.equal(late.traits.usageFrom, '2023-10-15');
        const [full, cut] = await Promise.all([digests(join(dir, 'full')), digests(join(dir, 'late'))]);
        for (const table of ['accounts', 'contracts', 'tickets', 'contacts', 'interactions', 'nps', 'integrations'])
            assert.equal(cut.get(`${table}.csv`), full.get(`${table}.csv`), `${table} is the same history`);
        const rows = async (d) => (await readFile(join(dir, d, 'usage.csv'), 'utf8')).trimEnd().split('\n').slice(1);
        const fullUsage = await rows('full');
        const lateUsage = await rows('late');
        const kept = fullUsage.filter((line) => line.split(',')[1] >= '2023-10-15');
        assert.ok(kept.length > 1000 && kept.length < fullUsage.length);
        assert.deepEqual(lateUsage, kept, 'exactly the usage rows from 2023-10-15 on');
        const truth = JSON.parse(await readFile(join(dir, 'late', 'truth.json'), 'utf8'));
        assert.deepEqual(truth.traits, {
            preset: null,
            arrivals: 'front',
            champion_from_start: false,
            usage_from: '2023-10-15',
        });
        assert.equal(JSON.parse(await readFile(join(dir, 'full', 'truth.json'), 'utf8')).traits, undefined);
    }
    finally {
        await cleanup();
    }
});
test('the small-history preset: 36 months, young accounts, champion_engagement_change_30d NULL exactly when champion_departed, late usage; same seed, same bytes', async () => {
    const { dir, cleanup } = await tempDir('churnkit-sim-traits-');
    try {
        const a = await simulate({ accounts: 100, seed: 11, out: join(dir, 'a'), preset: 'small-history' });
        await simulate({ accounts: 100, seed: 11, out: join(dir, 'b'), preset: 'small-history', threads: 1 });
        assert.deepEqual(await digests(join(dir, 'b')), await digests(join(dir, 'a')));
        assert.equal(a.months, 36);
        assert.deepEqual(a.traits, {
            arrivals: 'growing',
            championFromStart: true,
            usageFrom: '2024-01-01',
            seasonalUsage: false,
        });
        const h = await openHistory(join(dir, 'a'));
        try {
            const [starts] = await queryRows(h.connection, `SELECT AVG(CASE WHEN started_at >= DATE '2024-07-01' THEN 1 ELSE 0 END) AS late_half,
                strftime(MIN(occurred_at), '%Y-%m-%d') AS first_usage
         FROM accounts, (SELECT MIN(occurred_at) AS occurred_at FROM usage)`);
            // A growing book: most accounts start in the second half of the window (front-loaded: a third).
            assert.ok(Number(starts['late_half']) > 0.6, `late half ${starts['late_half']}`);
            assert.equal(starts['first_usage'], '2024-01-01');
            const [noChampion] = await queryRows(h.connection, `SELECT COUNT(*) AS n FROM accounts a WHERE NOT EXISTS (
           SELECT 1 FROM contacts c WHERE c.account_id = a.account_id AND c.role = 'champion' AND c.started_at = a.started_at)`);
            assert.equal(Number(noChampion['n']), 0, 'every account has a champion from its first day');
            const built = await buildFeatures(h);
            const [alias] = await queryRows(h.connection, `SELECT COUNT(*) FILTER (WHERE (champion_engagement_change_30d IS NULL) <> champion_departed) AS disagree,
                COUNT(*) FILTER (WHERE champion_departed) AS departed,
                AVG(CASE WHEN tenure_days < 365 THEN 1 ELSE 0 END) AS first_year,
                COUNT(*) AS n
         FROM "${built.relation}"`);
            assert.equal(Number(alias['disagree']), 0, 'NULL engagement is an exact alias of champion_departed');
            assert.ok(Number(alias['departed']) > 10, `departed rows ${alias['departed']}`);
            assert.ok(Number(alias['first_year']) > 0.6, `first-year share ${alias['first_year']}`);
        }
        finally {
            h.close();
        }
    }
    finally {
        await cleanup();
    }
});
test('churnkit simulate: trait flags, the preset without --months; clear refusals', async () => {
    const { dir, cleanup } = await tempDir('churnkit-sim-traits-');
    try {
        const run = (...args) => spawnSync(process.execPath, [cliPath, 'simulate', ...args], { encoding: 'utf8' });
        const ok = run('--accounts', '20', '--months', '6', '--arrivals', 'even', '--champion-from-start', '--usage-from', '2023-03-01', '--out', join(dir, 'x'), '--json');
        assert.equal(ok.status, 0, ok.stderr);
        assert.deepEqual(JSON.parse(ok.stdout).traits, {
            arrivals: 'even',
            championFromStart: true,
            usageFrom: '2023-03-01',
            seasonalUsage: false,
        });
        const refuse = (traits, months, message) => assert.rejects(simulate({ accounts: 20, months, seed: 1, out: join(dir, 'y'), ...traits }), (err) => {
            assert.match(err.message, message);
            assert.equal(err.exitCode, 64);
            return true;
        });
        await refuse({ traits: { arrivals: 'sometimes' } }, 6, /--arrivals must be one of front, even, growing/);
        await refuse({ traits: { usageFrom: '2024-01-01' } }, 6, /--usage-from 2024-01-01 is after the last simulated day 2023-06-30/);
        await refuse({ traits: { usageFrom: '2024-02-30' } }, 6, /--usage-from must be a date/);
        await refuse({}, undefined, /--months is required/);
        await refuse({ preset: 'huge' }, 6, /--preset must be one of small-history/);
        const preset = run('--accounts', '20', '--preset', 'small-history', '--out', join(dir, 'y'), '--json');
        assert.equal(preset.status, 0, preset.stderr);
        assert.equal(JSON.parse(preset.stdout).months, 36);
        assert.match(preset.stderr, /meant for 100 to 5000 accounts/);
    }
    finally {
        await cleanup();
    }
});
//# sourceMappingURL=traits.test.js.map