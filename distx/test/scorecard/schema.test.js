import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import { repoRoot, tempDir } from '../support/paths.js';
import { loadScorecard, parseScorecard, scorecardJsonSchema } from '../../src/scorecard/index.js';
import { renderSchemaFile } from '../../src/scorecard/write-schema.js';
import { defaultCardJson } from './helpers.js';
import { FEATURES } from '../../src/features/index.js';
test('models/scorecard.schema.json is the schema generated from the zod definition (regenerate: node dist/src/scorecard/write-schema.js)', async () => {
    const committed = await readFile(join(repoRoot, 'models', 'scorecard.schema.json'), 'utf8');
    assert.equal(committed, renderSchemaFile());
});
test("the default scorecard is valid and is the framework's", async () => {
    const card = await loadScorecard('default');
    assert.deepEqual(card.layers.map((l) => [l.name, l.weight]), [
        ['usage', 0.4],
        ['engagement', 0.25],
        ['relationship', 0.2],
        ['outcome', 0.15],
    ]);
    assert.deepEqual(card.overrides.map((o) => [o.id, o.action, o.value ?? o.flag]), [
        ['champion_departed', 'cap', 40],
        ['zero_usage_14d', 'set', 10],
        ['active_escalation', 'cap', 50],
        ['renewal_escalation', 'flag', 'escalate'],
    ]);
    assert.equal(card.bands.green, 70);
    assert.equal(card.bands.yellow, 40);
    // the ten features in the layers of the registry, and the two flags the framework scores
    const features = card.layers.flatMap((l) => l.signals.map((s) => s.feature));
    for (const f of FEATURES)
        assert.equal(card.layers.find((l) => l.signals.some((s) => s.feature === f.name))?.name, f.layer, f.name);
    assert.deepEqual(features.filter((f) => !FEATURES.some((x) => x.name === f)), ['active_escalation', 'champion_departed']);
});
/** Breaks a copy of the default card and expects an error naming `field`. */
function rejects(field, breakIt, problem) {
    const c = defaultCardJson();
    breakIt(c);
    assert.throws(() => parseScorecard(c), (err) => {
        assert.ok(err.message.includes(`scorecard ${field}:`), `expected the message to name ${field}: ${err.message}`);
        if (problem)
            assert.match(err.message, problem);
        return true;
    });
}
test('a broken artifact is rejected with a message naming the field', () => {
    rejects('layers[1].signals[0].weight', (c) => (c.layers[1].signals[0].weight = 'heavy'), /expected number/);
    rejects('layers[1].signals[0].weight', (c) => (c.layers[1].signals[0].weight = 1.5), /<=1/);
    rejects('layers[1].signals', (c) => (c.layers[1].signals[0].weight = 0.5), /layer engagement signal weights sum to 1.05, not 1/);
    rejects('layers', (c) => (c.layers[0].weight = 0.5), /layer weights sum to 1.1, not 1/);
    rejects('layers[0].signals[2]', (c) => (c.layers[0].signals[2].weigth = 0.2), /Unrecognized key: "weigth"/);
    rejects('layers[0].signals[0].direction', (c) => (c.layers[0].signals[0].direction = 'up'));
    rejects('layers[0].signals[0].missing.policy', (c) => (c.layers[0].signals[0].missing = { policy: 'zero' }));
    rejects('layers[2].signals[0].points[2]', (c) => (c.layers[2].signals[0].points[2].gte = -0.2), /does not meet the previous band's upper edge -0.1/);
    rejects('layers[0].signals[0].points[2]', (c) => (c.layers[0].signals[0].points[2] = { gt: -0.1, lte: 0.1, points: 70 }), /must belong to exactly one band/);
    rejects('layers[0].signals[0].points[3].points', (c) => (c.layers[0].signals[0].points[3].points = 60), /must not decrease as usage_trend_14d grows/);
    rejects('layers[0].signals[0].points[0]', (c) => (c.layers[0].signals[0].points[0].gt = -5), /first band must have no lower edge/);
    rejects('layers[0].signals[0].points[3]', (c) => (c.layers[0].signals[0].points[3].lt = 5), /last band must have no upper edge/);
    rejects('layers[3].signals[1].feature', (c) => (c.layers[3].signals[1].feature = 'nps_trend'), /already used at layers\[3\].signals\[0\]/);
    rejects('overrides[1].value', (c) => delete c.overrides[1].value, /required for action set/);
    rejects('overrides[3].flag', (c) => delete c.overrides[3].flag, /required for action flag/);
    rejects('overrides[0].when.value', (c) => delete c.overrides[0].when.value, /required for op =/);
    rejects('overrides[3].when.all[1].score.op', (c) => (c.overrides[3].when.all[1].score.op = '=='));
    rejects('overrides[0].when.op', (c) => (c.overrides[0].when.op = '<'), /boolean values take = or != only/);
    rejects('layers[0].signals[0].rules[0].when', (c) => (c.layers[0].signals[0].rules[0].when = { score: { op: '<', value: 5 } }), /not allowed here/);
    rejects('bands', (c) => (c.bands.yellow = 80), /yellow \(80\) must be below green \(70\)/);
    rejects('bands.segments.enterprise', (c) => (c.bands.segments = { enterprise: { green: 50, yellow: 50 } }));
    rejects('probability.y[1]', (c) => (c.probability = { method: 'isotonic', x: [10, 20], y: [0.1, 0.3] }), /must not rise/);
    rejects('probability.x[1]', (c) => (c.probability = { method: 'isotonic', x: [10, 10], y: [0.3, 0.1] }), /increase strictly/);
    rejects('kind', (c) => (c.kind = 'churnkit.model'));
    rejects('version', (c) => (c.version = 2), /reads scorecard version 1/);
    rejects('no_data_score', (c) => delete c.no_data_score);
});
test('loadScorecard names the file and the field; "default" is the shipped card', async () => {
    const { dir, cleanup } = await tempDir();
    try {
        const c = defaultCardJson();
        c.layers[1].signals[0].weight = -0.1;
        const path = join(dir, 'bad.json');
        await writeFile(path, JSON.stringify(c));
        await assert.rejects(loadScorecard(path), (err) => {
            assert.match(err.message, /bad\.json: scorecard layers\[1\]\.signals\[0\]\.weight: /);
            assert.equal(err.exitCode, 2);
            return true;
        });
        await writeFile(path, '{"kind": ');
        await assert.rejects(loadScorecard(path), /bad\.json: not valid JSON/);
        await assert.rejects(loadScorecard(join(dir, 'none.json')), /none\.json: cannot read the scorecard \(ENOENT\)/);
    }
    finally {
        await cleanup();
    }
});
test('the published JSON Schema works in a standard validator: accepts the default, rejects a broken card at the field', () => {
    // ajv is what fastify validates with; it is in node_modules through fastify
    const require = createRequire(import.meta.url);
    const Ajv2020 = require('ajv/dist/2020').default;
    const ajv = new Ajv2020({ allErrors: true, strict: false });
    const validate = ajv.compile(scorecardJsonSchema());
    assert.equal(validate(defaultCardJson()), true, JSON.stringify(validate.errors));
    const broken = defaultCardJson();
    broken.layers[1].signals[0].weight = 'heavy';
    assert.equal(validate(broken), false);
    assert.ok(validate.errors.some((e) => e.instancePath === '/layers/1/signals/0/weight'), JSON.stringify(validate.errors));
});
//# sourceMappingURL=schema.test.js.map