/**
 * A card with weights per segment (issue 22) served as any other: `serve` scores an account by
 * its segment's weights (the scorer's numbers, over real HTTP), and the app's account page shows
 * the weights that scored it.
 */
import assert from 'node:assert/strict';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { createApp } from '../../src/app/index.js';
import { loadScorecard, parseScorecard, scoreAccount, serializeScorecard } from '../../src/scorecard/index.js';
import { tempDir } from '../support/paths.js';
import { frameCsv, syntheticFeatureTable } from '../scorecard/synthetic.js';
import { request, startService } from './support.js';
const work = await tempDir('churnkit-segment-serve-');
after(() => work.cleanup());
const base = await loadScorecard('default');
/** Enterprise leans on the relationship layer (70%); every other segment keeps the default's weights. */
const card = parseScorecard({
    ...base,
    segment_weights: {
        enterprise: {
            layers: Object.fromEntries(base.layers.map((l) => [
                l.name,
                {
                    weight: l.name === 'relationship' ? 0.7 : 0.1,
                    signals: Object.fromEntries(l.signals.map((s) => [s.feature, s.weight])),
                },
            ])),
        },
    },
});
const cardPath = join(work.dir, 'by-segment.json');
await writeFile(cardPath, serializeScorecard(card));
const account = {
    account_id: 'A1',
    usage_trend_14d: 0.3,
    support_ticket_trend_30d: 0,
    champion_engagement_change_30d: -0.6,
    login_frequency_change_14d: 0.2,
    license_utilization: 0.9,
    days_since_last_csm_interaction: 10,
    nps_trend: 1,
    contract_value_vs_usage_ratio: 0.9,
    feature_adoption_breadth_change_30d: 0.1,
    days_since_last_integration_added: 30,
    zero_usage_14d: false,
    champion_departed: false,
    active_escalation: false,
    days_to_renewal: 200,
};
test('serve scores each account by its segment weights, as the scorer does', async () => {
    const svc = await startService({ scorecard: cardPath });
    try {
        const scores = {};
        for (const segment of ['enterprise', 'smb']) {
            const r = await request(svc.base, 'POST', '/v1/score?exact=true', { ...account, segment });
            assert.equal(r.status, 200, r.text);
            const expected = scoreAccount(card, { ...account, segment });
            assert.equal(r.body.score, expected.score, segment);
            assert.equal(r.body.band, expected.band);
            scores[segment] = r.body.score;
        }
        // a falling champion engagement costs the enterprise account (relationship 70%) more
        assert.ok(scores['enterprise'] < scores['smb'], JSON.stringify(scores));
    }
    finally {
        await svc.close();
    }
});
test("the app's account page gives the weights that scored the account", async () => {
    const features = join(work.dir, 'features.csv');
    await writeFile(features, frameCsv(syntheticFeatureTable({ accounts: 6, months: 3, seed: 2 })));
    const app = await createApp({ features, scorecard: cardPath });
    try {
        await app.listen({ port: 0, host: '127.0.0.1' });
        const url = `http://127.0.0.1:${app.server.address().port}`;
        // synthetic accounts take enterprise, mid_market, smb in turn
        const enterprise = await (await fetch(`${url}/api/accounts/A00000`)).json();
        const midMarket = await (await fetch(`${url}/api/accounts/A00001`)).json();
        const weight = (detail, layer) => detail.layers.find((l) => l.name === layer).weight;
        assert.equal(weight(enterprise, 'relationship'), 0.7);
        assert.equal(weight(midMarket, 'relationship'), base.layers.find((l) => l.name === 'relationship').weight);
        const champion = enterprise.signals.find((s) => s.feature === 'champion_engagement_change_30d');
        const within = base.layers
            .find((l) => l.name === 'relationship')
            .signals.find((s) => s.feature === 'champion_engagement_change_30d').weight;
        assert.ok(Math.abs(champion.weight - 0.7 * within) < 1e-9, `champion signal weight ${champion.weight}`);
    }
    finally {
        await app.close();
    }
});
//# sourceMappingURL=segment-weights.test.js.map