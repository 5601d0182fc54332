/**
 * The `mlp` family: a small dense network trained with TensorFlow.js (WebAssembly backend by
 * default) behind churnkit's common model interface. Inputs arrive already imputed and
 * standardized by the pipeline's preprocessing; the learned state is plain JSON weights, and
 * prediction and explanation run on those weights without TensorFlow.js.
 */
import type { ChurnModel, Explanation, FitData, FitOptions, Matrix } from '../model.js';
import { type ParamsOf } from '../params.js';
import { type MlpState } from './network.js';
/**
 * Defaults sized for a churnkit feature table (tens of inputs, tens of thousands of rows):
 * 1024-row batches keep a 50k-row epoch to about 50 steps, so a backtest fold trains in
 * seconds on the WebAssembly backend; with Adam at 1e-2 early stopping usually ends within
 * 30-40 epochs (measured on make_synthetic.py data, bench/mlp).
 */
export declare const MLP_PARAMS: {
    readonly hidden: {
        readonly type: 'numbers';
        readonly default: readonly [32, 16];
        readonly description: 'units per hidden layer, e.g. 32,16; empty gives a logistic regression fitted by Adam';
    };
    readonly activation: {
        readonly type: 'choice';
        readonly default: 'relu';
        readonly choices: readonly ["relu", "tanh"];
        readonly description: 'hidden-layer activation';
    };
    readonly dropout: {
        readonly type: 'number';
        readonly default: 0.1;
        readonly min: 0;
        readonly max: 0.9;
        readonly description: 'share of hidden units dropped at each training step';
    };
    readonly l2: {
        readonly type: 'number';
        readonly default: 0.0001;
        readonly min: 0;
        readonly description: 'l2 * sum of squared kernel weights added to the mean log loss';
    };
    readonly learning_rate: {
        readonly type: 'number';
        readonly default: 0.01;
        readonly min: 0.000001;
        readonly max: 1;
        readonly description: 'Adam step size';
    };
    readonly batch_size: {
        readonly type: 'integer';
        readonly default: 1024;
        readonly min: 1;
        readonly description: 'rows per training step';
    };
    readonly max_epochs: {
        readonly type: 'integer';
        readonly default: 60;
        readonly min: 1;
        readonly description: 'most passes over the data; early stopping usually ends sooner';
    };
    readonly patience: {
        readonly type: 'integer';
        readonly default: 6;
        readonly min: 1;
        readonly description: 'epochs without a better validation log loss before stopping';
    };
};
export type MlpParams = ParamsOf<typeof MLP_PARAMS>;
export declare class MlpModel implements ChurnModel<MlpState> {
    readonly family: 'mlp';
    readonly params: MlpParams;
    private readonly seed;
    private learned;
    /** Null for a model restored from its state (the artifact's diagnostics keep it). */
    private training;
    /** `params` are checked against MLP_PARAMS (strings from `--param` convert); the seed fixes every random choice. */
    constructor(params?: Readonly<Record<string, unknown>>, seed?: number);
    /** A fitted model from the state an artifact stored, checked against MLP_STATE (errors name the field). */
    static fromState(state: unknown, params?: Readonly<Record<string, unknown>>): MlpModel;
    fit(data: FitData, options?: FitOptions): Promise<this>;
    predictMargin(X: Matrix): Float64Array;
    explain(X: Matrix): Explanation;
    state(): MlpState;
    /** Network shape and, for a model fitted here, how training went (epochs, the epoch kept, loss per epoch, backend). */
    summary(): Record<string, unknown>;
    private fitted;
}
