import type { Calibration, SliceInfo } from './model.js';
export interface Platt {
    a: number;
    b: number;
}
export declare function fitPlatt(margin: ArrayLike<number>, y: ArrayLike<number>, weight?: ArrayLike<number>): Platt;
export type CalibrationMethod = 'none' | 'platt' | 'isotonic';
export declare function fitCalibration(method: CalibrationMethod, margin: Float64Array, y: Float64Array, weight: Float64Array | undefined, slice: SliceInfo): Calibration;
/** Calibrated probabilities from margins. */
export declare function applyCalibration(cal: Calibration, margin: Float64Array): Float64Array;
