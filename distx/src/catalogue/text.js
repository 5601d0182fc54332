/**
 * From a catalogue entry and an account's value to the words a person reads, and the rounding
 * used wherever a number is shown to one (CSV files, HTTP answers, alerts, reports).
 */
import { CATALOGUE } from './entries.js';
import { groupDigits } from '../util/index.js';
const BY_NAME = new Map(CATALOGUE.map((e) => [e.name, e]));
/** The entry of a feature-table column, or undefined for a column churnkit does not define. */
export function catalogueEntry(name) {
    return BY_NAME.get(name);
}
/** The person-facing name of a column; a column outside the catalogue reads as its name with spaces. */
export function featureLabel(name) {
    return BY_NAME.get(name)?.label ?? name.replace(/_/g, ' ');
}
function isMissingValue(v) {
    return v === null || v === undefined || (typeof v === 'number' && Number.isNaN(v)) || v === '';
}
function asNumber(v) {
    if (typeof v === 'number')
        return v;
    if (typeof v === 'boolean')
        return v ? 1 : 0;
    const t = v.trim().toLowerCase();
    if (t === 'true' || t === 'yes')
        return 1;
    if (t === 'false' || t === 'no')
        return 0;
    return Number(t);
}
/** The template case a value falls in (see TemplateCase). */
export function templateCase(entry, value) {
    if (isMissingValue(value))
        return 'missing';
    if (entry.kind === 'text')
        return 'value';
    const x = asNumber(value);
    if (Number.isNaN(x))
        return 'value';
    switch (entry.kind) {
        case 'flag':
            return x !== 0 ? 'yes' : 'no';
        case 'change':
            if (x <= -1)
                return 'stopped';
            if (x >= 3)
                return 'most';
            if (Math.round(Math.abs(x) * 100) === 0)
                return 'flat';
            return x < 0 ? 'down' : 'up';
        case 'points_change':
            if (Math.round(Math.abs(x) * 10) === 0)
                return 'flat';
            return x < 0 ? 'down' : 'up';
        default:
            return 'value';
    }
}
const plural = (n, one, many) => `${groupDigits(n)} ${n === 1 ? one : many}`;
/** A value as written in a sentence or a table cell, without the sentence ("-35%", "12 days"). */
export function formatValue(name, value) {
    if (isMissingValue(value))
        return '–';
    const entry = BY_NAME.get(name);
    if (typeof value === 'string' && (!entry || entry.kind === 'text'))
        return value;
    const x = asNumber(value);
    if (Number.isNaN(x))
        return String(value);
    switch (entry?.kind) {
        case 'change':
        case 'share':
            return `${Math.round(x * 100)}%`;
        case 'points_change':
            return `${x > 0 ? '+' : ''}${roundTo(x, 1)}`;
        case 'days':
            return plural(Math.round(x), 'day', 'days');
        case 'multiple':
            return `${roundTo(x, 1)}x`;
        case 'flag':
            return x !== 0 ? 'yes' : 'no';
        case 'money':
            return money(x);
        case 'count':
            return groupDigits(Math.round(x));
        default:
            return String(significant(x, 4));
    }
}
function money(x) {
    return `$${groupDigits(Math.round(x))}`;
}
function roundTo(x, digits) {
    const f = 10 ** digits;
    const r = Math.round(x * f) / f;
    return r === 0 ? 0 : r;
}
/**
 * One sentence about an account's value of a column: "Usage fell 35% over the last 14 days vs
 * the 14 before". A column outside the catalogue reads "name: value".
 */
export function describeValue(name, value) {
    const entry = BY_NAME.get(name);
    if (!entry)
        return `${featureLabel(name)}: ${formatValue(name, value)}`;
    const which = templateCase(entry, value);
    const template = entry.templates[which] ?? entry.templates.value;
    if (template === undefined)
        return `${entry.label}: ${formatValue(name, value)}`;
    if (isMissingValue(value))
        return template;
    const x = typeof value === 'string' && entry.kind === 'text' ? NaN : asNumber(value);
    const parts = templateParts(template);
    let text = parts[0];
    for (let k = 1; k < parts.length; k += 2)
        text += placeholder(parts[k], name, value, x) + parts[k + 1];
    return text;
}
const TEMPLATE_PARTS = new Map();
/** A template split once into text and placeholder names, alternating: ["Usage fell ", "pct", " over ..."]. */
function templateParts(template) {
    let parts = TEMPLATE_PARTS.get(template);
    if (parts === undefined) {
        parts = template.split(/\{(pct|days|points|times|money|value)\}/);
        TEMPLATE_PARTS.set(template, parts);
    }
    return parts;
}
function placeholder(key, name, value, x) {
    switch (key) {
        case 'pct':
            return `${Math.round(Math.abs(x) * 100)}%`;
        case 'days':
            return plural(Math.round(x), 'day', 'days');
        case 'points':
            return String(roundTo(Math.abs(x), 1));
        case 'times':
            return String(roundTo(x, 1));
        case 'money':
            return money(x);
        default:
            return typeof value === 'string' ? value : formatValue(name, value);
    }
}
/** `x` to `digits` significant digits, as a number (0.012345 -> 0.01235 at 4). */
export function significant(x, digits) {
    if (!Number.isFinite(x) || x === 0)
        return x;
    const r = Number(x.toPrecision(digits));
    return r === 0 ? 0 : r;
}
/** A 0-100 score as people read it: one decimal (43.886500000000005 -> 43.9). */
export function scoreForPeople(score) {
    return roundTo(score, 1);
}
/** A probability as people read it: four significant digits (0.123456 -> 0.1235). */
export function probabilityForPeople(p) {
    return significant(p, 4);
}
//# sourceMappingURL=text.js.map