/**
 * The app's charts, as Vega-Lite specs compiled to Vega on the server (the report's compiler and
 * look), so the browser needs only the vega runtime the app serves. Charts whose data changes
 * in the page (the editor's bands) read a named data set the page fills.
 */
import type { TopLevelSpec } from 'vega-lite';
import { BAND_COLORS, vegaSpec } from '../report/index.js';
import { BANDS } from '../scorecard/index.js';
import type { HistoryPoint } from './web/wire.js';

/** A Vega-Lite spec written as plain data, compiled with the report's look. */
function compile(spec: Record<string, unknown>) {
  return vegaSpec({ $schema: 'https://vega.github.io/schema/vega-lite/v6.json', ...spec } as TopLevelSpec);
}

const bandColor = (title: string | null) => ({
  field: 'band',
  type: 'nominal',
  title,
  scale: { domain: [...BANDS], range: BANDS.map((b) => BAND_COLORS[b]) },
});

/**
 * Score over an account's snapshots on the bands it crossed: the band areas shaded behind (at
 * the thresholds of the account's segment), the score as a line, each snapshot a dot in its band's colour.
 */
export function scoreHistoryChart(points: readonly HistoryPoint[], thresholds: { yellow: number; green: number }) {
  const areas = [
    { band: 'RED', lo: 0, hi: thresholds.yellow },
    { band: 'YELLOW', lo: thresholds.yellow, hi: thresholds.green },
    { band: 'GREEN', lo: thresholds.green, hi: 100 },
  ];
  const scored = points.filter((p) => p.score !== null);
  const spec = {
    width: 'container',
    height: 260,
    title: { text: 'Score and band at every snapshot', anchor: 'start' },
    layer: [
      {
        data: { values: areas },
        mark: { type: 'rect', opacity: 0.12 },
        encoding: {
          y: { field: 'lo', type: 'quantitative', scale: { domain: [0, 100] }, title: 'score' },
          y2: { field: 'hi' },
          color: { ...bandColor(null), legend: null },
        },
      },
      {
        data: { values: scored },
        mark: { type: 'line', color: '#555' },
        encoding: {
          x: { field: 'as_of', type: 'temporal', title: 'as of' },
          y: { field: 'score', type: 'quantitative' },
        },
      },
      {
        data: { values: scored },
        mark: { type: 'point', filled: true, size: 70, opacity: 1 },
        encoding: {
          x: { field: 'as_of', type: 'temporal' },
          y: { field: 'score', type: 'quantitative' },
          color: bandColor('band'),
          tooltip: [
            { field: 'as_of', type: 'temporal', title: 'as of' },
            { field: 'score', type: 'quantitative' },
            { field: 'band', type: 'nominal' },
          ],
        },
      },
    ],
  };
  return compile(spec);
}

/** The churn probabilities of an account over its snapshots: the card's map and the model's, where given. */
export function probabilityHistoryChart(points: readonly HistoryPoint[]) {
  const rows = points.flatMap((p) => [
    ...(p.probability === null ? [] : [{ as_of: p.as_of, source: 'scorecard', probability: p.probability }]),
    ...(p.model_probability === null ? [] : [{ as_of: p.as_of, source: 'model', probability: p.model_probability }]),
  ]);
  if (rows.length === 0) return null;
  const spec = {
    width: 'container',
    height: 180,
    title: { text: 'Churn probability within the horizon', anchor: 'start' },
    data: { values: rows },
    mark: { type: 'line', point: true },
    encoding: {
      x: { field: 'as_of', type: 'temporal', title: 'as of' },
      y: { field: 'probability', type: 'quantitative', axis: { format: '.0%' }, title: 'probability' },
      color: { field: 'source', type: 'nominal', title: null },
    },
  };
  return compile(spec);
}

/** Name of the data set the editor's band chart reads: rows {card, band, rate, lo, hi, rows}. */
export const EDITOR_BANDS_DATA = 'bands';

/** Churn rate per band with Wilson intervals, the saved card beside the edited one. */
export function editorBandChart() {
  const spec = {
    data: { name: EDITOR_BANDS_DATA },
    title: { text: 'Did RED churn, did GREEN renew?', anchor: 'start' },
    facet: { column: { field: 'card', type: 'nominal', title: null, sort: ['saved', 'edited'] } },
    spec: {
      width: 170,
      height: 200,
      layer: [
        {
          mark: { type: 'bar' },
          encoding: {
            x: { field: 'band', type: 'nominal', sort: [...BANDS], title: null },
            y: { field: 'rate', type: 'quantitative', axis: { format: '.0%' }, title: 'churn rate' },
            color: { ...bandColor(null), legend: null },
            tooltip: [
              { field: 'band', type: 'nominal' },
              { field: 'rows', type: 'quantitative', title: 'snapshots' },
              { field: 'rate', type: 'quantitative', format: '.1%', title: 'churn rate' },
              { field: 'lo', type: 'quantitative', format: '.1%', title: '95% low' },
              { field: 'hi', type: 'quantitative', format: '.1%', title: '95% high' },
            ],
          },
        },
        {
          mark: { type: 'rule', color: '#333' },
          encoding: {
            x: { field: 'band', type: 'nominal', sort: [...BANDS] },
            y: { field: 'lo', type: 'quantitative' },
            y2: { field: 'hi' },
          },
        },
      ],
    },
  };
  return compile(spec);
}
