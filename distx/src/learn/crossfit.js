import { silentProgress } from '../util/index.js';
import { applyPreprocessing, fitPreprocessing } from './preprocess.js';
import { takeRows, timeFolds } from './split.js';
export function gather(values, rows) {
    const out = new Float64Array(rows.length);
    for (let k = 0; k < rows.length; k++)
        out[k] = values[rows[k]];
    return out;
}
/** scikit-learn's balanced weights n / (2 n_class), or undefined for none. */
export function classWeights(y, mode) {
    if (mode === 'none')
        return undefined;
    let pos = 0;
    for (const v of y)
        pos += v;
    const n = y.length;
    const wPos = n / (2 * pos);
    const wNeg = n / (2 * (n - pos));
    return Float64Array.from(y, (v) => (v === 1 ? wPos : wNeg));
}
export function bothClasses(y) {
    let pos = 0;
    for (const v of y)
        pos += v;
    return pos > 0 && pos < y.length;
}
export async function crossFitMargins(frame, yAll, labeled, times, options) {
    const progress = options.progress ?? silentProgress;
    // Without a time column, input order stands for time (zero-padded positions sort like dates).
    const keys = times ?? Array.from({ length: frame.n }, (_, i) => String(i).padStart(12, '0'));
    const folds = timeFolds(labeled, keys, options.folds, options.embargoDays);
    const summaries = [];
    const fitted = [];
    for (const [k, fold] of folds.entries()) {
        const summary = {
            from: fold.from,
            to: fold.to,
            train_rows: fold.train.length,
            validation_rows: fold.validation.length,
            embargoed_rows: fold.embargoed,
        };
        summaries.push(summary);
        const y = gather(yAll, fold.train);
        if (!bothClasses(y)) {
            summary.skipped = fold.train.length === 0 ? 'no training rows' : 'training rows have a single class';
            continue;
        }
        progress.start(`cross-fitting ${options.family.name}: fold ${k + 1} of ${folds.length}`);
        const trainFrame = takeRows(frame, fold.train, options.used);
        const { preprocessing } = fitPreprocessing(trainFrame, { ...options.prepOptions, label: y });
        const X = applyPreprocessing(trainFrame, preprocessing, options.prepOptions.table);
        const V = {
            X: applyPreprocessing(takeRows(frame, fold.validation, options.used), preprocessing, options.prepOptions.table),
            y: gather(yAll, fold.validation),
        };
        // Seen through the common interface: the optional early-stopping hooks are the family's to give.
        const model = options.family.create(options.params, options.seed);
        await model.fit({ X, y, weight: classWeights(y, options.classWeight) }, options.wantsValidation ? { validation: V, fullCurve: true } : {});
        fitted.push({ validation: fold.validation, V, model });
    }
    let rounds;
    let validationLogLoss;
    if (options.wantsValidation && fitted.length > 0) {
        // One number of rounds for all: the round with the least log loss summed over every fold's
        // rows, up to the shortest fold's curve (each fold ran at least its patience past its own best).
        const curves = fitted.map((f) => f.model.validationLoss?.() ?? []);
        const length = Math.min(...curves.map((c) => c.length));
        let best = -1;
        let bestLoss = Infinity;
        let total = 0;
        for (const f of fitted)
            total += f.V.X.n;
        for (let t = 0; t < length; t++) {
            let loss = 0;
            curves.forEach((c, k) => (loss += c[t] * fitted[k].V.X.n));
            loss /= total;
            if (loss < bestLoss) {
                bestLoss = loss;
                best = t;
            }
        }
        if (best >= 0) {
            rounds = best + 1;
            validationLogLoss = bestLoss;
            for (const f of fitted)
                f.model.keepRounds?.(rounds);
        }
    }
    const rows = [];
    const margins = [];
    for (const f of fitted) {
        const m = f.model.predictMargin(f.V.X);
        for (let k = 0; k < f.validation.length; k++) {
            rows.push(f.validation[k]);
            margins.push(m[k]);
        }
    }
    progress.done();
    return {
        rows,
        margin: Float64Array.from(margins),
        ...(rounds !== undefined ? { rounds } : {}),
        summary: {
            folds: summaries,
            out_of_fold_rows: rows.length,
            ...(rounds !== undefined ? { rounds, validation_log_loss: validationLogLoss } : {}),
        },
    };
}
//# sourceMappingURL=crossfit.js.map