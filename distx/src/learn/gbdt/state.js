/**
 * What a fitted gbdt model keeps in its artifact (`state`): the inputs, the starting margin and
 * the kept trees as flat arrays (tree.ts). Rounds run, the best iteration and importances are
 * diagnostics. The refinements check what prediction relies on beyond types: every array of a
 * tree as long as its `feature`, split features that index an input, and children that come
 * after their parent (which rules out cycles).
 */
import { z } from 'zod';
import { finiteNumber, finiteNumbers, strings } from '../schema.js';
const TREE_FIELDS = ['feature', 'threshold', 'default_left', 'left', 'right', 'value', 'cover', 'gain'];
export const GBDT_TREE = z
    .strictObject({
    feature: finiteNumbers.min(1, { error: 'must not be empty' }).describe('split input per node; -1 marks a leaf'),
    threshold: finiteNumbers.describe('a row goes left when its value is <= threshold'),
    default_left: finiteNumbers.describe('1 when a missing value goes left'),
    left: finiteNumbers.describe('left child node index (leaves: 0)'),
    right: finiteNumbers.describe('right child node index (leaves: 0)'),
    value: finiteNumbers.describe('leaf output, learning rate applied'),
    cover: finiteNumbers.describe('hessian sum of the training rows through the node (TreeSHAP)'),
    gain: finiteNumbers.describe('loss reduction of the split'),
})
    .superRefine((t, ctx) => {
    const size = t.feature.length;
    for (const field of TREE_FIELDS) {
        if (t[field].length !== size)
            ctx.addIssue({
                code: 'custom',
                path: [field],
                message: `must have ${size} entries like feature, has ${t[field].length}`,
            });
    }
    for (let i = 0; i < size; i++) {
        if (t.feature[i] === -1)
            continue;
        for (const side of ['left', 'right']) {
            const c = t[side][i];
            if (!Number.isInteger(c) || c <= i || c >= size)
                ctx.addIssue({
                    code: 'custom',
                    path: [side, i],
                    message: `must be a node index after ${i} and below ${size}`,
                });
        }
    }
});
export const GBDT_STATE = z
    .strictObject({
    names: strings.min(1, { error: 'must not be empty' }).describe("the model's inputs, in the order trees index them"),
    base_score: finiteNumber.describe('starting margin: the prior log-odds of churn in the (weighted) training rows'),
    trees: z.array(GBDT_TREE, { error: 'must be an array of trees' }),
})
    .superRefine((s, ctx) => {
    const inputs = s.names.length;
    s.trees.forEach((t, k) => {
        t.feature.forEach((f, i) => {
            if (f !== -1 && (!Number.isInteger(f) || f < 0 || f >= inputs))
                ctx.addIssue({
                    code: 'custom',
                    path: ['trees', k, 'feature', i],
                    message: `must be -1 or an input index below ${inputs}`,
                });
        });
    });
});
//# sourceMappingURL=state.js.map