/** The backtest's per-slice numbers on hand-checked inputs: capacity, bands, lead time, curves. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { bandsByShare, capacityAt, capacityTally, curves, leadTime, modelMetrics, quantile, CURVE_POINTS, } from '../../src/evaluate/index.js';
import { rocAuc, wilsonInterval } from '../../src/stats/index.js';
import { Rng } from '../../src/util/rng.js';
const close = (a, b, tol = 1e-12) => assert.ok(a !== null && Math.abs(a - b) <= tol, `${a} != ${b}`);
function scored(rows) {
    return {
        y: Float64Array.from(rows, (r) => r.y),
        p: Float64Array.from(rows, (r) => r.p),
        band: Uint8Array.from(rows, (r) => r.band ?? 2),
        arr: Float64Array.from(rows, (r) => r.arr ?? 0),
        asOf: rows.map((r) => r.date),
        account: rows.map((r, k) => r.account ?? `A${k}`),
    };
}
test('capacity: the top K per as-of date, a tie at the cut shared pro rata, ARR of churners caught', () => {
    const s = scored([
        { date: '2024-01-01', p: 0.9, y: 1, arr: 100 },
        { date: '2024-01-01', p: 0.5, y: 1, arr: 200 },
        { date: '2024-01-01', p: 0.5, y: 0, arr: 300 },
        { date: '2024-01-01', p: 0.5, y: 0, arr: 400 },
        { date: '2024-01-01', p: 0.1, y: 1, arr: 500 },
        { date: '2024-02-01', p: 0.2, y: 0, arr: 10 },
        { date: '2024-02-01', p: 0.8, y: 0, arr: 20 },
        { date: '2024-02-01', p: 0.3, y: 1, arr: 30 },
    ]);
    const t = capacityTally(s, 2, 0.1);
    assert.equal(t.flagged, 4);
    assert.equal(t.dates, 2);
    assert.equal(t.positives, 4);
    close(t.caught, 1 + 1 / 3 + 1);
    close(t.arrCaught, 100 + 200 / 3 + 30, 1e-9);
    assert.equal(t.arrChurned, 830);
    const m = modelMetrics(s, t, true);
    close(m.precision_at_capacity, 7 / 12);
    close(m.recall_at_capacity, 7 / 12);
    close(m.arr_capture, (130 + 200 / 3) / 830);
    close(m.auc, rocAuc(s.y, s.p));
    assert.equal(modelMetrics(s, t, false).arr_capture, null);
    // Default capacity: 10% of the date's accounts, at least one, never more than there are.
    assert.deepEqual([capacityAt(5, null, 0.1), capacityAt(3, null, 0.1), capacityAt(250, null, 0.1), capacityAt(3, 10, 0.1)], [1, 1, 25, 3]);
    assert.equal(capacityTally(s, null, 0.1).flagged, 2);
});
test('bands by share: a model gets as many RED and YELLOW rows as the default scorecard', () => {
    const band = bandsByShare(Float64Array.from([0.1, 0.9, 0.5, 0.7, 0.3]), { RED: 0.2, YELLOW: 0.4, GREEN: 0.4 });
    assert.deepEqual([...band], [2, 0, 1, 1, 2]);
});
test('churn by band carries Wilson 95% intervals', () => {
    const s = scored([
        { date: 'd', p: 0.9, y: 1, band: 0 },
        { date: 'd', p: 0.8, y: 1, band: 0 },
        { date: 'd', p: 0.7, y: 0, band: 0 },
        { date: 'd', p: 0.2, y: 0, band: 2 },
    ]);
    const m = modelMetrics(s, capacityTally(s, 1, 0.1), false);
    const w = wilsonInterval(2, 3);
    assert.deepEqual(m.bands.RED, { rows: 3, churned: 2, rate: 2 / 3, lo: w.low, hi: w.high });
    assert.deepEqual(m.bands.YELLOW, { rows: 0, churned: 0, rate: null, lo: 0, hi: 1 });
    assert.equal(m.bands.GREEN.churned, 0);
});
test('lead time: first RED inside the label window to the last as-of, misses counted, quartiles as numpy', () => {
    const rows = [
        { account: 'A', date: '2024-03-01', y: 1, band: 2 },
        { account: 'A', date: '2024-05-01', y: 1, band: 0 },
        { account: 'A', date: '2024-04-01', y: 1, band: 0 },
        { account: 'B', date: '2024-04-01', y: 1, band: 1 },
        // A RED long before the churn window does not count as warning.
        { account: 'D', date: '2024-01-01', y: 0, band: 0 },
        { account: 'D', date: '2024-05-01', y: 1, band: 0 },
        // Never churned: not in the count even though RED.
        { account: 'C', date: '2024-05-01', y: 0, band: 0 },
    ].map((r) => ({ ...r, p: 0.5 }));
    const last = new Map([
        ['A', '2024-06-01'],
        ['B', '2024-04-01'],
        ['C', '2024-12-01'],
        ['D', '2024-05-01'],
    ]);
    const lt = leadTime(scored(rows), last);
    assert.deepEqual(lt, { accounts: 3, flagged: 2, missed: 1, median: 30.5, q1: 15.25, q3: 45.75, min: 0, max: 61 });
    assert.deepEqual([quantile([0, 30, 31, 61, 62], 0.25), quantile([0, 30, 31, 61, 62], 0.5), quantile([5, 10], 0.75)], [30, 31, 8.75]);
    assert.equal(quantile([], 0.5), null);
});
test('curves stay within the point budget and run from corner to corner', () => {
    const rng = new Rng(5);
    const n = 4000;
    const rows = Array.from({ length: n }, (_, k) => {
        const p = rng.next();
        return { date: `2024-0${1 + (k % 3)}-01`, p, y: rng.next() < p * 0.3 ? 1 : 0, arr: 1 + (k % 10) };
    });
    const c = curves(scored(rows));
    assert.ok(c.roc.length <= CURVE_POINTS && c.pr.length <= CURVE_POINTS);
    assert.deepEqual(c.roc[0], { fpr: 0, tpr: 0 });
    assert.deepEqual(c.roc.at(-1), { fpr: 1, tpr: 1 });
    assert.equal(c.reliability.length, 10);
    assert.equal(c.reliability.reduce((s, b) => s + b.rows, 0), n);
    assert.equal(c.gains.length, 101);
    assert.deepEqual(c.gains[0], { share: 0, churners: 0, arr: 0 });
    assert.deepEqual(c.gains.at(-1), { share: 1, churners: 1, arr: 1 });
    for (let k = 1; k < c.gains.length; k++)
        assert.ok(c.gains[k].churners >= c.gains[k - 1].churners);
    // A ranking better than chance catches more than its share of churners in the top decile.
    assert.ok(c.gains[10].churners > 0.15);
});
test('gains with every score tied: churners are caught in proportion to rows taken', () => {
    const rows = Array.from({ length: 10 }, (_, k) => ({ date: 'd', p: 0.5, y: k < 4 ? 1 : 0, arr: k < 4 ? 10 : 0 }));
    const g = curves(scored(rows)).gains;
    close(g[50].churners, 0.5);
    close(g[25].arr, 0.25);
});
//# sourceMappingURL=backtest-assess.test.js.map