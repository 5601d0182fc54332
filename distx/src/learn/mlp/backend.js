/**
 * Loads TensorFlow.js once per process on the fastest backend that works offline:
 * `@tensorflow/tfjs-node` (native libtensorflow) when a user has installed it, otherwise
 * `@tensorflow/tfjs` on the WebAssembly backend, whose .wasm binaries are read from
 * node_modules (never fetched). `CHURNKIT_TF_BACKEND=wasm|cpu|tensorflow` forces a choice,
 * which the benchmark uses to compare backends.
 */
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import { ChurnkitError } from '../../util/index.js';
let loading = null;
/** The process-wide TensorFlow.js instance; the first call decides the backend. */
export function loadTf(prefer = envBackend()) {
    loading ??= init(prefer);
    return loading;
}
function envBackend() {
    const v = process.env['CHURNKIT_TF_BACKEND'];
    if (v === undefined || v === '')
        return undefined;
    if (v === 'wasm' || v === 'cpu' || v === 'tensorflow')
        return v;
    throw new ChurnkitError(`CHURNKIT_TF_BACKEND must be wasm, cpu or tensorflow, got "${v}"`, 64);
}
async function init(prefer) {
    if (prefer === undefined || prefer === 'tensorflow') {
        const native = await tryNative();
        if (native)
            return { tf: native, backend: 'tensorflow' };
        if (prefer === 'tensorflow')
            throw new ChurnkitError('CHURNKIT_TF_BACKEND=tensorflow needs @tensorflow/tfjs-node installed');
    }
    const tf = await optional(() => import('@tensorflow/tfjs'));
    // PROD silences tfjs' console advice ("install tfjs-node") that would otherwise reach stderr.
    tf.env().set('PROD', true);
    if (prefer === 'cpu') {
        await tf.setBackend('cpu');
    }
    else {
        const wasm = await optional(() => import('@tensorflow/tfjs-backend-wasm'));
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
/** What to install for the mlp family: TensorFlow.js is an optional dependency (a lean install scores without it). */
export const TFJS_INSTALL = 'npm install @tensorflow/tfjs@^4.22.0 @tensorflow/tfjs-backend-wasm@^4.22.0';
/**
 * Imports a TensorFlow.js package, which `npm install --omit=optional` leaves out: then a
 * ChurnkitError that says what needs it and how to install it, instead of a module-resolution trace.
 */
async function optional(load) {
    try {
        return await load();
    }
    catch (err) {
        if (err instanceof Error &&
            'code' in err &&
            err.code === 'ERR_MODULE_NOT_FOUND' &&
            /@tensorflow\//.test(err.message)) {
            loading = null;
            throw new ChurnkitError(`the mlp family (and export --format tfjs) needs TensorFlow.js, which is not installed (an optional dependency, left out of a lean install): ${TFJS_INSTALL}`, 69);
        }
        throw err;
    }
}
/** tfjs-node is optional and downloads libtensorflow at install time, so it is looked up, never required. */
async function tryNative() {
    const name = '@tensorflow/tfjs-node';
    try {
        const mod = (await import(name));
        await mod.setBackend('tensorflow');
        await mod.ready();
        return mod;
    }
    catch {
        return null;
    }
}
//# sourceMappingURL=backend.js.map