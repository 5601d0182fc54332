import { createHash, timingSafeEqual } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { UsageError } from '../util/index.js';
/**
 * Accepted API keys, held as sha256 digests: comparing fixed-length digests with
 * timingSafeEqual, over every key without an early exit, leaks neither a key's content nor
 * which key matched nor the keys' lengths through response timing.
 */
export class ApiKeys {
    digests;
    constructor(digests) {
        this.digests = digests;
    }
    /** One key per line; blank lines and lines starting with `#` are ignored. */
    static parse(text, origin = 'API key file') {
        const keys = text
            .split(/\r?\n/)
            .map((l) => l.trim())
            .filter((l) => l !== '' && !l.startsWith('#'));
        if (keys.length === 0)
            throw new UsageError(`${origin} holds no keys (one key per line; # starts a comment)`);
        return new ApiKeys(keys.map(digest));
    }
    static async fromFile(path) {
        const text = await readFile(path, 'utf8').catch((err) => {
            throw new UsageError(`--api-key-file ${path}: cannot read (${err.code ?? err.message})`);
        });
        return ApiKeys.parse(text, `--api-key-file ${path}`);
    }
    get size() {
        return this.digests.length;
    }
    accepts(candidate) {
        const d = digest(candidate);
        let match = false;
        for (const k of this.digests)
            match = timingSafeEqual(d, k) || match;
        return match;
    }
}
function digest(key) {
    return createHash('sha256').update(key, 'utf8').digest();
}
/** The key a request presents: `Authorization: Bearer <key>` or `X-API-Key: <key>`; null when none. */
export function presentedKey(headers) {
    const auth = headers['authorization'];
    if (typeof auth === 'string') {
        const m = /^Bearer[ \t]+(.+)$/i.exec(auth.trim());
        if (m)
            return m[1].trim();
    }
    const x = headers['x-api-key'];
    if (typeof x === 'string' && x.trim() !== '')
        return x.trim();
    return null;
}
//# sourceMappingURL=api-keys.js.map