/**
 * What a fitted gbdt model keeps in its artifact (`state`): the inputs, the starting margin and
 * the kept trees as flat arrays (tree.ts). Rounds run, the best iteration and importances are
 * diagnostics. The refinements check what prediction relies on beyond types: every array of a
 * tree as long as its `feature`, split features that index an input, and children that come
 * after their parent (which rules out cycles).
 */
import { z } from 'zod';
export declare const GBDT_TREE: z.ZodObject<{
    feature: z.ZodArray<z.ZodNumber>;
    threshold: z.ZodArray<z.ZodNumber>;
    default_left: z.ZodArray<z.ZodNumber>;
    left: z.ZodArray<z.ZodNumber>;
    right: z.ZodArray<z.ZodNumber>;
    value: z.ZodArray<z.ZodNumber>;
    cover: z.ZodArray<z.ZodNumber>;
    gain: z.ZodArray<z.ZodNumber>;
}, z.core.$strict>;
export type TreeJSON = z.infer<typeof GBDT_TREE>;
export declare const GBDT_STATE: z.ZodObject<{
    names: z.ZodArray<z.ZodString>;
    base_score: z.ZodNumber;
    trees: z.ZodArray<z.ZodObject<{
        feature: z.ZodArray<z.ZodNumber>;
        threshold: z.ZodArray<z.ZodNumber>;
        default_left: z.ZodArray<z.ZodNumber>;
        left: z.ZodArray<z.ZodNumber>;
        right: z.ZodArray<z.ZodNumber>;
        value: z.ZodArray<z.ZodNumber>;
        cover: z.ZodArray<z.ZodNumber>;
        gain: z.ZodArray<z.ZodNumber>;
    }, z.core.$strict>>;
}, z.core.$strict>;
export type GbdtState = z.infer<typeof GBDT_STATE>;
