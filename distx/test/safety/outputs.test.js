/**
 * Outputs never destroy inputs (issue 21): the cases a careless user hit, each through the
 * compiled CLI on a real simulated history. A folder is written only when new, empty or
 * churnkit's; --force writes beside other files and keeps them; no --out may be an input; a
 * killed run's temporary folder is swept by the next run.
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdir, readdir, readFile, stat, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { simulate } from '../../src/simulate/index.js';
import { cliPath, tempDir } from '../support/paths.js';
let work;
const d = (...names) => join(work.dir, ...names);
const churnkit = (...args) => spawnSync(process.execPath, [cliPath, ...args], { encoding: 'utf8' });
const ok = (r) => assert.equal(r.status, 0, r.stderr);
async function digest(path) {
    return createHash('sha256')
        .update(await readFile(path))
        .digest('hex');
}
/** Every file under a folder with its digest: "nothing changed" is this map unchanged. */
async function snapshot(dir, rel = '') {
    const out = {};
    for (const e of await readdir(join(dir, rel), { withFileTypes: true })) {
        const p = rel ? `${rel}/${e.name}` : e.name;
        if (e.isDirectory())
            Object.assign(out, await snapshot(dir, p));
        else
            out[p] = await digest(join(dir, p));
    }
    return out;
}
/** A user's project folder: source code and the input table itself. */
async function userProject(name) {
    const proj = d(name);
    await mkdir(join(proj, 'src'), { recursive: true });
    await writeFile(join(proj, 'src', 'main.ts'), 'export const answer = 42;\n');
    await writeFile(join(proj, 'notes.md'), '# my notes\n');
    return proj;
}
before(async () => {
    work = await tempDir('churnkit-outputs-');
    await simulate({ accounts: 150, months: 16, seed: 5, out: d('data') });
    ok(churnkit('features', '--data', d('data'), '--out', d('features.parquet')));
    ok(churnkit('train', '--features', d('features.parquet'), '--model', 'logistic', '--out', d('logistic.json')));
});
after(() => work.cleanup());
test('backtest --out on a folder of the user refuses and changes nothing; --force writes beside and keeps it', async () => {
    const proj = await userProject('proj-backtest');
    await writeFile(join(proj, 'features.parquet'), await readFile(d('features.parquet')));
    const before = await snapshot(proj);
    const args = ['backtest', '--features', join(proj, 'features.parquet'), '--models', 'scorecard:default'];
    const refused = churnkit(...args, '--out', proj);
    assert.equal(refused.status, 64, refused.stderr);
    assert.match(refused.stderr, /holds files churnkit did not write \(features\.parquet, notes\.md, src\/main\.ts\)/);
    assert.match(refused.stderr, /--force/);
    assert.deepEqual(await snapshot(proj), before, 'nothing in the folder changed');
    assert.deepEqual((await readdir(work.dir)).filter((n) => n.endsWith('.tmp')), [], 'no temporary left');
    ok(churnkit(...args, '--out', proj, '--force'));
    const after = await snapshot(proj);
    for (const [p, h] of Object.entries(before))
        assert.equal(after[p], h, `${p} kept as it was`);
    assert.ok(after['metrics.json'] && after['oof.parquet'] && after['.churnkit-output.json']);
    // The marker now makes the folder churnkit's: a rerun needs no --force and still keeps the rest.
    ok(churnkit(...args, '--out', proj));
    const again = await snapshot(proj);
    for (const [p, h] of Object.entries(before))
        assert.equal(again[p], h, `${p} kept on the rerun`);
    assert.equal(again['metrics.json'], after['metrics.json'], 'same data, same bytes');
});
test('backtest into its own earlier folder replaces its files; a file it no longer writes is removed', async () => {
    const out = d('bt-own');
    ok(churnkit('backtest', '--features', d('features.parquet'), '--models', 'scorecard:default', '--out', out));
    const marker = JSON.parse(await readFile(join(out, '.churnkit-output.json'), 'utf8'));
    assert.deepEqual(marker, {
        kind: 'churnkit.outputs',
        version: 1,
        files: { 'metrics.json': 'backtest', 'oof.parquet': 'backtest' },
    });
    await writeFile(join(out, 'my-reading.md'), 'the user writes here too\n');
    ok(churnkit('backtest', '--features', d('features.parquet'), '--models', 'scorecard:default', '--out', out));
    assert.equal(await readFile(join(out, 'my-reading.md'), 'utf8'), 'the user writes here too\n');
});
test('report writes only its own files: the charts folder keeps what the user put there', async () => {
    const bt = d('bt-report');
    ok(churnkit('backtest', '--features', d('features.parquet'), '--models', 'scorecard:default', '--out', bt));
    const foreign = await userProject('proj-report');
    const refused = churnkit('report', '--backtest', bt, '--out', foreign);
    assert.equal(refused.status, 64);
    assert.match(refused.stderr, /holds files churnkit did not write/);
    const rep = d('report');
    ok(churnkit('report', '--backtest', bt, '--out', rep));
    await writeFile(join(rep, 'charts', 'mine.png'), 'not a chart of churnkit');
    ok(churnkit('report', '--backtest', bt, '--out', rep));
    assert.equal(await readFile(join(rep, 'charts', 'mine.png'), 'utf8'), 'not a chart of churnkit');
    assert.ok((await readdir(join(rep, 'charts'))).includes('roc.png'));
    // a report next to the backtest folder it reads (the demo's layout) is fine; into it is not
    const same = churnkit('report', '--backtest', bt, '--out', bt);
    assert.equal(same.status, 64);
    assert.match(same.stderr, /is an input of this command/);
});
test('export and recalibrate refuse a folder of the user before any work', async () => {
    const proj = await userProject('proj-export');
    const before = await snapshot(proj);
    const ex = churnkit('export', '--model', d('logistic.json'), '--format', 'tfjs', '--out', proj);
    assert.equal(ex.status, 64, ex.stderr);
    assert.match(ex.stderr, /holds files churnkit did not write/);
    const re = churnkit('recalibrate', '--previous', 'default', '--data', d('data'), '--out', proj);
    assert.equal(re.status, 64, re.stderr);
    assert.match(re.stderr, /--force-out/);
    assert.deepEqual(await snapshot(proj), before);
    const onData = churnkit('recalibrate', '--previous', 'default', '--data', d('data'), '--out', d('data'));
    assert.equal(onData.status, 64);
    assert.match(onData.stderr, /is an input of this command/);
    ok(churnkit('export', '--model', d('logistic.json'), '--format', 'tfjs', '--out', d('tfjs')));
    ok(churnkit('export', '--model', d('logistic.json'), '--format', 'tfjs', '--out', d('tfjs')));
});
test('features, predict, score and calibrate never write over their own input', async () => {
    const data = await snapshot(d('data'));
    const usage = d('data', 'usage.parquet');
    const f = churnkit('features', '--data', d('data'), '--out', usage);
    assert.equal(f.status, 64, f.stderr);
    assert.match(f.stderr, /usage\.parquet is an input of this command/);
    // through a symlink and a relative spelling too
    await symlink(usage, d('link.parquet'));
    const viaLink = churnkit('features', '--data', d('data'), '--out', d('link.parquet'));
    assert.equal(viaLink.status, 64, viaLink.stderr);
    assert.deepEqual(await snapshot(d('data')), data, 'the history is untouched');
    const features = await digest(d('features.parquet'));
    for (const args of [
        ['predict', '--model', d('logistic.json'), '--features', d('features.parquet'), '--out', d('features.parquet')],
        ['score', '--scorecard', 'default', '--features', d('features.parquet'), '--out', d('features.parquet')],
        ['score', '--scorecard', 'default', '--data', d('data'), '--out', usage],
        ['calibrate', '--features', d('features.parquet'), '--model', d('logistic.json'), '--out', d('logistic.json')],
    ]) {
        const r = churnkit(...args);
        assert.equal(r.status, 64, `${args[0]}: ${r.stderr}`);
        assert.match(r.stderr, /writing it would destroy what is read/, args[0]);
    }
    assert.equal(await digest(d('features.parquet')), features);
    assert.deepEqual(await snapshot(d('data')), data);
    assert.ok((await stat(d('logistic.json'))).size > 0);
});
test('a killed simulate leaves a temporary folder that the next run removes', async () => {
    const out = d('sim-killed');
    const child = spawn(process.execPath, [cliPath, 'simulate', '--accounts', '20000', '--months', '24', '--out', out], {
        stdio: 'ignore',
    });
    const temps = async () => (await readdir(work.dir)).filter((n) => n.startsWith('.sim-killed.'));
    for (let k = 0; k < 600 && (await temps()).length === 0; k++)
        await new Promise((r) => setTimeout(r, 50));
    assert.equal((await temps()).length, 1, 'the run made its temporary folder');
    await new Promise((r) => setTimeout(r, 300));
    child.kill('SIGKILL');
    await new Promise((r) => child.once('exit', r));
    assert.equal((await temps()).length, 1, 'kill -9 leaves it behind');
    ok(churnkit('simulate', '--accounts', '20', '--months', '3', '--out', out));
    assert.deepEqual(await temps(), [], 'the next run swept it');
});
//# sourceMappingURL=outputs.test.js.map