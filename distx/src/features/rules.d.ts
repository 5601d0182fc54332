/**
 * The value rules of a feature table (docs/features.md), one set for every command that reads one
 * (train, predict, score, calibrate, backtest, report, export --verify) and for the HTTP routes
 * (their JSON Schema takes its bounds from here): numbers are finite, each column stays in the
 * range its definition allows, booleans are booleans, labels are 0, 1 or NULL (a NaN, as pandas
 * writes a missing value, reads as NULL; infinities are refused). A value that
 * breaks a rule is an input error naming the table, row and column, never a probability.
 */
import { type Database, type Frame } from '../data/light/index.js';
export interface ValueRule {
    kind: 'number' | 'integer' | 'boolean' | 'label';
    min?: number;
    max?: number;
}
export declare const FEATURE_VALUE_RULES: Readonly<Record<string, ValueRule>>;
/** What a rule allows, in words, for messages and API docs. */
export declare function describeRule(rule: ValueRule): string;
/** Whether a present (non-NULL) number meets a rule. */
export declare function meetsRule(rule: ValueRule, v: number): boolean;
/**
 * Checks a feature table against the rules, for the columns it has (a table that is not
 * churnkit's is checked on the churnkit names it uses, and on `columns`, which must be numbers
 * or booleans when they are not text); throws at the first bad value, in row order.
 */
export declare function checkFeatureFrame(frame: Frame, table: string, options?: {
    numeric?: readonly string[];
}): void;
/** Reads a feature table (CSV, Parquet, JSONL) and checks its values: what every command reads one through. */
export declare function loadFeatureTable(path: string, columns?: readonly string[], options?: {
    db?: Database;
}): Promise<Frame>;
