/**
 * The what-if editor. Sliders set each layer's and each signal's relative weight (the card gets
 * them as shares summing to 1), inputs set each band's points and the band thresholds. Every
 * change sends the edited card to the app, which re-scores every snapshot and backtests it on
 * the saved card's folds; the newest answer wins, and a change made while one is in flight is
 * sent when it returns. Save writes the edited card as a new file with its diff.
 */
import { html } from 'htm/preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { Markdown } from './markdown.js';
import { drawChart, fmtInt, fmtNum, fmtPct, markReady, requestJson } from './shared.js';
import type { Band, Summary } from './wire.js';

interface PointsBand {
  gt?: number;
  gte?: number;
  lt?: number;
  lte?: number;
  points: number;
  label?: string;
}
interface Signal {
  feature: string;
  weight: number;
  points: PointsBand[];
}
interface Layer {
  name: string;
  weight: number;
  signals: Signal[];
}
interface Thresholds {
  green: number;
  yellow: number;
}
interface Card {
  name?: string;
  layers: Layer[];
  bands: Thresholds & { segments?: Record<string, Thresholds> };
}

interface BandCell {
  rows: number;
  churned: number;
  rate: number | null;
  lo: number;
  hi: number;
}
interface Metrics {
  rows: number;
  auc: number | null;
  pr_auc: number | null;
  lift_top_decile: number | null;
  precision_at_capacity: number | null;
  recall_at_capacity: number | null;
  arr_capture: number | null;
  bands: Record<Band, BandCell>;
}
interface Evaluation {
  backtest: { folds: (Metrics & { cutoff: string })[]; pooled: Metrics & { lead_time: { median: number | null } } };
  today: Record<Band | 'none', number>;
  ms?: number;
}

export interface EditorBoot {
  summary: Summary;
  card: Card;
  saved: Evaluation | null;
  folds: {
    source: string;
    count: number;
    rows: number;
    first: string | null;
    last: string | null;
    capacity: number | null;
    horizon: number;
  } | null;
  folds_error: string | null;
  /** Null when the app has no folder to write in (the shipped card without --out). */
  out: string | null;
  served: string;
  allow_write: boolean;
  chart: unknown;
  chartData: string;
  /** The catalogue's label of each signal. */
  labels: Record<string, string>;
}

const BANDS: Band[] = ['RED', 'YELLOW', 'GREEN'];

/** Shares summing to exactly 1 (to float noise) from relative weights, rounded to 6 decimals. */
function shares(raw: readonly number[]): number[] | null {
  const sum = raw.reduce((a, b) => a + b, 0);
  if (!(sum > 0)) return null;
  const r = raw.map((x) => Math.round((x / sum) * 1e6) / 1e6);
  let big = 0;
  r.forEach((x, k) => {
    if (x > r[big]!) big = k;
  });
  r[big] = Math.round((r[big]! + 1 - r.reduce((a, b) => a + b, 0)) * 1e6) / 1e6;
  return r;
}

interface Raw {
  layers: number[];
  signals: number[][];
}

/** The card the edits describe; null with a reason when they cannot make one (a layer with no weight). */
function buildCard(base: Card, raw: Raw): { card: Card } | { problem: string } {
  const card = structuredClone(base);
  const layerShares = shares(raw.layers);
  if (!layerShares) return { problem: 'every layer has weight 0: give one some weight' };
  for (const [l, layer] of card.layers.entries()) {
    layer.weight = layerShares[l]!;
    const s = shares(raw.signals[l]!);
    if (!s) return { problem: `every signal of ${layer.name} has weight 0: give one some weight` };
    layer.signals.forEach((sig, k) => (sig.weight = s[k]!));
  }
  return { card };
}

function bandRange(b: PointsBand): string {
  const lo = b.gt !== undefined ? `>${b.gt}` : b.gte !== undefined ? `≥${b.gte}` : '';
  const hi = b.lt !== undefined ? `<${b.lt}` : b.lte !== undefined ? `≤${b.lte}` : '';
  return [lo, hi].filter(Boolean).join(' ') || 'any';
}

type Direction = 1 | -1 | 0;
/** A pooled metric where higher is better, shown in the row whose id is its field's name. */
const pooledRow = (id: Exclude<keyof Metrics, 'rows' | 'bands'>, label: string, fmt: (v: number | null) => string) => ({
  id,
  label,
  get: (e: Evaluation) => e.backtest.pooled[id],
  fmt,
  better: 1 as Direction,
});
const ROWS: {
  id: string;
  label: string;
  get: (e: Evaluation) => number | null;
  fmt: (v: number | null) => string;
  better: Direction;
}[] = [
  pooledRow('auc', 'ROC AUC', (v) => fmtNum(v)),
  pooledRow('pr_auc', 'PR AUC', (v) => fmtNum(v)),
  pooledRow('lift_top_decile', 'Top-decile lift', (v) => fmtNum(v, 2)),
  pooledRow('precision_at_capacity', 'Precision at capacity', (v) => fmtPct(v)),
  pooledRow('recall_at_capacity', 'Recall at capacity', (v) => fmtPct(v)),
  pooledRow('arr_capture', 'Churned ARR caught', (v) => fmtPct(v)),
  {
    id: 'lead_time',
    label: 'Median lead time (days)',
    get: (e) => e.backtest.pooled.lead_time.median,
    fmt: (v) => fmtInt(v),
    better: 1,
  },
  ...BANDS.flatMap((b) => [
    {
      id: `${b}_rows`,
      label: `${b} snapshots`,
      get: (e: Evaluation) => e.backtest.pooled.bands[b].rows,
      fmt: fmtInt,
      better: 0 as Direction,
    },
    {
      id: `${b}_rate`,
      label: `${b} churn rate`,
      get: (e: Evaluation) => e.backtest.pooled.bands[b].rate,
      fmt: (v: number | null) => fmtPct(v),
      better: (b === 'RED' ? 1 : b === 'GREEN' ? -1 : 0) as Direction,
    },
  ]),
  ...BANDS.map((b) => ({
    id: `${b}_today`,
    label: `${b} accounts today`,
    get: (e: Evaluation) => e.today[b],
    fmt: fmtInt,
    better: 0 as Direction,
  })),
];

function interval(c: BandCell) {
  return c.rate === null ? '' : ` [${fmtPct(c.lo)}–${fmtPct(c.hi)}]`;
}

function bandRows(saved: Evaluation, edited: Evaluation) {
  return (['saved', 'edited'] as const).flatMap((card) =>
    BANDS.map((band) => {
      const c = (card === 'saved' ? saved : edited).backtest.pooled.bands[band];
      return { card, band, rows: c.rows, rate: c.rate ?? 0, lo: c.lo, hi: c.hi };
    }),
  );
}

function initialRaw(card: Card): Raw {
  return {
    layers: card.layers.map((l) => Math.round(l.weight * 1000) / 10),
    signals: card.layers.map((l) => l.signals.map((s) => Math.round(s.weight * 1000) / 10)),
  };
}

export function EditorPage({ boot }: { boot: EditorBoot }) {
  const saved = boot.saved;
  const [base, setBase] = useState<Card>(() => structuredClone(boot.card));
  const [raw, setRaw] = useState<Raw>(() => initialRaw(boot.card));
  const [edited, setEdited] = useState<Evaluation | null>(saved);
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [name, setName] = useState(
    () => `${(boot.served.split('/').pop() ?? 'scorecard.json').replace(/\.json$/, '')}.edited.json`,
  );
  const [saveResult, setSaveResult] = useState<{ ok: boolean; text: string; diff?: string } | null>(null);
  const chartEl = useRef<HTMLDivElement>(null);
  const view = useRef<ReturnType<typeof drawChart> | null>(null);
  const flight = useRef<{ busy: boolean; next: Card | null; version: number }>({ busy: false, next: null, version: 0 });

  const built = buildCard(base, raw);
  const card = 'card' in built ? built.card : null;

  // one request at a time; the latest card waiting is sent when the one in flight returns
  const send = (c: Card) => {
    const f = flight.current;
    if (f.busy) {
      f.next = c;
      return;
    }
    f.busy = true;
    setBusy(true);
    document.getElementById('app')!.dataset['state'] = 'loading';
    const version = ++f.version;
    requestJson<Evaluation>('/api/scorecard/evaluate', { card: c }).then(
      (r) => {
        setEdited(r);
        setProblem(null);
        done(version);
      },
      (err: Error) => {
        setProblem(err.message);
        done(version);
      },
    );
  };
  const done = (version: number) => {
    const f = flight.current;
    f.busy = false;
    const next = f.next;
    f.next = null;
    if (next) send(next);
    else {
      setBusy(false);
      markReady(version);
    }
  };

  const first = useRef(true);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    if ('problem' in built) {
      setProblem(built.problem);
      return;
    }
    send(built.card);
  }, [base, raw]);

  useEffect(() => {
    if (!chartEl.current || !saved || !edited) return;
    const values = bandRows(saved, edited);
    if (!view.current) view.current = drawChart(chartEl.current, boot.chart, { name: boot.chartData, values });
    else void view.current.then((v) => v.data(boot.chartData, values).runAsync());
  }, [edited]);
  useEffect(() => {
    markReady(0);
  }, []);

  if (!saved || !boot.folds)
    return html`<h1>Scorecard editor</h1><p class="error" id="no-folds">The feature table cannot be backtested, so the editor has nothing to measure: ${boot.folds_error}</p>`;

  const setLayer = (l: number, v: number) => setRaw({ ...raw, layers: raw.layers.map((x, k) => (k === l ? v : x)) });
  const setSignal = (l: number, s: number, v: number) =>
    setRaw({ ...raw, signals: raw.signals.map((xs, k) => (k === l ? xs.map((x, j) => (j === s ? v : x)) : xs)) });
  const setPoints = (l: number, s: number, b: number, v: number) => {
    const next = structuredClone(base);
    next.layers[l]!.signals[s]!.points[b]!.points = v;
    setBase(next);
  };
  const setThreshold = (segment: string | null, key: 'green' | 'yellow', v: number) => {
    const next = structuredClone(base);
    const t = segment === null ? next.bands : next.bands.segments![segment]!;
    t[key] = v;
    setBase(next);
  };
  const reset = () => {
    setBase(structuredClone(boot.card));
    setRaw(initialRaw(boot.card));
  };
  const save = () => {
    if (!card) return;
    setSaveResult(null);
    requestJson<{ path: string; diff: string; diff_path: string }>('/api/scorecard/save', { card, name }).then(
      (r) => setSaveResult({ ok: true, text: `Saved ${r.path} and ${r.diff_path}.`, diff: r.diff }),
      (err: Error) => setSaveResult({ ok: false, text: err.message }),
    );
  };
  const number = (e: Event) => Number((e.target as HTMLInputElement).value);
  const shown = card ?? base;

  return html`
    <h1>Scorecard editor: what would this card have done?</h1>
    <p class="muted">
      Every change re-scores all ${fmtInt(boot.folds.rows)} test snapshots and backtests the card on the ${boot.folds.count} walk-forward folds${' '}
      ${boot.folds.source === 'backtest' ? 'of the backtest the app was started with' : 'churnkit backtest would use'} (${boot.folds.first} to ${boot.folds.last}, churn within ${boot.folds.horizon} days),
      beside the saved card ${boot.summary.scorecard}.
    </p>
    <div class="editor">
      <div class="controls">
        ${shown.layers.map(
          (layer, l) => html`<div class="layer card" data-layer=${layer.name}>
            <div class="slider"><b>${layer.name}</b>
              <input type="range" min="0" max="100" step="0.5" data-weight=${layer.name} value=${raw.layers[l]} onInput=${(e: Event) => setLayer(l, number(e))} />
              <span data-share=${layer.name}>${fmtPct(layer.weight, 1)}</span></div>
            ${layer.signals.map(
              (
                sig,
                s,
              ) => html`<div class="slider"><span title=${sig.feature}>${boot.labels[sig.feature] ?? sig.feature}</span>
                  <input type="range" min="0" max="100" step="0.5" data-weight=${`${layer.name}.${sig.feature}`} value=${raw.signals[l]![s]} onInput=${(e: Event) => setSignal(l, s, number(e))} />
                  <span>${fmtPct(sig.weight, 0)}</span></div>
                <div class="points">${sig.points.map(
                  (b, k) =>
                    html`<label title=${b.label ?? ''}>${bandRange(b)} <input type="number" min="0" max="100" step="1" data-points=${`${sig.feature}.${k}`} value=${b.points} onChange=${(e: Event) => setPoints(l, s, k, number(e))} /></label>`,
                )}</div>`,
            )}
          </div>`,
        )}
        <div class="card">
          <h3>Band thresholds</h3>
          ${[null, ...Object.keys(shown.bands.segments ?? {})].map((seg) => {
            const t = seg === null ? shown.bands : shown.bands.segments![seg]!;
            return html`<div class="thresholds"><span>${seg ?? 'all segments'}</span>
              <span>GREEN from <input type="number" min="0" max="100" step="1" data-threshold=${`${seg ?? 'all'}.green`} value=${t.green} onChange=${(e: Event) => setThreshold(seg, 'green', number(e))} /></span>
              <span>YELLOW from <input type="number" min="0" max="100" step="1" data-threshold=${`${seg ?? 'all'}.yellow`} value=${t.yellow} onChange=${(e: Event) => setThreshold(seg, 'yellow', number(e))} /></span></div>`;
          })}
        </div>
      </div>
      <div class="metrics">
        <div class="card">
          <div class="toolbar">
            <b>Backtest</b><span class="note" id="timing">${busy ? 'recomputing…' : edited?.ms !== undefined ? `recomputed in ${edited.ms.toFixed(0)} ms` : 'the saved card'}</span>
            <button class="action secondary" id="reset" onClick=${reset}>Reset to saved</button>
          </div>
          ${problem ? html`<p class="error" id="problem">${problem}</p>` : null}
          <table id="metrics"><thead><tr><th>metric</th><th class="num">saved</th><th class="num">edited</th></tr></thead>
            <tbody>${ROWS.map((row) => {
              const a = row.get(saved);
              const b = edited ? row.get(edited) : null;
              const cls =
                row.better === 0 || a === null || b === null || a === b
                  ? ''
                  : (b - a) * row.better > 0
                    ? 'better'
                    : 'worse';
              const band = row.id.endsWith('_rate') ? (row.id.split('_')[0] as Band) : null;
              return html`<tr><td>${row.label}</td>
                <td class="num" data-metric=${row.id} data-card="saved" data-value=${a ?? ''}>${row.fmt(a)}${band ? interval(saved.backtest.pooled.bands[band]) : ''}</td>
                <td class=${`num ${cls}`} data-metric=${row.id} data-card="edited" data-value=${b ?? ''}>${row.fmt(b)}${band && edited ? interval(edited.backtest.pooled.bands[band]) : ''}</td></tr>`;
            })}</tbody>
          </table>
          <p class="note">Capacity: ${boot.folds.capacity === null ? 'the riskiest 10% of accounts at each snapshot' : `${boot.folds.capacity} accounts per snapshot`}. Churn rates with Wilson 95% intervals.</p>
          <div class="chart" id="chart-bands" ref=${chartEl}></div>
          <h3>Per fold</h3>
          <table id="folds"><thead><tr><th>cutoff</th><th class="num">test snapshots</th><th class="num">AUC saved</th><th class="num">AUC edited</th><th class="num">precision saved</th><th class="num">precision edited</th></tr></thead>
            <tbody>${saved.backtest.folds.map((f, k) => {
              const e = edited?.backtest.folds[k];
              return html`<tr><td>${f.cutoff}</td><td class="num">${fmtInt(f.rows)}</td><td class="num">${fmtNum(f.auc)}</td><td class="num">${fmtNum(e?.auc)}</td><td class="num">${fmtPct(f.precision_at_capacity)}</td><td class="num">${fmtPct(e?.precision_at_capacity)}</td></tr>`;
            })}</tbody>
          </table>
        </div>
        <div class="card">
          <h3>Save the edited card</h3>
          <p class="note">A new file in ${boot.out ?? 'the --out folder (start the app with --out DIR)'}, validated by the scorecard schema, with its diff beside it${boot.allow_write ? '' : '; the served card is never replaced (start with --allow-write to allow it)'}.</p>
          <div class="toolbar">
            <input type="text" id="save-name" value=${name} onInput=${(e: Event) => setName((e.target as HTMLInputElement).value)} size="36" />
            <button class="action" id="save" disabled=${!card} onClick=${save}>Save</button>
          </div>
          ${saveResult ? html`<p class=${saveResult.ok ? 'note' : 'error'} id="save-result">${saveResult.text}</p>` : null}
          ${saveResult?.diff ? html`<${Markdown} text=${saveResult.diff} id="save-diff" />` : null}
        </div>
      </div>
    </div>`;
}
