import type * as TF from '@tensorflow/tfjs';
import type { Frame } from '../../data/index.js';
import type { TrainedModel } from '../pipeline.js';
import { type Tf } from '../mlp/backend.js';
import { type ExportInput } from './tfjs.js';
/** An IOHandler over the two files, for runtimes without file:// (tfjs without tfjs-node). */
export declare function tfjsFolderHandler(tf: Tf, dir: string): Promise<TF.io.IOHandler>;
/** Row-major model inputs for a frame, following the metadata recipe (what a consumer writes). */
export declare function exportedInputs(inputs: readonly ExportInput[], frame: Frame): Float32Array;
export interface VerifyResult {
    rows: number;
    max_abs_diff: number;
    /** Rows whose exported probability differs from churnkit's by more than 1e-6. */
    rows_over_1e6: number;
}
export declare function verifyTfjsExport(dir: string, trained: TrainedModel, frame: Frame, table?: string): Promise<VerifyResult>;
