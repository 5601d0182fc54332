/**
 * `predict --reasons K`: each row's reasons are the input columns with the largest positive
 * contributions of the model's own explain(), one-hot levels and missing indicators summed back
 * into their column, with the row's value and the catalogue's sentence. Real CLI, real files.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { tempDir } from '../support/paths.js';
import { ACCOUNTS, TABLE_FLAGS, churnkit } from './helpers.js';
import { loadFrame } from '../../src/data/frame.js';
import { loadModel, MISSING_SUFFIX } from '../../src/learn/index.js';
import { describeValue, probabilityForPeople } from '../../src/catalogue/index.js';
/** Expected top-k reasons of row i from explain() by input: positive contributions, largest first. */
function expectedReasons(model, frame, k) {
    const e = model.explain(frame);
    const out = [];
    for (let i = 0; i < frame.n; i++) {
        const row = e.names
            .map((name, j) => ({ name, contribution: e.contributions[j][i], order: j }))
            .filter((r) => r.contribution > 0)
            .sort((a, b) => b.contribution - a.contribution || a.order - b.order)
            .slice(0, k)
            .map(({ name, contribution }) => ({ name, contribution }));
        out.push(row);
    }
    return out;
}
for (const family of ['logistic', 'gbdt']) {
    test(`predict --reasons 3 (${family}): reasons, values and sentences are explain()'s, grouped by column`, async () => {
        const { dir, cleanup } = await tempDir();
        try {
            const model = join(dir, 'model.json');
            // logistic with :missing indicators, so that the grouping back to columns is exercised
            const params = family === 'gbdt' ? ['--param', 'n_estimators=40', '--calibration', 'none'] : ['--missing', 'indicator'];
            const t = churnkit('train', '--features', ACCOUNTS, '--model', family, '--out', model, ...TABLE_FLAGS, ...params);
            assert.equal(t.status, 0, t.stderr);
            const trained = await loadModel(model);
            if (family === 'logistic') {
                // the grouping matters here: the model's inputs are levels and an indicator, not columns
                assert.ok(trained.preprocessing.outputs.includes(`nps${MISSING_SUFFIX}`));
                assert.ok(trained.preprocessing.outputs.some((o) => o.startsWith('segment=')));
            }
            const parquet = join(dir, 'p.parquet');
            const p = churnkit('predict', '--model', model, '--features', ACCOUNTS, '--out', parquet, '--reasons', '3');
            assert.equal(p.status, 0, p.stderr);
            const input = await loadFrame(ACCOUNTS);
            const out = await loadFrame(parquet);
            assert.deepEqual(out.names, [
                'account_id',
                'as_of',
                'probability',
                ...[1, 2, 3].flatMap((r) => [`reason_${r}`, `reason_${r}_value`, `reason_${r}_text`]),
            ]);
            // segment and region are text, so values are text
            assert.equal(out.kinds['reason_1_value'], 'text');
            const expected = expectedReasons(trained, input, 3);
            const columns = new Set(['usage_trend', 'tickets', 'nps', 'segment', 'region']);
            let grouped = 0;
            for (let i = 0; i < input.n; i++) {
                const want = expected[i];
                for (let r = 0; r < 3; r++) {
                    const name = out.columns[`reason_${r + 1}`][i];
                    const value = out.columns[`reason_${r + 1}_value`][i];
                    const text = out.columns[`reason_${r + 1}_text`][i];
                    if (r >= want.length) {
                        assert.equal(name, null, `row ${i + 1} reason ${r + 1}`);
                        continue;
                    }
                    assert.equal(name, want[r].name, `row ${i + 1} reason ${r + 1}`);
                    assert.ok(columns.has(name), `${name} is a feature-table column`);
                    const raw = input.columns[name][i];
                    const rawValue = typeof raw === 'number' ? (Number.isNaN(raw) ? null : raw) : (raw ?? null);
                    assert.equal(value, rawValue === null ? null : String(rawValue), `row ${i + 1} value of ${name}`);
                    assert.equal(text, describeValue(name, rawValue));
                    if (name === 'segment' || name === 'region' || (name === 'nps' && rawValue === null))
                        grouped++;
                }
            }
            if (family === 'logistic')
                assert.ok(grouped > 50, `${grouped} reasons came from one-hot levels or indicators`);
            // the CSV says the same, rounded for people
            const csv = join(dir, 'p.csv');
            assert.equal(churnkit('predict', '--model', model, '--features', ACCOUNTS, '--out', csv, '--reasons', '2').status, 0);
            const lines = (await readFile(csv, 'utf8')).trim().split('\n');
            assert.match(lines[0], /^account_id,as_of,probability,reason_1,reason_1_value,reason_1_text,reason_2,/);
            const probability = trained.predictProba(input);
            const first = lines[1].split(',');
            assert.equal(Number(first[2]), probabilityForPeople(probability[0]));
            assert.equal(first[3], expected[0][0]?.name ?? '');
        }
        finally {
            await cleanup();
        }
    });
}
test('predict --reasons: numeric values stay numbers; K outside 1..10 is a usage error', async () => {
    const { dir, cleanup } = await tempDir();
    try {
        const model = join(dir, 'model.json');
        const flags = ['--label', 'churned', '--columns', 'usage_trend,tickets,nps'];
        assert.equal(churnkit('train', '--features', ACCOUNTS, '--model', 'logistic', '--out', model, ...flags).status, 0);
        const parquet = join(dir, 'p.parquet');
        const p = churnkit('predict', '--model', model, '--features', ACCOUNTS, '--out', parquet, '--reasons', '1');
        assert.equal(p.status, 0, p.stderr);
        const out = await loadFrame(parquet);
        assert.equal(out.kinds['reason_1_value'], 'number');
        const input = await loadFrame(ACCOUNTS);
        const names = out.columns['reason_1'];
        const values = out.columns['reason_1_value'];
        for (let i = 0; i < input.n; i++) {
            if (names[i] === null)
                continue;
            const raw = input.columns[names[i]][i];
            assert.ok(Object.is(values[i], raw), `row ${i + 1}: ${values[i]} vs ${raw}`);
        }
        for (const k of ['0', '11']) {
            const bad = churnkit('predict', '--model', model, '--features', ACCOUNTS, '--out', join(dir, 'x.csv'), '--reasons', k);
            assert.notEqual(bad.status, 0);
            assert.match(bad.stderr, /--reasons must be 1\.\.10/);
        }
    }
    finally {
        await cleanup();
    }
});
//# sourceMappingURL=reasons.test.js.map