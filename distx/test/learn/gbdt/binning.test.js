import assert from 'node:assert/strict';
import { test } from 'node:test';
import { findBinBounds, sortFinite } from '../../../src/learn/gbdt/binning.js';
import { Rng } from '../../../src/util/index.js';
/** Bin bounds as first written: sort, list the distinct values and their counts, then cut. */
function referenceBounds(values, maxBin) {
    const finite = values.filter((v) => !Number.isNaN(v)).sort();
    const between = (a, b) => {
        const m = a / 2 + b / 2;
        return m >= b || m < a ? a : m;
    };
    const distinct = [];
    const counts = [];
    for (const v of finite) {
        if (distinct.length > 0 && distinct[distinct.length - 1] === v)
            counts[counts.length - 1]++;
        else {
            distinct.push(v);
            counts.push(1);
        }
    }
    const upper = [];
    if (distinct.length <= maxBin) {
        for (let i = 0; i + 1 < distinct.length; i++)
            upper.push(between(distinct[i], distinct[i + 1]));
    }
    else {
        let remaining = finite.length;
        let binsLeft = maxBin;
        let acc = 0;
        for (let i = 0; i + 1 < distinct.length && binsLeft > 1; i++) {
            acc += counts[i];
            const target = remaining / binsLeft;
            if (acc >= target || counts[i + 1] >= target) {
                upper.push(between(distinct[i], distinct[i + 1]));
                remaining -= acc;
                acc = 0;
                binsLeft--;
            }
        }
    }
    upper.push(Infinity);
    return Float64Array.from(upper);
}
function column(n, seed, draw) {
    const rng = new Rng(seed);
    return Float64Array.from({ length: n }, () => draw(rng));
}
test('the radix sort orders finite numbers as Float64Array.sort does, -0 before +0', () => {
    const rng = new Rng(3);
    const bits = new Float64Array(20_000);
    const words = new Uint32Array(bits.buffer);
    // Random bit patterns cover subnormals, huge and tiny magnitudes and both signs.
    for (let i = 0; i < words.length; i++)
        words[i] = rng.nextU32();
    const finite = bits.filter((v) => Number.isFinite(v));
    const cases = [
        finite,
        column(5_000, 4, (r) => Math.round(r.next() * 20) - 10),
        Float64Array.from({ length: 2_000 }, (_, i) => (i % 2 ? 0 : -0)),
        column(3_000, 5, (r) => r.next() * 1e-300),
        column(100, 6, (r) => r.next() - 0.5),
    ];
    for (const values of cases) {
        const expected = values.slice().sort();
        const got = values.slice();
        sortFinite(got);
        assert.deepEqual(new Uint8Array(got.buffer), new Uint8Array(expected.buffer));
    }
});
test('bin bounds are those of the plain algorithm on continuous, discrete, heavy and missing values', () => {
    const cases = [
        ['continuous', column(30_000, 1, (r) => r.next() * 10 - 5)],
        ['few distinct values', column(30_000, 2, (r) => Math.floor(r.next() * 40))],
        ['a mass of zeros', column(30_000, 3, (r) => (r.next() < 0.6 ? 0 : r.next() * 100))],
        ['zeros of both signs', column(30_000, 4, (r) => (r.next() < 0.5 ? (r.next() < 0.5 ? -0 : 0) : r.next() - 0.5))],
        ['missing values', column(30_000, 5, (r) => (r.next() < 0.3 ? NaN : Math.round(r.next() * 1000)))],
        ['all missing', new Float64Array(100).fill(NaN)],
        ['one value', new Float64Array(1000).fill(7)],
    ];
    for (const [name, values] of cases) {
        for (const maxBin of [2, 16, 255]) {
            assert.deepEqual(findBinBounds(values, maxBin), referenceBounds(values, maxBin), `${name}, ${maxBin} bins`);
        }
    }
});
//# sourceMappingURL=binning.test.js.map