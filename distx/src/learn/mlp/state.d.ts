/**
 * What a fitted mlp keeps in its artifact (`state`): the weights, the activation and the
 * explanation baseline. How training went (backend, epochs, loss per epoch) is diagnostics. The
 * refinements check the shapes the forward pass relies on: each kernel has one row per unit of
 * the layer before, the last layer has one unit, the baseline one value per input.
 */
import { z } from 'zod';
export declare const MLP_LAYER: z.ZodObject<{
    kernel: z.ZodArray<z.ZodArray<z.ZodNumber>>;
    bias: z.ZodArray<z.ZodNumber>;
}, z.core.$strict>;
export declare const MLP_STATE: z.ZodObject<{
    inputs: z.ZodArray<z.ZodString>;
    activation: z.ZodEnum<{
        relu: "relu";
        tanh: "tanh";
    }>;
    layers: z.ZodArray<z.ZodObject<{
        kernel: z.ZodArray<z.ZodArray<z.ZodNumber>>;
        bias: z.ZodArray<z.ZodNumber>;
    }, z.core.$strict>>;
    baseline: z.ZodArray<z.ZodNumber>;
}, z.core.$strict>;
export type MlpState = z.infer<typeof MLP_STATE>;
export type Activation = MlpState['activation'];
