/**
 * `churnkit backtest` end to end as a child process under /usr/bin/time -v, on the demo's feature
 * table (simulated 2,000 x 24, seed 7, built once into bench/data/backtest-2k/): wall time, CPU,
 * peak RSS, per model set. The issue names no peer; the target is logistic,gbdt,scorecard:default
 * "well under a minute".
 *
 *   npm run build && flock /tmp/churnkit-bench.lock node dist/bench/backtest/run.js --runs 3
 */
import { spawnSync } from 'node:child_process';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
const { values } = parseArgs({
    options: {
        accounts: { type: 'string', default: '2000' },
        months: { type: 'string', default: '24' },
        seed: { type: 'string', default: '7' },
        runs: { type: 'string', default: '3' },
        sets: { type: 'string', default: 'logistic,gbdt,scorecard:default;logistic;gbdt;scorecard:default;mlp' },
    },
});
const root = fileURLToPath(new URL('../../../', import.meta.url));
const cli = join(root, 'dist', 'src', 'cli', 'main.js');
const data = join(root, 'bench', 'data', `backtest-${Number(values.accounts) / 1000}k`);
const features = join(data, 'features.parquet');
const runs = Number(values.runs);
function churnkit(args) {
    const p = spawnSync(process.execPath, [cli, ...args], { encoding: 'utf8', maxBuffer: 1 << 24 });
    if (p.status !== 0)
        throw new Error(`churnkit ${args[0]} failed (${p.status}): ${p.stderr}`);
    return p.stdout;
}
function timeField(stderr, name) {
    const line = stderr.split('\n').find((l) => l.trim().startsWith(name));
    if (!line)
        throw new Error(`no "${name}" in /usr/bin/time output`);
    return line.slice(line.lastIndexOf(': ') + 2).trim();
}
const seconds = (clock) => clock.split(':').reduce((acc, part) => acc * 60 + Number(part), 0);
function median(xs) {
    const s = [...xs].sort((a, b) => a - b);
    const m = s.length >> 1;
    return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}
try {
    await stat(features);
}
catch {
    process.stderr.write(`building ${features}\n`);
    churnkit([
        'simulate',
        '--accounts',
        values.accounts,
        '--months',
        values.months,
        '--seed',
        values.seed,
        '--out',
        join(data, 'history'),
    ]);
    churnkit(['features', '--data', join(data, 'history'), '--out', features]);
}
const scratch = await mkdtemp(join(tmpdir(), 'churnkit-bench-backtest-'));
const rows = [];
try {
    for (const set of values.sets.split(';')) {
        const wall = [];
        const cpu = [];
        const rss = [];
        const load = [];
        let summary = null;
        for (let r = 0; r < runs; r++) {
            load.push(loadavg()[0]);
            const p = spawnSync('/usr/bin/time', [
                '-v',
                process.execPath,
                cli,
                'backtest',
                '--features',
                features,
                '--models',
                set,
                '--out',
                join(scratch, 'out'),
                '--json',
            ], { encoding: 'utf8', maxBuffer: 1 << 24 });
            if (p.status !== 0)
                throw new Error(`backtest ${set} failed (${p.status}): ${p.stderr}`);
            summary = JSON.parse(p.stdout);
            wall.push(seconds(timeField(p.stderr, 'Elapsed (wall clock) time')));
            cpu.push(Number(timeField(p.stderr, 'User time')) + Number(timeField(p.stderr, 'System time')));
            rss.push(Number(timeField(p.stderr, 'Maximum resident set size')) / 1024);
            process.stderr.write(`${set} run ${r + 1}/${runs}: ${wall.at(-1).toFixed(2)} s wall, ${cpu.at(-1).toFixed(2)} s cpu, ${rss.at(-1).toFixed(0)} MB\n`);
        }
        const auc = Object.entries(summary.pooled)
            .map(([name, m]) => `${name} ${m.auc.toFixed(3)}`)
            .join(', ');
        rows.push(`| ${set} | ${summary.folds.length} | ${runs} | ${median(wall).toFixed(2)} | ${median(cpu).toFixed(2)} | ${Math.max(...rss).toFixed(0)} | ${auc} | ${load.map((l) => l.toFixed(1)).join(', ')} |`);
    }
}
finally {
    await rm(scratch, { recursive: true, force: true });
}
process.stdout.write('| --models | folds | runs | wall s (median) | CPU s | peak RSS MB | pooled AUC | load |\n|---|---|---|---|---|---|---|---|\n');
process.stdout.write(`${rows.join('\n')}\n`);
//# sourceMappingURL=run.js.map