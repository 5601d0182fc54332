/**
 * Whole processes, side by side with their peers in one run (issue 18): start-up (`--version`,
 * `--help` against bare Node), `score` of 1,000 rows, and `train` (gbdt and logistic) against
 * peer.py's process (gbdt: XGBoost) and peer_logistic.py's (scikit-learn) on the same CSV
 * (pandas' read, the fit, predicting the 50,000 test rows).
 * Each command runs under /usr/bin/time; the kinds are interleaved run by run, so a change of
 * load hits all of them alike; `uptime`'s 1-minute load is read before and after every run.
 *
 *   npm run build
 *   flock /tmp/churnkit-bench.lock node dist/bench/process/run.js --runs 5 [--only startup,score,gbdt,logistic]
 *     [--cli-before OTHER/dist/src/cli/main.js]  (an earlier build's commands beside these, in the same run)
 *
 * Needs bench/data/gbdt/synth200k.csv (bench/gbdt/run.sh makes it with peer make_synthetic.py).
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';

const { values } = parseArgs({
  options: {
    runs: { type: 'string', default: '5' },
    only: { type: 'string', default: 'startup,score,gbdt,logistic' },
    python: { type: 'string', default: '/usr/bin/python3' },
    /** Another build's dist/src/cli/main.js (say, before a change): its rows run beside this one's. */
    'cli-before': { type: 'string' },
  },
});
const runs = Number(values.runs);
const before = values['cli-before'];
const only = new Set(values.only!.split(','));
const root = fileURLToPath(new URL('../../../', import.meta.url));
const cli = join(root, 'dist', 'src', 'cli', 'main.js');
// The peer scripts sit beside the repository (../shared/peers), or where CHURNKIT_PEERS points.
const peers = process.env['CHURNKIT_PEERS'] ?? join(root, '..', 'shared', 'peers');
const data = join(root, 'bench', 'data');
const synth = join(data, 'gbdt', 'synth200k.csv');
const scratch = join(tmpdir(), `churnkit-process-bench-${process.pid}`);
mkdirSync(scratch, { recursive: true });

// 1,000 rows of a churnkit feature table (the mlp fixture's first rows) for `score`.
const features = join(scratch, 'features-1000.csv');
const fixture = readFileSync(join(root, 'test', 'fixtures', 'mlp', 'features.csv'), 'utf8').split('\n');
writeFileSync(features, `${fixture.slice(0, 1001).join('\n')}\n`);

interface Kind {
  group: string;
  name: string;
  argv: string[];
  env?: Record<string, string>;
  /** Test AUC from the process's stdout, for the training rows. */
  auc?: (stdout: string) => number;
}

const scoreArgs = (out: string) => [
  'score',
  '--scorecard',
  'default',
  '--features',
  features,
  '--out',
  join(scratch, out),
];
const columns = Array.from({ length: 10 }, (_, j) => `x${j}`).join(',');
const trainArgs = (model: string, extra: string[], out = model) => [
  cli,
  ...['train', '--features', synth, '--model', model, '--label', 'y', '--columns', columns],
  ...['--time-column', 'none', ...extra, '--out', join(scratch, `${out}.json`), '--json'],
];
// Like with like: the first 150,000 rows fitted once and the last 50,000 (file order) held out,
// as peer.py's --train-rows 150000 does. train holds a slice out only for calibration or early
// stopping (by default it cross-fits instead), so the held-out slice is asked for with Platt
// calibration on it: the AUC is the model's own (holdout_uncalibrated), no early stopping.
const likePeer = ['--holdout', '0.25', '--calibration', 'platt'];
const churnkitAuc = (key: string) => (stdout: string) => JSON.parse(stdout).metrics[key].auc as number;
const peerAuc = (model: string) => (stdout: string) => JSON.parse(stdout).models[model].auc as number;
const peer = (model: string, extra: string[]) => [
  join(peers, 'peer.py'),
  ...[synth, '--label', 'y', '--train-rows', '150000', '--model', model, ...extra],
];
const xgb = ['--trees', '300', '--depth', '6', '--eta', '0.1', '--threads', '2'];
const gbdtParams = ['n_estimators=300', 'max_depth=6', 'learning_rate=0.1', 'subsample=1', 'colsample_bytree=1'];
const gbdtLikePeer = [...likePeer, ...gbdtParams.flatMap((p) => ['--param', p]), '--param', 'early_stopping_rounds=0'];

const kinds: Kind[] = [
  ...(only.has('startup')
    ? [
        { group: 'startup', name: 'node -e 0 (bare Node)', argv: ['node', '-e', '0'] },
        { group: 'startup', name: 'churnkit --version', argv: ['node', cli, '--version'] },
        { group: 'startup', name: 'churnkit --help', argv: ['node', cli, '--help'] },
        ...(before
          ? [{ group: 'startup', name: 'churnkit --version, --cli-before', argv: ['node', before, '--version'] }]
          : []),
      ]
    : []),
  ...(only.has('score')
    ? [
        {
          group: 'score',
          name: 'churnkit score, 1,000 rows (CSV in, CSV out)',
          argv: ['node', cli, ...scoreArgs('s.csv')],
        },
        ...(before
          ? [{ group: 'score', name: 'same, --cli-before', argv: ['node', before, ...scoreArgs('b.csv')] }]
          : []),
      ]
    : []),
  ...(only.has('gbdt')
    ? [
        {
          group: 'gbdt',
          name: 'churnkit train --model gbdt',
          argv: ['node', ...trainArgs('gbdt', gbdtLikePeer)],
          auc: churnkitAuc('holdout_uncalibrated'),
        },
        ...(before
          ? [
              {
                group: 'gbdt',
                name: 'same, --cli-before',
                argv: ['node', before, ...trainArgs('gbdt', gbdtLikePeer, 'gbdt-before').slice(1)],
                auc: churnkitAuc('holdout_uncalibrated'),
              },
            ]
          : []),
        {
          group: 'gbdt',
          name: 'churnkit train --model gbdt, defaults (5 time-ordered folds, early stopping 30)',
          argv: [
            'node',
            ...trainArgs(
              'gbdt',
              gbdtParams.flatMap((p) => ['--param', p]),
              'gbdt-default',
            ),
          ],
          // Out-of-fold rows of all 200,000 (not the peer's 50,000): shown, not compared.
          auc: churnkitAuc('out_of_fold_uncalibrated'),
        },
        {
          group: 'gbdt',
          name: 'peer.py --model gbdt (XGBoost hist)',
          argv: [values.python!, ...peer('gbdt', xgb)],
          auc: peerAuc('xgboost'),
        },
        {
          group: 'gbdt',
          name: 'same, OMP_WAIT_POLICY=PASSIVE',
          argv: [values.python!, ...peer('gbdt', xgb)],
          env: { OMP_WAIT_POLICY: 'PASSIVE' },
          auc: peerAuc('xgboost'),
        },
      ]
    : []),
  ...(only.has('logistic')
    ? [
        {
          group: 'logistic',
          name: 'churnkit train --model logistic',
          argv: ['node', ...trainArgs('logistic', likePeer)],
          auc: churnkitAuc('holdout_uncalibrated'),
        },
        ...(before
          ? [
              {
                group: 'logistic',
                name: 'same, --cli-before',
                argv: ['node', before, ...trainArgs('logistic', likePeer, 'logistic-before').slice(1)],
                auc: churnkitAuc('holdout_uncalibrated'),
              },
            ]
          : []),
        {
          group: 'logistic',
          name: 'churnkit train --model logistic, defaults (every row, no calibration)',
          argv: ['node', ...trainArgs('logistic', [], 'logistic-default')],
          auc: churnkitAuc('train'),
        },
        // peer.py's logistic (newton-cg at tol 1e-12, for golden coefficients) runs to its
        // max_iter on 150,000 rows; peer_logistic.py is the same process at scikit-learn's tolerance.
        ...(['lbfgs', 'newton-cg'] as const).map((solver) => ({
          group: 'logistic',
          name: `peer_logistic.py (scikit-learn, ${solver})`,
          argv: [
            values.python!,
            join(root, 'bench', 'process', 'peer_logistic.py'),
            ...[synth, '--label', 'y', '--train-rows', '150000', '--solver', solver],
          ],
          auc: peerAuc('logistic'),
        })),
      ]
    : []),
];

interface Sample {
  wall: number;
  cpu: number;
  rssMB: number;
  auc: number | null;
  loadBefore: number;
  loadAfter: number;
}

function once(kind: Kind): Sample {
  const loadBefore = loadavg()[0]!;
  const r = spawnSync('/usr/bin/time', ['-f', '%e %U %S %M', ...kind.argv], {
    encoding: 'utf8',
    env: { ...process.env, ...kind.env },
    maxBuffer: 64 * 1024 * 1024,
  });
  const loadAfter = loadavg()[0]!;
  const last = r.stderr.trim().split('\n').pop()!;
  if (r.status !== 0) throw new Error(`${kind.name} failed (${r.status}): ${r.stderr.slice(-2000)}`);
  const [wall, user, sys, rss] = last.split(' ').map(Number) as [number, number, number, number];
  return { wall, cpu: user + sys, rssMB: rss / 1024, auc: kind.auc ? kind.auc(r.stdout) : null, loadBefore, loadAfter };
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};

const samples = new Map<Kind, Sample[]>(kinds.map((k) => [k, []]));
const started = new Date().toISOString();
const uptimeBefore = spawnSync('uptime', { encoding: 'utf8' }).stdout.trim();
for (let run = 0; run < runs; run++) {
  for (const kind of kinds) {
    const s = once(kind);
    samples.get(kind)!.push(s);
    process.stderr.write(
      `run ${run + 1}/${runs} ${kind.name}: wall ${s.wall.toFixed(2)} s, CPU ${s.cpu.toFixed(2)} s, RSS ${s.rssMB.toFixed(0)} MB${s.auc === null ? '' : `, AUC ${s.auc.toFixed(4)}`} (load ${s.loadBefore.toFixed(2)} -> ${s.loadAfter.toFixed(2)})\n`,
    );
  }
}
const uptimeAfter = spawnSync('uptime', { encoding: 'utf8' }).stdout.trim();

console.log(`started ${started}; before: ${uptimeBefore}; after: ${uptimeAfter}; ${runs} runs each, interleaved\n`);
console.log(
  '| group | process | median wall s | min-max wall s | vs first of group | median CPU s | peak RSS MB | test AUC | 1-min load (min-max) |',
);
console.log('| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | --- |');
const firstOf = new Map<string, number>();
for (const kind of kinds) {
  const s = samples.get(kind)!;
  const wall = median(s.map((x) => x.wall));
  if (!firstOf.has(kind.group)) firstOf.set(kind.group, wall);
  const loads = s.flatMap((x) => [x.loadBefore, x.loadAfter]);
  const auc = s[0]!.auc;
  console.log(
    `| ${kind.group} | ${kind.name} | ${wall.toFixed(3)} | ${Math.min(...s.map((x) => x.wall)).toFixed(2)}-${Math.max(...s.map((x) => x.wall)).toFixed(2)} | ${(wall / firstOf.get(kind.group)!).toFixed(2)}x | ${median(s.map((x) => x.cpu)).toFixed(2)} | ${median(s.map((x) => x.rssMB)).toFixed(0)} | ${auc === null ? '' : auc.toFixed(4)} | ${Math.min(...loads).toFixed(2)}-${Math.max(...loads).toFixed(2)} |`,
  );
}
