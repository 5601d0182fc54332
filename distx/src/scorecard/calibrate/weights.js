/**
 * From non-negative coefficients on lost points to the card's two levels of weights, rounded so
 * that each level sums to exactly 1, and their bootstrap intervals.
 */
import { quantile } from 'simple-statistics';
import { Rng } from '../../util/index.js';
import { fitNonNegative } from './nonneg.js';
import { round } from './binning.js';
/** Rounds non-negative shares to `digits` decimals summing to 1 (largest remainder, ties by position). */
export function roundShares(shares, digits = 4) {
    const unit = 10 ** digits;
    const total = shares.reduce((a, b) => a + b, 0);
    const scaled = shares.map((s) => (total > 0 ? (s / total) * unit : unit / shares.length));
    const floors = scaled.map(Math.floor);
    let left = unit - floors.reduce((a, b) => a + b, 0);
    const order = scaled.map((s, k) => ({ k, rem: s - Math.floor(s) })).sort((a, b) => b.rem - a.rem || a.k - b.k);
    for (const { k } of order) {
        if (left <= 0)
            break;
        floors[k]++;
        left--;
    }
    return floors.map((f) => f / unit);
}
/** Splits effective weights into layer weights and within-layer weights (equal shares in a zero layer). */
export function splitWeights(effective, groups) {
    const layer = groups.map((g) => g.reduce((a, j) => a + effective[j], 0));
    const signal = groups.map((g, l) => g.map((j) => (layer[l] > 0 ? effective[j] / layer[l] : 1 / g.length)));
    return { layer, signal };
}
export function cardWeights(fit, groups) {
    const sum = fit.coef.reduce((a, b) => a + b, 0);
    const effective = Array.from(fit.coef, (c) => c / sum);
    const { layer, signal } = splitWeights(effective, groups);
    return { layer: roundShares(layer), signal: signal.map((s) => roundShares(s)), effective };
}
/**
 * Refits the weights on account-level bootstrap resamples (all snapshots of an account go in
 * or out together, since they are not independent), with the points held fixed.
 */
export function bootstrapWeights(Z, target, loss, accounts, groups, full, resamples, seed, ridge, onStep) {
    if (resamples <= 0)
        return null;
    const ids = new Map();
    const cluster = Int32Array.from(accounts, (a) => {
        const key = a ?? '';
        let id = ids.get(key);
        if (id === undefined) {
            id = ids.size;
            ids.set(key, id);
        }
        return id;
    });
    const m = ids.size;
    const rng = Rng.derive(seed, 'scorecard-bootstrap');
    const draws = [];
    const counts = new Float64Array(m);
    const weight = new Float64Array(target.length);
    for (let b = 0; b < resamples; b++) {
        counts.fill(0);
        for (let k = 0; k < m; k++)
            counts[rng.int(m)]++;
        for (let i = 0; i < weight.length; i++)
            weight[i] = counts[cluster[i]];
        const fit = fitNonNegative(Z, target, loss, { weight, init: full, ridge });
        const sum = fit.coef.reduce((a, c) => a + c, 0);
        if (sum > 0) {
            const effective = Array.from(fit.coef, (c) => c / sum);
            draws.push({ ...splitWeights(effective, groups), effective });
        }
        onStep?.(b + 1);
    }
    if (draws.length === 0)
        return null;
    const interval = (values) => [
        round(quantile(values, 0.05), 4),
        round(quantile(values, 0.95), 4),
    ];
    return {
        layer: groups.map((_, l) => interval(draws.map((d) => d.layer[l]))),
        signal: groups.map((g, l) => g.map((_, j) => interval(draws.map((d) => d.signal[l][j])))),
        effective: full.coef.length ? Array.from(full.coef, (_, j) => interval(draws.map((d) => d.effective[j]))) : [],
        resamples: draws.length,
    };
}
//# sourceMappingURL=weights.js.map