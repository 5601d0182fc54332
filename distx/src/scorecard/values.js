/**
 * How signal values are read, shared by every scorer so they agree to the bit. Missing is
 * null, undefined, NaN or a blank string; booleans accept what docs/features.md accepts in CSV.
 */
import { ChurnkitError } from '../util/index.js';
/**
 * Two scores closer than this compare equal (bands, score conditions), so a weighted average
 * that lands on 69.99999999999999 for "exactly 70" is GREEN here and in SQL alike.
 */
export const SCORE_EPSILON = 1e-9;
const TRUE_WORDS = new Set(['true', 't', '1', 'yes', 'y', 'on']);
const FALSE_WORDS = new Set(['false', 'f', '0', 'no', 'n', 'off']);
export function isMissing(v) {
    return (v === null ||
        v === undefined ||
        (typeof v === 'number' && Number.isNaN(v)) ||
        (typeof v === 'string' && v.trim() === ''));
}
/** A number, or NaN when missing. Booleans are 1/0; text must parse as a number. */
export function toNumber(v, name) {
    if (typeof v === 'number')
        return v;
    if (v === null || v === undefined)
        return NaN;
    if (typeof v === 'boolean')
        return v ? 1 : 0;
    const t = v.trim();
    if (t === '')
        return NaN;
    const n = Number(t);
    if (!Number.isNaN(n))
        return n;
    const lower = t.toLowerCase();
    if (TRUE_WORDS.has(lower))
        return 1;
    if (FALSE_WORDS.has(lower))
        return 0;
    throw new ChurnkitError(`signal ${name}: ${JSON.stringify(v)} is not a number`, 2);
}
/** 1 (true), 0 (false) or NaN (missing). Non-zero numbers are true, as CAST(x AS BOOLEAN). */
export function toBoolean(v, name) {
    if (typeof v === 'boolean')
        return v ? 1 : 0;
    if (typeof v === 'number')
        return Number.isNaN(v) ? NaN : v !== 0 ? 1 : 0;
    if (v === null || v === undefined)
        return NaN;
    const t = v.trim().toLowerCase();
    if (t === '')
        return NaN;
    if (TRUE_WORDS.has(t))
        return 1;
    if (FALSE_WORDS.has(t))
        return 0;
    const n = Number(t);
    if (!Number.isNaN(n))
        return n !== 0 ? 1 : 0;
    throw new ChurnkitError(`signal ${name}: ${JSON.stringify(v)} is not a boolean`, 2);
}
/** Text, or null when missing; numbers and booleans as JavaScript prints them. */
export function toText(v) {
    if (isMissing(v))
        return null;
    return typeof v === 'string' ? v : String(v);
}
export function compareNumbers(x, op, c) {
    switch (op) {
        case '<':
            return x < c;
        case '<=':
            return x <= c;
        case '>':
            return x > c;
        case '>=':
            return x >= c;
        case '=':
            return x === c;
        case '!=':
            return x !== c && !Number.isNaN(x);
        default:
            return false;
    }
}
/** A score against a constant, equal within SCORE_EPSILON. */
export function compareScore(score, op, c) {
    switch (op) {
        case '<':
            return score < c - SCORE_EPSILON;
        case '<=':
            return score <= c + SCORE_EPSILON;
        case '>':
            return score > c + SCORE_EPSILON;
        case '>=':
            return score >= c - SCORE_EPSILON;
        default:
            return false;
    }
}
export function clampScore(x) {
    return x < 0 ? 0 : x > 100 ? 100 : x;
}
//# sourceMappingURL=values.js.map