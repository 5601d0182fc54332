/**
 * Population stability index per feature: how far the latest quarter's values have moved from
 * the quarter before it. Bins are the reference quarter's deciles plus one bin for NULL, so a
 * feature that starts coming back empty drifts too. Conventional reading: < 0.1 stable,
 * 0.1-0.25 moderate shift, > 0.25 a shift worth a look before trusting the weights.
 */
import type { Frame } from '../data/index.js';
export interface DriftRow {
    feature: string;
    psi: number | null;
    reference_rows: number;
    current_rows: number;
}
export interface Drift {
    reference: {
        from: string;
        to: string;
    } | null;
    current: {
        from: string;
        to: string;
    } | null;
    features: DriftRow[];
}
/** PSI of `current` against `reference`, on the reference's decile edges plus a NULL bin. */
export declare function populationStability(reference: readonly number[], current: readonly number[]): number | null;
/** Latest quarter of as-of dates against the quarter before it, for each of the ten features. */
export declare function featureDrift(frame: Frame): Drift;
