import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadScorecard, scoreColumns, conditionColumn } from '../../src/scorecard/index.js';
import { calibrateScorecard } from '../../src/scorecard/calibrate/index.js';
import { syntheticFeatureTable } from './synthetic.js';
import { rescaleScore } from '../../src/scorecard/calibrate/bands.js';
const base = await loadScorecard('default');
function calibrate(layers, seed = 1) {
    const frame = syntheticFeatureTable({ accounts: 500, months: 15, seed, layers });
    return calibrateScorecard(frame, { base, reference: base, bootstrap: 20, seed: 5 });
}
const usageHeavy = calibrate({ usage: 3, engagement: 0.3, relationship: 0.3, outcome: 0.3 });
test('when the truth makes one layer dominant, calibration ranks that layer first', () => {
    assert.equal(usageHeavy.fidelity.layers_by_weight[0], 'usage');
    const usage = usageHeavy.card.layers.find((l) => l.name === 'usage');
    assert.ok(usage.weight > 0.6, `usage weight ${usage.weight}`);
    const relationshipHeavy = calibrate({ usage: 0.2, engagement: 0.2, relationship: 4, outcome: 0.2 }, 2);
    assert.equal(relationshipHeavy.fidelity.layers_by_weight[0], 'relationship');
    const engagementHeavy = calibrate({ usage: 0.2, engagement: 3, relationship: 0.2, outcome: 0.2 }, 3);
    assert.equal(engagementHeavy.fidelity.layers_by_weight[0], 'engagement');
});
test('weights are non-negative fractions summing to 1 at each level, with intervals around them', () => {
    const card = usageHeavy.card;
    const sum = (xs) => xs.reduce((a, b) => a + b, 0);
    assert.ok(Math.abs(sum(card.layers.map((l) => l.weight)) - 1) < 1e-9);
    for (const layer of card.layers) {
        assert.ok(Math.abs(sum(layer.signals.map((s) => s.weight)) - 1) < 1e-9);
        assert.ok(layer.weight_ci90 && layer.weight_ci90[0] <= layer.weight_ci90[1]);
        for (const s of layer.signals)
            assert.ok(s.weight >= 0 && s.weight_ci90 !== undefined);
    }
    const usage = card.layers[0];
    assert.ok(usage.weight_ci90[0] <= usage.weight + 0.02 && usage.weight <= usage.weight_ci90[1] + 0.02, `${usage.weight} in ${usage.weight_ci90}`);
});
test("points follow each signal's direction and span 0..100; the framework rules and overrides are kept", () => {
    for (const layer of usageHeavy.card.layers)
        for (const s of layer.signals) {
            const pts = s.points.map((b) => b.points);
            if (pts.length < 2)
                continue;
            assert.ok(pts.includes(0) || s.missing.policy === 'points', `${s.feature}: ${pts}`);
            assert.ok(pts.includes(100) || s.missing.policy === 'points', `${s.feature}: ${pts}`);
            for (let k = 1; k < pts.length; k++)
                assert.ok(s.direction === 'higher_is_safer' ? pts[k] >= pts[k - 1] : pts[k] <= pts[k - 1]);
            assert.ok(s.points.every((b) => b.rows > 0 && b.churn_rate !== undefined));
        }
    // the true effect of usage_trend_14d is strong: its worst band churns far more than its best
    const trend = usageHeavy.card.layers[0].signals[0];
    assert.ok(trend.points[0].churn_rate > 3 * trend.points[trend.points.length - 1].churn_rate);
    assert.deepEqual(trend.rules, base.layers[0].signals[0].rules);
    // the overrides are the framework's, their score values moved with the bands
    const t = usageHeavy.card.bands;
    assert.deepEqual(usageHeavy.card.overrides.map((o) => [o.id, o.action, o.value]), base.overrides.map((o) => [
        o.id,
        o.action,
        o.value === undefined ? undefined : rescaleScore(o.value, base.bands, t),
    ]));
    assert.equal(usageHeavy.card.overrides[0].value, t.yellow, 'cap 40 (the YELLOW threshold) becomes the calibrated YELLOW threshold');
    // nps_trend is missing on half the rows: informative enough to get its own points
    const nps = usageHeavy.card.layers[3].signals[0];
    assert.equal(nps.missing.policy, 'points');
});
test('fit on the earlier slice, evaluate on a later one, with no label window reaching across', () => {
    const { fit, later } = usageHeavy.fidelity.slices;
    const gapDays = (Date.parse(later.as_of_from) - Date.parse(fit.as_of_to)) / 86_400_000;
    assert.ok(gapDays >= 90, `gap ${gapDays} days`);
    assert.ok(usageHeavy.fidelity.auc.calibrated > 0.6);
    // with the truth this far from the framework's weights, fitting beats the default
    assert.ok(usageHeavy.fidelity.auc.calibrated > usageHeavy.fidelity.auc.default, JSON.stringify(usageHeavy.fidelity.auc));
    assert.equal(usageHeavy.fidelity.auc.model, null);
});
test('the probability map is isotonic and the bands say what they mean on the later slice', () => {
    const p = usageHeavy.card.probability;
    assert.equal(p.method, 'isotonic');
    const bands = usageHeavy.fidelity.bands.calibrated;
    assert.ok(bands.RED.churn_rate > bands.YELLOW.churn_rate && bands.YELLOW.churn_rate > bands.GREEN.churn_rate, JSON.stringify(bands));
    const b = usageHeavy.card.bands;
    assert.ok(b.yellow < b.green);
    // segments with enough churners get their own thresholds only where they differ
    for (const t of Object.values(b.segments ?? {}))
        assert.ok(t.green !== b.green || t.yellow !== b.yellow);
});
test('the override report counts hits as the scorer does and adds up', () => {
    const r = usageHeavy.overrides;
    assert.deepEqual(r.overrides.map((o) => o.id), base.overrides.map((o) => o.id));
    const frame = syntheticFeatureTable({
        accounts: 500,
        months: 15,
        seed: 1,
        layers: { usage: 3, engagement: 0.3, relationship: 0.3, outcome: 0.3 },
    });
    // rows of the later slice
    const from = usageHeavy.fidelity.slices.later.as_of_from;
    const asOf = frame.columns['as_of'];
    const y = frame.columns['churned_within_90d'];
    const rows = [...asOf.keys()].filter((i) => asOf[i] >= from && !Number.isNaN(y[i]));
    assert.equal(r.totals.rows, rows.length);
    const zero = frame.columns['zero_usage_14d'];
    const zeroHits = rows.filter((i) => zero[i] === 1);
    const zeroRow = r.overrides.find((o) => o.id === 'zero_usage_14d');
    assert.equal(zeroRow.rows_hit, zeroHits.length);
    assert.equal(zeroRow.churners_hit, zeroHits.filter((i) => y[i] === 1).length);
    assert.equal(r.totals.churners_caught + r.totals.false_alarms, r.totals.alerts);
    // setting a zero-usage account to 10 can only add alerts
    assert.ok(zeroRow.adds.churners_caught >= 0 && zeroRow.adds.false_alarms >= 0);
    assert.ok(conditionColumn(base.overrides[1].when, frame).reduce((a, v) => a + v, 0) >= zeroHits.length);
});
test('calibration is deterministic: same data and seed, same card and reports', () => {
    const again = calibrate({ usage: 3, engagement: 0.3, relationship: 0.3, outcome: 0.3 });
    assert.equal(JSON.stringify(again.card), JSON.stringify(usageHeavy.card));
    assert.equal(JSON.stringify(again.fidelity), JSON.stringify(usageHeavy.fidelity));
    assert.equal(JSON.stringify(again.overrides), JSON.stringify(usageHeavy.overrides));
    // and the card scores what calibrate evaluated
    const frame = syntheticFeatureTable({ accounts: 50, months: 3, seed: 9 });
    assert.equal(scoreColumns(again.card, frame).n, frame.n);
});
test('score values move with the bands, piecewise linear through 0, yellow, green, 100', () => {
    const from = { yellow: 40, green: 70 };
    const to = { yellow: 30, green: 80 };
    assert.equal(rescaleScore(0, from, to), 0);
    assert.equal(rescaleScore(10, from, to), 7.5);
    assert.equal(rescaleScore(40, from, to), 30);
    assert.equal(rescaleScore(50, from, to), 46.67);
    assert.equal(rescaleScore(60, from, to), 63.33);
    assert.equal(rescaleScore(70, from, to), 80);
    assert.equal(rescaleScore(100, from, to), 100);
});
//# sourceMappingURL=calibrate.test.js.map