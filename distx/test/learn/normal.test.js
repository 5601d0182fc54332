import { test } from 'node:test';
import { erfc, normalQuantile, normalSf } from '../../src/learn/normal.js';
import { close, json } from './helpers.js';
const ref = json('references.json').normal;
test('erfc and the normal tail keep full relative precision far into the tail (scipy)', () => {
    ref.z.forEach((z, k) => {
        close(erfc(z), ref.erfc[k], 1e-13, `erfc(${z})`);
        // sf(z) = erfc(z / sqrt 2)/2 has condition number ~z^2: rounding z / sqrt 2 alone costs z^2 * eps.
        close(normalSf(z), ref.sf[k], Math.max(1e-13, 4e-16 * z * z), `sf(${z})`);
    });
});
test('normal quantiles equal scipy norm.ppf', () => {
    ref.p.forEach((p, k) => close(normalQuantile(p), ref.ppf[k], 1e-12, `ppf(${p})`, 1e-15));
});
//# sourceMappingURL=normal.test.js.map