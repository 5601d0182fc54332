/**
 * What a fitted mlp keeps in its artifact (`state`): the weights, the activation and the
 * explanation baseline. How training went (backend, epochs, loss per epoch) is diagnostics. The
 * refinements check the shapes the forward pass relies on: each kernel has one row per unit of
 * the layer before, the last layer has one unit, the baseline one value per input.
 */
import { z } from 'zod';
import { finiteNumbers, strings } from '../schema.js';
export const MLP_LAYER = z.strictObject({
    kernel: z
        .array(finiteNumbers, { error: 'must be an array of rows of finite numbers' })
        .describe('Keras layout: kernel[i][o], input i to output o'),
    bias: finiteNumbers,
});
export const MLP_STATE = z
    .strictObject({
    inputs: strings.describe("the model's inputs (preprocessing.outputs), in the order the network reads them"),
    activation: z.enum(['relu', 'tanh']).describe('hidden-layer activation'),
    layers: z
        .array(MLP_LAYER)
        .min(1, { error: 'must not be empty' })
        .describe('hidden layers, then the output layer (one linear unit: the churn log-odds)'),
    baseline: finiteNumbers.describe('reference input of explanations: the weighted mean training input'),
})
    .superRefine((s, ctx) => {
    let width = s.inputs.length;
    s.layers.forEach((l, k) => {
        if (l.kernel.length !== width || l.kernel.some((r) => r.length !== l.bias.length))
            ctx.addIssue({
                code: 'custom',
                path: ['layers', k, 'kernel'],
                message: `must be ${width} rows of ${l.bias.length} finite numbers`,
            });
        width = l.bias.length;
    });
    if (width !== 1)
        ctx.addIssue({ code: 'custom', path: ['layers', s.layers.length - 1], message: 'must have one output unit' });
    if (s.baseline.length !== s.inputs.length)
        ctx.addIssue({ code: 'custom', path: ['baseline'], message: `must be ${s.inputs.length} finite numbers` });
});
//# sourceMappingURL=state.js.map