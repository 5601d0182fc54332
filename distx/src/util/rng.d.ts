/**
 * A small, fast, seedable PRNG (xoshiro128**, seeded through splitmix32) so that every
 * random choice in churnkit is reproducible from one integer seed on any platform.
 */
export declare class Rng {
    private s0;
    private s1;
    private s2;
    private s3;
    private spare;
    constructor(seed: number | string);
    /** An independent stream derived from this seed and a label, for reproducible sub-tasks. */
    static derive(seed: number, label: string): Rng;
    /** Uniform 32-bit unsigned integer. */
    nextU32(): number;
    /** Uniform in [0, 1) with 53 bits of precision. */
    next(): number;
    /** Uniform integer in [0, n). */
    int(n: number): number;
    uniform(lo: number, hi: number): number;
    bernoulli(p: number): boolean;
    /** Standard normal (Marsaglia polar method). */
    normal(mean?: number, sd?: number): number;
    /** Poisson draw: Knuth's method for small means, a rounded normal approximation above 30. */
    poisson(lambda: number): number;
    /** One element of a non-empty array. */
    pick<T>(items: readonly T[]): T;
    /** Fisher-Yates shuffle in place. */
    shuffle<T>(items: T[]): T[];
}
/** FNV-1a, for turning labels into seeds. */
export declare function hashString(s: string): number;
