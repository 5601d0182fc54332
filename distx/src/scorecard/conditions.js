/**
 * Column views and column-at-a-time condition evaluation for the compiled scorers. A condition
 * becomes a small tree whose leaves are tight loops over a chunk of rows, which keeps V8's
 * loops monomorphic (one closure per row would not be).
 */
import { ChurnkitError, InputError } from '../util/index.js';
import { SCORE_EPSILON, toBoolean, toNumber, toText } from './values.js';
export function tableViews(table) {
    const cache = new Map();
    const column = (name) => {
        const c = table.columns[name];
        if (c === undefined)
            throw new InputError({ table: table.name ?? 'features', column: name }, 'is not in the table, and the scorecard reads it');
        if (c.length !== table.n)
            throw new ChurnkitError(`column ${name} has ${c.length} values for ${table.n} rows`);
        return c;
    };
    const cached = (key, make) => {
        let v = cache.get(key);
        if (v === undefined) {
            v = make();
            cache.set(key, v);
        }
        return v;
    };
    return {
        has: (name) => table.columns[name] !== undefined,
        numeric: (name) => column(name) instanceof Float64Array,
        num: (name) => cached(`n:${name}`, () => {
            const c = column(name);
            return c instanceof Float64Array ? c : Float64Array.from(c, (v) => toNumber(v, name));
        }),
        bool: (name) => cached(`b:${name}`, () => {
            const c = column(name);
            return c instanceof Float64Array
                ? c
                : Float64Array.from(c, (v) => toBoolean(v, name));
        }),
        text: (name) => cached(`t:${name}`, () => {
            const c = column(name);
            if (c instanceof Float64Array)
                return Array.from(c, (v) => toText(v));
            // text as the data layer holds it is usually already clean: use it as is
            return isCleanText(c) ? c : c.map((v) => toText(v));
        }),
    };
}
/** Every value null or a string that is not blank, so toText would return it unchanged. */
function isCleanText(c) {
    for (let i = 0; i < c.length; i++) {
        const v = c[i];
        if (v === null)
            continue;
        if (typeof v !== 'string' || v.length === 0)
            return false;
        // only a string that starts with white space can be blank
        if (v.charCodeAt(0) <= 32 || v.charCodeAt(0) === 0xa0 || v.charCodeAt(0) > 0x167f)
            if (v.trim() === '')
                return false;
    }
    return true;
}
/** One-row views that compileScorer refills from a Signals object before each call. */
export function scratchViews() {
    const fillers = [];
    const made = new Map();
    const get = (key, name, make, fill) => {
        let arr = made.get(key);
        if (arr === undefined) {
            const a = make();
            arr = a;
            made.set(key, a);
            fillers.push((signals) => fill(a, signals[name]));
        }
        return arr;
    };
    return {
        has: () => true,
        numeric: () => false,
        num: (name) => get(`n:${name}`, name, () => new Float64Array(1), (a, v) => (a[0] = toNumber(v, name))),
        bool: (name) => get(`b:${name}`, name, () => new Float64Array(1), (a, v) => (a[0] = toBoolean(v, name))),
        text: (name) => get(`t:${name}`, name, () => [null], (a, v) => (a[0] = toText(v))),
        fill(signals) {
            for (const f of fillers)
                f(signals);
        },
    };
}
const NUM_KIND = { '<': 'lt', '<=': 'le', '>': 'gt', '>=': 'ge', '=': 'eq', '!=': 'ne' };
/** Compiles a condition against views; `chunk` sizes the scratch buffers of all/any nodes. */
export function compileCondition(c, views, chunk) {
    if ('all' in c)
        return { kind: 'all', parts: c.all.map((x) => compileCondition(x, views, chunk)), tmp: new Uint8Array(chunk) };
    if ('any' in c)
        return { kind: 'any', parts: c.any.map((x) => compileCondition(x, views, chunk)), tmp: new Uint8Array(chunk) };
    if ('score' in c) {
        const { op, value } = c.score;
        if (op === '<')
            return { kind: 'score_lt', c: value - SCORE_EPSILON };
        if (op === '<=')
            return { kind: 'score_le', c: value + SCORE_EPSILON };
        if (op === '>')
            return { kind: 'score_gt', c: value + SCORE_EPSILON };
        return { kind: 'score_ge', c: value - SCORE_EPSILON };
    }
    const { signal, op, value } = c;
    if (op === 'is_null' || op === 'not_null') {
        const want = op === 'is_null';
        return views.numeric(signal)
            ? { kind: 'nan', x: views.num(signal), want }
            : { kind: 'null', t: views.text(signal), want };
    }
    if (typeof value === 'number')
        return { kind: NUM_KIND[op], x: views.num(signal), c: value };
    if (typeof value === 'boolean')
        return { kind: 'bool', x: views.bool(signal), want: value, eq: op === '=' };
    return { kind: op === '=' ? 'text_eq' : 'text_ne', t: views.text(signal), c: value };
}
/**
 * out[j] = 1 where the condition holds on row from + j, for j < len. `score[j]` is the score of
 * that row at the override's stage (unused by signal tests).
 */
export function evalCondition(node, from, len, score, out) {
    switch (node.kind) {
        case 'lt': {
            const { x, c } = node;
            for (let j = 0; j < len; j++)
                out[j] = x[from + j] < c ? 1 : 0;
            return;
        }
        case 'le': {
            const { x, c } = node;
            for (let j = 0; j < len; j++)
                out[j] = x[from + j] <= c ? 1 : 0;
            return;
        }
        case 'gt': {
            const { x, c } = node;
            for (let j = 0; j < len; j++)
                out[j] = x[from + j] > c ? 1 : 0;
            return;
        }
        case 'ge': {
            const { x, c } = node;
            for (let j = 0; j < len; j++)
                out[j] = x[from + j] >= c ? 1 : 0;
            return;
        }
        case 'eq': {
            const { x, c } = node;
            for (let j = 0; j < len; j++)
                out[j] = x[from + j] === c ? 1 : 0;
            return;
        }
        case 'ne': {
            const { x, c } = node;
            for (let j = 0; j < len; j++) {
                const v = x[from + j];
                out[j] = !Number.isNaN(v) && v !== c ? 1 : 0;
            }
            return;
        }
        case 'bool': {
            const { x, want, eq } = node;
            for (let j = 0; j < len; j++) {
                const v = x[from + j];
                out[j] = !Number.isNaN(v) && ((v !== 0) === want) === eq ? 1 : 0;
            }
            return;
        }
        case 'text_eq': {
            const { t, c } = node;
            for (let j = 0; j < len; j++)
                out[j] = t[from + j] === c ? 1 : 0;
            return;
        }
        case 'text_ne': {
            const { t, c } = node;
            for (let j = 0; j < len; j++) {
                const v = t[from + j];
                out[j] = v !== null && v !== undefined && v !== c ? 1 : 0;
            }
            return;
        }
        case 'nan': {
            const { x, want } = node;
            for (let j = 0; j < len; j++) {
                const v = x[from + j];
                out[j] = Number.isNaN(v) === want ? 1 : 0;
            }
            return;
        }
        case 'null': {
            const { t, want } = node;
            for (let j = 0; j < len; j++)
                out[j] = (t[from + j] === null) === want ? 1 : 0;
            return;
        }
        case 'score_lt': {
            const c = node.c;
            for (let j = 0; j < len; j++)
                out[j] = score[j] < c ? 1 : 0;
            return;
        }
        case 'score_le': {
            const c = node.c;
            for (let j = 0; j < len; j++)
                out[j] = score[j] <= c ? 1 : 0;
            return;
        }
        case 'score_gt': {
            const c = node.c;
            for (let j = 0; j < len; j++)
                out[j] = score[j] > c ? 1 : 0;
            return;
        }
        case 'score_ge': {
            const c = node.c;
            for (let j = 0; j < len; j++)
                out[j] = score[j] >= c ? 1 : 0;
            return;
        }
        case 'all':
        case 'any': {
            const { parts, tmp } = node;
            evalCondition(parts[0], from, len, score, out);
            for (let p = 1; p < parts.length; p++) {
                evalCondition(parts[p], from, len, score, tmp);
                if (node.kind === 'all')
                    for (let j = 0; j < len; j++)
                        out[j] &= tmp[j];
                else
                    for (let j = 0; j < len; j++)
                        out[j] |= tmp[j];
            }
            return;
        }
    }
}
//# sourceMappingURL=conditions.js.map