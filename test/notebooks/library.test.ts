/**
 * src/index.ts is churnkit as a library (the notebooks' way in): every name an area's index
 * exports is there, as the same object, unless it is left out on purpose below.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { repoRoot } from '../support/paths.js';

const LEFT_OUT: Record<string, string> = {};
/** Areas that serve the others and are not churnkit's library API. */
const INTERNAL_AREAS: Record<string, string> = {
  util: 'errors, atomic writes, dates and progress for the other areas',
};

test('the library exports every area index', async () => {
  const src = join(repoRoot, 'dist', 'src');
  const library = (await import(pathToFileURL(join(src, 'index.js')).href)) as Record<string, unknown>;
  const areas = readdirSync(src).filter((a) => existsSync(join(src, a, 'index.js')) && !(a in INTERNAL_AREAS));
  assert.ok(areas.length >= 9, `areas with an index: ${areas.join(', ')}`);
  const missing: string[] = [];
  for (const area of areas) {
    const mod = (await import(pathToFileURL(join(src, area, 'index.js')).href)) as Record<string, unknown>;
    for (const [name, value] of Object.entries(mod)) {
      if (library[name] !== value && !(`${area}.${name}` in LEFT_OUT)) missing.push(`${area}.${name}`);
    }
  }
  assert.deepEqual(
    missing,
    [],
    'exported by an area but not by src/index.ts (add it there, or to LEFT_OUT with a reason)',
  );
});
