import { featureSpec, signalSpec } from '../../features/index.js';
import { binaryMetrics, sigmoid } from '../../stats/index.js';
import { ChurnkitError } from '../../util/index.js';
import { fitPlatt } from '../calibration.js';
import { bothClasses, crossFitMargins } from '../crossfit.js';
import { GbdtModel, gbdtFamily } from '../gbdt/index.js';
import { LogisticModel, logisticFamily } from '../logistic/index.js';
import { readParams } from '../params.js';
import { applyPreprocessing, fitPreprocessing } from '../preprocess.js';
/** The logistic member's NULL handling: the pipeline's default (docs/models.md has why). */
const DEFAULT_MISSING = 'mean';
export const AUTO_PARAMS = {
    folds: { type: 'integer', default: 5, min: 2, max: 20, description: 'time-ordered folds of the inner validation' },
    candidates: {
        type: 'choice',
        default: 'all',
        choices: ['all', 'logistic', 'gbdt', 'blend'],
        description: 'all: choose by inner validation; or force one candidate',
    },
};
/** +1 / -1 from the features' documented directions; 0 for inputs without one. */
export function documentedMonotone(names) {
    return names.map((name) => {
        const spec = featureSpec(name);
        if (spec)
            return spec.direction === 'higher_is_riskier' ? 1 : -1;
        // The override signals are risk flags by definition (docs/features.md).
        if (['zero_usage_14d', 'champion_departed', 'active_escalation'].includes(name) && signalSpec(name))
            return 1;
        return 0;
    });
}
/** The matrix as a numeric Frame (plus the time and label columns the folds need). */
function matrixFrame(X, extra = {}) {
    const columns = {};
    const kinds = {};
    X.names.forEach((name, j) => {
        columns[name] = X.columns[j];
        kinds[name] = 'number';
    });
    for (const [name, col] of Object.entries(extra)) {
        columns[name] = col;
        kinds[name] = col instanceof Float64Array ? 'number' : 'date';
    }
    return { n: X.n, names: Object.keys(columns), kinds, columns };
}
const TIME = '__auto_time';
const LABEL = '__auto_label';
/**
 * A candidate's out-of-fold log loss after Platt scaling. A map with a slope <= 0 would flatten or
 * reverse the candidate's ranking (a noisy handful of churners can ask for it); such a candidate
 * is worth no more than the base rate, and is scored as the base rate.
 */
function plattLogLoss(margin, y) {
    const { a, b } = fitPlatt(margin, y);
    const auc = binaryMetrics(y, margin.map(sigmoid)).auc;
    if (!(a > 0)) {
        const rate = y.reduce((sum, v) => sum + v, 0) / y.length;
        return {
            log_loss: binaryMetrics(y, y.map(() => rate)).log_loss,
            auc,
        };
    }
    return {
        log_loss: binaryMetrics(y, margin.map((m) => sigmoid(a * m + b))).log_loss,
        auc,
    };
}
export class AutoModel {
    seed;
    family = 'auto';
    params;
    fitted = null;
    logisticMember = null;
    gbdtMember = null;
    oof = null;
    constructor(params = {}, seed = 0) {
        this.seed = seed;
        this.params = readParams('auto', AUTO_PARAMS, params);
    }
    static fromState(state, params = {}) {
        const m = new AutoModel(params);
        m.fitted = state;
        if (state.logistic)
            m.logisticMember = LogisticModel.fromState(state.logistic.state, {});
        if (state.gbdt)
            m.gbdtMember = GbdtModel.fromState(state.gbdt.state, {});
        return m;
    }
    async fit(data, options = {}) {
        const { X, y } = data;
        const times = options.times;
        this.oof = null;
        const monotone = documentedMonotone(X.names);
        const frame = matrixFrame(X, { [LABEL]: y, ...(times ? { [TIME]: [...times] } : {}) });
        const labeled = Array.from({ length: X.n }, (_, i) => i);
        const used = [...(times ? [TIME] : []), ...X.names, LABEL];
        const table = 'auto';
        const logisticPrep = {
            columns: X.names,
            categorical: [],
            inputs: { impute: true, missingIndicators: true, standardize: false },
            missing: DEFAULT_MISSING,
            table,
        };
        const gbdtPrep = { ...logisticPrep, inputs: { impute: false, missingIndicators: false, standardize: false } };
        const folds = this.params.folds;
        const embargoDays = times ? (options.embargoDays ?? 0) : 0;
        const gbdtParams = { monotone_constraints: monotone };
        const common = { seed: this.seed, used, classWeight: 'none', folds, embargoDays };
        const lr = await crossFitMargins(frame, y, labeled, times ?? null, {
            ...common,
            family: logisticFamily,
            params: new LogisticModel().params,
            prepOptions: logisticPrep,
            wantsValidation: false,
        });
        const gb = await crossFitMargins(frame, y, labeled, times ?? null, {
            ...common,
            family: gbdtFamily,
            params: new GbdtModel(gbdtParams).params,
            prepOptions: gbdtPrep,
            wantsValidation: true,
        });
        const rows = lr.rows;
        const forced = this.params.candidates;
        const scores = {};
        let blend;
        let choice = forced === 'all' ? 'logistic' : forced;
        const yOof = Float64Array.from(rows, (i) => y[i]);
        let noBlend;
        // Candidates are compared on out-of-fold rows of both classes; early in a small history the
        // inner folds may have none (no fold trains on both classes, or no churner is predicted).
        const unscored = rows.length === 0 || gb.rows.length !== rows.length
            ? 'no inner fold has both classes to train on'
            : !bothClasses(yOof)
                ? `the ${rows.length} out-of-fold rows hold a single class`
                : null;
        if (unscored === null) {
            scores.logistic = plattLogLoss(lr.margin, yOof);
            scores.gbdt = plattLogLoss(gb.margin, yOof);
            const stack = await new LogisticModel({ l2: 0.5 }).fit({
                X: { n: rows.length, names: ['logistic', 'gbdt'], columns: [lr.margin, gb.margin] },
                y: yOof,
            });
            const s = stack.state();
            blend = { intercept: s.intercept, logistic: s.coefficients[0], gbdt: s.coefficients[1] };
            const blended = lr.margin.map((m, k) => blend.intercept + blend.logistic * m + blend.gbdt * gb.margin[k]);
            // A blend weighs both members up: a weight <= 0 (a few churners' noise) would reverse one,
            // and is no blend. It is then no candidate; the member it leans on already is one.
            if (blend.logistic > 0 && blend.gbdt > 0)
                scores.blend = plattLogLoss(blended, yOof);
            else {
                noBlend = `the blend was left out: its weight on ${blend.logistic > 0 ? 'gbdt' : 'logistic'} was not positive`;
                if (choice === 'blend')
                    choice = scores.gbdt.log_loss < scores.logistic.log_loss ? 'gbdt' : 'logistic';
            }
            if (forced === 'all') {
                choice = ['logistic', 'gbdt', 'blend'].reduce((best, c) => (scores[c]?.log_loss ?? Infinity) < scores[best].log_loss ? c : best);
            }
            this.oof = {
                rows,
                margin: choice === 'logistic' ? lr.margin : choice === 'gbdt' ? gb.margin : blended,
            };
        }
        else {
            // Nothing to choose by (or to weigh a blend by): the simplest candidate, stated as such.
            if (choice === 'blend' || forced === 'all')
                choice = 'logistic';
            const member = choice === 'logistic' ? lr : gb;
            if (member.rows.length > 0)
                this.oof = { rows: member.rows, margin: member.margin };
        }
        if (choice !== 'blend')
            blend = undefined;
        let logistic;
        let gbdt;
        if (choice !== 'gbdt') {
            const { preprocessing } = fitPreprocessing(frame, { ...logisticPrep, label: y });
            const model = await new LogisticModel().fit({ X: applyPreprocessing(frame, preprocessing, table), y });
            this.logisticMember = model;
            logistic = { preprocessing, state: model.state() };
        }
        if (choice !== 'logistic') {
            const model = await new GbdtModel(gbdtParams, this.seed).fit({ X, y }, {
                ...(gb.rounds !== undefined ? { rounds: gb.rounds } : {}),
                ...(options.progress ? { progress: options.progress } : {}),
            });
            this.gbdtMember = model;
            gbdt = { state: model.state(), rounds: gb.rounds ?? null };
        }
        this.fitted = {
            format: 'churnkit.auto',
            version: 1,
            names: [...X.names],
            choice,
            why: {
                rule: unscored === null
                    ? `least out-of-fold log loss after Platt scaling, over time-ordered folds with a label-window embargo${noBlend ? `; ${noBlend}` : ''}`
                    : `${choice}: nothing to compare the candidates on (${unscored})`,
                out_of_fold_rows: rows.length,
                folds: lr.summary.folds.filter((f) => f.skipped === undefined).length,
                scores,
            },
            monotone,
            ...(logistic ? { logistic } : {}),
            ...(gbdt ? { gbdt } : {}),
            ...(blend ? { blend } : {}),
        };
        return this;
    }
    get s() {
        if (!this.fitted)
            throw new ChurnkitError('auto model used before fit');
        return this.fitted;
    }
    /** Out-of-fold margins of the chosen candidate on the rows given to fit (for calibration). */
    outOfFold() {
        return this.oof;
    }
    logisticMatrix(X) {
        return applyPreprocessing(matrixFrame(X), this.s.logistic.preprocessing, 'auto');
    }
    predictMargin(X) {
        const s = this.s;
        if (s.choice === 'logistic')
            return this.logisticMember.predictMargin(this.logisticMatrix(X));
        const g = this.gbdtMember.predictMargin(X);
        if (s.choice === 'gbdt')
            return g;
        const l = this.logisticMember.predictMargin(this.logisticMatrix(X));
        const b = s.blend;
        return l.map((m, i) => b.intercept + b.logistic * m + b.gbdt * g[i]);
    }
    /** Members' contributions summed per input (a `:missing` indicator counts for its column). */
    explain(X) {
        const s = this.s;
        const names = [...X.names];
        const contributions = names.map(() => new Float64Array(X.n));
        const bias = new Float64Array(X.n);
        const add = (e, w) => {
            for (let i = 0; i < X.n; i++)
                bias[i] += w * e.bias[i];
            e.names.forEach((output, k) => {
                const j = names.indexOf(output.endsWith(':missing') ? output.slice(0, -':missing'.length) : output);
                const src = e.contributions[k];
                const dst = contributions[j];
                if (dst)
                    for (let i = 0; i < X.n; i++)
                        dst[i] += w * src[i];
            });
        };
        const b = s.blend;
        if (s.choice !== 'gbdt')
            add(this.logisticMember.explain(this.logisticMatrix(X)), b ? b.logistic : 1);
        if (s.choice !== 'logistic')
            add(this.gbdtMember.explain(X), b ? b.gbdt : 1);
        if (b)
            for (let i = 0; i < X.n; i++)
                bias[i] += b.intercept;
        return { names, bias, contributions };
    }
    state() {
        return this.s;
    }
    /** The members' own diagnostics (what was chosen and why is state: the artifact keeps it once). */
    summary() {
        this.s;
        return {
            ...(this.gbdtMember ? { gbdt: this.gbdtMember.summary() } : {}),
            ...(this.logisticMember ? { logistic: this.logisticMember.summary() } : {}),
        };
    }
}
//# sourceMappingURL=model.js.map