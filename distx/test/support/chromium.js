/**
 * Headless Debian Chromium driven over the DevTools protocol on a pipe (fd 3 in, fd 4 out):
 * no WebSocket library, no browser download. `npm test` installs the `chromium` package when missing (tools/provision.sh).
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
export const CHROMIUM = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';
export class Browser {
    proc;
    input;
    profile;
    nextId = 1;
    pending = new Map();
    listeners = [];
    buffer = '';
    constructor(proc, input, output, profile) {
        this.proc = proc;
        this.input = input;
        this.profile = profile;
        output.setEncoding('utf8');
        output.on('data', (chunk) => {
            this.buffer += chunk;
            for (let end = this.buffer.indexOf('\0'); end >= 0; end = this.buffer.indexOf('\0')) {
                const msg = JSON.parse(this.buffer.slice(0, end));
                this.buffer = this.buffer.slice(end + 1);
                if (msg.id !== undefined && this.pending.has(msg.id)) {
                    const p = this.pending.get(msg.id);
                    this.pending.delete(msg.id);
                    if (msg.error)
                        p.reject(new Error(msg.error.message));
                    else
                        p.resolve(msg.result);
                }
                else
                    for (const l of this.listeners)
                        l(msg);
            }
        });
    }
    static async launch() {
        if (!existsSync(CHROMIUM))
            throw new Error(`${CHROMIUM} is missing: install Debian's chromium (npm test does: tools/provision.sh)`);
        const profile = await mkdtemp(join(tmpdir(), 'churnkit-chromium-'));
        const proc = spawn(CHROMIUM, [
            '--headless',
            '--no-sandbox',
            '--disable-gpu',
            '--disable-quic',
            '--no-first-run',
            '--disable-background-networking',
            '--disable-component-update',
            '--disable-sync',
            '--disable-extensions',
            '--remote-debugging-pipe',
            `--user-data-dir=${profile}`,
            'about:blank',
        ], { stdio: ['ignore', 'ignore', 'ignore', 'pipe', 'pipe'] });
        return new Browser(proc, proc.stdio[3], proc.stdio[4], profile);
    }
    send(method, params = {}, sessionId) {
        const id = this.nextId++;
        return new Promise((resolve, reject) => {
            this.pending.set(id, { resolve, reject });
            this.input.write(`${JSON.stringify({ id, method, params, ...(sessionId ? { sessionId } : {}) })}\0`);
        });
    }
    on(listener) {
        this.listeners.push(listener);
    }
    async close() {
        const exited = new Promise((r) => this.proc.once('exit', r));
        await this.send('Browser.close').catch(() => this.proc.kill('SIGKILL'));
        await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))]);
        if (this.proc.exitCode === null)
            this.proc.kill('SIGKILL');
        await rm(this.profile, { recursive: true, force: true });
    }
}
/** Records a tab's console errors, exceptions, error log entries and requests (but those of `own`) into `out`. */
function record(browser, sessionId, out, own) {
    browser.on((m) => {
        if (m.sessionId !== sessionId)
            return;
        if (m.method === 'Runtime.consoleAPICalled' && (m.params.type === 'error' || m.params.type === 'assert'))
            out.errors.push(`console.${m.params.type}: ${m.params.args.map((a) => a.value ?? a.description).join(' ')}`);
        if (m.method === 'Runtime.exceptionThrown')
            out.errors.push(`exception: ${m.params.exceptionDetails.exception?.description ?? m.params.exceptionDetails.text}`);
        if (m.method === 'Log.entryAdded' && m.params.entry.level === 'error')
            out.errors.push(`log: ${m.params.entry.text} ${m.params.entry.url ?? ''}`);
        if (m.method === 'Network.requestWillBeSent' && m.params.request.url !== own)
            out.requests.push(m.params.request.url);
        if (m.method === 'Network.loadingFailed')
            out.failedRequests.push(`${m.params.errorText} (${m.params.requestId})`);
    });
}
/** Opens `url` in a fresh tab, waits until `ready` is truthy, evaluates `probe`. */
export async function visit(browser, url, ready, probe, timeoutMs = 30_000) {
    const { targetId } = await browser.send('Target.createTarget', { url: 'about:blank' });
    const { sessionId } = await browser.send('Target.attachToTarget', { targetId, flatten: true });
    const out = { errors: [], requests: [], failedRequests: [], result: null };
    record(browser, sessionId, out, url);
    for (const domain of ['Runtime', 'Log', 'Network', 'Page'])
        await browser.send(`${domain}.enable`, {}, sessionId);
    await browser.send('Page.navigate', { url }, sessionId);
    const until = Date.now() + timeoutMs;
    for (;;) {
        const r = await browser.send('Runtime.evaluate', { expression: `Boolean(${ready})`, returnByValue: true }, sessionId);
        if (r.result.value === true)
            break;
        if (Date.now() > until)
            throw new Error(`timed out waiting for ${ready} on ${url}; errors: ${out.errors.join('; ')}`);
        await new Promise((r) => setTimeout(r, 100));
    }
    const r = await browser.send('Runtime.evaluate', { expression: probe, returnByValue: true }, sessionId);
    out.result = r.result.value;
    await browser.send('Target.closeTarget', { targetId });
    return out;
}
export async function openTab(browser, url, width = 1400) {
    const { targetId } = await browser.send('Target.createTarget', { url: 'about:blank' });
    const { sessionId } = await browser.send('Target.attachToTarget', { targetId, flatten: true });
    const out = { errors: [], requests: [], failedRequests: [], result: null };
    record(browser, sessionId, out, null);
    for (const domain of ['Runtime', 'Log', 'Network', 'Page'])
        await browser.send(`${domain}.enable`, {}, sessionId);
    const evaluate = async (expression) => {
        const r = await browser.send('Runtime.evaluate', { expression, returnByValue: true, awaitPromise: true }, sessionId);
        if (r.exceptionDetails)
            throw new Error(`${expression}: ${r.exceptionDetails.exception?.description ?? r.exceptionDetails.text}`);
        return r.result.value;
    };
    const waitFor = async (expression, timeoutMs = 30_000) => {
        const until = Date.now() + timeoutMs;
        while ((await evaluate(`Boolean(${expression})`)) !== true) {
            if (Date.now() > until)
                throw new Error(`timed out waiting for ${expression}; errors: ${out.errors.join('; ')}`);
            await new Promise((r) => setTimeout(r, 50));
        }
    };
    const navigate = async (to) => {
        await browser.send('Page.navigate', { url: to }, sessionId);
    };
    const viewport = (height) => browser.send('Emulation.setDeviceMetricsOverride', { width, height, deviceScaleFactor: 1, mobile: false }, sessionId);
    await viewport(900);
    await navigate(url);
    return {
        visit: out,
        evaluate,
        waitFor,
        navigate,
        async screenshot(maxHeight) {
            await viewport(Math.min(maxHeight, Math.ceil(await evaluate('document.documentElement.scrollHeight'))));
            await new Promise((r) => setTimeout(r, 300));
            const { data } = await browser.send('Page.captureScreenshot', { format: 'png' }, sessionId);
            return Buffer.from(data, 'base64');
        },
        async close() {
            await browser.send('Target.closeTarget', { targetId });
        },
    };
}
//# sourceMappingURL=chromium.js.map