/**
 * One account: its score and band at every snapshot, and at the latest one the layer scores,
 * each signal against the median of its segment on the same date, the reasons and overrides in
 * words, and the model's probability when a model is given.
 */
import { describeValue, featureLabel, formatValue, scoreForPeople, significant } from '../catalogue/index.js';
import {
  BANDS,
  cardForSegment,
  signalPoints,
  statusOf,
  thresholdsFor,
  type Signals,
  type SignalValue,
} from '../scorecard/index.js';
import { quantile } from '../evaluate/index.js';
import { accountRow } from './accounts.js';
import { probabilityHistoryChart, scoreHistoryChart } from './charts.js';
import { peerKey, type AppState } from './state.js';
import type { AccountDetail, HistoryPoint, SignalRow } from './web/wire.js';

const CONTEXT = [
  'zero_usage_14d',
  'champion_departed',
  'active_escalation',
  'days_to_renewal',
  'annual_value',
  'seats',
  'tenure_days',
] as const;

function cellValue(state: AppState, name: string, i: number): SignalValue {
  const col = state.frame.columns[name];
  if (col === undefined) return null;
  if (col instanceof Float64Array) return Number.isNaN(col[i]!) ? null : col[i]!;
  return col[i] ?? null;
}

/** Frame rows of the same segment on the same as-of date as row i (itself included). */
function peers(state: AppState, i: number): number[] {
  return state.peers.get(peerKey(state.asOf[i]!, state.segments[i] ?? null)) ?? [];
}

function segmentMedian(state: AppState, feature: string, rows: readonly number[]): number | null {
  const col = state.frame.columns[feature];
  if (!(col instanceof Float64Array)) return null;
  const values = rows.map((r) => col[r]!).filter((v) => !Number.isNaN(v));
  values.sort((a, b) => a - b);
  return quantile(values, 0.5);
}

/** Everything the account page shows; null when the account is not in the table. */
export function accountDetail(state: AppState, id: string): AccountDetail | null {
  const rows = state.rowsOf.get(id);
  if (!rows) return null;
  const i = rows[rows.length - 1]!;
  const { scores } = state.scored;
  const card = state.card;
  const signals: Signals = {};
  for (const name of state.frame.names) signals[name] = cellValue(state, name, i);
  const segmentRows = peers(state, i);
  // the weights that scored this account: its segment's own when the card has them
  const weighted = cardForSegment(card, state.segments[i] ?? null);
  const signalRows: SignalRow[] = weighted.layers.flatMap((layer) =>
    layer.signals.map((sig) => {
      const value = cellValue(state, sig.feature, i);
      const median = segmentMedian(state, sig.feature, segmentRows);
      const points = signalPoints(sig, signals);
      return {
        feature: sig.feature,
        label: featureLabel(sig.feature),
        layer: layer.name,
        weight: layer.weight * sig.weight,
        value: typeof value === 'number' ? significant(value, 4) : typeof value === 'boolean' ? Number(value) : value,
        value_text: formatValue(sig.feature, value),
        median: median === null ? null : significant(median, 4),
        median_text: formatValue(sig.feature, median),
        points,
        sentence: describeValue(sig.feature, value),
      };
    }),
  );
  const history: HistoryPoint[] = rows.map((r) => {
    const scored = statusOf(card, scores.coverage[r]!) === 'scored';
    const p = scores.probability[r]!;
    const mp = state.modelProbability ? state.modelProbability[r]! : NaN;
    return {
      as_of: state.asOf[r]!,
      score: scored ? scoreForPeople(scores.score[r]!) : null,
      band: scored ? BANDS[scores.band[r]!]! : null,
      probability: scored && !Number.isNaN(p) ? significant(p, 4) : null,
      model_probability: Number.isNaN(mp) ? null : significant(mp, 4),
    };
  });
  const thresholds = thresholdsFor(card, state.segments[i] ?? null);
  const M = scores.checked.length;
  return {
    account: accountRow(state, i),
    coverage: significant(scores.coverage[i]!, 4),
    missing: scores.checked.filter((_, m) => scores.missing[i * M + m] === 1),
    layers: weighted.layers.map((l) => {
      const v = scores.layers[l.name]![i]!;
      return { name: l.name, weight: l.weight, score: Number.isNaN(v) ? null : scoreForPeople(v) };
    }),
    signals: signalRows,
    context: CONTEXT.filter((c) => state.frame.columns[c] !== undefined).map((c) => ({
      feature: c,
      label: featureLabel(c),
      value_text: formatValue(c, cellValue(state, c, i)),
    })),
    history,
    thresholds: { yellow: thresholds.yellow, green: thresholds.green },
    charts: { score: scoreHistoryChart(history, thresholds), probability: probabilityHistoryChart(history) },
    model: state.modelName,
  };
}

/** The app's own computed score of an account at a day: its latest snapshot on or before it (null when none). */
export function computedAt(
  state: AppState,
  id: string,
  asOf: string,
): { as_of: string; score: number; band: string } | null {
  const rows = state.rowsOf.get(id) ?? [];
  const { scores } = state.scored;
  let found: { as_of: string; score: number; band: string } | null = null;
  for (const r of rows) {
    if (state.asOf[r]! > asOf) break;
    if (statusOf(state.card, scores.coverage[r]!) !== 'scored') continue;
    found = { as_of: state.asOf[r]!, score: scoreForPeople(scores.score[r]!), band: BANDS[scores.band[r]!]! };
  }
  return found;
}
