/**
 * Reads make_synthetic.py tables (x0..x{d-1}, y; "nan" or empty = missing) into the Matrix
 * layout, outside the timed part of a benchmark.
 */
import { readFileSync } from 'node:fs';
/** Training rows [0, trainRows), test rows [testFrom, end) (testFrom defaults to trainRows). */
export function readSyntheticSplit(file, trainRows, testFrom = trainRows) {
    const text = readFileSync(file, 'utf8');
    const lines = text.split('\n').filter((l) => l.length > 0);
    const names = lines[0].split(',').slice(0, -1);
    const F = names.length;
    const n = lines.length - 1;
    const columns = Array.from({ length: F }, () => new Float64Array(n));
    const y = new Float64Array(n);
    for (let i = 0; i < n; i++) {
        const cells = lines[i + 1].split(',');
        for (let j = 0; j < F; j++) {
            const c = cells[j];
            columns[j][i] = c === '' || c === 'nan' ? NaN : Number(c);
        }
        y[i] = Number(cells[F]);
    }
    const part = (from, to) => ({
        X: { n: to - from, names, columns: columns.map((c) => c.subarray(from, to)) },
        y: y.subarray(from, to),
    });
    return { train: part(0, trainRows), test: part(testFrom, n) };
}
/** Command-line `--key value` pairs. */
export function flags(argv) {
    const out = {};
    for (let i = 0; i < argv.length; i += 2)
        out[argv[i].replace(/^--/, '')] = argv[i + 1];
    return out;
}
/** The shared settings of one run: the data split and the boosting parameters. */
export function runSettings(argv) {
    const f = flags(argv);
    const trainRows = Number(f['train-rows'] ?? 150000);
    const { train, test } = readSyntheticSplit(f['data'], trainRows, Number(f['test-from'] ?? trainRows));
    return {
        train,
        test,
        trees: Number(f['trees'] ?? 300),
        depth: Number(f['depth'] ?? 6),
        eta: Number(f['eta'] ?? 0.1),
        f,
    };
}
//# sourceMappingURL=data.js.map