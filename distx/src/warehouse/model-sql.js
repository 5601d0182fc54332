/**
 * A logistic or mlp model as SQL: its inputs imputed as the pipeline imputes them, then the
 * portable dense network (standardization folded in, calibration appended; the same network the
 * TensorFlow.js export writes) as arithmetic, evaluated in float64 by the database.
 */
import { exportInputs, portableNetwork } from '../learn/export/index.js';
import { UsageError } from '../util/index.js';
export function modelSql(trained, column, text, num) {
    let net;
    try {
        net = portableNetwork(trained);
    }
    catch (err) {
        throw new UsageError(`export-sql: ${err.message.replace('export --format tfjs supports', 'the model in SQL supports')}`);
    }
    const q = (name) => `"${name.replace(/"/g, '""')}"`;
    const inputs = exportInputs(trained.preprocessing).map((r, j) => {
        const x = column(r.column);
        const sql = r.kind === 'value'
            ? `COALESCE(${x}, ${num(r.impute)})`
            : r.kind === 'missing'
                ? `(CASE WHEN ${x} IS NULL THEN ${num(1)} ELSE ${num(0)} END)`
                : `(CASE WHEN ${text(r.column)} = '${String(r.level).replace(/'/g, "''")}' THEN ${num(1)} ELSE ${num(0)} END)`;
        return { name: `m_in_${j}`, sql };
    });
    const steps = [inputs];
    let previous = inputs.map((i) => i.name);
    net.layers.forEach((layer, k) => {
        let outs;
        if (layer.type === 'clip01')
            outs = previous.map((p, o) => ({
                name: `m_${k}_${o}`,
                sql: `(CASE WHEN ${q(p)} < 0 THEN ${num(0)} WHEN ${q(p)} > 1 THEN ${num(1)} ELSE ${q(p)} END)`,
            }));
        else {
            outs = layer.bias.map((b, o) => {
                const z = `(${layer.kernel.map((row, j) => `${q(previous[j])} * ${num(row[o])}`).join(' + ')} + ${num(b)})`;
                // the exponent is clamped: PostgreSQL refuses exp() results that overflow or underflow
                const clamped = `(CASE WHEN ${z} > 700 THEN ${num(700)} WHEN ${z} < -700 THEN ${num(-700)} ELSE ${z} END)`;
                // tanh is +-1 in float64 beyond |z| = 20
                const tanhClamped = `(CASE WHEN ${z} > 20 THEN ${num(20)} WHEN ${z} < -20 THEN ${num(-20)} ELSE ${z} END)`;
                const sql = layer.activation === 'linear'
                    ? z
                    : layer.activation === 'relu'
                        ? `(CASE WHEN ${z} > 0 THEN ${z} ELSE ${num(0)} END)`
                        : layer.activation === 'tanh'
                            ? `((EXP(2 * ${tanhClamped}) - 1) / (EXP(2 * ${tanhClamped}) + 1))`
                            : `(${num(1)} / (${num(1)} + EXP(-${clamped})))`;
                return { name: `m_${k}_${o}`, sql };
            });
        }
        steps.push(outs);
        previous = outs.map((o) => o.name);
    });
    if (previous.length !== 1)
        throw new UsageError(`export-sql: the model network ends in ${previous.length} outputs, not one probability`);
    return { steps, output: previous[0] };
}
//# sourceMappingURL=model-sql.js.map