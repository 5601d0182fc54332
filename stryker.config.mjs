// @ts-check
/**
 * Mutation testing (issue 23): StrykerJS with its tap runner, one run per module group.
 *
 * `npm run mutate` (tools/mutate.mjs) runs the groups below one after another, each with its own
 * incremental file, so re-running after a change re-tests only the mutants whose code or covering
 * tests changed. MUTATE_GROUP picks the group this config describes. See docs/testing.md.
 *
 * Why the tap runner: it runs each compiled test file as its own process and records which files
 * reach which mutant, so a mutant is tested by the few files that cover it (the command runner
 * would re-run the whole command for every mutant: no per-test coverage).
 */
import { MUTATION_GROUPS } from './tools/mutation-groups.mjs';

const name = process.env.MUTATE_GROUP ?? '';
const group = MUTATION_GROUPS[name];
if (!group) {
  throw new Error(`MUTATE_GROUP must be one of ${Object.keys(MUTATION_GROUPS).join(', ')}; got "${name}"`);
}

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  testRunner: 'tap',
  plugins: ['@stryker-mutator/tap-runner'],
  tap: {
    testFiles: group.tests.map((t) => `dist/test/${t}.test.js`),
    // Node 20 prints TAP when stdout is not a terminal; said explicitly so a newer Node does too.
    nodeArgs: ['--test-reporter=tap'],
  },
  // The sandbox is compiled once (only the group's tests and what they import); every mutant is
  // switched on at run time by an environment variable (mutant schemata), so none needs a build.
  buildCommand: 'node tools/mutation-build.mjs',
  // Stryker rewrites a tsconfig's `extends`/`references` through TypeScript's JavaScript API,
  // which TypeScript 7 (the native compiler) no longer has. Ours has neither, so point the
  // rewrite at a file that does not exist and it is skipped.
  tsconfigFile: 'tsconfig.stryker-none.json',
  mutate: group.mutate,
  coverageAnalysis: 'perTest',
  incremental: true,
  incrementalFile: `reports/mutation/${name}.incremental.json`,
  concurrency: Number(process.env.MUTATE_CONCURRENCY ?? 2),
  // The machine is shared and loaded; a mutant that loops forever still ends by this budget.
  timeoutMS: 10000,
  reporters: ['html', 'progress-append-only', 'clear-text'],
  htmlReporter: { fileName: `reports/mutation/${name}.html` },
  clearTextReporter: { allowEmojis: false, logTests: false, reportMutants: false, reportScoreTable: true },
  thresholds: { high: 90, low: 85, break: null },
  ignorePatterns: ['dist', 'reports', 'bench/data', 'data/demo', 'data/demo-features', 'models/demo', 'notebooks'],
  tempDirName: '.stryker-tmp',
  cleanTempDir: 'always',
};
