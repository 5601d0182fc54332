import type { Command } from 'commander';
import { type JudgmentView } from '../../history/index.js';
/** A judgment and the computed score beside it, as one line for people. */
export declare function judgmentLine(j: JudgmentView): string;
/** Judgments as CSV (what `backtest --judgments` reads back) or JSON. */
export declare function judgmentsText(rows: readonly JudgmentView[], format: 'csv' | 'json'): string;
export declare function register(program: Command): void;
