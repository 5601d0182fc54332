import { createServer as createHttpServer } from 'node:http';
import { connect } from 'node:net';
import { createServer } from '../../src/serve/index.js';
export async function startService(options) {
    const app = await createServer({ watch: false, ...options });
    const base = await app.listen({ port: 0, host: '127.0.0.1' });
    return { app, base, close: () => app.close() };
}
/** A real HTTP request over loopback (undici fetch); the body is parsed as JSON when it can be. */
export async function request(base, method, path, body, headers = {}) {
    const init = { method, headers: { ...headers } };
    if (body !== undefined) {
        init.body = typeof body === 'string' || body instanceof Uint8Array ? body : JSON.stringify(body);
        if (!Object.keys(headers).some((h) => h.toLowerCase() === 'content-type'))
            init.headers['content-type'] = 'application/json';
    }
    const res = await fetch(`${base}${path}`, init);
    const text = await res.text();
    let parsed = text;
    try {
        parsed = JSON.parse(text);
    }
    catch {
        // not JSON: leave the text
    }
    return { status: res.status, headers: res.headers, body: parsed, text };
}
export const post = (base, path, body, headers = {}) => request(base, 'POST', path, body, headers);
export const get = (base, path, headers = {}) => request(base, 'GET', path, undefined, headers);
/** Raw bytes on a socket, for requests no HTTP client would send; resolves with the raw response. */
export function rawRequest(base, payload, timeoutMs = 5000) {
    const url = new URL(base);
    return new Promise((resolve, reject) => {
        const socket = connect(Number(url.port), url.hostname);
        let data = '';
        const timer = setTimeout(() => {
            socket.destroy();
            resolve(data);
        }, timeoutMs);
        socket.on('data', (d) => (data += d.toString('latin1')));
        socket.on('end', () => {
            clearTimeout(timer);
            resolve(data);
        });
        socket.on('error', (err) => {
            clearTimeout(timer);
            if (data)
                resolve(data);
            else
                reject(err);
        });
        socket.write(payload);
    });
}
/** Polls until `check` returns a value other than undefined, or fails after `timeoutMs`. */
export async function eventually(what, check, timeoutMs = 15_000, everyMs = 25) {
    const until = Date.now() + timeoutMs;
    for (;;) {
        const v = await check();
        if (v !== undefined)
            return v;
        if (Date.now() > until)
            throw new Error(`timed out waiting for ${what}`);
        await new Promise((r) => setTimeout(r, everyMs));
    }
}
/** Parses Prometheus text into `name{labels}` -> value. */
export function parseMetrics(text) {
    const out = new Map();
    for (const line of text.split('\n')) {
        if (!line || line.startsWith('#'))
            continue;
        const i = line.lastIndexOf(' ');
        out.set(line.slice(0, i), Number(line.slice(i + 1)));
    }
    return out;
}
/**
 * A local webhook receiver: answers `failFirst` attempts of each event (by Idempotency-Key)
 * with `failStatus`, then 200. Records every attempt.
 */
export async function startReceiver(options = {}) {
    const received = [];
    const attempts = new Map();
    const server = createHttpServer((req, res) => {
        const chunks = [];
        req.on('data', (c) => chunks.push(c));
        req.on('end', () => {
            const key = String(req.headers['idempotency-key'] ?? '');
            const n = (attempts.get(key) ?? 0) + 1;
            attempts.set(key, n);
            const status = n <= (options.failFirst ?? 0) ? (options.failStatus ?? 503) : 200;
            received.push({
                headers: req.headers,
                body: JSON.parse(Buffer.concat(chunks).toString('utf8')),
                status,
                at: performance.now(),
            });
            res.writeHead(status, { 'content-type': 'application/json' }).end('{}');
        });
    });
    await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
    const port = server.address().port;
    return {
        url: `http://127.0.0.1:${port}/hook`,
        received,
        server,
        close: () => new Promise((resolve) => {
            server.closeAllConnections();
            server.close(() => resolve());
        }),
    };
}
//# sourceMappingURL=support.js.map