/**
 * Worker thread entry of ArrowReader (arrow.ts): decodes one Arrow body at a time off the event
 * loop and posts back what it stands for (the request object and its number columns), or the 400
 * that says why it has none.
 */
import { parentPort } from 'node:worker_threads';
import { columnsRequestFromArrow } from './arrow.js';
import { HttpError } from './http-error.js';

parentPort!.on('message', (body: Uint8Array) => {
  try {
    const read = columnsRequestFromArrow(body);
    // The number columns are moved, not copied: their buffers are this thread's own.
    parentPort!.postMessage(
      { read },
      Object.values(read.numbers).map((v) => v.buffer),
    );
  } catch (err) {
    const e =
      err instanceof HttpError
        ? err
        : new HttpError(400, 'malformed_arrow', `the Arrow body could not be read (${(err as Error).message})`);
    parentPort!.postMessage({ error: { statusCode: e.statusCode, code: e.code, message: e.message, field: e.field } });
  }
});
