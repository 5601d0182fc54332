import { AUTO_PARAMS, AutoModel } from './model.js';
export { AutoModel, AUTO_PARAMS, documentedMonotone } from './model.js';
export { AUTO_STATE } from './state.js';
export const autoFamily = {
    name: 'auto',
    description: 'logistic, gbdt with monotone constraints from the documented feature directions, or their blend, chosen by time-ordered inner validation',
    // gbdt's inputs (NaN kept); the logistic member imputes them itself.
    inputs: { impute: false, missingIndicators: false, standardize: false },
    params: AUTO_PARAMS,
    usesValidation: false,
    crossFits: false,
    fitsOutOfFold: true,
    defaultCalibration: 'none',
    backtestCalibration: 'platt',
    create: (params, seed) => new AutoModel(params, seed),
    restore: (state, params) => AutoModel.fromState(state, params),
};
//# sourceMappingURL=index.js.map