/**
 * Request bodies received into the kept buffer (receive.ts), over real HTTP on loopback: the bytes
 * as sent, the same buffer again for the next body, a fresh one while it is lent, Fastify's own
 * errors for a body over the limit, and a client gone mid-body leaving the buffer free. Then the
 * service: the batch routes' 413 and 400 answers are Fastify's.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { once } from 'node:events';
import { createServer as createHttpServer, request as httpRequest } from 'node:http';
import { connect } from 'node:net';
import { errorCodes } from 'fastify';
import { ReceiveBuffer, receiveBody, type Lease } from '../../src/serve/receive.js';
import { createServer } from '../../src/serve/index.js';
import { makeAccounts } from './accounts.js';

type Outcome = { err: (Error & { statusCode?: number }) | null; lease?: Lease };

/** A server receiving each body into `into` under `limit`; next() is the next body's outcome. */
async function receiver(into: ReceiveBuffer, limit: number) {
  const outcomes: Outcome[] = [];
  const waiting: ((o: Outcome) => void)[] = [];
  const server = createHttpServer((req, res) => {
    receiveBody(req, limit, into, (err, lease) => {
      const outcome = { err, lease };
      const next = waiting.shift();
      if (next) next(outcome);
      else outcomes.push(outcome);
      res.statusCode = err ? 400 : 204;
      res.end();
    });
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as { port: number };
  const next = () =>
    new Promise<Outcome>((resolve) => (outcomes.length > 0 ? resolve(outcomes.shift()!) : waiting.push(resolve)));
  return { port, next, close: () => new Promise((resolve) => server.close(resolve)) };
}

/** POSTs `parts` (with a content-length unless chunked) and waits for the answer. */
function send(port: number, parts: Buffer[], chunked = false): Promise<number> {
  const length = parts.reduce((n, p) => n + p.length, 0);
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      { host: '127.0.0.1', port, method: 'POST', headers: chunked ? {} : { 'content-length': length } },
      (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode!));
      },
    );
    req.on('error', reject);
    for (const p of parts) req.write(p);
    req.end();
  });
}

/** Sends `body` in two parts; the lease it was received into, its bytes checked. */
async function received(r: Awaited<ReturnType<typeof receiver>>, body: Buffer, chunked = false): Promise<Lease> {
  const half = body.length >> 1;
  void send(r.port, [body.subarray(0, half), body.subarray(half)], chunked);
  const { err, lease } = await r.next();
  assert.equal(err, null);
  assert.deepEqual(lease!.bytes, body);
  return lease!;
}

const bytesOf = (n: number, seed: number) => Buffer.from(Array.from({ length: n }, (_, i) => (i * 31 + seed) & 0xff));

test('a body lands in the kept buffer, the next one in the same buffer, a body meanwhile in a fresh one', async () => {
  const into = new ReceiveBuffer();
  const r = await receiver(into, 1 << 20);
  try {
    const first = await received(r, bytesOf(300_000, 1));
    assert.equal(into.lent, true);
    // while the first body is held, another gets a buffer of its own
    const second = await received(r, bytesOf(1000, 2));
    assert.notEqual(second.bytes.buffer, first.bytes.buffer);
    second.give();
    assert.equal(into.lent, true, 'a fresh buffer given back frees nothing');
    first.give();
    assert.equal(into.lent, false);
    // a smaller body next: the same buffer
    const third = await received(r, bytesOf(5000, 3));
    assert.equal(third.bytes.buffer, first.bytes.buffer);
    first.give();
    assert.equal(into.lent, true, 'a lease given back twice does not free the buffer lent since');
    third.give();
    // chunked, no content-length: the chunks copied into the buffer at the end
    (await received(r, bytesOf(200_000, 4), true)).give();
    assert.equal(into.lent, false);
  } finally {
    await r.close();
  }
});

test('a body over the limit is a 413 (by its content-length, or chunked as it arrives), the buffer left free', async () => {
  const into = new ReceiveBuffer();
  const r = await receiver(into, 10_000);
  try {
    for (const chunked of [false, true]) {
      void send(r.port, [bytesOf(6000, 5), bytesOf(6000, 6)], chunked).catch(() => undefined);
      const { err, lease } = await r.next();
      assert.ok(err instanceof errorCodes.FST_ERR_CTP_BODY_TOO_LARGE, String(err));
      assert.equal(err.statusCode, 413);
      assert.equal(lease, undefined);
      assert.equal(into.lent, false);
    }
    // exactly the limit is taken
    (await received(r, bytesOf(10_000, 7))).give();
  } finally {
    await r.close();
  }
});

test('a client gone mid-body is a 400 and leaves the buffer free, and the next body gets it', async () => {
  const into = new ReceiveBuffer();
  const r = await receiver(into, 1 << 20);
  try {
    const before = await received(r, bytesOf(100_000, 8));
    before.give();
    const socket = connect(r.port, '127.0.0.1');
    await once(socket, 'connect');
    socket.write('POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 100000\r\n\r\n');
    socket.write(bytesOf(5000, 9));
    const gone = r.next();
    // the server has begun on the body (its buffer lent) before the client goes
    while (!into.lent) await new Promise((resolve) => setImmediate(resolve));
    socket.destroy();
    const { err, lease } = await gone;
    assert.ok(err, 'an error, not a body');
    assert.equal(err.statusCode, 400);
    assert.equal(lease, undefined);
    assert.equal(into.lent, false);
    const after = await received(r, bytesOf(50_000, 10));
    assert.equal(after.bytes.buffer, before.bytes.buffer);
    after.give();
  } finally {
    await r.close();
  }
});

test('the service: a batch body over its limit or shorter than its content-length is answered as Fastify answers it', async () => {
  const app = await createServer({ scorecard: 'default', watch: false, bodyLimit: { batch: 100_000 } });
  try {
    const big = JSON.stringify({ accounts: makeAccounts(1000, 3) });
    const postJson = (url: string, payload: string, headers: Record<string, string> = {}) =>
      app.inject({ method: 'POST', url, headers: { 'content-type': 'application/json', ...headers }, payload });
    for (const url of ['/v1/score/batch', '/v1/score/columns']) {
      const over = await postJson(url, big);
      assert.equal(over.statusCode, 413, url);
      assert.deepEqual(over.json(), {
        statusCode: 413,
        error: 'Payload Too Large',
        code: 'body_too_large',
        message: new errorCodes.FST_ERR_CTP_BODY_TOO_LARGE().message,
      });
      const short = await postJson(url, '{"accounts":[]}', { 'content-length': '5' });
      assert.equal(short.statusCode, 400, url);
      assert.equal(short.headers.connection, 'close');
      assert.deepEqual(short.json(), {
        statusCode: 400,
        error: 'Bad Request',
        code: 'bad_content_length',
        message: new errorCodes.FST_ERR_CTP_INVALID_CONTENT_LENGTH().message,
      });
      // and the next body is read whole
      const ok = await postJson('/v1/score/batch', JSON.stringify({ accounts: makeAccounts(3, 4) }));
      assert.equal(ok.statusCode, 200, ok.body);
      assert.equal((ok.json() as { results: unknown[] }).results.length, 3);
    }
  } finally {
    await app.close();
  }
});
