/**
 * The validate benchmark: `churnkit validate` on a ~2 GiB usage.csv side by side with a chunked
 * pandas validator (peer_validate.py), wall time and peak RSS (GNU time), median of --runs;
 * then the typed views' overhead on correct Parquet against reading the same file directly.
 * Run bench/validate/generate.ts first. Prints a Markdown table for bench/README.md.
 *
 *   flock /tmp/churnkit-bench.lock node dist/bench/validate/run.js [--runs 3] [--data bench/data]
 */
import { spawnSync } from 'node:child_process';
import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import { openHistory } from '../../src/data/history.js';
import { quoteLiteral } from '../../src/data/duckdb.js';
function arg(name, dflt) {
    const i = process.argv.indexOf(`--${name}`);
    return i >= 0 ? process.argv[i + 1] : dflt;
}
const runs = Number(arg('runs', '3'));
const data = arg('data', 'bench/data');
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const load = () => spawnSync('uptime', { encoding: 'utf8' })
    .stdout.trim()
    .replace(/.*load average: /, '');
/** Runs a command under GNU time: wall seconds, peak RSS in MiB, exit code, stdout. */
function timed(cmd) {
    const r = spawnSync('/usr/bin/time', ['-f', '%e %M', ...cmd], { encoding: 'utf8', maxBuffer: 1 << 26 });
    const [wall, rss] = r.stderr.trim().split('\n').at(-1).split(' ').map(Number);
    return { wall: wall, rssMiB: rss / 1024, status: r.status, stdout: r.stdout };
}
const folder = join(data, 'validate');
const csvBytes = (await stat(join(folder, 'usage.csv'))).size;
const ours = [];
const peer = [];
const loadBefore = load();
for (let i = 0; i < runs; i++) {
    ours.push(timed([process.execPath, 'dist/src/cli/main.js', 'validate', '--data', folder, '--json']));
    peer.push(timed(['/usr/bin/python3', 'bench/validate/peer_validate.py', folder]));
}
const report = JSON.parse(ours[0].stdout);
const usageRows = report.tables.find((t) => t.table === 'usage').rows;
const found = report.issues
    .filter((i) => i.table === 'usage' && i.severity === 'error')
    .flatMap((i) => i.examples.map((e) => e.row));
// Typed views on correct Parquet: the same queries through the view and on read_parquet.
const pqDir = join(data, 'validate-parquet');
const raw = `read_parquet(${quoteLiteral(join(pqDir, 'usage.parquet'))})`;
const queries = {
    'full scan (count, sum, max)': (from) => `SELECT count(*), sum(quantity), max(occurred_at) FROM ${from}`,
    '30-day window per account': (from) => `SELECT account_id, sum(quantity) FILTER (WHERE event <> 'login'), count(DISTINCT user_id) FROM ${from} WHERE occurred_at >= TIMESTAMP '2023-06-01' AND occurred_at < TIMESTAMP '2023-07-01' GROUP BY 1`,
};
const history = await openHistory(pqDir);
const viewRows = [];
try {
    for (const [name, sql] of Object.entries(queries)) {
        const time = async (from) => {
            const ts = [];
            for (let i = 0; i < runs; i++) {
                const t0 = performance.now();
                await history.connection.runAndReadAll(sql(from));
                ts.push((performance.now() - t0) / 1000);
            }
            return median(ts);
        };
        await history.connection.runAndReadAll(sql(raw)); // warm the file cache
        const direct = await time(raw);
        const view = await time('usage');
        viewRows.push(`| ${name} | ${direct.toFixed(2)} s | ${view.toFixed(2)} s | ${(view / direct).toFixed(2)} |`);
    }
}
finally {
    history.close();
}
const loadAfter = load();
const w = (xs) => median(xs.map((x) => x.wall));
const m = (xs) => median(xs.map((x) => x.rssMiB));
console.log(`usage.csv: ${(csvBytes / 2 ** 30).toFixed(2)} GiB, ${usageRows.toLocaleString('en-US')} rows; planted bad rows found by churnkit: ${found.join(', ')}`);
console.log(`exit codes: churnkit ${ours.map((o) => o.status).join('/')}, pandas ${peer.map((o) => o.status).join('/')}; load average before: ${loadBefore}, after: ${loadAfter}\n`);
console.log(`| validate ~2 GiB usage.csv | wall (median of ${runs}) | rows/s | peak RSS |`);
console.log('|---|---|---|---|');
console.log(`| churnkit validate | ${w(ours).toFixed(1)} s | ${Math.round(usageRows / w(ours)).toLocaleString('en-US')} | ${Math.round(m(ours))} MiB |`);
console.log(`| pandas, chunked (peer) | ${w(peer).toFixed(1)} s | ${Math.round(usageRows / w(peer)).toLocaleString('en-US')} | ${Math.round(m(peer))} MiB |`);
console.log(`| ratio churnkit / pandas | ${(w(ours) / w(peer)).toFixed(2)} | | ${(m(ours) / m(peer)).toFixed(2)} |\n`);
console.log(`| typed view on correct Parquet (${usageRows.toLocaleString('en-US')} rows) | read_parquet directly | through the view | ratio |`);
console.log('|---|---|---|---|');
for (const r of viewRows)
    console.log(r);
//# sourceMappingURL=run.js.map