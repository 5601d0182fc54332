/**
 * What a fitted logistic model keeps in its artifact (`state`): exactly what predicting and
 * explaining need. The coefficient table, the fit statistics and the inputs dropped as constant
 * are diagnostics (the artifact's `diagnostics`), not state.
 */
import { z } from 'zod';
export declare const LOGISTIC_STATE: z.ZodObject<{
    names: z.ZodArray<z.ZodString>;
    intercept: z.ZodNumber;
    coefficients: z.ZodArray<z.ZodNumber>;
    center: z.ZodArray<z.ZodNumber>;
    scale: z.ZodArray<z.ZodNumber>;
}, z.core.$strict>;
export type LogisticState = z.infer<typeof LOGISTIC_STATE>;
