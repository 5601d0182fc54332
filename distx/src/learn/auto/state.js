/**
 * What a fitted auto model keeps in its artifact (`state`): the candidate it chose and why, the
 * documented monotone directions its gbdt member was fitted with, and the chosen members' own
 * states (the logistic member with its own preprocessing, since it imputes where gbdt keeps NaN).
 */
import { z } from 'zod';
import { GBDT_STATE } from '../gbdt/state.js';
import { LOGISTIC_STATE } from '../logistic/state.js';
import { finiteNumber, finiteNumbers, nonNegativeInteger, PREPROCESSING, strings } from '../schema.js';
const CHOICE = z.enum(['logistic', 'gbdt', 'blend']);
const CANDIDATE_SCORE = z.strictObject({
    log_loss: finiteNumber.describe('out-of-fold log loss after Platt scaling on the out-of-fold rows'),
    auc: finiteNumber,
});
export const AUTO_STATE = z
    .strictObject({
    format: z.literal('churnkit.auto'),
    version: z.literal(1),
    names: strings.describe("the model's inputs, in order"),
    choice: CHOICE.describe('the candidate chosen by the inner time-ordered validation'),
    why: z.strictObject({
        rule: z.string(),
        out_of_fold_rows: nonNegativeInteger,
        folds: nonNegativeInteger,
        scores: z.partialRecord(CHOICE, CANDIDATE_SCORE),
    }),
    monotone: finiteNumbers.describe("per input, the gbdt member's constraint: +1 riskier when higher, -1 safer, 0 free"),
    logistic: z.strictObject({ preprocessing: PREPROCESSING, state: LOGISTIC_STATE }).optional(),
    gbdt: z.strictObject({ state: GBDT_STATE, rounds: z.number().int().positive().nullable() }).optional(),
    blend: z
        .strictObject({ intercept: finiteNumber, logistic: finiteNumber, gbdt: finiteNumber })
        .optional()
        .describe('margin = intercept + logistic * logistic margin + gbdt * gbdt margin (blend only)'),
})
    .superRefine((s, ctx) => {
    if (s.monotone.length !== s.names.length)
        ctx.addIssue({
            code: 'custom',
            path: ['monotone'],
            message: `must have ${s.names.length} entries (one per name)`,
        });
    const needs = [
        ['logistic', s.choice !== 'gbdt'],
        ['gbdt', s.choice !== 'logistic'],
        ['blend', s.choice === 'blend'],
    ];
    for (const [member, needed] of needs)
        if (needed && s[member] === undefined)
            ctx.addIssue({ code: 'custom', path: [member], message: `is missing: the ${s.choice} choice needs it` });
});
//# sourceMappingURL=state.js.map