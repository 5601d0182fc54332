import type * as TF from '@tensorflow/tfjs';
import type { Preprocessing, Provenance } from '../model.js';
import type { TrainedModel } from '../pipeline.js';
import { type Tf } from '../mlp/backend.js';
import { type PortableNetwork } from './portable.js';
import { type OutputGuard } from '../../util/index.js';
export declare const TFJS_MODEL_FILE = "model.json";
export declare const TFJS_WEIGHTS_FILE = "weights.bin";
/** How to build input j from a feature-table row. */
export type ExportInput = 
/** The column's number (booleans as 0/1); NULL becomes `impute`. */
{
    name: string;
    column: string;
    kind: 'value';
    impute: number;
}
/** 1 when the column is NULL, else 0. */
 | {
    name: string;
    column: string;
    kind: 'missing';
}
/** 1 when the column equals `level`, else 0 (NULL and unseen levels give 0). */
 | {
    name: string;
    column: string;
    kind: 'level';
    level: string;
};
export interface TfjsExportMetadata {
    kind: 'churnkit.tfjs';
    version: 1;
    family: string;
    /** What the single output is. */
    output: 'probability';
    calibration: string;
    inputs: ExportInput[];
    features: string[];
    provenance: Provenance;
}
export interface TfjsExportSummary {
    out: string;
    files: string[];
    family: string;
    calibration: string;
    inputs: number;
    layers: number;
    parameters: number;
}
/** The recipe for each model input, from the pipeline's preprocessing (see src/learn/preprocess.ts). */
export declare function exportInputs(prep: Preprocessing): ExportInput[];
export declare function exportMetadata(trained: TrainedModel): TfjsExportMetadata;
/** The portable network as a tf.Sequential with fixed layer names (same artifact, same bytes). */
export declare function buildLayersModel(tf: Tf, net: PortableNetwork): TF.Sequential;
/**
 * Writes `model.json` + `weights.bin` for a loaded model (see loadModel) into `outDir`,
 * atomically; `check` sees the finished folder before it is moved into place and can veto it.
 */
export declare function exportTfjs(trained: TrainedModel, outDir: string, check?: (dir: string) => Promise<void>, guard?: OutputGuard & {
    force?: boolean;
}): Promise<TfjsExportSummary>;
