import { CONFIG_FILE_NAME } from './config.js';
import { CONTRACT } from './contract.js';
import { quoteLiteral } from './duckdb.js';
function rangeText(spec) {
    if (spec.min !== undefined && spec.max !== undefined)
        return `between ${spec.min} and ${spec.max}`;
    if (spec.min !== undefined)
        return `>= ${spec.min}`;
    return `<= ${spec.max}`;
}
/**
 * The rules of one column; `value` is its converted SQL value, `present` whether the user gave one
 * (`absent`: the same negated, when the conversion has a cheaper form of it).
 */
export function columnRules(table, spec, value, present, absent = `NOT ${present}`) {
    const rules = [];
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
export function intervalRule(table, convertedValue) {
    const interval = CONTRACT[table].interval;
    if (!interval)
        return null;
    const [s, e] = interval;
    const start = convertedValue(s);
    const end = convertedValue(e);
    if (start === null || end === null)
        return null;
    return { code: 'end_before_start', column: e, message: `${e} is before ${s}`, cond: `${end} < ${start}` };
}
//# sourceMappingURL=rules.js.map