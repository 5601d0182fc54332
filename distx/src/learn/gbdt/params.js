/**
 * GBDT hyperparameters, named as in XGBoost where XGBoost has the same thing, with defaults
 * chosen for churn tables of a few thousand to a few million account-snapshots: shallow trees
 * and a small learning rate (churn signal is mostly additive, positives are few), row and column
 * subsampling against overfitting the handful of accounts that churned, and early stopping on
 * the later time slice the pipeline holds out, which picks the number of trees.
 */
import { UsageError } from '../../util/index.js';
import { MAX_VALUE_BINS } from './binning.js';
export const GBDT_PARAMS = {
    n_estimators: { type: 'integer', default: 300, min: 1, max: 100_000, description: 'boosting rounds (trees) at most' },
    learning_rate: { type: 'number', default: 0.05, min: 1e-6, max: 1, description: 'shrinkage of every tree (eta)' },
    max_depth: {
        type: 'integer',
        default: 5,
        min: 0,
        max: 16,
        description: 'deepest split level; 0 = no limit (lossguide only)',
    },
    max_leaves: {
        type: 'integer',
        default: 0,
        min: 0,
        max: 1_000_000,
        description: 'leaves per tree at most; 0 = no limit',
    },
    grow_policy: {
        type: 'choice',
        default: 'depthwise',
        choices: ['depthwise', 'lossguide'],
        description: 'depthwise (level by level, XGBoost) or lossguide (best leaf first, LightGBM)',
    },
    min_child_weight: { type: 'number', default: 1, min: 0, description: 'hessian sum a child must keep' },
    reg_lambda: { type: 'number', default: 1, min: 0, description: 'L2 regularization of leaf values' },
    gamma: { type: 'number', default: 0, min: 0, description: 'loss reduction a split must bring (min_split_gain)' },
    subsample: { type: 'number', default: 0.8, min: 0.01, max: 1, description: 'share of rows each tree is grown on' },
    colsample_bytree: {
        type: 'number',
        default: 0.8,
        min: 0.01,
        max: 1,
        description: 'share of features each tree may use',
    },
    colsample_bynode: {
        type: 'number',
        default: 1,
        min: 0.01,
        max: 1,
        description: "share of the tree's features each split may use",
    },
    max_bin: {
        type: 'integer',
        default: MAX_VALUE_BINS,
        min: 2,
        max: MAX_VALUE_BINS,
        description: 'value bins per feature (missing values get one more)',
    },
    scale_pos_weight: {
        type: 'number',
        default: 1,
        min: 1e-6,
        description: 'weight multiplier of churned rows (class weight)',
    },
    early_stopping_rounds: {
        type: 'integer',
        default: 30,
        min: 0,
        description: 'stop after this many rounds without a better validation log loss; 0 = off',
    },
    monotone_constraints: {
        type: 'numbers',
        default: [],
        description: 'per input in order: +1 never decreasing, -1 never increasing, 0 free; empty = none',
    },
    threads: {
        type: 'integer',
        default: 0,
        min: 0,
        max: 64,
        description: 'threads for histogram building; 0 = 2 when the data is large enough to pay',
    },
};
/** Checks the combinations the per-parameter specs cannot. */
export function checkGbdtParams(p) {
    if (p.grow_policy === 'depthwise' && p.max_depth === 0) {
        throw new UsageError('gbdt: grow_policy depthwise needs max_depth >= 1 (use lossguide with max_leaves for unlimited depth)');
    }
    if (p.grow_policy === 'lossguide' && p.max_depth === 0 && p.max_leaves === 0) {
        throw new UsageError('gbdt: grow_policy lossguide needs max_leaves or max_depth');
    }
    const values = Array.isArray(p.monotone_constraints) ? p.monotone_constraints : Object.values(p.monotone_constraints);
    for (const c of values) {
        if (c !== -1 && c !== 0 && c !== 1)
            throw new UsageError(`gbdt: monotone_constraints entries must be -1, 0 or 1, got ${c}`);
    }
}
/**
 * Per-feature constraints for the inputs `names`, or null when none is set. A list must have
 * one entry per input; a record names inputs.
 */
export function resolveMonotone(given, names) {
    const out = new Int8Array(names.length);
    if (Array.isArray(given)) {
        if (given.length === 0)
            return null;
        if (given.length !== names.length) {
            throw new UsageError(`gbdt: monotone_constraints has ${given.length} entries for ${names.length} inputs (${names.join(', ')})`);
        }
        given.forEach((c, j) => (out[j] = c));
    }
    else {
        for (const key of Object.keys(given).sort()) {
            const j = names.indexOf(key);
            if (j < 0)
                throw new UsageError(`gbdt: monotone_constraints names ${key}, which is not an input (${names.join(', ')})`);
            out[j] = given[key];
        }
    }
    return out.some((c) => c !== 0) ? out : null;
}
//# sourceMappingURL=params.js.map