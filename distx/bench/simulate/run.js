/**
 * Simulator benchmark: runs `churnkit simulate` end to end as a child process under
 * /usr/bin/time -v, and reports wall time, CPU time, peak RSS and rows per second (all tables,
 * and usage alone). The small size runs several times (median); the big one once, into a folder
 * that stays for the feature and warehouse benchmarks. Run it under the shared lock:
 *
 *   flock /tmp/churnkit-bench.lock node dist/bench/simulate/run.js --accounts 2000 --months 24 --runs 3
 *   flock /tmp/churnkit-bench.lock node dist/bench/simulate/run.js --accounts 50000 --months 36 --runs 1 --out bench/data/sim-50k-36
 */
import { spawnSync } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
const { values } = parseArgs({
    options: {
        accounts: { type: 'string', default: '2000' },
        months: { type: 'string', default: '24' },
        seed: { type: 'string', default: '7' },
        runs: { type: 'string', default: '3' },
        out: { type: 'string' },
    },
});
const runs = Number(values.runs);
const cli = new URL('../../src/cli/main.js', import.meta.url).pathname;
function timeField(stderr, label) {
    const line = stderr.split('\n').find((l) => l.trim().startsWith(label));
    if (!line)
        throw new Error(`/usr/bin/time did not report "${label}"`);
    return line.slice(line.lastIndexOf(': ') + 2).trim();
}
function seconds(clock) {
    return clock.split(':').reduce((acc, part) => acc * 60 + Number(part), 0);
}
function median(xs) {
    const s = [...xs].sort((a, b) => a - b);
    const m = s.length >> 1;
    return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}
const scratch = values.out ? null : await mkdtemp(join(tmpdir(), 'churnkit-bench-sim-'));
const results = [];
try {
    for (let r = 0; r < runs; r++) {
        const out = values.out ?? join(scratch, 'out');
        const load = loadavg()[0];
        const args = [
            '-v',
            process.execPath,
            cli,
            'simulate',
            '--accounts',
            values.accounts,
            '--months',
            values.months,
            '--seed',
            values.seed,
            '--out',
            out,
            '--json',
        ];
        const p = spawnSync('/usr/bin/time', args, { encoding: 'utf8', maxBuffer: 1 << 24 });
        if (p.status !== 0)
            throw new Error(`simulate failed (${p.status}): ${p.stderr}`);
        const summary = JSON.parse(p.stdout);
        const cpu = Number(timeField(p.stderr, 'User time')) + Number(timeField(p.stderr, 'System time'));
        results.push({
            wall: seconds(timeField(p.stderr, 'Elapsed (wall clock) time')),
            cpu,
            rssMB: Number(timeField(p.stderr, 'Maximum resident set size')) / 1024,
            rows: summary.rows,
            usageRows: summary.counts.usage,
            load,
        });
        const last = results[results.length - 1];
        process.stderr.write(`run ${r + 1}/${runs}: ${last.wall.toFixed(1)} s wall, ${last.cpu.toFixed(1)} s cpu, ${last.rssMB.toFixed(0)} MB, load ${load.toFixed(2)}\n`);
    }
}
finally {
    if (scratch)
        await rm(scratch, { recursive: true, force: true });
}
const wall = median(results.map((r) => r.wall));
const row = {
    size: `${Number(values.accounts).toLocaleString('en-US')} x ${values.months}`,
    runs,
    rows: results[0].rows,
    usage_rows: results[0].usageRows,
    wall_s: wall,
    cpu_s: median(results.map((r) => r.cpu)),
    rows_per_s: results[0].rows / wall,
    peak_rss_mb: Math.max(...results.map((r) => r.rssMB)),
    load_1m: results.map((r) => r.load),
};
process.stdout.write(`${JSON.stringify(row, null, 2)}\n`);
process.stdout.write(`| ${row.size} | ${runs} | ${row.rows.toLocaleString('en-US')} | ${row.usage_rows.toLocaleString('en-US')} | ${wall.toFixed(1)} | ${row.cpu_s.toFixed(1)} | ` +
    `${Math.round(row.rows_per_s).toLocaleString('en-US')} | ${row.peak_rss_mb.toFixed(0)} | ${row.load_1m.map((l) => l.toFixed(1)).join(', ')} |\n`);
//# sourceMappingURL=run.js.map