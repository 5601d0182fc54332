/**
 * The simulator's random source: churnkit's seeded Rng (xoshiro128**), tuned for the hot loop.
 * A uniform costs one 32-bit draw instead of two (32 bits of resolution are plenty for a
 * simulation), normals come in Box-Muller pairs, and a Poisson draw inverts the CDF from a single
 * uniform instead of multiplying one uniform per event.
 */
import { Rng } from '../util/index.js';
export declare class SimRng extends Rng {
    private spareNormal;
    private hasSpare;
    /** An independent stream for `label` under `seed` (e.g. one per account), seeded as Rng.derive does. */
    constructor(seed: number, label: string);
    next(): number;
    normal(mean?: number, sd?: number): number;
    /** Poisson by CDF inversion from one uniform; a rounded normal above a mean of 40. */
    poisson(lambda: number): number;
}
