/**
 * Building blocks of the model artifact's zod schemas (artifact.ts and each family's state.ts),
 * and the one place a zod failure becomes an ArtifactError: the first problem, its field as a
 * path (`state.trees[3].left[0]`) and a sentence, never zod's issue list.
 */
import { z } from 'zod';
import type { Preprocessing } from './model.js';
/** zod 4 numbers are finite already (no NaN, no infinities); the message says so. */
export declare const finiteNumber: z.ZodNumber;
export declare const finiteNumbers: z.ZodArray<z.ZodNumber>;
export declare const nonNegativeInteger: z.ZodInt;
export declare const strings: z.ZodArray<z.ZodString>;
type IssuePath = readonly PropertyKey[];
/** `a.b[2].c` from zod's path, after `at` (e.g. `state`). */
export declare function fieldName(at: string, path: IssuePath): string;
/**
 * `value` parsed by `schema`, or an ArtifactError naming the first bad field under `at`
 * (`state`, `gbdt`, or '' for a whole artifact) and the file it came from.
 */
export declare function checkWith<T>(schema: z.ZodType<T>, value: unknown, at: string, source?: string): T;
export declare const PREPROCESSING: z.ZodType<Preprocessing>;
export {};
