/**
 * The model families churnkit can train, by name. Each family plugs into the one training
 * pipeline (src/learn/pipeline.ts) through this record: the pipeline turns a feature table into
 * the Matrix the family asks for, creates the model, fits it, calibrates it and writes the
 * artifact; `restore` brings a model back from the state it wrote.
 *
 * To add a family: implement ChurnModel and a FamilyDefinition in src/learn/<family>/ and add
 * one line to FAMILIES. Families load on first use, so training or loading a logistic model
 * never pays for TensorFlow.js, and a family that fails to load breaks only itself.
 */
import type { ModelFamily } from './model.js';
import type { ParamSpecs } from './params.js';
import type { LogisticModel } from './logistic/model.js';
import type { GbdtModel } from './gbdt/model.js';
import type { MlpModel } from './mlp/model.js';
import type { AutoModel } from './auto/model.js';
import { UsageError } from '../util/index.js';
import type { CalibrationMethod } from './calibration.js';

export type { CalibrationMethod };

/** What the family wants the pipeline to do to the inputs before the Matrix reaches it. */
export interface FamilyInputs {
  /** Replace NaN by the training mean (logistic, mlp); false keeps NaN (gbdt routes it itself). */
  impute: boolean;
  /**
   * Allow `<name>:missing` 0/1 columns for numeric inputs that have NULLs in training (the
   * pipeline's `missing: 'indicator'` option); meaningless when the family keeps NaN.
   */
  missingIndicators: boolean;
  /** Centre and scale every input by its training mean and standard deviation (mlp). */
  standardize: boolean;
}

/** The model class of each family (types only: families still load on first use). */
export interface FamilyModels {
  logistic: LogisticModel;
  gbdt: GbdtModel;
  mlp: MlpModel;
  auto: AutoModel;
}

/** A fitted model of any family; `family` tells which, and narrows `state()`. */
export type FamilyModel = FamilyModels[ModelFamily];

/** The learned state a family stores in the artifact (its `state`). */
export type StateOf<F extends ModelFamily> = ReturnType<FamilyModels[F]['state']>;

export interface FamilyDefinition<F extends ModelFamily = ModelFamily> {
  name: F;
  description: string;
  inputs: FamilyInputs;
  /** Hyperparameters with defaults; `create` receives them checked and complete (see readParams). */
  params: ParamSpecs;
  /**
   * True when fit() uses FitOptions.validation (early stopping): the pipeline then holds out the
   * latest as-of slice even without calibration.
   */
  usesValidation: boolean;
  /**
   * Whether fit() would use a validation slice with these (complete) parameters; default
   * `usesValidation`. gbdt: only with early stopping on.
   */
  wantsValidation?(params: Record<string, unknown>): boolean;
  /**
   * The family is cheap enough to fit K times and, when it early-stops, reports validationLoss()
   * and honours FitOptions.rounds: the pipeline then cross-fits in time order instead of holding
   * out the latest slice (pipeline.ts).
   */
  crossFits: boolean;
  /**
   * The family validates in time order inside fit() (auto): the pipeline passes the rows' times,
   * fits on every row and calibrates on the model's outOfFold() margins.
   */
  fitsOutOfFold?: boolean;
  /** Calibration used when the caller does not choose one. */
  defaultCalibration: CalibrationMethod;
  /**
   * Calibration of the family's fits inside each backtest fold when the caller does not choose
   * one. A pooled AUC compares probabilities across folds, so each fold's probabilities must be on
   * one scale: families whose raw output drifts from fold to fold are calibrated on cross-fitted
   * out-of-fold margins (docs/models.md has the measurements).
   */
  backtestCalibration: CalibrationMethod;
  /**
   * What the family keeps across the fits of one training run (gbdt: its worker threads), opened
   * by trainModel before it has the table (while it is read) and closed when the run ends, also
   * on an error. `rows` is the table's row count when known, null while it is still being read;
   * `cellsAtMost` a bound on rows x inputs known before (TrainOptions.cellsAtMost), or null.
   */
  openSession?(
    params: Readonly<Record<string, unknown>>,
    table: { rows: number | null; inputs: number; cellsAtMost?: number | null },
  ): FamilySession;
  /** A new, unfitted model; the model checks `params` against `this.params` (readParams). */
  create(params: Readonly<Record<string, unknown>>, seed: number): FamilyModels[F];
  /** A fitted model from `state()` output as stored in an artifact, already checked by the family's state schema. */
  restore(state: StateOf<F>, params: Readonly<Record<string, unknown>>): FamilyModels[F];
}

/** Resources a family holds for one training run (FamilyDefinition.openSession). */
export interface FamilySession {
  close(): Promise<void>;
}

/** Registration order is the order shown to users. */
export const FAMILIES: { [F in ModelFamily]: () => Promise<FamilyDefinition<F>> } = {
  logistic: async () => (await import('./logistic/index.js')).logisticFamily,
  gbdt: async () => (await import('./gbdt/index.js')).gbdtFamily,
  mlp: async () => (await import('./mlp/index.js')).mlpFamily,
  auto: async () => (await import('./auto/index.js')).autoFamily,
};

export function familyNames(): ModelFamily[] {
  return Object.keys(FAMILIES) as ModelFamily[];
}

export function isFamilyName(name: string): name is ModelFamily {
  return Object.hasOwn(FAMILIES, name);
}

export async function getFamily(name: string): Promise<FamilyDefinition> {
  if (!isFamilyName(name))
    throw new UsageError(`unknown model family "${name}" (available: ${familyNames().join(', ')})`);
  return FAMILIES[name]();
}
