/**
 * The learned network as plain data, and everything churnkit does with it after training:
 * the forward pass and the exact per-input attribution run in float64 JavaScript on the
 * stored weights, so predicting and explaining need no TensorFlow.js at all.
 */
import type { Activation, MlpState } from './state.js';
import type { Explanation, Matrix } from '../model.js';
export type { Activation, MlpState };
/** A dense layer as the state stores it. */
export type DenseLayer = MlpState['layers'][number];
export interface MlpTraining {
    backend: string;
    epochs_run: number;
    /** 1-based epoch whose weights were kept (the best validation log loss). */
    best_epoch: number;
    stopped_early: boolean;
    history: {
        epoch: number;
        loss: number;
        validation_loss?: number;
    }[];
}
/** Checks that a matrix carries the inputs the network was trained on, in order. */
export declare function checkInputs(state: MlpState, X: Matrix): void;
/** Log-odds for every row of X. */
export declare function forward(state: MlpState, X: Matrix): Float64Array;
/**
 * DeepLIFT with the Rescale rule (Shrikumar et al., 2017) against `state.baseline`: each
 * activation passes back (a(z) - a(z0)) / (z - z0) instead of its gradient, so the
 * contributions (x_j - x0_j) * m_j sum to f(x) - f(x0) exactly in real arithmetic; `bias` is
 * f(x0) plus the float rounding of that sum (about 1e-15), so bias + contributions equals the
 * margin up to one rounding of the final addition. For a network without hidden layers this is w_j (x_j - x0_j).
 */
export declare function deepLift(state: MlpState, X: Matrix): Explanation;
