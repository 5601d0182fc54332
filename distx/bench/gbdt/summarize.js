/**
 * Medians of bench/gbdt/run.sh results (JSON lines) as a markdown table, with each tool's
 * wall time relative to the faster of the XGBoost variants on the same data.
 */
import { readFileSync } from 'node:fs';
const median = (xs) => {
    const s = [...xs].sort((a, b) => a - b);
    const m = s.length >> 1;
    return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const results = readFileSync(process.argv[2], 'utf8')
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l));
const keys = [];
const groups = new Map();
for (const r of results) {
    const key = `${r.data}\u0000${r.tool}`;
    if (!groups.has(key)) {
        groups.set(key, []);
        keys.push(key);
    }
    groups.get(key).push(r);
}
const reference = new Map();
for (const key of keys) {
    const [data, tool] = key.split('\u0000');
    const rs = groups.get(key);
    if (!tool.startsWith('xgboost'))
        continue;
    const fit = median(rs.map((r) => r.fit_seconds));
    const best = reference.get(data);
    if (!best || fit < best.fit)
        reference.set(data, { fit, auc: median(rs.map((r) => r.auc)) });
}
console.log('| data | tool | runs | fit s (median) | vs faster XGBoost | CPU s | test AUC | AUC - XGBoost |');
console.log('|---|---|---|---|---|---|---|---|');
for (const key of keys) {
    const [data, tool] = key.split('\u0000');
    const rs = groups.get(key);
    const fit = median(rs.map((r) => r.fit_seconds));
    const auc = median(rs.map((r) => r.auc));
    const ref = reference.get(data);
    const ratio = ref ? `${(fit / ref.fit).toFixed(2)}x` : '';
    const dAuc = ref ? (auc - ref.auc >= 0 ? '+' : '') + (auc - ref.auc).toFixed(4) : '';
    const cpus = rs.flatMap((r) => (r.fit_cpu_seconds === undefined ? [] : [r.fit_cpu_seconds]));
    const cpu = cpus.length > 0 ? median(cpus).toFixed(2) : '';
    console.log(`| ${data} | ${tool} | ${rs.length} | ${fit.toFixed(2)} | ${ratio} | ${cpu} | ${auc.toFixed(4)} | ${dAuc} |`);
}
//# sourceMappingURL=summarize.js.map