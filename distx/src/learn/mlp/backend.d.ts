import type * as TF from '@tensorflow/tfjs';
export type Tf = typeof TF;
export type BackendName = 'wasm' | 'cpu' | 'tensorflow';
export interface LoadedTf {
    tf: Tf;
    backend: BackendName;
}
/** The process-wide TensorFlow.js instance; the first call decides the backend. */
export declare function loadTf(prefer?: BackendName | undefined): Promise<LoadedTf>;
/** What to install for the mlp family: TensorFlow.js is an optional dependency (a lean install scores without it). */
export declare const TFJS_INSTALL = "npm install @tensorflow/tfjs@^4.22.0 @tensorflow/tfjs-backend-wasm@^4.22.0";
