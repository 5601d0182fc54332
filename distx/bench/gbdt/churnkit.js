/**
 * One churnkit gbdt run on a make_synthetic.py table: prints fit seconds (from matrices in
 * memory to a fitted model, binning included) and test AUC as one JSON line.
 * Usage: node dist/bench/gbdt/churnkit.js --data FILE --train-rows N [--test-from N] [--trees 300] [--depth 6] [--eta 0.1] [--threads 0]
 */
import { rocAuc } from '../../src/stats/index.js';
import { GbdtModel } from '../../src/learn/gbdt/index.js';
import { runSettings } from './data.js';
const { train, test, trees, depth, eta, f } = runSettings(process.argv.slice(2));
const model = new GbdtModel({
    n_estimators: trees,
    max_depth: depth,
    learning_rate: eta,
    // XGBoost's defaults, which peer.py leaves in place
    subsample: 1,
    colsample_bytree: 1,
    min_child_weight: 1,
    reg_lambda: 1,
    early_stopping_rounds: 0,
    threads: Number(f['threads'] ?? 0),
});
const cpu0 = process.cpuUsage();
const t0 = performance.now();
await model.fit(train);
const fitSeconds = (performance.now() - t0) / 1000;
const cpu = process.cpuUsage(cpu0);
const t1 = performance.now();
const margin = model.predictMargin(test.X);
const predictSeconds = (performance.now() - t1) / 1000;
// CPU seconds of all threads during the fit: on a busy machine, a steadier measure than wall time.
console.log(JSON.stringify({
    fit_seconds: fitSeconds,
    fit_cpu_seconds: (cpu.user + cpu.system) / 1e6,
    predict_seconds: predictSeconds,
    auc: rocAuc(test.y, margin),
}));
//# sourceMappingURL=churnkit.js.map