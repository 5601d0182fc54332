/**
 * Fold cutoffs and embargoes pinned at their edges (docs/backtests-and-calibration.md, issue 23), with the day
 * arithmetic done by hand. Horizon 90, cutoff C = 2024-07-01:
 *   C - 91 = 04-01, C - 90 = 04-02, C - 89 = 04-03 (Apr 2 -> Jul 1 is 29 + 31 + 30 = 90 days)
 *   the next cutoff 08-01: 08-01 - 90 = 05-03 (May 3 -> Aug 1 is 28 + 30 + 31 + 1 = 90 days)
 * Train on rows with as_of + 90 <= C; test on C <= as_of < C + 1 month.
 */
import assert from 'node:assert/strict';
import test from 'node:test';
import { checkFoldLeakage, checkPlanLeakage, LeakageError, planBacktest, planFolds } from '../../src/evaluate/index.js';
import { takeRows, timeFolds, timeHoldout } from '../../src/learn/index.js';
import { addMonths, ChurnkitError, UsageError } from '../../src/util/index.js';
/** Two rows per date, one of each class, so every side of every fold has both. */
const DATES = [
    '2024-04-01', // C - 91: train
    '2024-04-02', // C - 90: train, its label window ends exactly at C
    '2024-04-03', // C - 89: neither side (its window ends the day after C)
    '2024-05-02', // 08-01 - 91
    '2024-05-03', // 08-01 - 90: in the second fold's training rows
    '2024-05-04', // 08-01 - 89
    '2024-06-30', // C - 1: neither side of the first fold
    '2024-07-01', // C: first test day
    '2024-07-31', // the last test day of the first fold
    '2024-08-01', // the first day of the second fold's test period
];
const asOf = DATES.flatMap((d) => [d, d]);
const label = Float64Array.from(asOf, (_, i) => i % 2);
const dates = (rows) => [...new Set(rows.map((i) => asOf[i]))];
test('a monthly fold at 2024-07-01: each cutoff edge on, a day inside and a day outside', () => {
    const folds = planFolds({ asOf, label, horizon: 90, step: 'month', start: '2024-07-01' });
    assert.deepEqual(folds.map((f) => [f.cutoff, f.test_end]), [
        ['2024-07-01', '2024-08-01'],
        ['2024-08-01', '2024-09-01'],
    ]);
    const [first, second] = folds;
    assert.deepEqual(dates(first.train), ['2024-04-01', '2024-04-02']);
    assert.deepEqual(dates(first.test), ['2024-07-01', '2024-07-31']);
    // 08-01: train on as_of <= 05-03; 05-04 waits for the next cutoff
    assert.deepEqual(dates(second.train), ['2024-04-01', '2024-04-02', '2024-04-03', '2024-05-02', '2024-05-03']);
    assert.deepEqual(dates(second.test), ['2024-08-01']);
});
test('quarterly steps and a different horizon move the same edges', () => {
    // horizon 89: 04-03 + 89 = 07-01 joins the first fold's training rows; a quarter of test rows
    const folds = planFolds({ asOf, label, horizon: 89, step: 'quarter', start: '2024-07-01' });
    assert.equal(folds.length, 1);
    assert.equal(folds[0].test_end, '2024-10-01');
    assert.deepEqual(dates(folds[0].train), ['2024-04-01', '2024-04-02', '2024-04-03']);
    assert.deepEqual(dates(folds[0].test), ['2024-07-01', '2024-07-31', '2024-08-01']);
});
test('censored rows (NaN labels) are on neither side', () => {
    const censored = Float64Array.from(label, (v, i) => (asOf[i] === '2024-04-02' || asOf[i] === '2024-07-31' ? NaN : v));
    const [first] = planFolds({ asOf, label: censored, horizon: 90, step: 'month', start: '2024-07-01' });
    assert.deepEqual(dates(first.train), ['2024-04-01']);
    assert.deepEqual(dates(first.test), ['2024-07-01']);
});
test('the leakage check: a label window ending on the cutoff passes, a day later fails; test rows in [C, end)', () => {
    const fold = { cutoff: '2024-07-01', test_end: '2024-08-01' };
    const ok = () => checkFoldLeakage(fold, ['2024-04-01', '2024-04-02'], ['2024-07-01', '2024-07-31'], 90);
    assert.doesNotThrow(ok);
    const leaks = (train, testRows, pattern) => assert.throws(() => checkFoldLeakage(fold, train, testRows, 90), (e) => e instanceof LeakageError && e.exitCode === 70 && pattern.test(e.message));
    leaks(['2024-04-03'], ['2024-07-01'], /training row has as_of 2024-04-03.*runs to 2024-07-02/);
    leaks(['2024-04-02'], ['2024-06-30'], /test row has as_of 2024-06-30, before the cutoff/);
    leaks(['2024-04-02'], ['2024-08-01'], /test row has as_of 2024-08-01, at or after the test period's end/);
    // no rows on a side: nothing to check there
    assert.doesNotThrow(() => checkFoldLeakage(fold, [], [], 90));
    // the offending date need not come last: the check looks at the latest and earliest of all
    leaks(['2024-04-02', '2024-04-03', '2024-04-01'], ['2024-07-01'], /training row has as_of 2024-04-03/);
    leaks(['2024-04-01'], ['2024-07-02', '2024-06-30', '2024-07-01'], /test row has as_of 2024-06-30/);
    leaks(['2024-04-01'], ['2024-07-02', '2024-08-01', '2024-07-01'], /test row has as_of 2024-08-01/);
    // on a planned fold: the rows' own dates are what is checked
    const [planned] = planFolds({ asOf, label, horizon: 90, step: 'month', start: '2024-07-01' });
    assert.doesNotThrow(() => checkPlanLeakage(planned, asOf, 90));
    const before = asOf.indexOf('2024-06-30');
    assert.throws(() => checkPlanLeakage({ ...planned, test: [...planned.test, before] }, asOf, 90), LeakageError);
    const gap = asOf.indexOf('2024-04-03');
    assert.throws(() => checkPlanLeakage({ ...planned, train: [gap, ...planned.train] }, asOf, 90), LeakageError);
});
test('planning: a cutoff on the last labeled day still has its test rows; empty months are no folds; bad input', () => {
    // start = the last labeled as_of: one fold, testing that day
    const last = planFolds({ asOf, label, horizon: 90, step: 'month', start: '2024-08-01' });
    assert.deepEqual(last.map((f) => [f.cutoff, dates(f.test)]), [['2024-08-01', ['2024-08-01']]]);
    // a month without rows is no fold: without the 06-30 rows, June has nothing to test
    const noJune = asOf.map((_, i) => i).filter((i) => asOf[i] !== '2024-06-30');
    const may = planBacktest({
        asOf: noJune.map((i) => asOf[i]),
        label: Float64Array.from(noJune, (i) => label[i]),
        horizon: 30,
        step: 'month',
        start: '2024-05-01',
    });
    assert.deepEqual(may.folds.map((f) => f.cutoff), ['2024-05-01', '2024-07-01', '2024-08-01']);
    assert.deepEqual(may.skipped, [], 'a month with nothing to test is not a skipped fold either');
    assert.throws(() => planFolds({ asOf, label, horizon: 0, step: 'month', start: '2024-07-01' }), UsageError);
    assert.throws(() => planFolds({ asOf, label, horizon: 1.5, step: 'month', start: '2024-07-01' }), /positive number of days, got 1.5/);
    assert.doesNotThrow(() => planFolds({ asOf, label, horizon: 1, step: 'month', start: '2024-07-01' }));
    assert.throws(() => planFolds({ asOf, label, horizon: 90, step: 'week', start: '2024-07-01' }), /--step must be one of quarter, month, got "week"/);
    const nullDate = [...asOf.slice(0, 3), null];
    assert.throws(() => planFolds({ asOf: nullDate, label: label.subarray(0, 4), horizon: 90, step: 'month' }), (e) => e instanceof ChurnkitError && /row 4: as_of is NULL, expected a date/.test(e.message));
    assert.throws(() => planFolds({ asOf: [...asOf.slice(0, 3), 'soon'], label: label.subarray(0, 4), horizon: 90, step: 'month' }), /row 4: as_of is "soon", expected a date/);
    // a censored row is never read, whatever its date says
    assert.doesNotThrow(() => planFolds({
        asOf: [...asOf, 'soon'],
        label: Float64Array.of(...label, NaN),
        horizon: 90,
        step: 'month',
        start: '2024-07-01',
    }));
});
test('takeRows: the given rows in the given order, of the given columns that exist', () => {
    const frame = {
        n: 3,
        names: ['x', 'name'],
        kinds: { x: 'number', name: 'text' },
        columns: { x: Float64Array.of(1, 2, 3), name: ['a', null, 'c'] },
    };
    const t = takeRows(frame, [2, 0]);
    assert.equal(t.n, 2);
    assert.deepEqual(t.names, ['x', 'name']);
    assert.ok(t.columns['x'] instanceof Float64Array, 'a numeric column stays numeric');
    assert.deepEqual([...t.columns['x']], [3, 1]);
    assert.deepEqual(t.columns['name'], ['c', 'a']);
    assert.deepEqual(t.kinds, { x: 'number', name: 'text' });
    const only = takeRows(frame, [1], ['name', 'missing']);
    assert.deepEqual(only.names, ['name']);
    assert.deepEqual(only.columns['name'], [null]);
    assert.equal(only.columns['x'], undefined);
    assert.deepEqual(Object.keys(only.kinds), ['name']);
});
test('holdout without dates: the last rows in input order; nothing to hold out from one row or one date', () => {
    const rows = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9];
    // 25% of 10 rounds to 3 rows
    assert.deepEqual(timeHoldout(rows, null, 0.25, 90), {
        train: [0, 1, 2, 3, 4, 5, 6],
        holdout: [7, 8, 9],
        embargoed: 0,
        by: 'row_order',
    });
    // at least one row, however small the fraction
    assert.deepEqual(timeHoldout(rows, null, 0.01, 90).holdout, [9]);
    assert.equal(timeHoldout([4], null, 0.5, 90), null);
    // two rows: one trains, one is held out
    assert.deepEqual(timeHoldout([4, 7], null, 0.5, 90), { train: [4], holdout: [7], embargoed: 0, by: 'row_order' });
    // two dates: the later is held out
    assert.deepEqual(timeHoldout([0, 1], ['2024-01-01', '2024-07-01'], 0.5, 90), {
        train: [0],
        holdout: [1],
        embargoed: 0,
        by: 'time',
        holdout_from: '2024-07-01',
        holdout_to: '2024-07-01',
    });
    assert.equal(timeHoldout([0, 1], ['2024-01-01', '2024-01-01'], 0.5, 90), null, 'one date: no later slice');
});
test('the embargo of the calibration slice: train iff as_of + horizon <= the first held-out date', () => {
    // 10 rows; a third held out = the latest date 07-01 (4 rows). 04-02 + 90 = 07-01: trains.
    const times = [
        '2024-01-01',
        '2024-01-01',
        '2024-04-01',
        '2024-04-02',
        '2024-04-03',
        '2024-06-30',
        '2024-07-01',
        '2024-07-01',
        '2024-07-01',
        '2024-07-01',
    ];
    const rows = times.map((_, i) => i);
    const split = timeHoldout(rows, times, 0.3, 90);
    assert.equal(split.by, 'time');
    assert.equal(split.holdout_from, '2024-07-01');
    assert.deepEqual(split.holdout, [6, 7, 8, 9]);
    assert.deepEqual(split.train, [0, 1, 2, 3]);
    assert.equal(split.embargoed, 2, '04-03 and 06-30');
    // a 91-day embargo also sets 04-02 aside
    assert.deepEqual(timeHoldout(rows, times, 0.3, 91).train, [0, 1, 2]);
    // exactly 40% is what 07-01 holds: enough, the slice stops there
    assert.equal(timeHoldout(rows, times, 0.4, 90).holdout_from, '2024-07-01');
    // a larger fraction reaches back over whole dates: 06-30 joins the slice
    const wider = timeHoldout(rows, times, 0.45, 90);
    assert.equal(wider.holdout_from, '2024-06-30');
    assert.deepEqual(wider.holdout, [5, 6, 7, 8, 9]);
    assert.deepEqual(wider.train, [0, 1, 2], '04-01 + 90 = 06-30');
    assert.equal(wider.holdout_to, '2024-07-01');
    // everything asked for: all dates but the first are held out, the first still trains
    const all = timeHoldout(rows, times, 1, 0);
    assert.equal(all.holdout_from, '2024-04-01');
    assert.deepEqual(all.train, [0, 1]);
    // rows in any order: the dates are sorted, not taken as they come
    const shuffled = [9, 3, 0, 6, 5, 1, 8, 2, 7, 4];
    const s2 = timeHoldout(shuffled, times, 0.3, 90);
    assert.equal(s2.holdout_from, '2024-07-01');
    assert.deepEqual(s2.holdout, [9, 6, 8, 7]);
    assert.deepEqual(s2.train, [3, 0, 1, 2]);
});
test('cross-fitting folds (timeFolds): the embargo on both sides of a block, on, inside and outside each edge', () => {
    // Nine rows on eight dates, in no order; three blocks of about three rows: 04-01..04-03 (3),
    // 07-01 x2 and 07-31 (3), 10-28..10-30 (3). Embargo 90 around the middle block [07-01, 07-31]:
    //   before it a row trains iff as_of + 90 <= 07-01: 04-01 (-> 06-30) and 04-02 (-> 07-01) do,
    //   04-03 (-> 07-02) does not; after it iff as_of >= 07-31 + 90 = 10-29: 10-29 and 10-30 do,
    //   10-28 does not.
    const times = [
        '2024-07-31',
        '2024-04-01',
        '2024-10-29',
        '2024-07-01',
        '2024-04-03',
        '2024-10-28',
        '2024-07-01',
        '2024-04-02',
        '2024-10-30',
    ];
    const rows = times.map((_, i) => i);
    const folds = timeFolds(rows, times, 3, 90);
    assert.deepEqual(folds.map((f) => [f.from, f.to, f.validation, f.train, f.embargoed]), [
        // after 04-03 a row trains from 04-03 + 90 = 07-02: the two 07-01 rows are set aside
        ['2024-04-01', '2024-04-03', [1, 4, 7], [0, 2, 5, 8], 2],
        ['2024-07-01', '2024-07-31', [0, 3, 6], [1, 2, 7, 8], 2],
        // before 10-28: 07-31 + 90 = 10-29 is set aside, 07-01 + 90 = 09-29 trains
        ['2024-10-28', '2024-10-30', [2, 5, 8], [1, 3, 4, 6, 7], 1],
    ]);
    // one more day of embargo moves both edges of the middle block by a day
    const wider = timeFolds(rows, times, 3, 91)[1];
    assert.deepEqual([wider.train, wider.embargoed], [[1, 8], 4]);
    // only the rows asked for, in their order; the blocks count those rows only
    const some = timeFolds([8, 0, 1, 3, 6, 2], times, 2, 90);
    assert.deepEqual(some.map((f) => [f.from, f.to, f.validation, f.train, f.embargoed]), [
        // 04-01, 07-01 x2 make 3 of 6 rows: the first block; after it rows train from 07-01 + 90 = 09-29
        ['2024-04-01', '2024-07-01', [1, 3, 6], [8, 2], 1],
        // 07-31 + 90: 04-01 trains, 07-01 + 90 = 09-29 > 07-31 does not
        ['2024-07-31', '2024-10-30', [8, 0, 2], [1], 2],
    ]);
});
test('cross-fitting folds: block sizes, fewer dates than folds, and keys that are not dates without an embargo', () => {
    // Without an embargo the keys are input positions (no date arithmetic): every other row trains
    const keys = ['000000000000', '000000000001', '000000000002', '000000000003', '000000000004', '000000000005'];
    const rows = keys.map((_, i) => i);
    assert.deepEqual(timeFolds(rows, keys, 3, 0).map((f) => [f.from, f.to, f.validation, f.train, f.embargoed]), [
        ['000000000000', '000000000001', [0, 1], [2, 3, 4, 5], 0],
        ['000000000002', '000000000003', [2, 3], [0, 1, 4, 5], 0],
        ['000000000004', '000000000005', [4, 5], [0, 1, 2, 3], 0],
    ]);
    // a heavy last date: the first blocks close early so that every block has a date
    const heavy = ['a', 'b', ...Array(10).fill('c')];
    assert.deepEqual(timeFolds(heavy.map((_, i) => i), heavy, 3, 0).map((f) => [f.from, f.to, f.validation.length, f.train.length]), [
        ['a', 'a', 1, 11],
        ['b', 'b', 1, 11],
        ['c', 'c', 10, 2],
    ]);
    // a heavy first date: it is a block of its own, the rest share out the others
    const front = [...Array(10).fill('a'), 'b', 'c', 'd'];
    assert.deepEqual(timeFolds(front.map((_, i) => i), front, 2, 0).map((f) => [f.from, f.to, f.validation.length]), [
        ['a', 'a', 10],
        ['b', 'd', 3],
    ]);
    // fewer dates than folds: one block per date; one date or one fold: no folds
    const two = ['2024-01-01', '2024-01-01', '2024-02-01'];
    assert.deepEqual(timeFolds([0, 1, 2], two, 5, 0).map((f) => [f.from, f.to, f.validation]), [
        ['2024-01-01', '2024-01-01', [0, 1]],
        ['2024-02-01', '2024-02-01', [2]],
    ]);
    assert.deepEqual(timeFolds([0, 1], two, 5, 0), []);
    assert.deepEqual(timeFolds([0, 1, 2], two, 1, 0), []);
});
test('the default first cutoff: a rule that lands exactly on a step boundary starts there, a day later waits', () => {
    // Two rows (one of each class) on the 1st of every month of 2022-2023.
    const months = Array.from({ length: 24 }, (_, m) => `${2022 + Math.floor(m / 12)}-${String((m % 12) + 1).padStart(2, '0')}-01`);
    const monthly = months.flatMap((d) => [d, d]);
    const classes = Float64Array.from(monthly, (_, i) => i % 2);
    const plan = (horizon, step, usageCoveredFrom) => planBacktest({ asOf: monthly, label: classes, horizon, step, usageCoveredFrom: usageCoveredFrom ?? null });
    // history: 2022-01-01 + 6 months = 07-01, + 92 days (31 + 31 + 30) = 10-01, a quarter boundary
    assert.equal(plan(92, 'quarter').start, '2022-10-01');
    assert.match(plan(92, 'quarter').start_reason, /\(2022-10-01\).*history length decided it$/);
    // + 93 days = 10-02: the next quarter
    assert.equal(plan(93, 'quarter').start, '2023-01-01');
    // + 91 days = 09-30: monthly, the 1st on or after it is 10-01; + 92 days is 10-01 itself
    assert.equal(plan(91, 'month').start, '2022-10-01');
    assert.equal(plan(92, 'month').start, '2022-10-01');
    assert.equal(plan(93, 'month').start, '2022-11-01');
    // usage covered from a quarter's first day: that day; from its second day: the next quarter
    assert.equal(plan(92, 'quarter', '2023-04-01').start, '2023-04-01');
    assert.match(plan(92, 'quarter', '2023-04-01').start_reason, /usage coverage decided it$/);
    assert.equal(plan(92, 'quarter', '2023-04-02').start, '2023-07-01');
    // covered from the last labeled as_of itself (2023-12-01): still a cutoff, testing that day
    const lastDay = plan(92, 'month', '2023-12-01');
    assert.deepEqual([lastDay.start, lastDay.folds.map((f) => [f.cutoff, f.test.length])], ['2023-12-01', [['2023-12-01', 2]]]);
    // covered from before the history rule's boundary: history decides
    assert.equal(plan(92, 'quarter', '2022-03-15').start, '2022-10-01');
    assert.match(plan(92, 'quarter', '2022-03-15').start_reason, /history length decided it$/);
    // the reason in full: training rows at 2022-10-01 are as_of <= 07-01 (Jan-Jul, 14 rows, 7 churned)
    const history = '6 months plus the 92-day horizon after the first labeled as_of 2022-01-01 (2022-10-01)';
    assert.equal(plan(92, 'quarter').start_reason, `the first quarter boundary with ${history}, both classes among the training rows (7 churned of 14); history length decided it`);
    // both rules on the same boundary: history is named
    assert.equal(plan(92, 'quarter', '2022-10-01').start_reason, `the first quarter boundary with ${history}, usage data covering the usage features' windows (from 2022-10-01: 2022-10-01), both classes among the training rows (7 churned of 14); history length decided it`);
    // rows in any order: the first and last labeled as_of are the earliest and latest, not the first and last rows
    const reversed = planBacktest({
        asOf: [...monthly].reverse(),
        label: classes.slice().reverse(),
        horizon: 92,
        step: 'quarter',
    });
    assert.deepEqual([reversed.start, reversed.start_reason, reversed.folds.map((f) => f.cutoff)], [plan(92, 'quarter').start, plan(92, 'quarter').start_reason, plan(92, 'quarter').folds.map((f) => f.cutoff)]);
    // a year below 1000 keeps its four digits
    const early = Array.from({ length: 24 }, (_, m) => addMonths('0999-01-01', m)).flatMap((d) => [d, d]);
    assert.equal(planBacktest({ asOf: early, label: classes, horizon: 92, step: 'quarter' }).start, '0999-10-01');
});
test('the default first cutoff waits while every training row churned', () => {
    // Both rows of every month to 2022-07 churn, one of two after: at 2022-10-01 the training rows
    // (as_of <= 07-01) all churned; at 2023-01-01 (as_of <= 10-01) 17 of 20 did.
    const months = Array.from({ length: 24 }, (_, m) => addMonths('2022-01-01', m));
    const asOfs = months.flatMap((d) => [d, d]);
    const churned = Float64Array.from(asOfs, (d, i) => (d <= '2022-07-01' || i % 2 === 1 ? 1 : 0));
    const plan = planBacktest({ asOf: asOfs, label: churned, horizon: 92, step: 'quarter' });
    assert.equal(plan.start, '2023-01-01');
    assert.match(plan.start_reason, /both classes among the training rows \(17 churned of 20\); both classes decided it$/);
});
test('planning messages and skipped folds, each side in full; --from on a row keeps it', () => {
    // --from on 04-02: the 04-01 rows are on neither side, the 04-02 rows train
    const [first] = planFolds({ asOf, label, horizon: 90, step: 'month', start: '2024-07-01', from: '2024-04-02' });
    assert.deepEqual(dates(first.train), ['2024-04-02']);
    // a side where every row churned is skipped with its counts
    const churnedInJuly = Float64Array.from(label, (v, i) => (asOf[i].startsWith('2024-07') ? 1 : v));
    const plan = planBacktest({ asOf, label: churnedInJuly, horizon: 90, step: 'month', start: '2024-07-01' });
    assert.deepEqual(plan.skipped, [
        {
            cutoff: '2024-07-01',
            test_end: '2024-08-01',
            reason: 'every one of the 4 test rows churned',
            train: { rows: 4, positives: 2 },
            test: { rows: 4, positives: 4 },
        },
    ]);
    assert.deepEqual(plan.folds.map((f) => f.cutoff), ['2024-08-01']);
    // the messages, whole
    assert.throws(() => planFolds({ asOf, label, horizon: 90, step: 'month', start: '2024-08-02' }), {
        name: 'UsageError',
        message: 'the first cutoff 2024-08-02 is after the last labeled as_of 2024-08-01: no test rows; pass an earlier --start',
    });
    assert.throws(() => planFolds({ asOf, label, horizon: 90, step: 'month', start: '2024-08-02', from: '2024-04-02' }), {
        message: /; pass an earlier --start or --from$/,
    });
    assert.throws(() => planFolds({ asOf, label: label.map(() => NaN), horizon: 90, step: 'month' }), {
        message: 'no labeled rows: every label is NULL (censored), nothing to backtest',
    });
    // no default start: 04-01 + 6 months + 90 days = 12-30, the first month boundary 2025-01-01 is past the data
    assert.throws(() => planFolds({ asOf, label, horizon: 90, step: 'month' }), {
        name: 'UsageError',
        message: 'no month boundary from 2025-01-01 to the last labeled as_of 2024-08-01 has both classes among its training rows (10 churned of 20 labeled rows); pass --start, or backtest more history',
    });
    assert.throws(() => planFolds({ asOf, label, horizon: 90, step: 'month', from: '2024-04-02' }), {
        message: /^no month boundary from 2025-01-01 .* \(9 churned of 18 labeled rows from 2024-04-02\); pass --start/,
    });
});
//# sourceMappingURL=fold-boundaries.test.js.map