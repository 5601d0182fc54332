import { mkdtemp, rm } from 'node:fs/promises';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { quoteLiteral } from '../data/index.js';
import { UsageError } from '../util/index.js';
export const DEFAULT_MEMORY_LIMIT = '2.5GB';
const MEMORY = /^\d+(\.\d+)?\s*(B|KB|MB|GB|TB|KiB|MiB|GiB|TiB)$/i;
/** Applies the options; returns a cleanup that removes the spill folder. */
export async function configureEngine(conn, options = {}) {
    const threads = options.threads ?? availableParallelism();
    if (!Number.isInteger(threads) || threads < 1)
        throw new UsageError(`--threads must be a positive whole number, got ${threads}`);
    const memory = options.memoryLimit ?? DEFAULT_MEMORY_LIMIT;
    if (!MEMORY.test(memory.trim()))
        throw new UsageError(`--memory-limit must look like 2.5GB or 800MB, got "${memory}"`);
    // A private spill folder: an in-memory DuckDB would otherwise spill into ./.tmp of the caller.
    const spill = await mkdtemp(join(tmpdir(), 'churnkit-duckdb-'));
    await conn.run(`SET threads = ${threads}`);
    await conn.run(`SET memory_limit = ${quoteLiteral(memory.trim())}`);
    await conn.run(`SET temp_directory = ${quoteLiteral(spill)}`);
    await conn.run(`SET preserve_insertion_order = true`);
    return () => rm(spill, { recursive: true, force: true });
}
//# sourceMappingURL=engine.js.map