/**
 * A large answer as the pieces it was written in, sent as they are. A 10,000-account answer is
 * 3-7 MB; joining its pieces into one buffer costs a fresh buffer of that size per request (its
 * allocation and the first touch of its pages, slow on a busy machine) and a copy, where the
 * socket takes the pieces in one writev.
 */
import { Readable } from 'node:stream';
import type { FastifyReply } from 'fastify';

/** Bytes in pieces; also a flechette IPC sink (write, pad, finish). */
export class Pieces {
  readonly pieces: Uint8Array[] = [];
  byteLength = 0;

  write(bytes: Uint8Array): void {
    this.pieces.push(bytes);
    this.byteLength += bytes.byteLength;
  }

  pad(byteCount: number): void {
    this.write(new Uint8Array(byteCount));
  }

  // flechette's encoder returns what finish() returns; the pieces are the answer.
  finish(): null {
    return null;
  }
}

/** Below this, one buffer is cheaper than a stream. */
const STREAM_FROM_BYTES = 64 * 1024;

/** The body of a reply: the pieces, one after the other, with their content length. */
export function sendPieces(reply: FastifyReply, bytes: Pieces, contentType: string): Buffer | Readable {
  reply.type(contentType);
  if (bytes.byteLength < STREAM_FROM_BYTES) return Buffer.concat(bytes.pieces, bytes.byteLength);
  reply.header('content-length', bytes.byteLength);
  return Readable.from(bytes.pieces, { objectMode: false });
}
