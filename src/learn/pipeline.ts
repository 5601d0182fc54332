/**
 * The one training pipeline every model family goes through (docs/training.md): labeled rows ->
 * time-ordered holdout -> preprocessing -> fit -> calibration on the later slice -> metrics and
 * provenance -> a TrainedModel that predicts, explains and writes its artifact. The backtest
 * calls trainModel() once per fold with that fold's training rows.
 */
import type { Frame } from '../data/index.js';
import { FEATURE_NAMES, LABEL_COLUMN, TRANSACTION_FEATURES, featureSetOfColumns } from '../features/index.js';
import { binaryMetrics } from '../stats/index.js';
import { InputError, UsageError, groupDigits } from '../util/index.js';
import { silentProgress, type Progress } from '../util/index.js';
import { VERSION } from '../util/index.js';
import { getFamily, type FamilyDefinition, type FamilyModel } from './families.js';
import type { CalibrationMethod } from './calibration.js';
import { applyCalibration, fitCalibration } from './calibration.js';
import {
  applyPreprocessing,
  checkModelColumns,
  fitPreprocessing,
  MISSING_SUFFIX,
  type MissingStrategy,
} from './preprocess.js';
import { timeHoldout, viewRows, type HoldoutSplit } from './split.js';
import {
  bothClasses,
  classWeights,
  crossFitMargins,
  gather,
  gatherView,
  type ClassWeight,
  type CrossFit,
} from './crossfit.js';
import { dataFingerprint } from './fingerprint.js';
import {
  MODEL_ARTIFACT_VERSION,
  readModelArtifact,
  serializeModelArtifact,
  validateModelArtifact,
  writeModelArtifact,
  type Diagnostics,
  type ModelArtifact,
} from './artifact.js';
import { ArtifactError, ModelFitError, SingleClassError } from './errors.js';
import type {
  Calibration,
  ChurnModel,
  Explanation,
  FitData,
  Matrix,
  ModelFamily,
  Preprocessing,
  Provenance,
  SliceInfo,
  SplitSummary,
  TrainingRecord,
} from './model.js';
import { readParams } from './params.js';

/**
 * Model inputs on churnkit's own feature table: the ten features, the three override signals
 * and two context numbers. Left out on purpose: `annual_value` and `seats` (account size, which
 * the ARR-weighted metrics use and which would make the model a size proxy) and `segment`
 * (add it with `--columns ... --categorical segment`).
 */
export const DEFAULT_MODEL_COLUMNS: readonly string[] = [
  ...FEATURE_NAMES,
  'zero_usage_14d',
  'champion_departed',
  'active_escalation',
  'days_to_renewal',
  'tenure_days',
];

/** Model inputs on a transactional feature table (`features --feature-set transactions`). */
export const TRANSACTION_MODEL_COLUMNS: readonly string[] = [...TRANSACTION_FEATURES.map((f) => f.name), 'tenure_days'];

/** The default model columns of a feature table: the transactional set's when it is one, else the ten and the signals. */
export function defaultModelColumns(columns: readonly string[]): readonly string[] {
  return featureSetOfColumns(columns) === 'transactions' ? TRANSACTION_MODEL_COLUMNS : DEFAULT_MODEL_COLUMNS;
}

export type { ClassWeight };

/** Latest share of labeled rows held out by families that cannot cross-fit, or with --holdout. */
export const DEFAULT_HOLDOUT = 0.2;
/** Time-ordered folds of cross-fitting (docs/models.md has the measurements). */
export const CROSS_FIT_FOLDS = 5;
/** NULL handling of imputing families when the caller does not choose (docs/models.md). */
export const DEFAULT_MISSING: MissingStrategy = 'mean';

export interface TrainOptions {
  /** logistic, gbdt or mlp (any registered family). */
  family: string;
  /** 0/1 label column; NULL rows are censored and skipped. Default churned_within_90d. */
  label?: string;
  /** Model input columns. Default DEFAULT_MODEL_COLUMNS (churnkit's feature table). */
  columns?: readonly string[];
  /** Columns among `columns` to one-hot encode. */
  categorical?: readonly string[];
  /** Family hyperparameters (strings are converted, e.g. from --param k=v). */
  params?: Record<string, unknown>;
  /** Default: the family's (logistic: none). Anything else holds out the latest slice. */
  calibration?: CalibrationMethod;
  /** balanced = sklearn's n / (2 n_class) row weights in fitting (not in calibration or metrics). */
  classWeight?: ClassWeight;
  /** NULL handling for imputing families (default indicator). */
  missing?: MissingStrategy;
  seed?: number;
  /** Column giving each row's time (YYYY-MM-DD); default as_of when present; null = input order. */
  timeColumn?: string | null;
  /** Label horizon in days; default read from the label name (churned_within_90d -> 90). */
  horizonDays?: number;
  /**
   * Share of labeled rows (latest as-of dates first) held out for calibration/early stopping.
   * Default: none; calibration and early stopping come from time-ordered cross-fitting, and the
   * model is fitted on every row (families that cannot cross-fit, mlp, hold out 0.2). 0: never
   * hold out.
   */
  holdoutFraction?: number;
  /** Time-ordered folds for cross-fitting (default CROSS_FIT_FOLDS). */
  crossFitFolds?: number;
  /** Training rows with as_of + embargoDays > first held-out as-of are set aside. Default: the horizon. */
  embargoDays?: number;
  /** Name of the table in messages (e.g. the file path). */
  table?: string;
  /**
   * A bound on rows x inputs known before the table is read (a CSV file's size in bytes: every
   * field of a row takes at least a byte), so that a family can skip what a small table does not
   * need while it is being read (gbdt's worker thread).
   */
  cellsAtMost?: number;
  progress?: Progress;
}

function horizonFromLabel(label: string): number | undefined {
  const m = /_(\d+)d$/.exec(label);
  return m ? Number(m[1]) : undefined;
}

/**
 * The 0/1 labels of a column, with NaN for censored (NULL) rows; other values are input errors.
 * `missingHint` tells the user what to pass when the table has no such column.
 */
export function readLabels(
  frame: Frame,
  label: string,
  table: string,
  missingHint = 'pass --label for another table',
): Float64Array {
  const col = frame.columns[label];
  if (col === undefined) {
    throw new InputError(
      { table, column: label },
      `label column is missing (columns: ${frame.names.join(', ')}); ${missingHint}`,
    );
  }
  if (!(col instanceof Float64Array))
    throw new InputError({ table, column: label }, `label column is ${frame.kinds[label]}, expected 0/1`);
  for (let i = 0; i < col.length; i++) {
    const v = col[i]!;
    if (!Number.isNaN(v) && v !== 0 && v !== 1)
      throw new InputError({ table, row: i + 1, column: label }, `label is ${v}, expected 0, 1 or NULL (censored)`);
  }
  return col;
}

/** A model needs churners and non-churners: one class alone has no boundary to learn (gbdt would fit a constant, logistic diverge). */
function assertBothClasses(y: Float64Array, rows: readonly number[], label: string, what: string, table: string): void {
  let positives = 0;
  for (const i of rows) positives += y[i]!;
  if (positives > 0 && positives < rows.length) return;
  // A SingleClassError: a backtest skips such a fold with this note instead of failing.
  throw new SingleClassError(
    `${what} all have ${label} = ${positives === 0 ? 0 : 1}; a model needs both classes (use more history, a later --start in a backtest, or another --label)`,
    table,
  );
}

function sliceInfo(frame: Frame, rows: readonly number[], y: Float64Array, timeColumn: string | null): SliceInfo {
  let positives = 0;
  for (const i of rows) positives += y[i]!;
  const info: SliceInfo = { rows: rows.length, positives };
  if (timeColumn && rows.length > 0) {
    const t = frame.columns[timeColumn] as (string | null)[];
    let lo = t[rows[0]!]!;
    let hi = lo;
    for (const i of rows) {
      const v = t[i]!;
      if (v < lo) lo = v;
      if (v > hi) hi = v;
    }
    info.as_of_from = lo;
    info.as_of_to = hi;
  }
  return info;
}

/**
 * The calibration map fitted on out-of-fold margins, or none where the rows cannot support one:
 * out-of-fold rows of a single class (early in a small history) give a flat Platt map, which would
 * replace the model's ranking by a constant, and a map with a negative slope would reverse it.
 * Either way the model's own probabilities are kept, with a warning.
 */
function calibrationOutOfFold(
  method: CalibrationMethod,
  margin: Float64Array,
  y: Float64Array,
  slice: SliceInfo,
  warnings: string[],
): Calibration {
  if (method === 'none') return { method: 'none' };
  if (!bothClasses(y)) {
    warnings.push(
      `${method} calibration skipped: the ${y.length} out-of-fold rows ${slice.positives === 0 ? 'hold no churner' : 'all churned'}, so no map can be fitted; the model's own probabilities are kept`,
    );
    return { method: 'none' };
  }
  const cal = fitCalibration(method, margin, y, undefined, slice);
  if (cal.method === 'platt' && !(cal.a > 0)) {
    warnings.push(
      `platt calibration skipped: on the ${y.length} out-of-fold rows the model's margins do not rank churners higher (slope ${cal.a.toPrecision(3)}), and the map would flatten or reverse them; the model's own probabilities are kept`,
    );
    return { method: 'none' };
  }
  return cal;
}

/**
 * Trains a model of any family on a feature table. The table may still be being read (a
 * promise): the family gets ready meanwhile (gbdt starts its worker thread, see
 * FamilyDefinition.openSession), and holds what it started until training ends.
 */
export async function trainModel(table: Frame | Promise<Frame>, options: TrainOptions): Promise<TrainedModel> {
  // A read that fails while the family loads is reported below, not as an unhandled rejection.
  if (table instanceof Promise) table.catch(() => {});
  let family: FamilyDefinition;
  let params: Record<string, unknown>;
  try {
    family = await getFamily(options.family);
    params = readParams(family.name, family.params, options.params);
  } catch (err) {
    // The table's own errors come first, as when it was read before training started.
    await table;
    throw err;
  }
  const known = table instanceof Promise ? null : table;
  const session =
    family.openSession?.(params, {
      rows: known ? known.n : null,
      inputs: options.columns?.length ?? DEFAULT_MODEL_COLUMNS.length,
      cellsAtMost: options.cellsAtMost ?? null,
    }) ?? null;
  try {
    return await trainFamily(await table, family, params, options);
  } finally {
    await session?.close();
  }
}

async function trainFamily(
  frame: Frame,
  family: FamilyDefinition,
  params: Record<string, unknown>,
  options: TrainOptions,
): Promise<TrainedModel> {
  const table = options.table ?? 'features';
  const label = options.label ?? LABEL_COLUMN;
  const seed = options.seed ?? 0;
  const progress = options.progress ?? silentProgress;
  const categorical = [...(options.categorical ?? [])];
  const columns = [...(options.columns ?? defaultModelColumns(frame.names))];
  if (!options.columns) {
    const absent = columns.filter((c) => !(c in frame.columns));
    if (absent.length > 0) {
      throw new UsageError(
        `${table} is not a churnkit feature table (no column ${absent.slice(0, 3).join(', ')}${absent.length > 3 ? ', ...' : ''}); pass --columns (and --label) to train on another table`,
      );
    }
  }
  if (columns.length === 0) throw new UsageError('no model columns given');
  // Present and numeric (or categorical), on the whole table, so an error names the file's row (the fits see slices of it).
  checkModelColumns(frame, columns, categorical, table);
  const dup = columns.find((c, k) => columns.indexOf(c) !== k);
  if (dup) throw new UsageError(`column ${dup} is listed twice`);
  if (columns.includes(label)) throw new UsageError(`the label ${label} cannot also be a model column`);
  const timeColumn =
    options.timeColumn === undefined ? ('as_of' in frame.columns ? 'as_of' : null) : options.timeColumn;
  if (timeColumn !== null) {
    if (!(timeColumn in frame.columns)) throw new InputError({ table, column: timeColumn }, 'time column is missing');
    if (frame.columns[timeColumn] instanceof Float64Array)
      throw new InputError({ table, column: timeColumn }, 'time column must hold dates (YYYY-MM-DD)');
    if (columns.includes(timeColumn))
      throw new UsageError(`the time column ${timeColumn} cannot also be a model column`);
  }
  const horizonDays = options.horizonDays ?? horizonFromLabel(label);
  const calibration = options.calibration ?? family.defaultCalibration;
  const classWeight = options.classWeight ?? 'none';

  const yAll = readLabels(frame, label, table);
  const labeled: number[] = [];
  const times = timeColumn ? (frame.columns[timeColumn] as (string | null)[]) : null;
  for (let i = 0; i < frame.n; i++) {
    if (Number.isNaN(yAll[i]!)) continue;
    if (times && (times[i] === null || times[i] === undefined))
      throw new InputError({ table, row: i + 1, column: timeColumn! }, 'time is NULL');
    labeled.push(i);
  }
  if (labeled.length === 0)
    throw new ModelFitError(`${table}: no labeled rows (every ${label} is NULL, i.e. censored)`);

  const embargoDays = options.embargoDays ?? horizonDays ?? 0;
  const wantsValidation = family.wantsValidation ? family.wantsValidation(params) : family.usesValidation;
  const why = calibration !== 'none' ? `${calibration} calibration` : `${family.name} early stopping`;
  const holdoutFraction = options.holdoutFraction;
  if (holdoutFraction !== undefined && !(holdoutFraction >= 0 && holdoutFraction < 1))
    throw new UsageError(`the holdout must be a fraction in [0, 1), got ${holdoutFraction}`);
  // How the rows are used: all of them when nothing needs a later slice; cross-fitting in time
  // order when calibration or early stopping does (every row is still fitted by the final model);
  // the latest slice held out only when asked for (--holdout F) or for families that cannot be
  // cross-fitted (mlp).
  const needsSlice = calibration !== 'none' || wantsValidation;
  const mode: 'all' | 'holdout' | 'cross_fit' =
    !needsSlice || family.fitsOutOfFold
      ? 'all'
      : holdoutFraction !== undefined && holdoutFraction > 0
        ? 'holdout'
        : family.crossFits
          ? 'cross_fit'
          : holdoutFraction === 0
            ? 'all'
            : 'holdout';
  if (mode === 'all' && calibration !== 'none' && !family.fitsOutOfFold)
    throw new UsageError(`${why} of ${family.name} needs a held-out slice; --holdout 0 allows none`);

  let split: HoldoutSplit | null = null;
  if (mode === 'holdout') {
    split = timeHoldout(labeled, times, holdoutFraction ?? DEFAULT_HOLDOUT, embargoDays);
    if (split === null)
      throw new UsageError(
        `${why} needs a later time slice, but every labeled row has the same ${timeColumn}; use --calibration none or more history`,
      );
    if (split.train.length === 0) {
      throw new UsageError(
        `${why} holds out ${timeColumn} >= ${split.holdout_from}, which leaves no training rows once those whose ${horizonDays}-day label window reaches into it are set aside; use --calibration none or more history`,
      );
    }
  }
  const trainRows = split ? split.train : labeled;
  assertBothClasses(yAll, labeled, label, `the ${groupDigits(labeled.length)} labeled rows`, table);
  if (split)
    assertBothClasses(
      yAll,
      trainRows,
      label,
      `the ${groupDigits(trainRows.length)} training rows before the held-out slice (${timeColumn ?? 'row order'} >= ${split.holdout_from ?? '?'})`,
      table,
    );
  const holdoutRows = split ? split.holdout : [];
  const used = [...(timeColumn ? [timeColumn] : []), ...columns, label];
  const prepOptions = {
    columns,
    categorical,
    inputs: family.inputs,
    missing: options.missing ?? DEFAULT_MISSING,
    table,
  };
  const warnings: string[] = [];

  let crossFit: CrossFit | null = null;
  if (mode === 'cross_fit') {
    crossFit = await crossFitMargins(frame, yAll, labeled, times, {
      family,
      params,
      seed,
      used,
      prepOptions,
      classWeight,
      wantsValidation,
      folds: options.crossFitFolds ?? CROSS_FIT_FOLDS,
      embargoDays: times ? embargoDays : 0,
      progress,
    });
    if (crossFit.rows.length === 0) {
      if (calibration !== 'none')
        throw new UsageError(
          `${why} is fitted on out-of-fold predictions, but no time-ordered fold of ${table} has both classes to train on; use --calibration none or more history`,
        );
      warnings.push(
        `no time-ordered fold has both classes to train on, so ${family.name} early stopping could not choose the rounds: all of them are kept`,
      );
    }
  }

  progress.start(`preparing ${family.name} inputs`);
  const trainFrame = viewRows(frame, trainRows, used);
  const y = gatherView(yAll, trainRows);
  const prepared = fitPreprocessing(trainFrame, { ...prepOptions, label: y });
  const preprocessing = prepared.preprocessing;
  warnings.push(...prepared.warnings);
  const X = applyPreprocessing(trainFrame, preprocessing, table);
  const weight = classWeights(y, classWeight);
  const validation: FitData | undefined =
    holdoutRows.length > 0
      ? {
          X: applyPreprocessing(viewRows(frame, holdoutRows, used), preprocessing, table),
          y: gatherView(yAll, holdoutRows),
        }
      : undefined;

  progress.start(`fitting ${family.name} on ${groupDigits(trainRows.length)} rows`);
  const model = family.create(params, seed);
  await model.fit(
    { X, y, weight },
    {
      ...(validation ? { validation } : {}),
      ...(crossFit?.rounds !== undefined ? { rounds: crossFit.rounds } : {}),
      ...(family.fitsOutOfFold && times ? { times: trainRows.map((i) => times[i]!), embargoDays } : {}),
      progress,
    },
  );

  let cal: Calibration = { method: 'none' };
  const metrics: Record<string, unknown> = {};
  // Margins the fit kept (a booster's) are the bits predicting again would give, at no cost.
  const anyFamily: ChurnModel = model;
  const fitted = anyFamily.fittedMargins?.() ?? null;
  const holdoutMargin = validation ? (fitted?.validation ?? model.predictMargin(validation.X)) : null;
  if (validation && holdoutMargin) {
    const holdoutInfo = sliceInfo(frame, holdoutRows, yAll, timeColumn);
    // Unweighted on purpose: class weights shift the model's base rate, calibration brings it back.
    cal = fitCalibration(calibration, holdoutMargin, validation.y, undefined, holdoutInfo);
    metrics['holdout_uncalibrated'] = binaryMetrics(validation.y, applyCalibration({ method: 'none' }, holdoutMargin));
    if (holdoutInfo.positives === 0)
      warnings.push(`the held-out slice has no positive labels; calibration there cannot be trusted`);
  }
  if (family.fitsOutOfFold) {
    const oof = anyFamily.outOfFold?.() ?? null;
    if (oof && oof.rows.length > 0)
      crossFit = {
        rows: oof.rows.map((r) => trainRows[r]!),
        margin: oof.margin,
        summary: { folds: [], out_of_fold_rows: oof.rows.length },
      };
    else if (calibration !== 'none')
      throw new UsageError(
        `${why} is fitted on out-of-fold predictions, but no time-ordered fold of ${table} has both classes to train on; use --calibration none or more history`,
      );
  }
  if (crossFit && crossFit.rows.length > 0) {
    const oofY = gather(yAll, crossFit.rows);
    const oofInfo = sliceInfo(frame, crossFit.rows, yAll, timeColumn);
    cal = calibrationOutOfFold(calibration, crossFit.margin, oofY, oofInfo, warnings);
    metrics['out_of_fold_uncalibrated'] = binaryMetrics(oofY, applyCalibration({ method: 'none' }, crossFit.margin));
    if (cal.method !== 'none')
      // In-sample for the calibrator, out-of-fold for the model.
      metrics['out_of_fold_calibrated'] = binaryMetrics(oofY, applyCalibration(cal, crossFit.margin));
  }
  metrics['train'] = binaryMetrics(y, applyCalibration(cal, fitted?.train ?? model.predictMargin(X)));
  if (validation && holdoutMargin && cal.method !== 'none') {
    // The calibrator was fitted on these rows: in-sample for it, out-of-time for the model.
    metrics['holdout_calibrated'] = binaryMetrics(validation.y, applyCalibration(cal, holdoutMargin));
  }

  const all = sliceInfo(frame, labeled, yAll, timeColumn);
  const splitSummary: SplitSummary = {
    labeled_rows: labeled.length,
    censored_rows: frame.n - labeled.length,
    train_rows: trainRows.length,
    holdout_rows: holdoutRows.length,
    embargoed_rows: split?.embargoed ?? 0,
    by: split ? split.by : crossFit ? 'cross_fit' : 'none',
    ...(split?.holdout_from ? { holdout_from: split.holdout_from, holdout_to: split.holdout_to } : {}),
  };
  const training: TrainingRecord = {
    split: splitSummary,
    ...(crossFit ? { cross_fit: crossFit.summary } : {}),
    class_weight: classWeight,
    missing: options.missing ?? DEFAULT_MISSING,
    time_column: timeColumn,
  };
  const provenance: Provenance = {
    churnkit_version: VERSION,
    label,
    rows: labeled.length,
    positives: all.positives,
    ...(all.as_of_from ? { as_of_from: all.as_of_from, as_of_to: all.as_of_to } : {}),
    ...(horizonDays !== undefined ? { horizon_days: horizonDays } : {}),
    data_fingerprint: dataFingerprint(frame, used, labeled),
    seed,
    training,
  };
  progress.done();
  const diagnostics: Diagnostics = { metrics, ...model.summary() };
  return new TrainedModel(family, model, preprocessing, cal, provenance, diagnostics, warnings);
}

export interface ExplainOptions {
  /** 'input' (default) sums one-hot levels and missing indicators into their column; 'output' keeps model inputs. */
  by?: 'input' | 'output';
}

/** A fitted model with its preprocessing and calibration: what `train` writes and `predict` loads. */
export class TrainedModel {
  constructor(
    readonly familyDef: FamilyDefinition,
    /** The family's model; `model.family` narrows it (and its state()) to one family. */
    readonly model: FamilyModel,
    readonly preprocessing: Preprocessing,
    readonly calibration: Calibration,
    readonly provenance: Provenance,
    /** Metrics by slice and how the fit went, as the artifact keeps them. */
    readonly diagnostics: Diagnostics,
    /** Things the user should know (constant columns, empty slices); not stored. */
    readonly warnings: readonly string[] = [],
  ) {}

  /** Raw feature-table columns the model reads (preprocessing.inputs). */
  get features(): string[] {
    return this.preprocessing.inputs.map((i) => i.name);
  }

  /** Metrics by slice: train, holdout_uncalibrated, holdout_calibrated (where there was a holdout). */
  get metrics(): Record<string, unknown> {
    return this.diagnostics.metrics;
  }

  /** Training choices and the row split (provenance.training). */
  get training(): TrainingRecord {
    return this.provenance.training;
  }

  get family(): ModelFamily {
    return this.familyDef.name;
  }

  get label(): string {
    return this.provenance.label;
  }

  /** The model's numeric inputs for a table with (at least) the `features` columns. */
  matrix(frame: Frame, table?: string): Matrix {
    return applyPreprocessing(frame, this.preprocessing, table);
  }

  /** Uncalibrated log-odds. */
  predictMargin(frame: Frame, table?: string): Float64Array {
    return this.model.predictMargin(this.matrix(frame, table));
  }

  /** Calibrated churn probability per row, in input order. */
  predictProba(frame: Frame, table?: string): Float64Array {
    return applyCalibration(this.calibration, this.predictMargin(frame, table));
  }

  /**
   * Per-row contributions to the margin (log-odds, before calibration): bias + sum = margin.
   * By input column by default, so a categorical or an indicator shows as its column.
   */
  explain(frame: Frame, options: ExplainOptions = {}, table?: string): Explanation {
    const e = this.model.explain(this.matrix(frame, table));
    if ((options.by ?? 'input') === 'output') return e;
    const n = frame.n;
    const sourceOf = (output: string): string => {
      for (const input of this.preprocessing.inputs) {
        if (output === input.name) return input.name;
        if (input.kind === 'numeric' && output === `${input.name}${MISSING_SUFFIX}`) return input.name;
        if (input.kind === 'categorical' && output.startsWith(`${input.name}=`)) return input.name;
      }
      return output;
    };
    const names = this.preprocessing.inputs.map((i) => i.name);
    const contributions = names.map(() => new Float64Array(n));
    e.names.forEach((output, k) => {
      const target = contributions[names.indexOf(sourceOf(output))];
      const src = e.contributions[k]!;
      if (target) for (let i = 0; i < n; i++) target[i]! += src[i]!;
    });
    return { names, bias: e.bias, contributions };
  }

  /** How the fit went (coefficient table, importance, epochs): the diagnostics without the metrics. */
  summary(): Record<string, unknown> {
    const { metrics: _metrics, ...fit } = this.diagnostics;
    return fit;
  }

  toArtifact(): ModelArtifact {
    return {
      kind: 'churnkit.model',
      version: MODEL_ARTIFACT_VERSION,
      family: this.family,
      params: this.model.params,
      state: this.model.state(),
      preprocessing: this.preprocessing,
      calibration: this.calibration,
      diagnostics: this.diagnostics,
      provenance: this.provenance,
    };
  }

  /** The artifact as the bytes `save` writes. */
  serialize(): string {
    return serializeModelArtifact(this.toArtifact());
  }

  async save(path: string): Promise<void> {
    await writeModelArtifact(path, this.toArtifact());
  }
}

/**
 * A TrainedModel from an artifact object or file, version 1 or 2 (validated; errors name the
 * field and the file).
 */
export async function loadModel(artifactOrPath: string | object): Promise<TrainedModel> {
  const source = typeof artifactOrPath === 'string' ? artifactOrPath : 'model artifact';
  const a =
    typeof artifactOrPath === 'string'
      ? await readModelArtifact(artifactOrPath)
      : validateModelArtifact(artifactOrPath);
  const family = await getFamily(a.family);
  let params: Record<string, unknown>;
  try {
    params = readParams(family.name, family.params, a.params);
  } catch (err) {
    if (err instanceof UsageError) throw new ArtifactError('params', err.message, source);
    throw err;
  }
  const model = family.restore(a.state, params);
  return new TrainedModel(family, model, a.preprocessing, a.calibration, a.provenance, a.diagnostics);
}
