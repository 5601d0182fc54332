/**
 * Time-ordered splits inside a training set: the latest as-of slice is held out for
 * calibration and early stopping, and training rows whose label window reaches into that
 * slice are set aside (an embargo), so the slice is as out-of-time as a real future would be.
 */
import type { Frame } from '../data/index.js';
/** A Frame of the given rows (in the given order), optionally only some columns. */
export declare function takeRows(frame: Frame, rows: ArrayLike<number>, names?: readonly string[]): Frame;
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
export declare function timeHoldout(rows: readonly number[], times: readonly (string | null)[] | null, fraction: number, embargoDays: number): HoldoutSplit | null;
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
export declare function timeFolds(rows: readonly number[], times: readonly (string | null)[], k: number, embargoDays: number): TimeFold[];
