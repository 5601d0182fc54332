/**
 * What `npm install churnkit` gives a user: the tarball holds what users run (the compiled
 * library and CLI, the shipped scorecard and schemas, the docs) and nothing of the workshop
 * (tests, benches, notebooks, fixtures); the entry points are a small, explicit API.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import test from 'node:test';
import { repoRoot, tempDir } from './support/paths.js';

interface PackedFile {
  path: string;
  size: number;
}

const manifest = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8'));

test('the packed tarball holds what users run, nothing of tests, benches or notebooks, and stays under 2 MB', () => {
  const r = spawnSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: repoRoot, encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
  const [pack] = JSON.parse(r.stdout) as [{ size: number; files: PackedFile[] }];
  const paths = new Set(pack.files.map((f) => f.path));
  for (const needed of [
    'package.json',
    'README.md',
    'LICENSE',
    'dist/src/cli/main.js',
    'dist/src/index.js',
    'dist/src/index.d.ts',
    'dist/src/learn/gbdt/worker.js',
    'dist/src/app/web/main.js',
    'models/default-scorecard.json',
    'models/presets/business-health.json',
    'models/scorecard.schema.json',
    'models/model.schema.json',
    'docs/cli.md',
  ])
    assert.ok(paths.has(needed), `the tarball lacks ${needed}`);
  const workshop = [...paths].filter((p) =>
    /^(test|bench|notebooks|tools|reports|data|dist\/test|dist\/bench)\/|fixtures|\.test\.|\.map$|write-schema/.test(p),
  );
  assert.deepEqual(workshop, []);
  // Every target the manifest names is in the tarball: the bin, and each export's files.
  const targets = [
    manifest.bin.churnkit,
    ...Object.values(manifest.exports as Record<string, string | Record<string, string>>).flatMap((t) =>
      typeof t === 'string' ? [t] : Object.values(t),
    ),
  ].filter((t) => !t.includes('*'));
  for (const target of targets) assert.ok(paths.has(target.replace(/^\.\//, '')), `${target} is not packed`);
  assert.ok(pack.size < 2_000_000, `the tarball is ${pack.size} bytes`);
});

test('the public entry points are short lists, and internals stay inside', async () => {
  const root = await import('../src/index.js');
  const names = Object.keys(root);
  assert.ok(names.length >= 30 && names.length <= 60, `churnkit exports ${names.length} names`);
  for (const internal of ['quoteIdent', 'exec', 'sigmoid', 'openDuckDB', 'pointsColumn', 'Counter'])
    assert.ok(!names.includes(internal), `churnkit exports ${internal}`);
  for (const promised of ['openHistory', 'buildFeatures', 'trainModel', 'loadModel', 'runBacktest', 'scoreAccount'])
    assert.equal(typeof root[promised as keyof typeof root], 'function', promised);
});

test('churnkit/scorecard scores without loading DuckDB, the model stack or Fastify; churnkit/serve serves', async () => {
  const preload = join(repoRoot, 'dist', 'test', 'support', 'loaded-packages.js');
  const { dir, cleanup } = await tempDir();
  const record = join(dir, 'loaded.txt');
  // Imported by the package's own name, so the manifest's `exports` map is what resolves it.
  const script = `
    const { loadScorecard, scoreAccount } = await import('churnkit/scorecard');
    const card = await loadScorecard('default');
    const r = scoreAccount(card, { usage_trend_14d: -0.5, zero_usage_14d: true });
    const { createServer } = await import('churnkit/serve');
    process.stdout.write(JSON.stringify({ score: r.score, band: r.band, serve: typeof createServer }));`;
  const r = spawnSync(process.execPath, ['--input-type=module', '-e', script], { cwd: repoRoot, encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
  assert.deepEqual(JSON.parse(r.stdout), { score: 10, band: 'RED', serve: 'function' });
  const scorecardOnly = spawnSync(
    process.execPath,
    ['--import', preload, '--input-type=module', '-e', "await import('churnkit/scorecard')"],
    { cwd: repoRoot, encoding: 'utf8', env: { ...process.env, CHURNKIT_LOADED_PACKAGES: record } },
  );
  assert.equal(scorecardOnly.status, 0, scorecardOnly.stderr);
  const loaded = readFileSync(record, 'utf8').split('\n');
  for (const heavy of ['@duckdb/node-api', '@tensorflow/tfjs', 'fastify', 'vega'])
    assert.ok(!loaded.includes(heavy), `churnkit/scorecard loaded ${heavy}`);
  assert.ok(loaded.includes('zod'), 'the preload recorded nothing');
  await cleanup();
});
