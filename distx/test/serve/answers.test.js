/**
 * What every /v1/score* answer says (issue 17): whether there was enough data (status, coverage,
 * missing, warnings), numbers rounded for people, and a served model's probability and reasons,
 * equal to what `churnkit predict` computes from the model's own explain(). Real HTTP on loopback.
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { cliPath, tempDir } from '../support/paths.js';
import { loadFrame } from '../../src/data/frame.js';
import { DEFAULT_MODEL_COLUMNS, modelReasons, takeRows, trainModel } from '../../src/learn/index.js';
import { coverageColumns, loadScorecard, scoreAccount } from '../../src/scorecard/index.js';
import { INPUT_COLUMNS } from '../../src/serve/index.js';
import { describeValue, probabilityForPeople, scoreForPeople } from '../../src/catalogue/index.js';
import { syntheticFeatureTable, frameCsv } from '../scorecard/synthetic.js';
import { get, post, startService } from './support.js';
let tmp;
let card;
let features;
const models = {};
/** The request body of row i of a feature table: every input column it has, booleans as true/false. */
function body(frame, i) {
    const out = {
        account_id: frame.columns['account_id'][i],
        as_of: frame.columns['as_of'][i],
    };
    for (const name of INPUT_COLUMNS) {
        const c = frame.columns[name];
        if (c === undefined)
            continue;
        const v = c[i];
        if (typeof v === 'number') {
            if (Number.isNaN(v))
                out[name] = null;
            else
                out[name] = ['zero_usage_14d', 'champion_departed', 'active_escalation'].includes(name) ? v === 1 : v;
        }
        else
            out[name] = v ?? null;
    }
    return out;
}
before(async () => {
    tmp = await tempDir('churnkit-answers-');
    card = await loadScorecard('default');
    features = syntheticFeatureTable({ accounts: 120, months: 10, seed: 17 });
    const base = JSON.parse(await readFile(new URL('../../../models/default-scorecard.json', import.meta.url), 'utf8'));
    for (const family of ['logistic', 'gbdt']) {
        const model = await trainModel(features, {
            family,
            calibration: family === 'logistic' ? 'platt' : 'none',
            params: family === 'gbdt' ? { n_estimators: 30 } : {},
        });
        const path = join(tmp.dir, `${family}.json`);
        await model.save(path);
        // a scorecard with the model embedded, as calibrate --embed-model writes it
        const cardPath = join(tmp.dir, `${family}-card.json`);
        await writeFile(cardPath, JSON.stringify({ ...base, $schema: undefined, model: model.toArtifact() }));
        models[family] = { model, path, card: cardPath };
    }
});
after(() => tmp.cleanup());
test('a body with only account_id is insufficient_data: no score, band or probability, and what was missing', async () => {
    const svc = await startService({ scorecard: 'default', today: () => '2024-07-01' });
    try {
        const r = await post(svc.base, '/v1/score', { account_id: 'X' });
        assert.equal(r.status, 200, r.text);
        assert.equal(r.body.status, 'insufficient_data');
        assert.equal(r.body.coverage, 0);
        assert.equal(r.body.score, null);
        assert.equal(r.body.band, null);
        assert.equal(r.body.probability, null);
        assert.deepEqual(r.body.missing, coverageColumns(card));
        assert.ok(r.body.missing.includes('usage_trend_14d') && r.body.missing.includes('days_to_renewal'));
        // the case: one missing signal moved the score silently; now coverage says so
        const full = body(features, 5);
        const less = { ...full, usage_trend_14d: null };
        const [a, b] = await Promise.all([post(svc.base, '/v1/score', full), post(svc.base, '/v1/score', less)]);
        assert.equal(a.body.status, 'scored');
        assert.equal(a.body.coverage, 1);
        assert.deepEqual(a.body.missing, []);
        assert.ok(b.body.coverage < 1 && b.body.coverage > 0.8, `coverage ${b.body.coverage}`);
        assert.deepEqual(b.body.missing, ['usage_trend_14d']);
        assert.equal(b.body.status, 'scored');
        // three usage signals are 0.4 x 0.75 = 0.3 of the default card: below its min_coverage 0.5
        const half = { account_id: 'H', usage_trend_14d: 0.1, login_frequency_change_14d: 0.1, license_utilization: 0.5 };
        const h = await post(svc.base, '/v1/score?exact=true', half);
        assert.ok(Math.abs(h.body.coverage - 0.4 * 0.75) < 1e-12);
        assert.equal(h.body.status, 'insufficient_data');
    }
    finally {
        await svc.close();
    }
});
test('min_coverage comes from the scorecard; batches answer per account and never fail for a thin one', async () => {
    const base = JSON.parse(await readFile(new URL('../../../models/default-scorecard.json', import.meta.url), 'utf8'));
    const path = join(tmp.dir, 'strict.json');
    await writeFile(path, JSON.stringify({
        ...base,
        $schema: undefined,
        min_coverage: 0.3,
        bands: {
            ...base.bands,
            segments: { enterprise: { green: 80, yellow: 50 } },
            known_segments: ['smb', 'mid_market'],
        },
    }));
    const svc = await startService({ scorecard: path, today: () => '2024-07-01' });
    try {
        const thin = { account_id: 'T', usage_trend_14d: 0.1, login_frequency_change_14d: 0.1, license_utilization: 0.5 };
        const unknown = { ...body(features, 3), account_id: 'U', segment: 'Enterprise Plus' };
        const known = { ...body(features, 3), account_id: 'K', segment: 'enterprise' };
        const r = await post(svc.base, '/v1/score/batch', { accounts: [{ account_id: 'E' }, thin, unknown, known] });
        assert.equal(r.status, 200, r.text);
        const [empty, t, u, k] = r.body.results;
        assert.equal(empty.status, 'insufficient_data');
        assert.equal(t.status, 'scored', 'coverage 0.3 meets min_coverage 0.3');
        assert.ok(typeof t.score === 'number');
        // an unknown segment is scored with the default thresholds, and says so
        assert.equal(u.status, 'scored');
        assert.equal(u.warnings.length, 1);
        assert.match(u.warnings[0], /segment "Enterprise Plus" is not one the scorecard was fitted on \(smb, mid_market, enterprise\)/);
        const strict = JSON.parse(await readFile(path, 'utf8'));
        const ref = scoreAccount({ ...strict, $schema: undefined }, { ...unknown, segment: null });
        assert.equal(u.band, ref.band);
        assert.deepEqual(k.warnings, []);
        const columns = { account_id: ['E', 'U'] };
        for (const [k, v] of Object.entries(unknown))
            if (k !== 'account_id' && k !== 'as_of')
                columns[k] = [null, v];
        const c = await post(svc.base, '/v1/score/columns', { columns });
        assert.equal(c.status, 200, c.text);
        assert.deepEqual(c.body.columns.status, ['insufficient_data', 'scored']);
        assert.deepEqual(c.body.columns.score.map((s) => s === null), [true, false]);
        assert.equal(c.body.columns.warnings[0], '');
        assert.match(c.body.columns.warnings[1], /Enterprise Plus/);
    }
    finally {
        await svc.close();
    }
});
test('answers are rounded for people (score 1 decimal, probability 4 significant digits); ?exact=true gives every digit', async () => {
    const path = models['logistic'].card;
    const svc = await startService({ scorecard: path, today: () => '2024-07-01' });
    try {
        for (let i = 0; i < 20; i++) {
            const b = body(features, i * 7);
            const [people, exact] = await Promise.all([
                post(svc.base, '/v1/score', b),
                post(svc.base, '/v1/score?exact=true', b),
            ]);
            assert.equal(people.status, 200, people.text);
            assert.equal(exact.body.status, 'scored');
            assert.equal(people.body.score, scoreForPeople(exact.body.score));
            for (const [name, v] of Object.entries(exact.body.layers))
                assert.equal(people.body.layers[name], v === null ? null : scoreForPeople(v));
            assert.equal(people.body.model_probability, probabilityForPeople(exact.body.model_probability));
            assert.ok(/^\d+(\.\d)?$/.test(String(people.body.score)), `score ${people.body.score}`);
            const ref = scoreAccount(card, b);
            assert.ok(Math.abs(exact.body.score - ref.score) < 1e-9);
            // reasons in words, from the catalogue
            assert.deepEqual(exact.body.reason_details.map((d) => d.text), ref.reasons.map((f) => describeValue(f, (b[f] ?? null))));
        }
    }
    finally {
        await svc.close();
    }
});
for (const family of ['logistic', 'gbdt']) {
    test(`an embedded ${family} model answers every /v1/score* route with predict's probability and explain()'s reasons`, async () => {
        const { model, card: path } = models[family];
        const rows = Array.from({ length: 40 }, (_, k) => k * 29);
        const frame = takeRows(features, rows);
        const probability = model.predictProba(frame);
        const reasons = modelReasons(model, frame, 3);
        const e = model.explain(frame);
        const svc = await startService({ scorecard: path, today: () => '2024-07-01' });
        try {
            const accounts = rows.map((i) => body(features, i));
            const single = await Promise.all(accounts.map((a) => post(svc.base, '/v1/score?exact=true', a)));
            const batch = await post(svc.base, '/v1/score/batch?exact=true', { accounts });
            const columns = {};
            for (const a of accounts)
                for (const [k, v] of Object.entries(a)) {
                    columns[k] ??= [];
                    columns[k].push(v);
                }
            const cols = await post(svc.base, '/v1/score/columns?exact=true', { columns });
            assert.equal(batch.status, 200, batch.text);
            assert.equal(cols.status, 200, cols.text);
            rows.forEach((_, k) => {
                for (const got of [single[k].body, batch.body.results[k]]) {
                    assert.ok(Math.abs(got.model_probability - probability[k]) <= 1e-9, `row ${k}: ${got.model_probability}`);
                    const want = [0, 1, 2].filter((r) => reasons.feature[r][k] !== null);
                    assert.deepEqual(got.model_reasons.map((m) => m.feature), want.map((r) => reasons.feature[r][k]));
                    got.model_reasons.forEach((m) => {
                        // the contribution is explain()'s for that column, and the largest positive ones come first
                        const j = e.names.indexOf(m.feature);
                        assert.ok(Math.abs(m.contribution - e.contributions[j][k]) < 1e-12);
                        assert.equal(m.value, accounts[k][m.feature] ?? null);
                        assert.equal(m.text, describeValue(m.feature, m.value));
                    });
                    const positive = e.names.map((_, j) => e.contributions[j][k]).filter((c) => c > 0);
                    if (got.model_reasons.length)
                        assert.equal(got.model_reasons[0].contribution, Math.max(...positive));
                }
                assert.ok(Math.abs(cols.body.columns.model_probability[k] - probability[k]) <= 1e-9);
                assert.equal(cols.body.columns.model_reason_1[k], reasons.feature[0][k]);
            });
        }
        finally {
            await svc.close();
        }
    });
}
test('serve --model M.json serves a model alone, equal to churnkit predict; a thin body is insufficient_data', async () => {
    const { path } = models['gbdt'];
    const csv = join(tmp.dir, 'features.csv');
    const rows = Array.from({ length: 25 }, (_, k) => k * 31);
    const frame = takeRows(features, rows);
    await writeFile(csv, frameCsv(frame));
    const out = join(tmp.dir, 'predict.parquet');
    const p = spawnSync(process.execPath, [cliPath, 'predict', '--model', path, '--features', csv, '--out', out, '--reasons', '3'], {
        encoding: 'utf8',
    });
    assert.equal(p.status, 0, p.stderr);
    const predicted = await loadFrame(out);
    const svc = await startService({ scorecard: null, model: path, today: () => '2024-07-01' });
    try {
        const r = await post(svc.base, '/v1/score/batch?exact=true', { accounts: rows.map((i) => body(features, i)) });
        assert.equal(r.status, 200, r.text);
        r.body.results.forEach((got, k) => {
            assert.equal(got.status, 'scored');
            assert.equal(got.score, null);
            assert.equal(got.band, null);
            const want = predicted.columns['probability'][k];
            assert.ok(Math.abs(got.model_probability - want) <= 1e-9);
            assert.equal(got.probability, got.model_probability);
            assert.equal(got.model_reasons[0]?.feature ?? null, predicted.columns['reason_1'][k]);
            assert.equal(got.model_reasons[0]?.text ?? null, predicted.columns['reason_1_text'][k]);
        });
        const thin = await post(svc.base, '/v1/score', { account_id: 'X', usage_trend_14d: -0.3 });
        assert.equal(thin.body.status, 'insufficient_data');
        assert.equal(thin.body.model_probability, null);
        assert.equal(thin.body.missing.length, DEFAULT_MODEL_COLUMNS.length - 1);
        const info = await get(svc.base, '/v1/model');
        assert.deepEqual(info.body.model, { family: 'gbdt', features: [...DEFAULT_MODEL_COLUMNS] });
    }
    finally {
        await svc.close();
    }
});
//# sourceMappingURL=answers.test.js.map