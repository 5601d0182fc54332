/**
 * Batch scoring throughput: a feature table of N accounts held in memory as column arrays,
 * scored by scoreColumns (the compiled columnar kernel), against the per-account scorers and,
 * with --peer, the same card interpreted by numpy (bench/scorecard/peer_numpy.py).
 *
 *   node dist/bench/scorecard/score-bench.js [--rows 1000000] [--runs 5] [--peer]
 *
 * Target (issue 7): >= 1,000,000 accounts per second on one core.
 */
import { spawnSync } from 'node:child_process';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Rng } from '../../src/util/rng.js';
import { compileScorer, loadScorecard, parseScorecard, scoreAccount, scoreColumns, } from '../../src/scorecard/index.js';
const root = fileURLToPath(new URL('../../../', import.meta.url));
const args = process.argv.slice(2);
const flag = (name, fallback) => {
    const k = args.indexOf(name);
    return k >= 0 ? Number(args[k + 1]) : fallback;
};
const N = flag('--rows', 1_000_000);
const RUNS = flag('--runs', 5);
const ROW_SAMPLE = Math.min(N, 100_000);
function median(xs) {
    const s = [...xs].sort((a, b) => a - b);
    return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
}
/** A feature table with values spread over the default card's bands, ~8% NULLs per feature. */
function table(n) {
    const rng = new Rng(2024);
    const spec = {
        usage_trend_14d: () => rng.normal(0, 0.3),
        login_frequency_change_14d: () => rng.normal(0, 0.3),
        license_utilization: () => rng.uniform(0, 1.2),
        feature_adoption_breadth_change_30d: () => rng.normal(0, 0.3),
        days_since_last_integration_added: () => rng.int(600),
        support_ticket_trend_30d: () => (rng.next() < 0.4 ? 0 : rng.uniform(-1, 3)),
        days_since_last_csm_interaction: () => rng.int(200),
        champion_engagement_change_30d: () => rng.normal(0, 0.5),
        nps_trend: () => rng.normal(0, 2),
        contract_value_vs_usage_ratio: () => Math.exp(rng.normal(0, 0.6)),
        days_to_renewal: () => 1 + rng.int(365),
    };
    const columns = {};
    for (const [name, draw] of Object.entries(spec))
        columns[name] = Float64Array.from({ length: n }, () => name !== 'days_to_renewal' && rng.next() < 0.08 ? NaN : draw());
    for (const [name, p] of [
        ['zero_usage_14d', 0.03],
        ['champion_departed', 0.05],
        ['active_escalation', 0.04],
    ])
        columns[name] = Float64Array.from({ length: n }, () => (rng.next() < p ? 1 : 0));
    const segments = ['enterprise', 'mid_market', 'smb'];
    columns['segment'] = Array.from({ length: n }, () => segments[rng.int(3)]);
    return { n, columns };
}
/** The default card with what calibrate adds: per-segment thresholds and a 40-knot probability map. */
function calibratedLike(card) {
    const x = Array.from({ length: 40 }, (_, k) => 2.5 * k + 1);
    const y = x.map((s) => 0.6 / (1 + Math.exp((s - 35) / 8)));
    return parseScorecard({
        ...card,
        name: 'calibrated-like',
        bands: {
            green: 65,
            yellow: 38,
            segments: { enterprise: { green: 70, yellow: 45 }, smb: { green: 60, yellow: 33 } },
        },
        probability: { method: 'isotonic', x, y },
    });
}
/** CPU seconds of each timed run (user + system of this process): load from other jobs on a shared machine inflates wall time, not this. */
const cpuSeconds = [];
function time(fn) {
    const c = process.cpuUsage();
    const t = process.hrtime.bigint();
    fn();
    const wall = Number(process.hrtime.bigint() - t) / 1e9;
    const used = process.cpuUsage(c);
    cpuSeconds.push((used.user + used.system) / 1e6);
    return wall;
}
const defaultCard = await loadScorecard('default');
const cards = [defaultCard, calibratedLike(defaultCard)];
process.stderr.write(`generating ${N.toLocaleString('en-US')} rows\n`);
const data = table(N);
const rows = Array.from({ length: ROW_SAMPLE }, (_, i) => Object.fromEntries(Object.entries(data.columns).map(([k, c]) => [k, c[i]])));
const results = [];
const record = (what, rowsScored, seconds, cpu) => {
    const m = median(seconds);
    const mc = cpu ? median(cpu) : null;
    results.push({ what, rows: rowsScored, medianSeconds: m, rowsPerSecond: rowsScored / m, medianCpuSeconds: mc });
    process.stderr.write(`${what}: median ${m.toFixed(4)} s wall${mc !== null ? `, ${mc.toFixed(4)} s CPU` : ''}, ${(rowsScored / m).toLocaleString('en-US', { maximumFractionDigits: 0 })} rows/s\n`);
};
const lastCpu = (k) => cpuSeconds.slice(-k);
let checksum = 0;
for (const card of cards) {
    scoreColumns(card, {
        n: 10_000,
        columns: Object.fromEntries(Object.entries(data.columns).map(([k, c]) => [k, c.slice(0, 10_000)])),
    }); // warm-up
    const secs = [];
    for (let r = 0; r < RUNS; r++)
        secs.push(time(() => (checksum += scoreColumns(card, data).score[0])));
    record(`scoreColumns, ${card.name} card`, N, secs, lastCpu(RUNS));
    // the same into preallocated outputs (a stream of equal batches): no allocation per run
    const into = scoreColumns(card, data);
    const reused = [];
    for (let r = 0; r < RUNS; r++)
        reused.push(time(() => (checksum += scoreColumns(card, data, into).score[0])));
    record(`scoreColumns into preallocated outputs, ${card.name} card`, N, reused, lastCpu(RUNS));
}
for (const card of cards.slice(0, 1)) {
    const f = compileScorer(card);
    const secs = [];
    for (let r = 0; r < Math.min(RUNS, 3); r++)
        secs.push(time(() => rows.forEach((s) => (checksum += f(s).score))));
    record(`compileScorer per account, ${card.name} card`, ROW_SAMPLE, secs, lastCpu(secs.length));
    const ref = [];
    for (let r = 0; r < Math.min(RUNS, 3); r++)
        ref.push(time(() => rows.forEach((s) => (checksum += scoreAccount(card, s).score))));
    record(`scoreAccount per account (reference), ${card.name} card`, ROW_SAMPLE, ref, lastCpu(ref.length));
}
let peer = null;
let peerCheck = '';
if (args.includes('--peer')) {
    const dir = join(root, 'bench', 'data', 'scorecard');
    await mkdir(dir, { recursive: true });
    const csvPath = join(dir, `table-${N}.csv`);
    const cardPath = join(dir, 'calibrated-like.json');
    const names = Object.keys(data.columns);
    const lines = [names.join(',')];
    for (let i = 0; i < N; i++)
        lines.push(names
            .map((k) => {
            const v = data.columns[k][i];
            return typeof v === 'number' && Number.isNaN(v) ? '' : String(v);
        })
            .join(','));
    await writeFile(csvPath, `${lines.join('\n')}\n`);
    await writeFile(cardPath, JSON.stringify(cards[1]));
    process.stderr.write('running the numpy peer\n');
    const r = spawnSync('/usr/bin/python3', [join(root, 'bench', 'scorecard', 'peer_numpy.py'), cardPath, csvPath, '--runs', String(RUNS)], { encoding: 'utf8', maxBuffer: 1 << 24 });
    if (r.status !== 0)
        throw new Error(`peer failed: ${r.stderr}`);
    peer = JSON.parse(r.stdout);
    const ours = scoreColumns(cards[1], data);
    const sum = ours.score.reduce((a, b) => a + b, 0);
    const bandCounts = [0, 1, 2].map((k) => ours.band.reduce((a, b) => a + (b === k ? 1 : 0), 0));
    const esc = ours.escalate.reduce((a, b) => a + b, 0);
    const probSum = ours.probability.reduce((a, b) => a + b, 0);
    const same = Math.abs(sum - peer.score_sum) <= 1e-9 * Math.abs(sum) &&
        bandCounts.join() === peer.bands.join() &&
        esc === peer.escalate &&
        Math.abs(probSum - peer.probability_sum) <= 1e-9 * probSum;
    peerCheck = same
        ? 'numpy peer agrees (score sum to 1e-9 relative, band counts, escalations, probability sum)'
        : `MISMATCH: ours ${sum} ${bandCounts} ${esc} ${probSum}, peer ${JSON.stringify(peer)}`;
    process.stderr.write(`${peerCheck}\n`);
    record('numpy peer (vectorised), calibrated-like card', peer.rows, peer.seconds, peer.cpu_seconds ?? null);
}
const ref = results.find((r) => r.what.startsWith('scoreColumns, calibrated'));
const refInto = results.find((r) => r.what.startsWith('scoreColumns into preallocated outputs, calibrated'));
const lines = [
    '| scorer | rows | median wall s | accounts/s (wall) | median CPU s | accounts/CPU-s | vs numpy peer (wall) |',
    '|---|---:|---:|---:|---:|---:|---:|',
];
const peerRate = results.find((r) => r.what.startsWith('numpy'))?.rowsPerSecond;
for (const r of results)
    lines.push(`| ${r.what} | ${r.rows.toLocaleString('en-US')} | ${r.medianSeconds.toFixed(4)} | ${Math.round(r.rowsPerSecond).toLocaleString('en-US')} | ${r.medianCpuSeconds?.toFixed(4) ?? '-'} | ${r.medianCpuSeconds ? Math.round(r.rows / r.medianCpuSeconds).toLocaleString('en-US') : '-'} | ${peerRate ? `${(r.rowsPerSecond / peerRate).toFixed(2)}x` : '-'} |`);
process.stdout.write(`${lines.join('\n')}\n\n${peerCheck}\ntarget >= 1,000,000 accounts/s (calibrated-like card, wall): ${ref.rowsPerSecond >= 1e6 ? 'met' : 'MISSED'} allocating outputs, ${refInto.rowsPerSecond >= 1e6 ? 'met' : 'MISSED'} into preallocated outputs (checksum ${checksum.toFixed(3)})\n`);
//# sourceMappingURL=score-bench.js.map