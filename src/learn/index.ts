/**
 * The public face of src/learn: train, load and use churn models of any family. Other areas
 * (backtest, scorecard, serve, report, CLI) import from here, not from the files behind it.
 */
export * from './model.js';
export {
  FAMILIES,
  familyNames,
  getFamily,
  isFamilyName,
  type FamilyDefinition,
  type FamilyInputs,
  type FamilyModel,
  type FamilyModels,
  type StateOf,
  type CalibrationMethod,
} from './families.js';
export {
  readParams,
  parseParamAssignments,
  type ParamSpec,
  type ParamSpecs,
  type ParamsOf,
  type ParamValue,
} from './params.js';
export {
  DEFAULT_MODEL_COLUMNS,
  TRANSACTION_MODEL_COLUMNS,
  defaultModelColumns,
  DEFAULT_HOLDOUT,
  CROSS_FIT_FOLDS,
  DEFAULT_MISSING,
  trainModel,
  loadModel,
  TrainedModel,
  type TrainOptions,
  type ClassWeight,
  type ExplainOptions,
} from './pipeline.js';
export { modelReasons, type ModelReasons } from './reasons.js';
export {
  MODEL_ARTIFACT_VERSION,
  readModelArtifact,
  validateModelArtifact,
  serializeModelArtifact,
  writeModelArtifact,
  modelJsonSchema,
  type ModelArtifact,
  type Diagnostics,
} from './artifact.js';
export {
  fitPreprocessing,
  applyPreprocessing,
  MISSING_SUFFIX,
  type MissingStrategy,
  type PreprocessOptions,
} from './preprocess.js';
export {
  fitPlatt,
  fitCalibration,
  applyCalibration,
  type Platt,
} from './calibration.js';
export { takeRows, timeHoldout, timeFolds, type HoldoutSplit, type TimeFold } from './split.js';
export { crossFitMargins, type CrossFit, type CrossFitFoldSummary } from './crossfit.js';
export { predictionFormat, writePredictions, type PredictionColumn } from './predictions.js';
export { dataFingerprint } from './fingerprint.js';
export { ModelFitError, SingleClassError, ArtifactError } from './errors.js';
export {
  LogisticModel,
  LOGISTIC_PARAMS,
  type LogisticParams,
  type LogisticState,
  type LogisticDiagnostics,
  type CoefficientRow,
} from './logistic/index.js';
