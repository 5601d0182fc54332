import { createReadStream } from 'node:fs';
import { Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGunzip } from 'node:zlib';
/** Whether a path names a gzip-compressed file. */
export function isGzipPath(path) {
    return /\.gz$/i.test(path);
}
const ZLIB_PROBLEMS = {
    Z_BUF_ERROR: 'the file is cut short (its gzip trailer is missing)',
    Z_DATA_ERROR: 'the compressed data is corrupt',
};
/**
 * Decompresses a whole gzip file to nowhere, which checks every member's CRC-32 and length
 * trailer: DuckDB's reader stops quietly at a cut, so a truncated export would otherwise read
 * as fewer rows with no error. Null when the file is whole, else what is wrong.
 */
export async function gzipProblem(path) {
    const sink = new Writable({ write: (_chunk, _enc, done) => done() });
    try {
        await pipeline(createReadStream(path), createGunzip(), sink);
        return null;
    }
    catch (err) {
        const e = err;
        const why = e.message.replace(/^[a-z ]*error: /i, '');
        if (/incorrect header check/.test(why))
            return 'not gzip data (incorrect header check)';
        if (/incorrect data check/.test(why))
            return 'the CRC-32 check fails: the file is damaged';
        if (/incorrect length check/.test(why))
            return 'the length check fails: the file is damaged';
        if (/unexpected end of file/.test(why))
            return ZLIB_PROBLEMS['Z_BUF_ERROR'];
        return (e.code && ZLIB_PROBLEMS[e.code]) ?? why;
    }
}
//# sourceMappingURL=compressed.js.map