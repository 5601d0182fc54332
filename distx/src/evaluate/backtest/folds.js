/**
 * Walk-forward folds by date (docs/backtests-and-calibration.md). For each cutoff C: train on labeled rows whose
 * label is known at C (as_of + horizon <= C), test on labeled rows with C <= as_of < C + step.
 * `checkFoldLeakage` is the guard every fold passes before a model sees it.
 */
import { isoDay } from '../../util/index.js';
import { ChurnkitError, UsageError } from '../../util/index.js';
import { addDays, addMonths } from '../../util/index.js';
export const STEPS = ['quarter', 'month'];
/** Training rows must span this many months of as-of dates before the first default cutoff. */
const MIN_TRAIN_MONTHS = 6;
function monthsOf(step) {
    return step === 'quarter' ? 3 : 1;
}
/** The first step boundary (1st of a quarter or month) on or after `date`. */
function boundaryOnOrAfter(date, step) {
    const months = monthsOf(step);
    const y = Number(date.slice(0, 4));
    const m = Number(date.slice(5, 7)) - 1;
    let b = `${String(y).padStart(4, '0')}-${String(m - (m % months) + 1).padStart(2, '0')}-01`;
    while (b < date)
        b = addMonths(b, months);
    return b;
}
function checkDate(flag, value) {
    if (isoDay(value) === undefined)
        throw new UsageError(`${flag} must be a date (YYYY-MM-DD), got "${value}"`);
}
/**
 * Plans the folds: cutoffs every step from the start while labeled rows remain at or after the
 * cutoff. The default start is the first step boundary where (1) training rows span at least six
 * months of as-of dates plus the horizon, (2) usage data covers the feature windows (when usage
 * starts late), and (3) the training rows hold both classes. A later fold whose training or test
 * rows hold a single class (or none) is skipped with its reason, not a failure; only a plan with
 * no usable fold at all is an error.
 */
export function planBacktest(options) {
    const { asOf, label, horizon, step } = options;
    if (!STEPS.includes(step))
        throw new UsageError(`--step must be one of ${STEPS.join(', ')}, got "${step}"`);
    if (!Number.isInteger(horizon) || horizon < 1)
        throw new UsageError(`--horizon must be a positive number of days, got ${horizon}`);
    if (options.start !== undefined)
        checkDate('--start', options.start);
    if (options.from !== undefined)
        checkDate('--from', options.from);
    const from = options.from ?? null;
    const labeled = [];
    let before = 0;
    for (let i = 0; i < asOf.length; i++) {
        if (Number.isNaN(label[i]))
            continue;
        const t = asOf[i];
        // Stryker disable next-line ConditionalExpression,LogicalOperator: equivalent for the NULL checks (false, &&), isoDay(null) and isoDay(undefined) are undefined too and the message is made from t; the type needs them
        if (t === null || t === undefined || isoDay(t) === undefined)
            throw new ChurnkitError(`row ${i + 1}: as_of is ${t === null ? 'NULL' : `"${t}"`}, expected a date`, 2);
        // Stryker disable next-line ConditionalExpression: equivalent for from !== null -> true, a date is never < null (a NaN comparison)
        if (from !== null && t < from) {
            before++;
            continue;
        }
        labeled.push(i);
    }
    if (labeled.length === 0)
        throw new ChurnkitError(before > 0
            ? `no labeled rows on or after --from ${from} (${before} labeled rows are before it), nothing to backtest`
            : 'no labeled rows: every label is NULL (censored), nothing to backtest', 2);
    let first = asOf[labeled[0]];
    let last = first;
    for (const i of labeled) {
        const t = asOf[i];
        // Stryker disable next-line EqualityOperator: equivalent for <=, an equal date replaces itself
        if (t < first)
            first = t;
        // Stryker disable next-line EqualityOperator: equivalent for >=, an equal date replaces itself
        if (t > last)
            last = t;
    }
    const knownAt = new Map();
    // Stryker disable next-line ConditionalExpression: equivalent for true, a date seen before gets the same day again (the check only saves the work)
    for (const i of labeled)
        if (!knownAt.has(asOf[i]))
            knownAt.set(asOf[i], addDays(asOf[i], horizon));
    const months = monthsOf(step);
    const sides = (cutoff, testEnd) => {
        const train = [];
        const test = [];
        for (const i of labeled) {
            const t = asOf[i];
            if (knownAt.get(t) <= cutoff)
                train.push(i);
            else if (t >= cutoff && t < testEnd)
                test.push(i);
        }
        return { train, test };
    };
    const positives = (rows) => rows.reduce((s, i) => s + label[i], 0);
    let start;
    let startReason;
    if (options.start !== undefined) {
        start = options.start;
        startReason = `--start ${start}`;
    }
    else {
        ({ start, reason: startReason } = defaultStart());
    }
    if (start > last)
        throw new UsageError(`the first cutoff ${start} is after the last labeled as_of ${last}: no test rows; pass an earlier --start${from ? ' or --from' : ''}`);
    const folds = [];
    const skipped = [];
    for (let k = 0;; k++) {
        const cutoff = addMonths(start, k * months);
        if (cutoff > last)
            break;
        const testEnd = addMonths(start, (k + 1) * months);
        const { train, test } = sides(cutoff, testEnd);
        if (test.length === 0)
            continue;
        const why = singleClass(train, positives(train), test, positives(test), horizon, cutoff);
        if (why !== null) {
            skipped.push({
                cutoff,
                test_end: testEnd,
                reason: why,
                train: { rows: train.length, positives: positives(train) },
                test: { rows: test.length, positives: positives(test) },
            });
            continue;
        }
        folds.push({ index: folds.length, cutoff, test_end: testEnd, train, test });
    }
    if (folds.length === 0)
        throw new UsageError(`no fold has both classes in its training and test rows (${skipped.map((f) => `${f.cutoff}: ${f.reason}`).join('; ')}); pass a later --start or backtest more history`);
    return { folds, skipped, start, start_reason: startReason, from };
    function defaultStart() {
        const history = boundaryOnOrAfter(addDays(addMonths(first, MIN_TRAIN_MONTHS), horizon), step);
        const covered = options.usageCoveredFrom ? boundaryOnOrAfter(options.usageCoveredFrom, step) : null;
        // Stryker disable next-line ConditionalExpression,EqualityOperator: equivalent for covered !== null -> true (null > a date is false) and for >= (equal boundaries give the same candidate)
        let candidate = covered !== null && covered > history ? covered : history;
        const initial = candidate;
        for (;;) {
            if (candidate > last)
                throw new UsageError(`no ${step} boundary from ${initial} to the last labeled as_of ${last} has both classes among its training rows ` +
                    `(${positives(labeled)} churned of ${labeled.length} labeled rows${from ? ` from ${from}` : ''}); pass --start, or backtest more history`);
            const { train } = sides(candidate, addMonths(candidate, months));
            const pos = positives(train);
            if (pos > 0 && pos < train.length) {
                const rules = [
                    `${MIN_TRAIN_MONTHS} months plus the ${horizon}-day horizon after the first labeled as_of ${first} (${history})`,
                ];
                if (covered !== null)
                    rules.push(`usage data covering the usage features' windows (from ${options.usageCoveredFrom}: ${covered})`);
                rules.push(`both classes among the training rows (${pos} churned of ${train.length})`);
                const decided = candidate > initial
                    ? 'both classes'
                    : // Stryker disable next-line ConditionalExpression: equivalent for covered !== null -> true, null > a date is false
                        covered !== null && covered > history
                            ? 'usage coverage'
                            : 'history length';
                return {
                    start: candidate,
                    reason: `the first ${step} boundary with ${rules.join(', ')}; ${decided} decided it`,
                };
            }
            candidate = addMonths(candidate, months);
        }
    }
}
/** Why a fold cannot be fitted or measured, or null when it can. */
function singleClass(train, trainPositives, test, testPositives, horizon, cutoff) {
    const side = (name, rows, pos) => rows === 0
        ? // Stryker disable next-line ConditionalExpression,StringLiteral: equivalent for true and for '', the test side is never empty here (cutoffs without test rows are passed over before)
            `no ${name} rows${name === 'training' ? ` (none has as_of + ${horizon} days <= ${cutoff})` : ''}`
        : pos === 0
            ? `no churner among the ${rows} ${name} rows`
            : pos === rows
                ? `every one of the ${rows} ${name} rows churned`
                : null;
    return side('training', train.length, trainPositives) ?? side('test', test.length, testPositives);
}
/** The usable folds of planBacktest (skipped cutoffs left out). */
export function planFolds(options) {
    return planBacktest(options).folds;
}
export class LeakageError extends ChurnkitError {
    constructor(message) {
        super(`leakage: ${message}`, 70);
    }
}
/**
 * Asserts that a fold cannot leak: every training label window ends by the cutoff
 * (max(train.as_of) + horizon <= cutoff) and every test row is in [cutoff, test_end).
 * Throws LeakageError naming the fold and the offending date.
 */
export function checkFoldLeakage(fold, trainAsOf, testAsOf, horizon) {
    let maxTrain = null;
    // Stryker disable next-line EqualityOperator: equivalent for >=, an equal date replaces itself
    for (const t of trainAsOf)
        if (maxTrain === null || t > maxTrain)
            maxTrain = t;
    let minTest = null;
    let maxTest = null;
    for (const t of testAsOf) {
        // Stryker disable next-line EqualityOperator: equivalent for <=, an equal date replaces itself
        if (minTest === null || t < minTest)
            minTest = t;
        // Stryker disable next-line EqualityOperator: equivalent for >=, an equal date replaces itself
        if (maxTest === null || t > maxTest)
            maxTest = t;
    }
    if (maxTrain !== null && addDays(maxTrain, horizon) > fold.cutoff) {
        throw new LeakageError(`fold at cutoff ${fold.cutoff}: a training row has as_of ${maxTrain}, whose ${horizon}-day label window runs to ${addDays(maxTrain, horizon)}, past the cutoff`);
    }
    // Stryker disable next-line ConditionalExpression: equivalent for minTest !== null -> true, null < a date is false
    if (minTest !== null && minTest < fold.cutoff) {
        throw new LeakageError(`fold at cutoff ${fold.cutoff}: a test row has as_of ${minTest}, before the cutoff`);
    }
    // Stryker disable next-line ConditionalExpression: equivalent for maxTest !== null -> true, null >= a date is false
    if (maxTest !== null && maxTest >= fold.test_end) {
        throw new LeakageError(`fold at cutoff ${fold.cutoff}: a test row has as_of ${maxTest}, at or after the test period's end ${fold.test_end}`);
    }
}
/** checkFoldLeakage on a planned fold, reading the dates of its rows. */
export function checkPlanLeakage(fold, asOf, horizon) {
    checkFoldLeakage(fold, fold.train.map((i) => asOf[i]), fold.test.map((i) => asOf[i]), horizon);
}
//# sourceMappingURL=folds.js.map