import type { Tf } from './backend.js';
import type { Activation, DenseLayer } from './network.js';
import { type Progress } from '../../util/index.js';
export interface TrainSet {
    n: number;
    d: number;
    /** Row-major n x d inputs. */
    rows: Float32Array;
    y: Float32Array;
    weight: Float32Array;
}
export interface TrainConfig {
    hidden: number[];
    activation: Activation;
    dropout: number;
    l2: number;
    learningRate: number;
    batchSize: number;
    maxEpochs: number;
    patience: number;
    seed: number;
}
export interface EpochRecord {
    epoch: number;
    loss: number;
    validation_loss?: number;
}
export interface TrainResult {
    layers: DenseLayer[];
    history: EpochRecord[];
    /** 1-based epoch whose weights were kept. */
    bestEpoch: number;
    stoppedEarly: boolean;
}
export declare function trainNetwork(tf: Tf, train: TrainSet, config: TrainConfig, validation?: TrainSet, progress?: Progress): TrainResult;
