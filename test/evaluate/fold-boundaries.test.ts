/**
 * Fold cutoffs and embargoes pinned at their edges (docs/backtests-and-calibration.md, issue 23), with the day
 * arithmetic done by hand. Horizon 90, cutoff C = 2024-07-01:
 *   C - 91 = 04-01, C - 90 = 04-02, C - 89 = 04-03 (Apr 2 -> Jul 1 is 29 + 31 + 30 = 90 days)
 *   the next cutoff 08-01: 08-01 - 90 = 05-03 (May 3 -> Aug 1 is 28 + 30 + 31 + 1 = 90 days)
 * Train on rows with as_of + 90 <= C; test on C <= as_of < C + 1 month.
 */
import assert from 'node:assert/strict';
import test from 'node:test';
import type { Frame } from '../../src/data/index.js';
import { checkFoldLeakage, checkPlanLeakage, LeakageError, planFolds } from '../../src/evaluate/index.js';
import { takeRows, timeHoldout } from '../../src/learn/index.js';
import { ChurnkitError, UsageError } from '../../src/util/index.js';

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
const dates = (rows: readonly number[]) => [...new Set(rows.map((i) => asOf[i]!))];

test('a monthly fold at 2024-07-01: each cutoff edge on, a day inside and a day outside', () => {
  const folds = planFolds({ asOf, label, horizon: 90, step: 'month', start: '2024-07-01' });
  assert.deepEqual(
    folds.map((f) => [f.cutoff, f.test_end]),
    [
      ['2024-07-01', '2024-08-01'],
      ['2024-08-01', '2024-09-01'],
    ],
  );
  const [first, second] = folds;
  assert.deepEqual(dates(first!.train), ['2024-04-01', '2024-04-02']);
  assert.deepEqual(dates(first!.test), ['2024-07-01', '2024-07-31']);
  // 08-01: train on as_of <= 05-03; 05-04 waits for the next cutoff
  assert.deepEqual(dates(second!.train), ['2024-04-01', '2024-04-02', '2024-04-03', '2024-05-02', '2024-05-03']);
  assert.deepEqual(dates(second!.test), ['2024-08-01']);
});

test('quarterly steps and a different horizon move the same edges', () => {
  // horizon 89: 04-03 + 89 = 07-01 joins the first fold's training rows; a quarter of test rows
  const folds = planFolds({ asOf, label, horizon: 89, step: 'quarter', start: '2024-07-01' });
  assert.equal(folds.length, 1);
  assert.equal(folds[0]!.test_end, '2024-10-01');
  assert.deepEqual(dates(folds[0]!.train), ['2024-04-01', '2024-04-02', '2024-04-03']);
  assert.deepEqual(dates(folds[0]!.test), ['2024-07-01', '2024-07-31', '2024-08-01']);
});

test('censored rows (NaN labels) are on neither side', () => {
  const censored = Float64Array.from(label, (v, i) => (asOf[i] === '2024-04-02' || asOf[i] === '2024-07-31' ? NaN : v));
  const [first] = planFolds({ asOf, label: censored, horizon: 90, step: 'month', start: '2024-07-01' });
  assert.deepEqual(dates(first!.train), ['2024-04-01']);
  assert.deepEqual(dates(first!.test), ['2024-07-01']);
});

test('the leakage check: a label window ending on the cutoff passes, a day later fails; test rows in [C, end)', () => {
  const fold = { cutoff: '2024-07-01', test_end: '2024-08-01' };
  const ok = () => checkFoldLeakage(fold, ['2024-04-01', '2024-04-02'], ['2024-07-01', '2024-07-31'], 90);
  assert.doesNotThrow(ok);
  const leaks = (train: string[], testRows: string[], pattern: RegExp) =>
    assert.throws(
      () => checkFoldLeakage(fold, train, testRows, 90),
      (e: unknown) => e instanceof LeakageError && e.exitCode === 70 && pattern.test(e.message),
    );
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
  assert.doesNotThrow(() => checkPlanLeakage(planned!, asOf, 90));
  const before = asOf.indexOf('2024-06-30');
  assert.throws(() => checkPlanLeakage({ ...planned!, test: [...planned!.test, before] }, asOf, 90), LeakageError);
  const gap = asOf.indexOf('2024-04-03');
  assert.throws(() => checkPlanLeakage({ ...planned!, train: [gap, ...planned!.train] }, asOf, 90), LeakageError);
});

test('planning: a cutoff on the last labeled day still has its test rows; empty months are no folds; bad input', () => {
  // start = the last labeled as_of: one fold, testing that day
  const last = planFolds({ asOf, label, horizon: 90, step: 'month', start: '2024-08-01' });
  assert.deepEqual(
    last.map((f) => [f.cutoff, dates(f.test)]),
    [['2024-08-01', ['2024-08-01']]],
  );
  // a month without rows is no fold: without the 06-30 rows, June has nothing to test
  const noJune = asOf.map((_, i) => i).filter((i) => asOf[i] !== '2024-06-30');
  const may = planFolds({
    asOf: noJune.map((i) => asOf[i]!),
    label: Float64Array.from(noJune, (i) => label[i]!),
    horizon: 30,
    step: 'month',
    start: '2024-05-01',
  });
  assert.deepEqual(
    may.map((f) => f.cutoff),
    ['2024-05-01', '2024-07-01', '2024-08-01'],
  );
  assert.throws(() => planFolds({ asOf, label, horizon: 0, step: 'month', start: '2024-07-01' }), UsageError);
  assert.throws(
    () => planFolds({ asOf, label, horizon: 1.5, step: 'month', start: '2024-07-01' }),
    /positive number of days, got 1.5/,
  );
  assert.doesNotThrow(() => planFolds({ asOf, label, horizon: 1, step: 'month', start: '2024-07-01' }));
  assert.throws(
    () => planFolds({ asOf, label, horizon: 90, step: 'week' as never, start: '2024-07-01' }),
    /--step must be one of quarter, month, got "week"/,
  );
  const nullDate = [...asOf.slice(0, 3), null];
  assert.throws(
    () => planFolds({ asOf: nullDate, label: label.subarray(0, 4), horizon: 90, step: 'month' }),
    (e: unknown) => e instanceof ChurnkitError && /row 4: as_of is NULL, expected a date/.test(e.message),
  );
  assert.throws(
    () => planFolds({ asOf: [...asOf.slice(0, 3), 'soon'], label: label.subarray(0, 4), horizon: 90, step: 'month' }),
    /row 4: as_of is "soon", expected a date/,
  );
  // a censored row is never read, whatever its date says
  assert.doesNotThrow(() =>
    planFolds({
      asOf: [...asOf, 'soon'],
      label: Float64Array.of(...label, NaN),
      horizon: 90,
      step: 'month',
      start: '2024-07-01',
    }),
  );
});

test('takeRows: the given rows in the given order, of the given columns that exist', () => {
  const frame: Frame = {
    n: 3,
    names: ['x', 'name'],
    kinds: { x: 'number', name: 'text' },
    columns: { x: Float64Array.of(1, 2, 3), name: ['a', null, 'c'] },
  };
  const t = takeRows(frame, [2, 0]);
  assert.equal(t.n, 2);
  assert.deepEqual(t.names, ['x', 'name']);
  assert.deepEqual([...(t.columns['x'] as Float64Array)], [3, 1]);
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
  assert.deepEqual(timeHoldout(rows, null, 0.01, 90)!.holdout, [9]);
  assert.equal(timeHoldout([4], null, 0.5, 90), null);
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
  const split = timeHoldout(rows, times, 0.3, 90)!;
  assert.equal(split.by, 'time');
  assert.equal(split.holdout_from, '2024-07-01');
  assert.deepEqual(split.holdout, [6, 7, 8, 9]);
  assert.deepEqual(split.train, [0, 1, 2, 3]);
  assert.equal(split.embargoed, 2, '04-03 and 06-30');
  // a 91-day embargo also sets 04-02 aside
  assert.deepEqual(timeHoldout(rows, times, 0.3, 91)!.train, [0, 1, 2]);
  // exactly 40% is what 07-01 holds: enough, the slice stops there
  assert.equal(timeHoldout(rows, times, 0.4, 90)!.holdout_from, '2024-07-01');
  // a larger fraction reaches back over whole dates: 06-30 joins the slice
  const wider = timeHoldout(rows, times, 0.45, 90)!;
  assert.equal(wider.holdout_from, '2024-06-30');
  assert.deepEqual(wider.holdout, [5, 6, 7, 8, 9]);
  assert.deepEqual(wider.train, [0, 1, 2], '04-01 + 90 = 06-30');
  assert.equal(wider.holdout_to, '2024-07-01');
  // everything asked for: all dates but the first are held out, the first still trains
  const all = timeHoldout(rows, times, 1, 0)!;
  assert.equal(all.holdout_from, '2024-04-01');
  assert.deepEqual(all.train, [0, 1]);
  // rows in any order: the dates are sorted, not taken as they come
  const shuffled = [9, 3, 0, 6, 5, 1, 8, 2, 7, 4];
  const s2 = timeHoldout(shuffled, times, 0.3, 90)!;
  assert.equal(s2.holdout_from, '2024-07-01');
  assert.deepEqual(s2.holdout, [9, 6, 8, 7]);
  assert.deepEqual(s2.train, [3, 0, 1, 2]);
});
