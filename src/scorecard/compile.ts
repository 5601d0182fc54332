/**
 * The fast scorers. One kernel scores rows of column arrays into preallocated outputs with no
 * per-row allocation; scoreColumns runs it over a whole table, compileScorer over a one-row
 * scratch table it refills per call. Arithmetic follows score.ts step for step, so results
 * are identical to scoreAccount (tests check it on random inputs).
 */
import { ChurnkitError } from '../util/errors.js';
import type { Condition, Scorecard } from './schema.js';
import { BANDS, MAX_REASONS, type Band, type ScoreResult } from './score.js';
import { SCORE_EPSILON, toBoolean, toNumber, toText, type SignalValue, type Signals } from './values.js';

/** A column as the data layer holds it (Float64Array with NaN for NULL, or text) or raw values. */
export type ColumnData = Float64Array | readonly (string | null)[] | readonly SignalValue[];
/** Any table of columns; src/data/frame.ts's Frame is one. */
export interface ColumnTable {
  n: number;
  columns: Record<string, ColumnData | undefined>;
}

/** Batch scores, row i of each array for row i of the table. */
export interface ScoreColumns {
  n: number;
  score: Float64Array;
  /** The composite before overrides. */
  base_score: Float64Array;
  /** Index into BANDS: 0 RED, 1 YELLOW, 2 GREEN. */
  band: Uint8Array;
  /** NaN when the scorecard has no probability map. */
  probability: Float64Array;
  /** Layer scores by layer name, NaN when the layer is missing. */
  layers: Record<string, Float64Array>;
  /** Row-major n x overrides.length: 1 when override k fired on row i (at i * K + k). */
  fired: Uint8Array;
  escalate: Uint8Array;
  /** Row-major n x 3 indices into `signals` (-1 = none), most points lost first. */
  reasons: Int16Array;
  /** Signal (feature) names in scorecard order, what `reasons` indexes. */
  signals: string[];
  /** Override ids in scorecard order, what `fired` indexes. */
  overrides: string[];
}

type NumTest = (i: number, score: number) => boolean;

/** Typed views of the columns a card reads, converted once through the shared coercions. */
interface Views {
  num(name: string): Float64Array;
  /** Non-zero = true, NaN = missing. */
  bool(name: string): Float64Array;
  text(name: string): readonly (string | null)[];
  has(name: string): boolean;
}

function tableViews(table: ColumnTable): Views {
  const cache = new Map<string, Float64Array | readonly (string | null)[]>();
  const column = (name: string): ColumnData => {
    const c = table.columns[name];
    if (c === undefined) throw new ChurnkitError(`column ${name} is not in the table, and the scorecard reads it`, 2);
    if (c.length !== table.n) throw new ChurnkitError(`column ${name} has ${c.length} values for ${table.n} rows`, 2);
    return c;
  };
  const cached = <T extends Float64Array | readonly (string | null)[]>(key: string, make: () => T): T => {
    let v = cache.get(key);
    if (v === undefined) cache.set(key, (v = make()));
    return v as T;
  };
  return {
    has: (name) => table.columns[name] !== undefined,
    num: (name) =>
      cached(`n:${name}`, () => {
        const c = column(name);
        return c instanceof Float64Array ? c : Float64Array.from(c as readonly SignalValue[], (v) => toNumber(v, name));
      }),
    bool: (name) =>
      cached(`b:${name}`, () => {
        const c = column(name);
        return c instanceof Float64Array ? c : Float64Array.from(c as readonly SignalValue[], (v) => toBoolean(v, name));
      }),
    text: (name) =>
      cached(`t:${name}`, () => {
        const c = column(name);
        return c instanceof Float64Array ? Array.from(c, (v) => toText(v)) : (c as readonly SignalValue[]).map((v) => toText(v));
      }),
  };
}

/** One-row views that compileScorer refills from a Signals object before each call. */
function scratchViews(): Views & { fill(signals: Signals): void } {
  const fillers: ((signals: Signals) => void)[] = [];
  const made = new Map<string, Float64Array | (string | null)[]>();
  const get = <T extends Float64Array | (string | null)[]>(key: string, name: string, make: () => T, fill: (arr: T, v: SignalValue | undefined) => void): T => {
    let arr = made.get(key) as T | undefined;
    if (arr === undefined) {
      const a = make();
      arr = a;
      made.set(key, a);
      fillers.push((signals) => fill(a, signals[name]));
    }
    return arr;
  };
  return {
    has: () => true,
    num: (name) => get(`n:${name}`, name, () => new Float64Array(1), (a, v) => (a[0] = toNumber(v, name))),
    bool: (name) => get(`b:${name}`, name, () => new Float64Array(1), (a, v) => (a[0] = toBoolean(v, name))),
    text: (name) => get(`t:${name}`, name, () => [null] as (string | null)[], (a, v) => (a[0] = toText(v))),
    fill(signals) {
      for (const f of fillers) f(signals);
    },
  };
}

function numberTest(x: Float64Array, op: string, c: number): NumTest {
  switch (op) {
    case '<':
      return (i) => x[i]! < c;
    case '<=':
      return (i) => x[i]! <= c;
    case '>':
      return (i) => x[i]! > c;
    case '>=':
      return (i) => x[i]! >= c;
    case '=':
      return (i) => x[i] === c;
    default:
      return (i) => x[i] !== c && x[i] === x[i];
  }
}

function scoreTest(op: string, c: number): NumTest {
  switch (op) {
    case '<':
      return (_, s) => s < c - SCORE_EPSILON;
    case '<=':
      return (_, s) => s <= c + SCORE_EPSILON;
    case '>':
      return (_, s) => s > c + SCORE_EPSILON;
    default:
      return (_, s) => s >= c - SCORE_EPSILON;
  }
}

function compileCondition(c: Condition, views: Views): NumTest {
  if ('all' in c) {
    const parts = c.all.map((x) => compileCondition(x, views));
    return (i, s) => {
      for (const p of parts) if (!p(i, s)) return false;
      return true;
    };
  }
  if ('any' in c) {
    const parts = c.any.map((x) => compileCondition(x, views));
    return (i, s) => {
      for (const p of parts) if (p(i, s)) return true;
      return false;
    };
  }
  if ('score' in c) return scoreTest(c.score.op, c.score.value);
  const { signal, op, value } = c;
  if (op === 'is_null' || op === 'not_null') {
    const want = op === 'is_null';
    const t = views.text(signal);
    return (i) => (t[i] === null) === want;
  }
  if (typeof value === 'number') return numberTest(views.num(signal), op, value);
  if (typeof value === 'boolean') {
    const b = views.bool(signal);
    const eq = op === '=';
    return (i) => {
      const x = b[i]!;
      return x === x && (x !== 0) === value === eq;
    };
  }
  const t = views.text(signal);
  return op === '=' ? (i) => t[i] === value : (i) => t[i] !== null && t[i] !== value;
}

interface Outputs {
  score: Float64Array;
  base: Float64Array;
  band: Uint8Array;
  probability: Float64Array;
  layers: Float64Array[];
  fired: Uint8Array;
  escalate: Uint8Array;
  reasons: Int16Array;
}

function allocate(card: Scorecard, n: number): Outputs {
  return {
    score: new Float64Array(n),
    base: new Float64Array(n),
    band: new Uint8Array(n),
    probability: new Float64Array(n),
    layers: card.layers.map(() => new Float64Array(n)),
    fired: new Uint8Array(n * card.overrides.length),
    escalate: new Uint8Array(n),
    reasons: new Int16Array(n * MAX_REASONS),
  };
}

/** Binds the card to column views; the returned function scores rows [from, to) into `out`. */
function bindKernel(card: Scorecard, views: Views): (from: number, to: number, out: Outputs) => void {
  const S = card.layers.reduce((a, l) => a + l.signals.length, 0);
  const L = card.layers.length;
  const K = card.overrides.length;
  const layerOf = new Int32Array(S);
  const sWeight = new Float64Array(S);
  const lWeight = Float64Array.from(card.layers, (l) => l.weight);
  const layerEnd = new Int32Array(L);
  const values: Float64Array[] = [];
  const uppers: Float64Array[] = [];
  const inclusive: Uint8Array[] = [];
  const bandPoints: Float64Array[] = [];
  const missingPoints = new Float64Array(S);
  const rules: { test: NumTest; points: number }[][] = [];
  let s = 0;
  card.layers.forEach((layer, l) => {
    for (const sig of layer.signals) {
      layerOf[s] = l;
      sWeight[s] = sig.weight;
      values.push(views.num(sig.feature));
      uppers.push(Float64Array.from(sig.points.slice(0, -1), (b) => (b.lt ?? b.lte)!));
      inclusive.push(Uint8Array.from(sig.points.slice(0, -1), (b) => (b.lte !== undefined ? 1 : 0)));
      bandPoints.push(Float64Array.from(sig.points, (b) => b.points));
      missingPoints[s] = sig.missing.policy === 'points' ? sig.missing.points : NaN;
      rules.push((sig.rules ?? []).map((r) => ({ test: compileCondition(r.when, views), points: r.points })));
      s++;
    }
    layerEnd[l] = s;
  });
  const kind = Uint8Array.from(card.overrides, (o) => (o.action === 'set' ? 0 : o.action === 'cap' ? 1 : 2));
  const oValue = Float64Array.from(card.overrides, (o) => o.value ?? NaN);
  const oTest = card.overrides.map((o) => compileCondition(o.when, views));
  const oEscalate = Uint8Array.from(card.overrides, (o) => (o.action === 'flag' && o.flag === 'escalate' ? 1 : 0));

  const segments = Object.keys(card.bands.segments ?? {});
  const segIndex = new Map(segments.map((name, k) => [name, k + 1]));
  const green = Float64Array.from([card.bands.green, ...segments.map((k) => card.bands.segments![k]!.green)], (t) => t - SCORE_EPSILON);
  const yellow = Float64Array.from([card.bands.yellow, ...segments.map((k) => card.bands.segments![k]!.yellow)], (t) => t - SCORE_EPSILON);
  const segment = segments.length > 0 && views.has('segment') ? views.text('segment') : null;

  const prob = card.probability.method === 'isotonic' ? card.probability : null;
  const px = prob ? Float64Array.from(prob.x) : new Float64Array(0);
  const py = prob ? Float64Array.from(prob.y) : new Float64Array(0);
  const last = px.length - 1;
  const noData = card.no_data_score;

  const pts = new Float64Array(S);
  const layerScore = new Float64Array(L);
  const layerPresent = new Float64Array(L);
  const topLoss = new Float64Array(MAX_REASONS);
  const topIdx = new Int16Array(MAX_REASONS);

  return (from, to, out) => {
    for (let i = from; i < to; i++) {
      let total = 0;
      let totalWeight = 0;
      let sIdx = 0;
      for (let l = 0; l < L; l++) {
        let sum = 0;
        let weight = 0;
        const end = layerEnd[l]!;
        for (; sIdx < end; sIdx++) {
          let p = NaN;
          let ruled = false;
          const rs = rules[sIdx]!;
          for (let r = 0; r < rs.length; r++) {
            if (rs[r]!.test(i, NaN)) {
              p = rs[r]!.points;
              ruled = true;
              break;
            }
          }
          if (!ruled) {
            const x = values[sIdx]![i]!;
            if (x !== x) p = missingPoints[sIdx]!;
            else {
              const up = uppers[sIdx]!;
              const inc = inclusive[sIdx]!;
              const bp = bandPoints[sIdx]!;
              let k = 0;
              const kn = up.length;
              while (k < kn && !(x < up[k]! || (x === up[k]! && inc[k] === 1))) k++;
              p = bp[k]!;
            }
          }
          pts[sIdx] = p;
          if (p === p) {
            sum += sWeight[sIdx]! * p;
            weight += sWeight[sIdx]!;
          }
        }
        layerPresent[l] = weight;
        const ls = weight > 0 ? sum / weight : NaN;
        layerScore[l] = ls;
        out.layers[l]![i] = ls;
        if (ls === ls) {
          total += lWeight[l]! * ls;
          totalWeight += lWeight[l]!;
        }
      }
      let base = noData;
      if (totalWeight > 0) {
        base = total / totalWeight;
        base = base < 0 ? 0 : base > 100 ? 100 : base;
      }

      let score = base;
      let setDone = false;
      const f0 = i * K;
      for (let k = 0; k < K; k++) {
        out.fired[f0 + k] = 0;
        if (kind[k] === 0 && oTest[k]!(i, base)) {
          out.fired[f0 + k] = 1;
          if (!setDone) score = oValue[k]!;
          setDone = true;
        }
      }
      const afterSet = score;
      for (let k = 0; k < K; k++) {
        if (kind[k] === 1 && oTest[k]!(i, afterSet)) {
          out.fired[f0 + k] = 1;
          if (oValue[k]! < score) score = oValue[k]!;
        }
      }
      let esc = 0;
      for (let k = 0; k < K; k++) {
        if (kind[k] === 2 && oTest[k]!(i, score)) {
          out.fired[f0 + k] = 1;
          esc |= oEscalate[k]!;
        }
      }
      out.score[i] = score;
      out.base[i] = base;
      out.escalate[i] = esc;

      const seg = segment === null ? 0 : (segIndex.get(segment[i] as string) ?? 0);
      out.band[i] = score >= green[seg]! ? 2 : score >= yellow[seg]! ? 1 : 0;

      if (prob) {
        let p: number;
        if (score <= px[0]!) p = py[0]!;
        else if (score >= px[last]!) p = py[last]!;
        else {
          let lo = 0;
          let hi = last;
          while (hi - lo > 1) {
            const mid = (lo + hi) >> 1;
            if (score >= px[mid]!) lo = mid;
            else hi = mid;
          }
          p = py[lo]! + ((score - px[lo]!) * (py[lo + 1]! - py[lo]!)) / (px[lo + 1]! - px[lo]!);
        }
        out.probability[i] = p;
      } else out.probability[i] = NaN;

      let count = 0;
      for (let t = 0; t < S; t++) {
        const p = pts[t]!;
        if (p !== p) continue;
        const l = layerOf[t]!;
        const lost = (lWeight[l]! / totalWeight) * (sWeight[t]! / layerPresent[l]!) * (100 - p);
        if (!(lost > 0)) continue;
        if (count === MAX_REASONS && !(lost > topLoss[MAX_REASONS - 1]!)) continue;
        let pos = count < MAX_REASONS ? count++ : MAX_REASONS - 1;
        while (pos > 0 && lost > topLoss[pos - 1]!) {
          topLoss[pos] = topLoss[pos - 1]!;
          topIdx[pos] = topIdx[pos - 1]!;
          pos--;
        }
        topLoss[pos] = lost;
        topIdx[pos] = t;
      }
      const r0 = i * MAX_REASONS;
      for (let r = 0; r < MAX_REASONS; r++) out.reasons[r0 + r] = r < count ? topIdx[r]! : -1;
    }
  };
}

export function signalNames(card: Scorecard): string[] {
  return card.layers.flatMap((l) => l.signals.map((s) => s.feature));
}

/** Scores every row of a column table; the card's columns are read once, outputs preallocated. */
export function scoreColumns(card: Scorecard, table: ColumnTable): ScoreColumns {
  const out = allocate(card, table.n);
  bindKernel(card, tableViews(table))(0, table.n, out);
  const layers: Record<string, Float64Array> = {};
  card.layers.forEach((l, k) => (layers[l.name] = out.layers[k]!));
  return {
    n: table.n,
    score: out.score,
    base_score: out.base,
    band: out.band,
    probability: out.probability,
    layers,
    fired: out.fired,
    escalate: out.escalate,
    reasons: out.reasons,
    signals: signalNames(card),
    overrides: card.overrides.map((o) => o.id),
  };
}

/** A scorer for one account at a time with everything but the result object allocated up front. */
export function compileScorer(card: Scorecard): (signals: Signals) => ScoreResult {
  const views = scratchViews();
  const run = bindKernel(card, views);
  const out = allocate(card, 1);
  const names = signalNames(card);
  const K = card.overrides.length;
  return (signals) => {
    views.fill(signals);
    run(0, 1, out);
    const layers: Record<string, number | null> = {};
    card.layers.forEach((l, k) => {
      const v = out.layers[k]![0]!;
      layers[l.name] = v === v ? v : null;
    });
    const overrides: string[] = [];
    const flags: string[] = [];
    for (let k = 0; k < K; k++) {
      if (out.fired[k] !== 1) continue;
      const o = card.overrides[k]!;
      overrides.push(o.id);
      if (o.action === 'flag') flags.push(o.flag!);
    }
    const reasons: string[] = [];
    for (let r = 0; r < MAX_REASONS; r++) if (out.reasons[r]! >= 0) reasons.push(names[out.reasons[r]!]!);
    const p = out.probability[0]!;
    return {
      score: out.score[0]!,
      band: BANDS[out.band[0]!] as Band,
      probability: p === p ? p : null,
      layers,
      overrides,
      reasons,
      escalate: out.escalate[0] === 1,
      flags,
      base_score: out.base[0]!,
    };
  };
}

/**
 * Where a condition holds over a table (1) or not (0). `score` feeds score comparisons; without
 * it they never hold.
 */
export function conditionColumn(condition: Condition, table: ColumnTable, score?: Float64Array): Uint8Array {
  const test = compileCondition(condition, tableViews(table));
  const out = new Uint8Array(table.n);
  for (let i = 0; i < table.n; i++) out[i] = test(i, score ? score[i]! : NaN) ? 1 : 0;
  return out;
}
