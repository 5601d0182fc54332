/**
 * GbdtModel: histogram gradient-boosted trees on log loss behind the common ChurnModel
 * interface. The learned state is plain JSON (trees as flat arrays) that predicts the same bits
 * after a save and load.
 */
import { ChurnkitError, UsageError } from '../../util/index.js';
import { readParams } from '../params.js';
import { checkFinite } from './binning.js';
import { boost } from './booster.js';
import { GBDT_PARAMS, checkGbdtParams, resolveMonotone } from './params.js';
import { predictForest } from './predict.js';
import { Tree } from './tree.js';
import { TreeShapExplainer, expectedValue } from './treeshap.js';
/** A by-name constraint record (code only), or null for anything else (readParams checks lists). */
function monotoneByName(value) {
    if (value === null || typeof value !== 'object' || Array.isArray(value))
        return null;
    const out = {};
    for (const [name, c] of Object.entries(value)) {
        if (typeof c !== 'number')
            throw new UsageError(`gbdt: monotone_constraints.${name} must be -1, 0 or 1, got ${c}`);
        out[name] = c;
    }
    return out;
}
/** Separates a by-name constraint record (code only) from what readParams checks. */
function completeParams(given) {
    const { monotone_constraints: mono, ...rest } = given;
    const byName = monotoneByName(mono);
    const checked = readParams('gbdt', GBDT_PARAMS, byName || mono === undefined ? rest : given);
    const params = byName ? { ...checked, monotone_constraints: byName } : checked;
    checkGbdtParams(params);
    return params;
}
export class GbdtModel {
    seed;
    family = 'gbdt';
    params;
    fitted = null;
    constructor(params = {}, seed = 0) {
        this.seed = seed;
        this.params = completeParams(params);
    }
    static fromState(state, params = {}) {
        const model = new GbdtModel(params);
        model.fitted = {
            names: [...state.names],
            baseScore: state.base_score,
            trees: state.trees.map((t) => Tree.fromJSON(t)),
            boosting: null,
            margins: null,
            bounds: null,
        };
        return model;
    }
    async fit(data, options = {}) {
        const p = this.params;
        const monotone = resolveMonotone(p.monotone_constraints, data.X.names);
        if (options.validation && options.validation.X.columns.length !== data.X.columns.length) {
            throw new UsageError(`gbdt: validation rows have ${options.validation.X.columns.length} inputs, training rows ${data.X.columns.length}`);
        }
        const rounds = options.rounds;
        if (rounds !== undefined && !(Number.isInteger(rounds) && rounds >= 1))
            throw new UsageError(`gbdt: rounds must be a positive integer, got ${rounds}`);
        const result = await boost(data, {
            nEstimators: rounds === undefined ? p.n_estimators : Math.min(rounds, p.n_estimators),
            learningRate: p.learning_rate,
            maxDepth: p.max_depth,
            maxLeaves: p.max_leaves,
            growPolicy: p.grow_policy,
            minChildWeight: p.min_child_weight,
            lambda: p.reg_lambda,
            minSplitGain: p.gamma,
            subsample: p.subsample,
            colsampleByTree: p.colsample_bytree,
            colsampleByNode: p.colsample_bynode,
            maxBin: p.max_bin,
            scalePosWeight: p.scale_pos_weight,
            earlyStoppingRounds: rounds === undefined ? p.early_stopping_rounds : 0,
            keepAllRounds: options.fullCurve === true,
            monotone,
            threads: p.threads,
            seed: this.seed,
        }, rounds === undefined ? options.validation : undefined, options.progress);
        this.fitted = {
            names: [...data.X.names],
            baseScore: result.baseScore,
            trees: result.trees,
            boosting: {
                rounds: result.rounds,
                bestIteration: result.bestIteration,
                bestValidationLoss: result.bestValidationLoss,
                validationLoss: result.validationLoss,
            },
            margins: { train: result.trainMargin, validation: result.validationMargin },
            bounds: result.bounds,
        };
        return this;
    }
    model() {
        if (!this.fitted)
            throw new ChurnkitError('gbdt model is not fitted');
        return this.fitted;
    }
    /** The fitted trees (read-only use). */
    get trees() {
        return this.model().trees;
    }
    /** Per input, the upper bounds of its value bins (binning.ts); null after a restore. */
    get binBounds() {
        return this.model().bounds;
    }
    get baseScore() {
        return this.model().baseScore;
    }
    checkInputs(X) {
        const names = this.model().names;
        if (X.columns.length !== names.length) {
            throw new UsageError(`gbdt model takes ${names.length} inputs (${names.join(', ')}), got ${X.columns.length}`);
        }
        checkFinite(X);
    }
    predictMargin(X) {
        this.checkInputs(X);
        const m = this.model();
        return predictForest(m.trees, m.baseScore, X.columns, X.n);
    }
    fittedMargins() {
        return this.model().margins;
    }
    explain(X) {
        this.checkInputs(X);
        const m = this.model();
        const F = m.names.length;
        let bias = m.baseScore;
        let depth = 0;
        for (const tree of m.trees) {
            bias += expectedValue(tree);
            depth = Math.max(depth, tree.depth());
        }
        const contributions = Array.from({ length: F }, () => new Float64Array(X.n));
        const explainer = new TreeShapExplainer(depth);
        const phi = new Float64Array(F);
        for (let i = 0; i < X.n; i++) {
            phi.fill(0);
            for (const tree of m.trees)
                explainer.explainRow(tree, X.columns, i, phi);
            for (let j = 0; j < F; j++)
                contributions[j][i] = phi[j];
        }
        return { names: [...m.names], bias: new Float64Array(X.n).fill(bias), contributions };
    }
    validationLoss() {
        return this.model().boosting?.validationLoss ?? [];
    }
    keepRounds(rounds) {
        const m = this.model();
        if (rounds >= m.trees.length)
            return;
        m.trees = m.trees.slice(0, Math.max(1, rounds));
        if (m.boosting)
            m.boosting = { ...m.boosting, bestIteration: m.trees.length - 1 };
        // The kept margins summed the cut trees too.
        m.margins = null;
    }
    /** Gain and split-count importance per input, by total gain (ties by input order). */
    importance() {
        const m = this.model();
        const splits = new Float64Array(m.names.length);
        const gain = new Float64Array(m.names.length);
        for (const tree of m.trees) {
            for (let i = 0; i < tree.size; i++) {
                const f = tree.feature[i];
                if (f < 0)
                    continue;
                splits[f]++;
                gain[f] = gain[f] + tree.gain[i];
            }
        }
        return m.names
            .map((feature, j) => ({
            feature,
            splits: splits[j],
            total_gain: gain[j],
            mean_gain: splits[j] > 0 ? gain[j] / splits[j] : 0,
            j,
        }))
            .sort((a, b) => b.total_gain - a.total_gain || a.j - b.j)
            .map(({ j: _j, ...rest }) => rest);
    }
    state() {
        const m = this.model();
        return { names: [...m.names], base_score: m.baseScore, trees: m.trees.map((t) => t.toJSON()) };
    }
    /** Trees, leaves and importance; rounds and the validation loss only for a model fitted here. */
    summary() {
        const m = this.model();
        const b = m.boosting;
        const out = {
            trees: m.trees.length,
            ...(b ? { rounds: b.rounds, best_iteration: b.bestIteration } : {}),
            leaves: m.trees.reduce((s, t) => s + t.feature.filter((f) => f < 0).length, 0),
            importance: this.importance(),
        };
        if (b && b.bestValidationLoss !== null)
            out['best_validation_log_loss'] = b.bestValidationLoss;
        return out;
    }
}
//# sourceMappingURL=model.js.map