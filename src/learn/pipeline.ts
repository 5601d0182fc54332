/**
 * The one training pipeline every model family goes through (DESIGN.md §5): labeled rows ->
 * time-ordered holdout -> preprocessing -> fit -> calibration on the later slice -> metrics and
 * provenance -> a TrainedModel that predicts, explains and writes its artifact. The backtest
 * calls trainModel() once per fold with that fold's training rows.
 */
import type { Frame } from '../data/index.js';
import { FEATURE_NAMES, LABEL_COLUMN, TRANSACTION_FEATURES, featureSetOfColumns } from '../features/index.js';
import { binaryMetrics, type BinaryMetrics } from '../stats/index.js';
import { InputError, UsageError } from '../util/index.js';
import { silentProgress, type Progress } from '../util/index.js';
import { VERSION } from '../util/index.js';
import { familyNames, getFamily, isFamilyName, type FamilyDefinition } from './families.js';
import type { CalibrationMethod } from './calibration.js';
import { applyCalibration, fitCalibration } from './calibration.js';
import { applyPreprocessing, fitPreprocessing, MISSING_SUFFIX, type MissingStrategy } from './preprocess.js';
import { takeRows, timeHoldout, type HoldoutSplit } from './split.js';
import { dataFingerprint } from './fingerprint.js';
import { serializeModelArtifact, readModelArtifact, validateModelArtifact, writeModelArtifact } from './artifact.js';
import { ArtifactError, ModelFitError } from './errors.js';
import type {
  Calibration,
  ChurnModel,
  Explanation,
  FitData,
  Matrix,
  ModelArtifact,
  ModelFamily,
  Preprocessing,
  Provenance,
  SliceInfo,
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

export type ClassWeight = 'none' | 'balanced';

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
  /** Share of labeled rows (latest as-of dates first) held out for calibration/early stopping. Default 0.2. */
  holdoutFraction?: number;
  /** Training rows with as_of + embargoDays > first held-out as-of are set aside. Default: the horizon. */
  embargoDays?: number;
  /** Name of the table in messages (e.g. the file path). */
  table?: string;
  progress?: Progress;
}

export interface SplitSummary {
  labeled_rows: number;
  censored_rows: number;
  train_rows: number;
  holdout_rows: number;
  embargoed_rows: number;
  by: 'none' | 'time' | 'row_order';
  holdout_from?: string;
  holdout_to?: string;
}

function horizonFromLabel(label: string): number | undefined {
  const m = /_(\d+)d$/.exec(label);
  return m ? Number(m[1]) : undefined;
}

/** The 0/1 labels of a column, with NaN for censored (NULL) rows; other values are input errors. */
function readLabels(frame: Frame, label: string, table: string): Float64Array {
  const col = frame.columns[label];
  if (col === undefined) {
    throw new InputError(
      { table, column: label },
      `label column is missing (columns: ${frame.names.join(', ')}); pass --label for another table`,
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
function assertBothClasses(y: Float64Array, rows: readonly number[], label: string, what: string): void {
  let positives = 0;
  for (const i of rows) positives += y[i]!;
  if (positives > 0 && positives < rows.length) return;
  throw new ModelFitError(
    `${what} all have ${label} = ${positives === 0 ? 0 : 1}; a model needs both classes (use more history, a later --start in a backtest, or another --label)`,
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

function gather(values: Float64Array, rows: readonly number[]): Float64Array {
  const out = new Float64Array(rows.length);
  for (let k = 0; k < rows.length; k++) out[k] = values[rows[k]!]!;
  return out;
}

function classWeights(y: Float64Array, mode: ClassWeight): Float64Array | undefined {
  if (mode === 'none') return undefined;
  let pos = 0;
  for (const v of y) pos += v;
  const n = y.length;
  const wPos = n / (2 * pos);
  const wNeg = n / (2 * (n - pos));
  return Float64Array.from(y, (v) => (v === 1 ? wPos : wNeg));
}

/** Trains a model of any family on a feature table. */
export async function trainModel(frame: Frame, options: TrainOptions): Promise<TrainedModel> {
  const family = await getFamily(options.family);
  const params = readParams(family.name, family.params, options.params);
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
  for (const c of columns)
    if (!(c in frame.columns))
      throw new InputError({ table, column: c }, `not in the table (columns: ${frame.names.join(', ')})`);
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

  let split: HoldoutSplit | null = null;
  if (calibration !== 'none' || family.usesValidation) {
    split = timeHoldout(labeled, times, options.holdoutFraction ?? 0.2, options.embargoDays ?? horizonDays ?? 0);
    const why = calibration !== 'none' ? `${calibration} calibration` : `${family.name} early stopping`;
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
  assertBothClasses(yAll, labeled, label, `${table}: the ${labeled.length.toLocaleString('en-US')} labeled rows`);
  if (split)
    assertBothClasses(
      yAll,
      trainRows,
      label,
      `${table}: the ${trainRows.length.toLocaleString('en-US')} training rows before the held-out slice (${timeColumn ?? 'row order'} >= ${split.holdout_from ?? '?'})`,
    );
  const holdoutRows = split ? split.holdout : [];
  const used = [...(timeColumn ? [timeColumn] : []), ...columns, label];

  progress.start(`preparing ${family.name} inputs`);
  const trainFrame = takeRows(frame, trainRows, used);
  const y = gather(yAll, trainRows);
  const { preprocessing, warnings } = fitPreprocessing(trainFrame, {
    columns,
    categorical,
    inputs: family.inputs,
    missing: options.missing ?? 'indicator',
    table,
    label: y,
  });
  const X = applyPreprocessing(trainFrame, preprocessing, table);
  const weight = classWeights(y, classWeight);
  const validation: FitData | undefined =
    holdoutRows.length > 0
      ? {
          X: applyPreprocessing(takeRows(frame, holdoutRows, used), preprocessing, table),
          y: gather(yAll, holdoutRows),
        }
      : undefined;

  progress.start(`fitting ${family.name} on ${trainRows.length.toLocaleString('en-US')} rows`);
  const model = family.create(params, seed);
  await model.fit({ X, y, weight }, { validation, progress });

  const holdoutInfo = sliceInfo(frame, holdoutRows, yAll, timeColumn);
  let cal: Calibration = { method: 'none' };
  const metrics: Record<string, unknown> = {};
  // Margins the fit kept (a booster's) are the bits predicting again would give, at no cost.
  const fitted = model.fittedMargins?.() ?? null;
  const holdoutMargin = validation ? (fitted?.validation ?? model.predictMargin(validation.X)) : null;
  if (validation && holdoutMargin) {
    // Unweighted on purpose: class weights shift the model's base rate, calibration brings it back.
    cal = fitCalibration(calibration, holdoutMargin, validation.y, undefined, holdoutInfo);
    metrics['holdout_uncalibrated'] = binaryMetrics(validation.y, applyCalibration({ method: 'none' }, holdoutMargin));
    if (holdoutInfo.positives === 0)
      warnings.push(`the held-out slice has no positive labels; calibration there cannot be trusted`);
  }
  metrics['train'] = binaryMetrics(y, applyCalibration(cal, fitted?.train ?? model.predictMargin(X)));
  if (validation && holdoutMargin && cal.method !== 'none') {
    // The calibrator was fitted on these rows: in-sample for it, out-of-time for the model.
    metrics['holdout_calibrated'] = binaryMetrics(validation.y, applyCalibration(cal, holdoutMargin));
  }

  const all = sliceInfo(frame, labeled, yAll, timeColumn);
  const provenance: Provenance = {
    churnkit_version: VERSION,
    label,
    rows: labeled.length,
    positives: all.positives,
    ...(all.as_of_from ? { as_of_from: all.as_of_from, as_of_to: all.as_of_to } : {}),
    ...(horizonDays !== undefined ? { horizon_days: horizonDays } : {}),
    data_fingerprint: dataFingerprint(frame, used, labeled),
    seed,
  };
  const splitSummary: SplitSummary = {
    labeled_rows: labeled.length,
    censored_rows: frame.n - labeled.length,
    train_rows: trainRows.length,
    holdout_rows: holdoutRows.length,
    embargoed_rows: split?.embargoed ?? 0,
    by: split ? split.by : 'none',
    ...(split?.holdout_from ? { holdout_from: split.holdout_from, holdout_to: split.holdout_to } : {}),
  };
  const extra = {
    split: splitSummary,
    class_weight: classWeight,
    missing: options.missing ?? 'indicator',
    time_column: timeColumn,
  };
  progress.done();
  return new TrainedModel(family, model, columns, preprocessing, cal, provenance, metrics, extra, warnings);
}

export interface ExplainOptions {
  /** 'input' (default) sums one-hot levels and missing indicators into their column; 'output' keeps model inputs. */
  by?: 'input' | 'output';
}

/** A fitted model with its preprocessing and calibration: what `train` writes and `predict` loads. */
export class TrainedModel {
  constructor(
    readonly familyDef: FamilyDefinition,
    readonly model: ChurnModel,
    /** Raw feature-table columns the model reads. */
    readonly features: readonly string[],
    readonly preprocessing: Preprocessing,
    readonly calibration: Calibration,
    readonly provenance: Provenance,
    readonly metrics: Record<string, unknown>,
    /** Training choices recorded in the artifact under `training`. */
    readonly training: Record<string, unknown>,
    /** Things the user should know (constant columns, empty slices); not stored. */
    readonly warnings: readonly string[] = [],
  ) {}

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

  summary(): Record<string, unknown> {
    return this.model.summary();
  }

  toArtifact(): ModelArtifact {
    return {
      kind: 'churnkit.model',
      version: 1,
      family: this.family,
      features: [...this.features],
      preprocessing: this.preprocessing,
      params: this.model.params,
      calibration: this.calibration,
      provenance: this.provenance,
      metrics: this.metrics,
      training: this.training,
      diagnostics: this.model.summary(),
      [this.family]: this.model.state(),
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

/** A TrainedModel from an artifact object or file (validated; errors name the field). */
export async function loadModel(artifactOrPath: string | ModelArtifact): Promise<TrainedModel> {
  const source = typeof artifactOrPath === 'string' ? artifactOrPath : 'model artifact';
  const a =
    typeof artifactOrPath === 'string'
      ? await readModelArtifact(artifactOrPath)
      : validateModelArtifact(artifactOrPath);
  if (!isFamilyName(a.family))
    throw new ArtifactError('family', `is "${a.family}", not one of ${familyNames().join(', ')}`, source);
  const family = await getFamily(a.family);
  const params = readParams(family.name, family.params, a.params);
  let model: ChurnModel;
  try {
    model = await family.restore(a[a.family], params);
  } catch (err) {
    // Families name the field; the file is known only here.
    if (err instanceof ArtifactError) throw new ArtifactError(err.field, err.problem, source);
    throw err;
  }
  const training = (a['training'] ?? {}) as Record<string, unknown>;
  return new TrainedModel(family, model, a.features, a.preprocessing, a.calibration, a.provenance, a.metrics, training);
}

export type { BinaryMetrics };
