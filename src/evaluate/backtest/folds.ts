/**
 * Walk-forward folds by date (DESIGN.md §6). For each cutoff C: train on labeled rows whose
 * label is known at C (as_of + horizon <= C), test on labeled rows with C <= as_of < C + step.
 * `checkFoldLeakage` is the guard every fold passes before a model sees it.
 */
import { isoDay } from '../../util/index.js';
import { ChurnkitError, UsageError } from '../../util/index.js';
import { addDays, addMonths } from '../../util/index.js';

export const STEPS = ['quarter', 'month'] as const;
export type Step = (typeof STEPS)[number];

export interface FoldPlan {
  index: number;
  cutoff: string;
  /** First day after the test period. */
  test_end: string;
  /** Row indices (into the feature table) of the training and test rows, ascending. */
  train: number[];
  test: number[];
}

export interface PlanOptions {
  /** as_of of every row (YYYY-MM-DD). */
  asOf: readonly (string | null)[];
  /** 0/1 labels, NaN for censored rows (never used on either side). */
  label: ArrayLike<number>;
  horizon: number;
  step: Step;
  /** First cutoff; default: the first step boundary at least horizon + 6 months after the first as_of. */
  start?: string;
}

/** Training rows must span this many months of as-of dates before the first default cutoff. */
const MIN_TRAIN_MONTHS = 6;

function monthsOf(step: Step): number {
  return step === 'quarter' ? 3 : 1;
}

/** The first step boundary (1st of a quarter or month) on or after `date`. */
function boundaryOnOrAfter(date: string, step: Step): string {
  const months = monthsOf(step);
  const y = Number(date.slice(0, 4));
  const m = Number(date.slice(5, 7)) - 1;
  let b = `${String(y).padStart(4, '0')}-${String(m - (m % months) + 1).padStart(2, '0')}-01`;
  while (b < date) b = addMonths(b, months);
  return b;
}

/**
 * Plans the folds: cutoffs every step from `start` while labeled rows remain at or after the
 * cutoff. A fold whose training side is empty is an error (start later), not a silent skip.
 */
export function planFolds(options: PlanOptions): FoldPlan[] {
  const { asOf, label, horizon, step } = options;
  if (!STEPS.includes(step)) throw new UsageError(`--step must be one of ${STEPS.join(', ')}, got "${step}"`);
  if (!Number.isInteger(horizon) || horizon < 1)
    throw new UsageError(`--horizon must be a positive number of days, got ${horizon}`);
  const labeled: number[] = [];
  for (let i = 0; i < asOf.length; i++) {
    if (Number.isNaN(label[i]!)) continue;
    const t = asOf[i];
    if (t === null || t === undefined || isoDay(t) === undefined)
      throw new ChurnkitError(`row ${i + 1}: as_of is ${t === null ? 'NULL' : `"${t}"`}, expected a date`, 2);
    labeled.push(i);
  }
  if (labeled.length === 0)
    throw new ChurnkitError('no labeled rows: every label is NULL (censored), nothing to backtest', 2);
  let first = asOf[labeled[0]!]!;
  let last = first;
  for (const i of labeled) {
    const t = asOf[i]!;
    if (t < first) first = t;
    if (t > last) last = t;
  }
  let start: string;
  if (options.start !== undefined) {
    if (isoDay(options.start) === undefined)
      throw new UsageError(`--start must be a date (YYYY-MM-DD), got "${options.start}"`);
    start = options.start;
  } else {
    start = boundaryOnOrAfter(addDays(addMonths(first, MIN_TRAIN_MONTHS), horizon), step);
  }
  if (start > last)
    throw new UsageError(
      `the first cutoff ${start} is after the last labeled as_of ${last}: no test rows; pass an earlier --start`,
    );

  const knownAt = new Map<string, string>();
  for (const i of labeled) if (!knownAt.has(asOf[i]!)) knownAt.set(asOf[i]!, addDays(asOf[i]!, horizon));
  const months = monthsOf(step);
  const folds: FoldPlan[] = [];
  for (let k = 0; ; k++) {
    const cutoff = addMonths(start, k * months);
    if (cutoff > last) break;
    const testEnd = addMonths(start, (k + 1) * months);
    const train: number[] = [];
    const test: number[] = [];
    for (const i of labeled) {
      const t = asOf[i]!;
      if (knownAt.get(t)! <= cutoff) train.push(i);
      else if (t >= cutoff && t < testEnd) test.push(i);
    }
    if (test.length === 0) continue;
    if (train.length === 0) {
      throw new UsageError(
        `fold at cutoff ${cutoff}: no training rows (none has as_of + ${horizon} days <= ${cutoff}; the first labeled as_of is ${first}); pass a later --start`,
      );
    }
    folds.push({ index: folds.length, cutoff, test_end: testEnd, train, test });
  }
  return folds;
}

export class LeakageError extends ChurnkitError {
  constructor(message: string) {
    super(`leakage: ${message}`, 70);
  }
}

/**
 * Asserts that a fold cannot leak: every training label window ends by the cutoff
 * (max(train.as_of) + horizon <= cutoff) and every test row is in [cutoff, test_end).
 * Throws LeakageError naming the fold and the offending date.
 */
export function checkFoldLeakage(
  fold: { cutoff: string; test_end: string },
  trainAsOf: Iterable<string>,
  testAsOf: Iterable<string>,
  horizon: number,
): void {
  let maxTrain: string | null = null;
  for (const t of trainAsOf) if (maxTrain === null || t > maxTrain) maxTrain = t;
  let minTest: string | null = null;
  let maxTest: string | null = null;
  for (const t of testAsOf) {
    if (minTest === null || t < minTest) minTest = t;
    if (maxTest === null || t > maxTest) maxTest = t;
  }
  if (maxTrain !== null && addDays(maxTrain, horizon) > fold.cutoff) {
    throw new LeakageError(
      `fold at cutoff ${fold.cutoff}: a training row has as_of ${maxTrain}, whose ${horizon}-day label window runs to ${addDays(maxTrain, horizon)}, past the cutoff`,
    );
  }
  if (minTest !== null && minTest < fold.cutoff) {
    throw new LeakageError(`fold at cutoff ${fold.cutoff}: a test row has as_of ${minTest}, before the cutoff`);
  }
  if (maxTest !== null && maxTest >= fold.test_end) {
    throw new LeakageError(
      `fold at cutoff ${fold.cutoff}: a test row has as_of ${maxTest}, at or after the test period's end ${fold.test_end}`,
    );
  }
}

/** checkFoldLeakage on a planned fold, reading the dates of its rows. */
export function checkPlanLeakage(fold: FoldPlan, asOf: readonly (string | null)[], horizon: number): void {
  checkFoldLeakage(
    fold,
    fold.train.map((i) => asOf[i]!),
    fold.test.map((i) => asOf[i]!),
    horizon,
  );
}
