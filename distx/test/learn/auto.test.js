/** `--model auto`: the choice among logistic, monotone gbdt and their blend, recorded and reloaded. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { loadModel, trainModel } from '../../src/learn/index.js';
import { documentedMonotone } from '../../src/learn/auto/index.js';
import { Rng } from '../../src/util/rng.js';
import { tempDir } from '../support/paths.js';
/**
 * Monthly snapshots where churn risk is a step in usage (trees find it, a line does not) plus a
 * linear NPS effect, with NULL NPS on a third of the rows.
 */
function table(months, perMonth, seed, step) {
    const rng = new Rng(seed);
    const asOf = [];
    const usage = [];
    const nps = [];
    const label = [];
    for (let m = 0; m < months; m++) {
        const date = new Date(Date.UTC(2023, m, 1)).toISOString().slice(0, 10);
        for (let k = 0; k < perMonth; k++) {
            const u = rng.normal();
            const s = rng.next() < 0.33 ? NaN : rng.normal();
            const risk = -2.5 + (step ? (u < -0.8 ? 2.5 : 0) : -1.2 * u) - 0.6 * (Number.isNaN(s) ? 0 : s);
            asOf.push(date);
            usage.push(u);
            nps.push(s);
            label.push(m >= months - 3 ? NaN : rng.next() < 1 / (1 + Math.exp(-risk)) ? 1 : 0);
        }
    }
    return {
        n: asOf.length,
        names: ['as_of', 'usage_trend_14d', 'nps_trend', 'churned_within_90d'],
        kinds: { as_of: 'date', usage_trend_14d: 'number', nps_trend: 'number', churned_within_90d: 'number' },
        columns: {
            as_of: asOf,
            usage_trend_14d: Float64Array.from(usage),
            nps_trend: Float64Array.from(nps),
            churned_within_90d: Float64Array.from(label),
        },
    };
}
test('monotone constraints come from the documented directions', () => {
    assert.deepEqual(documentedMonotone(['usage_trend_14d', 'support_ticket_trend_30d', 'champion_departed', 'x']), [-1, 1, 1, 0]);
});
test('auto chooses by inner time-ordered validation, records why, and reloads to the same predictions', async () => {
    const frame = table(24, 80, 1, true);
    const columns = ['usage_trend_14d', 'nps_trend'];
    const m = await trainModel(frame, { family: 'auto', columns });
    const s = m.model.state();
    assert.ok(['logistic', 'gbdt', 'blend'].includes(s.choice));
    assert.equal(s.why.folds, 5);
    assert.deepEqual(Object.keys(s.why.scores).slice(0, 2), ['logistic', 'gbdt']);
    // The blend is a candidate only with both weights positive (a negative one would reverse a member).
    if (s.why.scores.blend === undefined)
        assert.match(s.why.rule, /; the blend was left out: its weight on (logistic|gbdt) was not positive$/);
    if (s.blend)
        assert.ok(s.blend.logistic > 0 && s.blend.gbdt > 0, JSON.stringify(s.blend));
    // The chosen candidate has the least out-of-fold log loss.
    const best = Math.min(...Object.values(s.why.scores).map((v) => v.log_loss));
    assert.equal(s.why.scores[s.choice].log_loss, best);
    // A step in usage is what trees see and a line does not: logistic alone is not the pick.
    assert.notEqual(s.choice, 'logistic');
    assert.deepEqual(s.monotone, [-1, -1]);
    assert.equal(m.training.split.train_rows, 21 * 80);
    const { dir, cleanup } = await tempDir();
    try {
        const path = join(dir, 'auto.json');
        await m.save(path);
        const back = await loadModel(path);
        assert.deepEqual(back.predictProba(frame), m.predictProba(frame));
        const e = back.explain(frame);
        const margin = back.predictMargin(frame);
        for (let i = 0; i < frame.n; i += 97) {
            const total = e.bias[i] + e.contributions[0][i] + e.contributions[1][i];
            assert.ok(Math.abs(total - margin[i]) < 1e-9, `row ${i}: ${total} vs ${margin[i]}`);
        }
    }
    finally {
        await cleanup();
    }
    // Calibration asked for: fitted on the chosen candidate's out-of-fold margins.
    const cal = await trainModel(table(24, 60, 2, false), { family: 'auto', columns, calibration: 'platt' });
    assert.equal(cal.calibration.method, 'platt');
    if (cal.calibration.method === 'platt')
        assert.equal(cal.calibration.fitted_on.rows, cal.model.state().why.out_of_fold_rows);
});
/**
 * Early in a small history the inner folds can predict only non-churners: 20 monthly snapshots
 * of 40 accounts where churn starts in the last four months, so the folds predicting the earlier
 * blocks are all 0 and the last block has no churner to train on.
 */
function lateChurn() {
    const rng = new Rng(3);
    const asOf = [];
    const usage = [];
    const label = [];
    for (let m = 0; m < 20; m++)
        for (let k = 0; k < 40; k++) {
            const u = rng.normal();
            asOf.push(new Date(Date.UTC(2023, m, 1)).toISOString().slice(0, 10));
            usage.push(u);
            label.push(m < 16 ? 0 : rng.next() < 1 / (1 + Math.exp(1 + 1.5 * u)) ? 1 : 0);
        }
    return {
        n: asOf.length,
        names: ['as_of', 'usage_trend_14d', 'churned_within_90d'],
        kinds: { as_of: 'date', usage_trend_14d: 'number', churned_within_90d: 'number' },
        columns: { as_of: asOf, usage_trend_14d: Float64Array.from(usage), churned_within_90d: Float64Array.from(label) },
    };
}
test('out-of-fold rows of one class: no flat calibration map, and auto falls back to logistic instead of failing', async () => {
    const frame = lateChurn();
    const columns = ['usage_trend_14d'];
    const lr = await trainModel(frame, { family: 'logistic', columns, calibration: 'platt' });
    // A Platt map fitted on non-churners only is flat: every account would get the same probability.
    assert.equal(lr.calibration.method, 'none');
    assert.ok(lr.warnings.some((w) => /^platt calibration skipped: the \d+ out-of-fold rows hold no churner/.test(w)), lr.warnings.join('\n'));
    const p = lr.predictProba(frame);
    assert.ok(p[0] !== p[1], 'the model still ranks accounts');
    assert.ok(lr.model.state().coefficients[0] < 0, 'less usage, more churn');
    const auto = await trainModel(frame, { family: 'auto', columns, calibration: 'platt' });
    const s = auto.model.state();
    assert.equal(s.choice, 'logistic');
    assert.match(s.why.rule, /^logistic: nothing to compare the candidates on \(the \d+ out-of-fold rows hold a single class\)$/);
    assert.deepEqual(s.why.scores, {});
    assert.equal(auto.calibration.method, 'none');
    assert.deepEqual(auto.predictProba(frame), lr.predictProba(frame));
    // Forcing the blend cannot weigh it without out-of-fold rows of both classes either.
    const blend = await trainModel(frame, { family: 'auto', columns, params: { candidates: 'blend' } });
    assert.equal(blend.model.state().choice, 'logistic');
});
//# sourceMappingURL=auto.test.js.map