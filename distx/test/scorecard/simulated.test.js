import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { fixture } from '../support/paths.js';
import { loadFrame } from '../../src/data/frame.js';
import { loadScorecard } from '../../src/scorecard/index.js';
import { calibrateScorecard } from '../../src/scorecard/calibrate/index.js';
test('on simulated data whose truth.json makes one layer dominant, calibration ranks that layer first', async () => {
    // made by test/fixtures/scorecard/make-sim-fixture.ts with churnkit's simulator
    const truth = JSON.parse(await readFile(fixture('scorecard', 'sim-relationship.truth.json'), 'utf8'));
    const effects = truth.effects.layers;
    const dominant = Object.entries(effects).sort((a, b) => b[1] - a[1])[0][0];
    assert.equal(dominant, 'relationship');
    const frame = await loadFrame(fixture('scorecard', 'sim-relationship.parquet'));
    const base = await loadScorecard('default');
    const result = calibrateScorecard(frame, { base, reference: base, bootstrap: 30, seed: 1 });
    assert.equal(result.fidelity.layers_by_weight[0], dominant, JSON.stringify(result.fidelity.weights.map((l) => [l.layer, l.weight, l.ci90])));
    // the dominant layer's interval sits above every other layer's point estimate
    const layer = result.card.layers.find((l) => l.name === dominant);
    for (const other of result.card.layers)
        if (other !== layer)
            assert.ok(layer.weight_ci90[0] > other.weight, `${other.name} ${other.weight} vs ${layer.weight_ci90}`);
    assert.ok(result.fidelity.auc.calibrated > 0.7, JSON.stringify(result.fidelity.auc));
});
//# sourceMappingURL=simulated.test.js.map