/**
 * Time-ordered cross-fitting: instead of giving away the latest slice of a small history to
 * calibration or early stopping, the labeled rows are cut into K blocks of consecutive as-of
 * dates; each block is predicted by a model fitted on the other blocks less an embargo of the
 * label window on both sides (split.ts timeFolds). The out-of-fold margins cover every row of a
 * usable block; early stopping chooses one number of rounds on the folds' summed validation
 * loss; the caller then fits once more on every row with those rounds and calibrates on the
 * out-of-fold margins.
 */
import type { Frame } from '../data/index.js';
import { type Progress } from '../util/index.js';
import type { FamilyDefinition } from './families.js';
import { type PreprocessOptions } from './preprocess.js';
export type ClassWeight = 'none' | 'balanced';
export declare function gather(values: Float64Array, rows: readonly number[]): Float64Array;
/** scikit-learn's balanced weights n / (2 n_class), or undefined for none. */
export declare function classWeights(y: Float64Array, mode: ClassWeight): Float64Array | undefined;
export interface CrossFitFoldSummary {
    from: string;
    to: string;
    train_rows: number;
    validation_rows: number;
    embargoed_rows: number;
    /** Why a fold was not fitted (its training rows have one class). */
    skipped?: string;
}
export interface CrossFit {
    /** Labeled rows with an out-of-fold margin, in the order of `margin`. */
    rows: number[];
    margin: Float64Array;
    /** Rounds chosen by early stopping across the folds; undefined when the family does not early-stop. */
    rounds?: number;
    summary: CrossFitSummary;
}
/** What a cross-fit leaves in the artifact (provenance.training.cross_fit). */
export interface CrossFitSummary {
    folds: CrossFitFoldSummary[];
    out_of_fold_rows: number;
    rounds?: number;
    /** Mean validation log loss at the chosen rounds, over the out-of-fold rows. */
    validation_log_loss?: number;
}
export interface CrossFitOptions {
    family: FamilyDefinition;
    params: Record<string, unknown>;
    seed: number;
    /** Columns of the frame the fits read (time, inputs, label). */
    used: readonly string[];
    prepOptions: Omit<PreprocessOptions, 'label'>;
    classWeight: ClassWeight;
    /** The family early-stops: fold fits record every round's validation loss. */
    wantsValidation: boolean;
    folds: number;
    embargoDays: number;
    progress?: Progress;
}
export declare function bothClasses(y: Float64Array): boolean;
export declare function crossFitMargins(frame: Frame, yAll: Float64Array, labeled: readonly number[], times: readonly (string | null)[] | null, options: CrossFitOptions): Promise<CrossFit>;
