import { UsageError } from '../../util/index.js';
/** Families whose margin is a dense network and so export exactly. */
export const EXPORTABLE_FAMILIES = ['logistic', 'mlp'];
/** The network from raw model inputs to the calibrated churn probability. */
export function portableNetwork(trained) {
    const margin = marginNetwork(trained);
    const layers = foldStandardization(margin, trained.preprocessing);
    return { inputs: [...trained.preprocessing.outputs], layers: appendCalibration(layers, trained.calibration) };
}
/** The family's margin (log-odds) as dense layers over the preprocessed inputs. */
function marginNetwork(trained) {
    const { model } = trained;
    const outputs = trained.preprocessing.outputs;
    const checkInputs = (names) => {
        if (names.length !== outputs.length || names.some((n, j) => n !== outputs[j])) {
            throw new UsageError(`model artifact: the ${model.family} inputs [${names.join(', ')}] differ from preprocessing.outputs [${outputs.join(', ')}]`);
        }
    };
    if (model.family === 'logistic') {
        const s = model.state();
        checkInputs(s.names);
        return [{ type: 'dense', kernel: s.coefficients.map((c) => [c]), bias: [s.intercept], activation: 'linear' }];
    }
    if (model.family === 'mlp') {
        const s = model.state();
        checkInputs(s.inputs);
        const last = s.layers.length - 1;
        return s.layers.map((l, k) => ({
            type: 'dense',
            kernel: l.kernel,
            bias: l.bias,
            activation: k === last ? 'linear' : s.activation,
        }));
    }
    throw new UsageError(`export --format tfjs supports ${EXPORTABLE_FAMILIES.join(' and ')} models, not ${model.family} (trees are not dense layers)`);
}
/**
 * (x - c) / s fed to W x + b equals (W / s) x + (b - sum_j W_j c_j / s_j): the exported
 * model takes the imputed inputs as they are. Computed in float64 before the float32 cast.
 */
function foldStandardization(layers, prep) {
    if (!prep.standardize)
        return layers;
    const { center, scale } = prep.standardize;
    const [first, ...rest] = layers;
    const kernel = first.kernel.map((row, j) => row.map((w) => w / scale[j]));
    const bias = first.bias.map((b, o) => {
        let shift = 0;
        first.kernel.forEach((row, j) => (shift += (row[o] * center[j]) / scale[j]));
        return b - shift;
    });
    return [{ ...first, kernel, bias }, ...rest];
}
/**
 * Margin to probability. none: sigmoid. Platt: sigmoid(a m + b), folded into the last layer.
 * Isotonic: y_0 + sum_k (y_k+1 - y_k) clip01((m - x_k) / (x_k+1 - x_k)), linear interpolation
 * with clipping exactly as churnkit applies it. Each ramp is 0 or 1 away from its own segment, so
 * float32 only matters for margins inside a segment, where the error is the segment's slope
 * times the margin's float32 rounding.
 */
function appendCalibration(layers, cal) {
    const head = layers.slice(0, -1);
    const last = layers[layers.length - 1];
    switch (cal.method) {
        case 'none':
            return [...head, { ...last, activation: 'sigmoid' }];
        case 'platt':
            return [
                ...head,
                {
                    type: 'dense',
                    kernel: last.kernel.map((r) => [r[0] * cal.a]),
                    bias: [last.bias[0] * cal.a + cal.b],
                    activation: 'sigmoid',
                },
            ];
        case 'isotonic': {
            const { x, y } = cal;
            const segments = x.length - 1;
            if (segments === 0) {
                // One point: a constant probability; keep the margin network so inputs still flow.
                return [...layers, { type: 'dense', kernel: [[0]], bias: [y[0]], activation: 'linear' }];
            }
            const slopeIn = [];
            const shift = [];
            const rise = [];
            for (let k = 0; k < segments; k++) {
                const dx = x[k + 1] - x[k];
                slopeIn.push(1 / dx);
                shift.push(-x[k] / dx);
                rise.push(y[k + 1] - y[k]);
            }
            return [
                ...layers,
                { type: 'dense', kernel: [slopeIn], bias: shift, activation: 'linear' },
                { type: 'clip01' },
                { type: 'dense', kernel: rise.map((r) => [r]), bias: [y[0]], activation: 'linear' },
            ];
        }
    }
}
//# sourceMappingURL=portable.js.map