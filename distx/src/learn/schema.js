/**
 * Building blocks of the model artifact's zod schemas (artifact.ts and each family's state.ts),
 * and the one place a zod failure becomes an ArtifactError: the first problem, its field as a
 * path (`state.trees[3].left[0]`) and a sentence, never zod's issue list.
 */
import { z } from 'zod';
import { ArtifactError } from './errors.js';
/** zod 4 numbers are finite already (no NaN, no infinities); the message says so. */
export const finiteNumber = z.number({ error: 'must be a finite number' });
export const finiteNumbers = z.array(finiteNumber, { error: 'must be an array of finite numbers' });
export const nonNegativeInteger = z.int({ error: 'must be an integer' }).nonnegative({ error: 'must be >= 0' });
export const strings = z.array(z.string({ error: 'must be a string' }), { error: 'must be an array of strings' });
/** `a.b[2].c` from zod's path, after `at` (e.g. `state`). */
export function fieldName(at, path) {
    let out = at;
    for (const p of path) {
        if (typeof p === 'number')
            out += `[${p}]`;
        else
            out += out === '' ? String(p) : `.${String(p)}`;
    }
    return out === '' ? '(top level)' : out;
}
/** zod's wording for what it checks itself, rewritten to read after "field X". */
function problem(issue) {
    if (issue.code === 'unrecognized_keys') {
        const key = issue.keys[0] ?? '?';
        return { path: [...issue.path, key], text: 'is not part of the artifact (unknown field)' };
    }
    if (issue.code === 'invalid_type' && issue.input === undefined)
        return { path: issue.path, text: 'is missing' };
    if (issue.code === 'invalid_value' && issue.values.length > 0)
        return {
            path: issue.path,
            text: `must be ${issue.values.map((v) => JSON.stringify(v)).join(' or ')}, not ${JSON.stringify(issue.input)}`,
        };
    if (issue.code === 'invalid_union' && 'options' in issue && Array.isArray(issue.options)) {
        // A discriminated union reports the whole object; the value at fault is its discriminator.
        const input = issue.input;
        const key = 'discriminator' in issue ? issue.discriminator : undefined;
        const value = typeof key === 'string' && input !== null && typeof input === 'object' ? Reflect.get(input, key) : input;
        return {
            path: issue.path,
            text: `must be one of ${issue.options.map((v) => JSON.stringify(v)).join(', ')}, not ${JSON.stringify(value) ?? 'missing'}`,
        };
    }
    if (issue.code === 'invalid_type' && issue.message.startsWith('Invalid input'))
        return { path: issue.path, text: `must be ${/^[aeiou]/.test(issue.expected) ? 'an' : 'a'} ${issue.expected}` };
    return { path: issue.path, text: issue.message.replace(/^Invalid input: /, '') };
}
/**
 * `value` parsed by `schema`, or an ArtifactError naming the first bad field under `at`
 * (`state`, `gbdt`, or '' for a whole artifact) and the file it came from.
 */
export function checkWith(schema, value, at, source) {
    const r = schema.safeParse(value, { reportInput: true });
    if (r.success)
        return r.data;
    const issue = r.error.issues[0];
    if (issue === undefined)
        throw new ArtifactError(at || '(top level)', 'is not valid', source);
    const { path, text } = problem(issue);
    throw new ArtifactError(fieldName(at, path), text, source);
}
const INPUT_COLUMN = z.discriminatedUnion('kind', [
    z.strictObject({ name: z.string(), kind: z.literal('numeric') }),
    z
        .strictObject({ name: z.string(), kind: z.literal('categorical'), levels: strings })
        .describe('one-hot with the first level as reference (dropped); unseen levels and NULL give all zeros'),
]);
export const PREPROCESSING = z
    .strictObject({
    inputs: z.array(INPUT_COLUMN).describe('the raw feature-table columns the model reads, in order'),
    outputs: strings.describe('the numeric model inputs, in order: per input `name` (then `name:missing` with an indicator), or `name=level` per kept level'),
    missing_indicators: strings.optional().describe('numeric inputs that get a 0/1 `name:missing` output'),
    notes: strings.optional(),
    impute: finiteNumbers.optional().describe('per output, the value that replaces a missing one'),
    standardize: z.strictObject({ center: finiteNumbers, scale: finiteNumbers }).optional(),
})
    .superRefine((p, ctx) => {
    const width = p.outputs.length;
    if (p.impute && p.impute.length !== width)
        ctx.addIssue({ code: 'custom', path: ['impute'], message: `must have one entry per output (${width})` });
    if (p.standardize && (p.standardize.center.length !== width || p.standardize.scale.length !== width))
        ctx.addIssue({
            code: 'custom',
            path: ['standardize'],
            message: `must have one centre and scale per output (${width})`,
        });
})
    .meta({ id: 'preprocessing', description: 'how raw feature-table columns become the numeric model inputs' });
//# sourceMappingURL=schema.js.map