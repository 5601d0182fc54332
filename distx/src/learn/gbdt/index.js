import { checkWith } from '../schema.js';
import { GbdtModel } from './model.js';
import { GBDT_PARAMS } from './params.js';
import { GBDT_STATE } from './state.js';
export { GbdtModel } from './model.js';
export { GBDT_PARAMS } from './params.js';
export { Tree } from './tree.js';
export { GBDT_STATE } from './state.js';
/** A stored state checked against GBDT_STATE; errors name the field under `at`. */
export function checkGbdtState(state, at = 'gbdt') {
    return checkWith(GBDT_STATE, state, at);
}
export const gbdtFamily = {
    name: 'gbdt',
    description: 'histogram gradient-boosted trees on log loss (XGBoost-style), with monotone constraints and TreeSHAP reasons',
    // NaN goes down each split's learned default direction: no imputation, no indicators, no scaling.
    inputs: { impute: false, missingIndicators: false, standardize: false },
    params: GBDT_PARAMS,
    // Early stopping picks the number of trees on the later slice the pipeline holds out.
    usesValidation: true,
    wantsValidation: (params) => params['early_stopping_rounds'] > 0,
    crossFits: true,
    // Early-stopped on log loss, the margins are close to calibrated; calibrating on the same
    // slice that chose the trees would reuse it twice.
    defaultCalibration: 'none',
    backtestCalibration: 'platt',
    create: (params, seed) => new GbdtModel(params, seed),
    restore: (state, params) => GbdtModel.fromState(state, params),
};
//# sourceMappingURL=index.js.map