/**
 * What a fitted auto model keeps in its artifact (`state`): the candidate it chose and why, the
 * documented monotone directions its gbdt member was fitted with, and the chosen members' own
 * states (the logistic member with its own preprocessing, since it imputes where gbdt keeps NaN).
 */
import { z } from 'zod';
export declare const AUTO_STATE: z.ZodObject<{
    format: z.ZodLiteral<"churnkit.auto">;
    version: z.ZodLiteral<1>;
    names: z.ZodArray<z.ZodString>;
    choice: z.ZodEnum<{
        blend: "blend";
        gbdt: "gbdt";
        logistic: "logistic";
    }>;
    why: z.ZodObject<{
        rule: z.ZodString;
        out_of_fold_rows: z.ZodInt;
        folds: z.ZodInt;
        scores: z.ZodRecord<z.ZodEnum<{
            blend: "blend";
            gbdt: "gbdt";
            logistic: "logistic";
        }> & z.core.$partial, z.ZodObject<{
            log_loss: z.ZodNumber;
            auc: z.ZodNumber;
        }, z.core.$strict>>;
    }, z.core.$strict>;
    monotone: z.ZodArray<z.ZodNumber>;
    logistic: z.ZodOptional<z.ZodObject<{
        preprocessing: z.ZodType<import("../model.js").Preprocessing, unknown, z.core.$ZodTypeInternals<import("../model.js").Preprocessing, unknown>>;
        state: z.ZodObject<{
            names: z.ZodArray<z.ZodString>;
            intercept: z.ZodNumber;
            coefficients: z.ZodArray<z.ZodNumber>;
            center: z.ZodArray<z.ZodNumber>;
            scale: z.ZodArray<z.ZodNumber>;
        }, z.core.$strict>;
    }, z.core.$strict>>;
    gbdt: z.ZodOptional<z.ZodObject<{
        state: z.ZodObject<{
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
        rounds: z.ZodNullable<z.ZodNumber>;
    }, z.core.$strict>>;
    blend: z.ZodOptional<z.ZodObject<{
        intercept: z.ZodNumber;
        logistic: z.ZodNumber;
        gbdt: z.ZodNumber;
    }, z.core.$strict>>;
}, z.core.$strict>;
export type AutoState = z.infer<typeof AUTO_STATE>;
