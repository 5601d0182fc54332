import { duckdbType } from './contract.js';
import { quoteLiteral } from './duckdb.js';
import { parseNumberSql } from './transforms.js';
import { EXCERPT_CHARS } from '../util/index.js';
export const TRUE_WORDS = ['true', 't', 'yes', 'y', '1', 'on'];
export const FALSE_WORDS = ['false', 'f', 'no', 'n', '0', 'off'];
const INT_TYPES = /^(TINYINT|SMALLINT|INTEGER|BIGINT|HUGEINT|UTINYINT|USMALLINT|UINTEGER|UBIGINT|UHUGEINT)$/;
const FLOAT_TYPES = /^(FLOAT|DOUBLE|REAL|DECIMAL.*)$/;
const TEXT_TYPES = /^(VARCHAR|JSON)$/;
const list = (words) => words.map(quoteLiteral).join(', ');
function describeExpected(spec, mapping, parse = {}) {
    const epoch = parse.epoch ? `Unix time in ${parse.epoch}` : null;
    switch (spec.type) {
        case 'date':
            return {
                code: 'bad_date',
                problem: `not a date (expected ${epoch ?? parse.format ?? mapping.date_format ?? 'YYYY-MM-DD'})`,
            };
        case 'timestamp':
            return {
                code: 'bad_timestamp',
                problem: `not a timestamp (expected ${epoch ?? parse.format ?? mapping.timestamp_format ?? 'ISO 8601, e.g. 2024-03-01T09:30:00Z'})`,
            };
        case 'number':
            return {
                code: 'bad_number',
                problem: parse.number ? `not a number (expected ${numberExample(parse)})` : 'not a number',
            };
        case 'integer':
            return {
                code: 'bad_integer',
                problem: parse.number ? `not a whole number (expected ${numberExample(parse)})` : 'not a whole number',
            };
        case 'boolean':
            return {
                code: 'bad_boolean',
                problem: parse.true
                    ? `not one of the listed values (true: ${parse.true.join(', ')}; false: ${(parse.false ?? []).join(', ')})`
                    : 'not a boolean (expected true/false, yes/no or 1/0)',
            };
        case 'text':
            return { code: 'bad_enum', problem: 'not text' };
    }
}
function numberExample(parse) {
    const fmt = parse.number === true || parse.number === undefined ? {} : parse.number;
    const decimal = fmt.decimal ?? '.';
    const thousands = fmt.thousands ?? (decimal === ',' ? '.' : ',');
    return `a number like ${thousands === '' ? '1234' : `1${thousands}234`}${decimal}50, with an optional currency, % or (negative)`;
}
/** The text of an ISO 8601 timestamp has a zone (Z or an offset) after its date. */
function hasZone(v) {
    return `regexp_matches(substr(${v}, 11), '([Zz]|[+-][0-9]{2}(:?[0-9]{2})?)s*$')`;
}
/** A naive timestamp (no zone) read as wall time in `tz`, in UTC. */
function fromZone(naive, tz) {
    return `CAST(timezone(${quoteLiteral(tz)}, ${naive}) AS TIMESTAMP)`;
}
/**
 * An ISO 8601 text timestamp in UTC. The plain TIMESTAMP cast is about four times faster than
 * the ICU one but ignores a numeric offset, so it only takes strings with no sign after the
 * date (UTC "Z", or no zone); the rest, and named zones, go through TIMESTAMPTZ.
 */
function isoTimestamp(v, timezone) {
    const tz = `CAST(TRY_CAST(${v} AS TIMESTAMPTZ) AS TIMESTAMP)`;
    const utc = `(CASE WHEN strpos(substr(${v}, 11), '+') = 0 AND strpos(substr(${v}, 11), '-') = 0 THEN coalesce(TRY_CAST(${v} AS TIMESTAMP), ${tz}) ELSE ${tz} END)`;
    if (timezone === undefined)
        return utc;
    return `(CASE WHEN ${hasZone(v)} THEN ${utc} ELSE ${fromZone(`TRY_CAST(${v} AS TIMESTAMP)`, timezone)} END)`;
}
/** Unix time (seconds or milliseconds) from text, as a UTC TIMESTAMP. */
function epochTimestamp(v, unit) {
    const n = `TRY_CAST(trim(${v}) AS DOUBLE)`;
    const seconds = unit === 'milliseconds' ? `${n} / 1000` : n;
    // to_timestamp fails outside its range; such a number is reported as not a timestamp.
    return `(CASE WHEN abs(${seconds}) < 1e11 THEN CAST(to_timestamp(${seconds}) AS TIMESTAMP) END)`;
}
/** A strptime-parsed timestamp; without a zone in the format it is wall time in the table's time zone. */
function strptimeTimestamp(v, format, timezone) {
    const parsed = `try_strptime(trim(${v}), ${quoteLiteral(format)})`;
    if (timezone === undefined || /%[zZ]/.test(format))
        return `CAST(${parsed} AS TIMESTAMP)`;
    return fromZone(`CAST(${parsed} AS TIMESTAMP)`, timezone);
}
/** Parses a VARCHAR expression `v` into the contract type, NULL when it cannot (or is blank). */
function parseText(spec, v, mapping, parse = {}) {
    switch (spec.type) {
        case 'date': {
            const format = parse.format ?? mapping.date_format;
            const d = parse.epoch
                ? `CAST(${epochTimestamp(v, parse.epoch)} AS DATE)`
                : format
                    ? `CAST(try_strptime(trim(${v}), ${quoteLiteral(format)}) AS DATE)`
                    : `(CASE WHEN length(${v}) <= 10 THEN TRY_CAST(${v} AS DATE) ELSE CAST(${isoTimestamp(v, mapping.timezone)} AS DATE) END)`;
            return `(CASE WHEN isfinite(${d}) THEN ${d} END)`;
        }
        case 'timestamp': {
            const format = parse.format ?? mapping.timestamp_format;
            const t = parse.epoch
                ? epochTimestamp(v, parse.epoch)
                : format
                    ? strptimeTimestamp(v, format, mapping.timezone)
                    : isoTimestamp(v, mapping.timezone);
            return `(CASE WHEN isfinite(${t}) THEN ${t} END)`;
        }
        case 'number': {
            // NaN, Infinity and 1e400 parse as doubles, but no quantity or ARR is infinite.
            const d = parse.number ? parseNumberSql(v, parse.number) : `TRY_CAST(${v} AS DOUBLE)`;
            return `(CASE WHEN isfinite(${d}) THEN ${d} END)`;
        }
        case 'integer': {
            if (parse.number) {
                const n = parseNumberSql(v, parse.number);
                return `(CASE WHEN ${n} = trunc(${n}) AND abs(${n}) < 1e18 THEN CAST(${n} AS BIGINT) END)`;
            }
            return `(CASE WHEN regexp_full_match(trim(${v}), '[+-]?[0-9]{1,18}(\\.0*)?') THEN TRY_CAST(${v} AS BIGINT) END)`;
        }
        case 'boolean': {
            if (parse.true) {
                const trueWords = parse.true.map((w) => w.trim().toLowerCase());
                if (!parse.false)
                    return `(lower(trim(${v})) IN (${list(trueWords)}))`;
                const falseWords = parse.false.map((w) => w.trim().toLowerCase());
                return `(CASE WHEN lower(trim(${v})) IN (${list(trueWords)}) THEN true WHEN lower(trim(${v})) IN (${list(falseWords)}) THEN false END)`;
            }
            return `(CASE WHEN lower(trim(${v})) IN (${list(TRUE_WORDS)}) THEN true WHEN lower(trim(${v})) IN (${list(FALSE_WORDS)}) THEN false END)`;
        }
        case 'text':
            return v;
    }
}
function textConversion(spec, base, mapping) {
    const map = mapping.values?.[spec.name];
    const entries = map ? Object.entries(map) : [];
    const mapped = entries.length
        ? `(CASE ${base} ${entries.map(([theirs, ours]) => `WHEN ${quoteLiteral(theirs)} THEN ${quoteLiteral(ours)}`).join(' ')} ELSE ${base} END)`
        : base;
    // Enumerated values match in any case and spacing ("High " is high); an empty one is NULL.
    const value = spec.values ? `NULLIF(lower(trim(${mapped})), '')` : mapped;
    // trim() strips only space separators (Unicode Zs), none of them printable ASCII: a value whose
    // first byte is '!'..'~' is given without trimming it. Said first, that range lets a Parquet
    // scan skip every row group whose min/max already rule it out instead of trimming every value
    // (the missing-value check over 122M usage rows: 10 s of CPU -> 0.3 s).
    return {
        value,
        present: `(${base} IS NOT NULL AND trim(${base}) <> '')`,
        absent: `(${base} IS NULL OR ((${base} < '!' OR ${base} >= chr(127)) AND trim(${base}) = ''))`,
        raw: base,
        bad: null,
    };
}
/** The conversion of one contract column from the user's column (null: absent, use the default). */
export function convertColumn(spec, column, mapping) {
    const target = duckdbType(spec.type);
    if (!column) {
        const dflt = spec.default === undefined
            ? 'NULL'
            : typeof spec.default === 'string'
                ? quoteLiteral(spec.default)
                : String(spec.default);
        return { value: `CAST(${dflt} AS ${target})`, present: 'false', raw: 'CAST(NULL AS VARCHAR)', bad: null };
    }
    const conversion = shifted(spec, convertPresent(spec, column, mapping), column.parse.add_days);
    const u = column.unresolved;
    if (u.length === 0)
        return conversion;
    // A value that could not be extracted was given all the same: it is not "missing".
    const { absent: _absent, ...given } = conversion;
    return { ...given, present: `(${[conversion.present, ...u.map((x) => x.cond)].join(' OR ')})`, unresolved: u };
}
/** A date or timestamp moved by whole days (`add_days`). */
function shifted(spec, c, days) {
    if (days === undefined || (spec.type !== 'date' && spec.type !== 'timestamp'))
        return c;
    const moved = `(${c.value} + INTERVAL ${Math.trunc(days)} DAY)`;
    return { ...c, value: spec.type === 'date' ? `CAST(${moved} AS DATE)` : moved };
}
function convertPresent(spec, column, mapping) {
    const col = column.sql;
    const type = column.type.toUpperCase();
    const raw = TEXT_TYPES.test(type) ? col : `CAST(${col} AS VARCHAR)`;
    const parse = column.parse;
    const expected = describeExpected(spec, mapping, parse);
    const typed = (value, bad = null) => ({
        value,
        present: `(${col} IS NOT NULL)`,
        raw,
        bad,
        ...(bad ? expected : {}),
    });
    // A column with parse options is read from its text, whatever its stored type.
    const reparse = parse.number !== undefined || parse.epoch !== undefined || parse.format !== undefined || parse.true !== undefined;
    if (spec.type === 'text')
        return textConversion(spec, raw, mapping);
    if (!reparse) {
        if (spec.type === 'date') {
            if (type === 'DATE')
                return typed(col);
            if (type.startsWith('TIMESTAMP'))
                return typed(`CAST(${col} AS DATE)`);
        }
        if (spec.type === 'timestamp') {
            // A stored timestamp without a zone is wall time in the table's time zone, when it has one.
            if (type === 'TIMESTAMP')
                return typed(mapping.timezone === undefined ? col : fromZone(col, mapping.timezone));
            if (type.startsWith('TIMESTAMP') || type === 'DATE')
                return typed(`CAST(${col} AS TIMESTAMP)`);
        }
        if (spec.type === 'number') {
            if (INT_TYPES.test(type))
                return typed(`CAST(${col} AS DOUBLE)`);
            if (FLOAT_TYPES.test(type)) {
                const d = type === 'DOUBLE' ? col : `CAST(${col} AS DOUBLE)`;
                return typed(d, `(NOT isfinite(${d}))`);
            }
        }
        if (spec.type === 'integer') {
            if (INT_TYPES.test(type))
                return typed(type === 'BIGINT' ? col : `CAST(${col} AS BIGINT)`);
            if (FLOAT_TYPES.test(type)) {
                const d = `CAST(${col} AS DOUBLE)`;
                return typed(`(CASE WHEN ${d} = trunc(${d}) THEN CAST(${d} AS BIGINT) END)`, `(NOT (isfinite(${d}) AND ${d} = trunc(${d})))`);
            }
        }
        if (spec.type === 'boolean') {
            if (type === 'BOOLEAN')
                return typed(col);
            if (INT_TYPES.test(type))
                return typed(`(CASE WHEN ${col} = 1 THEN true WHEN ${col} = 0 THEN false END)`, `(${col} NOT IN (0, 1))`);
        }
    }
    // Anything else is read as text: VARCHAR from CSV/JSON, or an unexpected type. The casts
    // skip surrounding spaces themselves; trim() only runs to tell a blank from a bad value.
    const value = parseText(spec, raw, mapping, parse);
    const blank = `trim(${raw}) = ''`;
    return {
        value,
        present: `(${raw} IS NOT NULL AND (${value} IS NOT NULL OR NOT ${blank}))`,
        raw,
        bad: `(${value} IS NULL AND ${raw} IS NOT NULL AND NOT ${blank})`,
        ...expected,
    };
}
/** A contract default (usage.quantity 1, tickets.escalated false) also fills a NULL value. */
function withDefault(spec, value) {
    if (spec.default === undefined)
        return value;
    const dflt = typeof spec.default === 'string' ? quoteLiteral(spec.default) : String(spec.default);
    return `coalesce(${value}, CAST(${dflt} AS ${duckdbType(spec.type)}))`;
}
/** SQL for at most EXCERPT_CHARS characters of a raw value, for an error message. */
function rawExcerpt(raw) {
    return `coalesce(CASE WHEN length(${raw}) > ${EXCERPT_CHARS} THEN left(${raw}, ${EXCERPT_CHARS}) || '…' ELSE ${raw} END, 'NULL')`;
}
/** What the strict views' errors end with; commands that meet it ask validate for the row. */
export const SEE_VALIDATE = ' (churnkit validate lists every bad row)';
/**
 * The typed view's expression: the value, or a query error naming table, column and value
 * where it cannot be read or breaks a value rule (the view must not turn bad input into silent
 * NULLs, nor let through what validate rejects).
 */
export function strictColumnExpr(spec, conversion, where, rules = []) {
    const fails = [
        ...(conversion.unresolved ?? []).map((x) => ({ cond: x.cond, message: x.problem, raw: x.raw })),
        ...(conversion.bad ? [{ cond: conversion.bad, message: conversion.problem, raw: conversion.raw }] : []),
        ...rules.map((r) => ({ cond: r.cond, message: r.message, raw: conversion.raw })),
    ];
    if (fails.length === 0)
        return withDefault(spec, conversion.value);
    const whens = fails.map((f) => `WHEN ${f.cond} THEN error(${quoteLiteral(`${where}: ${f.message}: `)} || ${rawExcerpt(f.raw)} || ${quoteLiteral(SEE_VALIDATE)})`);
    return `(CASE ${whens.join(' ')} ELSE ${withDefault(spec, conversion.value)} END)`;
}
//# sourceMappingURL=convert.js.map