/**
 * The model artifact, version 2: one shape for every family, round trips, the committed JSON
 * Schema, version-1 artifacts that still load and predict as they did, and damaged files refused
 * with the field named. Also the hyperparameter types inferred from each family's specs.
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import { loadFrame } from '../../src/data/frame.js';
import { ArtifactError, LOGISTIC_PARAMS, loadModel, modelJsonSchema, readParams, trainModel, } from '../../src/learn/index.js';
import { GBDT_PARAMS } from '../../src/learn/gbdt/index.js';
import { MLP_PARAMS } from '../../src/learn/mlp/index.js';
import { renderModelSchema } from '../../src/learn/write-schema.js';
import { fixture, repoRoot, tempDir } from '../support/paths.js';
let frame;
let dir;
let cleanup;
before(async () => {
    // A churnkit feature table with NULLs, booleans, segments and censored labels (test/fixtures/mlp/README.md).
    frame = await loadFrame(fixture('mlp', 'features.csv'));
    ({ dir, cleanup } = await tempDir('churnkit-artifact-'));
});
after(() => cleanup());
const FAMILIES = [
    { family: 'logistic', params: { l2: 0.1 }, calibration: 'platt' },
    { family: 'gbdt', params: { n_estimators: 12, max_depth: 3 }, calibration: 'isotonic' },
    { family: 'mlp', params: { hidden: [4], max_epochs: 3 }, calibration: 'none' },
    { family: 'auto', params: { folds: 3, candidates: 'blend' }, calibration: 'platt' },
];
const STATE_KEYS = {
    logistic: ['names', 'intercept', 'coefficients', 'center', 'scale'],
    gbdt: ['names', 'base_score', 'trees'],
    mlp: ['inputs', 'activation', 'layers', 'baseline'],
    auto: ['format', 'version', 'names', 'choice', 'why', 'monotone', 'logistic', 'gbdt', 'blend'],
};
/** The committed schema, compiled by ajv (what fastify validates with; in node_modules through fastify). */
function schemaValidator(text) {
    const require = createRequire(import.meta.url);
    const Ajv2020 = require('ajv/dist/2020').default;
    return new Ajv2020({ allErrors: true, strict: false }).compile(JSON.parse(text));
}
test('models/model.schema.json is the schema generated from the zod definitions (regenerate: node dist/src/learn/write-schema.js)', async () => {
    const committed = await readFile(join(repoRoot, 'models', 'model.schema.json'), 'utf8');
    assert.equal(committed, renderModelSchema());
    assert.deepEqual(JSON.parse(committed), JSON.parse(JSON.stringify(modelJsonSchema())));
});
for (const { family, params, calibration } of FAMILIES) {
    test(`${family}: fit, write, read gives the version-2 shape, the same bytes and the same predictions`, async () => {
        const trained = await trainModel(frame, {
            family,
            params,
            calibration,
            categorical: ['segment'],
            columns: [
                'usage_trend_14d',
                'license_utilization',
                'nps_trend',
                'days_to_renewal',
                'champion_departed',
                'segment',
            ],
            seed: 3,
        });
        const path = join(dir, `${family}.json`);
        await trained.save(path);
        const text = await readFile(path, 'utf8');
        const artifact = JSON.parse(text);
        assert.deepEqual(Object.keys(artifact), [
            'kind',
            'version',
            'family',
            'params',
            'state',
            'preprocessing',
            'calibration',
            'diagnostics',
            'provenance',
            'checksum',
        ]);
        assert.match(artifact.checksum, /^sha256:[0-9a-f]{64}$/);
        assert.equal(artifact.version, 2);
        assert.deepEqual(Object.keys(artifact.state), STATE_KEYS[family]);
        assert.ok(artifact.diagnostics.metrics.train, 'metrics live in diagnostics');
        assert.equal(artifact.provenance.training.time_column, 'as_of');
        assert.deepEqual(artifact.preprocessing.inputs.map((i) => i.name), trained.features, 'inputs live in preprocessing');
        // nothing is kept twice: no value of the state reappears in the diagnostics
        for (const [key, value] of Object.entries(artifact.state)) {
            for (const [dkey, dvalue] of Object.entries(artifact.diagnostics))
                assert.notDeepEqual(dvalue, value, `state.${key} repeated as diagnostics.${dkey}`);
        }
        assert.ok(schemaValidator(await readFile(join(repoRoot, 'models', 'model.schema.json'), 'utf8'))(artifact));
        const loaded = await loadModel(path);
        assert.equal(loaded.serialize(), text);
        assert.deepEqual(loaded.predictProba(frame), trained.predictProba(frame));
        assert.deepEqual(loaded.explain(frame), trained.explain(frame));
        assert.deepEqual(loaded.summary(), trained.summary());
    });
}
/** predict's output for a v1 fixture, before version 2 existed: account_id,as_of,probability. */
async function v1Probabilities(family) {
    const text = await readFile(fixture('artifacts', `v1/${family}.predictions.csv`), 'utf8');
    return text
        .trim()
        .split('\n')
        .slice(1)
        .map((line) => Number(line.split(',')[2]));
}
for (const family of ['logistic', 'gbdt', 'mlp']) {
    test(`a version-1 ${family} artifact still loads and predicts what it predicted before (1e-12)`, async () => {
        const path = fixture('artifacts', `v1/${family}.json`);
        const v1 = JSON.parse(await readFile(path, 'utf8'));
        assert.equal(v1.version, 1);
        const model = await loadModel(path);
        const expected = await v1Probabilities(family);
        const got = model.predictProba(frame);
        assert.equal(got.length, expected.length);
        for (let i = 0; i < got.length; i++)
            assert.ok(Math.abs(got[i] - expected[i]) <= 1e-12, `row ${i + 1}: ${got[i]} vs ${expected[i]}`);
        // Saved again it is version 2, each part once, and loads to the same predictions.
        const v2 = model.toArtifact();
        assert.equal(v2.version, 2);
        assert.deepEqual(v2.preprocessing, v1.preprocessing);
        assert.deepEqual(v2.diagnostics.metrics, v1.metrics);
        assert.deepEqual(v2.provenance.training, v1.training);
        assert.deepEqual(model.features, v1.features);
        assert.deepEqual(Object.keys(v2.state), STATE_KEYS[family]);
        const again = await loadModel(JSON.parse(model.serialize()));
        assert.deepEqual(again.predictProba(frame), got);
    });
}
test('a damaged artifact is an ArtifactError naming the field in a sentence, not a zod dump', async () => {
    const v1Gbdt = JSON.parse(await readFile(fixture('artifacts', 'v1/gbdt.json'), 'utf8'));
    const v2Gbdt = (await loadModel(fixture('artifacts', 'v1/gbdt.json'))).toArtifact();
    const v2Mlp = (await loadModel(fixture('artifacts', 'v1/mlp.json'))).toArtifact();
    const v2Logistic = (await loadModel(fixture('artifacts', 'v1/logistic.json'))).toArtifact();
    const copy = (value) => JSON.parse(JSON.stringify(value));
    const broken = (value, damage) => {
        const a = copy(value);
        damage(a);
        return a;
    };
    const cases = [
        ['version', { ...copy(v2Logistic), version: 3 }, 'version', /must be 1 or 2/],
        ['family', { ...copy(v2Logistic), family: 'xgboost' }, 'family', /is "xgboost", not one of logistic, gbdt, mlp/],
        ['missing state', (({ state: _s, ...rest }) => rest)(copy(v2Logistic)), 'state', /is missing/],
        [
            'repeated table',
            broken(v2Logistic, (a) => {
                a.state.table = a.diagnostics.coefficients;
            }),
            'state.table',
            /is not part of the artifact/,
        ],
        [
            'tree cycle',
            broken(v2Gbdt, (a) => {
                a.state.trees[2].left[0] = 0;
            }),
            'state.trees[2].left[0]',
            /must be a node index after 0/,
        ],
        [
            'tree feature',
            broken(v2Gbdt, (a) => {
                a.state.trees[0].feature[0] = 99;
            }),
            'state.trees[0].feature[0]',
            /must be -1 or an input index below/,
        ],
        [
            'kernel',
            broken(v2Mlp, (a) => {
                a.state.layers[0].kernel.pop();
            }),
            'state.layers[0].kernel',
            /must be \d+ rows of 8 finite numbers/,
        ],
        [
            'intercept',
            broken(v2Logistic, (a) => {
                a.state.intercept = 'x';
            }),
            'state.intercept',
            /must be a finite number/,
        ],
        [
            'calibration method',
            { ...copy(v2Gbdt), calibration: { ...copy(v2Gbdt.calibration), method: 'beta' } },
            'calibration.method',
            /must be one of "none", "platt", "isotonic", not "beta"/,
        ],
        [
            'parameter',
            broken(v2Logistic, (a) => {
                a.params.l2 = -1;
            }),
            'params',
            /parameter l2 of logistic must be >= 0/,
        ],
        [
            'version-1 state under the family name',
            broken(v1Gbdt, (a) => {
                a.gbdt.trees[1].right[0] = 1000;
            }),
            'gbdt.trees[1].right[0]',
            /must be a node index/,
        ],
        [
            'version-1 features',
            broken(v1Gbdt, (a) => {
                a.features.reverse();
            }),
            'features',
            /must be the names of preprocessing.inputs/,
        ],
    ];
    for (const [name, value, field, problem] of cases) {
        const path = join(dir, `broken-${name.replace(/\W+/g, '-')}.json`);
        await writeFile(path, JSON.stringify(value));
        await assert.rejects(loadModel(path), (err) => {
            assert.ok(err instanceof ArtifactError, `${name}: ${String(err)}`);
            assert.equal(err.field, field, name);
            assert.match(err.problem, problem, name);
            assert.ok(err.message.startsWith(`${path}: field ${field} `), `${name}: ${err.message}`);
            assert.doesNotMatch(err.message, /\n|"code"|invalid_|Invalid input/, `${name}: ${err.message}`);
            return true;
        }, name);
    }
});
test('hyperparameters: typed from the specs, and checked the same from the CLI and from code', () => {
    const logistic = readParams('logistic', LOGISTIC_PARAMS, { l2: '0.5', penalty_scale: 'original' });
    const l2 = logistic.l2;
    const scale = logistic.penalty_scale;
    assert.equal(l2, 0.5);
    assert.equal(scale, 'original');
    // @ts-expect-error a choice is the union of its choices, not any string
    const notAChoice = logistic.penalty_scale;
    // @ts-expect-error no such parameter
    void logistic.l3;
    void notAChoice;
    const gbdt = { ...readParams('gbdt', GBDT_PARAMS, { grow_policy: 'lossguide' }), threads: 1 };
    assert.equal(gbdt.grow_policy, 'lossguide');
    const mlp = readParams('mlp', MLP_PARAMS, { hidden: '8,4' });
    const hidden = mlp.hidden;
    assert.deepEqual(hidden, [8, 4]);
    assert.deepEqual(readParams('mlp', MLP_PARAMS, {}).hidden, [32, 16]);
    // a default list is copied, so one model cannot change another's
    readParams('mlp', MLP_PARAMS, {}).hidden.push(1);
    assert.deepEqual(readParams('mlp', MLP_PARAMS, {}).hidden, [32, 16]);
    for (const given of [{ l2: '-1' }, { l2: -1 }])
        assert.throws(() => readParams('logistic', LOGISTIC_PARAMS, given), /parameter l2 of logistic must be >= 0, got/);
    for (const given of [{ penalty_scale: 'raw' }])
        assert.throws(() => readParams('logistic', LOGISTIC_PARAMS, given), /parameter penalty_scale of logistic must be one of standardized, original, got "raw"/);
    assert.throws(() => readParams('logistic', LOGISTIC_PARAMS, { C: 1 }), /unknown parameter C for logistic \(known: l2, l1/);
});
//# sourceMappingURL=artifact.test.js.map