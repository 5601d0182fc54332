/**
 * A lean install (`npm install --omit=optional`) has no TensorFlow.js: scoring and the other
 * families work, and asking for an mlp says what to install instead of failing on a module path.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { cliPath as cli, fixture, repoRoot, tempDir } from '../support/paths.js';
const hide = join(repoRoot, 'dist', 'test', 'support', 'hide-packages.js');
function withoutTfjs(args) {
    return spawnSync(process.execPath, ['--import', hide, cli, ...args], {
        encoding: 'utf8',
        env: { ...process.env, CHURNKIT_HIDE_PACKAGES: '@tensorflow/' },
    });
}
test('without TensorFlow.js, score and gbdt work and an mlp asks for the install, exit 69, no artifact', async () => {
    const { dir, cleanup } = await tempDir();
    try {
        const features = fixture('mlp', 'features.csv');
        const score = withoutTfjs(['score', '--scorecard', 'default', '--features', features, '--out', join(dir, 's.csv')]);
        assert.equal(score.status, 0, score.stderr);
        const trained = withoutTfjs([
            ...['train', '--features', features, '--model', 'gbdt', '--param', 'n_estimators=5'],
            ...['--out', join(dir, 'gbdt.json')],
        ]);
        assert.equal(trained.status, 0, trained.stderr);
        const mlp = withoutTfjs(['train', '--features', features, '--model', 'mlp', '--out', join(dir, 'mlp.json')]);
        assert.equal(mlp.status, 69, mlp.stderr);
        assert.match(mlp.stderr, /needs TensorFlow\.js.*npm install @tensorflow\/tfjs/);
        assert.equal(existsSync(join(dir, 'mlp.json')), false);
    }
    finally {
        await cleanup();
    }
});
//# sourceMappingURL=lean-install.test.js.map