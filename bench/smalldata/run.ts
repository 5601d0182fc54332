/**
 * Small-data benchmark (issue 15): simulated histories of 100 to 5,000 accounts given the traits
 * of small real ones (traits.py: usage starting a year after the first account, champion
 * engagement NULL exactly when the champion has left; young accounts come with the simulator's
 * staggered starts), backtested by churnkit (logistic, gbdt, auto; defaults) and by
 * peer_backtest.py (XGBoost, HistGradientBoosting, standardized logistic regression) on the same
 * quarterly folds from --start, in one run. AUC is rank-based and deterministic: the machine's
 * load does not move it. Pooled AUC is taken over the folds the peers keep (training and test
 * rows with both classes), from churnkit's oof.parquet.
 *
 *   npm run build && node dist/bench/smalldata/run.js --sizes 100,300,1000,5000 --seeds 1,2,3
 */
import { spawnSync } from 'node:child_process';
import { readFile, stat } from 'node:fs/promises';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
import { loadFrame } from '../../src/data/index.js';
import { rocAuc } from '../../src/stats/index.js';

const { values } = parseArgs({
  options: {
    sizes: { type: 'string', default: '100,300,1000,5000' },
    seeds: { type: 'string', default: '1,2,3' },
    months: { type: 'string', default: '36' },
    late: { type: 'string', default: '12' },
    start: { type: 'string', default: '2024-07-01' },
    models: { type: 'string', default: 'logistic,gbdt,auto' },
    peers: { type: 'string' },
  },
});
const root = fileURLToPath(new URL('../../../', import.meta.url));
const cli = join(root, 'dist', 'src', 'cli', 'main.js');
const here = join(root, 'bench', 'smalldata');
const peerScript = values.peers ?? join(root, '..', 'shared', 'peers', 'peer_backtest.py');

function run(cmd: string, args: string[]): string {
  const p = spawnSync(cmd, args, { encoding: 'utf8', maxBuffer: 1 << 26 });
  if (p.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed (${p.status}): ${p.stderr}`);
  return p.stdout;
}

async function exists(path: string): Promise<boolean> {
  try {
    await stat(path);
    return true;
  } catch {
    return false;
  }
}

/** A history with the traits, as a CSV feature table (built once into bench/data/smalldata/). */
async function history(accounts: number, seed: number): Promise<string> {
  const dir = join(root, 'bench', 'data', 'smalldata', `h-${accounts}-${seed}`);
  const features = `${dir}.csv`;
  if (await exists(features)) return features;
  process.stderr.write(`building ${features}\n`);
  run(
    process.execPath,
    [cli, 'simulate', '--accounts', String(accounts), '--months', values.months!].concat([
      '--seed',
      String(seed),
      '--format',
      'csv',
      '--out',
      dir,
    ]),
  );
  run('/usr/bin/python3', [join(here, 'traits.py'), dir, values.late!]);
  run(process.execPath, [cli, 'features', '--data', dir, '--out', features]);
  return features;
}

interface Metrics {
  folds: { cutoff: string; train: { rows: number; positives: number }; test: { rows: number; positives: number } }[];
}

const rows: string[] = [];
const results: Record<string, unknown>[] = [];
for (const accounts of values.sizes!.split(',').map(Number)) {
  for (const seed of values.seeds!.split(',').map(Number)) {
    const features = await history(accounts, seed);
    const out = join(root, 'bench', 'data', 'smalldata', `bt-${accounts}-${seed}`);
    const load = loadavg()[0]!.toFixed(1);
    const t0 = performance.now();
    run(
      process.execPath,
      [cli, 'backtest', '--features', features, '--models', values.models!, '--start', values.start!].concat([
        '--out',
        out,
        '--json',
      ]),
    );
    const churnkitSeconds = (performance.now() - t0) / 1000;
    const metrics = JSON.parse(await readFile(join(out, 'metrics.json'), 'utf8')) as Metrics;
    const kept = new Set(
      metrics.folds
        .filter((f) => f.train.positives > 0 && f.test.positives > 0 && f.test.positives < f.test.rows)
        .map((f) => f.cutoff),
    );
    const oof = await loadFrame(join(out, 'oof.parquet'));
    const model = oof.columns['model'] as string[];
    const cutoff = oof.columns['cutoff'] as string[];
    const label = oof.columns['label'] as Float64Array;
    const probability = oof.columns['probability'] as Float64Array;
    const ours: Record<string, number> = {};
    for (const name of values.models!.split(',')) {
      const y: number[] = [];
      const p: number[] = [];
      for (let i = 0; i < oof.n; i++)
        if (model[i] === name && kept.has(cutoff[i]!)) {
          y.push(label[i]!);
          p.push(probability[i]!);
        }
      ours[name] = rocAuc(Float64Array.from(y), Float64Array.from(p));
    }
    const t1 = performance.now();
    const peer = JSON.parse(run('/usr/bin/python3', [peerScript, features, values.start!])) as {
      folds: number;
      test_rows: number;
      pooled_auc: Record<string, number>;
    };
    const peerSeconds = (performance.now() - t1) / 1000;
    if (peer.folds !== kept.size) throw new Error(`folds differ: churnkit ${kept.size}, peers ${peer.folds}`);
    const f = (v: number | undefined) => (v === undefined ? '-' : v.toFixed(3));
    const best = Math.max(...Object.values(peer.pooled_auc));
    rows.push(
      `| ${accounts.toLocaleString('en-US')} | ${seed} | ${peer.folds} | ${peer.test_rows.toLocaleString('en-US')} | ${f(ours['logistic'])} | ${f(ours['gbdt'])} | ${f(ours['auto'])} | ${f(peer.pooled_auc['logistic'])} | ${f(peer.pooled_auc['xgboost'])} | ${f(peer.pooled_auc['hgb'])} | ${churnkitSeconds.toFixed(0)} / ${peerSeconds.toFixed(0)} | ${load} |`,
    );
    results.push({
      accounts,
      seed,
      folds: peer.folds,
      test_rows: peer.test_rows,
      churnkit: ours,
      peers: peer.pooled_auc,
      best_peer: best,
    });
    process.stderr.write(`${rows.at(-1)}\n`);
  }
}
process.stdout.write(
  [
    '| accounts | seed | folds | test rows | churnkit logistic | churnkit gbdt | churnkit auto | sklearn logistic | XGBoost | HGB | wall s churnkit / peers | load |',
    '| -------- | ---- | ----- | --------- | ----------------- | ------------- | ------------- | ---------------- | ------- | --- | ----------------------- | ---- |',
    ...rows,
    '',
    JSON.stringify(results),
    '',
  ].join('\n'),
);
