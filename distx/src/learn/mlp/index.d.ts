/** The `mlp` family's public face: the model, its parameters and its registration with the pipeline. */
import type { FamilyDefinition } from '../families.js';
export { MlpModel, MLP_PARAMS, type MlpParams } from './model.js';
export { deepLift, forward, type Activation, type DenseLayer, type MlpTraining } from './network.js';
export { MLP_STATE, type MlpState } from './state.js';
export { loadTf, type BackendName, type LoadedTf, type Tf } from './backend.js';
export declare const mlpFamily: FamilyDefinition<'mlp'>;
