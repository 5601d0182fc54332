#!/usr/bin/env node
// @ts-check
/**
 * Stryker's build step (run inside its sandbox): compiles only the test files of MUTATE_GROUP and
 * what they import, with the project's compiler options, instead of the whole tree. Same output
 * layout as `npm run build` (dist/test/..., dist/src/...).
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { MUTATION_GROUPS } from './mutation-groups.mjs';

const name = process.env.MUTATE_GROUP ?? '';
const group = MUTATION_GROUPS[name];
if (!group) throw new Error(`MUTATE_GROUP must be one of ${Object.keys(MUTATION_GROUPS).join(', ')}; got "${name}"`);
const config = 'tsconfig.mutation.json';
const tests = group.tests.map((t) => `test/${t}.test.ts`);
// A test that runs the real CLI (test/support/paths.ts `cliPath`) needs dist/src/cli/main.js,
// which no test imports: without it that test fails in Stryker's initial run.
const runsCli = tests.some((t) => readFileSync(t, 'utf8').includes('cliPath'));
writeFileSync(
  config,
  JSON.stringify({ extends: './tsconfig.json', include: [], files: [...tests, ...(runsCli ? ['src/cli/main.ts'] : [])] }),
);
const run = spawnSync('tsc', ['-p', config], { stdio: 'inherit', shell: false });
if (run.status !== 0) process.exit(run.status ?? 1);
// The code npm run build generates after tsc (the scorecard's standalone shape check).
const generated = spawnSync(process.execPath, ['tools/build-generated.mjs'], { stdio: 'inherit', shell: false });
process.exit(generated.status ?? 1);
