import { defineCommand } from '../command.js';
import { loadFeatureTable } from '../../features/index.js';
import { loadModel } from '../../learn/index.js';
import { exportTfjs, verifyTfjsExport } from '../../learn/export/index.js';
import { checkOutputDir, ChurnkitError, UsageError, groupDigits } from '../../util/index.js';
async function run(flags, io) {
    if (flags.format !== 'tfjs')
        throw new UsageError(`--format ${flags.format} is not supported (available: tfjs)`);
    const output = { command: 'export', force: Boolean(flags.force), inputs: [flags.model, flags.verify] };
    await checkOutputDir(flags.out, output);
    io.progress.start(`loading ${flags.model}`);
    const trained = await loadModel(flags.model);
    const frame = flags.verify ? await loadFeatureTable(flags.verify) : null;
    let verified = null;
    io.progress.start(`exporting ${trained.family} to TensorFlow.js`);
    // The check runs on the finished folder before it replaces --out, so a failed check writes nothing.
    const summary = await exportTfjs(trained, flags.out, async (dir) => {
        if (!frame)
            return;
        io.progress.start(`checking against churnkit on ${flags.verify}`);
        verified = await verifyTfjsExport(dir, trained, frame, flags.verify);
        if (verified.rows_over_1e6 > 0) {
            const why = trained.calibration.method === 'isotonic' ? ' (near isotonic steps steeper than float32 can follow)' : '';
            throw new ChurnkitError(`the export differs from churnkit's probabilities by more than 1e-6 on ${verified.rows_over_1e6} of ${verified.rows} rows (largest ${verified.max_abs_diff.toExponential(2)})${why}; nothing written`);
        }
    }, output);
    io.say(`wrote ${flags.out}: ${summary.files.join(' + ')} (${trained.family}, ${summary.inputs} inputs, ${summary.parameters} weights, calibration ${summary.calibration})`);
    const v = verified;
    if (v)
        io.say(`checked ${groupDigits(v.rows)} rows of ${flags.verify}: largest probability difference ${v.max_abs_diff.toExponential(2)}`);
    return { ok: true, ...summary, ...(v ? { verify: v } : {}) };
}
export function register(program) {
    defineCommand(program, 'export', 'export a model to another format (tfjs: a TensorFlow.js LayersModel)', (cmd) => cmd
        .requiredOption('--model <file>', 'model artifact (.json)')
        .requiredOption('--format <name>', 'tfjs')
        .requiredOption('--out <dir>', 'output folder (model.json + weights.bin)')
        .option('--verify <features>', 'reload the export and compare its probabilities with churnkit on this feature table')
        .option('--force', 'write into a folder that holds files churnkit did not write (they are kept)'), run);
}
//# sourceMappingURL=export.js.map