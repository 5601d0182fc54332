/**
 * Random valid scorecards and signal values for equivalence tests: random band edges (some shared
 * with the values drawn), weights, rules, missing policies, overrides and probability maps.
 */
import type { Rng } from '../../src/util/rng.js';
import { type Scorecard, type SignalValue } from '../../src/scorecard/index.js';
/** The signals a random card uses: numeric features, boolean flags (and always `segment`). */
export interface CardSignals {
    features: readonly string[];
    flags: readonly string[];
}
export declare const GENERIC_SIGNALS: CardSignals;
/** A random valid card: random band edges (some shared with the values drawn), weights, overrides. */
export declare function randomCard(rng: Rng, names?: CardSignals): Scorecard;
export declare function randomValue(rng: Rng, numeric: boolean): SignalValue;
/**
 * The card with random weights of its own for some segments (every layer and signal, some of
 * them 0), drawn from the same stream: what `calibrate --by segment` writes, in any shape.
 */
export declare function withRandomSegmentWeights(rng: Rng, card: Scorecard, segments?: string[]): Scorecard;
