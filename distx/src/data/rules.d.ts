import { type ColumnSpec, type TableName } from './contract.js';
import type { IssueCode } from './issues.js';
/**
 * The value rules of the input contract (docs/history.md), as SQL conditions over a converted
 * value: required values, enumerations, ranges and interval order. `validate` counts and shows
 * the rows that break them; the typed views every other command reads raise an error on the
 * first one, so what validate rejects no command accepts. Parsing (a value that is not a date or
 * not a finite number) is the other half, in convert.ts, shared the same way.
 */
export interface RuleCheck {
    code: IssueCode;
    column: string;
    /** What is wrong, without the location. */
    message: string;
    hint?: string;
    /** SQL, true where a row breaks the rule (NULL and false where it does not). */
    cond: string;
}
/**
 * The rules of one column; `value` is its converted SQL value, `present` whether the user gave one
 * (`absent`: the same negated, when the conversion has a cheaper form of it).
 */
export declare function columnRules(table: TableName, spec: ColumnSpec, value: string, present: string, absent?: string): RuleCheck[];
/** An effect interval whose end comes before its start; `convertedValue` gives a column's converted value. */
export declare function intervalRule(table: TableName, convertedValue: (column: string) => string | null): RuleCheck | null;
