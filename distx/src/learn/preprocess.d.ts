/**
 * From a feature table (Frame) to the numeric Matrix a model reads, and the record of how
 * (Preprocessing) that makes prediction repeat it exactly: numbers and booleans as they are
 * (booleans 0/1), categoricals one-hot with the first level (sorted) dropped, NULL handling and
 * standardization as the family asks.
 *
 * NULLs in numeric inputs, for families that impute (logistic, mlp): replaced by the training
 * mean (the default, `missing: 'mean'`: measured better on small histories, docs/models.md);
 * with `missing: 'indicator'` each input that has NULLs in training also
 * gets a `name:missing` 0/1 column, so "no NPS responses" can carry its own risk instead of
 * pretending to be an average account. Not when its NULL rows all have one label (the
 * indicator's coefficient would be infinite), and one indicator serves columns that are NULL on
 * the same rows; `preprocessing.notes` says which. `missing: 'mean'` is plain mean imputation (scikit-learn
 * SimpleImputer / peer.py). A NULL category, or a level not seen in training, is all zeros (the
 * reference level).
 */
import type { Frame } from '../data/index.js';
import type { Matrix, Preprocessing } from './model.js';
import type { FamilyInputs } from './families.js';
import { InputError } from '../util/index.js';
export type MissingStrategy = 'indicator' | 'mean';
export interface PreprocessOptions {
    columns: readonly string[];
    categorical: readonly string[];
    inputs: FamilyInputs;
    missing: MissingStrategy;
    /** Table name for error messages. */
    table: string;
    /** Training labels (0/1, one per frame row): an indicator is only added where it can be estimated. */
    label?: Float64Array;
}
export declare const MISSING_SUFFIX = ":missing";
/**
 * Why a column that is not numeric cannot be read, naming the first row that shows it: a number
 * written for people ("$1,200") is not parsed here, because a table's separators cannot be
 * guessed ("1,200" is 1.2 in much of Europe); text with a few levels can be one-hot encoded by
 * the models (`categoricalHint`), not by a scorecard. `need` says what the column must be.
 */
export declare function notNumeric(frame: Frame, name: string, table: string, options?: {
    need?: string;
    categoricalHint?: boolean;
}): InputError;
/**
 * The model columns of a table checked before any work: present, and numeric unless listed as
 * categorical (a backtest says so at once, not at its first fold).
 */
export declare function checkModelColumns(frame: Frame, columns: readonly string[], categorical: readonly string[], table: string): void;
/** Learns the preprocessing from training rows. */
export declare function fitPreprocessing(frame: Frame, opts: PreprocessOptions): {
    preprocessing: Preprocessing;
    warnings: string[];
};
/** The model Matrix for any rows (training or new), exactly as the preprocessing says. */
export declare function applyPreprocessing(frame: Frame, prep: Preprocessing, table?: string): Matrix;
