import { ScorecardSchema } from './schema.js';
import { checkSemantics, ScorecardError } from './semantics.js';
export { ScorecardError } from './semantics.js';
export function formatPath(path) {
    let out = '';
    for (const key of path) {
        if (typeof key === 'number')
            out += `[${key}]`;
        else
            out += out === '' ? String(key) : `.${String(key)}`;
    }
    return out;
}
/**
 * For a union, the branch the author evidently meant: the one that did not reject the object's
 * keys, with the fewest complaints. Without this zod only says "Invalid input" at the union.
 */
function mostSpecific(issue, prefix) {
    const here = [...prefix, ...issue.path];
    if (issue.code === 'invalid_union' && issue.errors.length > 0) {
        const ranked = issue.errors
            .map((branch) => ({
            branch,
            keyMismatch: branch.some((i) => i.code === 'unrecognized_keys' ||
                (i.code === 'invalid_type' && i.path.length === 1 && i.message.endsWith('received undefined'))),
        }))
            .sort((a, b) => Number(a.keyMismatch) - Number(b.keyMismatch) || a.branch.length - b.branch.length);
        const first = ranked[0].branch[0];
        if (first)
            return mostSpecific(first, here);
    }
    return { path: here, message: issue.message };
}
export function parseScorecard(json) {
    if (json === null || typeof json !== 'object' || Array.isArray(json))
        throw new ScorecardError('', 'must be a JSON object');
    const kind = json['kind'];
    if (kind !== 'churnkit.scorecard')
        throw new ScorecardError('kind', `must be "churnkit.scorecard", got ${JSON.stringify(kind)}`);
    const version = json['version'];
    if (version !== 1)
        throw new ScorecardError('version', `this churnkit reads scorecard version 1, got ${JSON.stringify(version)}`);
    const parsed = ScorecardSchema.safeParse(json);
    if (!parsed.success) {
        const { path, message } = mostSpecific(parsed.error.issues[0], []);
        throw new ScorecardError(formatPath(path), message);
    }
    checkSemantics(parsed.data);
    return parsed.data;
}
//# sourceMappingURL=validate.js.map