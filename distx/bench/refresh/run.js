/**
 * Daily refresh benchmark: one day of new data for a book of accounts, `churnkit refresh` on the
 * state of the day before, beside a full rebuild of the same daily table (`churnkit refresh` into
 * an empty state, and `churnkit features --every day`, which adds its QA summary). Every run is
 * the whole command as a user runs it, a child process under /usr/bin/time.
 *
 *   node dist/src/cli/main.js simulate --accounts 50000 --months 15 --seed 11 --out bench/data/sim-50k-15
 *   flock /tmp/churnkit-bench.lock node dist/bench/refresh/run.js --data bench/data/sim-50k-15 \
 *     --day 2024-03-30 --from 2024-01-01 --runs 3
 *
 * `--day D`: the state holds the history known before D; the refresh adds day D (the history
 * known before D+1). `--from F`: the daily table's first as-of date.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { cp, mkdtemp, rm } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { openHistory } from '../../src/data/history.js';
import { queryValue } from '../../src/data/duckdb.js';
import { addDays } from '../../src/util/index.js';
import { knownBefore, writeHistory } from '../../test/support/known-before.js';
const { values } = parseArgs({
    options: {
        data: { type: 'string' },
        day: { type: 'string' },
        from: { type: 'string' },
        runs: { type: 'string', default: '3' },
        'full-runs': { type: 'string', default: '1' },
        work: { type: 'string' },
    },
});
if (!values.data || !values.day)
    throw new Error('--data DIR and --day YYYY-MM-DD are required');
const runs = Number(values.runs);
const fullRuns = Number(values['full-runs']);
const cli = new URL('../../src/cli/main.js', import.meta.url).pathname;
const work = values.work ?? (await mkdtemp(join(tmpdir(), 'churnkit-bench-refresh-')));
const before = join(work, 'before');
const after = join(work, 'after');
const from = values.from ? ['--from', values.from] : [];
// the two cuts of the history are kept in --work: a second run reuses them
if (!existsSync(join(after, 'usage.parquet'))) {
    const full = await openHistory(values.data);
    try {
        await writeHistory(full, before, knownBefore(values.day));
        await writeHistory(full, after, knownBefore(addDays(values.day, 1)));
    }
    finally {
        full.close();
    }
}
const h = await openHistory(after);
const facts = {
    accounts: Number(await queryValue(h.connection, 'SELECT COUNT(*) FROM accounts')),
    usage_rows: Number(await queryValue(h.connection, 'SELECT COUNT(*) FROM usage')),
    new_usage_rows: Number(await queryValue(h.connection, `SELECT COUNT(*) FROM usage WHERE CAST(occurred_at AS DATE) = DATE '${values.day}'`)),
};
h.close();
function timed(args) {
    const load = loadavg()[0];
    const r = spawnSync('/usr/bin/time', ['-f', '%e %U %S %M', process.execPath, cli, ...args, '--json'], {
        encoding: 'utf8',
        maxBuffer: 1 << 26,
    });
    if (r.status !== 0)
        throw new Error(`${args.join(' ')}: ${r.stderr}`);
    const [wall, user, sys, rss] = r.stderr.trim().split('\n').at(-1).split(' ').map(Number);
    return { wall, cpu: user + sys, rssMB: rss / 1024, load, summary: JSON.parse(r.stdout) };
}
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const report = (name, rs) => {
    const walls = rs.map((r) => r.wall);
    console.log(`${name}: median ${median(walls).toFixed(1)} s wall (${walls.map((w) => w.toFixed(1)).join(', ')}), CPU ${median(rs.map((r) => r.cpu)).toFixed(1)} s, peak RSS ${Math.round(Math.max(...rs.map((r) => r.rssMB)))} MB, 1-min load at start ${rs.map((r) => r.load.toFixed(1)).join(', ')}`);
    return median(walls);
};
console.log(JSON.stringify({ ...facts, day: values.day, from: values.from ?? null, uptime: loadavg() }));
// the state as the day before left it (not timed)
if (!existsSync(join(work, 'base', 'features.duckdb')))
    timed(['refresh', '--data', before, '--state', join(work, 'base'), ...from]);
const refreshes = [];
for (let i = 0; i < runs; i++) {
    const state = join(work, `state-${i}`);
    await cp(join(work, 'base'), state, { recursive: true });
    refreshes.push(timed(['refresh', '--data', after, '--state', state]));
    await rm(state, { recursive: true, force: true });
    report('refresh (one new day)', refreshes);
}
const rebuilds = [];
const features = [];
for (let i = 0; i < fullRuns; i++) {
    const state = join(work, `fresh-${i}`);
    rebuilds.push(timed(['refresh', '--data', after, '--state', state, ...from]));
    await rm(state, { recursive: true, force: true });
    features.push(timed(['features', '--data', after, '--every', 'day', ...from, '--out', join(work, `features-${i}.parquet`)]));
}
const summary = refreshes[0].summary;
console.log(`refresh summary: rebuilt ${JSON.stringify(summary['rebuilt'])}, rows_built ${summary['rows_built']}, labels_changed ${summary['labels_changed']}, rows ${summary['rows']}`);
const r = report('refresh (one new day)', refreshes);
if (rebuilds.length > 0) {
    const f = report('full rebuild (refresh into an empty state)', rebuilds);
    const q = report('full rebuild (features --every day, with QA)', features);
    console.log(`ratio: full rebuild / refresh = ${(f / r).toFixed(1)}x (features: ${(q / r).toFixed(1)}x)`);
}
if (!values.work)
    await rm(work, { recursive: true, force: true });
//# sourceMappingURL=run.js.map