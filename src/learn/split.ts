/**
 * Time-ordered splits inside a training set: the latest as-of slice is held out for
 * calibration and early stopping, and training rows whose label window reaches into that
 * slice are set aside (an embargo), so the slice is as out-of-time as a real future would be.
 */
import type { Column, Frame } from '../data/index.js';
import { addDays } from '../util/index.js';

/**
 * The first of `rows` when they are consecutive ascending row numbers (a slice of the table, as
 * a holdout in file or time order usually is), else -1.
 */
export function consecutiveFrom(rows: ArrayLike<number>): number {
  if (rows.length === 0) return -1;
  const first = rows[0]!;
  for (let k = 1; k < rows.length; k++) if (rows[k] !== first + k) return -1;
  return first;
}

/** A Frame of the given rows (in the given order), optionally only some columns. */
export function takeRows(frame: Frame, rows: ArrayLike<number>, names: readonly string[] = frame.names): Frame {
  return pickRows(frame, rows, names, -1);
}

/**
 * takeRows for reading only: numbers of consecutive rows are views of the table's columns, not
 * copies (a copy is fresh memory, about 4 ms a MB on this machine: bench/README.md). The
 * training pipeline reads its slices; preprocessing copies a column before it changes one.
 */
export function viewRows(frame: Frame, rows: ArrayLike<number>, names: readonly string[] = frame.names): Frame {
  return pickRows(frame, rows, names, consecutiveFrom(rows));
}

function pickRows(frame: Frame, rows: ArrayLike<number>, names: readonly string[], from: number): Frame {
  const columns: Record<string, Column> = {};
  const kinds: Frame['kinds'] = {};
  for (const name of names) {
    const col = frame.columns[name];
    if (col === undefined) continue;
    kinds[name] = frame.kinds[name]!;
    if (col instanceof Float64Array && from >= 0) {
      columns[name] = col.subarray(from, from + rows.length);
    } else if (col instanceof Float64Array) {
      const out = new Float64Array(rows.length);
      // Stryker disable next-line EqualityOperator: equivalent for <=, a write one past the end of a typed array is dropped
      for (let k = 0; k < rows.length; k++) out[k] = col[rows[k]!]!;
      columns[name] = out;
    } else {
      // Stryker disable next-line ArrayDeclaration: equivalent, the loop below fills every index, so the array gets the same length and contents
      const out = new Array<string | null>(rows.length);
      for (let k = 0; k < rows.length; k++) out[k] = col[rows[k]!]!;
      columns[name] = out;
    }
  }
  return { n: rows.length, names: names.filter((nm) => nm in columns), kinds, columns };
}

export interface HoldoutSplit {
  train: number[];
  holdout: number[];
  /** Rows dropped from training because their label window overlaps the holdout slice. */
  embargoed: number;
  by: 'time' | 'row_order';
  /** First and last as-of of the holdout slice (time splits). */
  holdout_from?: string;
  holdout_to?: string;
}

/**
 * Holds out the latest distinct as-of dates that together hold at least `fraction` of `rows`;
 * trains on rows with `as_of + embargoDays <= first held-out date`. Without times, the last
 * `fraction` of rows in input order. Returns null when there is no later slice to hold out.
 */
export function timeHoldout(
  rows: readonly number[],
  times: readonly (string | null)[] | null,
  fraction: number,
  embargoDays: number,
): HoldoutSplit | null {
  if (times === null) {
    const cut = rows.length - Math.max(1, Math.round(fraction * rows.length));
    if (cut < 1) return null;
    return { train: rows.slice(0, cut), holdout: rows.slice(cut), embargoed: 0, by: 'row_order' };
  }
  const counts = new Map<string, number>();
  for (const i of rows) counts.set(times[i]!, (counts.get(times[i]!) ?? 0) + 1);
  const dates = [...counts.keys()].sort();
  if (dates.length < 2) return null;
  let taken = 0;
  let k = dates.length;
  while (k > 1 && taken < fraction * rows.length) taken += counts.get(dates[--k]!)!;
  const start = dates[k]!;
  const train: number[] = [];
  const holdout: number[] = [];
  let embargoed = 0;
  for (const i of rows) {
    const t = times[i]!;
    if (t >= start) holdout.push(i);
    else if (addDays(t, embargoDays) <= start) train.push(i);
    else embargoed++;
  }
  return { train, holdout, embargoed, by: 'time', holdout_from: start, holdout_to: dates[dates.length - 1]! };
}

export interface TimeFold {
  /** Rows fitted for this fold: those whose label window ends before the block, or that start an embargo after it. */
  train: number[];
  /** The block of consecutive as-of dates this fold predicts. */
  validation: number[];
  /** Rows in neither: their label window overlaps the block (before it) or the block's label windows (after it). */
  embargoed: number;
  from: string;
  to: string;
}

/**
 * Time-ordered cross-fitting folds: the distinct as-of dates of `rows` cut into `k` consecutive
 * blocks of about equal rows; each block is predicted by a fit on the rows before and after it,
 * less an embargo of `embargoDays` on both sides (a row before the block whose label window
 * reaches into it would have seen the block's outcomes; a row less than `embargoDays` after the
 * block's last date shares the block's label windows). Fewer blocks when there are fewer dates;
 * an empty list when there are fewer than two.
 */
export function timeFolds(
  rows: readonly number[],
  times: readonly (string | null)[],
  k: number,
  embargoDays: number,
): TimeFold[] {
  const counts = new Map<string, number>();
  for (const i of rows) counts.set(times[i]!, (counts.get(times[i]!) ?? 0) + 1);
  const dates = [...counts.keys()].sort();
  const blocks = Math.min(k, dates.length);
  if (blocks < 2) return [];
  // Block b ends at the first date where the running count reaches (b + 1) / blocks of the rows.
  const bounds: { from: string; to: string }[] = [];
  let taken = 0;
  let start = 0;
  // Stryker disable next-line EqualityOperator: equivalent for <=, the last block closes at the last date at the latest (left === needed = 0 there) and the loop breaks
  for (let d = 0; d < dates.length; d++) {
    taken += counts.get(dates[d]!)!;
    const left = dates.length - d - 1;
    const needed = blocks - bounds.length - 1;
    // A block also closes when each date left must start a block still to come; so there are
    // always at least as many dates left as blocks still needed (left >= needed holds here).
    if (taken >= ((bounds.length + 1) * rows.length) / blocks || left === needed) {
      bounds.push({ from: dates[start]!, to: dates[d]! });
      start = d + 1;
      // Stryker disable next-line ConditionalExpression: equivalent for false, after the last block no date closes another (taken stays below (blocks + 1) / blocks of the rows, and left >= 0 > needed)
      if (bounds.length === blocks) break;
    }
  }
  return bounds.map(({ from, to }) => {
    const train: number[] = [];
    const validation: number[] = [];
    // Without an embargo the keys need not be dates (input positions stand for time).
    const resume = embargoDays > 0 ? addDays(to, embargoDays) : to;
    let embargoed = 0;
    for (const i of rows) {
      const t = times[i]!;
      if (t >= from && t <= to) {
        validation.push(i);
        continue;
      }
      // Stryker disable next-line EqualityOperator: equivalent for <=, a row on the first date of the block is in it (above)
      const before = t < from;
      if (before ? embargoDays === 0 || addDays(t, embargoDays) <= from : t >= resume) train.push(i);
      else embargoed++;
    }
    return { train, validation, embargoed, from, to };
  });
}
