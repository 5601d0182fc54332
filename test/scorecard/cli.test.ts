import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFile, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { cliPath, repoRoot, tempDir } from '../support/paths.js';
import { loadFrame } from '../../src/data/frame.js';
import {
  loadScorecard,
  parseScorecard,
  scoreAccount,
  type Signals,
  type SignalValue,
} from '../../src/scorecard/index.js';
import { describeValue, scoreForPeople } from '../../src/catalogue/index.js';
import { frameCsv, syntheticFeatureTable } from './synthetic.js';

function churnkit(...args: string[]) {
  const r = spawnSync(process.execPath, [cliPath, ...args], { encoding: 'utf8', cwd: repoRoot });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const { dir, cleanup } = await tempDir('churnkit-scorecard-');
test.after(cleanup);

const frame = syntheticFeatureTable({ accounts: 400, months: 14, seed: 4, layers: { usage: 2 } });
const featuresCsv = join(dir, 'features.csv');
await writeFile(featuresCsv, frameCsv(frame));

test("score --features writes the documented columns row for row, with the scorer's numbers and score_change", async () => {
  const small = syntheticFeatureTable({ accounts: 3, months: 3, seed: 8 });
  // shuffle the row order: output follows input, score_change follows as_of
  const order = [4, 0, 8, 2, 6, 1, 3, 5, 7];
  const shuffled = {
    ...small,
    columns: Object.fromEntries(
      Object.entries(small.columns).map(([k, c]) => [
        k,
        c instanceof Float64Array ? Float64Array.from(order, (i) => c[i]!) : order.map((i) => c[i]!),
      ]),
    ),
  };
  const input = join(dir, 'small.csv');
  await writeFile(input, frameCsv(shuffled));
  const out = join(dir, 'scores.csv');
  const r = churnkit('score', '--scorecard', 'default', '--features', input, '--out', out, '--json');
  assert.equal(r.code, 0, r.stderr);
  const summary = JSON.parse(r.stdout);
  assert.equal(summary.rows, 9);
  const scores = await loadFrame(out);
  assert.deepEqual(scores.names, [
    'account_id',
    'as_of',
    'score',
    'band',
    'probability',
    'layer_usage',
    'layer_engagement',
    'layer_relationship',
    'layer_outcome',
    'overrides',
    'reasons',
    'escalate',
    'score_change',
    'status',
    'coverage',
    'missing',
    'warnings',
    ...[1, 2, 3].flatMap((k) => [`reason_${k}`, `reason_${k}_value`, `reason_${k}_text`]),
  ]);
  assert.deepEqual(scores.columns['account_id'], shuffled.columns['account_id']);
  const card = await loadScorecard('default');
  const byKey = new Map<string, number>();
  for (let i = 0; i < 9; i++) {
    const signals: Signals = {};
    for (const name of shuffled.names) signals[name] = shuffled.columns[name]![i] as SignalValue;
    const ref = scoreAccount(card, signals);
    // CSV is for people: one decimal
    assert.equal((scores.columns['score'] as Float64Array)[i]!, scoreForPeople(ref.score));
    assert.equal((scores.columns['status'] as string[])[i], ref.status);
    assert.equal((scores.columns['reason_1'] as (string | null)[])[i] ?? null, ref.reasons[0] ?? null);
    if (ref.reasons[0])
      assert.equal(
        (scores.columns['reason_1_text'] as string[])[i],
        describeValue(ref.reasons[0], signals[ref.reasons[0]] ?? null),
      );
    assert.equal((scores.columns['band'] as string[])[i], ref.band);
    assert.equal((scores.columns['reasons'] as string[])[i] ?? '', ref.reasons.join(','));
    assert.equal((scores.columns['overrides'] as string[])[i] ?? '', ref.overrides.join(','));
    byKey.set(`${signals['account_id']}|${signals['as_of']}`, ref.score);
  }
  const change = scores.columns['score_change'] as Float64Array;
  for (let i = 0; i < 9; i++) {
    const account: string = (scores.columns['account_id'] as string[])[i]!;
    const asOf = (scores.columns['as_of'] as string[])[i]!;
    const month = Number(asOf.slice(5, 7));
    if (month === 1) assert.ok(Number.isNaN(change[i]!), 'first as_of of an account has no change');
    else {
      const prev = `${asOf.slice(0, 5)}${String(month - 1).padStart(2, '0')}-01`;
      const exact: number = byKey.get(`${account}|${asOf}`)! - byKey.get(`${account}|${prev}`)!;
      assert.equal(change[i]!, scoreForPeople(exact));
    }
  }
});

test('score from a history folder at --as-of, and as Parquet', async () => {
  const out = join(dir, 'hand.parquet');
  const r = churnkit(
    'score',
    '--scorecard',
    'default',
    '--data',
    join(repoRoot, 'test/fixtures/features/hand'),
    '--as-of',
    '2024-03-01',
    '--out',
    out,
    '--json',
  );
  assert.equal(r.code, 0, r.stderr);
  const scores = await loadFrame(out);
  assert.ok(scores.n > 0);
  assert.ok((scores.columns['as_of'] as string[]).every((d) => d === '2024-03-01'));
  assert.equal(JSON.parse(r.stdout).as_of, '2024-03-01');
});

test('score refuses bad flags and broken scorecards without writing anything', async () => {
  const out = join(dir, 'never.csv');
  let r = churnkit('score', '--scorecard', 'default', '--features', featuresCsv, '--data', dir, '--out', out);
  assert.equal(r.code, 64, r.stderr);
  assert.match(r.stderr, /exactly one of --features FILE or --data DIR/);
  const broken = JSON.parse(await readFile(join(repoRoot, 'models/default-scorecard.json'), 'utf8'));
  broken.layers[1].signals[0].weight = 0.9;
  const brokenPath = join(dir, 'broken.json');
  await writeFile(brokenPath, JSON.stringify(broken));
  r = churnkit('score', '--scorecard', brokenPath, '--features', featuresCsv, '--out', out);
  assert.equal(r.code, 2, r.stderr);
  assert.match(
    r.stderr,
    /broken\.json: scorecard layers\[1\]\.signals: layer engagement signal weights sum to 1\.45, not 1/,
  );
  const partial = join(dir, 'partial.csv');
  await writeFile(partial, 'account_id,as_of,usage_trend_14d\nA1,2024-01-01,0.2\n');
  r = churnkit('score', '--scorecard', 'default', '--features', partial, '--out', out);
  assert.equal(r.code, 2, r.stderr);
  assert.match(r.stderr, /table .*partial\.csv, column \w+: is not in the table, and the scorecard reads it/);
  // DuckDB starts while the card is checked; a broken card is still the error named, not the table
  r = churnkit('score', '--scorecard', brokenPath, '--features', partial, '--out', out);
  assert.equal(r.code, 2, r.stderr);
  assert.match(r.stderr, /broken\.json: scorecard layers\[1\]\.signals: /);
  assert.equal(r.stderr.trim().split('\n').length, 1, r.stderr);
  r = churnkit('score', '--scorecard', 'default', '--features', featuresCsv, '--out', join(dir, 'scores.xlsx'));
  assert.equal(r.code, 64, r.stderr);
  assert.ok(
    !(await readdir(dir)).some((f) => f.startsWith('never') || f.startsWith('scores.xlsx') || f.endsWith('.tmp')),
  );
});

test('calibrate writes the scorecard and its fidelity and override reports, all or nothing', async () => {
  const out = join(dir, 'cal', 'scorecard.json');
  const r = churnkit('calibrate', '--features', featuresCsv, '--out', out, '--bootstrap', '10', '--json');
  assert.equal(r.code, 0, r.stderr);
  const summary = JSON.parse(r.stdout);
  assert.equal(summary.layers[0].name, 'usage');
  const files = (await readdir(join(dir, 'cal'))).sort();
  assert.deepEqual(files, [
    'scorecard.fidelity.json',
    'scorecard.fidelity.md',
    'scorecard.json',
    'scorecard.overrides.json',
    'scorecard.overrides.md',
  ]);
  const card = parseScorecard(JSON.parse(await readFile(out, 'utf8')));
  assert.equal(card.provenance.source, 'calibrate');
  const fidelity = JSON.parse(await readFile(join(dir, 'cal', 'scorecard.fidelity.json'), 'utf8'));
  assert.equal(fidelity.auc.calibrated, summary.auc.calibrated);
  assert.match(await readFile(join(dir, 'cal', 'scorecard.overrides.md'), 'utf8'), /\| zero_usage_14d \| set 10 \|/);
  // the scorecard scores
  const scored = churnkit('score', '--scorecard', out, '--features', featuresCsv, '--out', join(dir, 'cal-scores.csv'));
  assert.equal(scored.code, 0, scored.stderr);

  // a label that is not 0/1: exit 2, naming row and column, and no file at all
  const bad = frameCsv(frame).split('\n');
  const cols = bad[0]!.split(',');
  const labelAt = cols.indexOf('churned_within_90d');
  const row = bad[5]!.split(',');
  row[labelAt] = '2';
  bad[5] = row.join(',');
  const badPath = join(dir, 'bad.csv');
  await writeFile(badPath, bad.join('\n'));
  const failed = churnkit('calibrate', '--features', badPath, '--out', join(dir, 'none', 'scorecard.json'));
  assert.equal(failed.code, 2, failed.stderr);
  assert.match(failed.stderr, /row 5, column churned_within_90d: must be 0, 1 or NULL, got 2/);
  assert.ok(!(await readdir(dir)).includes('none'));
});

test('calibrate --model distils a logistic model into the scorecard and can embed it', async () => {
  const model = join(dir, 'logistic.json');
  const trained = churnkit('train', '--features', featuresCsv, '--model', 'logistic', '--out', model);
  assert.equal(trained.code, 0, trained.stderr);
  const out = join(dir, 'distilled.json');
  const r = churnkit(
    'calibrate',
    '--features',
    featuresCsv,
    '--model',
    model,
    '--embed-model',
    '--out',
    out,
    '--bootstrap',
    '5',
    '--json',
  );
  assert.equal(r.code, 0, r.stderr);
  const summary = JSON.parse(r.stdout);
  assert.ok(summary.auc.model > 0.6, JSON.stringify(summary.auc));
  assert.ok(summary.rank_correlation.calibrated_vs_model > 0.8, JSON.stringify(summary.rank_correlation));
  const card = parseScorecard(JSON.parse(await readFile(out, 'utf8')));
  assert.equal(card.model?.kind, 'churnkit.model');
  assert.match(String(card.provenance['target']), /margin of the logistic model/);
});

test('score --json counts bands over scored rows only: a row with too little data has no band in the file', async () => {
  const lines = (await readFile(join(repoRoot, 'test', 'fixtures', 'mlp', 'features.csv'), 'utf8')).split('\n');
  const header = lines[0]!.split(',');
  const keep = new Set(['account_id', 'as_of']);
  const blank = lines[3]!.split(',').map((v, j) => (keep.has(header[j]!) ? v : ''));
  const table = join(dir, 'one-blank.csv');
  await writeFile(table, `${[lines[0], lines[1], lines[2], blank.join(',')].join('\n')}\n`);
  const out = join(dir, 'one-blank-scores.csv');
  const r = churnkit('score', '--scorecard', 'default', '--features', table, '--out', out, '--json');
  assert.equal(r.code, 0, r.stderr);
  const summary = JSON.parse(r.stdout) as { bands: Record<string, number>; insufficient_data: number; rows: number };
  assert.equal(summary.insufficient_data, 1);
  const banded = (await readFile(out, 'utf8'))
    .trim()
    .split('\n')
    .slice(1)
    .filter((row) => /,(GREEN|YELLOW|RED),/.test(row)).length;
  assert.equal(banded, 2);
  assert.equal(
    Object.values(summary.bands).reduce((a, b) => a + b, 0),
    banded,
  );
});
