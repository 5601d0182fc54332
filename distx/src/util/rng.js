/**
 * A small, fast, seedable PRNG (xoshiro128**, seeded through splitmix32) so that every
 * random choice in churnkit is reproducible from one integer seed on any platform.
 */
export class Rng {
    s0;
    s1;
    s2;
    s3;
    spare = null;
    constructor(seed) {
        let x = typeof seed === 'string' ? hashString(seed) : seed >>> 0;
        const next = () => {
            x = (x + 0x9e3779b9) >>> 0;
            let z = x;
            z = Math.imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0;
            z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0;
            return (z ^ (z >>> 16)) >>> 0;
        };
        this.s0 = next();
        this.s1 = next();
        this.s2 = next();
        this.s3 = next();
    }
    /** An independent stream derived from this seed and a label, for reproducible sub-tasks. */
    static derive(seed, label) {
        return new Rng((hashString(label) ^ Math.imul(seed >>> 0, 0x9e3779b1)) >>> 0);
    }
    /** Uniform 32-bit unsigned integer. */
    nextU32() {
        const result = Math.imul(rotl(Math.imul(this.s1, 5) >>> 0, 7), 9) >>> 0;
        const t = (this.s1 << 9) >>> 0;
        this.s2 ^= this.s0;
        this.s3 ^= this.s1;
        this.s1 ^= this.s2;
        this.s0 ^= this.s3;
        this.s2 ^= t;
        this.s3 = rotl(this.s3, 11);
        this.s0 >>>= 0;
        this.s1 >>>= 0;
        this.s2 >>>= 0;
        this.s3 >>>= 0;
        return result;
    }
    /** Uniform in [0, 1) with 53 bits of precision. */
    next() {
        const hi = this.nextU32() >>> 5;
        const lo = this.nextU32() >>> 6;
        return (hi * 67108864 + lo) / 9007199254740992;
    }
    /** Uniform integer in [0, n). */
    int(n) {
        return Math.floor(this.next() * n);
    }
    uniform(lo, hi) {
        return lo + (hi - lo) * this.next();
    }
    bernoulli(p) {
        return this.next() < p;
    }
    /** Standard normal (Marsaglia polar method). */
    normal(mean = 0, sd = 1) {
        if (this.spare !== null) {
            const v = this.spare;
            this.spare = null;
            return mean + sd * v;
        }
        let u, v, s;
        do {
            u = 2 * this.next() - 1;
            v = 2 * this.next() - 1;
            s = u * u + v * v;
        } while (s >= 1 || s === 0);
        const f = Math.sqrt((-2 * Math.log(s)) / s);
        this.spare = v * f;
        return mean + sd * u * f;
    }
    /** Poisson draw: Knuth's method for small means, a rounded normal approximation above 30. */
    poisson(lambda) {
        if (lambda <= 0)
            return 0;
        if (lambda > 30)
            return Math.max(0, Math.round(this.normal(lambda, Math.sqrt(lambda))));
        const l = Math.exp(-lambda);
        let k = 0;
        let p = 1;
        do {
            k++;
            p *= this.next();
        } while (p > l);
        return k - 1;
    }
    /** One element of a non-empty array. */
    pick(items) {
        return items[this.int(items.length)];
    }
    /** Fisher-Yates shuffle in place. */
    shuffle(items) {
        for (let i = items.length - 1; i > 0; i--) {
            const j = this.int(i + 1);
            [items[i], items[j]] = [items[j], items[i]];
        }
        return items;
    }
}
function rotl(x, k) {
    return ((x << k) | (x >>> (32 - k))) >>> 0;
}
/** FNV-1a, for turning labels into seeds. */
export function hashString(s) {
    let h = 0x811c9dc5;
    for (let i = 0; i < s.length; i++) {
        h ^= s.charCodeAt(i);
        h = Math.imul(h, 0x01000193);
    }
    return h >>> 0;
}
//# sourceMappingURL=rng.js.map