/**
 * Quantile binning (LightGBM's "dataset" step): each feature's values are cut into at most
 * `maxBin` bins once, before boosting, and every later step works on the small bin codes.
 *
 * Bin 0 holds missing values (NaN); value bins are 1..nb, where bin j (1-based) holds
 * x <= upper[j - 1] above the previous bound, and upper[nb - 1] = +Infinity. A split "bin <= s"
 * is therefore exactly "x <= upper[s - 1]" on raw values, so raw and binned prediction agree.
 */
import { InputError } from '../../util/index.js';
export const MISSING_BIN = 0;
/** Value bins per feature at most: bin codes are bytes and bin 0 is missing. */
export const MAX_VALUE_BINS = 255;
/** Rows used to find bin bounds at most (LightGBM's bin_construct_sample_cnt). */
export const BIN_SAMPLE_ROWS = 200_000;
/** Raises an input error for +-Infinity: models take finite numbers, NaN meaning missing. */
export function checkFinite(X, table = 'model input') {
    for (let j = 0; j < X.columns.length; j++) {
        const col = X.columns[j];
        for (let i = 0; i < col.length; i++) {
            const v = col[i];
            if (v === Infinity || v === -Infinity) {
                throw new InputError({ table, row: i + 1, column: X.names[j] ?? `#${j}` }, `value ${v} is not finite (use NULL for missing)`);
            }
        }
    }
}
/** A bound between two neighbouring distinct values a < b: in [a, b), so b falls in the next bin. */
function between(a, b) {
    const m = a / 2 + b / 2;
    return m >= b || m < a ? a : m;
}
/**
 * Sorts finite numbers ascending, in place (-0 before +0). The engine's typed-array sort is
 * native code, fast from its first call; an LSD radix sort in JavaScript was faster once
 * optimized, but binning sorts each feature once per process, before the JIT has warmed up,
 * where the radix sort cost 2.5x the CPU of this one (10 columns of 150,000 values, a fresh
 * process each time).
 */
export function sortFinite(values) {
    values.sort();
}
/** The end of the run of values equal to sorted[start] (sorted[start..end) are equal). */
function runEnd(sorted, start, n) {
    const v = sorted[start];
    let end = start + 1;
    while (end < n && sorted[end] === v)
        end++;
    return end;
}
/**
 * Bin upper bounds for one feature from its (sampled) values: one bin per distinct value when
 * there are few, otherwise bins of roughly equal counts where a heavy value (say, a mass of
 * zeros) gets a bin of its own rather than swallowing its neighbours. Works on the sorted
 * values' runs of equal values directly (no list of distinct values).
 */
export function findBinBounds(values, maxBin) {
    let n = 0;
    const finite = new Float64Array(values.length);
    for (let i = 0; i < values.length; i++) {
        const v = values[i];
        if (!Number.isNaN(v))
            finite[n++] = v;
    }
    const sorted = finite.subarray(0, n);
    sortFinite(sorted);
    if (n === 0)
        return Float64Array.of(Infinity);
    let k = 1;
    for (let i = 1; i < n && k <= maxBin; i++)
        if (sorted[i] !== sorted[i - 1])
            k++;
    const upper = [];
    if (k <= maxBin) {
        for (let i = 1; i < n; i++)
            if (sorted[i] !== sorted[i - 1])
                upper.push(between(sorted[i - 1], sorted[i]));
    }
    else {
        let remaining = n;
        let binsLeft = maxBin;
        let acc = 0;
        // The current run [start, end) and the next one [end, next).
        let start = 0;
        let end = runEnd(sorted, 0, n);
        while (end < n && binsLeft > 1) {
            const next = runEnd(sorted, end, n);
            acc += end - start;
            const target = remaining / binsLeft;
            if (acc >= target || next - end >= target) {
                upper.push(between(sorted[start], sorted[end]));
                remaining -= acc;
                acc = 0;
                binsLeft--;
            }
            start = end;
            end = next;
        }
    }
    upper.push(Infinity);
    return Float64Array.from(upper);
}
/** The bin code of one raw value (NaN -> 0). */
export function binOf(upper, v) {
    if (Number.isNaN(v))
        return MISSING_BIN;
    let lo = 0;
    let hi = upper.length - 1;
    while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        if (v <= upper[mid])
            hi = mid;
        else
            lo = mid + 1;
    }
    return lo + 1;
}
/**
 * The rows bin bounds are found from: null (all rows) up to BIN_SAMPLE_ROWS, otherwise a
 * sorted uniform sample of that many (selection sampling), reproducible from the seed.
 */
export function binSample(n, rng) {
    if (n <= BIN_SAMPLE_ROWS)
        return null;
    const sample = new Uint32Array(BIN_SAMPLE_ROWS);
    let need = BIN_SAMPLE_ROWS;
    let k = 0;
    for (let i = 0; i < n && need > 0; i++) {
        if (rng.next() * (n - i) < need) {
            sample[k++] = i;
            need--;
        }
    }
    return sample;
}
/** Bin bounds of one column, from the sampled rows (all when `sample` is null). */
export function columnBinBounds(col, maxBin, sample) {
    if (!sample)
        return findBinBounds(col, maxBin);
    const vals = new Float64Array(sample.length);
    for (let i = 0; i < sample.length; i++)
        vals[i] = col[sample[i]];
    return findBinBounds(vals, maxBin);
}
/** The bin codes of one column with the given bounds, into `out` (one code per row). */
export function binColumn(col, upper, out) {
    for (let i = 0; i < out.length; i++)
        out[i] = binOf(upper, col[i]);
}
/**
 * Bounds of features [from, to) of `columns` (returned), and their codes written column-major
 * into `codes` (feature j at j * n): one thread's share of binning a training matrix.
 */
export function binFeatures(columns, from, to, maxBin, sample, codes, n) {
    const bounds = [];
    for (let j = from; j < to; j++) {
        const upper = columnBinBounds(columns[j - from], maxBin, sample);
        binColumn(columns[j - from], upper, codes.subarray(j * n, (j + 1) * n));
        bounds.push(upper);
    }
    return bounds;
}
/** Column-major bin codes, codes[j * n + i] for feature j, row i. */
export function binColumnMajor(X, bounds) {
    const n = X.n;
    const codes = new Uint8Array(n * bounds.length);
    bounds.forEach((upper, j) => binColumn(X.columns[j], upper, codes.subarray(j * n, (j + 1) * n)));
    return codes;
}
/** The same codes transposed to row-major (rows x features), the histogram kernel's layout. */
export function transposeBins(colMajor, n, features, out) {
    for (let j = 0; j < features; j++) {
        const off = j * n;
        for (let i = 0; i < n; i++)
            out[i * features + j] = colMajor[off + i];
    }
}
//# sourceMappingURL=binning.js.map