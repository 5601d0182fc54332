/**
 * Calibration from first principles (issue 23): Platt's fit is checked by its optimality
 * conditions on data whose answer is far from the solver's starting point, and isotonic
 * regression on cases small enough to work by hand.
 */
import assert from 'node:assert/strict';
import test from 'node:test';
import { applyCalibration, fitCalibration, fitPlatt, ModelFitError } from '../../src/learn/index.js';
import { fitIsotonic, poolAdjacentViolators, predictIsotonic, sigmoid } from '../../src/stats/index.js';
const near = (actual, expected, what, tol = 1e-9) => assert.ok(Math.abs(actual - expected) <= tol * Math.max(1, Math.abs(expected)), `${what}: ${actual} != ${expected}`);
/**
 * The gradient of Platt's objective at (a, b), computed here from its definition: with targets
 * t+ = (N+ + 1)/(N+ + 2) and t- = 1/(N- + 2), d/da = sum w (p - t) m and d/db = sum w (p - t).
 * At the optimum of this convex problem both are 0.
 */
function plattGradient(a, b, m, y, w) {
    const t = plattTargets(y, w);
    let ga = 0;
    let gb = 0;
    for (let i = 0; i < y.length; i++) {
        const r = (w ? w[i] : 1) * (sigmoid(a * m[i] + b) - t[i]);
        ga += r * m[i];
        gb += r;
    }
    return [ga, gb];
}
/** Platt's smoothed target of each row: (N+ + 1)/(N+ + 2) for positives, 1/(N- + 2) for negatives. */
function plattTargets(y, w) {
    let pos = 0;
    let neg = 0;
    for (let i = 0; i < y.length; i++) {
        if (y[i] === 1)
            pos += w ? w[i] : 1;
        else
            neg += w ? w[i] : 1;
    }
    return y.map((v) => (v === 1 ? (pos + 1) / (pos + 2) : 1 / (neg + 2)));
}
/** Margins on a grid and labels so that the churn rate at margin m is about sigmoid(-3 m + 2). */
function farFromStart() {
    const m = [];
    const y = [];
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
/** Platt's objective (smoothed-target log loss) at (a, b), from its definition. */
function plattLoss(a, b, m, y, w) {
    const t = plattTargets(y, w);
    let s = 0;
    for (let i = 0; i < y.length; i++) {
        const p = sigmoid(a * m[i] + b);
        s -= (w ? w[i] : 1) * (t[i] * Math.log(p) + (1 - t[i]) * Math.log(1 - p));
    }
    return s;
}
test('Platt where a full Newton step from the start overshoots: the step is shortened and the optimum found', () => {
    // 53 positives at margin 1.1, one at 1.2, one negative at 1.9: the optimum has a slope near -5.9,
    // and the first Newton step from sklearn's start (a = 0, b = log(55/2)) lands where the loss is
    // higher than at the start. Without the line search, Newton runs off to |a| ~ 4e10.
    const cases = [
        ['weights', [1.9, 1.1, 1.2], [0, 1, 1], [1, 53, 1]],
        ['repeated rows', [1.9, ...Array(53).fill(1.1), 1.2], [0, ...Array(53).fill(1), 1], undefined],
        // Scores on a scale of 1e12 (raw scores rather than log-odds): the slope's steps are ~1e-12, the
        // intercept's ~1, and the overshoot is there all the same (Platt's fit is scale-free).
        ['margins x 1e12', [1.9e12, 1.1e12, 1.2e12], [0, 1, 1], [1, 53, 1]],
    ];
    for (const [what, m, y, w] of cases) {
        // The data needs the guard: the full Newton step from the start increases the loss.
        const b0 = Math.log(55 / 2);
        const [ga, gb] = plattGradient(0, b0, m, y, w);
        let haa = 0;
        let hab = 0;
        let hbb = 0;
        for (let i = 0; i < m.length; i++) {
            const p = sigmoid(b0);
            const h = (w ? w[i] : 1) * p * (1 - p);
            haa += h * m[i] * m[i];
            hab += h * m[i];
            hbb += h;
        }
        const det = haa * hbb - hab * hab;
        const da = -(hbb * ga - hab * gb) / det;
        const db = -(haa * gb - hab * ga) / det;
        assert.ok(plattLoss(da, b0 + db, m, y, w) > plattLoss(0, b0, m, y, w), `${what}: the full step overshoots`);
        const fit = fitPlatt(m, y, w);
        const scale = m[0] / 1.9;
        assert.ok(fit.a * scale < -5.8 && fit.a * scale > -6, `${what}: slope ${fit.a}`);
        // d/da is in units of the margins: compared at their scale
        const [fa, fb] = plattGradient(fit.a, fit.b, m, y, w);
        assert.ok(Math.abs(fa / scale) < 1e-9 && Math.abs(fb) < 1e-9, `${what}: gradient (${fa}, ${fb}) at (${fit.a}, ${fit.b})`);
    }
});
test("Platt on a slice with one positive among 55 rows reaches its steep optimum from sklearn's start", () => {
    // One positive at margin 1.8, 54 negatives at 1.5 (also as one negative of weight 54): the
    // optimum is steep (slope about 15.7, intercept about -27.5). From sklearn's start, the
    // smoothed base rate b = log(2 / 55), Newton gets there; from a start on the wrong side of the
    // base rate (b = log(2 x 55)) every probability is near 1, and it runs off.
    const cases = [
        ['rows', [1.8, ...Array(54).fill(1.5)], [1, ...Array(54).fill(0)], undefined],
        ['weights', [1.8, 1.5], [1, 0], [1, 54]],
    ];
    for (const [what, m, y, w] of cases) {
        const { a, b } = fitPlatt(m, y, w);
        assert.ok(a > 15 && a < 16.5 && b < -27 && b > -28, `${what}: (${a}, ${b})`);
        const [ga, gb] = plattGradient(a, b, m, y, w);
        assert.ok(Math.abs(ga) < 1e-10 && Math.abs(gb) < 1e-10, `${what}: gradient (${ga}, ${gb}) at (${a}, ${b})`);
    }
});
test('Platt with weights of ARR scale: Newton steps are shortened up to 33 times, and the optimum is still reached', () => {
    // A churner of weight 5 at margin -1.8 and a renewal of weight 66,224 at 0.1 (and a second
    // problem of the kind): early Newton steps overshoot by factors up to ~1e10, and the line search
    // halves one of them 33 times; the sufficient decrease it asks for must shrink with the step.
    const cases = [
        [
            [-1.8, 0.1],
            [1, 0],
            [5, 66224],
        ],
        [
            [-0.1, -0.4, 0.8],
            [1, 0, 1],
            [67, 7513, 11],
        ],
    ];
    for (const [m, y, w] of cases) {
        const { a, b } = fitPlatt(m, y, w);
        const [ga, gb] = plattGradient(a, b, m, y, w);
        assert.ok(Math.abs(ga) < 1e-10 && Math.abs(gb) < 1e-10, `gradient (${ga}, ${gb}) at (${a}, ${b}) for weights ${w}`);
    }
});
test('Platt takes the last Newton steps even where the loss cannot resolve their decrease: the gradient ends at rounding level', () => {
    // Near the optimum a Newton step lowers the loss by less than its rounding, so a sufficient-decrease
    // test alone would refuse it (halving the step down to nothing) and stop short, with a gradient
    // near 3e-6 on each of these weighted problems with far-out margins. Steps below 1e-8 are taken
    // as they are, and a step that leaves the loss exactly equal is accepted.
    const cases = [
        [
            [-1.8, 43.7, -69.1],
            [0, 1, 0],
            [1, 25, 10],
        ],
        [
            [0.7, 1, -89.9, 1.3, -1.4, -1.2, -1.3],
            [0, 1, 0, 1, 1, 0, 1],
            [1, 49, 24, 1, 1, 8, 1],
        ],
    ];
    for (const [m, y, w] of cases) {
        const { a, b } = fitPlatt(m, y, w);
        const [ga, gb] = plattGradient(a, b, m, y, w);
        assert.ok(Math.abs(ga) < 1e-11 && Math.abs(gb) < 1e-11, `gradient (${ga}, ${gb}) at (${a}, ${b}) for margins ${m}`);
    }
});
test('Platt on margins a million times smaller gives the same probabilities, the slope a million times larger', () => {
    // Platt's fit is invariant to rescaling the margins: a * m is what counts. At |a| ~ 3e6 the
    // Newton steps never get below the stopping size (rounding noise in them is ~1e-10), so the
    // fit ends by its iteration budget: it must end, and at the same optimum.
    const { m, y } = farFromStart();
    const plain = fitPlatt(m, y);
    const tiny = m.map((v) => v * 1e-6);
    const scaled = fitPlatt(tiny, y);
    near(scaled.a * 1e-6, plain.a, 'slope times the scale', 1e-9);
    near(scaled.b, plain.b, 'intercept', 1e-9);
    for (let i = 0; i < m.length; i += 37) {
        near(sigmoid(scaled.a * tiny[i] + scaled.b), sigmoid(plain.a * m[i] + plain.b), `probability of row ${i}`, 1e-9);
    }
});
test('Platt on margins 1e-6 apart with the negatives low: the slope of ~63,000 they support is found', () => {
    // 40 margins 1 + 1e-6 (k - 19.5), negatives at k = 2, 9 and 17: the slope is identified (the
    // margins' spread is 1e-5 of their size, far above rounding), and the optimum is 63,000 away from
    // the start. The line search's test must use the predicted decrease of both coordinates,
    // ga da + gb db: with the level's term turned the other way it accepts a step that raises the
    // loss and stops at a = 1e-5 with the level's gradient at -0.46.
    const m = Array.from({ length: 40 }, (_, k) => 1 + 1e-6 * (k - 19.5));
    const y = m.map((_, k) => ([2, 9, 17].includes(k) ? 0 : 1));
    const { a, b } = fitPlatt(m, y);
    assert.ok(a > 6e4 && a < 7e4, `slope ${a}`);
    const [ga, gb] = plattGradient(a, b, m, y);
    assert.ok(Math.abs(ga) < 1e-8 && Math.abs(gb) < 1e-8, `gradient (${ga}, ${gb}) at (${a}, ${b})`);
});
test('Platt with one margin only: the level is fitted (the smoothed base rate), the slope stays 0', () => {
    // 3 positives, 1 negative, all at margin 0.7: t+ = 4/5, t- = 1/3; only sigmoid(0.7 a + b) is
    // identified, and the fit must put it at the mean target (3 * 4/5 + 1/3) / 4 = 41/60.
    const { a, b } = fitPlatt([0.7, 0.7, 0.7, 0.7], [1, 1, 1, 0]);
    near(sigmoid(0.7 * a + b), 41 / 60, 'fitted level', 1e-9);
    assert.equal(a, 0);
});
test('Platt with one margin and weights: the level is the weighted mean target, exactly', () => {
    // Weights 20, 7, 2, 5, 28 (the positive), 3 at margin 0.7: N+ = 28, N- = 37, so t+ = 29/30 and
    // t- = 1/39, and the fitted level is (28 x 29/30 + 37 x 1/39) / 65. Only Newton's step on the
    // level (-gb / hbb) gets there; a step of another length stops about 1e-4 short.
    const { a, b } = fitPlatt(Array(6).fill(0.7), [0, 0, 0, 0, 1, 0], [20, 7, 2, 5, 28, 3]);
    assert.equal(a, 0);
    near(sigmoid(b), (28 * (29 / 30) + 37 / 39) / 65, 'fitted level', 1e-12);
});
test('Platt with one margin on 100 rows: the rounding noise in the Hessian is not taken for a slope', () => {
    // 100 rows at margin 0.7, every third positive (34 of 100): t+ = 35/36, t- = 1/68. Summing 100
    // equal terms leaves det = haa hbb - hab^2 a few ulps above 0; solved as a 2x2 system it gives
    // a slope of about -0.03. Only the level is identified: the mean target.
    const m = Array(100).fill(0.7);
    const y = m.map((_, i) => (i % 3 === 0 ? 1 : 0));
    const { a, b } = fitPlatt(m, y);
    assert.equal(a, 0);
    near(sigmoid(b), (34 * (35 / 36) + 66 / 68) / 100, 'fitted level');
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
    const slice = { rows: 4, positives: 2 };
    const none = fitCalibration('none', margin, y, undefined, slice);
    assert.deepEqual([...applyCalibration(none, margin)], [...margin].map(sigmoid));
    const platt = fitCalibration('platt', margin, y, undefined, slice);
    assert.equal(platt.method, 'platt');
    const p = applyCalibration(platt, margin);
    if (platt.method !== 'platt')
        throw new Error('unreachable');
    near(p[2], sigmoid(platt.a + platt.b), 'platt at margin 1');
    const iso = fitCalibration('isotonic', margin, y, undefined, slice);
    // y 0, 1, 0, 1 -> pool (1, 0) -> 0, 0.5, 0.5, 1
    assert.deepEqual([...applyCalibration(iso, margin)], [0, 0.5, 0.5, 1]);
    // some zero weights are fine (those rows are left out), all zero is not
    const partly = fitCalibration('isotonic', margin, y, Float64Array.of(0, 1, 1, 1), slice);
    // rows (0, 1), (1, 0), (2, 1) -> 1, 0 pool to 0.5, then 1
    assert.deepEqual([...applyCalibration(partly, margin)], [0.5, 0.5, 0.5, 1]);
    assert.throws(() => fitCalibration('isotonic', margin, y, new Float64Array(4), slice), (e) => e instanceof ModelFitError && /no rows with positive weight/.test(String(e)));
});
//# sourceMappingURL=calibration-edges.test.js.map