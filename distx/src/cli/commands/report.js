import { join } from 'node:path';
import { defineCommand } from '../command.js';
import { buildReport } from '../../report/index.js';
/** The command's work, for commands that chain it (recalibrate, demo). */
export async function run(flags, io) {
    const r = await buildReport({ ...flags, progress: io.progress });
    io.say(`wrote ${r.html}, ${r.markdown} and ${r.charts.length} charts in ${join(r.out, 'charts')}`);
    for (const s of r.skipped)
        io.say(`not drawn: ${s}`);
    const shifted = (r.drift?.features ?? []).filter((f) => f.psi !== null && f.psi > 0.25).map((f) => f.feature);
    if (shifted.length)
        io.warn(`drift: ${shifted.join(', ')} moved more than PSI 0.25 since the quarter before`);
    return {
        ok: true,
        out: r.out,
        html: r.html,
        markdown: r.markdown,
        charts: r.charts,
        skipped: r.skipped,
        drift: r.drift,
    };
}
/** The demo's report: the backtest, the calibrated scorecard against the shipped one, drift. */
export const reportDemoStep = {
    name: 'report',
    title: 'drawing the backtest report',
    async run(ctx) {
        const features = ctx.results['features']?.out ??
            join(ctx.root, 'demo-features', 'features.parquet');
        const backtest = ctx.results['backtest']?.out ??
            join(ctx.root, '..', 'reports', 'demo', 'backtest');
        const scorecard = ctx.results['calibrate']?.out;
        const expansion = ctx.results['expansion'];
        const out = join(ctx.root, '..', 'reports', 'demo');
        const quiet = { ...ctx.io, say: () => { } };
        const data = ctx.data;
        const summary = (await run({
            backtest,
            out,
            features,
            ...(data ? { data } : {}),
            ...(scorecard ? { scorecard } : {}),
            ...(expansion ? { expansionModel: expansion.model, expansionBacktest: expansion.backtest } : {}),
        }, quiet));
        ctx.io.say(`report    ${summary.html} with ${summary.charts.length} charts (PNG in ${join(out, 'charts')}), summary ${summary.markdown}`);
        return summary;
    },
};
export function register(program) {
    defineCommand(program, 'report', 'render a backtest as HTML, Markdown and PNG charts', (cmd) => cmd
        .requiredOption('--backtest <dir>', 'backtest output folder (metrics.json, oof.parquet)')
        .requiredOption('--out <dir>', 'report folder (index.html, summary.md, charts/)')
        .option('--features <file>', 'the feature table: accounts to call this week, churn by feature decile, drift')
        .option('--data <dir>', 'the history: churn dates for lead time, account names for the accounts to call')
        .option('--scorecard <file>', 'a new scorecard to compare with --previous (weights chart)')
        .option('--previous <file>', 'the scorecard it replaces (default: the shipped one)')
        .option('--expansion-model <file>', 'a model trained on expanded_within_90d: "where to grow", the GREEN accounts likeliest to expand (with --features)')
        .option('--expansion-backtest <dir>', 'a backtest run with --label expanded_within_90d: how well expansion is predicted')
        .option('--title <text>', 'report title')
        .option('--force', 'write into a folder that holds files churnkit did not write (they are kept)'), run);
}
//# sourceMappingURL=report.js.map