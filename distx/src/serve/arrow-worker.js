/**
 * Worker thread entry of ArrowReader (arrow.ts): decodes one Arrow body at a time off the event
 * loop and posts back the request object it stands for, or the 400 that says why it has none.
 */
import { parentPort } from 'node:worker_threads';
import { columnsRequestFromArrow } from './arrow.js';
import { HttpError } from './http-error.js';
parentPort.on('message', (body) => {
    try {
        parentPort.postMessage({ request: columnsRequestFromArrow(body) });
    }
    catch (err) {
        const e = err instanceof HttpError
            ? err
            : new HttpError(400, 'malformed_arrow', `the Arrow body could not be read (${err.message})`);
        parentPort.postMessage({ error: { statusCode: e.statusCode, code: e.code, message: e.message, field: e.field } });
    }
});
//# sourceMappingURL=arrow-worker.js.map