import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cliPath as cli } from '../support/paths.js';
test('every command of docs/cli.md is registered', () => {
    const r = spawnSync(process.execPath, [cli, '--help'], { encoding: 'utf8' });
    assert.equal(r.status, 0);
    for (const c of [
        'simulate',
        'init',
        'validate',
        'features',
        'train',
        'predict',
        'backtest',
        'calibrate',
        'score',
        'report',
        'recalibrate',
        'serve',
        'export-sql',
        'demo',
    ]) {
        assert.match(r.stdout, new RegExp(`\\n  ${c} `), `command ${c} missing from help`);
    }
});
test('a missing required flag is a usage error with a non-zero exit', () => {
    const r = spawnSync(process.execPath, [cli, 'features'], { encoding: 'utf8' });
    assert.notEqual(r.status, 0);
    assert.match(r.stderr, /required option '--data <dir>'/);
});
//# sourceMappingURL=cli.test.js.map