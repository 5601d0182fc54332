export type SignalValue = number | boolean | string | null;
/** Keyed by feature-table column names (features, signals, segment). */
export type Signals = Record<string, SignalValue>;
/**
 * Two scores closer than this compare equal (bands, score conditions), so a weighted average
 * that lands on 69.99999999999999 for "exactly 70" is GREEN here and in SQL alike.
 */
export declare const SCORE_EPSILON = 1e-9;
export declare function isMissing(v: SignalValue | undefined): boolean;
/** A number, or NaN when missing. Booleans are 1/0; text must parse as a number. */
export declare function toNumber(v: SignalValue | undefined, name: string): number;
/** 1 (true), 0 (false) or NaN (missing). Non-zero numbers are true, as CAST(x AS BOOLEAN). */
export declare function toBoolean(v: SignalValue | undefined, name: string): number;
/** Text, or null when missing; numbers and booleans as JavaScript prints them. */
export declare function toText(v: SignalValue | undefined): string | null;
export declare function compareNumbers(x: number, op: string, c: number): boolean;
/** A score against a constant, equal within SCORE_EPSILON. */
export declare function compareScore(score: number, op: string, c: number): boolean;
export declare function clampScore(x: number): number;
