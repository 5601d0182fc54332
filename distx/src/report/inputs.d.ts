import { type BacktestMetrics } from '../evaluate/index.js';
import { type Drift } from './drift.js';
import type { DecileRow, ScoreBin, WeightRow } from './specs.js';
export declare function readBacktest(dir: string): Promise<BacktestMetrics>;
/** Scorecards' test-fold scores in 5-point bins by band, from oof.parquet. */
export declare function scoreBins(dir: string): Promise<ScoreBin[]>;
export interface FeatureEvidence {
    deciles: DecileRow[];
    drift: Drift;
}
export declare function featureEvidence(path: string): Promise<FeatureEvidence>;
/**
 * Layer weights and each signal's share of the whole score (layer weight x signal weight), for
 * the previous scorecard and the new one; the new one's 90% intervals come from the fidelity
 * report `churnkit calibrate` writes beside it, when it is there.
 */
export declare function weightRows(previousPath: string, nextPath: string): Promise<WeightRow[]>;
export declare function scorecardLabel(path: string): string;
