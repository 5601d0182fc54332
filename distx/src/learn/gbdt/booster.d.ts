import { type Progress } from '../../util/index.js';
import type { FitData } from '../model.js';
import { type GrowParams } from './grower.js';
import type { Tree } from './tree.js';
export interface BoostConfig extends GrowParams {
    nEstimators: number;
    maxBin: number;
    subsample: number;
    colsampleByTree: number;
    scalePosWeight: number;
    earlyStoppingRounds: number;
    /** Keep every tree grown, also those after the best round (cross-fitting compares folds round by round). */
    keepAllRounds?: boolean;
    /** 0 = choose by data size. */
    threads: number;
    seed: number;
}
export interface BoostResult {
    baseScore: number;
    trees: Tree[];
    /** Rounds run (before early stopping truncated the trees). */
    rounds: number;
    /** 0-based round with the best validation loss, or the last round without validation. */
    bestIteration: number;
    /** Validation log loss at bestIteration; null without validation rows. */
    bestValidationLoss: number | null;
    /** Validation log loss after each round, when early stopping watched it; empty otherwise. */
    validationLoss: number[];
    /**
     * Margins of the training rows and of the validation rows with the kept trees: the same bits
     * as predicting them again (predict.ts adds trees in the same order), kept so the caller need not.
     */
    trainMargin: Float64Array;
    validationMargin: Float64Array | null;
    threads: number;
    /** Bin upper bounds per feature (binning.ts), for binned prediction and diagnostics. */
    bounds: Float64Array[];
}
/**
 * From this many cells (rows x features) a second thread is used when `threads` is 0: below it
 * the worker's start-up (tens of milliseconds) and per-batch wake-ups weigh more than the half
 * of the work it takes over (bench/README.md has the measurements).
 */
export declare const AUTO_PARALLEL_CELLS = 1000000;
export declare function boost(train: FitData, cfg: BoostConfig, validation?: FitData, progress?: Progress): Promise<BoostResult>;
