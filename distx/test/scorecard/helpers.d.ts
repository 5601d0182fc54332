import { type ScoreColumns, type Scorecard, type ScoreResult, type Signals } from '../../src/scorecard/index.js';
/** The shipped default card as raw JSON, for tests that break or bend it. */
export declare function defaultCardJson(): Record<string, any>;
export declare function defaultCard(): Scorecard;
/** A healthy account: every signal in its best band under the default card. */
export declare function healthy(extra?: Signals): Signals;
/** A two-layer card small enough to reason about by hand. */
export declare function tinyCard(patch?: (c: Record<string, any>) => void): Scorecard;
/** Two bands split at `lt` (the edge in the upper band) or `lte` (in the lower one): low points below, high above. */
export declare const band: (edges: {
    lt?: number;
    lte?: number;
}, low: number, high: number) => ({
    lt?: number;
    lte?: number;
    points: number;
    gte?: undefined;
    gt?: undefined;
} | {
    gte: number;
    points: number;
    gt?: undefined;
} | {
    gte?: undefined;
    gt: number | undefined;
    points: number;
})[];
/** A signal of a card in JSON, higher is safer, its weight redistributed when missing unless told. */
export declare const signal: (feature: string, weight: number, points: unknown[], missing?: unknown) => {
    feature: string;
    weight: number;
    direction: string;
    points: unknown[];
    missing: unknown;
};
/**
 * The layers of a card with one layer of one signal f0 whose k-th band gives the k-th score: a row
 * with f0 = k scores exactly scores[k].
 */
export declare function scoreLadder(scores: readonly number[]): Record<string, unknown>[];
/** Row i of a scoreColumns result against the reference scorer's result for that row, every field. */
export declare function assertColumnsRow(cols: ScoreColumns, i: number, ref: ScoreResult, at?: string): void;
/** The largest double below a positive x (written here, not taken from the code under test). */
export declare function justBelow(x: number): number;
/** The smallest double above a positive x. */
export declare function justAbove(x: number): number;
