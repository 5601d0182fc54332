/**
 * JSON request bodies received into a buffer kept from one request to the next. Fastify's own
 * reader joins a body's chunks into a fresh buffer every request (Buffer.concat): 5.4 MB for
 * 10,000 accounts as objects, and the first touch of a fresh buffer's pages costs this machine
 * more than reading the JSON in them. Here the chunks are copied into one buffer lent to one
 * request at a time (a request that comes while it is lent gets a fresh one) and given back once
 * nothing reads it.
 *
 * What a client sees is what Fastify's reader answers: 413 for a body over the route's limit (by
 * its content-length, or as it arrives), 400 for a body whose length is not its content-length, a
 * stream error (the client gone mid-body) as a 400, each with Fastify's own error.
 */
import type { IncomingMessage } from 'node:http';
import { errorCodes } from 'fastify';

/** A buffer lent to one request; give() hands it back (the first call; later calls do nothing). */
export interface Lease {
  readonly bytes: Buffer;
  give(): void;
}

/** The kept buffer, lent to one request at a time. */
export class ReceiveBuffer {
  #kept: Buffer | null = null;
  #lent = false;

  /** Whether the kept buffer is lent now. */
  get lent(): boolean {
    return this.#lent;
  }

  /**
   * `size` bytes to write into: the kept buffer when it is not lent (a larger one in its place when
   * it is too small); a fresh one, not kept, when it is.
   */
  take(size: number): Lease {
    if (this.#lent) return { bytes: Buffer.allocUnsafeSlow(size), give() {} };
    if (this.#kept === null || this.#kept.length < size) this.#kept = Buffer.allocUnsafeSlow(size);
    this.#lent = true;
    let held = true;
    return {
      bytes: this.#kept.subarray(0, size),
      give: () => {
        if (!held) return;
        held = false;
        this.#lent = false;
      },
    };
  }
}

type Done = (err: Error | null, lease?: Lease) => void;

/**
 * Reads a request's body into `into` (as Fastify's reader does, see above) and calls back with
 * its lease, or with Fastify's error (the buffer then given back).
 */
export function receiveBody(payload: IncomingMessage, limit: number, into: ReceiveBuffer, done: Done): void {
  const declared = Number(payload.headers['content-length']);
  if (declared > limit) {
    done(new errorCodes.FST_ERR_CTP_BODY_TOO_LARGE());
    return;
  }
  // with a content-length, straight into the buffer; chunked, the chunks kept and copied at the end
  let lease = Number.isNaN(declared) ? null : into.take(declared);
  const chunks: Buffer[] = [];
  let received = 0;
  const stop = () => {
    payload.removeListener('data', onData);
    payload.removeListener('end', onEnd);
    payload.removeListener('error', onEnd);
  };
  const fail = (err: Error) => {
    stop();
    lease?.give();
    done(err);
  };
  function onData(chunk: Buffer): void {
    const at = received;
    received += chunk.length;
    if (received > limit) fail(new errorCodes.FST_ERR_CTP_BODY_TOO_LARGE());
    else if (lease === null) chunks.push(chunk);
    // past the content-length: counted (a 400 at the end), not kept
    else if (received <= lease.bytes.length) chunk.copy(lease.bytes, at);
  }
  function onEnd(err?: Error & { statusCode?: number }): void {
    if (err) {
      if (!(typeof err.statusCode === 'number' && err.statusCode >= 400)) err.statusCode = 400;
      fail(err);
      return;
    }
    if (!Number.isNaN(declared) && received !== declared) {
      fail(new errorCodes.FST_ERR_CTP_INVALID_CONTENT_LENGTH());
      return;
    }
    stop();
    if (lease === null) {
      lease = into.take(received);
      let at = 0;
      for (const chunk of chunks) at += chunk.copy(lease.bytes, at);
    }
    done(null, lease);
  }
  payload.on('data', onData);
  payload.on('end', onEnd);
  payload.on('error', onEnd);
  payload.resume();
}
