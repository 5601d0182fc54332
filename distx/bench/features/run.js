/**
 * Feature-build benchmark: runs `churnkit features` end to end (history -> feature table + QA) as
 * a child process under /usr/bin/time, several times, and reports the median wall time, CPU time,
 * peak RSS and throughput. Run it under the shared lock:
 *
 *   flock /tmp/churnkit-bench.lock node dist/bench/features/run.js --data bench/data/features-50k --runs 2
 */
import { spawnSync } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { openHistory } from '../../src/data/history.js';
import { queryValue } from '../../src/data/duckdb.js';
const { values } = parseArgs({
    options: {
        data: { type: 'string' },
        runs: { type: 'string', default: '3' },
        every: { type: 'string', default: 'month' },
        'memory-limit': { type: 'string' },
        threads: { type: 'string' },
    },
});
if (!values.data)
    throw new Error('--data DIR is required');
const runs = Number(values.runs);
const cli = new URL('../../src/cli/main.js', import.meta.url).pathname;
const history = await openHistory(values.data);
const usageRows = Number(await queryValue(history.connection, 'SELECT COUNT(*) FROM usage'));
const accounts = Number(await queryValue(history.connection, 'SELECT COUNT(*) FROM accounts'));
history.close();
const results = [];
const dir = await mkdtemp(join(tmpdir(), 'churnkit-bench-features-'));
try {
    for (let i = 0; i < runs; i++) {
        const out = join(dir, `features-${i}.parquet`);
        const args = [
            '-f',
            '%e %U %S %M',
            process.execPath,
            cli,
            'features',
            '--data',
            values.data,
            '--out',
            out,
            '--every',
            values.every,
            '--json',
        ];
        if (values['memory-limit'])
            args.push('--memory-limit', values['memory-limit']);
        if (values.threads)
            args.push('--threads', values.threads);
        const load = loadavg()[0];
        const r = spawnSync('/usr/bin/time', args, { encoding: 'utf8', maxBuffer: 64 << 20 });
        if (r.status !== 0)
            throw new Error(`churnkit features failed: ${r.stderr}`);
        const [wall, user, sys, rssKB] = r.stderr.trim().split('\n').at(-1).split(' ').map(Number);
        const rows = JSON.parse(r.stdout).rows;
        results.push({ wall, cpu: user + sys, rssMB: rssKB / 1024, rows, load });
        process.stderr.write(`run ${i + 1}: ${wall.toFixed(1)} s wall, ${(user + sys).toFixed(1)} s CPU, ${(rssKB / 1024).toFixed(0)} MB peak RSS, load ${load.toFixed(1)}\n`);
        await rm(out, { force: true });
    }
}
finally {
    await rm(dir, { recursive: true, force: true });
}
const median = (xs) => {
    const s = [...xs].sort((a, b) => a - b);
    const m = s.length >> 1;
    return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const wall = median(results.map((r) => r.wall));
const summary = {
    data: values.data,
    accounts,
    usage_rows: usageRows,
    feature_rows: results[0].rows,
    runs,
    median_wall_s: wall,
    median_cpu_s: median(results.map((r) => r.cpu)),
    median_peak_rss_mb: median(results.map((r) => r.rssMB)),
    max_peak_rss_mb: Math.max(...results.map((r) => r.rssMB)),
    usage_rows_per_s: usageRows / wall,
    feature_rows_per_s: results[0].rows / wall,
    load_1min: results.map((r) => r.load),
};
process.stdout.write(`${JSON.stringify(summary, null, 2)}\n`);
//# sourceMappingURL=run.js.map