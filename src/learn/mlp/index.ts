/** The `mlp` family's public face: the model, its parameters and its registration with the pipeline. */
import type { FamilyDefinition } from '../families.js';
import { MLP_PARAMS, MlpModel } from './model.js';

export { MlpModel, MLP_PARAMS, type MlpParams } from './model.js';
export { deepLift, forward, type Activation, type DenseLayer, type MlpTraining } from './network.js';
export { MLP_STATE, type MlpState } from './state.js';
export { loadTf, type BackendName, type LoadedTf, type Tf } from './backend.js';

export const mlpFamily: FamilyDefinition<'mlp'> = {
  name: 'mlp',
  description: 'dense neural network (TensorFlow.js, WebAssembly backend) with dropout, L2 and early stopping',
  // Missing values become the training mean plus a 0/1 indicator where the pipeline adds one;
  // standardized inputs keep Adam's steps comparable across features measured in days and dollars.
  inputs: { impute: true, missingIndicators: true, standardize: true },
  params: MLP_PARAMS,
  usesValidation: true,
  // Early stopping on epochs is not cross-fitted (K TensorFlow.js fits): it holds out the latest slice.
  crossFits: false,
  // Trained on log loss and stopped on held-out log loss, the network's probabilities are close to
  // calibrated already; Platt or isotonic remain a flag away.
  defaultCalibration: 'none',
  backtestCalibration: 'platt',
  create: (params, seed) => new MlpModel(params, seed),
  restore: (state, params) => MlpModel.fromState(state, params),
};
