import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Command } from 'commander';
import { COMMANDS, commandNamed } from '../../src/cli/registry.js';
import { cliPath as cli, fixture, repoRoot, tempDir } from '../support/paths.js';
const preload = join(repoRoot, 'dist', 'test', 'support', 'loaded-packages.js');
/** The heavy packages, each of which only some commands may load. */
const TFJS = ['@tensorflow/tfjs', '@tensorflow/tfjs-core', '@tensorflow/tfjs-backend-wasm', 'tslab'];
const VEGA = ['vega', 'vega-lite', '@resvg/resvg-js'];
const SERVER = ['fastify'];
const POSTGRES = ['pg'];
const DUCKDB = ['@duckdb/node-api'];
/** Runs the CLI and returns the npm packages the process loaded, with its result. */
function loaded(args, dir) {
    const record = join(dir, `loaded-${Math.random().toString(36).slice(2)}.txt`);
    const r = spawnSync(process.execPath, ['--import', preload, cli, ...args], {
        encoding: 'utf8',
        env: { ...process.env, CHURNKIT_LOADED_PACKAGES: record },
    });
    let text = '';
    try {
        text = readFileSync(record, 'utf8');
    }
    catch {
        // Nothing from node_modules was loaded at all.
    }
    return { packages: new Set(text.split('\n').filter(Boolean)), status: r.status, stderr: r.stderr };
}
function assertNone(packages, forbidden, what) {
    const found = forbidden.filter((p) => packages.has(p));
    assert.deepEqual(found, [], `${what} loaded ${found.join(', ')}`);
}
test('every registry entry registers the command it names, with the description --help lists', async () => {
    for (const entry of COMMANDS) {
        const program = new Command();
        (await entry.load()).register(program);
        assert.deepEqual(program.commands.map((c) => [c.name(), c.description()]), [[entry.name, entry.description]], `${entry.name}: the module and the registry disagree`);
    }
});
test('the command a command line names is its first bare word, or the one after help', () => {
    assert.equal(commandNamed(['score', '--scorecard', 'default']), 'score');
    assert.equal(commandNamed(['--json', 'train', '--model', 'gbdt']), 'train');
    assert.equal(commandNamed(['help', 'serve']), 'serve');
    assert.equal(commandNamed(['--version']), undefined);
    assert.equal(commandNamed([]), undefined);
});
test('--version, --help and each command help load no heavy package; a command loads only its own', async () => {
    const { dir, cleanup } = await tempDir();
    try {
        for (const args of [['--version'], ['--help']]) {
            const r = loaded(args, dir);
            assert.equal(r.status, 0, r.stderr);
            assert.deepEqual([...r.packages], ['commander'], `${args.join(' ')} loaded more than commander`);
        }
        const everything = [...TFJS, ...VEGA, ...SERVER, ...POSTGRES, ...DUCKDB];
        for (const name of ['score', 'train', 'features', 'export-sql']) {
            const r = loaded([name, '--help'], dir);
            assert.equal(r.status, 0, r.stderr);
            assertNone(r.packages, everything, `${name} --help`);
        }
        assertNone(loaded(['help', 'score'], dir).packages, everything, 'help score');
        assertNone(loaded(['serve', '--help'], dir).packages, [...TFJS, ...VEGA, ...POSTGRES, ...DUCKDB], 'serve --help');
        assertNone(loaded(['app', '--help'], dir).packages, [...TFJS, ...POSTGRES, ...DUCKDB], 'app --help');
        const report = loaded(['report', '--help'], dir).packages;
        assert.ok(report.has('vega'), 'report --help should load Vega (the check itself must be able to fail)');
        assertNone(report, [...TFJS, ...SERVER, ...POSTGRES], 'report --help');
    }
    finally {
        await cleanup();
    }
});
test('scoring a feature file and training a gbdt load DuckDB, and neither TensorFlow.js, Vega, Fastify nor pg (score: nor zod)', async () => {
    const { dir, cleanup } = await tempDir();
    try {
        const features = fixture('mlp', 'features.csv');
        const score = loaded(['score', '--scorecard', 'default', '--features', features, '--out', join(dir, 's.csv')], dir);
        assert.equal(score.status, 0, score.stderr);
        assert.ok(score.packages.has('@duckdb/node-api'));
        assertNone(score.packages, [...TFJS, ...VEGA, ...SERVER, ...POSTGRES], 'score');
        // The card's shape is checked by the generated validator and the table read through the light
        // entries: no zod (its schema), no jsonc-parser (mapping files) on the common path.
        assertNone(score.packages, ['zod', 'jsonc-parser'], 'score of a feature file');
        const train = loaded(['train', '--features', features, '--model', 'gbdt', '--param', 'n_estimators=5', '--out', join(dir, 'm.json')], dir);
        assert.equal(train.status, 0, train.stderr);
        assertNone(train.packages, [...TFJS, ...VEGA, ...SERVER, ...POSTGRES], 'train --model gbdt');
    }
    finally {
        await cleanup();
    }
});
//# sourceMappingURL=registry.test.js.map