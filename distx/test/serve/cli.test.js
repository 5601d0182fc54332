import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { copyFile, readFile, writeFile } from 'node:fs/promises';
import { connect } from 'node:net';
import { join } from 'node:path';
import { DEFAULT_SCORECARD_PATH } from '../../src/scorecard/index.js';
import { writeFileAtomic } from '../../src/util/atomic.js';
import { cliPath, tempDir } from '../support/paths.js';
import { eventually, get, post } from './support.js';
let tmp;
before(async () => {
    tmp = await tempDir('churnkit-serve-cli-');
});
after(() => tmp.cleanup());
/** Starts `churnkit serve` on a free port and waits until it listens. */
async function serve(args) {
    const proc = spawn(process.execPath, [cliPath, 'serve', '--port', '0', ...args], { stdio: ['pipe', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    proc.stdout.on('data', (d) => (out += d));
    proc.stderr.on('data', (d) => (err += d));
    const exit = new Promise((resolve) => proc.on('exit', (code) => resolve(code)));
    const base = await eventually('the service to listen', () => /Server listening at (http:\/\/127\.0\.0\.1:\d+)/.exec(err)?.[1], 20_000);
    return { proc, base, stdout: () => out, stderr: () => err, exit };
}
const probe = {
    account_id: 'PROBE',
    as_of: '2024-06-30',
    usage_trend_14d: 0.5,
    login_frequency_change_14d: 0.4,
    license_utilization: 0.9,
    support_ticket_trend_30d: -0.5,
    days_since_last_csm_interaction: 45,
    champion_engagement_change_30d: 0.3,
    nps_trend: 2,
};
test('SIGHUP reloads the scorecard; a broken file is refused and the old one keeps serving', async () => {
    const path = join(tmp.dir, 'hup.json');
    await copyFile(DEFAULT_SCORECARD_PATH, path);
    const strict = JSON.parse(await readFile(path, 'utf8'));
    delete strict.$schema;
    strict.bands.green = 98;
    const child = await serve(['--scorecard', path, '--no-watch']);
    try {
        assert.equal((await post(child.base, '/v1/score', probe)).body.band, 'GREEN');
        await writeFileAtomic(path, JSON.stringify(strict));
        await new Promise((r) => setTimeout(r, 300));
        assert.equal((await post(child.base, '/v1/score', probe)).body.band, 'GREEN', '--no-watch: no reload without a signal');
        child.proc.kill('SIGHUP');
        await eventually('the reloaded card', async () => (await post(child.base, '/v1/score', probe)).body.band === 'YELLOW' ? true : undefined);
        await writeFile(path, '{"kind": "churnkit.scorecard", "version": 1, "layers": []}');
        child.proc.kill('SIGHUP');
        await eventually('the refusal', async () => (await get(child.base, '/v1/model')).body.reloads.refused === 1 ? true : undefined);
        assert.equal((await post(child.base, '/v1/score', probe)).body.band, 'YELLOW');
        assert.match(child.stderr(), /scorecard reload refused/);
    }
    finally {
        child.proc.kill('SIGTERM');
        assert.equal(await child.exit, 0);
    }
});
test('SIGTERM finishes a request in flight, refuses new connections, and exits 0 with a summary', async () => {
    const child = await serve(['--scorecard', 'default', '--json']);
    const url = new URL(child.base);
    const body = JSON.stringify(probe);
    const socket = connect(Number(url.port), url.hostname);
    let response = '';
    socket.on('data', (d) => (response += d));
    const ended = new Promise((resolve) => socket.on('end', resolve));
    await new Promise((resolve) => socket.on('connect', resolve));
    socket.write(`POST /v1/score HTTP/1.1\r\nHost: ${url.host}\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n${body.slice(0, 20)}`);
    await new Promise((r) => setTimeout(r, 200));
    child.proc.kill('SIGTERM');
    await eventually('the listener to close', async () => {
        try {
            await fetch(`${child.base}/healthz`);
            return undefined;
        }
        catch {
            return true;
        }
    }, 10_000);
    socket.write(body.slice(20));
    await ended;
    assert.match(response, /^HTTP\/1\.1 200 /, response);
    const json = JSON.parse(response.slice(response.indexOf('\r\n\r\n') + 4));
    assert.equal(json.account_id, 'PROBE');
    assert.equal(json.band, 'GREEN');
    assert.equal(await child.exit, 0, child.stderr());
    const summary = JSON.parse(child.stdout());
    assert.equal(summary.ok, true);
    assert.equal(summary.signal, 'SIGTERM');
    assert.ok(summary.requests >= 1, 'the request in flight is counted');
});
/** Runs the CLI to completion without blocking the event loop, so several can run at once. */
function runCli(args) {
    return new Promise((resolve) => {
        const p = spawn(process.execPath, [cliPath, ...args], { stdio: ['ignore', 'ignore', 'pipe'] });
        let stderr = '';
        p.stderr.on('data', (d) => (stderr += d));
        p.on('exit', (status) => resolve({ status, stderr }));
    });
}
test('flag and file problems exit non-zero with one line', async () => {
    const [badPort, badHook, missing] = await Promise.all([
        runCli(['serve', '--scorecard', 'default', '--port', 'eighty']),
        runCli(['serve', '--scorecard', 'default', '--alerts-webhook', 'ftp://example.com/x']),
        runCli(['serve', '--scorecard', join(tmp.dir, 'nope.json')]),
    ]);
    assert.equal(badPort.status, 64, badPort.stderr);
    assert.match(badPort.stderr, /--port must be an integer/);
    assert.equal(badHook.status, 64, badHook.stderr);
    assert.match(badHook.stderr, /--alerts-webhook must be an http\(s\) URL/);
    assert.equal(missing.status, 2, missing.stderr);
    assert.equal(missing.stderr.trim().split('\n').length, 1);
    assert.match(missing.stderr, /^churnkit: scorecard .*nope\.json: cannot read \(ENOENT\)/);
});
test('a port already taken is a clear error', async () => {
    const child = await serve(['--scorecard', 'default']);
    try {
        const port = new URL(child.base).port;
        const r = await runCli(['serve', '--scorecard', 'default', '--port', port]);
        assert.equal(r.status, 1);
        assert.match(r.stderr, new RegExp(`churnkit: cannot listen on 127\\.0\\.0\\.1:${port}: EADDRINUSE`));
    }
    finally {
        child.proc.kill('SIGINT');
        assert.equal(await child.exit, 0);
    }
});
//# sourceMappingURL=cli.test.js.map