/**
 * Calibration from first principles (issue 23): Platt's fit is checked by its optimality
 * conditions on data whose answer is far from the solver's starting point, and isotonic
 * regression on cases small enough to work by hand.
 */
import assert from 'node:assert/strict';
import test from 'node:test';
import { applyCalibration, fitCalibration, fitPlatt, ModelFitError, type SliceInfo } from '../../src/learn/index.js';
import { fitIsotonic, poolAdjacentViolators, predictIsotonic, sigmoid } from '../../src/stats/index.js';

const near = (actual: number, expected: number, what: string, tol = 1e-9) =>
  assert.ok(Math.abs(actual - expected) <= tol * Math.max(1, Math.abs(expected)), `${what}: ${actual} != ${expected}`);

/**
 * The gradient of Platt's objective at (a, b), computed here from its definition: with targets
 * t+ = (N+ + 1)/(N+ + 2) and t- = 1/(N- + 2), d/da = sum w (p - t) m and d/db = sum w (p - t).
 * At the optimum of this convex problem both are 0.
 */
function plattGradient(a: number, b: number, m: number[], y: number[], w?: number[]): [number, number] {
  let pos = 0;
  let neg = 0;
  for (let i = 0; i < y.length; i++) {
    if (y[i] === 1) pos += w ? w[i]! : 1;
    else neg += w ? w[i]! : 1;
  }
  let ga = 0;
  let gb = 0;
  for (let i = 0; i < y.length; i++) {
    const t = y[i] === 1 ? (pos + 1) / (pos + 2) : 1 / (neg + 2);
    const r = (w ? w[i]! : 1) * (sigmoid(a * m[i]! + b) - t);
    ga += r * m[i]!;
    gb += r;
  }
  return [ga, gb];
}

/** Margins on a grid and labels so that the churn rate at margin m is about sigmoid(-3 m + 2). */
function farFromStart(): { m: number[]; y: number[] } {
  const m: number[] = [];
  const y: number[] = [];
  for (let k = 0; k < 40; k++) {
    const margin = -2 + k * 0.1;
    const rate = sigmoid(-3 * margin + 2);
    // ten rows per margin, round(10 * rate) of them positive
    const positives = Math.round(10 * rate);
    for (let j = 0; j < 10; j++) {
      m.push(margin);
      y.push(j < positives ? 1 : 0);
    }
  }
  return { m, y };
}

test('Platt: a slope of about -3 (the solver starts at 0) is found exactly: the gradient vanishes', () => {
  const { m, y } = farFromStart();
  const { a, b } = fitPlatt(m, y);
  // The starting point is a = 0, b = log((N+ + 1)/(N- + 1)); the answer is nowhere near it.
  assert.ok(a < -2.5 && a > -3.5, `slope ${a}`);
  assert.ok(b > 1.5 && b < 2.5, `intercept ${b}`);
  const [ga, gb] = plattGradient(a, b, m, y);
  assert.ok(Math.abs(ga) < 1e-8 && Math.abs(gb) < 1e-8, `gradient (${ga}, ${gb}) at (${a}, ${b})`);
  // A slightly different point is strictly worse: the gradient there is clearly non-zero.
  const [ga2] = plattGradient(a + 0.05, b, m, y);
  assert.ok(Math.abs(ga2) > 1e-3);
});

test('Platt with weights: the weighted optimality conditions hold, and weights change the answer', () => {
  const { m, y } = farFromStart();
  const w = m.map((v, i) => (y[i] === 1 ? 3 : 1) * (v > 0 ? 2 : 1));
  const fit = fitPlatt(m, y, w);
  const [ga, gb] = plattGradient(fit.a, fit.b, m, y, w);
  assert.ok(Math.abs(ga) < 1e-7 && Math.abs(gb) < 1e-7, `weighted gradient (${ga}, ${gb})`);
  const plain = fitPlatt(m, y);
  assert.ok(Math.abs(fit.b - plain.b) > 0.1, 'tripling positives raises the intercept');
});

test('Platt with one margin only: the level is fitted (the smoothed base rate), the slope stays 0', () => {
  // 3 positives, 1 negative, all at margin 0.7: t+ = 4/5, t- = 1/3; only sigmoid(0.7 a + b) is
  // identified, and the fit must put it at the mean target (3 * 4/5 + 1/3) / 4 = 41/60.
  const { a, b } = fitPlatt([0.7, 0.7, 0.7, 0.7], [1, 1, 1, 0]);
  near(sigmoid(0.7 * a + b), 41 / 60, 'fitted level', 1e-9);
  assert.equal(a, 0);
});

test('Platt with no weight at all stays finite: a flat 0.5', () => {
  const { a, b } = fitPlatt([1, 2, 3], [0, 1, 1], [0, 0, 0]);
  assert.equal(a, 0);
  assert.equal(b, 0);
});

test('isotonic by hand: ties merged, violators pooled, knots trimmed, clipped outside', () => {
  // x: 1, 2, 2, 3, 4, 5 with y: 0, 1, 0, 1, 0, 1 -> ties at x = 2 merge to 0.5 (weight 2);
  // sequence 0, 0.5(w2), 1, 0, 1 -> pool 1 and 0 -> 0.5(w2): 0, 0.5, 0.5, 0.5, 1 ... the three
  // 0.5 blocks are one step, so only its ends are kept as knots.
  const iso = fitIsotonic([4, 2, 1, 2, 3, 5], [0, 1, 0, 0, 1, 1]);
  assert.deepEqual(iso.x, [1, 2, 4, 5]);
  assert.deepEqual(iso.y, [0, 0.5, 0.5, 1]);
  assert.equal(predictIsotonic(iso, 0), 0, 'clipped below');
  assert.equal(predictIsotonic(iso, 9), 1, 'clipped above');
  assert.equal(predictIsotonic(iso, 1.5), 0.25, 'halfway between knots 1 and 2');
  assert.equal(predictIsotonic(iso, 3), 0.5);
  assert.equal(predictIsotonic(iso, 4.75), 0.875);
  assert.ok(Number.isNaN(predictIsotonic(iso, NaN)));
  // weights: a zero weight drops the row; a weight of 3 pulls a pooled block.
  const w = fitIsotonic([1, 2, 3], [1, 0, 5], [3, 1, 0]);
  // x 1 (y 1, w 3) and x 2 (y 0, w 1) violate: pooled to 3/4; x 3 has weight 0.
  assert.deepEqual(w.x, [1, 2]);
  assert.deepEqual(w.y, [0.75, 0.75]);
  assert.throws(() => fitIsotonic([1, 2], [0, 1], [0, 0]), /no rows with positive weight/);
  // x values closer than 1e-15 are one tie; exactly 1e-15 apart they are two points
  assert.deepEqual(fitIsotonic([0, 1e-15], [0, 1]).x, [0, 1e-15]);
  const tie = fitIsotonic([1, 1 + 1e-16, 2], [0, 1, 1]);
  assert.deepEqual(tie.x, [1, 2]);
  assert.deepEqual(tie.y, [0.5, 1]);
});

test("isotonic prediction at a knot is the knot's value exactly, not the neighbouring segment's", () => {
  // On [0, 3] from 0.2 to 0.9, the segment's formula gives 0.8999999999999999 at x = 3.
  const iso = { x: [0, 3, 5], y: [0.2, 0.9, 1] };
  assert.equal(predictIsotonic(iso, 3), 0.9);
  assert.equal(predictIsotonic({ x: [0, 3], y: [0.2, 0.9] }, 3), 0.9);
  assert.equal(predictIsotonic(iso, 0), 0.2);
  assert.equal(predictIsotonic(iso, 4), 0.95);
});

test('pool adjacent violators: a long violating run pools into its weighted mean', () => {
  assert.deepEqual(poolAdjacentViolators([3, 2, 1], [1, 1, 1]), [2, 2, 2]);
  assert.deepEqual(poolAdjacentViolators([1, 3, 2, 4], [1, 1, 1, 1]), [1, 2.5, 2.5, 4]);
  // equal neighbours pool too (>=), which leaves the values unchanged
  assert.deepEqual(poolAdjacentViolators([1, 1, 2], [1, 2, 1]), [1, 1, 2]);
  assert.deepEqual(poolAdjacentViolators([4, 1, 1], [2, 1, 1]), [2.5, 2.5, 2.5]);
  assert.deepEqual(poolAdjacentViolators([], []), []);
});

test('fitCalibration and applyCalibration: each method maps margins as fitted', () => {
  const margin = Float64Array.from([-1, 0, 1, 2]);
  const y = Float64Array.from([0, 1, 0, 1]);
  const slice: SliceInfo = { rows: 4, positives: 2 };
  const none = fitCalibration('none', margin, y, undefined, slice);
  assert.deepEqual([...applyCalibration(none, margin)], [...margin].map(sigmoid));
  const platt = fitCalibration('platt', margin, y, undefined, slice);
  assert.equal(platt.method, 'platt');
  const p = applyCalibration(platt, margin);
  if (platt.method !== 'platt') throw new Error('unreachable');
  near(p[2]!, sigmoid(platt.a + platt.b), 'platt at margin 1');
  const iso = fitCalibration('isotonic', margin, y, undefined, slice);
  // y 0, 1, 0, 1 -> pool (1, 0) -> 0, 0.5, 0.5, 1
  assert.deepEqual([...applyCalibration(iso, margin)], [0, 0.5, 0.5, 1]);
  // some zero weights are fine (those rows are left out), all zero is not
  const partly = fitCalibration('isotonic', margin, y, Float64Array.of(0, 1, 1, 1), slice);
  // rows (0, 1), (1, 0), (2, 1) -> 1, 0 pool to 0.5, then 1
  assert.deepEqual([...applyCalibration(partly, margin)], [0.5, 0.5, 0.5, 1]);
  assert.throws(
    () => fitCalibration('isotonic', margin, y, new Float64Array(4), slice),
    (e: unknown) => e instanceof ModelFitError && /no rows with positive weight/.test(String(e)),
  );
});
