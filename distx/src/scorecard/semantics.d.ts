/**
 * What a scorecard must satisfy beyond its shape, and the error that names the field. No zod
 * here: `churnkit score` checks the shape with the validator generated at build time
 * (shape-check.js) and needs these rules without loading the zod schema.
 */
import { ChurnkitError } from '../util/index.js';
import type { Scorecard } from './schema.js';
/** Weights are fractions; a sum within this of 1 passes (calibrate writes rounded weights). */
export declare const WEIGHT_TOLERANCE = 0.000001;
export declare class ScorecardError extends ChurnkitError {
    readonly path: string;
    readonly problem: string;
    readonly file?: string | undefined;
    constructor(path: string, problem: string, file?: string | undefined);
}
/**
 * The rules JSON Schema cannot state: weights summing to 1 at each level, bands tiling the number
 * line with monotone points, unique names and ids, conditions that fit their place, thresholds in
 * order and an isotonic map that falls. Run on a card whose shape has been checked.
 */
export declare function checkSemantics(card: Scorecard): void;
