import { randomBytes } from 'node:crypto';
import { mkdir, readdir, rename, rm, writeFile, stat } from 'node:fs/promises';
import { dirname, basename, join } from 'node:path';

/** `.<name>.<pid>.<8 hex>.tmp`: the shape of every temporary sibling, so a later run can recognise a dead one. */
const TEMP_NAME = /^\..+\.(\d+)\.[0-9a-f]{8}\.tmp$/;

/** A sibling path for a temporary file, so the final rename stays on one filesystem. */
export function tempSibling(path: string): string {
  return join(dirname(path), `.${basename(path)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
}

/** Whether a file name is one of churnkit's temporary siblings. */
export function isTempName(name: string): boolean {
  return TEMP_NAME.test(name);
}

function processAlive(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    // EPERM: the process exists but belongs to someone else.
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Removes the temporary siblings that killed runs left in `dir` (a `simulate` killed mid-way
 * leaves a folder of spill files). A temporary whose process still runs is another run's work
 * in progress and stays. Returns the names removed.
 */
export async function sweepStaleTemps(dir: string): Promise<string[]> {
  let names: string[];
  try {
    names = await readdir(dir);
  } catch {
    return [];
  }
  const removed: string[] = [];
  for (const name of names) {
    const m = TEMP_NAME.exec(name);
    if (!m || processAlive(Number(m[1]))) continue;
    await rm(join(dir, name), { recursive: true, force: true });
    removed.push(name);
  }
  return removed;
}

/**
 * Writes through a temporary sibling and renames it into place: readers see the old file or
 * the whole new one, and a failed run leaves nothing behind.
 */
export async function writeFileAtomic(path: string, data: string | Uint8Array): Promise<void> {
  await withAtomicFile(path, (tmp) => writeFile(tmp, data));
}

/** Lets `produce` write to a temporary path (a DuckDB COPY, say), then renames it to `path`. */
export async function withAtomicFile<T>(path: string, produce: (tmpPath: string) => Promise<T>): Promise<T> {
  await mkdir(dirname(path), { recursive: true });
  await sweepStaleTemps(dirname(path));
  const tmp = tempSibling(path);
  try {
    const result = await produce(tmp);
    await rename(tmp, path);
    return result;
  } catch (err) {
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
export async function withAtomicDir<T>(dir: string, produce: (tmpDir: string) => Promise<T>): Promise<T> {
  await mkdir(dirname(dir), { recursive: true });
  await sweepStaleTemps(dirname(dir));
  const tmp = tempSibling(dir);
  // Stryker disable next-line BooleanLiteral,ObjectLiteral: equivalent, the parent was made just above and tmp is new
  await mkdir(tmp, { recursive: true });
  try {
    const result = await produce(tmp);
    const old = (await exists(dir)) ? tempSibling(dir) : null;
    if (old) await rename(dir, old);
    await rename(tmp, dir);
    // Stryker disable next-line BooleanLiteral: equivalent, `dir` was just renamed to `old`, so it exists
    if (old) await rm(old, { recursive: true, force: true });
    return result;
  } catch (err) {
    await rm(tmp, { recursive: true, force: true });
    throw err;
  }
}

export async function exists(path: string): Promise<boolean> {
  try {
    await stat(path);
    return true;
  } catch {
    return false;
  }
}
