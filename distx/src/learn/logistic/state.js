/**
 * What a fitted logistic model keeps in its artifact (`state`): exactly what predicting and
 * explaining need. The coefficient table, the fit statistics and the inputs dropped as constant
 * are diagnostics (the artifact's `diagnostics`), not state.
 */
import { z } from 'zod';
import { finiteNumber, finiteNumbers, strings } from '../schema.js';
export const LOGISTIC_STATE = z
    .strictObject({
    names: strings.describe("the model's inputs (preprocessing.outputs), in order"),
    intercept: finiteNumber,
    coefficients: finiteNumbers.describe("per input, on the input's original scale; 0 for an input constant in training"),
    center: finiteNumbers.describe('per input, its training mean (explanations are relative to it)'),
    scale: finiteNumbers.describe('per input, its training standard deviation'),
})
    .superRefine((s, ctx) => {
    for (const key of ['coefficients', 'center', 'scale']) {
        if (s[key].length !== s.names.length)
            ctx.addIssue({
                code: 'custom',
                path: [key],
                message: `must have ${s.names.length} entries (one per name), has ${s[key].length}`,
            });
    }
});
//# sourceMappingURL=state.js.map