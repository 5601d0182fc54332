import { join } from 'node:path';
import { defineCommand, intOption, listOption } from '../command.js';
import { assertNoneAnInput, UsageError } from '../../util/index.js';
import { LABEL_COLUMN, loadFeatureTable } from '../../features/index.js';
import { loadModel } from '../../learn/index.js';
import { loadScorecard, resolveScorecardRef } from '../../scorecard/index.js';
import { calibrateScorecard, DEFAULT_SEGMENT_POOLING } from '../../scorecard/calibrate/index.js';
import { fidelityMarkdown, overridesMarkdown } from '../../scorecard/calibrate/index.js';
import { reportPaths, serializeScorecard, writeFilesTogether } from '../../scorecard/index.js';
/** The command's work, for commands that chain it (recalibrate, demo). */
export async function run(flags, io) {
    if (!flags.out.toLowerCase().endsWith('.json'))
        throw new UsageError(`--out ${flags.out}: the scorecard is a .json file`);
    const holdout = Number(flags.holdout);
    if (!(holdout > 0 && holdout < 1))
        throw new UsageError(`--holdout must be a fraction between 0 and 1, got "${flags.holdout}"`);
    const label = flags.label ?? LABEL_COLUMN;
    // Like train: the horizon is read from the label's name (churned_within_90d -> 90) unless given.
    const horizon = flags.horizon ?? Number(/_(\d+)d$/.exec(label)?.[1] ?? 90);
    if (horizon < 1)
        throw new UsageError(`--horizon must be a positive number of days, got ${horizon}`);
    if (flags.columns && flags.base !== 'default')
        throw new UsageError('--columns builds the card from your columns; --base gives a structure to refit: use one');
    if (flags.bootstrap < 0)
        throw new UsageError(`--bootstrap must be 0 or more, got ${flags.bootstrap}`);
    if (flags.embedModel && !flags.model)
        throw new UsageError('--embed-model needs --model');
    if (flags.by !== undefined && flags.by !== 'segment')
        throw new UsageError(`--by: only "segment" is supported (weights per segment), got "${flags.by}"`);
    if (flags.pooling !== undefined && flags.by === undefined)
        throw new UsageError('--pooling needs --by segment');
    const pooling = flags.pooling === undefined ? undefined : Number(flags.pooling);
    if (pooling !== undefined && !(pooling >= 0 && Number.isFinite(pooling)))
        throw new UsageError(`--pooling must be a number of churners, 0 or more, got "${flags.pooling}"`);
    const paths = reportPaths(flags.out);
    await assertNoneAnInput([flags.out, ...Object.values(paths)], {
        inputs: [
            flags.features,
            flags.model,
            resolveScorecardRef(flags.base),
            flags.reference === undefined ? undefined : resolveScorecardRef(flags.reference),
        ],
    });
    const base = await loadScorecard(flags.base);
    // On a table of one's own the default card cannot be scored: the reference is equal weights.
    const reference = flags.columns && flags.reference === undefined ? undefined : await loadScorecard(flags.reference ?? 'default');
    const model = flags.model ? await loadModel(flags.model) : undefined;
    io.progress.start(`reading ${flags.features}`);
    const frame = await loadFeatureTable(flags.features);
    const result = calibrateScorecard(frame, {
        base,
        model,
        embedModel: Boolean(flags.embedModel),
        horizon,
        label,
        ...(reference ? { reference } : {}),
        ...(flags.columns ? { columns: flags.columns } : {}),
        ...(flags.timeColumn ? { timeColumn: flags.timeColumn } : {}),
        ...(flags.idColumn ? { idColumn: flags.idColumn } : {}),
        holdout,
        seed: flags.seed,
        bootstrap: flags.bootstrap,
        ...(flags.by === 'segment' ? { bySegment: true } : {}),
        ...(pooling !== undefined ? { pooling } : {}),
        table: flags.features,
        progress: io.progress,
    });
    await writeFilesTogether([
        { path: paths.fidelityJson, data: `${JSON.stringify(result.fidelity, null, 2)}\n` },
        { path: paths.fidelityMarkdown, data: fidelityMarkdown(result.fidelity) },
        { path: paths.overridesJson, data: `${JSON.stringify(result.overrides, null, 2)}\n` },
        { path: paths.overridesMarkdown, data: overridesMarkdown(result.overrides) },
        { path: flags.out, data: serializeScorecard(result.card) },
    ]);
    for (const w of result.warnings)
        io.warn(w);
    const { auc, rank_correlation: rho } = result.fidelity;
    io.say(`wrote ${flags.out} (${result.card.layers.map((l) => `${l.name} ${(100 * l.weight).toFixed(1)}%`).join(', ')})`);
    io.say(`later slice AUC: calibrated ${auc.calibrated.toFixed(3)}, ${result.fidelity.reference} ${auc.default.toFixed(3)}${auc.model !== null ? `, model ${auc.model.toFixed(3)} (Spearman vs calibrated ${rho.calibrated_vs_model?.toFixed(3)})` : ''}`);
    io.say(`bands: GREEN >= ${result.card.bands.green}, YELLOW >= ${result.card.bands.yellow}${result.card.bands.segments ? ` (own thresholds: ${Object.keys(result.card.bands.segments).join(', ')})` : ''}`);
    const sw = result.fidelity.segment_weights;
    if (sw) {
        io.say(`weights per segment (pooling k = ${sw.pooling}): ${sw.segments.map((g) => `${g.segment} ${g.fit_churners} churners, ${(100 * g.own_share).toFixed(0)}% own`).join('; ')}`);
        io.say(`later slice AUC: per-segment weights ${sw.auc.by_segment.toFixed(3)}, global weights ${sw.auc.global.toFixed(3)}: ${sw.winner === 'tie' ? 'a tie' : sw.winner === 'by_segment' ? 'per-segment wins' : 'global wins'}`);
    }
    io.say(`reports: ${paths.fidelityMarkdown}, ${paths.overridesMarkdown}`);
    return {
        ok: true,
        out: flags.out,
        reports: paths,
        target: result.fidelity.target,
        slices: result.fidelity.slices,
        auc,
        rank_correlation: rho,
        layers: result.card.layers.map((l) => ({ name: l.name, weight: l.weight, ci90: l.weight_ci90 ?? null })),
        bands: result.card.bands,
        ...(sw ? { segment_weights: sw } : {}),
        warnings: result.warnings,
    };
}
/**
 * The demo's calibration: the demo feature table (and the demo model when a train step ran) to
 * `models/demo/scorecard.json` with its reports. The path is in the step's summary (`out`).
 */
export const calibrateDemoStep = {
    name: 'calibrate',
    title: 'calibrating the health scorecard to observed churn',
    async run(ctx) {
        const features = ctx.results['features']?.out ??
            join(ctx.root, 'demo-features', 'features.parquet');
        const model = ctx.results['train']?.out;
        const out = join(ctx.root, '..', 'models', 'demo', 'scorecard.json');
        const quiet = { ...ctx.io, say: () => { } };
        const summary = (await run({
            features,
            ...(model ? { model } : {}),
            base: 'default',
            out,
            horizon: 90,
            holdout: '0.3',
            seed: 0,
            bootstrap: 200,
        }, quiet));
        const { auc } = summary;
        ctx.io.say(`calibrate ${summary.layers.map((l) => `${l.name} ${(100 * l.weight).toFixed(0)}%`).join(', ')}; later-slice AUC ${auc.calibrated.toFixed(3)} ` +
            `(default scorecard ${auc.default.toFixed(3)}${auc.model !== null ? `, model ${auc.model.toFixed(3)}` : ''}) -> ${out} (reports: ${summary.reports.fidelityMarkdown}, ${summary.reports.overridesMarkdown})`);
        return summary;
    },
};
export function register(program) {
    defineCommand(program, 'calibrate', 'fit scorecard points, weights and bands to observed churn', (cmd) => cmd
        .requiredOption('--features <file>', 'feature table')
        .option('--model <file>', 'model artifact to distil')
        .option('--embed-model', 'keep the model artifact inside the scorecard')
        .option('--base <file>', 'scorecard whose structure (layers, signals, overrides) is fitted (.json, default or preset:NAME)', 'default')
        .requiredOption('--out <file>', 'scorecard artifact (.json); reports are written beside it')
        .option('--horizon <days>', 'label horizon: the gap between the fit slice and the later slice (default: from the label name, e.g. 90)', intOption('--horizon'))
        .option('--label <col>', 'label column (0/1; NULL = censored)', LABEL_COLUMN)
        .option('--columns <list>', 'your own signal columns (numbers or booleans): the card is one layer of them, directions from the data', listOption)
        .option('--time-column <col>', 'column dating each row, YYYY-MM-DD (default as_of)')
        .option('--id-column <col>', 'column identifying the account (default account_id)')
        .option('--holdout <fraction>', 'share of labeled rows in the later slice', '0.3')
        .option('--seed <n>', 'bootstrap seed', intOption('--seed'), 0)
        .option('--bootstrap <n>', 'bootstrap resamples for weight intervals (0 = none)', intOption('--bootstrap'), 200)
        .option('--by <what>', '"segment": layer and signal weights of their own per segment, pooled toward the global ones')
        .option('--pooling <k>', `with --by segment: a segment's own fit counts churners / (churners + k) (default ${DEFAULT_SEGMENT_POOLING})`), run);
}
//# sourceMappingURL=calibrate.js.map