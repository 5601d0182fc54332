/**
 * `churnkit export --format tfjs`: a TensorFlow.js LayersModel folder (`model.json` and
 * `weights.bin`) whose output is churnkit's calibrated churn probability for the model's raw
 * inputs. Missing values are the caller's one job: NaN cannot be replaced inside a plain
 * LayersModel, so `model.json`'s userDefinedMetadata.churnkit lists, per input, which column it
 * reads, how (value, missing flag or one-hot level) and the value that stands in for NULL.
 */
import { join } from 'node:path';
import { writeFile } from 'node:fs/promises';
import { loadTf } from '../mlp/backend.js';
import { portableNetwork } from './portable.js';
import { writeOutputDir } from '../../util/index.js';
import { VERSION } from '../../util/index.js';
export const TFJS_MODEL_FILE = 'model.json';
export const TFJS_WEIGHTS_FILE = 'weights.bin';
/** The recipe for each model input, from the pipeline's preprocessing (see src/learn/preprocess.ts). */
export function exportInputs(prep) {
    const recipe = [];
    const indicators = new Set(prep.missing_indicators ?? []);
    for (const input of prep.inputs) {
        if (input.kind === 'categorical') {
            for (const level of input.levels.slice(1))
                recipe.push({ name: `${input.name}=${level}`, column: input.name, kind: 'level', level });
            continue;
        }
        recipe.push({ name: input.name, column: input.name, kind: 'value', impute: NaN });
        if (indicators.has(input.name))
            recipe.push({ name: `${input.name}:missing`, column: input.name, kind: 'missing' });
    }
    if (recipe.length !== prep.outputs.length || recipe.some((r, j) => r.name !== prep.outputs[j])) {
        throw new Error(`export: preprocessing.outputs [${prep.outputs.join(', ')}] do not follow from preprocessing.inputs`);
    }
    recipe.forEach((r, j) => {
        if (r.kind === 'value')
            r.impute = prep.impute?.[j] ?? 0;
    });
    return recipe;
}
export function exportMetadata(trained) {
    return {
        kind: 'churnkit.tfjs',
        version: 1,
        family: trained.family,
        output: 'probability',
        calibration: trained.calibration.method,
        inputs: exportInputs(trained.preprocessing),
        features: [...trained.features],
        provenance: trained.provenance,
    };
}
/** The portable network as a tf.Sequential with fixed layer names (same artifact, same bytes). */
export function buildLayersModel(tf, net) {
    const model = tf.sequential({ name: 'churnkit' });
    let width = net.inputs.length;
    net.layers.forEach((layer, k) => {
        const name = `${layer.type}_${k + 1}`;
        const first = k === 0 ? { inputShape: [width] } : {};
        if (layer.type === 'clip01') {
            model.add(tf.layers.reLU({ maxValue: 1, name, ...first }));
            return;
        }
        const units = layer.bias.length;
        const dense = tf.layers.dense({
            units,
            activation: layer.activation,
            name,
            kernelInitializer: 'zeros',
            biasInitializer: 'zeros',
            ...first,
        });
        model.add(dense);
        tf.tidy(() => dense.setWeights([tf.tensor2d(layer.kernel, [width, units], 'float32'), tf.tensor1d(layer.bias, 'float32')]));
        width = units;
    });
    return model;
}
/**
 * Writes `model.json` + `weights.bin` for a loaded model (see loadModel) into `outDir`,
 * atomically; `check` sees the finished folder before it is moved into place and can veto it.
 */
export async function exportTfjs(trained, outDir, check, guard = {}) {
    const net = portableNetwork(trained);
    const metadata = exportMetadata(trained);
    const { tf } = await loadTf();
    const model = buildLayersModel(tf, net);
    try {
        let saved = null;
        await model.save(tf.io.withSaveHandler(async (a) => {
            saved = a;
            return { modelArtifactsInfo: { dateSaved: new Date(0), modelTopologyType: 'JSON' } };
        }));
        const a = saved;
        const weights = new Uint8Array(tf.io.CompositeArrayBuffer.join(a.weightData));
        const modelJson = {
            format: a.format,
            generatedBy: a.generatedBy,
            convertedBy: `churnkit ${VERSION}`,
            modelTopology: a.modelTopology,
            weightsManifest: [{ paths: [TFJS_WEIGHTS_FILE], weights: a.weightSpecs }],
            userDefinedMetadata: { churnkit: metadata },
        };
        const own = (p) => p === TFJS_MODEL_FILE || p === TFJS_WEIGHTS_FILE;
        await writeOutputDir(outDir, { ...guard, command: 'export', knownFiles: own }, async (tmp) => {
            await writeFile(join(tmp, TFJS_MODEL_FILE), `${JSON.stringify(modelJson, null, 1)}\n`);
            await writeFile(join(tmp, TFJS_WEIGHTS_FILE), weights);
            if (check)
                await check(tmp);
        });
        return {
            out: outDir,
            files: [TFJS_MODEL_FILE, TFJS_WEIGHTS_FILE],
            family: trained.family,
            calibration: trained.calibration.method,
            inputs: net.inputs.length,
            layers: net.layers.length,
            parameters: model.countParams(),
        };
    }
    finally {
        model.dispose();
    }
}
//# sourceMappingURL=tfjs.js.map