/**
 * Overrides in words, generated from their conditions and values, so that a description can
 * never say "cap the score at 40" while the cap is 63: calibrate writes these into the card.
 */
import { catalogueEntry, describeValue, featureLabel, formatValue } from '../catalogue/index.js';
const OP_WORDS = {
    '<': 'below',
    '<=': 'at most',
    '>': 'above',
    '>=': 'at least',
    '=': 'equal to',
    '!=': 'not',
};
/** A condition as a phrase: "the champion left and has not been replaced and the score is below 60". */
export function describeCondition(c) {
    if ('all' in c)
        return c.all.map(describeCondition).join(' and ');
    if ('any' in c)
        return c.any.map(describeCondition).join(' or ');
    if ('score' in c)
        return `the score is ${OP_WORDS[c.score.op]} ${formatNumber(c.score.value)}`;
    const label = lowerFirst(featureLabel(c.signal));
    if (c.op === 'is_null')
        return `${label} is unknown`;
    if (c.op === 'not_null')
        return `${label} is known`;
    if (typeof c.value === 'boolean' && catalogueEntry(c.signal)?.kind === 'flag' && (c.op === '=' || c.op === '!=')) {
        const yes = (c.op === '=') === c.value;
        return lowerFirst(describeValue(c.signal, yes));
    }
    if (typeof c.value === 'string')
        return `${label} ${c.op === '=' ? 'is' : 'is not'} "${c.value}"`;
    return `${label} ${OP_WORDS[c.op]} ${formatValue(c.signal, c.value ?? null)}`;
}
/** What an override does, with its value: "cap the score at 63.3". */
export function describeAction(o) {
    if (o.action === 'set')
        return `set the score to ${formatNumber(o.value)}`;
    if (o.action === 'cap')
        return `cap the score at ${formatNumber(o.value)}`;
    return `raise the ${o.flag} flag`;
}
/** "When the champion left and has not been replaced: cap the score at 63.3." */
export function describeOverride(o) {
    return `When ${describeCondition(o.when)}: ${describeAction(o)}.`;
}
function formatNumber(x) {
    return String(Math.round(x * 10) / 10);
}
function lowerFirst(s) {
    return s.length > 1 && s[1] === s[1].toLowerCase() ? s[0].toLowerCase() + s.slice(1) : s;
}
//# sourceMappingURL=describe.js.map