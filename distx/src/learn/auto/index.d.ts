/**
 * The auto family (model.ts): logistic, monotone gbdt or their blend, chosen per fit by
 * time-ordered inner validation.
 */
import type { FamilyDefinition } from '../families.js';
export { AutoModel, AUTO_PARAMS, documentedMonotone, type AutoChoice } from './model.js';
export { AUTO_STATE, type AutoState } from './state.js';
export declare const autoFamily: FamilyDefinition<'auto'>;
