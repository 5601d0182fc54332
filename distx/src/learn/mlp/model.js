import { ChurnkitError, UsageError } from '../../util/index.js';
import { readParams } from '../params.js';
import { loadTf } from './backend.js';
import { deepLift, forward } from './network.js';
import { MLP_STATE } from './state.js';
import { checkWith } from '../schema.js';
import { trainNetwork } from './train.js';
/**
 * Defaults sized for a churnkit feature table (tens of inputs, tens of thousands of rows):
 * 1024-row batches keep a 50k-row epoch to about 50 steps, so a backtest fold trains in
 * seconds on the WebAssembly backend; with Adam at 1e-2 early stopping usually ends within
 * 30-40 epochs (measured on make_synthetic.py data, bench/mlp).
 */
export const MLP_PARAMS = {
    hidden: {
        type: 'numbers',
        default: [32, 16],
        description: 'units per hidden layer, e.g. 32,16; empty gives a logistic regression fitted by Adam',
    },
    activation: { type: 'choice', default: 'relu', choices: ['relu', 'tanh'], description: 'hidden-layer activation' },
    dropout: {
        type: 'number',
        default: 0.1,
        min: 0,
        max: 0.9,
        description: 'share of hidden units dropped at each training step',
    },
    l2: {
        type: 'number',
        default: 1e-4,
        min: 0,
        description: 'l2 * sum of squared kernel weights added to the mean log loss',
    },
    learning_rate: { type: 'number', default: 1e-2, min: 1e-6, max: 1, description: 'Adam step size' },
    batch_size: { type: 'integer', default: 1024, min: 1, description: 'rows per training step' },
    max_epochs: {
        type: 'integer',
        default: 60,
        min: 1,
        description: 'most passes over the data; early stopping usually ends sooner',
    },
    patience: {
        type: 'integer',
        default: 6,
        min: 1,
        description: 'epochs without a better validation log loss before stopping',
    },
};
export class MlpModel {
    family = 'mlp';
    params;
    seed;
    learned = null;
    /** Null for a model restored from its state (the artifact's diagnostics keep it). */
    training = null;
    /** `params` are checked against MLP_PARAMS (strings from `--param` convert); the seed fixes every random choice. */
    constructor(params = {}, seed = 0) {
        this.params = readParams('mlp', MLP_PARAMS, params);
        if (this.params.hidden.some((h) => !Number.isInteger(h) || h < 1))
            throw new UsageError(`parameter hidden of mlp must list positive integers, got ${this.params.hidden.join(',')}`);
        if (!Number.isInteger(seed))
            throw new UsageError(`mlp: seed must be an integer, got ${seed}`);
        this.seed = seed;
    }
    /** A fitted model from the state an artifact stored, checked against MLP_STATE (errors name the field). */
    static fromState(state, params = {}) {
        const m = new MlpModel(params);
        m.learned = checkWith(MLP_STATE, state, 'mlp');
        return m;
    }
    async fit(data, options = {}) {
        const { X, y } = data;
        if (X.n === 0)
            throw new ChurnkitError('mlp: no training rows', 2);
        if (y.length !== X.n)
            throw new ChurnkitError(`mlp: ${X.n} rows but ${y.length} labels`);
        const { tf, backend } = await loadTf();
        const train = toTrainSet(X, y, data.weight);
        const val = options.validation;
        if (val && (val.X.names.length !== X.names.length || val.X.names.some((n, j) => n !== X.names[j]))) {
            throw new ChurnkitError('mlp: the validation slice has different inputs than the training rows');
        }
        const validation = val ? toTrainSet(val.X, val.y, val.weight) : undefined;
        const result = trainNetwork(tf, train, {
            hidden: this.params.hidden,
            activation: this.params.activation,
            dropout: this.params.dropout,
            l2: this.params.l2,
            learningRate: this.params.learning_rate,
            batchSize: this.params.batch_size,
            maxEpochs: this.params.max_epochs,
            patience: this.params.patience,
            seed: this.seed,
        }, validation, options.progress);
        this.learned = {
            inputs: [...X.names],
            activation: this.params.activation,
            layers: result.layers,
            baseline: weightedMeans(train),
        };
        this.training = {
            backend,
            epochs_run: result.history.length,
            best_epoch: result.bestEpoch,
            stopped_early: result.stoppedEarly,
            history: result.history,
        };
        return this;
    }
    predictMargin(X) {
        return forward(this.fitted(), X);
    }
    explain(X) {
        return deepLift(this.fitted(), X);
    }
    state() {
        const s = this.fitted();
        return {
            inputs: [...s.inputs],
            activation: s.activation,
            layers: s.layers.map((l) => ({ kernel: l.kernel.map((r) => [...r]), bias: [...l.bias] })),
            baseline: [...s.baseline],
        };
    }
    /** Network shape and, for a model fitted here, how training went (epochs, the epoch kept, loss per epoch, backend). */
    summary() {
        const s = this.fitted();
        const parameters = s.layers.reduce((sum, l) => sum + l.kernel.length * l.bias.length + l.bias.length, 0);
        const t = this.training;
        return {
            layers: [s.inputs.length, ...s.layers.map((l) => l.bias.length)],
            parameters,
            ...(t ? { ...t, history: t.history.map((h) => ({ ...h })) } : {}),
        };
    }
    fitted() {
        if (!this.learned)
            throw new ChurnkitError('mlp: the model is not fitted');
        return this.learned;
    }
}
/** Rows to float32 row-major (NaN as 0, see network.ts); row weights carry the pipeline's class weights. */
function toTrainSet(X, y, weight) {
    const n = X.n;
    const d = X.names.length;
    const rows = new Float32Array(n * d);
    for (let j = 0; j < d; j++) {
        const col = X.columns[j];
        for (let i = 0; i < n; i++) {
            const v = col[i];
            rows[i * d + j] = Number.isNaN(v) ? 0 : v;
        }
    }
    const w = new Float32Array(n);
    for (let i = 0; i < n; i++) {
        const yi = y[i];
        if (yi !== 0 && yi !== 1)
            throw new ChurnkitError(`mlp: label of row ${i + 1} is ${yi}, not 0 or 1`, 2);
        const wi = weight ? weight[i] : 1;
        if (!(wi >= 0))
            throw new ChurnkitError(`mlp: weight of row ${i + 1} is ${wi}`, 2);
        w[i] = wi;
    }
    return { n, d, rows, y: Float32Array.from(y), weight: w };
}
function weightedMeans(t) {
    const sums = new Float64Array(t.d);
    let tot = 0;
    for (let i = 0; i < t.n; i++) {
        const w = t.weight[i];
        tot += w;
        for (let j = 0; j < t.d; j++)
            sums[j] += w * t.rows[i * t.d + j];
    }
    return Array.from(sums, (s) => (tot > 0 ? s / tot : 0));
}
//# sourceMappingURL=model.js.map