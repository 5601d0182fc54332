/**
 * The planted truth shows in the data: churners look the way the hazard says they should before
 * they churn, churn gathers before contract ends, the churn level is B2B-like, truth.json records
 * what was planted, and effects move the truth from one layer to another.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { simulate, DRIVERS } from '../../src/simulate/index.js';
import { openDuckDB, queryRows } from '../../src/data/duckdb.js';
import { UsageError } from '../../src/util/errors.js';
import { tempDir } from '../support/paths.js';
const HORIZON = 90;
async function world(effects) {
    const { dir, cleanup } = await tempDir('churnkit-sim-hazard-');
    try {
        const probes = [];
        const out = join(dir, 'h');
        const sim = await simulate({
            accounts: 400,
            months: 24,
            seed: 5,
            out,
            effects,
            observe: (p) => probes.push({ account: p.account, day: p.day, x: Float64Array.from(p.drivers) }),
        });
        const db = await openDuckDB();
        try {
            const accounts = await queryRows(db.connection, `SELECT date_diff('day', DATE '${sim.start}', churned_at) AS c FROM read_parquet('${out}/accounts.parquet')`);
            const churnDay = accounts.map((r) => (r['c'] === null ? null : Number(r['c'])));
            const endDay = (Date.parse(sim.data_end) - Date.parse(sim.start)) / 86_400_000;
            const sums = [new Float64Array(DRIVERS.length), new Float64Array(DRIVERS.length)];
            const counts = [new Float64Array(DRIVERS.length), new Float64Array(DRIVERS.length)];
            let positives = 0;
            for (const p of probes) {
                const c = churnDay[p.account];
                const y = c !== null && c !== undefined && c > p.day && c <= p.day + HORIZON ? 1 : p.day + HORIZON <= endDay ? 0 : -1;
                if (y < 0)
                    continue;
                if (y === 1)
                    positives++;
                DRIVERS.forEach((d, j) => {
                    const v = p.x[j];
                    if (Number.isNaN(v))
                        return;
                    sums[y][j] += d.name.startsWith('days_') ? Math.min(v, 365) : v;
                    counts[y][j]++;
                });
            }
            const means = [0, 1].map((y) => Object.fromEntries(DRIVERS.map((d, j) => [d.name, sums[y][j] / counts[y][j]])));
            // Straight from the files: usage (non-login quantity) before churn, as the feature defines it.
            const usage = `read_parquet('${out}/usage.parquet')`;
            const trend = (from) => `
        SELECT avg(CASE WHEN p > 0 THEN least(l / p - 1, 3) WHEN l > 0 THEN 3 ELSE 0 END) AS trend FROM (
          SELECT x.account_id, x.t,
            coalesce(sum(u.quantity) FILTER (WHERE u.occurred_at >= x.t - INTERVAL 14 DAY), 0) AS l,
            coalesce(sum(u.quantity) FILTER (WHERE u.occurred_at < x.t - INTERVAL 14 DAY), 0) AS p
          FROM (${from}) x LEFT JOIN ${usage} u ON u.account_id = x.account_id AND u.event <> 'login'
            AND u.occurred_at >= x.t - INTERVAL 28 DAY AND u.occurred_at < x.t
          GROUP BY ALL)`;
            const accountsFile = `read_parquet('${out}/accounts.parquet')`;
            const pre = await queryRows(db.connection, trend(`SELECT account_id, churned_at AS t FROM ${accountsFile} WHERE churned_at >= started_at + INTERVAL 90 DAY`));
            const snap = await queryRows(db.connection, trend(`
        SELECT a.account_id, g.t::DATE AS t FROM ${accountsFile} a, generate_series(DATE '${sim.start}', DATE '${sim.data_end}', INTERVAL 1 MONTH) g(t)
        WHERE a.started_at + INTERVAL 90 DAY <= g.t AND (a.churned_at IS NULL OR a.churned_at > g.t)`));
            return {
                sim,
                means,
                positives,
                preChurnUsageTrend: Number(pre[0]['trend']),
                snapshotUsageTrend: Number(snap[0]['trend']),
            };
        }
        finally {
            db.close();
        }
    }
    finally {
        await cleanup();
    }
}
const base = world();
test('churn is B2B-like: 10-30% a year, gathered in the weeks before contracts end, highest in smb', async () => {
    const { sim } = await base;
    const t = sim.truth;
    assert.ok(t.churn.annual_churn_rate > 0.1 && t.churn.annual_churn_rate < 0.3, `annual churn ${t.churn.annual_churn_rate}`);
    assert.ok(t.churn.share_within_60d_of_renewal > 0.45, `share near renewal ${t.churn.share_within_60d_of_renewal}`);
    const rate = Object.fromEntries(t.segments.map((s) => [s.name, s.annual_churn_rate]));
    assert.ok(rate['smb'] > rate['mid_market'] && rate['mid_market'] > rate['enterprise'], JSON.stringify(rate));
});
test('churners’ usage declines before they churn', async () => {
    const w = await base;
    assert.ok(w.preChurnUsageTrend < -0.1, `usage trend before churn ${w.preChurnUsageTrend}`);
    assert.ok(w.snapshotUsageTrend > 0, `usage trend on ordinary snapshots ${w.snapshotUsageTrend}`);
});
test('snapshot rows that churn within 90 days look the way the planted hazard says', async () => {
    const { means, positives } = await base;
    assert.ok(positives > 120, `positives ${positives}`);
    const [no, yes] = means;
    const lower = [
        'usage_trend_14d',
        'license_utilization',
        'feature_adoption_breadth_change_30d',
        'nps_trend',
        'champion_engagement_change_30d',
    ];
    const higher = [
        'days_since_last_csm_interaction',
        'days_since_last_integration_added',
        'contract_value_vs_usage_ratio',
        'zero_usage_14d',
        'champion_departed',
        'active_escalation',
    ];
    for (const f of lower)
        assert.ok(yes[f] < no[f], `${f}: churners ${yes[f]} vs others ${no[f]}`);
    for (const f of higher)
        assert.ok(yes[f] > no[f], `${f}: churners ${yes[f]} vs others ${no[f]}`);
});
test('effects move the truth: a usage-dominant world separates churners by usage, an engagement-dominant one by CSM gaps', async () => {
    const quiet = { usage: 0.2, engagement: 0.2, relationship: 0.2, outcome: 0.2 };
    const [usage, engagement] = await Promise.all([
        world({ layers: { ...quiet, usage: 3 } }),
        world({ layers: { ...quiet, engagement: 3 } }),
    ]);
    const gap = (w, f) => w.means[1][f] - w.means[0][f];
    assert.ok(gap(usage, 'usage_trend_14d') < gap(engagement, 'usage_trend_14d') - 0.05, `usage trend gap ${gap(usage, 'usage_trend_14d')} vs ${gap(engagement, 'usage_trend_14d')}`);
    assert.ok(gap(usage, 'license_utilization') < gap(engagement, 'license_utilization'));
    assert.ok(gap(engagement, 'days_since_last_csm_interaction') > 2 * gap(usage, 'days_since_last_csm_interaction'));
    assert.ok(gap(engagement, 'active_escalation') > gap(usage, 'active_escalation'));
    // The base hazard is compensated, so re-weighting does not turn the world into mass churn.
    for (const w of [usage, engagement])
        assert.ok(w.sim.annual_churn_rate > 0.05 && w.sim.annual_churn_rate < 0.4, `churn ${w.sim.annual_churn_rate}`);
    const coefficient = (w, name) => w.sim.truth.drivers.find((d) => d.name === name).coefficient;
    assert.equal(coefficient(usage, 'usage_trend_14d'), 3 * DRIVERS[0].coefficient);
    assert.equal(coefficient(engagement, 'usage_trend_14d'), 0.2 * DRIVERS[0].coefficient);
    assert.equal(usage.sim.truth.layer_strength.usage > usage.sim.truth.layer_strength.engagement, true);
});
test('truth.json records the planted effects, base rates, dates, seed and counts', async () => {
    const { sim } = await base;
    const t = sim.truth;
    assert.equal(t.kind, 'churnkit.simulation-truth');
    assert.equal(t.seed, 5);
    assert.equal(t.start, '2023-01-01');
    assert.equal(t.data_end, '2024-12-31');
    assert.deepEqual(t.counts, sim.counts);
    assert.deepEqual(t.drivers.map((d) => d.name), DRIVERS.map((d) => d.name));
    for (const d of t.drivers) {
        assert.ok(['usage', 'engagement', 'relationship', 'outcome'].includes(d.layer), `${d.name} layer ${d.layer}`);
        assert.equal(d.coefficient, d.base_coefficient, 'default effects leave coefficients as planted');
    }
    assert.equal(t.drivers.filter((d) => d.kind === 'feature').length, 10);
    assert.deepEqual(t.drivers.filter((d) => d.kind === 'signal').map((d) => d.name), ['zero_usage_14d', 'champion_departed', 'active_escalation']);
    assert.deepEqual(t.segments.map((s) => s.name), ['enterprise', 'mid_market', 'smb']);
    for (const s of t.segments)
        assert.ok(s.base_hazard_per_day > 0 && s.accounts > 0);
    assert.equal(t.segments.reduce((n, s) => n + s.accounts, 0), 400);
    assert.equal(t.hazard.compensation, 1);
    assert.ok(t.hazard.renewal.peak > 1 && t.hazard.season_by_month.length === 12);
});
test('bad effects and options are usage errors that name what is wrong', async () => {
    const { dir, cleanup } = await tempDir();
    const out = join(dir, 'never');
    const cases = [
        [
            { accounts: 5, months: 3, seed: 1, out, effects: { layers: { usage: -1 } } },
            /effects\.layers\.usage must be a non-negative number/,
        ],
        [{ accounts: 5, months: 3, seed: 1, out, effects: { layers: { product: 2 } } }, /unknown layer "product"/],
        [
            { accounts: 5, months: 3, seed: 1, out, effects: { drivers: { usage_trend: 2 } } },
            /unknown driver "usage_trend"/,
        ],
        [{ accounts: 5, months: 3, seed: 1, out, effects: { speed: 2 } }, /unknown key "speed"/],
        [{ accounts: 0, months: 3, seed: 1, out }, /--accounts must be an integer/],
        [{ accounts: 5, months: 0, seed: 1, out }, /--months must be an integer/],
        [{ accounts: 5, months: 3, seed: -1, out }, /--seed must be an integer/],
        [{ accounts: 5, months: 3, seed: 1, out, start: '2023-02-30' }, /--start must be a date/],
    ];
    try {
        for (const [options, message] of cases) {
            await assert.rejects(simulate(options), (err) => err instanceof UsageError && message.test(err.message), String(message));
        }
        assert.deepEqual(await readdir(dir), [], 'nothing written');
    }
    finally {
        await cleanup();
    }
});
//# sourceMappingURL=hazard.test.js.map