/**
 * The report's charts as Vega-Lite specs, each a pure function of the data it shows. Titles ask
 * the question a VP of Customer Success would ask; subtitles say how to read the answer.
 */
import type { TopLevelSpec } from 'vega-lite';
import type { BacktestMetrics } from '../evaluate/index.js';
import type { Band } from '../scorecard/index.js';
import type { Drift } from './drift.js';
import { BANDS } from '../scorecard/index.js';

const SCHEMA = 'https://vega.github.io/schema/vega-lite/v6.json';
/** RED, YELLOW and GREEN as every chart (report and app) draws them. */
export const BAND_COLORS: Record<Band, string> = { RED: '#d62728', YELLOW: '#f2b701', GREEN: '#2ca02c' };
const WIDTH = 460;
const HEIGHT = 300;

export interface Chart {
  id: string;
  title: string;
  spec: TopLevelSpec;
}

const pct = (field: string, title: string, extra: Record<string, unknown> = {}) => ({
  field,
  type: 'quantitative',
  title,
  axis: { format: '.0%' },
  ...extra,
});
const modelColor = (models: string[]) => ({
  field: 'model',
  type: 'nominal',
  title: 'model',
  scale: { domain: models },
});
/** One curve per model, x against y (both shares), joined in the order of x. */
const modelCurves = (models: string[], x: [field: string, title: string], y: [field: string, title: string]) => ({
  x: pct(...x),
  y: pct(...y),
  color: modelColor(models),
  order: { field: x[0] },
});
/** The dashed diagonal a curve is read against (chance for ROC and gains, calibration for reliability). */
const diagonal = (axis: Record<string, unknown> = {}) => ({
  data: { values: [{ x: 0 }, { x: 1 }] },
  mark: { type: 'line', strokeDash: [4, 4], color: '#999' },
  encoding: { x: { field: 'x', type: 'quantitative', ...axis }, y: { field: 'x', type: 'quantitative', ...axis } },
});

/** Subtitle lines of at most ~90 characters, so a long explanation does not widen the chart. */
function wrap(text: string, width = 90): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    if (line && line.length + word.length + 1 > width) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines;
}

function chart(id: string, title: string, subtitle: string, body: Record<string, unknown>): Chart {
  return {
    id,
    title,
    spec: {
      $schema: SCHEMA,
      title: { text: title, subtitle: wrap(subtitle) },
      width: WIDTH,
      height: HEIGHT,
      ...body,
    } as TopLevelSpec,
  };
}

/** Every pooled curve of one kind, one row per point, tagged with its model. */
function curveRows<K extends 'roc' | 'pr' | 'reliability' | 'gains'>(m: BacktestMetrics, kind: K) {
  return Object.entries(m.pooled).flatMap(([model, p]) => (p.curves[kind] as object[]).map((pt) => ({ model, ...pt })));
}

export function rocChart(m: BacktestMetrics): Chart {
  const models = Object.keys(m.pooled);
  const legend = models.map((name) => `${name} ${m.pooled[name]!.auc?.toFixed(3) ?? '-'}`).join(', ');
  return chart(
    'roc',
    'How well does each model rank churners above renewals?',
    `ROC, all test folds pooled; AUC: ${legend}`,
    {
      layer: [
        diagonal(),
        {
          data: { values: curveRows(m, 'roc') },
          mark: { type: 'line', interpolate: 'step-after' },
          encoding: modelCurves(
            models,
            ['fpr', 'renewing accounts flagged (false positive rate)'],
            ['tpr', 'churners caught (true positive rate)'],
          ),
        },
      ],
    },
  );
}

export function prChart(m: BacktestMetrics): Chart {
  const models = Object.keys(m.pooled);
  const legend = models.map((name) => `${name} ${m.pooled[name]!.pr_auc?.toFixed(3) ?? '-'}`).join(', ');
  return chart(
    'pr',
    'When we flag accounts, how many of them really churn?',
    `precision against recall, pooled; PR AUC: ${legend}`,
    {
      data: { values: curveRows(m, 'pr') },
      mark: { type: 'line' },
      encoding: modelCurves(
        models,
        ['recall', 'churners caught (recall)'],
        ['precision', 'flagged accounts that churned (precision)'],
      ),
    },
  );
}

export function reliabilityChart(m: BacktestMetrics): Chart {
  const models = Object.entries(m.pooled)
    .filter(([, p]) => p.probability_source !== 'score_rank')
    .map(([name]) => name);
  const rows = curveRows(m, 'reliability').filter(
    (r) => models.includes(r.model) && (r as unknown as { mean_predicted: number | null }).mean_predicted !== null,
  );
  return chart(
    'reliability',
    'When a model says 20%, do 20% churn?',
    'reliability: predicted churn probability against observed churn rate (95% intervals); on the diagonal is calibrated',
    {
      layer: [
        diagonal({ scale: { domain: [0, 1] } }),
        {
          data: { values: rows },
          layer: [
            {
              mark: { type: 'rule' },
              encoding: {
                x: { field: 'mean_predicted', type: 'quantitative' },
                y: { field: 'observed_low', type: 'quantitative' },
                y2: { field: 'observed_high' },
                color: modelColor(models),
              },
            },
            {
              mark: { type: 'line', point: true },
              encoding: modelCurves(
                models,
                ['mean_predicted', 'predicted churn probability'],
                ['observed_rate', 'observed churn rate'],
              ),
            },
          ],
        },
      ],
    },
  );
}

export function gainsChart(m: BacktestMetrics): Chart {
  const models = Object.keys(m.pooled);
  return chart(
    'gains',
    'If the team works the riskiest accounts first, how many churners do they reach?',
    'cumulative gains: share of test accounts worked (riskiest first) against share of churners reached; dashed = random order',
    {
      layer: [
        diagonal(),
        {
          data: { values: curveRows(m, 'gains') },
          mark: { type: 'line' },
          encoding: modelCurves(models, ['share', 'accounts worked, riskiest first'], ['churners', 'churners reached']),
        },
      ],
    },
  );
}

/** One point of the lead-time chart: a model's share of churned accounts RED at least `days` before churning. */
export interface LeadRow {
  model: string;
  days: number;
  share: number;
}

export function leadChart(rows: readonly LeadRow[], models: readonly string[], horizon: number): Chart {
  return chart(
    'lead_time',
    'How early did each model see churners coming?',
    `share of the accounts that churned which were RED at least this many days before they left (0 to ${horizon} days)`,
    {
      data: { values: rows },
      mark: { type: 'line', interpolate: 'step-after', point: false },
      encoding: {
        x: { field: 'days', type: 'quantitative', title: 'days of warning, at least', scale: { domain: [0, horizon] } },
        y: pct('share', 'churned accounts flagged RED in time', { scale: { domain: [0, 1] } }),
        color: modelColor([...models]),
      },
    },
  );
}

export function bandChart(m: BacktestMetrics): Chart {
  const rows = Object.entries(m.pooled).flatMap(([model, p]) =>
    BANDS.map((band) => ({ model, band, ...p.bands[band] })),
  );
  return chart(
    'bands',
    'Did RED accounts churn, and did GREEN renew?',
    'churn rate within 90 days per band, test folds pooled, with 95% Wilson intervals; models are banded in the shares of the default scorecard',
    {
      data: { values: rows.filter((r) => r.rate !== null) },
      facet: { column: { field: 'model', type: 'nominal', title: null, sort: Object.keys(m.pooled) } },
      spec: {
        width: 150,
        height: HEIGHT,
        layer: [
          {
            mark: { type: 'bar' },
            encoding: {
              x: { field: 'band', type: 'nominal', sort: BANDS, title: null },
              y: pct('rate', 'churn rate'),
              color: {
                field: 'band',
                type: 'nominal',
                scale: { domain: BANDS, range: BANDS.map((b) => BAND_COLORS[b]) },
                legend: null,
              },
            },
          },
          {
            mark: { type: 'rule', color: '#333' },
            encoding: {
              x: { field: 'band', type: 'nominal', sort: BANDS },
              y: { field: 'lo', type: 'quantitative' },
              y2: { field: 'hi' },
            },
          },
          {
            mark: { type: 'text', dy: -8, fontSize: 10 },
            encoding: {
              x: { field: 'band', type: 'nominal', sort: BANDS },
              y: { field: 'hi', type: 'quantitative' },
              text: { field: 'rows', type: 'quantitative', format: ',' },
            },
          },
        ],
      },
    },
  );
}

export interface ScoreBin {
  model: string;
  band: string;
  bin: number;
  accounts: number;
}

export function scoreDistributionChart(bins: readonly ScoreBin[]): Chart {
  return chart(
    'score_distribution',
    'Where do account health scores fall?',
    'accounts per 5-point score bin and band, every test-fold snapshot of each scorecard',
    {
      data: { values: bins },
      facet: { row: { field: 'model', type: 'nominal', title: null } },
      spec: {
        width: WIDTH,
        height: 160,
        mark: { type: 'bar' },
        encoding: {
          x: {
            field: 'bin',
            type: 'quantitative',
            bin: { binned: true, step: 5 },
            title: 'health score',
            scale: { domain: [0, 100] },
          },
          x2: { field: 'bin_end' },
          y: { field: 'accounts', type: 'quantitative', title: 'snapshots', stack: true },
          color: {
            field: 'band',
            type: 'nominal',
            scale: { domain: BANDS, range: BANDS.map((b) => BAND_COLORS[b]) },
          },
        },
      },
      transform: [{ calculate: 'datum.bin + 5', as: 'bin_end' }],
    },
  );
}

export function foldChart(m: BacktestMetrics): Chart {
  const rows = m.folds.flatMap((f) =>
    Object.entries(f.models).map(([model, v]) => ({
      model,
      cutoff: f.cutoff,
      auc: v.auc,
      red_rate: v.bands.RED.rate,
      test_rows: f.test.rows,
    })),
  );
  return chart(
    'folds',
    'Does the ranking hold up quarter after quarter?',
    'ROC AUC of each test period (by its cutoff); a model that only worked once would dip',
    {
      data: { values: rows.filter((r) => r.auc !== null) },
      mark: { type: 'line', point: true },
      encoding: {
        x: { field: 'cutoff', type: 'temporal', title: 'test period starting', axis: { format: '%b %Y' } },
        y: { field: 'auc', type: 'quantitative', title: 'ROC AUC', scale: { zero: false } },
        color: modelColor(Object.keys(m.pooled)),
      },
    },
  );
}

export interface WeightRow {
  /** `usage` for a layer, `usage / usage_trend_14d` for a signal (its share of the whole score). */
  item: string;
  level: 'layer' | 'signal';
  scorecard: 'previous' | 'new';
  weight: number;
  lo?: number;
  hi?: number;
}

export function weightsChart(rows: readonly WeightRow[], names: { previous: string; next: string }): Chart {
  return chart(
    'weights',
    'What changed in the health-score weights?',
    `weight of each layer and signal in the whole score: ${names.previous} against ${names.next} (90% bootstrap intervals for the new one)`,
    {
      data: { values: rows },
      facet: { row: { field: 'level', type: 'nominal', title: null, sort: ['layer', 'signal'] } },
      resolve: { scale: { y: 'independent' } },
      spec: {
        width: WIDTH - 120,
        layer: [
          {
            mark: { type: 'bar' },
            encoding: {
              y: {
                field: 'item',
                type: 'nominal',
                title: null,
                sort: { field: 'weight', op: 'max', order: 'descending' },
                axis: { labelLimit: 320 },
              },
              yOffset: { field: 'scorecard', sort: ['previous', 'new'] },
              x: pct('weight', 'share of the score'),
              color: {
                field: 'scorecard',
                type: 'nominal',
                sort: ['previous', 'new'],
                scale: { range: ['#9ecae1', '#08519c'] },
              },
            },
          },
          {
            mark: { type: 'rule', color: '#333' },
            transform: [{ filter: 'isValid(datum.lo)' }],
            encoding: {
              y: { field: 'item', type: 'nominal', sort: { field: 'weight', op: 'max', order: 'descending' } },
              yOffset: { field: 'scorecard', sort: ['previous', 'new'] },
              x: { field: 'lo', type: 'quantitative' },
              x2: { field: 'hi' },
            },
          },
        ],
      },
    },
  );
}

export interface DecileRow {
  feature: string;
  decile: number;
  rate: number;
  rows: number;
}

export function decileChart(rows: readonly DecileRow[], features: readonly string[]): Chart {
  return chart(
    'deciles',
    'Which signals separate churners from renewals?',
    'churn rate within 90 days per decile of each feature (1 = lowest values), all labeled snapshots',
    {
      data: { values: rows },
      facet: { field: 'feature', type: 'nominal', title: null, sort: [...features] },
      columns: 5,
      spec: {
        width: 150,
        height: 110,
        mark: { type: 'bar', color: '#4c78a8' },
        encoding: { x: { field: 'decile', type: 'ordinal', title: 'decile' }, y: pct('rate', 'churn rate') },
      },
    },
  );
}

export function driftChart(drift: Drift): Chart {
  const span =
    drift.current && drift.reference
      ? `${drift.current.from}..${drift.current.to} against ${drift.reference.from}..${drift.reference.to}`
      : 'no two quarters to compare';
  const rows = drift.features
    .filter((f) => f.psi !== null)
    .map((f) => ({ ...f, level: f.psi! > 0.25 ? 'shifted' : f.psi! > 0.1 ? 'moderate' : 'stable' }));
  return chart(
    'drift',
    'Have our customers changed since last quarter?',
    `population stability index per feature, ${span}; above 0.1 moderate, above 0.25 worth a look`,
    {
      data: { values: rows },
      layer: [
        {
          mark: { type: 'bar' },
          encoding: {
            y: { field: 'feature', type: 'nominal', title: null, sort: '-x', axis: { labelLimit: 320 } },
            x: { field: 'psi', type: 'quantitative', title: 'PSI' },
            color: {
              field: 'level',
              type: 'nominal',
              title: 'drift',
              scale: { domain: ['stable', 'moderate', 'shifted'], range: ['#2ca02c', '#f2b701', '#d62728'] },
            },
          },
        },
        {
          data: { values: [{ t: 0.1 }, { t: 0.25 }] },
          mark: { type: 'rule', strokeDash: [4, 4], color: '#666' },
          encoding: { x: { field: 't', type: 'quantitative' } },
        },
      ],
    },
  );
}
