/**
 * An independent implementation to agree with: the simulator computes the features of docs/features.md
 * in TypeScript, from its own event arrays, on the 1st of every month to drive the churn hazard,
 * and reports them through `observe`. The SQL, reading the files it wrote, must find the same
 * snapshot rows and the same values.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { simulate, DRIVERS } from '../../src/simulate/index.js';
import { openHistory } from '../../src/data/history.js';
import { queryRows } from '../../src/data/duckdb.js';
import { buildFeatures } from '../../src/features/index.js';
import { tempDir } from '../support/paths.js';
test('the feature SQL reproduces the simulator’s own feature values on every monthly snapshot', async () => {
    const { dir, cleanup } = await tempDir('churnkit-simx-');
    try {
        const probes = new Map();
        const sim = await simulate({
            accounts: 120,
            months: 10,
            seed: 99,
            out: join(dir, 'sim'),
            format: 'csv',
            observe: (p) => probes.set(`${p.account}@${p.day}`, { drivers: Float64Array.from(p.drivers), daysToRenewal: p.daysToRenewal }),
        });
        const h = await openHistory(join(dir, 'sim'));
        try {
            const built = await buildFeatures(h);
            const rows = await queryRows(h.connection, `SELECT *, CAST(as_of - DATE '${sim.start}' AS INTEGER) AS day FROM "${built.relation}"`);
            const ids = (await queryRows(h.connection, `SELECT account_id FROM accounts ORDER BY account_id`)).map((r) => r['account_id']);
            const index = new Map(ids.map((id, i) => [id, i]));
            assert.equal(rows.length, probes.size, 'same snapshot rows (accounts active on each 1st)');
            assert.ok(rows.length > 500);
            const mismatches = [];
            let compared = 0;
            for (const r of rows) {
                const p = probes.get(`${index.get(r['account_id'])}@${r['day']}`);
                assert.ok(p, `the simulator has no snapshot for ${String(r['account_id'])} on day ${String(r['day'])}`);
                DRIVERS.forEach((d, j) => {
                    // The simulator normalises value per user by a segment reference, not the median at T.
                    if (d.name === 'contract_value_vs_usage_ratio')
                        return;
                    let mine = r[d.name];
                    if (typeof mine === 'boolean')
                        mine = mine ? 1 : 0;
                    const theirs = p.drivers[j];
                    // NULL is NaN in the probe (or 0 where the simulator documents feeding NULL to its hazard as 0).
                    const nullAsZero = d.whenNull.startsWith('0');
                    const same = mine === null
                        ? Number.isNaN(theirs) || (nullAsZero && theirs === 0)
                        : Math.abs(mine - theirs) <= 1e-9 * Math.max(1, Math.abs(theirs));
                    compared++;
                    if (!same && mismatches.length < 10)
                        mismatches.push(`${d.name} ${String(r['account_id'])} day ${String(r['day'])}: sql=${mine} simulator=${theirs}`);
                });
                const renewal = Number.isNaN(p.daysToRenewal) ? null : p.daysToRenewal;
                if (renewal !== r['days_to_renewal'] && mismatches.length < 10)
                    mismatches.push(`days_to_renewal ${String(r['account_id'])}: sql=${String(r['days_to_renewal'])} simulator=${renewal}`);
            }
            assert.deepEqual(mismatches, []);
            assert.ok(compared > 12 * 500);
            // Not vacuous: the comparison covered real variation and NULLs.
            assert.ok(rows.some((r) => r['champion_engagement_change_30d'] === null) &&
                rows.some((r) => typeof r['champion_engagement_change_30d'] === 'number'));
            assert.ok(new Set(rows.map((r) => r['usage_trend_14d'])).size > 50);
            assert.ok(rows.some((r) => r['active_escalation'] === true));
        }
        finally {
            h.close();
        }
    }
    finally {
        await cleanup();
    }
});
//# sourceMappingURL=simulator.test.js.map