/**
 * The gbdt family: histogram gradient-boosted trees (see model.ts), registered with the
 * training pipeline through `gbdtFamily`.
 */
import type { FamilyDefinition } from '../families.js';
import { type GbdtState } from './state.js';
export { GbdtModel, type FeatureImportance } from './model.js';
export { GBDT_PARAMS, type GbdtParams } from './params.js';
export { Tree } from './tree.js';
export { GBDT_STATE, type GbdtState, type TreeJSON } from './state.js';
/** A stored state checked against GBDT_STATE; errors name the field under `at`. */
export declare function checkGbdtState(state: unknown, at?: string): GbdtState;
export declare const gbdtFamily: FamilyDefinition<'gbdt'>;
