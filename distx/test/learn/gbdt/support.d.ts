import type { FitData, Matrix } from '../../../src/learn/model.js';
/** A numeric CSV of test/fixtures/gbdt (x0..x9, y; empty cells are missing). */
export declare function readSynthetic(name: string): {
    X: Matrix;
    y: Float64Array;
};
/** Rows [from, to) of a data set. */
export declare function slice(data: {
    X: Matrix;
    y: Float64Array;
}, from: number, to: number): FitData;
/** A small synthetic data set: y ~ Bernoulli(sigmoid(score(x))), features standard normal. */
export declare function simulate(n: number, F: number, seed: number, score: (x: number[]) => number, missing?: number): FitData;
/** The same matrix with row i's feature j replaced. */
export declare function withValue(X: Matrix, j: number, values: Float64Array): Matrix;
export declare function sameBits(a: Float64Array, b: Float64Array): boolean;
/** Parameters that make this implementation grow what XGBoost's defaults grow. */
export declare const XGBOOST_DEFAULTS: {
    readonly subsample: 1;
    readonly colsample_bytree: 1;
    readonly colsample_bynode: 1;
    readonly min_child_weight: 1;
    readonly reg_lambda: 1;
    readonly gamma: 0;
    readonly early_stopping_rounds: 0;
};
