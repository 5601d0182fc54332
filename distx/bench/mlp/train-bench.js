/**
 * Training time and test AUC of churnkit's mlp against its logistic and gbdt families on one
 * table, and of the mlp on the WebAssembly against the plain CPU TensorFlow.js backend. Every
 * measurement runs in a fresh child process (the TensorFlow.js backend is chosen once per
 * process); runs are interleaved so machine load spreads over all configurations; the table
 * reports medians.
 *
 *   node dist/bench/mlp/train-bench.js --table FILE --label y --train-rows N [--runs 3]
 *        [--configs logistic,gbdt,mlp:wasm,mlp:cpu] [--peer]
 *   node dist/bench/mlp/train-bench.js --table FEATURES.parquet --split-at 2024-04-01 [--runs 3]
 *
 * Each family trains through churnkit's pipeline (trainModel) with its defaults. With
 * --train-rows: the first N rows in row order, tested on the rest. With --split-at (a churnkit
 * feature table): trained on labeled rows whose 90-day label window ends by that date, tested on
 * labeled rows from that date on, on churnkit's default model columns. gbdt and mlp hold out
 * the latest 20% of the training rows for early stopping, as `churnkit train` does. Timing
 * covers trainModel only (inputs in memory, no process start).
 * --peer adds scikit-learn logistic regression, XGBoost and HistGradientBoosting (peer.py --model
 * all, --peer-script PATH) once per run.
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { basename, dirname, join } from 'node:path';
import { loadFrame } from '../../src/data/frame.js';
import { openDuckDB, quoteLiteral } from '../../src/data/duckdb.js';
import { rocAuc } from '../../src/stats/index.js';
import { DEFAULT_MODEL_COLUMNS, takeRows, trainModel } from '../../src/learn/index.js';
import { loadTf } from '../../src/learn/mlp/index.js';
const { values } = parseArgs({
    options: {
        table: { type: 'string' },
        label: { type: 'string', default: 'y' },
        'train-rows': { type: 'string' },
        'split-at': { type: 'string' },
        horizon: { type: 'string', default: '90' },
        runs: { type: 'string', default: '3' },
        configs: { type: 'string', default: 'logistic,gbdt,mlp:wasm,mlp:cpu' },
        peer: { type: 'boolean', default: false },
        // The peer scripts sit beside the repository (../shared/peers), or where CHURNKIT_PEERS points.
        'peer-script': {
            type: 'string',
            default: join(process.env['CHURNKIT_PEERS'] ??
                join(fileURLToPath(new URL('../../../', import.meta.url)), '..', 'shared', 'peers'), 'peer.py'),
        },
        child: { type: 'string' },
    },
});
const table = values.table;
const splitAt = values['split-at'];
if (!table || !(values['train-rows'] || splitAt))
    throw new Error('usage: --table FILE --label y (--train-rows N | --split-at DATE)');
const trainRows = Number(values['train-rows']);
const label = splitAt && !process.argv.includes('--label') ? 'churned_within_90d' : values.label;
function addDays(date, days) {
    return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86400000).toISOString().slice(0, 10);
}
/** Train and test row numbers: by row order, or by date with the label window kept out of the test period. */
function split(frame) {
    const all = Array.from({ length: frame.n }, (_, i) => i);
    if (!splitAt)
        return { train: all.slice(0, trainRows), test: all.slice(trainRows) };
    const asOf = frame.columns['as_of'];
    const y = frame.columns[label];
    const horizon = Number(values.horizon);
    const labeled = all.filter((i) => !Number.isNaN(y[i]));
    return {
        train: labeled.filter((i) => addDays(asOf[i], horizon) <= splitAt),
        test: labeled.filter((i) => asOf[i] >= splitAt),
    };
}
async function child(config) {
    const family = config.split(':')[0];
    const frame = await loadFrame(table);
    const rows = split(frame);
    const train = takeRows(frame, rows.train);
    const test = takeRows(frame, rows.test);
    // A churnkit feature table trains on the pipeline's default columns in time order.
    const columns = splitAt ? undefined : frame.names.filter((c) => c !== label);
    // TensorFlow.js starts once per process (about 0.1-0.3 s); measured apart from training.
    const t00 = performance.now();
    if (family === 'mlp')
        await loadTf();
    const init = (performance.now() - t00) / 1000;
    const t0 = performance.now();
    const model = await trainModel(train, { family, label, ...(columns ? { columns, timeColumn: null } : {}), seed: 0 });
    const fit = (performance.now() - t0) / 1000;
    const y = test.columns[label];
    const summary = model.summary();
    const detail = family === 'mlp'
        ? {
            backend: summary['backend'],
            init_seconds: init,
            epochs: summary['epochs_run'],
            best_epoch: summary['best_epoch'],
        }
        : {};
    return {
        fit_seconds: fit,
        auc: rocAuc(y, model.predictProba(test)),
        detail: { train_rows: rows.train.length, test_rows: rows.test.length, ...detail },
    };
}
function runChild(config) {
    const backend = config.split(':')[1];
    const env = { ...process.env, ...(backend ? { CHURNKIT_TF_BACKEND: backend } : {}) };
    const args = [
        fileURLToPath(import.meta.url),
        '--table',
        table,
        '--label',
        label,
        '--horizon',
        values.horizon,
        '--child',
        config,
    ];
    args.push(...(splitAt ? ['--split-at', splitAt] : ['--train-rows', String(trainRows)]));
    const r = spawnSync(process.execPath, args, { encoding: 'utf8', env, maxBuffer: 1 << 24 });
    if (r.status !== 0)
        throw new Error(`${config} failed: ${r.stderr}`);
    return JSON.parse(r.stdout.trim().split('\n').pop());
}
/**
 * peer.py on the same rows: by row order as given, or for --split-at a CSV of just the training
 * and test rows, so that peer.py's `as_of < split` is exactly churnkit's training set.
 */
async function peerTable() {
    if (!splitAt)
        return [table, '--label', label, '--train-rows', String(trainRows)];
    const csv = join(dirname(table), `${basename(table).replace(/\.[^.]+$/, '')}.peer-${splitAt}.csv`);
    const frame = await loadFrame(table);
    const rows = split(frame);
    const keep = new Set([...rows.train, ...rows.test]);
    const db = await openDuckDB();
    try {
        const reader = table.endsWith('.csv')
            ? `read_csv(${quoteLiteral(table)})`
            : `read_parquet(${quoteLiteral(table)})`;
        // Row numbers in file order, as loadFrame reads them.
        await db.connection.run(`CREATE TABLE t AS SELECT row_number() OVER () - 1 AS rn, * FROM ${reader}`);
        await db.connection.run(`CREATE TABLE keep (rn BIGINT)`);
        await db.connection.run(`INSERT INTO keep VALUES ${[...keep].map((i) => `(${i})`).join(',')}`);
        await db.connection.run(`COPY (SELECT * EXCLUDE (rn) FROM t WHERE rn IN (SELECT rn FROM keep) ORDER BY rn) TO ${quoteLiteral(csv)} (HEADER)`);
    }
    finally {
        db.close();
    }
    return [
        csv,
        '--label',
        label,
        '--split-col',
        'as_of',
        '--split-at',
        splitAt,
        '--columns',
        DEFAULT_MODEL_COLUMNS.join(','),
    ];
}
function runPeer(args) {
    const r = spawnSync('/usr/bin/python3', [values['peer-script'], ...args, '--model', 'all', '--threads', '2'], {
        encoding: 'utf8',
        maxBuffer: 1 << 24,
    });
    if (r.status !== 0)
        throw new Error(`peer.py failed: ${r.stderr}`);
    const out = JSON.parse(r.stdout);
    const detail = { train_rows: out.rows_train, test_rows: out.rows_test };
    return Object.fromEntries(Object.entries(out.models).map(([k, v]) => [`peer:${k}`, { fit_seconds: v.fit_seconds, auc: v.auc, detail }]));
}
function median(xs) {
    const s = [...xs].sort((a, b) => a - b);
    const m = s.length >> 1;
    return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}
if (values.child) {
    process.stdout.write(`${JSON.stringify(await child(values.child))}\n`);
}
else {
    const configs = values.configs.split(',');
    const runs = Number(values.runs);
    const results = new Map();
    const peerArgs = values.peer ? await peerTable() : null;
    const add = (k, m) => results.set(k, [...(results.get(k) ?? []), m]);
    for (let r = 1; r <= runs; r++) {
        for (const c of configs) {
            const m = runChild(c);
            add(c, m);
            process.stderr.write(`run ${r} ${c}: ${m.fit_seconds.toFixed(2)} s, AUC ${m.auc.toFixed(4)} ${JSON.stringify(m.detail ?? {})}\n`);
        }
        if (peerArgs) {
            for (const [k, m] of Object.entries(runPeer(peerArgs))) {
                add(k, m);
                process.stderr.write(`run ${r} ${k}: ${m.fit_seconds.toFixed(2)} s, AUC ${m.auc.toFixed(4)} ${JSON.stringify(m.detail)}\n`);
            }
        }
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
//# sourceMappingURL=train-bench.js.map