import { Rng } from '../../util/index.js';
import { silentProgress } from '../../util/index.js';
/** Improvement in validation log loss smaller than this does not reset the patience count. */
const MIN_DELTA = 1e-4;
export function trainNetwork(tf, train, config, validation, progress = silentProgress) {
    const sizes = [train.d, ...config.hidden, 1];
    const init = initialWeights(sizes, config, train);
    // tidy frees the initial-value tensors; the variables (which tidy never disposes) keep copies.
    const vars = init.map((l, k) => tf.tidy(() => ({
        kernel: tf.variable(tf.tensor2d(l.kernel, [sizes[k], sizes[k + 1]]), true),
        bias: tf.variable(tf.tensor1d(l.bias), true),
    })));
    const varList = vars.flatMap((v) => [v.kernel, v.bias]);
    const optimizer = tf.train.adam(config.learningRate);
    const shuffleRng = Rng.derive(config.seed, 'mlp:shuffle');
    const dropoutRng = Rng.derive(config.seed, 'mlp:dropout');
    const act = (t) => (config.activation === 'relu' ? tf.relu(t) : tf.tanh(t));
    const dense = denseOp(tf);
    const logits = (x, masks) => {
        let h = x;
        vars.forEach((v, k) => {
            h = dense(h, v.kernel, v.bias);
            if (k < vars.length - 1) {
                h = act(h);
                if (masks)
                    h = tf.mul(h, masks[k]);
            }
        });
        return tf.reshape(h, [-1]);
    };
    // Log loss from logits without overflow: max(z, 0) - z*y + log(1 + exp(-|z|)).
    const rowLoss = (z, y) => tf.add(tf.sub(tf.relu(z), tf.mul(z, y)), tf.log1p(tf.exp(tf.neg(tf.abs(z)))));
    const validationLoss = (() => {
        let wsum = 0;
        for (const v of validation?.weight ?? [])
            wsum += v;
        // Without held-out weight there is nothing to stop on: train the full budget.
        if (!validation || !(wsum > 0))
            return null;
        const x = tf.tensor2d(validation.rows, [validation.n, validation.d]);
        const y = tf.tensor1d(validation.y);
        const w = tf.tensor1d(validation.weight);
        return {
            compute: () => tf.tidy(() => tf.div(tf.sum(tf.mul(rowLoss(logits(x, null), y), w)), wsum).dataSync()[0]),
            dispose: () => tf.dispose([x, y, w]),
        };
    })();
    const order = Array.from({ length: train.n }, (_, i) => i);
    const bs = Math.max(1, Math.min(config.batchSize, train.n));
    const xBuf = new Float32Array(bs * train.d);
    const yBuf = new Float32Array(bs);
    const wBuf = new Float32Array(bs);
    const history = [];
    let best = { loss: Infinity, epoch: 0, weights: snapshot(vars) };
    let sinceBest = 0;
    let stoppedEarly = false;
    progress.start('training mlp', config.maxEpochs);
    try {
        for (let epoch = 1; epoch <= config.maxEpochs; epoch++) {
            shuffleRng.shuffle(order);
            let lossSum = 0;
            for (let start = 0; start < train.n; start += bs) {
                const b = Math.min(bs, train.n - start);
                for (let r = 0; r < b; r++) {
                    const i = order[start + r];
                    xBuf.set(train.rows.subarray(i * train.d, (i + 1) * train.d), r * train.d);
                    yBuf[r] = train.y[i];
                    wBuf[r] = train.weight[i];
                }
                const cost = tf.tidy(() => {
                    const x = tf.tensor2d(xBuf.subarray(0, b * train.d), [b, train.d]);
                    const y = tf.tensor1d(yBuf.subarray(0, b));
                    const w = tf.tensor1d(wBuf.subarray(0, b));
                    const masks = config.dropout > 0
                        ? config.hidden.map((h) => tf.tensor2d(dropoutMask(dropoutRng, b * h, config.dropout), [b, h]))
                        : null;
                    const c = optimizer.minimize(() => {
                        const data = tf.div(tf.sum(tf.mul(rowLoss(logits(x, masks), y), w)), b);
                        if (config.l2 <= 0)
                            return data;
                        const penalty = tf.addN(vars.map((v) => tf.sum(tf.square(v.kernel))));
                        return tf.add(data, tf.mul(penalty, config.l2));
                    }, true, varList);
                    return c;
                });
                lossSum += cost.dataSync()[0] * b;
                cost.dispose();
            }
            const record = { epoch, loss: lossSum / train.n };
            if (validationLoss) {
                const vl = validationLoss.compute();
                record.validation_loss = vl;
                if (vl < best.loss - MIN_DELTA) {
                    best = { loss: vl, epoch, weights: snapshot(vars) };
                    sinceBest = 0;
                }
                else if (++sinceBest >= config.patience) {
                    history.push(record);
                    stoppedEarly = true;
                    break;
                }
            }
            history.push(record);
            progress.tick(epoch);
        }
        const layers = validationLoss ? best.weights : snapshot(vars);
        return { layers, history, bestEpoch: validationLoss ? best.epoch : history.length, stoppedEarly };
    }
    finally {
        validationLoss?.dispose();
        optimizer.dispose();
        tf.dispose(varList);
    }
}
/**
 * x W + b with a hand-written gradient. tf.matMul's own gradient multiplies with transposed
 * operands (transposeA/transposeB), which the WebAssembly backend runs on a slow path, about 8x
 * slower than transposing explicitly and multiplying plainly; the bias gradient as ones · dy
 * likewise avoids a column sum that tfjs runs as transpose + reduce. Together they were most of
 * a training step's time.
 */
function denseOp(tf) {
    const op = tf.customGrad((...args) => {
        const [x, w, b, save] = args;
        save([x, w]);
        return {
            value: tf.add(tf.matMul(x, w), b),
            gradFunc: (dy, saved) => {
                const [xs, ws] = saved;
                const ones = tf.ones([1, dy.shape[0]]);
                return [
                    tf.matMul(dy, tf.transpose(ws)),
                    tf.matMul(tf.transpose(xs), dy),
                    tf.reshape(tf.matMul(ones, dy), [dy.shape[1]]),
                ];
            },
        };
    });
    return (x, w, b) => op(x, w, b);
}
/**
 * Inverted-dropout mask from 16-bit draws, two per 32-bit Rng output: mask generation was the
 * single largest cost of a training step with one 53-bit draw per unit. The rate is rounded to
 * a multiple of 1/65536 and the kept units are scaled by the exact inverse keep rate.
 */
function dropoutMask(rng, size, rate) {
    const threshold = Math.round(rate * 65536);
    const keep = 65536 / (65536 - threshold);
    const m = new Float32Array(size);
    for (let k = 0; k < size; k += 2) {
        const u = rng.nextU32();
        m[k] = (u & 0xffff) < threshold ? 0 : keep;
        if (k + 1 < size)
            m[k + 1] = u >>> 16 < threshold ? 0 : keep;
    }
    return m;
}
/** The current weights as plain nested arrays (Keras kernel layout). */
function snapshot(vars) {
    return vars.map((v) => {
        const [rows, cols] = v.kernel.shape;
        const flat = v.kernel.dataSync();
        const kernel = Array.from({ length: rows }, (_, i) => Array.from(flat.subarray(i * cols, (i + 1) * cols)));
        return { kernel, bias: Array.from(v.bias.dataSync()) };
    });
}
/**
 * He-uniform kernels for relu layers (Glorot-uniform for tanh and the output), zero biases,
 * and the output bias at the weighted base rate's log-odds so training starts calibrated.
 */
function initialWeights(sizes, config, train) {
    const rng = Rng.derive(config.seed, 'mlp:init');
    const layers = [];
    for (let k = 0; k + 1 < sizes.length; k++) {
        const fanIn = sizes[k];
        const fanOut = sizes[k + 1];
        const isOutput = k + 2 === sizes.length;
        const limit = !isOutput && config.activation === 'relu' ? Math.sqrt(6 / fanIn) : Math.sqrt(6 / (fanIn + fanOut));
        const kernel = Array.from({ length: fanIn }, () => Array.from({ length: fanOut }, () => Math.fround(rng.uniform(-limit, limit))));
        layers.push({ kernel, bias: new Array(fanOut).fill(0) });
    }
    let pos = 0;
    let tot = 0;
    for (let i = 0; i < train.n; i++) {
        pos += train.y[i] * train.weight[i];
        tot += train.weight[i];
    }
    const rate = Math.min(1 - 1e-6, Math.max(1e-6, tot > 0 ? pos / tot : 0.5));
    layers[layers.length - 1].bias[0] = Math.fround(Math.log(rate / (1 - rate)));
    return layers;
}
//# sourceMappingURL=train.js.map