/**
 * The one interface every model family implements (docs/training.md), after scikit-learn's
 * estimator contract: hyperparameters go to the constructor, `fit` learns, and the learned
 * state is plain JSON data that round-trips through the model artifact.
 */
import type { CrossFitSummary } from './crossfit.js';
import type { Progress } from '../util/index.js';

export type ModelFamily = 'logistic' | 'gbdt' | 'mlp' | 'auto';

/**
 * A numeric design matrix, column-major: `columns[j][i]` is feature j of row i, NaN = missing.
 * Column-major suits histogram binning and IRLS; families that want rows transpose once.
 * Read-only: a column may be the frame's own (applyPreprocessing copies only what it changes).
 */
export interface Matrix {
  n: number;
  names: readonly string[];
  columns: readonly Float64Array[];
}

export interface FitData {
  X: Matrix;
  /** Labels, 0 or 1. */
  y: Float64Array;
  /** Per-row weights (class weights already applied); all 1 when absent. */
  weight?: Float64Array;
}

export interface FitOptions {
  /** A later time slice, for early stopping; never the test fold. */
  validation?: FitData;
  /**
   * Boosting rounds to grow, already chosen (by cross-fitting): no early stopping then. Families
   * without rounds ignore it.
   */
  rounds?: number;
  /**
   * With a validation slice: record every round's loss and keep every tree grown (early stopping
   * still ends the fit once the loss has not improved for its patience), so that cross-fitting
   * can compare folds round by round.
   */
  fullCurve?: boolean;
  /**
   * Each row's as-of date and the label window, for families that validate inside fit() in
   * time order (auto); without times, row order stands for time and there is no embargo.
   */
  times?: readonly string[];
  embargoDays?: number;
  progress?: Progress;
}

/** Margins of a fit's training rows and of its FitOptions.validation rows (null without). */
export interface FittedMargins {
  train: Float64Array;
  validation: Float64Array | null;
}

/**
 * Per-row attributions: `bias + sum_j contributions[j][i] = margin[i]` (log-odds) for every
 * row, exactly, so that reasons shown to a CSM add up to the prediction.
 */
export interface Explanation {
  names: readonly string[];
  bias: Float64Array;
  /** Column-major like Matrix: contributions[j][i]. */
  contributions: Float64Array[];
}

export interface ChurnModel<State = unknown, Diagnostics extends object = Record<string, unknown>> {
  readonly family: ModelFamily;
  /** Hyperparameters as given to the constructor (with defaults filled in). */
  readonly params: Readonly<Record<string, unknown>>;
  fit(data: FitData, options?: FitOptions): Promise<this>;
  /** Log-odds of churn, uncalibrated. */
  predictMargin(X: Matrix): Float64Array;
  explain(X: Matrix): Explanation;
  /**
   * The margins of the rows the last fit() saw, the same bits predictMargin gives for them,
   * when the family kept them while fitting (a booster does): the pipeline then reports
   * training and holdout metrics without predicting those rows again. Null or absent otherwise.
   */
  fittedMargins?(): FittedMargins | null;
  /**
   * What predicting and explaining need, as plain data (the artifact's `state`, checked by the
   * family's schema on load); throws before fit.
   */
  state(): State;
  /**
   * How the fit went (coefficient table, importance, epochs): the artifact's `diagnostics`. A
   * model restored from its state reports only what the state holds (logistic: nothing).
   */
  summary(): Diagnostics;
  /**
   * Families that early-stop on rounds (gbdt): the validation log loss after each round of the
   * last fit with a validation slice (every round when early stopping is off), and a way to keep
   * only the first rounds. Cross-fitting chooses the rounds across folds with these.
   */
  validationLoss?(): readonly number[];
  keepRounds?(rounds: number): void;
  /** Families that cross-fit inside fit() (auto): out-of-fold margins of fit's rows, for calibration. */
  outOfFold?(): { rows: number[]; margin: Float64Array } | null;
}

/** How raw feature-table columns become the model's numeric inputs. */
export type InputColumn =
  | { name: string; kind: 'numeric' }
  /** One-hot with the first level as reference (dropped); unseen levels and NULL give all zeros. */
  | { name: string; kind: 'categorical'; levels: string[] };

export interface Preprocessing {
  inputs: InputColumn[];
  /**
   * Names of the numeric model inputs, in order: per input, a numeric column gives `name` (then
   * `name:missing` when it has a missing indicator), a categorical gives `name=level` per kept level.
   */
  outputs: string[];
  /** Numeric inputs that get a 0/1 `name:missing` output (they had NULLs in training). */
  missing_indicators?: string[];
  /** Decisions worth knowing (e.g. columns sharing one missing indicator). */
  notes?: string[];
  /** Per output, the value that replaces NaN; absent when the family handles NaN itself (gbdt). */
  impute?: number[];
  /** Per output, centre and scale applied before the model; absent when the family does not standardize. */
  standardize?: { center: number[]; scale: number[] };
}

export type Calibration =
  | { method: 'none' }
  | { method: 'platt'; a: number; b: number; fitted_on: SliceInfo }
  | { method: 'isotonic'; x: number[]; y: number[]; fitted_on: SliceInfo };

export interface SliceInfo {
  rows: number;
  positives: number;
  as_of_from?: string;
  as_of_to?: string;
}

export interface Provenance {
  churnkit_version: string;
  label: string;
  rows: number;
  positives: number;
  as_of_from?: string;
  as_of_to?: string;
  horizon_days?: number;
  /** SHA-256 of the training rows as read (columns used, in order), so a model can be tied to its data. */
  data_fingerprint: string;
  seed?: number;
  /** The training choices and the row split (version 1 kept them at the top level). */
  training: TrainingRecord;
  /** No wall-clock time on purpose: the same data and seed give the same bytes. */
}

export interface SplitSummary {
  labeled_rows: number;
  censored_rows: number;
  train_rows: number;
  holdout_rows: number;
  embargoed_rows: number;
  /** none: every labeled row fitted, nothing held out; cross_fit: the same, with out-of-fold margins (training.cross_fit). */
  by: 'none' | 'time' | 'row_order' | 'cross_fit';
  holdout_from?: string;
  holdout_to?: string;
}

/** The training choices and the row split behind a model (the artifact's `provenance.training`). */
export interface TrainingRecord {
  split: SplitSummary;
  /** Time-ordered cross-fitting (crossfit.ts): its folds, the rounds chosen, the out-of-fold rows. */
  cross_fit?: CrossFitSummary;
  class_weight: 'none' | 'balanced';
  missing: 'indicator' | 'mean';
  time_column: string | null;
}
