/**
 * Small-data benchmark (issue 15): simulated histories of 100 to 5,000 accounts with the traits
 * of small real ones (`simulate --preset small-history`: a growing book, so many young accounts;
 * a champion on every account from its first day, so champion engagement is NULL exactly when the
 * champion has left; usage recorded from month 13 only), backtested by churnkit (logistic, gbdt,
 * auto; defaults) and by peer_backtest.py (XGBoost, HistGradientBoosting, standardized logistic
 * regression) on the same quarterly folds from --start. AUC is rank-based and deterministic: the
 * machine's load does not move it. Pooled AUC is taken over the folds the peers keep (training and
 * test rows with both classes), from churnkit's oof.parquet.
 *
 * Each part's result is kept in bench/data/smalldata/ (ck-N-S.json, peer-N-S.json), so a long run
 * can be split across processes (--part churnkit or --part peers) and the table assembled at the
 * end (--part table). The peers' results are reused when present (they do not depend on churnkit);
 * churnkit's only with --reuse.
 *
 *   npm run build && node dist/bench/smalldata/run.js --sizes 100,300,1000,5000 --seeds 1,2,3
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { mkdir, readFile, rename, stat, writeFile } from 'node:fs/promises';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { loadFrame } from '../../src/data/index.js';
import { rocAuc } from '../../src/stats/index.js';
const { values } = parseArgs({
    options: {
        sizes: { type: 'string', default: '100,300,1000,5000' },
        seeds: { type: 'string', default: '1,2,3' },
        start: { type: 'string', default: '2024-07-01' },
        models: { type: 'string', default: 'logistic,gbdt,auto' },
        part: { type: 'string', default: 'all' },
        reuse: { type: 'boolean', default: false },
        peers: { type: 'string' },
    },
});
const root = fileURLToPath(new URL('../../../', import.meta.url));
const cli = join(root, 'dist', 'src', 'cli', 'main.js');
const data = join(root, 'bench', 'data', 'smalldata');
// The shared peers sit beside the repository (../shared/peers), or two levels up from a git worktree.
const peerScript = values.peers ??
    [
        join(root, '..', 'shared', 'peers', 'peer_backtest.py'),
        join(root, '..', '..', 'shared', 'peers', 'peer_backtest.py'),
    ]
        .filter((path) => existsSync(path))
        .concat(['peer_backtest.py'])[0];
const parts = values.part === 'all' ? ['churnkit', 'peers', 'table'] : values.part.split(',');
const models = values.models.split(',');
const sizes = values.sizes.split(',').map(Number);
const seeds = values.seeds.split(',').map(Number);
function run(cmd, args) {
    const p = spawnSync(cmd, args, { encoding: 'utf8', maxBuffer: 1 << 26 });
    if (p.status !== 0)
        throw new Error(`${cmd} ${args.join(' ')} failed (${p.status}): ${p.stderr}`);
    return p.stdout;
}
async function exists(path) {
    try {
        await stat(path);
        return true;
    }
    catch {
        return false;
    }
}
async function readJson(path) {
    return (await exists(path)) ? JSON.parse(await readFile(path, 'utf8')) : undefined;
}
async function writeJson(path, value) {
    await writeFile(`${path}.tmp`, `${JSON.stringify(value, null, 1)}\n`);
    await rename(`${path}.tmp`, path);
}
/** A history with the traits, as a CSV feature table (built once into bench/data/smalldata/). */
async function history(accounts, seed) {
    const dir = join(data, `s-${accounts}-${seed}`);
    const features = `${dir}.csv`;
    if (await exists(features))
        return features;
    process.stderr.write(`building ${features}\n`);
    await mkdir(data, { recursive: true });
    run(process.execPath, [cli, 'simulate', '--accounts', String(accounts), '--preset', 'small-history', '--seed'].concat([
        String(seed),
        '--out',
        dir,
    ]));
    run(process.execPath, [cli, 'features', '--data', dir, '--out', features]);
    return features;
}
async function churnkit(accounts, seed) {
    const path = join(data, `ck-${accounts}-${seed}.json`);
    const kept = values.reuse ? await readJson(path) : undefined;
    if (kept)
        return kept;
    const features = await history(accounts, seed);
    const out = join(data, `bt-${accounts}-${seed}`);
    const load = loadavg()[0];
    const t0 = performance.now();
    run(process.execPath, [cli, 'backtest', '--features', features, '--models', values.models, '--start', values.start].concat([
        '--out',
        out,
        '--json',
    ]));
    const seconds = (performance.now() - t0) / 1000;
    const metrics = JSON.parse(await readFile(join(out, 'metrics.json'), 'utf8'));
    const folds = new Set(metrics.folds
        .filter((f) => f.train.positives > 0 && f.train.positives < f.train.rows)
        .filter((f) => f.test.positives > 0 && f.test.positives < f.test.rows)
        .map((f) => f.cutoff));
    const oof = await loadFrame(join(out, 'oof.parquet'));
    const model = oof.columns['model'];
    const cutoff = oof.columns['cutoff'];
    const label = oof.columns['label'];
    const probability = oof.columns['probability'];
    const pooled = {};
    for (const name of models) {
        const y = [];
        const p = [];
        for (let i = 0; i < oof.n; i++)
            if (model[i] === name && folds.has(cutoff[i])) {
                y.push(label[i]);
                p.push(probability[i]);
            }
        pooled[name] = rocAuc(Float64Array.from(y), Float64Array.from(p));
    }
    // A copy of dist/ made for a long run has no .git: it names its commit in COMMIT.
    const commit = existsSync(join(root, 'COMMIT'))
        ? readFileSync(join(root, 'COMMIT'), 'utf8').trim()
        : run('git', ['-C', root, 'rev-parse', '--short', 'HEAD']).trim();
    const result = { accounts, seed, commit, folds: folds.size, pooled_auc: pooled, seconds, load };
    await writeJson(path, result);
    return result;
}
async function peers(accounts, seed) {
    const path = join(data, `peer-${accounts}-${seed}.json`);
    const kept = await readJson(path);
    if (kept)
        return kept;
    const features = await history(accounts, seed);
    const load = loadavg()[0];
    const t0 = performance.now();
    const peer = JSON.parse(run('/usr/bin/python3', [peerScript, features, values.start]));
    const result = { accounts, seed, ...peer, seconds: (performance.now() - t0) / 1000, load };
    await writeJson(path, result);
    return result;
}
for (const accounts of sizes)
    for (const seed of seeds) {
        if (parts.includes('churnkit')) {
            const r = await churnkit(accounts, seed);
            process.stderr.write(`churnkit ${accounts} seed ${seed}: ${JSON.stringify(r.pooled_auc)} ${r.seconds.toFixed(0)} s\n`);
        }
        if (parts.includes('peers')) {
            const r = await peers(accounts, seed);
            process.stderr.write(`peers ${accounts} seed ${seed}: ${JSON.stringify(r.pooled_auc)} ${r.seconds.toFixed(0)} s\n`);
        }
    }
if (parts.includes('table')) {
    const f = (v) => (v === undefined || Number.isNaN(v) ? '-' : v.toFixed(3));
    const signed = (v) => `${v >= 0 ? '+' : '−'}${Math.abs(v).toFixed(3)}`;
    const mean = (xs) => xs.reduce((a, b) => a + b, 0) / xs.length;
    const sd = (xs) => xs.length < 2 ? 0 : Math.sqrt(xs.reduce((a, x) => a + (x - mean(xs)) ** 2, 0) / (xs.length - 1));
    // Margins each target asks for: churnkit minus its peer (the target is met where margin >= 0).
    const margins = (o, p) => {
        const best = Math.max(...Object.values(p.pooled_auc));
        return {
            logistic: o.pooled_auc['logistic'] - p.pooled_auc['logistic'] + 0.005,
            gbdt: o.pooled_auc['gbdt'] - p.pooled_auc['xgboost'] + 0.005,
            auto: o.pooled_auc['auto'] - best - 0.005,
        };
    };
    const verdict = (name, m) => `${name} ${m >= 0 ? 'met' : 'missed'} (${signed(m)})`;
    const perSeed = [];
    const perSize = [];
    for (const accounts of sizes) {
        const pairs = [];
        for (const seed of seeds) {
            const o = await readJson(join(data, `ck-${accounts}-${seed}.json`));
            const p = await readJson(join(data, `peer-${accounts}-${seed}.json`));
            if (!o || !p) {
                // One side finished: its numbers, and the targets left open.
                const ours = (name) => f(o?.pooled_auc[name]);
                const theirs = (name) => (p ? f(p.pooled_auc[name]) : 'not finished');
                perSeed.push(`| ${accounts.toLocaleString('en-US')} | ${seed} | ${o?.folds ?? p?.folds ?? '-'} | ${p ? p.test_rows.toLocaleString('en-US') : '-'} | ${o ? ours('logistic') : 'not finished'} | ${ours('gbdt')} | ${ours('auto')} | ${theirs('logistic')} | ${theirs('xgboost')} | ${theirs('hgb')} | open | ${o ? o.seconds.toFixed(0) : '-'} / ${p ? p.seconds.toFixed(0) : '-'} | ${o ? o.load.toFixed(1) : '-'} / ${p ? p.load.toFixed(1) : '-'} |`);
                continue;
            }
            if (o.folds !== p.folds)
                throw new Error(`${accounts}/${seed}: folds differ: churnkit ${o.folds}, peers ${p.folds}`);
            pairs.push({ o, p });
            const m = margins(o, p);
            const targets = [verdict('logistic', m.logistic), verdict('gbdt', m.gbdt)];
            if (accounts >= 300)
                targets.push(verdict('auto', m.auto));
            perSeed.push(`| ${accounts.toLocaleString('en-US')} | ${seed} | ${p.folds} | ${p.test_rows.toLocaleString('en-US')} | ${f(o.pooled_auc['logistic'])} | ${f(o.pooled_auc['gbdt'])} | ${f(o.pooled_auc['auto'])} | ${f(p.pooled_auc['logistic'])} | ${f(p.pooled_auc['xgboost'])} | ${f(p.pooled_auc['hgb'])} | ${targets.join(', ')} | ${o.seconds.toFixed(0)} / ${p.seconds.toFixed(0)} | ${o.load.toFixed(1)} / ${p.load.toFixed(1)} |`);
        }
        if (pairs.length === 0)
            continue;
        const col = (get) => {
            const xs = pairs.map(get);
            return `${f(mean(xs))} ± ${f(sd(xs))}`;
        };
        const ms = pairs.map(({ o, p }) => margins(o, p));
        const target = (name) => {
            const xs = ms.map((m) => m[name]);
            const worst = Math.min(...xs);
            return `${name} ${mean(xs) >= 0 ? 'met' : 'missed'} on the mean (${signed(mean(xs))} ± ${f(sd(xs))}; worst seed ${signed(worst)})`;
        };
        const targets = [target('logistic'), target('gbdt')];
        if (accounts >= 300)
            targets.push(target('auto'));
        perSize.push(`| ${accounts.toLocaleString('en-US')} | ${pairs.length} | ${col(({ o }) => o.pooled_auc['logistic'])} | ${col(({ o }) => o.pooled_auc['gbdt'])} | ${col(({ o }) => o.pooled_auc['auto'])} | ${col(({ p }) => p.pooled_auc['logistic'])} | ${col(({ p }) => p.pooled_auc['xgboost'])} | ${col(({ p }) => p.pooled_auc['hgb'])} | ${targets.join('; ')} |`);
    }
    process.stdout.write([
        '| accounts | seed | folds | test rows | churnkit logistic | churnkit gbdt | churnkit auto | sklearn logistic | XGBoost | HGB | targets (margin over the target) | wall s churnkit / peers | load churnkit / peers |',
        '| -------- | ---- | ----- | --------- | ----------------- | ------------- | ------------- | ---------------- | ------- | --- | -------------------------------- | ----------------------- | --------------------- |',
        ...perSeed,
        '',
        '| accounts | seeds | churnkit logistic | churnkit gbdt | churnkit auto | sklearn logistic | XGBoost | HGB | targets (mean ± sd of the margin over seeds) |',
        '| -------- | ----- | ----------------- | ------------- | ------------- | ---------------- | ------- | --- | -------------------------------------------- |',
        ...perSize,
        '',
    ].join('\n'));
}
//# sourceMappingURL=run.js.map