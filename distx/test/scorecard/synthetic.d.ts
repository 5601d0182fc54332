/**
 * A feature table drawn straight from a known logistic truth, for calibration tests that need
 * to know the answer: which layer matters, how each feature moves risk. Monthly snapshots per
 * account; the last three months are censored (NULL label), as a real table's are.
 */
import type { Frame } from '../../src/data/frame.js';
import { LAYERS, type Layer } from '../../src/features/index.js';
export interface SyntheticOptions {
    accounts: number;
    months: number;
    seed: number;
    /** Multiplies the true log-odds effect of every feature of the layer (default 1). */
    layers?: Partial<Record<Layer, number>>;
    /** Log-odds at neutral features (default -3: about 5% churn). */
    intercept?: number;
    /** Per segment, multiplies the layer effects on top of `layers`: drivers that differ by segment. */
    segmentLayers?: Partial<Record<(typeof SEGMENTS)[number], Partial<Record<Layer, number>>>>;
    /** The segment of account a (default: enterprise, mid_market, smb in turn). */
    segmentOf?: (a: number) => string;
}
declare const SEGMENTS: readonly ['enterprise', 'mid_market', 'smb'];
export declare function syntheticFeatureTable(options: SyntheticOptions): Frame;
export { LAYERS };
/** The frame as a CSV file's text (NULL = empty field), for tests that go through the CLI. */
export declare function frameCsv(frame: Frame): string;
