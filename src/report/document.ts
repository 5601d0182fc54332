/** The report as HTML (self-contained, offline) and as a Markdown summary. */
import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BacktestMetrics, PooledMetrics } from '../evaluate/index.js';
import { vegaSpec } from './render.js';
import type { Chart } from './specs.js';
import type { AccountLine } from './story.js';
import { isOpportunityLabel } from '../features/index.js';
import { groupDigits } from '../util/index.js';

export interface ReportText {
  title: string;
  /** Lines said before the charts (the recalibration decision, notes on what is missing). */
  notes: string[];
  /** The paragraph on top: what was tested and how it did, in plain words. */
  summary?: string;
  /** The RED accounts to call, by ARR at risk, when the report has a feature table. */
  calls?: { asOf: string | null; scorecard: string; red: number; rows: AccountLine[] } | null;
  /** Where to grow: the GREEN accounts likeliest to expand, when the report has an expansion model. */
  grow?: { asOf: string | null; scorecard: string; model: string; green: number; rows: AccountLine[] } | null;
  /** A backtest of an expansion label: how well expansion was predicted. */
  expansion?: BacktestMetrics | null;
  /** Median lead time per model (days), as the report defines it, in place of the backtest's. */
  leadMedian?: Record<string, number | null>;
  /** A line under a chart, by chart id (e.g. the definition of lead time). */
  chartNotes?: Record<string, string>;
}

/** What each column of the metrics table means, in one line each. */
export const COLUMN_MEANINGS: readonly [string, string][] = [
  ['ROC AUC', 'how often a churner is ranked riskier than an account that renewed (0.5 = coin flip, 1 = always)'],
  [
    'PR AUC',
    'how clean the list is from the top down: precision averaged over every cut-off (the churn rate is its floor)',
  ],
  [
    'Brier',
    'mean squared error of the churn probability, lower is better (in parentheses: a score ranked, not a probability)',
  ],
  ['top-decile lift', 'churn rate in the riskiest 10% of accounts divided by the churn rate of all accounts'],
  [
    'precision at capacity',
    'of the accounts a team can work each snapshot (the riskiest 10%), the share that did churn',
  ],
  ['recall at capacity', 'of the accounts that churned, the share that were on that list'],
  ['churned ARR caught', 'of the ARR that churned, the share held by the accounts on that list'],
  ['RED churn', 'share of accounts rated RED that churned within the horizon'],
  ['GREEN churn', 'share of accounts rated GREEN that churned anyway'],
  [
    'median lead time (days)',
    'for churners flagged in time, the median days from first RED to leaving (see the lead time chart)',
  ],
];

const fmt = (v: number | null | undefined, digits = 3) => (v === null || v === undefined ? '–' : v.toFixed(digits));
const pct = (v: number | null | undefined) => (v === null || v === undefined ? '–' : `${(100 * v).toFixed(1)}%`);
const leadDays = (v: number | null) => (v === null ? '–' : String(Math.round(v)));

/** One row per model: what leadership asks first. */
export function summaryRows(m: BacktestMetrics, leadMedian?: Record<string, number | null>): string[][] {
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
    leadDays(leadMedian ? (leadMedian[name] ?? null) : p.lead_time.median),
  ]);
  return [header, ...rows];
}

function periodLine(m: BacktestMetrics): string {
  const first = m.folds[0];
  const last = m.folds[m.folds.length - 1];
  const tested = m.folds.reduce((n, f) => n + f.test.rows, 0);
  return first && last
    ? `${m.folds.length} ${m.params.step === 'month' ? 'monthly' : 'quarterly'} test periods from ${first.cutoff} to ${last.test_end} (${groupDigits(tested)} account snapshots); each model trained only on labels known at its period's start; ${isOpportunityLabel(m.params.label) ? `expansion (${m.params.label})` : 'churn'} = within ${m.params.horizon} days.`
    : 'no test period';
}

function callsHeading(calls: NonNullable<ReportText['calls']>): string {
  return `Accounts to call this week${calls.asOf ? ` (as of ${calls.asOf})` : ''}`;
}

function callsLine(calls: NonNullable<ReportText['calls']>): string {
  return calls.red === 0
    ? `No account is RED on ${calls.scorecard}.`
    : `The ${Math.min(calls.rows.length, calls.red)} largest of ${calls.red} RED accounts on ${calls.scorecard}, by ARR at risk (their annual contract value), with the three signals that cost them the most points.`;
}

/** CSM judgments against each model: churn of raised, lowered and agreed accounts, per CSM and overall. */
export function judgmentRows(m: BacktestMetrics): string[][] | null {
  const j = m.judgments;
  if (!j) return null;
  const header = [
    'model',
    'CSM',
    'raised',
    'raised: churned',
    "raised: model's band churned",
    'lowered',
    'lowered: churned',
    "lowered: model's band churned",
    'agreed',
    'agreed: churned',
  ];
  const rows = Object.entries(j.models).flatMap(([model, r]) =>
    [['all CSMs', r.overall] as const, ...Object.entries(r.by_author)].map(([who, c]) => [
      model,
      who,
      String(c.raised.rows),
      pct(c.raised.rate),
      pct(c.raised.expected_rate),
      String(c.lowered.rows),
      pct(c.lowered.rate),
      pct(c.lowered.expected_rate),
      String(c.agreed.rows),
      pct(c.agreed.rate),
    ]),
  );
  return [header, ...rows];
}

function judgmentsLine(m: BacktestMetrics): string {
  const j = m.judgments!;
  return `${j.matched} of ${j.total} judgments from ${j.source} matched a labeled snapshot (the first on or after the judgment, within ${j.window_days} days; ${j.unmatched.no_snapshot} had none, ${j.unmatched.censored} are too recent to know). A CSM raised an account when their band (or their score's band on ${j.score_bands_from}) was healthier than the model's, lowered it when less healthy. If judgment adds to the data, raised accounts churn less than the model's band for them did, and lowered accounts more.`;
}

const CALL_HEADER = ['account', 'segment', 'ARR at risk', 'score', 'churn probability', 'renewal', 'why'];
/** An account line's cells before its reasons (which each format lists in its own way). */
const lineCells = (r: AccountLine) => [r.account, r.segment, r.arr, r.score, r.probability, r.renewal];

function growHeading(grow: NonNullable<ReportText['grow']>): string {
  return `Where to grow${grow.asOf ? ` (as of ${grow.asOf})` : ''}`;
}

function growLine(grow: NonNullable<ReportText['grow']>): string {
  return grow.green === 0
    ? `No account is GREEN on ${grow.scorecard}.`
    : `The ${Math.min(grow.rows.length, grow.green)} likeliest to expand of ${grow.green} GREEN accounts on ${grow.scorecard}, by the expansion probability of the ${grow.model} model (annual value up within the horizon), with what raises it most.`;
}

const GROW_HEADER = ['account', 'segment', 'ARR', 'score', 'expansion probability', 'renewal', 'why'];

/** How well the expansion backtest's models and cards ranked the accounts that expanded. */
function expansionRows(m: BacktestMetrics): string[][] {
  const header = [
    'model',
    'ROC AUC',
    'PR AUC',
    'top-decile lift',
    'precision at capacity',
    'GREEN expanded',
    'RED expanded',
  ];
  const rows = Object.entries(m.pooled).map(([name, p]: [string, PooledMetrics]) => [
    name,
    fmt(p.auc),
    fmt(p.pr_auc),
    fmt(p.lift_top_decile, 2),
    pct(p.precision_at_capacity),
    pct(p.bands.GREEN.rate),
    pct(p.bands.RED.rate),
  ]);
  return [header, ...rows];
}

function expansionLine(m: BacktestMetrics): string {
  const tested = m.folds.reduce((n, f) => n + f.test.rows, 0);
  return `${m.params.label} on ${m.folds.length} walk-forward test periods (${groupDigits(tested)} account snapshots): how often an account that expanded is ranked above one that did not, and the expansion rate by band.`;
}

export function renderMarkdown(m: BacktestMetrics, charts: readonly Chart[], text: ReportText): string {
  const table = summaryRows(m, text.leadMedian);
  const cellText = (c: string) => c.replace(/\|/g, '\\|');
  const line = (cells: string[]) => `| ${cells.map(cellText).join(' | ')} |`;
  const out = [`# ${text.title}`, ''];
  if (text.summary) out.push(text.summary, '');
  const accounts = (heading: string, note: string, header: string[], rows: readonly AccountLine[]) => {
    out.push(`## ${heading}`, '', note, '');
    if (rows.length) {
      out.push(line(header), line(header.map(() => '---')));
      for (const r of rows) out.push(line([...lineCells(r), r.reasons.join('; ')]));
      out.push('');
    }
  };
  if (text.calls) accounts(callsHeading(text.calls), callsLine(text.calls), CALL_HEADER, text.calls.rows);
  if (text.grow) accounts(growHeading(text.grow), growLine(text.grow), GROW_HEADER, text.grow.rows);
  if (text.expansion) {
    const t = expansionRows(text.expansion);
    out.push('## How well expansion is predicted', '', expansionLine(text.expansion), '');
    out.push(line(t[0]!), line(t[0]!.map((_, j) => (j === 0 ? '---' : '---:'))), ...t.slice(1).map(line), '');
  }
  out.push('## How each model did', '', periodLine(m), '', ...text.notes.map((n) => `- ${n}`));
  if (text.notes.length) out.push('');
  out.push(line(table[0]!), line(table[0]!.map((_, j) => (j === 0 ? '---' : '---:'))), ...table.slice(1).map(line), '');
  for (const [column, meaning] of COLUMN_MEANINGS) out.push(`- **${column}**: ${meaning}.`);
  out.push('');
  const judged = judgmentRows(m);
  if (judged) {
    out.push('## CSM judgments against the model', '', judgmentsLine(m), '');
    out.push(
      line(judged[0]!),
      line(judged[0]!.map((_, j) => (j < 2 ? '---' : '---:'))),
      ...judged.slice(1).map(line),
      '',
    );
  }
  for (const c of charts) {
    out.push(`## ${c.title}`, '', `![${c.title}](charts/${c.id}.png)`, '');
    const note = text.chartNotes?.[c.id];
    if (note) out.push(note, '');
  }
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

/** The accounts to call or to grow: a heading, a note and, when there are any, their table. */
function accountsHtml(id: string, heading: string, note: string, header: string[], lines: readonly AccountLine[]) {
  const rows = lines
    .map(
      (r) =>
        `<tr>${lineCells(r)
          .map((c) => `<td>${escapeHtml(c)}</td>`)
          .join('')}<td class="why"><ul>${r.reasons.map((x) => `<li>${escapeHtml(x)}</li>`).join('')}</ul></td></tr>`,
    )
    .join('\n');
  return `<section id="${id}">
<h2>${escapeHtml(heading)}</h2>
<p class="note">${escapeHtml(note)}</p>
${lines.length ? `<table class="calls"><thead><tr>${header.map((h) => `<th>${escapeHtml(h)}</th>`).join('')}</tr></thead><tbody>${rows}</tbody></table>` : ''}
</section>`;
}

function expansionHtml(m: BacktestMetrics): string {
  const t = expansionRows(m);
  return `<section id="expansion-backtest">
<h2>How well expansion is predicted</h2>
<p class="note">${escapeHtml(expansionLine(m))}</p>
<table>
<thead><tr>${t[0]!.map((h) => `<th>${escapeHtml(h)}</th>`).join('')}</tr></thead>
<tbody>${t
    .slice(1)
    .map((r) => `<tr>${r.map((c) => `<td>${escapeHtml(c)}</td>`).join('')}</tr>`)
    .join('\n')}</tbody>
</table>
</section>`;
}

/** A header row and body rows as an HTML table, every cell escaped. */
function htmlTable(rows: readonly string[][]): string {
  const body = rows
    .slice(1)
    .map((r) => `<tr>${r.map((c) => `<td>${escapeHtml(c)}</td>`).join('')}</tr>`)
    .join('\n');
  return `<table>\n<thead><tr>${rows[0]!.map((h) => `<th>${escapeHtml(h)}</th>`).join('')}</tr></thead>\n<tbody>${body}</tbody>\n</table>`;
}

function judgmentsHtml(m: BacktestMetrics): string {
  const rows = judgmentRows(m);
  if (!rows) return '';
  return `<section id="judgments">
<h2>CSM judgments against the model</h2>
<p class="note">${escapeHtml(judgmentsLine(m))}</p>
${htmlTable(rows)}
</section>`;
}

export async function renderHtml(m: BacktestMetrics, charts: readonly Chart[], text: ReportText): Promise<string> {
  const table = summaryRows(m, text.leadMedian);
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
.summary { font-size: 1.1rem; line-height: 1.5; max-width: 60rem; }
table.calls td { vertical-align: top; } table.calls td.why { text-align: left; } table.calls ul { margin: 0; padding-left: 1rem; }
dl.meanings { font-size: .85rem; color: #444; display: grid; grid-template-columns: max-content auto; gap: .15rem 1rem; } dl.meanings dt { font-weight: bold; } dl.meanings dd { margin: 0; }
</style>
</head>
<body>
<h1>${escapeHtml(text.title)}</h1>
${text.summary ? `<p class="summary" id="summary">${escapeHtml(text.summary)}</p>` : ''}
${text.calls ? accountsHtml('accounts-to-call', callsHeading(text.calls), callsLine(text.calls), CALL_HEADER, text.calls.rows) : ''}
${text.grow ? accountsHtml('where-to-grow', growHeading(text.grow), growLine(text.grow), GROW_HEADER, text.grow.rows) : ''}
${text.expansion ? expansionHtml(text.expansion) : ''}
<h2>How each model did</h2>
<p class="note">${escapeHtml(periodLine(m))}</p>
${text.notes.length ? `<ul>${text.notes.map((n) => `<li>${escapeHtml(n)}</li>`).join('')}</ul>` : ''}
${htmlTable(table)}
<dl class="meanings">${COLUMN_MEANINGS.map(([c, meaning]) => `<dt>${escapeHtml(c)}</dt><dd>${escapeHtml(meaning)}</dd>`).join('')}</dl>
${judgmentsHtml(m)}
${charts.map((c) => `<h2>${escapeHtml(c.title)}</h2>\n<div class="chart" id="chart-${c.id}" data-chart="${c.id}"></div>\n${text.chartNotes?.[c.id] ? `<p class="note definition">${escapeHtml(text.chartNotes[c.id]!)}</p>\n` : ''}<p class="note"><a href="charts/${c.id}.png">PNG</a></p>`).join('\n')}
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
