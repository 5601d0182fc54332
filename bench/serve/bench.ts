/**
 * Load test of `churnkit serve` over loopback, side by side with bare Fastify (the floor).
 *
 *   node dist/bench/serve/bench.js [--runs 3] [--duration 10] [--connections 10] [--batches 15] [--warmups 2] [--no-history] [--semi-space MB] [--client fetch|http|lean] [--columns-only | --objects-only] [--server-before ROOT]
 *
 * Each target runs in its own process (bench/serve/churnkit-server.ts: createServer as `churnkit
 * serve` sets it up; bench/serve/baseline-server.ts: bare Fastify), one at a time, targets
 * interleaved within each run.
 * Single-account scoring: autocannon for --duration seconds at --connections connections
 * (no pipelining), cycling through 200 distinct accounts. Batch: --batches sequential POSTs of
 * 10,000 accounts (after --warmups untimed ones), timed end to end by the client (send, score,
 * receive, parse nothing), then the
 * same 10,000 accounts column by column to /v1/score/columns: as JSON, as JSON answering only
 * score, band and probability (?fields=), and as an Arrow IPC stream answered in Arrow (all columns,
 * then ?fields=). The bare floor parses the same bodies (JSON.parse; flechette's tableFromIPC) and
 * answers three fixed columns in the body's format.
 * RSS is read from /proc for the server process. Medians over the runs are printed as JSON and
 * as the Markdown table of bench/README.md.
 * --client: how the batches are sent and read, the same for every target: `fetch` (the default,
 * as before), `http` (node:http with a keep-alive agent, the body read as Buffers and joined) or
 * `lean` (the same from a child process that holds only the body: batch-client.ts).
 * The client shares the machine's two cores with the server, and fetch's web streams cost it
 * about twice node:http's CPU to read a 10 MB answer.
 * --objects-only: only the 10,000-account batch of objects (no single-account load, no columns).
 * --server-before ROOT: churnkit serve from another build as well (ROOT holding its dist/, e.g. a
 * copy of main's), each churnkit target then run again with that build, side by side in each run.
 */
import autocannon from 'autocannon';
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { bool, float64, int32, tableFromArrays, tableToIPC, utf8, type DataType } from '@uwdata/flechette';
import { SIGNALS } from '../../src/features/index.js';
import { makeAccounts } from '../../test/serve/accounts.js';
import { timeHttpPosts } from './batch-client.js';

const root = fileURLToPath(new URL('../../../', import.meta.url));

function flag(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
}
const RUNS = flag('runs', 3);
const DURATION = flag('duration', 10);
const CONNECTIONS = flag('connections', 10);
const BATCHES = flag('batches', 15);
/**
 * --warmups N: untimed POSTs before each series of BATCHES. The default 2 times a fresh server's
 * first seconds (its first batches run before V8 has optimized the reader and the writer); a
 * larger N times a server as it runs after its first few hundred thousand accounts.
 */
const WARMUPS = flag('warmups', 2);
/** --no-history: leave out the DuckDB score-history target (its own row, no target of its own). */
const NO_HISTORY = process.argv.includes('--no-history');
const CLIENT = process.argv.includes('--client') ? process.argv[process.argv.indexOf('--client') + 1] : 'fetch';
if (CLIENT !== 'fetch' && CLIENT !== 'http' && CLIENT !== 'lean')
  throw new Error(`--client fetch, http or lean, not ${CLIENT}`);
/** --columns-only: the columnar batches alone (JSON, ?fields=, Arrow), without the single-account load and the objects batch. */
const COLUMNS_ONLY = process.argv.includes('--columns-only');
/** --objects-only: the objects batch alone, without the single-account load and the columnar batches. */
const OBJECTS_ONLY = process.argv.includes('--objects-only');
/** What a client that files scores asks for on the columnar route. */
const FIELDS = 'score,band,probability';

interface Target {
  name: string;
  args: (run: number) => string[];
}

const dataDir = join(root, 'bench', 'data', 'serve');
const allTargets: Target[] = [
  { name: 'fastify (bare, fixed answer)', args: () => [join(root, 'dist/bench/serve/baseline-server.js')] },
  { name: 'churnkit serve', args: () => [join(root, 'dist/bench/serve/churnkit-server.js')] },
  {
    name: 'churnkit serve --history (DuckDB)',
    args: (run) => [
      join(root, 'dist/bench/serve/churnkit-server.js'),
      join(dataDir, `history-${process.pid}-${run}.duckdb`),
    ],
  },
];
/**
 * --semi-space MB: the floor and churnkit again, each with V8's semi-spaces at MB megabytes
 * (`NODE_OPTIONS=--max-semi-space-size=MB`, docs/serving.md): a batch's objects live for one request,
 * and with the default young generation they are copied between semi-spaces before they die.
 */
const SEMI_SPACE = flag('semi-space', 0);
if (SEMI_SPACE > 0) {
  const v8 = `--max-semi-space-size=${SEMI_SPACE}`;
  allTargets.push(
    { name: `fastify (bare), ${v8}`, args: () => [v8, join(root, 'dist/bench/serve/baseline-server.js')] },
    { name: `churnkit serve, ${v8}`, args: () => [v8, join(root, 'dist/bench/serve/churnkit-server.js')] },
  );
}
const BEFORE = process.argv.includes('--server-before')
  ? process.argv[process.argv.indexOf('--server-before') + 1]
  : null;
if (BEFORE) {
  for (const t of allTargets.filter((t) => t.name.startsWith('churnkit serve') && !t.name.includes('--history')))
    allTargets.push({
      name: `${t.name} (before)`,
      args: (run) => t.args(run).map((a) => a.replace(join(root, 'dist/'), join(BEFORE, 'dist/'))),
    });
}
const targets = allTargets.filter((t) => !(NO_HISTORY && t.name.includes('--history')));

async function start(t: Target, run: number): Promise<{ proc: ChildProcess; base: string }> {
  const proc = spawn(process.execPath, t.args(run), { stdio: ['ignore', 'ignore', 'pipe'] });
  let err = '';
  return new Promise((resolve, reject) => {
    proc.stderr!.on('data', (d) => {
      err += d;
      const m = /Server listening at (http:\/\/127\.0\.0\.1:\d+)/.exec(err);
      if (m) resolve({ proc, base: m[1]! });
    });
    proc.on('exit', (code) => reject(new Error(`${t.name} exited (${code}): ${err}`)));
  });
}

async function stop(proc: ChildProcess): Promise<void> {
  const exited = new Promise((r) => proc.once('exit', r));
  proc.kill('SIGTERM');
  await exited;
}

function rssMb(pid: number): { rss: number; peak: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (key: string) => Number(new RegExp(`${key}:\\s+(\\d+) kB`).exec(status)?.[1] ?? NaN);
  return { rss: kb('VmRSS') / 1024, peak: kb('VmHWM') / 1024 };
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};
const quantile = (xs: number[], q: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil(q * s.length) - 1)]!;
};

const singles = makeAccounts(200, 101).map((a) => ({
  method: 'POST',
  path: '/v1/score',
  body: JSON.stringify(a),
  headers: { 'content-type': 'application/json' },
}));
const batchAccounts = makeAccounts(10_000, 202);
const batchBody = JSON.stringify({ accounts: batchAccounts });
// The same 10,000 accounts column by column (POST /v1/score/columns).
const columnsBody = (() => {
  const names = new Set<string>();
  for (const a of batchAccounts) for (const k of Object.keys(a)) names.add(k);
  const columns: Record<string, unknown[]> = {};
  for (const name of names) columns[name] = batchAccounts.map((a) => a[name] ?? null);
  return JSON.stringify({ columns });
})();
/** The same columns as an Arrow IPC stream, typed as a pandas or DuckDB client would send them. */
const ARROW = 'application/vnd.apache.arrow.stream';
const arrowBody = (() => {
  const parsed = JSON.parse(columnsBody) as { columns: Record<string, unknown[]> };
  const types: Record<string, DataType> = {};
  for (const name of Object.keys(parsed.columns)) {
    const signal = SIGNALS.find((s) => s.name === name);
    types[name] = ['account_id', 'as_of', 'segment', 'account_name'].includes(name)
      ? utf8()
      : signal?.type === 'boolean'
        ? bool()
        : signal?.type === 'integer'
          ? int32()
          : float64();
  }
  return tableToIPC(tableFromArrays(parsed.columns, { types }), { format: 'stream' })!;
})();

interface Measure {
  rps: number;
  p50: number;
  p99: number;
  errors: number;
  batchP50: number;
  batchMax: number;
  /** Mean server-side time of a batch (Fastify's elapsed time, from /metrics); NaN for the bare floor. */
  batchServer: number;
  /** The same 10,000 accounts sent column by column. */
  columnsP50: number;
  columnsMax: number;
  /** The same columns, answering only score, band and probability (?fields=). */
  fieldsP50: number;
  /** The same columns as an Arrow IPC stream, answered as Arrow: all columns, then ?fields=. */
  arrowP50: number;
  arrowFieldsP50: number;
  rss: number;
  peak: number;
}

/** BATCHES sequential POSTs after WARMUPS untimed ones, each timed from send to last byte. */
async function timePosts(
  name: string,
  url: string,
  body: string | Uint8Array,
  type = 'application/json',
): Promise<number[]> {
  const bytes = typeof body === 'string' ? Buffer.from(body) : body;
  if (CLIENT === 'lean') return leanPosts(name, url, bytes, type);
  if (CLIENT === 'http')
    return timeHttpPosts(url, bytes, type, BATCHES, WARMUPS).catch((e: Error) => {
      throw new Error(`${name}: ${e.message}`);
    });
  const times: number[] = [];
  for (let i = 0; i < BATCHES + WARMUPS; i++) {
    const t0 = performance.now();
    const res = await fetch(url, { method: 'POST', headers: { 'content-type': type, accept: type }, body });
    await res.arrayBuffer();
    if (res.status !== 200) throw new Error(`${name}: ${url} answered ${res.status}`);
    if (i >= WARMUPS) times.push(performance.now() - t0);
  }
  return times;
}

/** timePosts from a lean client process (batch-client.ts), the body handed over in a file. */
async function leanPosts(name: string, url: string, body: Uint8Array, type: string): Promise<number[]> {
  const file = join(dataDir, `body-${process.pid}.bin`);
  await writeFile(file, body);
  const client = spawn(
    process.execPath,
    [join(root, 'dist/bench/serve/batch-client.js'), url, file, type, String(BATCHES), String(WARMUPS)],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let out = '';
  let err = '';
  client.stdout!.on('data', (d) => (out += d));
  client.stderr!.on('data', (d) => (err += d));
  // 'close', not 'exit': the process can exit before its output has all been read
  const code = await new Promise((resolve) => client.once('close', resolve));
  if (code !== 0) throw new Error(`${name}: the batch client exited (${code}): ${err}`);
  return (JSON.parse(out) as { times: number[] }).times;
}

/** The single-account load: autocannon after a 2 s warm-up; none with --columns-only or --objects-only. */
async function singleLoad(base: string) {
  if (COLUMNS_ONLY || OBJECTS_ONLY)
    return {
      requests: { average: Number.NaN },
      latency: { p50: Number.NaN, p99: Number.NaN },
      errors: 0,
      timeouts: 0,
      non2xx: 0,
    };
  await autocannon({ url: base, connections: CONNECTIONS, duration: 2, requests: singles });
  return autocannon({ url: base, connections: CONNECTIONS, duration: DURATION, requests: singles });
}

async function measure(t: Target, run: number): Promise<Measure> {
  const { proc, base } = await start(t, run);
  try {
    const r = await singleLoad(base);
    const afterSingle = rssMb(proc.pid!);
    const times = COLUMNS_ONLY ? [Number.NaN] : await timePosts(t.name, `${base}/v1/score/batch`, batchBody);
    const skip = async () => [Number.NaN];
    const columnTimes = OBJECTS_ONLY ? await skip() : await timePosts(t.name, `${base}/v1/score/columns`, columnsBody);
    const fieldTimes = OBJECTS_ONLY
      ? await skip()
      : await timePosts(t.name, `${base}/v1/score/columns?fields=${FIELDS}`, columnsBody);
    const arrowTimes = OBJECTS_ONLY
      ? await skip()
      : await timePosts(t.name, `${base}/v1/score/columns`, arrowBody, ARROW);
    const arrowFieldTimes = OBJECTS_ONLY
      ? await skip()
      : await timePosts(t.name, `${base}/v1/score/columns?fields=${FIELDS}`, arrowBody, ARROW);
    const mem = rssMb(proc.pid!);
    const metrics = await fetch(`${base}/metrics`).then((res) => (res.ok ? res.text() : ''));
    const series = (name: string) =>
      Number(new RegExp(`^${name}\\{route="/v1/score/batch",status="200"\\} (\\S+)$`, 'm').exec(metrics)?.[1] ?? NaN);
    const batchServer =
      (series('churnkit_http_request_duration_seconds_sum') / series('churnkit_http_request_duration_seconds_count')) *
      1000;
    return {
      rps: r.requests.average,
      p50: r.latency.p50,
      p99: r.latency.p99,
      errors: r.errors + r.timeouts + r.non2xx,
      batchP50: median(times),
      batchMax: quantile(times, 1),
      batchServer,
      columnsP50: median(columnTimes),
      columnsMax: quantile(columnTimes, 1),
      fieldsP50: median(fieldTimes),
      arrowP50: median(arrowTimes),
      arrowFieldsP50: median(arrowFieldTimes),
      rss: afterSingle.rss,
      peak: mem.peak,
    };
  } finally {
    await stop(proc);
  }
}

await mkdir(dataDir, { recursive: true });
const load = loadavg()
  .map((x) => x.toFixed(2))
  .join(' ');
const results = new Map<string, Measure[]>();
for (let run = 0; run < RUNS; run++) {
  for (const t of targets) {
    const m = await measure(t, run);
    results.set(t.name, [...(results.get(t.name) ?? []), m]);
    process.stderr.write(
      `run ${run + 1}/${RUNS} ${t.name}: ${m.rps.toFixed(0)} req/s, p50 ${m.p50} ms, p99 ${m.p99} ms, errors ${m.errors}, batch ${m.batchP50.toFixed(1)} ms (max ${m.batchMax.toFixed(1)}, server ${m.batchServer.toFixed(1)}), columns ${m.columnsP50.toFixed(1)} ms, ?fields= ${m.fieldsP50.toFixed(1)} ms, arrow ${m.arrowP50.toFixed(1)} ms, arrow ?fields= ${m.arrowFieldsP50.toFixed(1)} ms, RSS ${m.rss.toFixed(0)} MB\n`,
    );
  }
}
await rm(dataDir, { recursive: true, force: true });

const summary = targets.map((t) => {
  const ms = results.get(t.name)!;
  const pick = (k: keyof Measure) => median(ms.map((m) => m[k]));
  return {
    target: t.name,
    rps: pick('rps'),
    p50_ms: pick('p50'),
    p99_ms: pick('p99'),
    errors: ms.reduce((n, m) => n + m.errors, 0),
    batch_10k_ms: pick('batchP50'),
    batch_10k_max_ms: pick('batchMax'),
    batch_10k_server_ms: pick('batchServer'),
    columns_10k_ms: pick('columnsP50'),
    columns_10k_max_ms: pick('columnsMax'),
    columns_fields_10k_ms: pick('fieldsP50'),
    arrow_10k_ms: pick('arrowP50'),
    arrow_fields_10k_ms: pick('arrowFieldsP50'),
    rss_mb: pick('rss'),
    peak_rss_mb: pick('peak'),
  };
});
const floor = summary[0]!;
console.log(
  JSON.stringify(
    {
      runs: RUNS,
      duration_s: DURATION,
      connections: CONNECTIONS,
      batches: BATCHES,
      warmups: WARMUPS,
      client: CLIENT,
      loadavg_at_start: load,
      loadavg_at_end: loadavg()
        .map((x) => x.toFixed(2))
        .join(' '),
      summary,
    },
    null,
    2,
  ),
);
console.log(
  '\n| target | single req/s | p50 ms | p99 ms | errors | 10k batch median ms | 10k batch max ms | 10k batch server-side ms | 10k columnar median ms | 10k columnar max ms | 10k columnar ?fields= median ms | 10k Arrow median ms | 10k Arrow ?fields= median ms | RSS MB (peak) | req/s vs bare Fastify |',
);
console.log('|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|');
for (const s of summary) {
  console.log(
    `| ${s.target} | ${s.rps.toFixed(0)} | ${s.p50_ms} | ${s.p99_ms} | ${s.errors} | ${s.batch_10k_ms.toFixed(1)} | ${s.batch_10k_max_ms.toFixed(1)} | ${Number.isNaN(s.batch_10k_server_ms) ? 'n/a' : s.batch_10k_server_ms.toFixed(1)} | ${s.columns_10k_ms.toFixed(1)} | ${s.columns_10k_max_ms.toFixed(1)} | ${s.columns_fields_10k_ms.toFixed(1)} | ${s.arrow_10k_ms.toFixed(1)} | ${s.arrow_fields_10k_ms.toFixed(1)} | ${s.rss_mb.toFixed(0)} (${s.peak_rss_mb.toFixed(0)}) | ${(s.rps / floor.rps).toFixed(2)} |`,
  );
}
