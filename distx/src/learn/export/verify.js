/**
 * Reads an exported TensorFlow.js folder back the way a consumer would (plain
 * tf.loadLayersModel and the metadata's input recipe) and measures how far its probabilities
 * are from churnkit's on a feature table: the check behind `export --verify`.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { loadTf } from '../mlp/backend.js';
import { TFJS_MODEL_FILE, TFJS_WEIGHTS_FILE } from './tfjs.js';
import { ChurnkitError } from '../../util/index.js';
/** An IOHandler over the two files, for runtimes without file:// (tfjs without tfjs-node). */
export async function tfjsFolderHandler(tf, dir) {
    const json = JSON.parse(await readFile(join(dir, TFJS_MODEL_FILE), 'utf8'));
    const bin = await readFile(join(dir, TFJS_WEIGHTS_FILE));
    return tf.io.fromMemory({
        modelTopology: json.modelTopology,
        weightSpecs: json.weightsManifest.flatMap((g) => g.weights),
        weightData: bin.buffer.slice(bin.byteOffset, bin.byteOffset + bin.byteLength),
        ...(json.userDefinedMetadata ? { userDefinedMetadata: json.userDefinedMetadata } : {}),
    });
}
/** Row-major model inputs for a frame, following the metadata recipe (what a consumer writes). */
export function exportedInputs(inputs, frame) {
    const d = inputs.length;
    const out = new Float32Array(frame.n * d);
    inputs.forEach((spec, j) => {
        const col = frame.columns[spec.column];
        if (col === undefined)
            throw new ChurnkitError(`column ${spec.column} is not in the table (the exported model reads it)`, 2);
        for (let i = 0; i < frame.n; i++) {
            const v = col[i];
            const missing = v === null || v === undefined || (typeof v === 'number' && Number.isNaN(v));
            let x;
            if (spec.kind === 'missing')
                x = missing ? 1 : 0;
            else if (spec.kind === 'level')
                x = !missing && String(v) === spec.level ? 1 : 0;
            else
                x = missing ? spec.impute : Number(v);
            out[i * d + j] = x;
        }
    });
    return out;
}
export async function verifyTfjsExport(dir, trained, frame, table) {
    const { tf } = await loadTf();
    const model = await tf.loadLayersModel(await tfjsFolderHandler(tf, dir));
    try {
        const meta = model.getUserDefinedMetadata()?.churnkit;
        if (!meta)
            throw new ChurnkitError(`${dir}: model.json has no churnkit metadata`, 2);
        const x = exportedInputs(meta.inputs, frame);
        const got = tf.tidy(() => model.predict(tf.tensor2d(x, [frame.n, meta.inputs.length])).dataSync());
        const want = trained.predictProba(frame, table);
        let max = 0;
        let over = 0;
        for (let i = 0; i < frame.n; i++) {
            const d = Math.abs(got[i] - want[i]);
            if (!(d <= max))
                max = d;
            if (!(d <= 1e-6))
                over++;
        }
        return { rows: frame.n, max_abs_diff: max, rows_over_1e6: over };
    }
    finally {
        model.dispose();
    }
}
//# sourceMappingURL=verify.js.map