import { quoteIdent, quoteLiteral } from './duckdb.js';
export class MappingReferenceError extends Error {
    ref;
    constructor(ref, message) {
        super(message);
        this.ref = ref;
    }
}
/** The scope a source is compiled in: the raw relation's columns under an alias, and the joins it needs. */
export class ExtractScope {
    alias;
    columns;
    lookups;
    fields;
    joins = [];
    joinCount = 0;
    constructor(alias, columns, lookups, 
    /** Contract columns of this table, for `field` tests in conditions. */
    fields) {
        this.alias = alias;
        this.columns = columns;
        this.lookups = lookups;
        this.fields = fields;
    }
    /** A column reference: the exact name, then any case, then a dotted path into a JSON column. */
    ref(name) {
        const hit = findColumn(this.columns, name);
        if (hit)
            return {
                sql: `${this.alias}.${quoteIdent(hit.name)}`,
                type: hit.type,
                describe: hit.name,
                plain: true,
                unresolved: [],
            };
        const parts = name.split('.');
        for (let i = parts.length - 1; i >= 1; i--) {
            const base = findColumn(this.columns, parts.slice(0, i).join('.'));
            if (!base)
                continue;
            const path = jsonPath(parts.slice(i));
            const col = `${this.alias}.${quoteIdent(base.name)}`;
            if (/^(VARCHAR|JSON)$/i.test(base.type)) {
                // Text holding JSON: a value that is not JSON is reported, not a failed query.
                return {
                    sql: `(CASE WHEN json_valid(${col}) THEN json_extract_string(${col}, ${quoteLiteral(path)}) END)`,
                    type: 'VARCHAR',
                    describe: name,
                    plain: false,
                    unresolved: [
                        {
                            cond: `(${col} IS NOT NULL AND trim(${col}) <> '' AND NOT json_valid(${col}))`,
                            raw: col,
                            code: 'bad_json',
                            problem: `column ${JSON.stringify(base.name)} is not JSON, so ${name} cannot be read`,
                        },
                    ],
                };
            }
            return {
                sql: `json_extract_string(to_json(${col}), ${quoteLiteral(path)})`,
                type: 'VARCHAR',
                describe: name,
                plain: false,
                unresolved: [],
            };
        }
        throw new MappingReferenceError(name, `no column ${JSON.stringify(name)}`);
    }
    /** Compiles a column source (a name, or an object of the mapping file). */
    source(source) {
        if (typeof source === 'object' && source.if !== undefined) {
            const { if: cond, ...rest } = source;
            const inner = this.source(rest);
            return {
                ...inner,
                sql: `(CASE WHEN coalesce(${this.condition(cond)}, false) THEN ${inner.sql} END)`,
                describe: `${inner.describe} where ${conditionSubjects(cond).join(', ')} fits`,
                plain: false,
            };
        }
        if (typeof source === 'string')
            return this.ref(source);
        if (source.column !== undefined)
            return this.ref(source.column);
        if (source.value !== undefined) {
            const text = String(source.value);
            return {
                sql: quoteLiteral(text),
                type: 'VARCHAR',
                describe: `the constant ${JSON.stringify(text)}`,
                plain: false,
                unresolved: [],
            };
        }
        if (source.when !== undefined) {
            return {
                sql: `coalesce(${this.condition(source.when)}, false)`,
                type: 'BOOLEAN',
                describe: `a condition on ${conditionSubjects(source.when).join(', ')}`,
                plain: false,
                unresolved: [],
            };
        }
        if (source.coalesce !== undefined) {
            const parts = source.coalesce.map((s) => this.source(s));
            return {
                sql: `coalesce(${parts.map((p) => `NULLIF(trim(${asText(p)}), '')`).join(', ')})`,
                type: 'VARCHAR',
                describe: parts.map((p) => p.describe).join(' or '),
                plain: false,
                // The first non-blank wins: a part that cannot be read is skipped, not an error.
                unresolved: [],
            };
        }
        if (source.lookup !== undefined && source.from !== undefined)
            return this.lookup(source.lookup, source.from);
        throw new Error('unreachable: the schema admits one source kind');
    }
    lookup(name, from) {
        const lookup = this.lookups.get(name);
        if (!lookup)
            throw new MappingReferenceError(name, `no lookup named ${JSON.stringify(name)}`);
        const key = this.source(from);
        const alias = quoteIdent(`__churnkit_lookup_${++this.joinCount}`);
        const keyText = `NULLIF(trim(${asText(key)}), '')`;
        this.joins.push(`LEFT JOIN (${lookup.relation}) AS ${alias} ON ${alias}.k = ${keyText}`);
        // A miss is the row's problem when the row had a key. An earlier hop's miss leaves this hop
        // without a key, so each row fails at one hop only, and the message names that one.
        const miss = {
            cond: `(${keyText} IS NOT NULL AND ${alias}.k IS NULL)`,
            raw: keyText,
            code: 'lookup_miss',
            problem: `no match in lookup ${name} (${lookup.origin}, column ${lookup.mapping.key})`,
        };
        return {
            sql: `${alias}.v`,
            type: 'VARCHAR',
            describe: `${key.describe} -> ${name}.${lookup.mapping.value}`,
            plain: false,
            unresolved: [...key.unresolved, miss],
        };
    }
    /** A condition as an SQL boolean (NULL where a value is missing; callers coalesce). */
    condition(c) {
        if (c.all)
            return `(${c.all.map((x) => `coalesce(${this.condition(x)}, false)`).join(' AND ')})`;
        if (c.any)
            return `(${c.any.map((x) => `coalesce(${this.condition(x)}, false)`).join(' OR ')})`;
        if (c.not)
            return `(NOT coalesce(${this.condition(c.not)}, false))`;
        let subject;
        if (c.column !== undefined)
            subject = this.ref(c.column);
        else if (c.source !== undefined)
            subject = this.source(c.source);
        else {
            const field = this.fields(c.field);
            if (!field)
                throw new MappingReferenceError(c.field, `field ${JSON.stringify(c.field)} is not mapped`);
            subject = field;
        }
        return testSql(subject, c);
    }
}
function findColumn(columns, name) {
    return columns.find((c) => c.name === name) ?? columns.find((c) => c.name.toLowerCase() === name.toLowerCase());
}
/** A JSON path for DuckDB's json functions: keys quoted, array indexes for digits. */
function jsonPath(keys) {
    return `$${keys.map((k) => (/^\d+$/.test(k) ? `[${k}]` : `.${JSON.stringify(k)}`)).join('')}`;
}
function asText(e) {
    return /^(VARCHAR|JSON)$/i.test(e.type) ? e.sql : `CAST(${e.sql} AS VARCHAR)`;
}
function conditionSubjects(c) {
    if (c.all)
        return c.all.flatMap(conditionSubjects);
    if (c.any)
        return c.any.flatMap(conditionSubjects);
    if (c.not)
        return conditionSubjects(c.not);
    return [c.column ?? c.field ?? 'a column'];
}
/** One test of a condition on an extracted value, compared as text. */
function testSql(subject, c) {
    const raw = asText(subject);
    if (c.empty !== undefined) {
        const empty = `(${raw} IS NULL OR trim(${raw}) = '')`;
        return c.empty ? empty : `(NOT ${empty})`;
    }
    const cs = c.case_sensitive === true;
    const v = cs ? raw : `lower(${raw})`;
    const lit = (x) => quoteLiteral(cs ? String(x) : String(x).toLowerCase());
    if (c.equals !== undefined)
        return `(trim(${v}) = ${lit(c.equals)})`;
    if (c.in !== undefined)
        return `(trim(${v}) IN (${c.in.map(lit).join(', ')}))`;
    if (c.contains !== undefined)
        return `(strpos(${v}, ${lit(c.contains)}) > 0)`;
    if (c.starts_with !== undefined)
        return `starts_with(trim(${v}), ${lit(c.starts_with)})`;
    if (c.ends_with !== undefined)
        return `suffix(trim(${v}), ${lit(c.ends_with)})`;
    if (c.matches !== undefined)
        return `regexp_matches(${raw}, ${quoteLiteral(c.matches)}, ${quoteLiteral(cs ? 'c' : 'i')})`;
    throw new Error('unreachable: the schema admits one test');
}
/** Every regular expression of a condition, to check before any query runs. */
export function conditionPatterns(c) {
    if (!c)
        return [];
    if (c.all)
        return c.all.flatMap(conditionPatterns);
    if (c.any)
        return c.any.flatMap(conditionPatterns);
    if (c.not)
        return conditionPatterns(c.not);
    const own = c.matches !== undefined ? [c.matches] : [];
    return typeof c.source === 'object' ? [...own, ...sourcePatterns(c.source)] : own;
}
export function sourcePatterns(s) {
    if (typeof s === 'string')
        return [];
    return [
        ...conditionPatterns(s.when),
        ...conditionPatterns(s.if),
        ...(s.coalesce ?? []).flatMap(sourcePatterns),
        ...(s.from !== undefined ? sourcePatterns(s.from) : []),
    ];
}
/** The parse options of a column source (none for a plain name). */
export function parseOptionsOf(source) {
    if (source === undefined || typeof source === 'string')
        return {};
    const out = {};
    if (source.number !== undefined)
        out.number = source.number;
    if (source.epoch !== undefined)
        out.epoch = source.epoch;
    if (source.format !== undefined)
        out.format = source.format;
    if (source.add_days !== undefined)
        out.add_days = source.add_days;
    if (source.true !== undefined)
        out.true = source.true;
    if (source.false !== undefined)
        out.false = source.false;
    return out;
}
const escapeRegex = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/**
 * A number as exported, from text `v`: currency symbols and ISO codes ("$", "€", "USD") and
 * spaces are dropped; "(1,200)" is negative; "12%" is 0.12; separators as configured, with
 * thousands groups checked ("1,2" is not a number when "," groups thousands). NULL when the
 * text is not such a number.
 */
export function parseNumberSql(v, options) {
    const fmt = options === true ? {} : options;
    const decimal = fmt.decimal ?? '.';
    const thousands = fmt.thousands ?? (decimal === ',' ? '.' : ',');
    if (thousands === decimal)
        throw new Error('thousands and decimal separators must differ');
    const stripped = `regexp_replace(trim(${v}), ${quoteLiteral('[\\s\\x{00A0}\\x{202F}\\x{2009}]|\\p{Sc}|^[A-Z]{3}|[A-Z]{3}$')}, '', 'g')`;
    const negative = `(${stripped} LIKE '(%)')`;
    const unwrapped = `(CASE WHEN ${negative} THEN substr(${stripped}, 2, length(${stripped}) - 2) ELSE ${stripped} END)`;
    const percent = `suffix(${unwrapped}, '%')`;
    const core = `rtrim(${unwrapped}, '%')`;
    const d = escapeRegex(decimal);
    const t = thousands === '' || thousands === ' ' ? null : escapeRegex(thousands);
    const integer = t ? `(\\d{1,3}(${t}\\d{3})+|\\d+)` : '\\d+';
    const pattern = `[+-]?(${integer}(${d}\\d*)?|${d}\\d+)`;
    let plain = core;
    if (t)
        plain = `replace(${plain}, ${quoteLiteral(thousands)}, '')`;
    if (decimal !== '.')
        plain = `replace(${plain}, ${quoteLiteral(decimal)}, '.')`;
    const number = `TRY_CAST(${plain} AS DOUBLE)`;
    return `(CASE WHEN regexp_full_match(${core}, ${quoteLiteral(pattern)}) THEN (CASE WHEN ${negative} THEN -1 ELSE 1 END) * ${number} / (CASE WHEN ${percent} THEN 100 ELSE 1 END) END)`;
}
//# sourceMappingURL=transforms.js.map