import type { StateOf } from './families.js';
import type { Calibration, ModelFamily, Preprocessing, Provenance } from './model.js';
export declare const MODEL_ARTIFACT_VERSION = 2;
/** How the fit went: metrics by slice, then the family's own (coefficient table, importance, epochs). */
export interface Diagnostics {
    metrics: Record<string, unknown>;
    [fromFamily: string]: unknown;
}
/** A version-2 artifact, whichever the family; `family` says which state `state` is. */
export interface ModelArtifact {
    kind: 'churnkit.model';
    version: 2;
    family: ModelFamily;
    params: Record<string, unknown>;
    state: StateOf<ModelFamily>;
    preprocessing: Preprocessing;
    calibration: Calibration;
    diagnostics: Diagnostics;
    provenance: Provenance;
}
/**
 * Checks an object read from JSON, version 1 or 2, and returns it as version 2; `source` (a
 * path) goes into the error message.
 */
export declare function validateModelArtifact(value: unknown, source?: string): ModelArtifact;
export declare function readModelArtifact(path: string): Promise<ModelArtifact>;
/**
 * Indented JSON with a final newline, signed with its checksum, arrays of numbers on one line
 * (formatJson); NaN and infinities (never expected) would become null.
 */
export declare function serializeModelArtifact(a: ModelArtifact): string;
export declare function writeModelArtifact(path: string, a: ModelArtifact): Promise<void>;
export declare const MODEL_SCHEMA_ID = "https://churnkit.dev/schemas/model.schema.json";
/** The JSON Schema of a version-2 artifact (draft 2020-12), as published in models/model.schema.json. */
export declare function modelJsonSchema(): object;
