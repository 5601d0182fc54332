import type { ParamsOf } from '../params.js';
export declare const GBDT_PARAMS: {
    readonly n_estimators: {
        readonly type: 'integer';
        readonly default: 300;
        readonly min: 1;
        readonly max: 100000;
        readonly description: 'boosting rounds (trees) at most';
    };
    readonly learning_rate: {
        readonly type: 'number';
        readonly default: 0.05;
        readonly min: 0.000001;
        readonly max: 1;
        readonly description: 'shrinkage of every tree (eta)';
    };
    readonly max_depth: {
        readonly type: 'integer';
        readonly default: 5;
        readonly min: 0;
        readonly max: 16;
        readonly description: 'deepest split level; 0 = no limit (lossguide only)';
    };
    readonly max_leaves: {
        readonly type: 'integer';
        readonly default: 0;
        readonly min: 0;
        readonly max: 1000000;
        readonly description: 'leaves per tree at most; 0 = no limit';
    };
    readonly grow_policy: {
        readonly type: 'choice';
        readonly default: 'depthwise';
        readonly choices: readonly ["depthwise", "lossguide"];
        readonly description: 'depthwise (level by level, XGBoost) or lossguide (best leaf first, LightGBM)';
    };
    readonly min_child_weight: {
        readonly type: 'number';
        readonly default: 1;
        readonly min: 0;
        readonly description: 'hessian sum a child must keep';
    };
    readonly reg_lambda: {
        readonly type: 'number';
        readonly default: 1;
        readonly min: 0;
        readonly description: 'L2 regularization of leaf values';
    };
    readonly gamma: {
        readonly type: 'number';
        readonly default: 0;
        readonly min: 0;
        readonly description: 'loss reduction a split must bring (min_split_gain)';
    };
    readonly subsample: {
        readonly type: 'number';
        readonly default: 0.8;
        readonly min: 0.01;
        readonly max: 1;
        readonly description: 'share of rows each tree is grown on';
    };
    readonly colsample_bytree: {
        readonly type: 'number';
        readonly default: 0.8;
        readonly min: 0.01;
        readonly max: 1;
        readonly description: 'share of features each tree may use';
    };
    readonly colsample_bynode: {
        readonly type: 'number';
        readonly default: 1;
        readonly min: 0.01;
        readonly max: 1;
        readonly description: "share of the tree's features each split may use";
    };
    readonly max_bin: {
        readonly type: 'integer';
        readonly default: 255;
        readonly min: 2;
        readonly max: 255;
        readonly description: 'value bins per feature (missing values get one more)';
    };
    readonly scale_pos_weight: {
        readonly type: 'number';
        readonly default: 1;
        readonly min: 0.000001;
        readonly description: 'weight multiplier of churned rows (class weight)';
    };
    readonly early_stopping_rounds: {
        readonly type: 'integer';
        readonly default: 30;
        readonly min: 0;
        readonly description: 'stop after this many rounds without a better validation log loss; 0 = off';
    };
    readonly monotone_constraints: {
        readonly type: 'numbers';
        readonly default: readonly [];
        readonly description: 'per input in order: +1 never decreasing, -1 never increasing, 0 free; empty = none';
    };
    readonly threads: {
        readonly type: 'integer';
        readonly default: 0;
        readonly min: 0;
        readonly max: 64;
        readonly description: 'threads for histogram building; 0 = 2 when the data is large enough to pay';
    };
};
/**
 * The checked hyperparameters, as GBDT_PARAMS gives them, except that monotone constraints may
 * also name their inputs (code only, not the CLI): `{ usage_trend_14d: -1 }`.
 */
export type GbdtParams = Omit<ParamsOf<typeof GBDT_PARAMS>, 'monotone_constraints'> & {
    monotone_constraints: number[] | Record<string, number>;
};
/** Checks the combinations the per-parameter specs cannot. */
export declare function checkGbdtParams(p: GbdtParams): void;
/**
 * Per-feature constraints for the inputs `names`, or null when none is set. A list must have
 * one entry per input; a record names inputs.
 */
export declare function resolveMonotone(given: GbdtParams['monotone_constraints'], names: readonly string[]): Int8Array | null;
