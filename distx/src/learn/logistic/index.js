import { LOGISTIC_PARAMS, LogisticModel } from './model.js';
export { LogisticModel, LOGISTIC_PARAMS, DEFAULT_L2, } from './model.js';
export { LOGISTIC_STATE } from './state.js';
export const logisticFamily = {
    name: 'logistic',
    description: 'logistic regression by exact (penalized) maximum likelihood, with a coefficient table',
    inputs: { impute: true, missingIndicators: true, standardize: false },
    params: LOGISTIC_PARAMS,
    usesValidation: false,
    crossFits: true,
    // Maximum likelihood is calibrated in-sample already; recalibrating costs the model its latest rows.
    defaultCalibration: 'none',
    // Penalized maximum likelihood is on one scale fold after fold: a Platt map per fold only adds
    // noise to the pooled ranking (-0.010 pooled AUC at 100 accounts, docs/models.md).
    backtestCalibration: 'none',
    create: (params) => new LogisticModel(params),
    restore: (state, params) => LogisticModel.fromState(state, params),
};
//# sourceMappingURL=index.js.map