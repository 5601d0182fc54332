/**
 * A large answer as the pieces it was written in, sent as they are. A 10,000-account answer is
 * 3-7 MB; joining its pieces into one buffer costs a fresh buffer of that size per request (its
 * allocation and the first touch of its pages, slow on a busy machine) and a copy, where the
 * socket takes the pieces in one writev.
 *
 * Text is written into chunks kept from one answer to the next: a chunk goes back to the pool
 * once the answer it carried has been handed to the socket, so the next answer writes into pages
 * already touched, where a buffer per piece (Buffer.from) was memory the allocator had to find,
 * and often fresh pages, every request.
 */
import { Readable } from 'node:stream';
import type { FastifyReply } from 'fastify';

/** A pooled chunk's size: big enough for a JSON slice of 1,000 sentences (about 70 KB) many times over. */
const CHUNK_BYTES = 256 * 1024;
/** Chunks the pool keeps (16 MiB): a few answers in flight at once. */
const POOL_MOST = 64;
const pool: Buffer[] = [];

/**
 * From this size a buffer written is a piece of the answer as it is; a smaller one (an Arrow
 * message header or padding, a comma) is copied into the current chunk. Each piece is a write to
 * the socket of its own: a 10,000-row Arrow answer was some 200 of them, most under a hundred bytes.
 */
const OWN_PIECE_BYTES = 16 * 1024;

/** Bytes in pieces; also a flechette IPC sink (write, finish). */
export class Pieces {
  readonly #pieces: Uint8Array[] = [];
  /** The pooled chunks this answer writes into, returned by release(). */
  readonly #chunks: Buffer[] = [];
  #chunk: Buffer | null = null;
  /** Where the current chunk's bytes not yet cut into a piece begin, and where they end. */
  #from = 0;
  at = 0;
  byteLength = 0;

  /** The pieces, in order (the text written last included). */
  get pieces(): readonly Uint8Array[] {
    this.#cut();
    return this.#pieces;
  }

  write(bytes: Uint8Array): void {
    if (bytes.byteLength < OWN_PIECE_BYTES) {
      this.room(bytes.byteLength).set(bytes, this.at);
      this.advance(this.at + bytes.byteLength);
      return;
    }
    this.#cut();
    this.#pieces.push(bytes);
    this.byteLength += bytes.byteLength;
  }

  // flechette's Sink type asks for pad(); its encoder writes zeros through write()
  pad(byteCount: number): void {
    this.write(new Uint8Array(byteCount));
  }

  // flechette's encoder returns what finish() returns; the pieces are the answer.
  finish(): null {
    return null;
  }

  /** Text as UTF-8. */
  text(text: string): void {
    const chunk = this.#chunk;
    if (chunk !== null && this.at + text.length <= chunk.length) {
      const written = chunk.write(text, this.at);
      // write() stops before a character that does not fit (4 bytes at most): whole if 4 are left,
      // else if the text's UTF-8 is just that long
      if (chunk.length - this.at - written >= 4 || Buffer.byteLength(text) === written) {
        this.advance(this.at + written);
        return;
      }
    }
    const next = this.room(Buffer.byteLength(text));
    this.advance(this.at + next.write(text, this.at));
  }

  /** One byte (an ASCII character's code). */
  byte(code: number): void {
    const chunk = this.room(1);
    chunk[this.at] = code;
    this.advance(this.at + 1);
  }

  /**
   * The chunk to write at least `bytes` bytes into from `at`, then advance() past what was written
   * (for writers that put bytes in place). A request larger than a chunk gets a buffer of its own.
   */
  room(bytes: number): Buffer {
    const chunk = this.#chunk;
    if (chunk !== null && this.at + bytes <= chunk.length) return chunk;
    this.#cut();
    const next = bytes <= CHUNK_BYTES ? (pool.pop() ?? Buffer.allocUnsafeSlow(CHUNK_BYTES)) : Buffer.allocUnsafe(bytes);
    if (next.length === CHUNK_BYTES) this.#chunks.push(next);
    this.#chunk = next;
    this.#from = 0;
    this.at = 0;
    return next;
  }

  /** The bytes of the current chunk up to `end` are written. */
  advance(end: number): void {
    this.byteLength += end - this.at;
    this.at = end;
  }

  /** This answer's chunks back to the pool: only once its bytes are no longer read. */
  release(): void {
    for (const chunk of this.#chunks.splice(0)) if (pool.length < POOL_MOST) pool.push(chunk);
    this.#chunk = null;
  }

  #cut(): void {
    if (this.#chunk !== null && this.at > this.#from) {
      this.#pieces.push(this.#chunk.subarray(this.#from, this.at));
      this.#from = this.at;
    }
  }
}

/** Below this, one buffer is cheaper than a stream. */
const STREAM_FROM_BYTES = 64 * 1024;

/**
 * The body of a reply: the pieces, one after the other, with their content length. Their pooled
 * chunks go back once the response has been handed to the socket ('finish'); a response cut short
 * leaves them to the garbage collector.
 */
export function sendPieces(reply: FastifyReply, bytes: Pieces, contentType: string): Buffer | Readable {
  reply.type(contentType);
  if (bytes.byteLength < STREAM_FROM_BYTES) {
    const one = Buffer.concat(bytes.pieces, bytes.byteLength);
    bytes.release();
    return one;
  }
  reply.header('content-length', bytes.byteLength);
  reply.raw.once('finish', () => bytes.release());
  return Readable.from(bytes.pieces, { objectMode: false });
}
