/**
 * Logistic regression as a ChurnModel: exact (penalized) maximum likelihood with the inputs
 * standardized inside the model for conditioning, and everything reported on the inputs'
 * original scale, with a coefficient table (standard error, z, p-value, odds ratio).
 *
 * What the standard errors mean:
 * - no penalty, no weights: the usual observed-information (inverse Hessian) errors, as statsmodels.
 * - row weights that are not all equal (class weights): the sandwich H^-1 B H^-1 (robust), since
 *   class weights are not frequency weights and H^-1 alone would understate uncertainty.
 * - L2: inverse of the penalized Hessian, i.e. the posterior spread under the Gaussian prior the
 *   penalty implies. Estimates are shrunk towards 0, so z and p test a biased estimate and are
 *   conservative approximations, not exact frequentist tests.
 * - L1: computed for the non-zero coefficients only, conditional on that selection (which the
 *   p-values ignore, so they are optimistic); zeroed coefficients have no standard error.
 */
import { sigmoid } from '../../stats/index.js';
import { readParams } from '../params.js';
import { ChurnkitError } from '../../util/index.js';
import { ModelFitError } from '../errors.js';
import { cholesky, choleskyInverse, subMatrix } from '../linalg.js';
import { twoSidedP } from '../normal.js';
import { findAliased } from './aliasing.js';
import { allocateDesign, fillDesign, scoreOuterProducts, solveLogistic } from './solver.js';
/**
 * The default ridge penalty on standardized coefficients: scikit-learn's default C = 1 on
 * standardized inputs is l2 = 1 / (2 C) = 0.5 here. It keeps near-collinear inputs and small,
 * (quasi-)separated samples finite and stable and costs nothing measurable on large ones (the
 * penalty does not grow with the rows); docs/models.md has the measurements behind it.
 */
export const DEFAULT_L2 = 0.5;
export const LOGISTIC_PARAMS = {
    l2: {
        type: 'number',
        default: DEFAULT_L2,
        min: 0,
        description: 'L2 penalty: l2 * sum(beta^2) added to the negative log-likelihood (scikit-learn C = 1 / (2 * l2)); 0 = exact maximum likelihood',
    },
    l1: {
        type: 'number',
        default: 0,
        min: 0,
        description: 'L1 penalty: l1 * sum(|beta|) added to the negative log-likelihood (scikit-learn C = 1 / l1)',
    },
    penalty_scale: {
        type: 'choice',
        default: 'standardized',
        choices: ['standardized', 'original'],
        description: 'penalize coefficients of standardized inputs (scale-free, the default) or of the inputs as given (as scikit-learn on unscaled data, peer.py)',
    },
    max_iter: { type: 'integer', default: 100, min: 1, description: 'maximum Newton iterations' },
    tol: {
        type: 'number',
        default: 1e-10,
        min: 0,
        description: 'accuracy of the standardized coefficients: Newton stops after a step below 0.1 * sqrt(tol)',
    },
};
const Z95 = 1.959963984540054;
function finiteOrNull(v) {
    return Number.isFinite(v) ? v : null;
}
export class LogisticModel {
    family = 'logistic';
    params;
    fitted = null;
    /** Null for a model restored from its state: the table lives in the artifact's diagnostics. */
    report = null;
    constructor(params = {}) {
        this.params = readParams('logistic', LOGISTIC_PARAMS, params);
    }
    static fromState(state, params = {}) {
        const m = new LogisticModel(params);
        m.fitted = state;
        return m;
    }
    async fit(data, _options) {
        const { X, y } = data;
        const n = X.n;
        const names = [...X.names];
        const pAll = names.length;
        for (let i = 0; i < n; i++) {
            const v = y[i];
            if (v !== 0 && v !== 1)
                throw new ModelFitError(`logistic: label of row ${i + 1} is ${v}, expected 0 or 1`);
        }
        const center = new Array(pAll).fill(0);
        const scale = new Array(pAll).fill(0);
        const varying = [];
        const dropped = [];
        for (let j = 0; j < pAll; j++) {
            const st = columnStats(X.columns[j]);
            if (typeof st === 'number')
                throw new ModelFitError(`logistic: input ${names[j]} has a missing value in row ${st + 1}; impute it first (the training pipeline does)`, [names[j]]);
            center[j] = st.mean;
            scale[j] = st.sd;
            if (st.constant || !(st.sd > 0))
                dropped.push(names[j]);
            else
                varying.push(j);
        }
        const { keep, aliased } = findAliased(X.columns, names, varying, center, scale);
        const p = keep.length;
        const design = allocateDesign(n, p);
        fillDesign(design, n, keep.map((j) => X.columns[j]), keep.map((j) => center[j]), keep.map((j) => 1 / scale[j]));
        const l2 = this.params.l2;
        const l1 = this.params.l1;
        const original = this.params.penalty_scale === 'original';
        // Penalty on the reported (original-scale) coefficient b = beta / s is l2 * beta^2 / s^2.
        const l2v = Float64Array.from(keep, (j) => (original ? l2 / scale[j] ** 2 : l2));
        const l1v = Float64Array.from(keep, (j) => (original ? l1 / scale[j] : l1));
        const w = data.weight ?? null;
        const input = {
            n,
            p,
            ...design,
            y,
            w,
            l2: l2v,
            l1: l1v,
            maxIter: this.params.max_iter,
            tol: this.params.tol,
            names: keep.map((j) => names[j]),
        };
        const sol = solveLogistic(input);
        const q = p + 1;
        // Back to the original scale: b_j = beta_j / s_j, b_0 = beta_0 - sum_j beta_j m_j / s_j.
        const A = new Float64Array(q * q);
        A[0] = 1;
        for (let k = 0; k < p; k++) {
            const j = keep[k];
            A[k + 1] = -center[j] / scale[j];
            A[(k + 1) * q + k + 1] = 1 / scale[j];
        }
        const thetaOrig = new Float64Array(q);
        for (let a = 0; a < q; a++) {
            let s = 0;
            for (let b = 0; b < q; b++)
                s += A[a * q + b] * sol.theta[b];
            thetaOrig[a] = s;
        }
        // Covariance on the standardized scale over the active set (all, or the non-zero ones under L1).
        const active = Array.from({ length: q }, (_, a) => a).filter((a) => a === 0 || l1 === 0 || sol.theta[a] !== 0);
        let uniformWeights = true;
        if (w !== null)
            for (let i = 1; i < n; i++)
                if (w[i] !== w[0]) {
                    uniformWeights = false;
                    break;
                }
        const seMethod = !uniformWeights
            ? 'sandwich'
            : l2 > 0 || l1 > 0
                ? 'penalized_information'
                : 'observed_information';
        let covStd = null;
        const ch = cholesky(subMatrix(sol.hessian, q, active), active.length, 1e-14);
        if (ch.ok) {
            let C = choleskyInverse(ch.L, active.length);
            if (!uniformWeights)
                C = sandwich(C, subMatrix(scoreOuterProducts(input, sol.theta), q, active), active.length);
            // Equal weights c only rescale the likelihood; undo that so the errors do not depend on the
            // weights' scale (the sandwich does not either).
            else if (w !== null && w[0] !== 1)
                C = C.map((v) => v * w[0]);
            covStd = new Float64Array(q * q).fill(NaN);
            for (let a = 0; a < active.length; a++)
                for (let b = 0; b < active.length; b++)
                    covStd[active[a] * q + active[b]] = C[a * active.length + b];
        }
        const se = new Float64Array(q).fill(NaN);
        if (covStd) {
            for (let a = 0; a < q; a++) {
                if (!active.includes(a))
                    continue;
                let v = 0;
                for (const b of active)
                    for (const c of active)
                        v += A[a * q + b] * covStd[b * q + c] * A[a * q + c];
                se[a] = Math.sqrt(Math.max(v, 0));
            }
        }
        const coefficients = new Array(pAll).fill(0);
        keep.forEach((j, k) => (coefficients[j] = thetaOrig[k + 1]));
        const table = [row('(intercept)', thetaOrig[0], se[0], NaN, 'estimated')];
        const posOf = new Map(keep.map((j, k) => [j, k + 1]));
        for (let j = 0; j < pAll; j++) {
            const a = posOf.get(j);
            const alias = aliased.find((d) => d.name === names[j]);
            if (alias)
                table.push({ ...row(names[j], 0, NaN, NaN, 'aliased'), note: `aliased: ${alias.equals}` });
            else if (a === undefined)
                table.push(row(names[j], 0, NaN, NaN, 'constant'));
            else
                table.push(row(names[j], thetaOrig[a], se[a], scale[j], l1 > 0 && sol.theta[a] === 0 ? 'zeroed by l1' : 'estimated'));
        }
        let sw = 0;
        let swy = 0;
        for (let i = 0; i < n; i++) {
            const wi = w === null ? 1 : w[i];
            sw += wi;
            swy += wi * y[i];
        }
        const pbar = swy / sw;
        const nullLL = swy * Math.log(pbar) + (sw - swy) * Math.log(1 - pbar);
        this.fitted = { names, intercept: thetaOrig[0], coefficients, center, scale };
        this.report = {
            coefficients: table,
            iterations: sol.iterations,
            rows: n,
            weight_sum: sw,
            log_likelihood: -sol.nll,
            null_log_likelihood: nullLL,
            penalty: sol.penalty,
            se_method: seMethod,
            dropped,
            ...(aliased.length > 0 ? { aliased } : {}),
        };
        return this;
    }
    get s() {
        if (!this.fitted)
            throw new Error('logistic model used before fit');
        return this.fitted;
    }
    checkColumns(X) {
        const names = this.s.names;
        if (X.names.length !== names.length || X.names.some((nm, j) => nm !== names[j])) {
            throw new ModelFitError(`logistic: inputs [${X.names.join(', ')}] do not match the model's [${names.join(', ')}]`);
        }
    }
    predictMargin(X) {
        this.checkColumns(X);
        const { intercept, coefficients } = this.s;
        const out = new Float64Array(X.n).fill(intercept);
        coefficients.forEach((b, j) => {
            if (b === 0)
                return;
            const col = X.columns[j];
            for (let i = 0; i < X.n; i++)
                out[i] += b * col[i];
        });
        for (let i = 0; i < X.n; i++) {
            if (Number.isNaN(out[i])) {
                const j = X.columns.findIndex((c) => Number.isNaN(c[i]));
                throw new ModelFitError(`logistic: input ${X.names[j] ?? '?'} is missing in row ${i + 1}; impute it first (the pipeline does)`);
            }
        }
        return out;
    }
    predictProba(X) {
        return this.predictMargin(X).map(sigmoid);
    }
    /** Contribution of input j: b_j (x_j - mean_j); the bias is the margin at the training means. */
    explain(X) {
        this.checkColumns(X);
        const { intercept, coefficients, center, names } = this.s;
        let base = intercept;
        coefficients.forEach((b, j) => (base += b * center[j]));
        const contributions = coefficients.map((b, j) => {
            const col = X.columns[j];
            const m = center[j];
            return Float64Array.from(col, (v) => b * (v - m));
        });
        return { names, bias: new Float64Array(X.n).fill(base), contributions };
    }
    state() {
        return this.s;
    }
    summary() {
        if (this.report)
            return this.report;
        if (!this.fitted)
            throw new Error('logistic model used before fit');
        throw new ChurnkitError('logistic: a model restored from its state has no coefficient table; the artifact keeps it under diagnostics');
    }
}
/**
 * Mean, standard deviation and constancy in one pass over values shifted by the first one (so
 * the sums stay small); the rare column whose shift loses precision to cancellation gets a
 * second, exact pass. A NaN returns its row index.
 */
function columnStats(col) {
    const n = col.length;
    const x0 = n > 0 ? col[0] : 0;
    let s = 0;
    let ss = 0;
    let varies = false;
    for (let i = 0; i < n; i++) {
        const d = col[i] - x0;
        if (Number.isNaN(d))
            return i;
        s += d;
        ss += d * d;
        if (d !== 0)
            varies = true;
    }
    const mean = x0 + s / n;
    let m2 = ss - (s * s) / n;
    if (!(m2 > 1e-8 * ss)) {
        m2 = 0;
        for (let i = 0; i < n; i++) {
            const d = col[i] - mean;
            m2 += d * d;
        }
    }
    return { mean, sd: Math.sqrt(m2 / n), constant: !varies };
}
function row(name, coef, se, sd, status) {
    const hasSe = Number.isFinite(se) && se > 0;
    const z = hasSe ? coef / se : NaN;
    const estimated = status === 'estimated';
    return {
        name,
        coef,
        se: hasSe ? se : null,
        z: hasSe ? z : null,
        p_value: hasSe ? twoSidedP(z) : null,
        odds_ratio: name === '(intercept)' || status === 'aliased' ? null : finiteOrNull(Math.exp(coef)),
        odds_ratio_ci_low: hasSe && name !== '(intercept)' ? finiteOrNull(Math.exp(coef - Z95 * se)) : null,
        odds_ratio_ci_high: hasSe && name !== '(intercept)' ? finiteOrNull(Math.exp(coef + Z95 * se)) : null,
        odds_ratio_per_sd: estimated && Number.isFinite(sd) ? finiteOrNull(Math.exp(coef * sd)) : null,
        status,
    };
}
/** H^-1 B H^-1 for k x k row-major matrices. */
function sandwich(Hinv, B, k) {
    const T = new Float64Array(k * k);
    for (let i = 0; i < k; i++)
        for (let j = 0; j < k; j++) {
            let s = 0;
            for (let l = 0; l < k; l++)
                s += Hinv[i * k + l] * B[l * k + j];
            T[i * k + j] = s;
        }
    const out = new Float64Array(k * k);
    for (let i = 0; i < k; i++)
        for (let j = 0; j < k; j++) {
            let s = 0;
            for (let l = 0; l < k; l++)
                s += T[i * k + l] * Hinv[l * k + j];
            out[i * k + j] = s;
        }
    return out;
}
//# sourceMappingURL=model.js.map