/**
 * Loads TensorFlow.js once per process on the fastest backend that works offline:
 * `@tensorflow/tfjs-node` (native libtensorflow) when a user has installed it, otherwise
 * `@tensorflow/tfjs` on the WebAssembly backend, whose .wasm binaries are read from
 * node_modules (never fetched). `CHURNKIT_TF_BACKEND=wasm|cpu|tensorflow` forces a choice,
 * which the benchmark uses to compare backends.
 */
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import type * as TF from '@tensorflow/tfjs';
import { ChurnkitError } from '../../util/index.js';

export type Tf = typeof TF;
export type BackendName = 'wasm' | 'cpu' | 'tensorflow';

export interface LoadedTf {
  tf: Tf;
  backend: BackendName;
}

let loading: Promise<LoadedTf> | null = null;

/** The process-wide TensorFlow.js instance; the first call decides the backend. */
export function loadTf(prefer: BackendName | undefined = envBackend()): Promise<LoadedTf> {
  loading ??= init(prefer);
  return loading;
}

function envBackend(): BackendName | undefined {
  const v = process.env['CHURNKIT_TF_BACKEND'];
  if (v === undefined || v === '') return undefined;
  if (v === 'wasm' || v === 'cpu' || v === 'tensorflow') return v;
  throw new ChurnkitError(`CHURNKIT_TF_BACKEND must be wasm, cpu or tensorflow, got "${v}"`, 64);
}

async function init(prefer: BackendName | undefined): Promise<LoadedTf> {
  if (prefer === undefined || prefer === 'tensorflow') {
    const native = await tryNative();
    if (native) return { tf: native, backend: 'tensorflow' };
    if (prefer === 'tensorflow')
      throw new ChurnkitError('CHURNKIT_TF_BACKEND=tensorflow needs @tensorflow/tfjs-node installed');
  }
  const tf = await import('@tensorflow/tfjs');
  // PROD silences tfjs' console advice ("install tfjs-node") that would otherwise reach stderr.
  tf.env().set('PROD', true);
  if (prefer === 'cpu') {
    await tf.setBackend('cpu');
  } else {
    const wasm = await import('@tensorflow/tfjs-backend-wasm');
    const require = createRequire(import.meta.url);
    // The package's node entry sits next to its .wasm files; pointing there keeps loading offline.
    wasm.setWasmPaths(`${dirname(require.resolve('@tensorflow/tfjs-backend-wasm'))}/`);
    // One thread: XNNPACK's results then do not depend on how work is split, so a seed gives the same bits.
    wasm.setThreadsCount(1);
    if (!(await tf.setBackend('wasm')))
      throw new ChurnkitError('the TensorFlow.js WebAssembly backend failed to start');
  }
  await tf.ready();
  return { tf, backend: prefer === 'cpu' ? 'cpu' : 'wasm' };
}

/** tfjs-node is optional and downloads libtensorflow at install time, so it is looked up, never required. */
async function tryNative(): Promise<Tf | null> {
  const name = '@tensorflow/tfjs-node';
  try {
    const mod = (await import(name)) as Tf;
    await mod.setBackend('tensorflow');
    await mod.ready();
    return mod;
  } catch {
    return null;
  }
}
