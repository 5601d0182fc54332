import type { TrainedModel } from '../pipeline.js';
export type PortableActivation = 'linear' | 'relu' | 'tanh' | 'sigmoid';
export type PortableLayer = {
    type: 'dense';
    kernel: number[][];
    bias: number[];
    activation: PortableActivation;
}
/** min(max(x, 0), 1), elementwise: the clipped ramps of an isotonic map. */
 | {
    type: 'clip01';
};
export interface PortableNetwork {
    inputs: string[];
    layers: PortableLayer[];
}
/** Families whose margin is a dense network and so export exactly. */
export declare const EXPORTABLE_FAMILIES: readonly ['logistic', 'mlp'];
/** The network from raw model inputs to the calibrated churn probability. */
export declare function portableNetwork(trained: TrainedModel): PortableNetwork;
