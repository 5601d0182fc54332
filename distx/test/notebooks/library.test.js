/**
 * The notebooks use churnkit as a library through `ck`, their toolbox (notebooks/lib/demo.mjs:
 * the public API plus the chart specs and DuckDB helpers an analyst draws with). Every name a
 * notebook or the toolbox's own helpers call on it must be there, or the notebook fails only
 * when Jupyter runs it.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { repoRoot } from '../support/paths.js';
test('every name the notebooks call on ck is in their toolbox', async () => {
    const dir = join(repoRoot, 'notebooks');
    const sources = readdirSync(dir)
        .filter((f) => f.endsWith('.ipynb'))
        .flatMap((f) => JSON.parse(readFileSync(join(dir, f), 'utf8')).cells
        .filter((c) => c.cell_type === 'code')
        .map((c) => c.source.join('')));
    sources.push(readFileSync(join(dir, 'lib', 'demo.mjs'), 'utf8'));
    const used = new Set(sources.flatMap((s) => [...s.matchAll(/\bck\.(\w+)/g)].map((m) => m[1])));
    assert.ok(used.size >= 20, `the notebooks call ${used.size} names`);
    const { toolbox } = await import(pathToFileURL(join(dir, 'lib', 'demo.mjs')).href);
    const ck = (await toolbox());
    assert.deepEqual([...used].filter((name) => ck[name] === undefined).sort(), []);
});
//# sourceMappingURL=library.test.js.map