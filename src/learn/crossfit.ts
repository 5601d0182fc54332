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
import { silentProgress, type Progress } from '../util/index.js';
import type { FamilyDefinition } from './families.js';
import type { ChurnModel, FitData } from './model.js';
import { applyPreprocessing, fitPreprocessing, type PreprocessOptions } from './preprocess.js';
import { consecutiveFrom, timeFolds, viewRows } from './split.js';

export type ClassWeight = 'none' | 'balanced';

export function gather(values: Float64Array, rows: readonly number[]): Float64Array {
  const out = new Float64Array(rows.length);
  for (let k = 0; k < rows.length; k++) out[k] = values[rows[k]!]!;
  return out;
}

/** gather for reading only: a view of `values` when the rows are consecutive (see viewRows). */
export function gatherView(values: Float64Array, rows: readonly number[]): Float64Array {
  const from = consecutiveFrom(rows);
  return from >= 0 ? values.subarray(from, from + rows.length) : gather(values, rows);
}

/** scikit-learn's balanced weights n / (2 n_class), or undefined for none. */
export function classWeights(y: Float64Array, mode: ClassWeight): Float64Array | undefined {
  if (mode === 'none') return undefined;
  let pos = 0;
  for (const v of y) pos += v;
  const n = y.length;
  const wPos = n / (2 * pos);
  const wNeg = n / (2 * (n - pos));
  return Float64Array.from(y, (v) => (v === 1 ? wPos : wNeg));
}

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

export function bothClasses(y: Float64Array): boolean {
  let pos = 0;
  for (const v of y) pos += v;
  return pos > 0 && pos < y.length;
}

export async function crossFitMargins(
  frame: Frame,
  yAll: Float64Array,
  labeled: readonly number[],
  times: readonly (string | null)[] | null,
  options: CrossFitOptions,
): Promise<CrossFit> {
  const progress = options.progress ?? silentProgress;
  // Without a time column, input order stands for time (zero-padded positions sort like dates).
  const keys = times ?? Array.from({ length: frame.n }, (_, i) => String(i).padStart(12, '0'));
  const folds = timeFolds(labeled, keys, options.folds, options.embargoDays);
  const summaries: CrossFitFoldSummary[] = [];
  const fitted: { validation: number[]; V: FitData; model: ChurnModel }[] = [];
  for (const [k, fold] of folds.entries()) {
    const summary: CrossFitFoldSummary = {
      from: fold.from,
      to: fold.to,
      train_rows: fold.train.length,
      validation_rows: fold.validation.length,
      embargoed_rows: fold.embargoed,
    };
    summaries.push(summary);
    const y = gatherView(yAll, fold.train);
    if (!bothClasses(y)) {
      summary.skipped = fold.train.length === 0 ? 'no training rows' : 'training rows have a single class';
      continue;
    }
    progress.start(`cross-fitting ${options.family.name}: fold ${k + 1} of ${folds.length}`);
    const trainFrame = viewRows(frame, fold.train, options.used);
    const { preprocessing } = fitPreprocessing(trainFrame, { ...options.prepOptions, label: y });
    const X = applyPreprocessing(trainFrame, preprocessing, options.prepOptions.table);
    const V: FitData = {
      X: applyPreprocessing(viewRows(frame, fold.validation, options.used), preprocessing, options.prepOptions.table),
      y: gatherView(yAll, fold.validation),
    };
    // Seen through the common interface: the optional early-stopping hooks are the family's to give.
    const model: ChurnModel = options.family.create(options.params, options.seed);
    await model.fit(
      { X, y, weight: classWeights(y, options.classWeight) },
      options.wantsValidation ? { validation: V, fullCurve: true } : {},
    );
    fitted.push({ validation: fold.validation, V, model });
  }

  let rounds: number | undefined;
  let validationLogLoss: number | undefined;
  if (options.wantsValidation && fitted.length > 0) {
    // One number of rounds for all: the round with the least log loss summed over every fold's
    // rows, up to the shortest fold's curve (each fold ran at least its patience past its own best).
    const curves = fitted.map((f) => f.model.validationLoss?.() ?? []);
    const length = Math.min(...curves.map((c) => c.length));
    let best = -1;
    let bestLoss = Infinity;
    let total = 0;
    for (const f of fitted) total += f.V.X.n;
    for (let t = 0; t < length; t++) {
      let loss = 0;
      curves.forEach((c, k) => (loss += c[t]! * fitted[k]!.V.X.n));
      loss /= total;
      if (loss < bestLoss) {
        bestLoss = loss;
        best = t;
      }
    }
    if (best >= 0) {
      rounds = best + 1;
      validationLogLoss = bestLoss;
      for (const f of fitted) f.model.keepRounds?.(rounds);
    }
  }
  const rows: number[] = [];
  const margins: number[] = [];
  for (const f of fitted) {
    const m = f.model.predictMargin(f.V.X);
    for (let k = 0; k < f.validation.length; k++) {
      rows.push(f.validation[k]!);
      margins.push(m[k]!);
    }
  }
  progress.done();
  return {
    rows,
    margin: Float64Array.from(margins),
    ...(rounds !== undefined ? { rounds } : {}),
    summary: {
      folds: summaries,
      out_of_fold_rows: rows.length,
      ...(rounds !== undefined ? { rounds, validation_log_loss: validationLogLoss } : {}),
    },
  };
}
