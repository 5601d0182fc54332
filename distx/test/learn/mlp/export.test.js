import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import * as tf from '@tensorflow/tfjs';
import { loadModel, trainModel, DEFAULT_MODEL_COLUMNS } from '../../../src/learn/index.js';
import { exportTfjs } from '../../../src/learn/export/index.js';
import { loadTf } from '../../../src/learn/mlp/index.js';
import { cliPath, tempDir } from '../../support/paths.js';
import { loadMlpFixture, mlpFixture } from './helpers.js';
// features.csv: a churnkit feature table (make_feature_table.py, see test/fixtures/mlp/README.md).
let frame;
let dir;
let cleanup;
const columns = [...DEFAULT_MODEL_COLUMNS, 'segment'];
before(async () => {
    frame = await loadMlpFixture('features.csv');
    ({ dir, cleanup } = await tempDir('churnkit-export-'));
    await loadTf();
});
after(() => cleanup());
/** Trains through churnkit's pipeline, writes the artifact and loads it back as `predict` would. */
async function trainedArtifact(name, family, calibration) {
    const trained = await trainModel(frame, {
        family,
        columns,
        categorical: ['segment'],
        calibration,
        seed: 4,
        missing: 'indicator',
    });
    const path = join(dir, `${name}.json`);
    await trained.save(path);
    return { path, model: await loadModel(path) };
}
/** What a consumer does with the two files and plain TensorFlow.js (README: "Using a TensorFlow.js export"). */
async function consumerProbabilities(out) {
    const json = JSON.parse(await readFile(join(out, 'model.json'), 'utf8'));
    const bin = await readFile(join(out, json.weightsManifest[0].paths[0]));
    const model = await tf.loadLayersModel(tf.io.fromMemory({
        modelTopology: json.modelTopology,
        weightSpecs: json.weightsManifest[0].weights,
        weightData: bin.buffer.slice(bin.byteOffset, bin.byteOffset + bin.byteLength),
        userDefinedMetadata: json.userDefinedMetadata,
    }));
    const meta = model.getUserDefinedMetadata().churnkit;
    const rows = [];
    for (let i = 0; i < frame.n; i++) {
        const row = Object.fromEntries(frame.names.map((c) => [c, frame.columns[c][i]]));
        const isNull = (v) => v === null || (typeof v === 'number' && Number.isNaN(v));
        rows.push(meta.inputs.map((s) => s.kind === 'level'
            ? +(row[s.column] === s.level)
            : s.kind === 'missing'
                ? +isNull(row[s.column])
                : isNull(row[s.column])
                    ? s.impute
                    : Number(row[s.column])));
    }
    const p = model.predict(tf.tensor2d(rows)).dataSync();
    model.dispose();
    return { p, meta };
}
function maxAbsDiff(a, b) {
    let m = 0;
    for (let i = 0; i < a.length; i++)
        m = Math.max(m, Math.abs(a[i] - b[i]));
    return m;
}
for (const [family, calibration] of [
    ['mlp', 'platt'],
    ['logistic', 'none'],
]) {
    test(`a ${family} model (${calibration} calibration) exported to TensorFlow.js gives churnkit's probabilities to 1e-6`, async () => {
        const { model } = await trainedArtifact(`${family}-${calibration}`, family, calibration);
        const out = join(dir, `tfjs-${family}-${calibration}`);
        const summary = await exportTfjs(model, out);
        assert.deepEqual((await readdir(out)).sort(), ['.churnkit-output.json', 'model.json', 'weights.bin']);
        const { p, meta } = await consumerProbabilities(out);
        assert.equal(meta.family, family);
        assert.equal(meta.calibration, calibration);
        // NULLs, missing indicators and one-hot segments all take part: the recipe covers them.
        assert.ok(meta.inputs.some((s) => s.kind === 'missing') && meta.inputs.some((s) => s.kind === 'level'));
        assert.equal(summary.inputs, meta.inputs.length);
        const want = model.predictProba(frame);
        const diff = maxAbsDiff(p, want);
        assert.ok(diff <= 1e-6, `largest difference ${diff} over ${frame.n} rows`);
        // And not by accident: the probabilities vary across rows.
        assert.ok(Math.max(...want) - Math.min(...want) > 0.5);
    });
}
test('an isotonic calibration is exported in-graph: equal to 1e-6 except next to its steepest steps', async () => {
    const { model } = await trainedArtifact('mlp-isotonic', 'mlp', 'isotonic');
    const out = join(dir, 'tfjs-mlp-isotonic');
    await exportTfjs(model, out);
    const { p } = await consumerProbabilities(out);
    const want = model.predictProba(frame);
    const cal = model.calibration;
    let largestStep = 0;
    for (let k = 1; k < cal.y.length; k++)
        largestStep = Math.max(largestStep, cal.y[k] - cal.y[k - 1]);
    let over = 0;
    for (let i = 0; i < frame.n; i++) {
        const d = Math.abs(p[i] - want[i]);
        assert.ok(d <= largestStep, `row ${i}: ${d} exceeds one isotonic step (${largestStep})`);
        if (d > 1e-6)
            over++;
    }
    assert.ok(over <= frame.n / 100, `${over} of ${frame.n} rows differ by more than 1e-6`);
});
test('the same artifact exports to the same bytes', async () => {
    const { model } = await trainedArtifact('mlp-none', 'mlp', 'none');
    const a = join(dir, 'same-a');
    const b = join(dir, 'same-b');
    await exportTfjs(model, a);
    await exportTfjs(model, b);
    for (const f of ['model.json', 'weights.bin'])
        assert.deepEqual(await readFile(join(a, f)), await readFile(join(b, f)), f);
});
test('churnkit export: --verify checks the files before writing them; an unknown format writes nothing', async () => {
    const { path } = await trainedArtifact('cli-logistic', 'logistic', 'platt');
    const out = join(dir, 'cli-out');
    const ok = spawnSync(process.execPath, [
        cliPath,
        'export',
        '--model',
        path,
        '--format',
        'tfjs',
        '--out',
        out,
        '--verify',
        mlpFixture('features.csv'),
        '--json',
    ], { encoding: 'utf8' });
    assert.equal(ok.status, 0, ok.stderr);
    const summary = JSON.parse(ok.stdout);
    assert.equal(summary.verify.rows, frame.n);
    assert.equal(summary.verify.rows_over_1e6, 0);
    assert.deepEqual((await readdir(out)).sort(), ['.churnkit-output.json', 'model.json', 'weights.bin']);
    const bad = spawnSync(process.execPath, [cliPath, 'export', '--model', path, '--format', 'onnx', '--out', join(dir, 'onnx-out')], { encoding: 'utf8' });
    assert.equal(bad.status, 64);
    assert.match(bad.stderr, /--format onnx is not supported/);
    assert.ok(!(await readdir(dir)).includes('onnx-out'));
    // A check that fails (here: the table lacks the model's columns) leaves no folder behind.
    const failed = spawnSync(process.execPath, [
        cliPath,
        'export',
        '--model',
        path,
        '--format',
        'tfjs',
        '--out',
        join(dir, 'unchecked'),
        '--verify',
        mlpFixture('synthetic.csv'),
    ], { encoding: 'utf8' });
    assert.equal(failed.status, 2, failed.stderr);
    assert.match(failed.stderr, /column usage_trend_14d is not in the table/);
    assert.ok(!(await readdir(dir)).some((f) => f.includes('unchecked')));
});
//# sourceMappingURL=export.test.js.map