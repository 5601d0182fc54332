import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Rng } from '../../src/util/rng.js';
import {
  BANDS,
  compileScorer,
  parseScorecard,
  scoreAccount,
  scoreColumns,
  type Scorecard,
  type Signals,
  type SignalValue,
} from '../../src/scorecard/index.js';
import { defaultCardJson } from './helpers.js';

const FEATURES = ['f0', 'f1', 'f2', 'f3', 'f4', 'f5'];
const FLAGS = ['b0', 'b1'];

/** A random valid card: random band edges (some shared with the values drawn), weights, overrides. */
function randomCard(rng: Rng): Scorecard {
  const edges = [-1, -0.5, 0, 0.25, 0.5, 1, 2];
  const layers: any[] = [];
  const shuffled = rng.shuffle([...FEATURES]);
  const layerCount = 1 + rng.int(3);
  const groups: string[][] = Array.from({ length: layerCount }, () => []);
  shuffled.forEach((f, i) => groups[i % layerCount]!.push(f));
  const split = (k: number) => {
    const raw: number[] = Array.from({ length: k }, () => (rng.next() < 0.2 ? 0 : rng.next()));
    if (!raw.some((w) => w > 0)) raw[0] = 1;
    const sum = raw.reduce((a, b) => a + b, 0);
    return raw.map((w) => w / sum);
  };
  const lw = split(layerCount);
  groups.forEach((features, l) => {
    const sw = split(features.length);
    layers.push({
      name: `layer${l}`,
      weight: lw[l],
      signals: features.map((feature, j) => {
        const cuts = rng
          .shuffle([...edges])
          .slice(0, 1 + rng.int(4))
          .sort((a, b) => a - b);
        const safer = rng.next() < 0.5;
        let p = safer ? 0 : 100;
        const points = [];
        for (let k = 0; k <= cuts.length; k++) {
          const band: any = { points: Math.round(p) };
          const upperInclusive = rng.next() < 0.5;
          if (k > 0) {
            const prevInclusive = points[k - 1].lte !== undefined;
            band[prevInclusive ? 'gt' : 'gte'] = cuts[k - 1];
          }
          if (k < cuts.length) band[upperInclusive ? 'lte' : 'lt'] = cuts[k];
          points.push(band);
          p = safer ? Math.min(100, p + rng.next() * 40) : Math.max(0, p - rng.next() * 40);
        }
        const signal: any = {
          feature,
          weight: sw[j],
          direction: safer ? 'higher_is_safer' : 'higher_is_riskier',
          points,
          missing: rng.next() < 0.3 ? { policy: 'points', points: rng.int(101) } : { policy: 'redistribute' },
        };
        if (rng.next() < 0.4) {
          // one or two rules; with two that both hold, the first must win
          signal.rules = [{ when: { signal: rng.pick(FLAGS), op: '=', value: true }, points: rng.int(101) }];
          if (rng.next() < 0.5)
            signal.rules.push({ when: { signal: rng.pick(FLAGS), op: '!=', value: false }, points: rng.int(101) });
        }
        return signal;
      }),
    });
  });
  const cond = (): any => {
    const r = rng.next();
    if (r < 0.3) return { signal: rng.pick(FLAGS), op: rng.pick(['=', '!=']), value: rng.next() < 0.5 };
    if (r < 0.5)
      return { signal: rng.pick(FEATURES), op: rng.pick(['<', '<=', '>', '>=', '=', '!=']), value: rng.pick(edges) };
    if (r < 0.6) return { signal: rng.pick(FEATURES), op: rng.pick(['is_null', 'not_null']) };
    if (r < 0.7) return { signal: 'segment', op: rng.pick(['=', '!=']), value: rng.pick(['smb', 'enterprise']) };
    if (r < 0.85) return { score: { op: rng.pick(['<', '<=', '>', '>=']), value: rng.pick([30, 40, 50.5, 60]) } };
    return { [rng.pick(['all', 'any'])]: [cond(), cond()] };
  };
  const overrides = Array.from({ length: rng.int(6) }, (_, k) => {
    const action = rng.pick(['set', 'cap', 'flag']);
    return action === 'flag'
      ? { id: `o${k}`, when: cond(), action, flag: rng.pick(['escalate', 'review']) }
      : { id: `o${k}`, when: cond(), action, value: rng.pick([10, 40, 50, 60, 80]) };
  });
  const x = [10, 30, 55, 70, 90].filter(() => rng.next() < 0.8);
  if (x.length === 0) x.push(50);
  let y = 0.9;
  const ys = x.map(() => (y = y * (0.3 + 0.7 * rng.next())));
  return parseScorecard({
    kind: 'churnkit.scorecard',
    version: 1,
    layers,
    no_data_score: rng.int(101),
    overrides,
    bands: {
      green: 70,
      yellow: 40,
      segments: rng.next() < 0.5 ? { enterprise: { green: 80, yellow: 55 } } : undefined,
    },
    probability: rng.next() < 0.8 ? { method: 'isotonic', x, y: ys } : { method: 'none' },
    provenance: { churnkit_version: 'test', source: 'manual' },
  });
}

function randomValue(rng: Rng, numeric: boolean): SignalValue {
  const r = rng.next();
  if (r < 0.12) return null;
  if (!numeric) return r < 0.3 ? rng.pick(['yes', 'no', 'TRUE', '0']) : rng.next() < 0.5;
  if (r < 0.4) return rng.pick([-1, -0.5, 0, 0.25, 0.5, 1, 2]); // exactly on an edge
  if (r < 0.45) return String(rng.uniform(-2, 3));
  if (r < 0.48) return NaN;
  return rng.uniform(-2, 3);
}

function check(card: Scorecard, rng: Rng, rows: number): void {
  const scorer = compileScorer(card);
  const names = [...FEATURES, ...FLAGS, 'segment'];
  const all: Signals[] = [];
  for (let i = 0; i < rows; i++) {
    const s: Signals = {};
    for (const f of FEATURES) s[f] = randomValue(rng, true);
    for (const f of FLAGS) s[f] = randomValue(rng, false);
    s['segment'] = rng.pick(['smb', 'enterprise', null, 'mid_market']);
    all.push(s);
  }
  const cols = scoreColumns(card, {
    n: rows,
    columns: Object.fromEntries(names.map((k) => [k, all.map((s) => s[k]!)])),
  });
  all.forEach((s, i) => {
    const ref = scoreAccount(card, s);
    assert.deepEqual(scorer(s), ref);
    assert.equal(cols.score[i], ref.score);
    assert.equal(cols.base_score[i], ref.base_score);
    assert.equal(BANDS[cols.band[i]!], ref.band);
    assert.equal(Number.isNaN(cols.probability[i]!) ? null : cols.probability[i], ref.probability);
    card.layers.forEach((l) => {
      const v = cols.layers[l.name]![i]!;
      assert.equal(Number.isNaN(v) ? null : v, ref.layers[l.name]);
    });
    const fired = cols.overrides.filter((_, k) => cols.fired[i * cols.overrides.length + k] === 1);
    assert.deepEqual(fired, ref.overrides);
    const reasons = [0, 1, 2]
      .map((r) => cols.reasons[i * 3 + r]!)
      .filter((k) => k >= 0)
      .map((k) => cols.signals[k]);
    assert.deepEqual(reasons, ref.reasons);
    assert.equal(cols.escalate[i] === 1, ref.escalate);
  });
}

test('scoreAccount, compileScorer and scoreColumns agree exactly on random cards and inputs', () => {
  const rng = new Rng(7);
  for (let c = 0; c < 60; c++) check(randomCard(rng), rng, 150);
});

test('they agree on the default card with typed columns as the data layer holds them', () => {
  const card = parseScorecard(defaultCardJson());
  const rng = new Rng(11);
  const n = 3000;
  const numeric = card.layers.flatMap((l) => l.signals.map((s) => s.feature)).concat(['days_to_renewal']);
  const flags = ['zero_usage_14d', 'champion_departed', 'active_escalation'];
  const columns: Record<string, Float64Array | (string | null)[]> = {};
  for (const f of numeric)
    columns[f] = Float64Array.from({ length: n }, () =>
      rng.next() < 0.15
        ? NaN
        : rng.pick([-1, -0.25, -0.1, 0, 0.1, 0.5, 0.8, 1, 2, 30, 60, 90, 365, rng.uniform(-1, 3), rng.uniform(0, 400)]),
    );
  for (const f of flags)
    columns[f] = Float64Array.from({ length: n }, () => (rng.next() < 0.05 ? NaN : rng.next() < 0.1 ? 1 : 0));
  columns['segment'] = Array.from({ length: n }, () => rng.pick(['smb', 'enterprise', null]));
  const cols = scoreColumns(card, { n, columns });
  const scorer = compileScorer(card);
  for (let i = 0; i < n; i++) {
    const s: Signals = {};
    for (const [k, c] of Object.entries(columns)) s[k] = c[i] as SignalValue;
    const ref = scoreAccount(card, s);
    assert.deepEqual(scorer(s), ref);
    assert.equal(cols.score[i], ref.score);
    assert.equal(BANDS[cols.band[i]!], ref.band);
  }
});

test("scoring into an earlier result's arrays gives what a fresh call gives", () => {
  const card = parseScorecard(defaultCardJson());
  const rng = new Rng(3);
  const table = () => ({
    n: 500,
    columns: Object.fromEntries(
      [...card.layers.flatMap((l) => l.signals.map((s) => s.feature)), 'zero_usage_14d', 'days_to_renewal'].map((f) => [
        f,
        Float64Array.from({ length: 500 }, () => (rng.next() < 0.1 ? NaN : rng.uniform(-1, 2))),
      ]),
    ),
  });
  const first = table();
  const second = table();
  const into = scoreColumns(card, first);
  const again = scoreColumns(card, second, into);
  const fresh = scoreColumns(card, second);
  assert.equal(again.score, into.score, 'the arrays were reused');
  assert.deepEqual(again, fresh);
});
