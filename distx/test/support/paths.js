import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
/** The repository root, from a compiled test in dist/test/<area>/. */
export const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));
/** The compiled CLI entry point. */
export const cliPath = join(repoRoot, 'dist', 'src', 'cli', 'main.js');
/** A committed fixture file: test/fixtures/<area>/<name>. */
export function fixture(area, name) {
    return join(repoRoot, 'test', 'fixtures', area, name);
}
/** A fresh temporary folder, removed by the returned cleanup. */
export async function tempDir(prefix = 'churnkit-test-') {
    const dir = await mkdtemp(join(tmpdir(), prefix));
    return { dir, cleanup: () => rm(dir, { recursive: true, force: true }) };
}
//# sourceMappingURL=paths.js.map