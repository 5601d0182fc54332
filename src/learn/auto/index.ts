/**
 * The auto family (model.ts): logistic, monotone gbdt or their blend, chosen per fit by
 * time-ordered inner validation.
 */
import type { FamilyDefinition } from '../families.js';
import { AUTO_PARAMS, AutoModel } from './model.js';

export { AutoModel, AUTO_PARAMS, documentedMonotone, type AutoChoice } from './model.js';
export { AUTO_STATE, type AutoState } from './state.js';

export const autoFamily: FamilyDefinition<'auto'> = {
  name: 'auto',
  description:
    'logistic, gbdt with monotone constraints from the documented feature directions, or their blend, chosen by time-ordered inner validation',
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
