/**
 * Training time and test AUC of churnkit's mlp against its logistic and gbdt families on one
 * table, and of the mlp on the WebAssembly against the plain CPU TensorFlow.js backend. Every
 * measurement runs in a fresh child process (the TensorFlow.js backend is chosen once per
 * process); runs are interleaved so machine load spreads over all configurations; the table
 * reports medians.
 *
 *   node dist/bench/mlp/train-bench.js --table FILE.csv --label y --train-rows N [--runs 3]
 *        [--configs logistic,gbdt,mlp:wasm,mlp:cpu] [--peer]
 *
 * Each family trains through churnkit's pipeline (trainModel) with its defaults, on the first
 * N rows in row order: gbdt and mlp hold out the latest 20% of those for early stopping, as
 * `churnkit train` does. Timing covers trainModel only (inputs in memory, no process start).
 * --peer adds scikit-learn logistic regression, XGBoost and HistGradientBoosting (peer.py --model
 * all, --peer-script PATH) once per run.
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { loadFrame } from '../../src/data/frame.js';
import { rocAuc } from '../../src/evaluate/metrics.js';
import { takeRows, trainModel } from '../../src/learn/index.js';
import { loadTf } from '../../src/learn/mlp/index.js';

const { values } = parseArgs({
  options: {
    table: { type: 'string' },
    label: { type: 'string', default: 'y' },
    'train-rows': { type: 'string' },
    runs: { type: 'string', default: '3' },
    configs: { type: 'string', default: 'logistic,gbdt,mlp:wasm,mlp:cpu' },
    peer: { type: 'boolean', default: false },
    'peer-script': { type: 'string', default: '/work/shared/peers/peer.py' },
    child: { type: 'string' },
  },
});
const table = values.table;
if (!table || !values['train-rows']) throw new Error('usage: --table FILE.csv --label y --train-rows N');
const trainRows = Number(values['train-rows']);

interface Measurement {
  fit_seconds: number;
  auc: number;
  detail?: Record<string, unknown>;
}

async function child(config: string): Promise<Measurement> {
  const family = config.split(':')[0]!;
  const frame = await loadFrame(table!);
  const columns = frame.names.filter((c) => c !== values.label);
  const all = Array.from({ length: frame.n }, (_, i) => i);
  const train = takeRows(frame, all.slice(0, trainRows));
  const test = takeRows(frame, all.slice(trainRows));
  // TensorFlow.js starts once per process (about 0.1-0.3 s); measured apart from training.
  const t00 = performance.now();
  if (family === 'mlp') await loadTf();
  const init = (performance.now() - t00) / 1000;
  const t0 = performance.now();
  const model = await trainModel(train, { family, label: values.label!, columns, timeColumn: null, seed: 0 });
  const fit = (performance.now() - t0) / 1000;
  const y = test.columns[values.label!] as Float64Array;
  const summary = model.summary();
  const detail = family === 'mlp' ? { backend: summary['backend'], init_seconds: init, epochs: summary['epochs_run'], best_epoch: summary['best_epoch'] } : {};
  return { fit_seconds: fit, auc: rocAuc(y, model.predictProba(test)), detail };
}

function runChild(config: string): Measurement {
  const backend = config.split(':')[1];
  const env = { ...process.env, ...(backend ? { CHURNKIT_TF_BACKEND: backend } : {}) };
  const args = [fileURLToPath(import.meta.url), '--table', table!, '--label', values.label!, '--train-rows', String(trainRows), '--child', config];
  const r = spawnSync(process.execPath, args, { encoding: 'utf8', env, maxBuffer: 1 << 24 });
  if (r.status !== 0) throw new Error(`${config} failed: ${r.stderr}`);
  return JSON.parse(r.stdout.trim().split('\n').pop()!) as Measurement;
}

function runPeer(): Record<string, Measurement> {
  const r = spawnSync('/usr/bin/python3', [values['peer-script']!, table!, '--label', values.label!, '--train-rows', String(trainRows), '--model', 'all', '--threads', '2'], { encoding: 'utf8', maxBuffer: 1 << 24 });
  if (r.status !== 0) throw new Error(`peer.py failed: ${r.stderr}`);
  const out = JSON.parse(r.stdout) as { models: Record<string, { fit_seconds: number; auc: number }> };
  return Object.fromEntries(Object.entries(out.models).map(([k, v]) => [`peer:${k}`, { fit_seconds: v.fit_seconds, auc: v.auc }]));
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

if (values.child) {
  process.stdout.write(`${JSON.stringify(await child(values.child))}\n`);
} else {
  const configs = values.configs!.split(',');
  const runs = Number(values.runs);
  const results = new Map<string, Measurement[]>();
  const add = (k: string, m: Measurement) => results.set(k, [...(results.get(k) ?? []), m]);
  for (let r = 1; r <= runs; r++) {
    for (const c of configs) {
      const m = runChild(c);
      add(c, m);
      process.stderr.write(`run ${r} ${c}: ${m.fit_seconds.toFixed(2)} s, AUC ${m.auc.toFixed(4)} ${JSON.stringify(m.detail ?? {})}\n`);
    }
    if (values.peer) for (const [k, m] of Object.entries(runPeer())) add(k, m);
  }
  const mlpWasm = results.get('mlp:wasm');
  const base = mlpWasm ? median(mlpWasm.map((m) => m.fit_seconds)) : NaN;
  const lines = ['| model | train s (median) | runs (s) | test AUC | time / mlp:wasm |', '|---|---:|---|---:|---:|'];
  for (const [k, ms] of results) {
    const t = median(ms.map((m) => m.fit_seconds));
    lines.push(`| ${k} | ${t.toFixed(2)} | ${ms.map((m) => m.fit_seconds.toFixed(2)).join(', ')} | ${median(ms.map((m) => m.auc)).toFixed(4)} | ${(t / base).toFixed(2)} |`);
  }
  process.stdout.write(`${lines.join('\n')}\n`);
}
