import { CONFIG_FILE_NAME } from './config.js';
import { CONTRACT, type ColumnSpec, type TableName } from './contract.js';
import { quoteLiteral } from './duckdb.js';
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

function rangeText(spec: ColumnSpec): string {
  if (spec.min !== undefined && spec.max !== undefined) return `between ${spec.min} and ${spec.max}`;
  if (spec.min !== undefined) return `>= ${spec.min}`;
  return `<= ${spec.max}`;
}

/**
 * The rules of one column; `value` is its converted SQL value, `present` whether the user gave one
 * (`absent`: the same negated, when the conversion has a cheaper form of it).
 */
export function columnRules(
  table: TableName,
  spec: ColumnSpec,
  value: string,
  present: string,
  absent = `NOT ${present}`,
): RuleCheck[] {
  const rules: RuleCheck[] = [];
  if (spec.required)
    rules.push({
      code: 'missing_value',
      column: spec.name,
      message: 'missing value (the column is required)',
      cond: absent,
    });
  if (spec.values)
    rules.push({
      code: 'bad_enum',
      column: spec.name,
      message: `not one of ${spec.values.join(', ')}`,
      hint: `map your values in ${CONFIG_FILE_NAME}: {"tables": {"${table}": {"values": {"${spec.name}": {"<yours>": "<ours>"}}}}}`,
      cond: `${value} NOT IN (${spec.values.map(quoteLiteral).join(', ')})`,
    });
  if (spec.min !== undefined || spec.max !== undefined) {
    const parts = [
      spec.min !== undefined ? `${value} < ${spec.min}` : null,
      spec.max !== undefined ? `${value} > ${spec.max}` : null,
    ].filter(Boolean);
    rules.push({
      code: 'out_of_range',
      column: spec.name,
      message: `out of range (must be ${rangeText(spec)})`,
      cond: `(${parts.join(' OR ')})`,
    });
  }
  return rules;
}

/** An effect interval whose end comes before its start; `convertedValue` gives a column's converted value. */
export function intervalRule(table: TableName, convertedValue: (column: string) => string | null): RuleCheck | null {
  const interval = CONTRACT[table].interval;
  if (!interval) return null;
  const [s, e] = interval;
  const start = convertedValue(s);
  const end = convertedValue(e);
  if (start === null || end === null) return null;
  return { code: 'end_before_start', column: e, message: `${e} is before ${s}`, cond: `${end} < ${start}` };
}
