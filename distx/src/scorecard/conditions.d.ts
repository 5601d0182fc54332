import type { Condition } from './schema.js';
import { type SignalValue, type Signals } from './values.js';
/** A column as the data layer holds it (Float64Array with NaN for NULL, or text) or raw values. */
export type ColumnData = Float64Array | readonly (string | null)[] | readonly SignalValue[];
/** Any table of columns; src/data/frame.ts's Frame is one. */
export interface ColumnTable {
    n: number;
    columns: Record<string, ColumnData | undefined>;
    /** What errors call the table (a file name); `features` when absent. */
    name?: string;
}
/** Typed views of the columns a card reads, converted once through the shared coercions. */
export interface Views {
    num(name: string): Float64Array;
    /** Non-zero = true, NaN = missing. */
    bool(name: string): Float64Array;
    text(name: string): readonly (string | null)[];
    has(name: string): boolean;
    /** Whether the column is held as numbers (missing = NaN), so null tests need no text view. */
    numeric(name: string): boolean;
}
export declare function tableViews(table: ColumnTable): Views;
/** One-row views that compileScorer refills from a Signals object before each call. */
export declare function scratchViews(): Views & {
    fill(signals: Signals): void;
};
export type CondNode = {
    kind: 'lt' | 'le' | 'gt' | 'ge' | 'eq' | 'ne';
    x: Float64Array;
    c: number;
} | {
    kind: 'bool';
    x: Float64Array;
    want: boolean;
    eq: boolean;
} | {
    kind: 'text_eq' | 'text_ne';
    t: readonly (string | null)[];
    c: string;
} | {
    kind: 'nan';
    x: Float64Array;
    want: boolean;
} | {
    kind: 'null';
    t: readonly (string | null)[];
    want: boolean;
}
/** Score comparisons with the epsilon folded into the constant. */
 | {
    kind: 'score_lt' | 'score_le' | 'score_gt' | 'score_ge';
    c: number;
} | {
    kind: 'all' | 'any';
    parts: CondNode[];
    tmp: Uint8Array;
};
/** Compiles a condition against views; `chunk` sizes the scratch buffers of all/any nodes. */
export declare function compileCondition(c: Condition, views: Views, chunk: number): CondNode;
/**
 * out[j] = 1 where the condition holds on row from + j, for j < len. `score[j]` is the score of
 * that row at the override's stage (unused by signal tests).
 */
export declare function evalCondition(node: CondNode, from: number, len: number, score: Float64Array | null, out: Uint8Array): void;
