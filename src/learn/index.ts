/**
 * The public face of src/learn: train, load and use churn models of any family. Other areas
 * (backtest, scorecard, serve, report, CLI) import from here, not from the files behind it.
 */
export * from './model.js';
export {
  familyNames,
  getFamily,
  isFamilyName,
  type CalibrationMethod,
} from './families.js';
export {
  readParams,
  parseParamAssignments,
} from './params.js';
export {
  DEFAULT_MODEL_COLUMNS,
  trainModel,
  loadModel,
  readLabels,
  TrainedModel,
  type TrainOptions,
} from './pipeline.js';
export { modelReasons } from './reasons.js';
export {
  readModelArtifact,
  modelJsonSchema,
  type ModelArtifact,
} from './artifact.js';
export {
  checkModelColumns,
  notNumeric,
  fitPreprocessing,
  applyPreprocessing,
  MISSING_SUFFIX,
  type MissingStrategy,
} from './preprocess.js';
export {
  fitPlatt,
  fitCalibration,
  applyCalibration,
} from './calibration.js';
export { takeRows, timeHoldout, timeFolds } from './split.js';
export { predictionFormat, writePredictions, type PredictionColumn } from './predictions.js';
export { dataFingerprint } from './fingerprint.js';
export { ModelFitError, SingleClassError, ArtifactError } from './errors.js';
export {
  LogisticModel,
  LOGISTIC_PARAMS,
  type LogisticState,
  type LogisticDiagnostics,
  type CoefficientRow,
} from './logistic/index.js';
