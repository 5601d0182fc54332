import { readFileSync } from 'node:fs';
import { Rng } from '../../../src/util/rng.js';
import { fixture } from '../../support/paths.js';
/** A numeric CSV of test/fixtures/gbdt (x0..x9, y; empty cells are missing). */
export function readSynthetic(name) {
    const lines = readFileSync(fixture('gbdt', name), 'utf8').trim().split('\n');
    const header = lines[0].split(',');
    const F = header.length - 1;
    const n = lines.length - 1;
    const columns = Array.from({ length: F }, () => new Float64Array(n));
    const y = new Float64Array(n);
    for (let i = 0; i < n; i++) {
        const cells = lines[i + 1].split(',');
        for (let j = 0; j < F; j++)
            columns[j][i] = cells[j] === '' ? NaN : Number(cells[j]);
        y[i] = Number(cells[F]);
    }
    return { X: { n, names: header.slice(0, F), columns }, y };
}
/** Rows [from, to) of a data set. */
export function slice(data, from, to) {
    return {
        X: { n: to - from, names: data.X.names, columns: data.X.columns.map((c) => c.subarray(from, to)) },
        y: data.y.subarray(from, to),
    };
}
/** A small synthetic data set: y ~ Bernoulli(sigmoid(score(x))), features standard normal. */
export function simulate(n, F, seed, score, missing = 0) {
    const rng = new Rng(seed);
    const columns = Array.from({ length: F }, () => new Float64Array(n));
    const y = new Float64Array(n);
    const x = new Array(F);
    for (let i = 0; i < n; i++) {
        for (let j = 0; j < F; j++)
            x[j] = rng.normal();
        y[i] = rng.next() < 1 / (1 + Math.exp(-score(x))) ? 1 : 0;
        for (let j = 0; j < F; j++)
            columns[j][i] = missing > 0 && rng.next() < missing ? NaN : x[j];
    }
    return { X: { n, names: Array.from({ length: F }, (_, j) => `x${j}`), columns }, y };
}
/** The same matrix with row i's feature j replaced. */
export function withValue(X, j, values) {
    return { n: X.n, names: X.names, columns: X.columns.map((c, k) => (k === j ? values : c)) };
}
export function sameBits(a, b) {
    if (a.length !== b.length)
        return false;
    const ua = new Uint8Array(a.buffer, a.byteOffset, a.byteLength);
    const ub = new Uint8Array(b.buffer, b.byteOffset, b.byteLength);
    return ua.every((v, i) => v === ub[i]);
}
/** Parameters that make this implementation grow what XGBoost's defaults grow. */
export const XGBOOST_DEFAULTS = {
    subsample: 1,
    colsample_bytree: 1,
    colsample_bynode: 1,
    min_child_weight: 1,
    reg_lambda: 1,
    gamma: 0,
    early_stopping_rounds: 0,
};
//# sourceMappingURL=support.js.map