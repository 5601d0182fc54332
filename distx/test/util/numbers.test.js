/** Digit grouping as "en-US" writes it, without ICU (src/util/numbers.ts says why). */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { groupDigits } from '../../src/util/index.js';
test('groupDigits writes what toLocaleString("en-US") writes', () => {
    const cases = [0, -0, 1, -1, 7, 999, -999, 1000, -1000, 12_345, 999_999, 1_000_000, -1_234_567, 2 ** 53 - 1, 2 ** 53];
    for (let k = 0; k < 2000; k++)
        cases.push(Math.round((Math.sin(k) * 10) ** (k % 17)) * (k % 2 ? -1 : 1));
    cases.push(1.5, -2.25, 1e21, Number.NaN, Number.POSITIVE_INFINITY);
    for (const n of cases)
        assert.equal(groupDigits(n), n.toLocaleString('en-US'), String(n));
});
//# sourceMappingURL=numbers.test.js.map