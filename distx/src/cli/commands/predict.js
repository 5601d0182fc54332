import { defineCommand, intOption } from '../command.js';
import { loadFeatureTable } from '../../features/index.js';
import { applyCalibration, loadModel, modelReasons, predictionFormat, writePredictions, } from '../../learn/index.js';
import { probabilityForPeople, significant } from '../../catalogue/index.js';
import { assertNotAnInput, UsageError, groupDigits } from '../../util/index.js';
/** The most reasons a row can ask for: more than a handful is a list, not a reason. */
const MAX_REASONS = 10;
/**
 * `reason_<r>`, `reason_<r>_value`, `reason_<r>_text` for r = 1..K (docs/cli.md). Values are
 * numbers when every model column is numeric, else text; in CSV, numbers are rounded for people.
 */
function reasonColumns(model, reasons, csv) {
    const numeric = model.preprocessing.inputs.every((i) => i.kind === 'numeric');
    const number = (v) => (typeof v === 'number' ? (csv ? significant(v, 4) : v) : NaN);
    const text = (v) => (v === null || v === undefined ? null : String(v));
    const columns = [];
    for (let r = 0; r < reasons.k; r++) {
        const values = reasons.value[r];
        columns.push({ name: `reason_${r + 1}`, values: reasons.feature[r] }, { name: `reason_${r + 1}_value`, values: numeric ? Float64Array.from(values, number) : values.map(text) }, { name: `reason_${r + 1}_text`, values: reasons.text[r] });
    }
    return columns;
}
async function run(flags, io) {
    const format = predictionFormat(flags.out);
    const k = flags.reasons ?? 0;
    if (flags.reasons !== undefined && (k < 1 || k > MAX_REASONS))
        throw new UsageError(`--reasons must be 1..${MAX_REASONS}, got ${k}`);
    await assertNotAnInput(flags.out, { inputs: [flags.model, flags.features] });
    io.progress.start(`loading ${flags.model}`);
    const model = await loadModel(flags.model);
    io.progress.start(`reading ${flags.features}`);
    const frame = await loadFeatureTable(flags.features);
    io.progress.start(`predicting ${groupDigits(frame.n)} rows`);
    const margin = model.predictMargin(frame, flags.features);
    const probability = applyCalibration(model.calibration, margin);
    // CSV is read by people: rounded. Parquet keeps every digit.
    const shown = (values) => (format === 'csv' ? values.map(probabilityForPeople) : values);
    const columns = [
        { name: 'probability', values: shown(probability) },
        ...(flags.margin ? [{ name: 'margin', values: shown(margin) }] : []),
    ];
    if (k > 0) {
        io.progress.start(`explaining ${groupDigits(frame.n)} rows`);
        columns.push(...reasonColumns(model, modelReasons(model, frame, k, flags.features), format === 'csv'));
    }
    const written = await writePredictions(flags.out, frame, columns);
    let mean = 0;
    for (const p of probability)
        mean += p / frame.n;
    io.say(`wrote ${flags.out}: ${groupDigits(frame.n)} rows, mean probability ${frame.n ? mean.toFixed(4) : '-'} (${model.family}, calibration ${model.calibration.method})`);
    return {
        ok: true,
        out: flags.out,
        rows: frame.n,
        columns: written.columns,
        family: model.family,
        calibration: model.calibration.method,
        mean_probability: frame.n ? mean : null,
    };
}
export function register(program) {
    defineCommand(program, 'predict', 'predict churn probabilities with a model artifact', (cmd) => cmd
        .requiredOption('--model <file>', 'model artifact (.json)')
        .requiredOption('--features <file>', 'feature table')
        .requiredOption('--out <file>', 'predictions (.csv or .parquet)')
        .option('--margin', 'also write the uncalibrated log-odds as `margin`')
        .option('--reasons <k>', 'also write the K inputs that push each row’s risk up most: reason_1..K, reason_1_value.., reason_1_text..', intOption('--reasons')), run);
}
//# sourceMappingURL=predict.js.map