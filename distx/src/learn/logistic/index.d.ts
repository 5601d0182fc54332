import type { FamilyDefinition } from '../families.js';
export { LogisticModel, LOGISTIC_PARAMS, type LogisticParams, type LogisticDiagnostics, type CoefficientRow, DEFAULT_L2, } from './model.js';
export { LOGISTIC_STATE, type LogisticState } from './state.js';
export declare const logisticFamily: FamilyDefinition<'logistic'>;
