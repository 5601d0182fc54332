/** Walk-forward fold planning and the leakage check (issue 6). */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { addDays, addMonths } from '../../src/util/index.js';
import { checkFoldLeakage, checkPlanLeakage, LeakageError, planBacktest, planFolds, } from '../../src/evaluate/index.js';
/** A monthly snapshot table: `accounts` rows on the 1st of each month from `first` for `months` months. */
function monthly(first, months, accounts, censorLast = 3) {
    const asOf = [];
    const label = [];
    for (let m = 0; m < months; m++) {
        const d = addMonths(first, m);
        for (let a = 0; a < accounts; a++) {
            asOf.push(d);
            // The last `censorLast` months have no label yet (their window runs past data_end).
            label.push(m >= months - censorLast ? NaN : (a + m) % 7 === 0 ? 1 : 0);
        }
    }
    return { asOf, label: Float64Array.from(label) };
}
function datesOf(rows, asOf) {
    return rows.map((i) => asOf[i]);
}
test('calendar arithmetic: months clamp to the month end, days cross years', () => {
    assert.equal(addMonths('2024-01-31', 1), '2024-02-29');
    assert.equal(addMonths('2023-11-01', 3), '2024-02-01');
    assert.equal(addMonths('2024-03-01', -3), '2023-12-01');
    assert.equal(addDays('2023-12-15', 90), '2024-03-14');
});
test('quarterly folds: train labels are known at the cutoff, test is the next quarter, every labeled test row is used once', () => {
    const t = monthly('2023-01-01', 24, 10);
    const folds = planFolds({ asOf: t.asOf, label: t.label, horizon: 90, step: 'quarter' });
    // Default start: first quarter boundary on or after 2023-01-01 + 6 months + 90 days = 2023-09-29.
    assert.deepEqual(folds.map((f) => [f.cutoff, f.test_end]), [
        ['2023-10-01', '2024-01-01'],
        ['2024-01-01', '2024-04-01'],
        ['2024-04-01', '2024-07-01'],
        ['2024-07-01', '2024-10-01'],
    ]);
    const seen = new Set();
    for (const f of folds) {
        checkPlanLeakage(f, t.asOf, 90);
        for (const i of f.train)
            assert.ok(addDays(t.asOf[i], 90) <= f.cutoff, `${t.asOf[i]} + 90 days > ${f.cutoff}`);
        for (const i of f.test) {
            assert.ok(t.asOf[i] >= f.cutoff && t.asOf[i] < f.test_end);
            assert.ok(!Number.isNaN(t.label[i]), 'censored rows are never tested');
            assert.ok(!seen.has(i), 'a test row appears in two folds');
            seen.add(i);
        }
        // The gap: rows with cutoff - 90 days < as_of < cutoff are in neither side.
        assert.ok(!f.train.some((i) => t.asOf[i] > addDays(f.cutoff, -90)));
        assert.deepEqual(datesOf(f.train, t.asOf).at(-1), addMonths(f.cutoff, -3));
    }
    // Labeled rows end 2024-09-01 (months 21..23 censored); the last fold tests up to there.
    assert.equal(datesOf(folds.at(-1).test, t.asOf).at(-1), '2024-09-01');
});
test('monthly steps and an explicit --start', () => {
    const t = monthly('2023-01-01', 12, 4);
    const folds = planFolds({ asOf: t.asOf, label: t.label, horizon: 30, step: 'month', start: '2023-05-15' });
    assert.deepEqual(folds.slice(0, 2).map((f) => [f.cutoff, f.test_end]), [
        ['2023-05-15', '2023-06-15'],
        ['2023-06-15', '2023-07-15'],
    ]);
    for (const f of folds)
        checkPlanLeakage(f, t.asOf, 30);
    // Train on rows through 2023-04-01 (04-01 + 30 = 05-01 <= 05-15); test the 06-01 rows.
    assert.equal(datesOf(folds[0].train, t.asOf).at(-1), '2023-04-01');
    assert.deepEqual([...new Set(datesOf(folds[0].test, t.asOf))], ['2023-06-01']);
});
test('planning errors name the problem: no usable fold, a start after the data, a bad date or step', () => {
    const t = monthly('2023-01-01', 12, 4);
    // An early --start: cutoffs without training rows are skipped with the reason, later ones kept.
    const early = planBacktest({ asOf: t.asOf, label: t.label, horizon: 90, step: 'quarter', start: '2023-02-01' });
    assert.deepEqual(early.skipped.map((f) => [f.cutoff, f.reason]), [['2023-02-01', 'no training rows (none has as_of + 90 days <= 2023-02-01)']]);
    assert.deepEqual(early.folds.map((f) => f.cutoff), ['2023-05-01', '2023-08-01']);
    assert.equal(early.start_reason, '--start 2023-02-01');
    // Every row one class: no fold at all is an error naming each cutoff's reason.
    assert.throws(() => planFolds({
        asOf: t.asOf,
        label: t.label.map((v) => (Number.isNaN(v) ? v : 0)),
        horizon: 90,
        step: 'quarter',
        start: '2023-05-01',
    }), /no fold has both classes in its training and test rows \(2023-05-01: no churner among the 4 training rows; 2023-08-01: no churner among the 20 training rows\)/);
    assert.throws(() => planFolds({ asOf: t.asOf, label: t.label, horizon: 90, step: 'quarter', start: '2030-01-01' }), /after the last labeled as_of 2023-09-01/);
    assert.throws(() => planFolds({ asOf: t.asOf, label: t.label, horizon: 90, step: 'quarter', start: '2023-02-30' }), /--start must be a date/);
    assert.throws(() => planFolds({ asOf: t.asOf, label: t.label, horizon: 90, step: 'week' }), /--step must be one of quarter, month/);
    assert.throws(() => planFolds({ asOf: t.asOf, label: t.label.map(() => NaN), horizon: 90, step: 'quarter' }), /no labeled rows/);
});
test('the leakage check passes a planned fold and throws once the gap before the cutoff is removed', () => {
    const t = monthly('2023-01-01', 24, 10);
    const fold = planFolds({ asOf: t.asOf, label: t.label, horizon: 90, step: 'quarter' })[1];
    checkPlanLeakage(fold, t.asOf, 90);
    // Remove the gap: train on every labeled row before the cutoff, as a naive split would.
    const gapRows = [];
    t.asOf.forEach((d, i) => {
        if (!Number.isNaN(t.label[i]) && d < fold.cutoff && addDays(d, 90) > fold.cutoff)
            gapRows.push(i);
    });
    assert.ok(gapRows.length > 0);
    const leaky = { ...fold, train: [...fold.train, ...gapRows].sort((a, b) => a - b) };
    assert.throws(() => checkPlanLeakage(leaky, t.asOf, 90), (err) => {
        assert.ok(err instanceof LeakageError);
        assert.match(err.message, /fold at cutoff 2024-01-01: a training row has as_of 2023-12-01, whose 90-day label window runs to 2024-02-29, past the cutoff/);
        return true;
    });
    // One day of overlap is enough to fail.
    assert.throws(() => checkFoldLeakage({ cutoff: '2024-01-01', test_end: '2024-04-01' }, ['2023-10-04'], ['2024-01-01'], 90), LeakageError);
    checkFoldLeakage({ cutoff: '2024-01-01', test_end: '2024-04-01' }, ['2023-10-03'], ['2024-01-01'], 90);
});
test('the leakage check also rejects test rows outside [cutoff, test_end)', () => {
    const fold = { cutoff: '2024-01-01', test_end: '2024-04-01' };
    checkFoldLeakage(fold, ['2023-09-01'], ['2024-01-01', '2024-03-31'], 90);
    assert.throws(() => checkFoldLeakage(fold, ['2023-09-01'], ['2023-12-31', '2024-02-01'], 90), /a test row has as_of 2023-12-31, before the cutoff/);
    assert.throws(() => checkFoldLeakage(fold, ['2023-09-01'], ['2024-04-01'], 90), /at or after the test period's end 2024-04-01/);
});
test('the planner never produces a leaky fold, for any horizon, step or start', () => {
    const t = monthly('2022-03-01', 30, 3, 4);
    let checked = 0;
    for (const horizon of [1, 30, 31, 60, 90, 91, 180]) {
        for (const step of ['quarter', 'month']) {
            for (const start of [undefined, '2023-06-01', '2023-06-17', '2023-08-31']) {
                const folds = planFolds({ asOf: t.asOf, label: t.label, horizon, step, ...(start ? { start } : {}) });
                for (const f of folds) {
                    checkPlanLeakage(f, t.asOf, horizon);
                    checked++;
                }
            }
        }
    }
    assert.ok(checked > 100);
});
/**
 * A small history whose early periods have one class: no churn in the first year (young
 * accounts churn at renewal), churners later, and a quarter in the middle without any.
 */
function earlyQuiet() {
    const asOf = [];
    const label = [];
    for (let m = 0; m < 30; m++) {
        const d = addMonths('2022-01-01', m);
        for (let a = 0; a < 20; a++) {
            asOf.push(d);
            const quiet = m < 12 || (m >= 18 && m < 21);
            label.push(m >= 27 ? NaN : !quiet && a % 9 === 0 ? 1 : 0);
        }
    }
    return { asOf, label: Float64Array.from(label) };
}
test('the default start waits for both classes in training; single-class test quarters are skipped with a note', () => {
    const t = earlyQuiet();
    const plan = planBacktest({ asOf: t.asOf, label: t.label, horizon: 90, step: 'quarter' });
    // History rule: 2022-01-01 + 6 months + 90 days -> 2022-10-01. The first churners are as_of
    // 2023-01-01, whose labels are known at 2023-01-01 + 90 days -> the 2023-04-01 boundary.
    assert.equal(plan.start, '2023-04-01');
    assert.match(plan.start_reason, /both classes among the training rows \(3 churned of 260\); both classes decided it/);
    // The test quarter 2023-07..09 (months 18-20) has no churner: skipped, not a failure.
    assert.deepEqual(plan.skipped.map((f) => [f.cutoff, f.reason, f.test.rows, f.test.positives]), [['2023-07-01', 'no churner among the 60 test rows', 60, 0]]);
    assert.deepEqual(plan.folds.map((f) => f.cutoff), ['2023-04-01', '2023-10-01', '2024-01-01']);
    for (const f of plan.folds) {
        checkPlanLeakage(f, t.asOf, 90);
        const pos = (rows) => rows.filter((i) => t.label[i] === 1).length;
        assert.ok(pos(f.train) > 0 && pos(f.train) < f.train.length, `${f.cutoff}: training has both classes`);
        assert.ok(pos(f.test) > 0 && pos(f.test) < f.test.length, `${f.cutoff}: test has both classes`);
    }
});
test('usage that starts late moves the default start; --from leaves earlier rows out of every fold', () => {
    const t = monthly('2022-01-01', 36, 10);
    const base = { asOf: t.asOf, label: t.label, horizon: 90, step: 'quarter' };
    assert.equal(planBacktest(base).start, '2022-10-01');
    // Usage covers its windows from 2023-05-31: the first quarter boundary after it.
    const late = planBacktest({ ...base, usageCoveredFrom: '2023-05-31' });
    assert.equal(late.start, '2023-07-01');
    assert.match(late.start_reason, /usage data covering the usage features' windows \(from 2023-05-31: 2023-07-01\)/);
    assert.match(late.start_reason, /usage coverage decided it$/);
    // Training still holds the early rows (only --from removes them)...
    assert.equal(t.asOf[late.folds[0].train[0]], '2022-01-01');
    // ...and with --from they are on neither side, and the history rule counts from there.
    const trimmed = planBacktest({ ...base, usageCoveredFrom: '2023-05-31', from: '2023-06-01' });
    assert.equal(trimmed.from, '2023-06-01');
    assert.equal(trimmed.start, '2024-04-01');
    for (const f of trimmed.folds)
        for (const i of [...f.train, ...f.test])
            assert.ok(t.asOf[i] >= '2023-06-01');
    assert.throws(() => planBacktest({ ...base, from: '2030-01-01' }), /no labeled rows on or after --from 2030-01-01/);
    assert.throws(() => planBacktest({ ...base, from: '2023-13-01' }), /--from must be a date/);
});
//# sourceMappingURL=backtest-folds.test.js.map