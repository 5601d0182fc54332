import { createServer as createHttpServer, type IncomingHttpHeaders, type Server } from 'node:http';
import { connect } from 'node:net';
import assert from 'node:assert/strict';
import type { FastifyInstance } from 'fastify';
import { tableFromIPC } from '@uwdata/flechette';
import { createServer, type ServerOptions } from '../../src/serve/index.js';

/** A service listening on a free loopback port. */
export interface Running {
  app: FastifyInstance;
  base: string;
  close(): Promise<void>;
}

/**
 * Fastify's own Ajv validators of the two batch bodies, as the server compiles them for its
 * routes (the schemas it registers): what the quick check and the byte readers are held to.
 * Close `app` after.
 */
export async function ajvValidators() {
  const app = await createServer({ scorecard: 'default', watch: false });
  await app.ready();
  const compile = app.validatorCompiler!;
  const of = (ref: string) => compile({ schema: { $ref: ref }, method: 'POST', url: '/', httpPart: 'body' });
  return { app, batch: of('BatchRequest#'), columns: of('ColumnsRequest#') };
}

export async function startService(options: ServerOptions): Promise<Running> {
  const app = await createServer({ watch: false, ...options });
  const base = await app.listen({ port: 0, host: '127.0.0.1' });
  return { app, base, close: () => app.close() };
}

export interface Reply<T = any> {
  status: number;
  headers: Headers;
  body: T;
  text: string;
}

/** A real HTTP request over loopback (undici fetch); the body is parsed as JSON when it can be. */
export async function request<T = any>(
  base: string,
  method: string,
  path: string,
  body?: unknown,
  headers: Record<string, string> = {},
): Promise<Reply<T>> {
  const init: RequestInit = { method, headers: { ...headers } };
  if (body !== undefined) {
    init.body = typeof body === 'string' || body instanceof Uint8Array ? (body as string) : JSON.stringify(body);
    if (!Object.keys(headers).some((h) => h.toLowerCase() === 'content-type'))
      (init.headers as Record<string, string>)['content-type'] = 'application/json';
  }
  const res = await fetch(`${base}${path}`, init);
  const text = await res.text();
  let parsed: unknown = text;
  try {
    parsed = JSON.parse(text);
  } catch {
    // not JSON: leave the text
  }
  return { status: res.status, headers: res.headers, body: parsed as T, text };
}

export const post = <T = any>(base: string, path: string, body: unknown, headers: Record<string, string> = {}) =>
  request<T>(base, 'POST', path, body, headers);
export const get = <T = any>(base: string, path: string, headers: Record<string, string> = {}) =>
  request<T>(base, 'GET', path, undefined, headers);

/** Raw bytes on a socket, for requests no HTTP client would send; resolves with the raw response. */
export function rawRequest(base: string, payload: string | Buffer, timeoutMs = 5000): Promise<string> {
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
      if (data) resolve(data);
      else reject(err);
    });
    socket.write(payload);
  });
}

/** Polls until `check` returns a value other than undefined, or fails after `timeoutMs`. */
export async function eventually<T>(
  what: string,
  check: () => Promise<T | undefined> | T | undefined,
  timeoutMs = 15_000,
  everyMs = 25,
): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const v = await check();
    if (v !== undefined) return v;
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, everyMs));
  }
}

/** Parses Prometheus text into `name{labels}` -> value. */
export function parseMetrics(text: string): Map<string, number> {
  const out = new Map<string, number>();
  for (const line of text.split('\n')) {
    if (!line || line.startsWith('#')) continue;
    const i = line.lastIndexOf(' ');
    out.set(line.slice(0, i), Number(line.slice(i + 1)));
  }
  return out;
}

export interface ReceivedHook {
  headers: IncomingHttpHeaders;
  body: any;
  status: number;
  /** performance.now() at arrival */
  at: number;
}

/**
 * A local webhook receiver: answers `failFirst` attempts of each event (by Idempotency-Key)
 * with `failStatus`, then 200. Records every attempt.
 */
export async function startReceiver(
  options: { failFirst?: number; failStatus?: number } = {},
): Promise<{ url: string; received: ReceivedHook[]; close(): Promise<void>; server: Server }> {
  const received: ReceivedHook[] = [];
  const attempts = new Map<string, number>();
  const server = createHttpServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
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
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as { port: number }).port;
  return {
    url: `http://127.0.0.1:${port}/hook`,
    received,
    server,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

const ARROW_STREAM = 'application/vnd.apache.arrow.stream';

/** An Arrow IPC answer as the JSON route's `columns`: one plain array per column. */
export function arrowColumns(bytes: Uint8Array): Record<string, unknown[]> {
  const table = tableFromIPC(bytes);
  const out: Record<string, unknown[]> = {};
  for (const name of table.names) out[name] = Array.from(table.getChild(name).toArray() as ArrayLike<unknown>);
  return out;
}

/**
 * Posts the same columnar JSON request twice, asking for JSON and for Arrow, and checks that the
 * Arrow answer has the JSON answer's columns, in its order, with its values (a reason's value is
 * float64 in Arrow, so a boolean signal's is 1 or 0). Returns the JSON answer's columns.
 */
export async function assertArrowAnswerMatches(
  base: string,
  path: string,
  body: unknown,
): Promise<Record<string, unknown[]>> {
  const ask = (accept: string) =>
    fetch(`${base}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept },
      body: JSON.stringify(body),
    });
  const [asJson, asArrow] = await Promise.all([ask('application/json'), ask(ARROW_STREAM)]);
  assert.equal(asJson.status, 200);
  const arrowBytes = new Uint8Array(await asArrow.arrayBuffer());
  assert.equal(asArrow.status, 200, new TextDecoder().decode(arrowBytes).slice(0, 300));
  assert.equal(asArrow.headers.get('content-type'), ARROW_STREAM);
  const expected = ((await asJson.json()) as { columns: Record<string, unknown[]> }).columns;
  const got = arrowColumns(arrowBytes);
  assert.deepEqual(Object.keys(got), Object.keys(expected), `${path}: the same columns in the same order`);
  for (const [name, values] of Object.entries(expected)) {
    const want = name.endsWith('_value') ? values.map((v) => (typeof v === 'boolean' ? Number(v) : v)) : values;
    assert.deepEqual(got[name], want, `${path} ${name}`);
  }
  return expected;
}
