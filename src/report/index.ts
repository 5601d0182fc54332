/**
 * `churnkit report`: a backtest folder -> `index.html` (offline), `summary.md` and
 * `charts/<id>.png` in the output folder. Everything is rendered in memory first and written
 * last, each file atomically, so a failed run leaves the previous report as it was.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { withAtomicDir, writeFileAtomic } from '../util/index.js';
import type { Progress } from '../util/index.js';
import type { BacktestMetrics } from '../evaluate/index.js';
import { FEATURES } from '../features/index.js';
import { renderHtml, renderMarkdown, type ReportText } from './document.js';
import { featureEvidence, readBacktest, scoreBins, scorecardLabel, weightRows } from './inputs.js';
import { svgToPng, toSvg } from './render.js';
import {
  bandChart,
  decileChart,
  driftChart,
  foldChart,
  gainsChart,
  prChart,
  reliabilityChart,
  rocChart,
  scoreDistributionChart,
  weightsChart,
  type Chart,
} from './specs.js';
import type { Drift } from './drift.js';

export { populationStability, featureDrift, type Drift, type DriftRow } from './drift.js';
export { toSvg, svgToPng, vegaSpec, CHART_CONFIG } from './render.js';
export * from './specs.js';
export { readBacktest } from './inputs.js';
export {
  decidePromotion,
  weightChanges,
  diffMarkdown,
  MIN_AUC_GAIN,
  type Decision,
  type Evidence,
  type WeightChange,
} from './recalibrate.js';

export interface ReportOptions {
  backtest: string;
  out: string;
  /** The feature table the backtest ran on: churn by decile and drift. */
  features?: string;
  /** A new scorecard (e.g. from calibrate) to compare with `previous` (default: the shipped one). */
  scorecard?: string;
  previous?: string;
  title?: string;
  notes?: string[];
  progress?: Progress;
}

export interface ReportResult {
  out: string;
  html: string;
  markdown: string;
  charts: { id: string; title: string; png: string }[];
  skipped: string[];
  drift: Drift | null;
  metrics: BacktestMetrics;
}

export async function buildReport(options: ReportOptions): Promise<ReportResult> {
  const progress = options.progress;
  progress?.start('reading the backtest');
  const metrics = await readBacktest(options.backtest);
  const charts: Chart[] = [
    rocChart(metrics),
    prChart(metrics),
    reliabilityChart(metrics),
    gainsChart(metrics),
    bandChart(metrics),
  ];
  const skipped: string[] = [];
  const bins = await scoreBins(options.backtest);
  if (bins.length) charts.push(scoreDistributionChart(bins));
  else skipped.push('score distribution: no scorecard in the backtest');
  charts.push(foldChart(metrics));
  if (options.scorecard) {
    const previous = options.previous ?? 'default';
    charts.push(
      weightsChart(await weightRows(previous, options.scorecard), {
        previous: scorecardLabel(previous),
        next: scorecardLabel(options.scorecard),
      }),
    );
  } else skipped.push('weights old vs new: pass --scorecard FILE (and --previous FILE, default the shipped scorecard)');
  let drift: Drift | null = null;
  if (options.features) {
    progress?.start(`reading ${options.features}`);
    const evidence = await featureEvidence(options.features);
    drift = evidence.drift;
    charts.push(
      decileChart(
        evidence.deciles,
        FEATURES.map((f) => f.name),
      ),
      driftChart(evidence.drift),
    );
  } else skipped.push('churn by feature decile and drift: pass --features FILE');

  const pngs: Buffer[] = [];
  progress?.start('drawing the charts', charts.length);
  for (const [k, c] of charts.entries()) {
    pngs.push(svgToPng(await toSvg(c.spec)));
    progress?.tick(k + 1);
  }
  progress?.done();
  const text: ReportText = {
    title: options.title ?? 'Churn backtest: which accounts did we see coming?',
    notes: [...(options.notes ?? []), ...skipped.map((s) => `Not drawn: ${s}.`)],
  };
  const html = await renderHtml(metrics, charts, text);
  const markdown = renderMarkdown(metrics, charts, text);

  progress?.start(`writing ${options.out}`);
  await mkdir(options.out, { recursive: true });
  await withAtomicDir(join(options.out, 'charts'), async (tmp) => {
    for (const [k, c] of charts.entries()) await writeFile(join(tmp, `${c.id}.png`), pngs[k]!);
  });
  await writeFileAtomic(join(options.out, 'summary.md'), markdown);
  await writeFileAtomic(join(options.out, 'index.html'), html);
  return {
    out: options.out,
    html: join(options.out, 'index.html'),
    markdown: join(options.out, 'summary.md'),
    charts: charts.map((c) => ({ id: c.id, title: c.title, png: join(options.out, 'charts', `${c.id}.png`) })),
    skipped,
    drift,
    metrics,
  };
}
