import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
/** SHA-256 of every file in a folder, by name in sorted order: "same bytes" in one comparison. */
export async function digests(dir) {
    const out = new Map();
    for (const name of (await readdir(dir)).sort())
        out.set(name, createHash('sha256')
            .update(await readFile(join(dir, name)))
            .digest('hex'));
    return out;
}
//# sourceMappingURL=digests.js.map