import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from '../support/paths.js';
import assert from 'node:assert/strict';
import { BANDS, parseScorecard, } from '../../src/scorecard/index.js';
/** The shipped default card as raw JSON, for tests that break or bend it. */
export function defaultCardJson() {
    return JSON.parse(readFileSync(join(repoRoot, 'models', 'default-scorecard.json'), 'utf8'));
}
export function defaultCard() {
    return parseScorecard(defaultCardJson());
}
/** A healthy account: every signal in its best band under the default card. */
export function healthy(extra = {}) {
    return {
        segment: 'smb',
        usage_trend_14d: 0.5,
        login_frequency_change_14d: 0.5,
        license_utilization: 0.9,
        feature_adoption_breadth_change_30d: 0.5,
        days_since_last_integration_added: 10,
        support_ticket_trend_30d: 0,
        days_since_last_csm_interaction: 5,
        champion_engagement_change_30d: 0.5,
        nps_trend: 1,
        contract_value_vs_usage_ratio: 0.5,
        zero_usage_14d: false,
        champion_departed: false,
        active_escalation: false,
        days_to_renewal: 200,
        ...extra,
    };
}
/** A two-layer card small enough to reason about by hand. */
export function tinyCard(patch = () => { }) {
    const c = {
        kind: 'churnkit.scorecard',
        version: 1,
        layers: [
            {
                name: 'a',
                weight: 0.5,
                signals: [
                    {
                        feature: 'x1',
                        weight: 0.5,
                        direction: 'higher_is_safer',
                        points: [
                            { lt: 0, points: 0 },
                            { gte: 0, points: 100 },
                        ],
                        missing: { policy: 'redistribute' },
                    },
                    {
                        feature: 'x2',
                        weight: 0.5,
                        direction: 'higher_is_safer',
                        points: [
                            { lt: 0, points: 0 },
                            { gte: 0, points: 100 },
                        ],
                        missing: { policy: 'redistribute' },
                    },
                ],
            },
            {
                name: 'b',
                weight: 0.5,
                signals: [
                    {
                        feature: 'x3',
                        weight: 1,
                        direction: 'higher_is_riskier',
                        points: [
                            { lte: 1, points: 100 },
                            { gt: 1, points: 20 },
                        ],
                        missing: { policy: 'redistribute' },
                    },
                ],
            },
        ],
        no_data_score: 50,
        overrides: [],
        bands: { green: 70, yellow: 40 },
        probability: { method: 'none' },
        provenance: { churnkit_version: 'test', source: 'manual' },
    };
    patch(c);
    return parseScorecard(c);
}
/** Two bands split at `lt` (the edge in the upper band) or `lte` (in the lower one): low points below, high above. */
export const band = (edges, low, high) => [
    { ...edges, points: low },
    edges.lt !== undefined ? { gte: edges.lt, points: high } : { gt: edges.lte, points: high },
];
/** A signal of a card in JSON, higher is safer, its weight redistributed when missing unless told. */
export const signal = (feature, weight, points, missing = { policy: 'redistribute' }) => ({
    feature,
    weight,
    direction: 'higher_is_safer',
    points,
    missing,
});
/**
 * The layers of a card with one layer of one signal f0 whose k-th band gives the k-th score: a row
 * with f0 = k scores exactly scores[k].
 */
export function scoreLadder(scores) {
    const points = scores.map((p, k) => ({
        ...(k > 0 ? { gte: k - 0.5 } : {}),
        ...(k < scores.length - 1 ? { lt: k + 0.5 } : {}),
        points: p,
    }));
    return [{ name: 'l', weight: 1, signals: [signal('f0', 1, points)] }];
}
/** Row i of a scoreColumns result against the reference scorer's result for that row, every field. */
export function assertColumnsRow(cols, i, ref, at = `row ${i}`) {
    assert.equal(cols.score[i], ref.score, `${at} score`);
    assert.equal(cols.base_score[i], ref.base_score, `${at} base_score`);
    assert.equal(BANDS[cols.band[i]], ref.band, `${at} band`);
    assert.equal(Number.isNaN(cols.probability[i]) ? null : cols.probability[i], ref.probability, `${at} probability`);
    for (const [name, v] of Object.entries(cols.layers))
        assert.equal(Number.isNaN(v[i]) ? null : v[i], ref.layers[name], `${at} layer ${name}`);
    const K = cols.overrides.length;
    assert.deepEqual(cols.overrides.filter((_, k) => cols.fired[i * K + k] === 1), ref.overrides, `${at} overrides`);
    const reasons = [0, 1, 2]
        .map((r) => cols.reasons[i * 3 + r])
        .filter((k) => k >= 0)
        .map((k) => cols.signals[k]);
    assert.deepEqual(reasons, ref.reasons, `${at} reasons`);
    assert.equal(cols.escalate[i] === 1, ref.escalate, `${at} escalate`);
    assert.equal(cols.coverage[i], ref.coverage, `${at} coverage`);
    const M = cols.checked.length;
    assert.deepEqual(cols.checked.filter((_, m) => cols.missing[i * M + m] === 1), ref.missing, `${at} missing`);
    assert.equal(cols.unknown_segment[i] === 1, ref.warnings.length > 0, `${at} unknown segment`);
}
/** The largest double below a positive x (written here, not taken from the code under test). */
export function justBelow(x) {
    return nextDouble(x, -1n);
}
/** The smallest double above a positive x. */
export function justAbove(x) {
    return nextDouble(x, 1n);
}
function nextDouble(x, step) {
    const bits = new BigInt64Array(Float64Array.of(x).buffer);
    bits[0] += step;
    return new Float64Array(bits.buffer)[0];
}
//# sourceMappingURL=helpers.js.map