/**
 * `simulate --seasonal-usage` (issue 22): deep yearly usage dips that carry no churn risk, for the
 * year-over-year features. Off by default, so the default world is unchanged (determinism.test.ts
 * pins its bytes).
 */
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { test } from 'node:test';
import { queryRows } from '../../src/data/duckdb.js';
import { openHistory } from '../../src/data/history.js';
import { SEASONAL_DIPS, seasonalDipFactor, simulate } from '../../src/simulate/index.js';
import { tempDir } from '../support/paths.js';
test('the dips: mid-month to mid-month, summer and year end, wrapping the new year', () => {
    assert.equal(seasonalDipFactor(6, 19), 1); // Jul 19
    assert.equal(seasonalDipFactor(6, 20), SEASONAL_DIPS[0].factor); // Jul 20
    assert.equal(seasonalDipFactor(7, 20), SEASONAL_DIPS[0].factor); // Aug 20
    assert.equal(seasonalDipFactor(7, 21), 1);
    assert.equal(seasonalDipFactor(11, 19), 1); // Dec 19
    assert.equal(seasonalDipFactor(11, 31), SEASONAL_DIPS[1].factor);
    assert.equal(seasonalDipFactor(0, 4), SEASONAL_DIPS[1].factor); // Jan 4
    assert.equal(seasonalDipFactor(0, 5), 1);
});
test('a seasonal history: usage falls in the dips every year, truth.json records them', async () => {
    const { dir, cleanup } = await tempDir('churnkit-sim-seasonal-');
    try {
        const summary = await simulate({
            accounts: 80,
            months: 20,
            seed: 3,
            out: join(dir, 'h'),
            traits: { seasonalUsage: true },
        });
        assert.equal(summary.traits.seasonalUsage, true);
        const truth = JSON.parse(await readFile(join(dir, 'h', 'truth.json'), 'utf8'));
        assert.deepEqual(truth.traits.seasonal_usage, [
            { from: '07-20', to: '08-20', factor: 0.5 },
            { from: '12-20', to: '01-04', factor: 0.45 },
        ]);
        const h = await openHistory(join(dir, 'h'));
        try {
            // logins per day of accounts active throughout, in and just outside each dip
            const [r] = await queryRows(h.connection, `WITH d AS (SELECT CAST(occurred_at AS DATE) AS day, SUM(quantity) AS q FROM usage WHERE event = 'login' GROUP BY 1)
         SELECT
           (SELECT AVG(q) FROM d WHERE day BETWEEN DATE '2023-07-24' AND DATE '2023-08-14') AS summer,
           (SELECT AVG(q) FROM d WHERE day BETWEEN DATE '2023-06-26' AND DATE '2023-07-17') AS june,
           (SELECT AVG(q) FROM d WHERE day BETWEEN DATE '2023-12-21' AND DATE '2024-01-03') AS year_end,
           (SELECT AVG(q) FROM d WHERE day BETWEEN DATE '2023-11-23' AND DATE '2023-12-06') AS november`);
            assert.ok(r['summer'] < 0.6 * r['june'], `summer ${r['summer']} vs June ${r['june']}`);
            assert.ok(r['year_end'] < 0.5 * r['november'], `year end ${r['year_end']} vs November ${r['november']}`);
        }
        finally {
            h.close();
        }
    }
    finally {
        await cleanup();
    }
});
//# sourceMappingURL=seasonal.test.js.map