/** The report as HTML (self-contained, offline) and as a Markdown summary. */
import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BacktestMetrics, PooledMetrics } from '../evaluate/index.js';
import { vegaSpec } from './render.js';
import type { Chart } from './specs.js';

export interface ReportText {
  title: string;
  /** Lines said before the charts (the recalibration decision, notes on what is missing). */
  notes: string[];
}

const fmt = (v: number | null | undefined, digits = 3) => (v === null || v === undefined ? '–' : v.toFixed(digits));
const pct = (v: number | null | undefined) => (v === null || v === undefined ? '–' : `${(100 * v).toFixed(1)}%`);

/** One row per model: what leadership asks first. */
export function summaryRows(m: BacktestMetrics): string[][] {
  const header = [
    'model',
    'ROC AUC',
    'PR AUC',
    'Brier',
    'top-decile lift',
    'precision at capacity',
    'recall at capacity',
    'churned ARR caught',
    'RED churn',
    'GREEN churn',
    'median lead time (days)',
  ];
  const rows = Object.entries(m.pooled).map(([name, p]: [string, PooledMetrics]) => [
    name,
    fmt(p.auc),
    fmt(p.pr_auc),
    p.probability_source === 'score_rank' ? `(${fmt(p.brier)})` : fmt(p.brier),
    fmt(p.lift_top_decile, 2),
    pct(p.precision_at_capacity),
    pct(p.recall_at_capacity),
    pct(p.arr_capture),
    pct(p.bands.RED.rate),
    pct(p.bands.GREEN.rate),
    p.lead_time.median === null ? '–' : String(p.lead_time.median),
  ]);
  return [header, ...rows];
}

function periodLine(m: BacktestMetrics): string {
  const first = m.folds[0];
  const last = m.folds[m.folds.length - 1];
  const tested = m.folds.reduce((n, f) => n + f.test.rows, 0);
  return first && last
    ? `${m.folds.length} ${m.params.step === 'month' ? 'monthly' : 'quarterly'} test periods from ${first.cutoff} to ${last.test_end} (${tested.toLocaleString('en-US')} account snapshots); each model trained only on labels known at its period's start; churn = within ${m.params.horizon} days.`
    : 'no test period';
}

export function renderMarkdown(m: BacktestMetrics, charts: readonly Chart[], text: ReportText): string {
  const table = summaryRows(m);
  const line = (cells: string[]) => `| ${cells.join(' | ')} |`;
  const out = [
    `# ${text.title}`,
    '',
    periodLine(m),
    '',
    ...text.notes.map((n) => `- ${n}`),
    ...(text.notes.length ? [''] : []),
  ];
  out.push(line(table[0]!), line(table[0]!.map((_, j) => (j === 0 ? '---' : '---:'))), ...table.slice(1).map(line), '');
  out.push(
    "Brier in parentheses: a scorecard without a probability map, ranked by score; its Brier is not a calibrated probability's.",
    '',
  );
  for (const c of charts) out.push(`## ${c.title}`, '', `![${c.title}](charts/${c.id}.png)`, '');
  return out.join('\n');
}

const escapeHtml = (s: string) =>
  s.replace(/[&<>"']/g, (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[ch]!);
/** JSON inside a <script>: no `</script>` or `<!--` can end it early. */
const scriptJson = (v: unknown) => JSON.stringify(v).replace(/</g, '\\u003c');

let runtime: Promise<string> | null = null;
/** The vega runtime, inlined so the page makes no network request. */
function vegaRuntime(): Promise<string> {
  runtime ??= readFile(join(dirname(fileURLToPath(import.meta.resolve('vega'))), 'vega.min.js'), 'utf8');
  return runtime;
}

export async function renderHtml(m: BacktestMetrics, charts: readonly Chart[], text: ReportText): Promise<string> {
  const table = summaryRows(m);
  // Specs are compiled to Vega here, so the page needs only the vega runtime, not vega-lite.
  const compiled = charts.map((c) => ({ id: c.id, spec: vegaSpec(c.spec) }));
  const vega = (await vegaRuntime()).replace(/<\/script/gi, '<\\/script');
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(text.title)}</title>
<style>
body { font-family: "DejaVu Sans", Helvetica, Arial, sans-serif; margin: 2rem auto; max-width: 1100px; color: #222; padding: 0 1rem; }
h1 { font-size: 1.6rem; } h2 { font-size: 1.15rem; margin-top: 2.2rem; }
table { border-collapse: collapse; font-size: .9rem; } th, td { padding: .3rem .6rem; border-bottom: 1px solid #ddd; text-align: right; } th:first-child, td:first-child { text-align: left; }
.note { color: #444; } .chart { margin: .5rem 0 1.5rem; } .error { color: #b00; }
</style>
</head>
<body>
<h1>${escapeHtml(text.title)}</h1>
<p class="note">${escapeHtml(periodLine(m))}</p>
${text.notes.length ? `<ul>${text.notes.map((n) => `<li>${escapeHtml(n)}</li>`).join('')}</ul>` : ''}
<table>
<thead><tr>${table[0]!.map((h) => `<th>${escapeHtml(h)}</th>`).join('')}</tr></thead>
<tbody>${table
    .slice(1)
    .map((r) => `<tr>${r.map((c) => `<td>${escapeHtml(c)}</td>`).join('')}</tr>`)
    .join('\n')}</tbody>
</table>
${charts.map((c) => `<h2>${escapeHtml(c.title)}</h2>\n<div class="chart" id="chart-${c.id}" data-chart="${c.id}"></div>\n<p class="note"><a href="charts/${c.id}.png">PNG</a></p>`).join('\n')}
<script>${vega}</script>
<script>
(function () {
  var charts = ${scriptJson(compiled)};
  var pending = charts.length;
  function failed(el, c, err) { el.className += ' error'; el.textContent = 'chart failed: ' + err; console.error('chart ' + c.id + ' failed', err); }
  function finished() { if (--pending === 0) document.body.setAttribute('data-charts-done', 'true'); }
  charts.forEach(function (c) {
    var el = document.getElementById('chart-' + c.id);
    try {
      new vega.View(vega.parse(c.spec), { renderer: 'svg', container: el, hover: true })
        .runAsync()
        .then(function () { el.setAttribute('data-drawn', 'true'); }, function (err) { failed(el, c, err); })
        .then(finished);
    } catch (err) {
      // a spec vega cannot parse: say so in place and on the console, draw the others
      failed(el, c, err);
      finished();
    }
  });
})();
</script>
</body>
</html>
`;
}
