/**
 * The simulator's random source: churnkit's seeded Rng (xoshiro128**), tuned for the hot loop.
 * A uniform costs one 32-bit draw instead of two (32 bits of resolution are plenty for a
 * simulation), normals come in Box-Muller pairs, and a Poisson draw inverts the CDF from a single
 * uniform instead of multiplying one uniform per event.
 */
import { Rng, hashString } from '../util/index.js';
const TWO_POW_32 = 4294967296;
export class SimRng extends Rng {
    spareNormal = 0;
    hasSpare = false;
    /** An independent stream for `label` under `seed` (e.g. one per account), seeded as Rng.derive does. */
    constructor(seed, label) {
        super((hashString(label) ^ Math.imul(seed >>> 0, 0x9e3779b1)) >>> 0);
    }
    next() {
        return this.nextU32() / TWO_POW_32;
    }
    normal(mean = 0, sd = 1) {
        if (this.hasSpare) {
            this.hasSpare = false;
            return mean + sd * this.spareNormal;
        }
        const r = Math.sqrt(-2 * Math.log(1 - this.next()));
        const theta = 2 * Math.PI * this.next();
        this.spareNormal = r * Math.sin(theta);
        this.hasSpare = true;
        return mean + sd * r * Math.cos(theta);
    }
    /** Poisson by CDF inversion from one uniform; a rounded normal above a mean of 40. */
    poisson(lambda) {
        if (!(lambda > 0))
            return 0;
        if (lambda > 40)
            return Math.max(0, Math.round(this.normal(lambda, Math.sqrt(lambda))));
        const u = this.next();
        let p = Math.exp(-lambda);
        let cdf = p;
        let k = 0;
        while (u > cdf && k < 200) {
            k++;
            p *= lambda / k;
            cdf += p;
        }
        return k;
    }
}
//# sourceMappingURL=random.js.map