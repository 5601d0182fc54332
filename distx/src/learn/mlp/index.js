import { MLP_PARAMS, MlpModel } from './model.js';
export { MlpModel, MLP_PARAMS } from './model.js';
export { deepLift, forward } from './network.js';
export { MLP_STATE } from './state.js';
export { loadTf } from './backend.js';
export const mlpFamily = {
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
//# sourceMappingURL=index.js.map