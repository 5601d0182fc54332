import { randomBytes } from 'node:crypto';
import { mkdir, readdir, rename, rm, writeFile, stat } from 'node:fs/promises';
import { dirname, basename, join } from 'node:path';
/** `.<name>.<pid>.<8 hex>.tmp`: the shape of every temporary sibling, so a later run can recognise a dead one. */
const TEMP_NAME = /^\..+\.(\d+)\.[0-9a-f]{8}\.tmp$/;
/** A sibling path for a temporary file, so the final rename stays on one filesystem. */
export function tempSibling(path) {
    return join(dirname(path), `.${basename(path)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
}
/** Whether a file name is one of churnkit's temporary siblings. */
export function isTempName(name) {
    return TEMP_NAME.test(name);
}
function processAlive(pid) {
    if (pid === process.pid)
        return true;
    try {
        process.kill(pid, 0);
        return true;
    }
    catch (err) {
        // EPERM: the process exists but belongs to someone else.
        return err.code === 'EPERM';
    }
}
/**
 * Removes the temporary siblings that killed runs left in `dir` (a `simulate` killed mid-way
 * leaves a folder of spill files). A temporary whose process still runs is another run's work
 * in progress and stays. Returns the names removed.
 */
export async function sweepStaleTemps(dir) {
    let names;
    try {
        names = await readdir(dir);
    }
    catch {
        return [];
    }
    const removed = [];
    for (const name of names) {
        const m = TEMP_NAME.exec(name);
        if (!m || processAlive(Number(m[1])))
            continue;
        await rm(join(dir, name), { recursive: true, force: true });
        removed.push(name);
    }
    return removed;
}
/**
 * Writes through a temporary sibling and renames it into place: readers see the old file or
 * the whole new one, and a failed run leaves nothing behind.
 */
export async function writeFileAtomic(path, data) {
    await withAtomicFile(path, (tmp) => writeFile(tmp, data));
}
/** Lets `produce` write to a temporary path (a DuckDB COPY, say), then renames it to `path`. */
export async function withAtomicFile(path, produce) {
    await mkdir(dirname(path), { recursive: true });
    await sweepStaleTemps(dirname(path));
    const tmp = tempSibling(path);
    try {
        const result = await produce(tmp);
        await rename(tmp, path);
        return result;
    }
    catch (err) {
        await rm(tmp, { force: true, recursive: true });
        throw err;
    }
}
/**
 * Builds a whole output folder in a temporary sibling, then swaps it in. An existing folder
 * is replaced only after the new one is complete. Only for folders churnkit owns whole (a
 * TensorFlow.js export's): commands whose --out a user names go through writeOutputDir, which
 * never deletes what it did not write.
 */
export async function withAtomicDir(dir, produce) {
    await mkdir(dirname(dir), { recursive: true });
    await sweepStaleTemps(dirname(dir));
    const tmp = tempSibling(dir);
    // Stryker disable next-line BooleanLiteral,ObjectLiteral: equivalent, the parent was made just above and tmp is new
    await mkdir(tmp, { recursive: true });
    try {
        const result = await produce(tmp);
        const old = (await exists(dir)) ? tempSibling(dir) : null;
        if (old)
            await rename(dir, old);
        await rename(tmp, dir);
        // Stryker disable next-line BooleanLiteral: equivalent, `dir` was just renamed to `old`, so it exists
        if (old)
            await rm(old, { recursive: true, force: true });
        return result;
    }
    catch (err) {
        await rm(tmp, { recursive: true, force: true });
        throw err;
    }
}
export async function exists(path) {
    try {
        await stat(path);
        return true;
    }
    catch {
        return false;
    }
}
//# sourceMappingURL=atomic.js.map