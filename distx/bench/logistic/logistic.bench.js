/**
 * Logistic regression fit time, 200,000 x 10 (make_synthetic.py), side by side in one run:
 * churnkit, scikit-learn's LogisticRegression through ../shared/peers/peer.py (its fit_seconds,
 * same settings: no penalty, and --l2 1), and ml-logistic-regression (bounded: its default
 * learning rate, fewer steps than its default 50,000, extrapolated). Runs are interleaved so load
 * changes hit every contender alike; the table shows medians.
 *
 *   node dist/bench/logistic/logistic.bench.js [--runs 3] [--ml-steps 5]
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { loadavg } from 'node:os';
import { Matrix } from 'ml-matrix';
import MlLogisticRegression from 'ml-logistic-regression';
import { loadFrame } from '../../src/data/frame.js';
import { LogisticModel, applyPreprocessing, fitPreprocessing, takeRows, trainModel, } from '../../src/learn/index.js';
const ROOT = new URL('../../../', import.meta.url).pathname;
// The peer scripts sit beside the repository (../shared/peers), or where CHURNKIT_PEERS points.
const PEERS = process.env['CHURNKIT_PEERS'] ?? join(ROOT, '..', 'shared', 'peers');
const DATA = join(ROOT, 'bench/data/logistic/train200k.csv');
const TRAIN_ROWS = 200_000;
const COLUMNS = Array.from({ length: 10 }, (_, j) => `x${j}`);
function flag(name, fallback) {
    const k = process.argv.indexOf(name);
    return k >= 0 ? Number(process.argv[k + 1]) : fallback;
}
const loadAverage = () => loadavg()
    .map((v) => v.toFixed(2))
    .join(', ');
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
function sklearn(l2) {
    // peer.py trains on the first 75% of rows: 200,000 of the 266,667 written.
    const out = execFileSync('/usr/bin/python3', [join(PEERS, 'peer.py'), DATA, '--label', 'y', '--model', 'logistic', '--l2', String(l2)], { encoding: 'utf8' });
    const r = JSON.parse(out);
    if (r.rows_train !== TRAIN_ROWS)
        throw new Error(`peer.py trained on ${r.rows_train} rows`);
    const m = r.models.logistic;
    return { seconds: m.fit_seconds, intercept: m.intercept, coefficients: COLUMNS.map((c) => m.coefficients[c]) };
}
/** Largest |difference| over intercept and coefficients, relative to the largest |coefficient|. */
function relError(a, b) {
    const scale = Math.max(Math.abs(b.intercept), ...b.coefficients.map(Math.abs));
    let worst = Math.abs(a.intercept - b.intercept);
    a.coefficients.forEach((v, j) => (worst = Math.max(worst, Math.abs(v - b.coefficients[j]))));
    return worst / scale;
}
async function main() {
    const runs = flag('--runs', 3);
    const mlSteps = flag('--ml-steps', 5);
    if (!existsSync(DATA)) {
        mkdirSync(join(ROOT, 'bench/data/logistic'), { recursive: true });
        execFileSync('/usr/bin/python3', [
            join(PEERS, 'make_synthetic.py'),
            DATA,
            '--rows',
            '266667',
            '--cols',
            '10',
            '--seed',
            '0',
        ]);
    }
    const loadBefore = loadAverage();
    const all = await loadFrame(DATA);
    const frame = takeRows(all, Array.from({ length: TRAIN_ROWS }, (_, i) => i));
    const y = frame.columns['y'];
    const prep = fitPreprocessing(frame, {
        columns: COLUMNS,
        categorical: [],
        inputs: { impute: true, missingIndicators: false, standardize: false },
        missing: 'mean',
        table: 'bench',
    }).preprocessing;
    const X = applyPreprocessing(frame, prep);
    const rows = [];
    const results = {};
    for (const [label, l2] of [
        ['no penalty', 0],
        ['L2, lambda = 1', 1],
    ]) {
        const params = l2 === 0 ? {} : { l2, penalty_scale: 'original' };
        const fitTimes = [];
        const pipelineTimes = [];
        const peerTimes = [];
        let ours = null;
        let iterations = 0;
        let peer = null;
        for (let r = 0; r < runs; r++) {
            let t = performance.now();
            const m = await new LogisticModel(params).fit({ X, y });
            fitTimes.push((performance.now() - t) / 1000);
            ours = m.state();
            iterations = m.summary().iterations;
            t = performance.now();
            await trainModel(frame, {
                family: 'logistic',
                label: 'y',
                columns: COLUMNS,
                missing: 'mean',
                timeColumn: null,
                params,
            });
            pipelineTimes.push((performance.now() - t) / 1000);
            peer = sklearn(l2);
            peerTimes.push(peer.seconds);
        }
        const err = relError(ours, peer);
        results[label] = {
            churnkit_fit: fitTimes,
            churnkit_train_pipeline: pipelineTimes,
            sklearn_fit: peerTimes,
            coefficient_rel_diff: err,
            iterations,
        };
        rows.push(`| ${label} | ${median(fitTimes).toFixed(3)} | ${median(pipelineTimes).toFixed(3)} | ${median(peerTimes).toFixed(3)} | ${(median(peerTimes) / median(fitTimes)).toFixed(1)}x | ${err.toExponential(1)} |`);
    }
    // ml-logistic-regression: no intercept of its own, so it gets a column of ones (a fair chance).
    const features = new Matrix(TRAIN_ROWS, COLUMNS.length + 1);
    for (let i = 0; i < TRAIN_ROWS; i++) {
        features.set(i, 0, 1);
        COLUMNS.forEach((_, j) => features.set(i, j + 1, X.columns[j][i]));
    }
    const target = Matrix.columnVector(Array.from(y));
    const ml = new MlLogisticRegression({ numSteps: mlSteps });
    const t = performance.now();
    ml.train(features, target);
    const mlSeconds = (performance.now() - t) / 1000;
    // classifiers[0] is "class 1 vs the rest" after its one-vs-all relabelling, i.e. P(y = 1).
    const w = ml.classifiers[0].weights.to1DArray();
    const exact = (await new LogisticModel().fit({ X, y })).state();
    const mlErr = relError({ intercept: w[0], coefficients: w.slice(1) }, { intercept: exact.intercept, coefficients: exact.coefficients });
    const perStep = mlSeconds / mlSteps;
    results['ml-logistic-regression'] = {
        steps: mlSteps,
        seconds: mlSeconds,
        coefficient_rel_error: mlErr,
        extrapolated_default_seconds: perStep * 50_000,
    };
    const loadAfter = loadAverage();
    console.log(`load average before ${loadBefore}, after ${loadAfter}; ${runs} runs, medians in seconds\n`);
    console.log('| fit, 200,000 x 10 | churnkit fit | churnkit train pipeline | scikit-learn fit | sklearn / churnkit | coefficients vs sklearn (max rel diff) |');
    console.log('|---|---|---|---|---|---|');
    for (const r of rows)
        console.log(r);
    console.log(`\nml-logistic-regression, defaults but ${mlSteps} of its 50,000 steps (x2 one-vs-all classifiers): ${mlSeconds.toFixed(1)} s ` +
        `(default run extrapolated: ${((perStep * 50_000) / 60).toFixed(0)} min); coefficients' max error vs the exact optimum ${mlErr.toExponential(1)} of the largest coefficient`);
    console.log(`\n${JSON.stringify(results)}`);
}
await main();
//# sourceMappingURL=logistic.bench.js.map