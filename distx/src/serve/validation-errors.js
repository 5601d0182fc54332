/** `/accounts/3/usage_trend_14d` -> `accounts[3].usage_trend_14d`, the way a client spells it. */
function display(pointer) {
    if (pointer === '')
        return 'the body';
    return pointer
        .slice(1)
        .split('/')
        .map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'))
        .map((p, i) => (/^\d+$/.test(p) ? `[${p}]` : `${i === 0 ? '' : '.'}${p}`))
        .join('');
}
function describeType(t) {
    const list = Array.isArray(t) ? t : String(t).split(',');
    return list.join(' or ');
}
/**
 * One sentence naming the failing field, plus that field as a JSON pointer. Ajv runs with
 * allErrors off, so the first error is the one to report.
 */
export function describeValidationError(errors, context) {
    const e = errors[0];
    if (!e)
        return { message: `invalid ${context}` };
    const at = e.instancePath;
    switch (e.keyword) {
        case 'additionalProperties': {
            const name = String(e.params['additionalProperty']);
            const field = `${at}/${name}`;
            return { message: `unknown field "${name}" in ${display(at)}`, field };
        }
        case 'required': {
            const name = String(e.params['missingProperty']);
            return { message: `missing required field "${name}" in ${display(at)}`, field: `${at}/${name}` };
        }
        case 'type':
            return { message: `${display(at)} must be ${describeType(e.params['type'])}`, field: at };
        case 'format':
        case 'pattern':
            return { message: `${display(at)} must be a date YYYY-MM-DD`, field: at };
        case 'maxItems':
            return { message: `${display(at)} must have at most ${String(e.params['limit'])} items`, field: at };
        case 'maxLength':
            return { message: `${display(at)} must be at most ${String(e.params['limit'])} characters`, field: at };
        case 'minLength':
            return { message: `${display(at)} must not be empty`, field: at };
        default:
            return { message: `${display(at)} ${e.message ?? 'is invalid'}`, field: at };
    }
}
//# sourceMappingURL=validation-errors.js.map