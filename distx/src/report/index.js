/**
 * `churnkit report`: a backtest folder -> `index.html` (offline), `summary.md` and
 * `charts/<id>.png` in the output folder. Everything is rendered in memory first and written
 * last, each file atomically, so a failed run leaves the previous report as it was. It writes
 * only the files it owns: anything else in the folder (a backtest, the user's notes) stays.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { checkOutputDir, writeOutputDir } from '../util/index.js';
import { FEATURES, isOpportunityLabel } from '../features/index.js';
import { renderHtml, renderMarkdown } from './document.js';
import { featureEvidence, readBacktest, scoreBins, scorecardLabel, weightRows } from './inputs.js';
import { accountFacts, loadFrame, openHistory, textColumn } from '../data/index.js';
import { featureLabel } from '../catalogue/index.js';
import { loadScorecard } from '../scorecard/index.js';
import { loadModel, modelReasons } from '../learn/index.js';
import { ChurnkitError } from '../util/index.js';
import { accountsToCall, accountsToGrow, latestSnapshot, flaggedShare, leadTimeDefinition, leadTimes, median, poolingNotes, summaryParagraph, } from './story.js';
import { svgToPng, toSvg } from './render.js';
import { bandChart, decileChart, driftChart, foldChart, gainsChart, leadChart, prChart, reliabilityChart, rocChart, scoreDistributionChart, weightsChart, } from './specs.js';
export { populationStability, featureDrift } from './drift.js';
export { toSvg, svgToPng, vegaSpec } from './render.js';
export * from './specs.js';
export { poolingNotes, POOLING_GAP } from './story.js';
export { decidePromotion, weightChanges, diffMarkdown, cardDiffLines, } from './recalibrate.js';
/** The files a report writes: index.html, summary.md and charts/<id>.png (recognised without a marker). */
function reportFile(path) {
    return path === 'index.html' || path === 'summary.md' || /^charts\/[a-z0-9_-]+\.png$/.test(path);
}
function outputOptions(options) {
    return {
        command: 'report',
        force: Boolean(options.force),
        knownFiles: reportFile,
        inputs: [
            options.backtest,
            options.features,
            options.scorecard,
            options.previous,
            options.expansionModel,
            options.expansionBacktest,
        ],
    };
}
/** Everything the report says, from its inputs; buildReport draws and writes it, the web app serves it. */
export async function composeReport(options) {
    const progress = options.progress;
    progress?.start('reading the backtest');
    const metrics = await readBacktest(options.backtest);
    const skipped = [];
    let facts = null;
    if (options.data) {
        progress?.start(`reading accounts from ${options.data}`);
        const history = await openHistory(options.data);
        try {
            facts = await accountFacts(history);
        }
        finally {
            history.close();
        }
    }
    const frame = options.features ? await loadFrame(options.features) : null;
    let lastSnapshot = null;
    if (frame?.columns['account_id'] && frame.columns['as_of']) {
        lastSnapshot = new Map();
        const ids = textColumn(frame, 'account_id');
        const asOf = textColumn(frame, 'as_of');
        ids.forEach((id, i) => {
            const t = asOf[i];
            if (id === null || t === null || t === undefined)
                return;
            const prev = lastSnapshot.get(id);
            if (prev === undefined || t > prev)
                lastSnapshot.set(id, t);
        });
    }
    const churnDates = facts ? new Map([...facts].map(([id, f]) => [id, f.churned_at])) : null;
    const lead = await leadTimes(options.backtest, metrics, churnDates, lastSnapshot);
    const models = Object.keys(metrics.pooled);
    const leadRows = models.flatMap((model) => Array.from({ length: lead.horizon + 1 }, (_, days) => ({
        model,
        days,
        share: flaggedShare(lead.models[model], days) ?? 0,
    })));
    const charts = [
        rocChart(metrics),
        prChart(metrics),
        reliabilityChart(metrics),
        gainsChart(metrics),
        bandChart(metrics),
        leadChart(leadRows, models, lead.horizon),
    ];
    const bins = await scoreBins(options.backtest);
    if (bins.length)
        charts.push(scoreDistributionChart(bins));
    else
        skipped.push('score distribution: no scorecard in the backtest');
    charts.push(foldChart(metrics));
    if (options.scorecard) {
        const previous = options.previous ?? 'default';
        charts.push(weightsChart(await weightRows(previous, options.scorecard), {
            previous: scorecardLabel(previous),
            next: scorecardLabel(options.scorecard),
        }));
    }
    else
        skipped.push('weights old vs new: pass --scorecard FILE (and --previous FILE, default the shipped scorecard)');
    let drift = null;
    if (options.features) {
        progress?.start(`reading ${options.features}`);
        const evidence = await featureEvidence(options.features);
        drift = evidence.drift;
        // people read the catalogue's labels, not column names
        charts.push(decileChart(evidence.deciles.map((d) => ({ ...d, feature: featureLabel(d.feature) })), FEATURES.map((f) => featureLabel(f.name))), driftChart({
            ...evidence.drift,
            features: evidence.drift.features.map((f) => ({ ...f, feature: featureLabel(f.feature) })),
        }));
    }
    else
        skipped.push('churn by feature decile and drift: pass --features FILE');
    let calls = null;
    let grow = null;
    if (frame) {
        const cardPath = options.scorecard ?? 'default';
        const card = await loadScorecard(cardPath);
        const names = facts ? new Map([...facts].map(([id, f]) => [id, f.name])) : null;
        calls = { ...accountsToCall(card, frame, names), scorecard: scorecardLabel(cardPath) };
        if (options.expansionModel) {
            progress?.start(`predicting expansion with ${options.expansionModel}`);
            const model = await loadModel(options.expansionModel);
            if (!isOpportunityLabel(model.label))
                throw new ChurnkitError(`--expansion-model ${options.expansionModel}: it was trained on ${model.label}, not on an expansion label (train --label expanded_within_90d)`, 2);
            const snapshot = latestSnapshot(frame);
            const table = `${options.features} (latest snapshot)`;
            const why = modelReasons(model, snapshot.table, 3, table);
            grow = {
                ...accountsToGrow(card, snapshot, model.predictProba(snapshot.table, table), why.text, names),
                scorecard: scorecardLabel(cardPath),
                model: `${model.family} (${model.label})`,
            };
        }
    }
    else
        skipped.push('accounts to call this week: pass --features FILE (and --data DIR for names)');
    if (options.expansionModel && !frame)
        skipped.push('where to grow: pass --features FILE with --expansion-model');
    const expansion = options.expansionBacktest ? await readBacktest(options.expansionBacktest) : null;
    if (expansion && !isOpportunityLabel(expansion.params.label))
        throw new ChurnkitError(`--expansion-backtest ${options.expansionBacktest}: it was run on ${expansion.params.label}, not on an expansion label (backtest --label expanded_within_90d)`, 2);
    const text = {
        title: options.title ??
            (isOpportunityLabel(metrics.params.label)
                ? 'Expansion backtest: which accounts did we see growing?'
                : 'Churn backtest: which accounts did we see coming?'),
        notes: [...(options.notes ?? []), ...poolingNotes(metrics.pooled), ...skipped.map((s) => `Not drawn: ${s}.`)],
        summary: summaryParagraph(metrics, lead),
        calls,
        grow,
        expansion,
        leadMedian: Object.fromEntries(models.map((m) => [m, median(lead.models[m].leads)])),
        chartNotes: { lead_time: leadTimeDefinition(lead) },
    };
    return { metrics, charts, text, skipped, drift, lead };
}
/** The composed report as its offline HTML page (charts drawn in the page by the vega runtime). */
export function reportHtml(report) {
    return renderHtml(report.metrics, report.charts, report.text);
}
export async function buildReport(options) {
    const progress = options.progress;
    // Before any work: the folder must be new, empty or churnkit's, and no input.
    await checkOutputDir(options.out, outputOptions(options));
    const { metrics, charts, text, skipped, drift, lead } = await composeReport(options);
    const pngs = [];
    progress?.start('drawing the charts', charts.length);
    for (const [k, c] of charts.entries()) {
        pngs.push(svgToPng(await toSvg(c.spec)));
        progress?.tick(k + 1);
    }
    progress?.done();
    const html = await renderHtml(metrics, charts, text);
    const markdown = renderMarkdown(metrics, charts, text);
    progress?.start(`writing ${options.out}`);
    await writeOutputDir(options.out, outputOptions(options), async (tmp) => {
        await mkdir(join(tmp, 'charts'));
        for (const [k, c] of charts.entries())
            await writeFile(join(tmp, 'charts', `${c.id}.png`), pngs[k]);
        await writeFile(join(tmp, 'summary.md'), markdown);
        await writeFile(join(tmp, 'index.html'), html);
    });
    return {
        out: options.out,
        html: join(options.out, 'index.html'),
        markdown: join(options.out, 'summary.md'),
        charts: charts.map((c) => ({ id: c.id, title: c.title, png: join(options.out, 'charts', `${c.id}.png`) })),
        skipped,
        drift,
        metrics,
        lead,
        summary: text.summary,
    };
}
//# sourceMappingURL=index.js.map