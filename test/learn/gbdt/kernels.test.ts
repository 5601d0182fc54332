/** The wasm kernels against plain JavaScript versions of the same loops, on 1 and 2 threads. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Executor, PARALLEL_MIN_WORK } from '../../../src/learn/gbdt/parallel.js';
import { HIST_DOUBLES_PER_FEATURE, Workspace, planWorkspace } from '../../../src/learn/gbdt/workspace.js';
import { Rng } from '../../../src/util/rng.js';

async function setup(n: number, F: number, threads: number, seed: number) {
  const rng = new Rng(seed);
  const ws = Workspace.allocate(planWorkspace(n, F, 4, 16));
  const columns = Array.from({ length: F }, () =>
    Float64Array.from({ length: n }, () => (rng.next() < 0.1 ? NaN : rng.normal())),
  );
  const { executor, bounds } = await Executor.create(
    ws,
    threads,
    { columns, maxBin: 255, sample: null },
    { lambda: 1, minChildWeight: 1, minSplitGain: 0, monotone: null },
  );
  for (let i = 0; i < n; i++) for (let j = 0; j < F; j++) ws.binsRowMajor[i * F + j] = ws.codes[j * n + i]!;
  return { ws, executor, bounds, columns, rng };
}

for (const threads of [1, 2]) {
  test(`gradients are the bits of the JavaScript formula (${threads} thread(s))`, async () => {
    const n = 100_001; // odd: the last pair reaches into the padding row
    const { ws, executor, rng } = await setup(n, 2, threads, 1);
    try {
      for (let i = 0; i < n; i++) {
        ws.margin[i] = i % 1000 === 0 ? (rng.next() - 0.5) * 1300 : (rng.next() - 0.5) * 16;
        ws.y[i] = rng.next() < 0.3 ? 1 : 0;
        ws.weight[i] = 0.5 + rng.next();
      }
      ws.margin[1] = 0;
      ws.margin[2] = -0;
      ws.margin[3] = 1e-300;
      executor.gradients(n);
      for (let i = 0; i < n; i++) {
        const z = ws.margin[i]!;
        const w = ws.weight[i]!;
        const p = 1 / (1 + Math.exp(-Math.max(-700, Math.min(700, z))));
        const g = (p - ws.y[i]!) * w;
        const h = Math.max(p * (1 - p), 1e-16) * w;
        assert.equal(ws.gh[2 * i], g, `g of row ${i} (margin ${z})`);
        assert.equal(ws.gh[2 * i + 1], h, `h of row ${i} (margin ${z})`);
      }
    } finally {
      await executor.dispose();
    }
  });

  test(`partitions are stable and histograms are plain sums (${threads} thread(s))`, async () => {
    const n = 120_000; // large enough that every batch below runs on both threads
    const F = 5;
    const { ws, executor, bounds } = await setup(n, F, threads, 2);
    try {
      assert.equal(bounds.length, F);
      for (let i = 0; i < n; i++) {
        ws.idx[i] = i;
        ws.gh[2 * i] = Math.sin(i);
        ws.gh[2 * i + 1] = 0.1 + (i % 7) / 10;
      }
      // Two disjoint ranges split at once, by different features and missing directions.
      const jobs = [
        { begin: 0, end: 50_000, feature: 1, splitBin: 90, defaultLeft: true },
        { begin: 50_000, end: n, feature: 3, splitBin: 170, defaultLeft: false },
      ];
      const mids = executor.partitions(jobs);
      jobs.forEach((job, k) => {
        const goesLeft = (row: number) => {
          const b = ws.codes[job.feature * n + row]!;
          return b === 0 ? job.defaultLeft : b <= job.splitBin;
        };
        const expectedLeft: number[] = [];
        const expectedRight: number[] = [];
        for (let r = job.begin; r < job.end; r++) (goesLeft(r) ? expectedLeft : expectedRight).push(r);
        assert.deepEqual(Array.from(ws.idx.subarray(job.begin, mids[k]!)), expectedLeft);
        assert.deepEqual(Array.from(ws.idx.subarray(mids[k]!, job.end)), expectedRight);
      });
      // Histograms of the four parts, all features, against sums in row order.
      const parts = [
        { begin: 0, end: mids[0]!, slot: 0 },
        { begin: mids[0]!, end: 50_000, slot: 1 },
        { begin: 50_000, end: mids[1]!, slot: 2 },
        { begin: mids[1]!, end: n, slot: 3 },
      ];
      executor.histograms(parts, null);
      for (const part of parts) {
        const expected = new Float64Array(F * HIST_DOUBLES_PER_FEATURE);
        for (let p = part.begin; p < part.end; p++) {
          const r = ws.idx[p]!;
          for (let j = 0; j < F; j++) {
            const b = ws.codes[j * n + r]!;
            expected[j * HIST_DOUBLES_PER_FEATURE + 2 * b]! += ws.gh[2 * r]!;
            expected[j * HIST_DOUBLES_PER_FEATURE + 2 * b + 1]! += ws.gh[2 * r + 1]!;
          }
        }
        const start = ws.slotOffset(part.slot);
        assert.deepEqual(Array.from(ws.hist.subarray(start, start + expected.length)), Array.from(expected));
      }
      // A feature subset fills only those features.
      executor.histograms([{ begin: 0, end: n, slot: 0 }], Uint32Array.of(0, 4));
      const start = ws.slotOffset(0);
      let other = 0;
      for (let k = HIST_DOUBLES_PER_FEATURE; k < 4 * HIST_DOUBLES_PER_FEATURE; k++)
        other += Math.abs(ws.hist[start + k]!);
      assert.equal(other, 0);
      let total = 0;
      for (let k = 4 * HIST_DOUBLES_PER_FEATURE; k < 5 * HIST_DOUBLES_PER_FEATURE; k += 2)
        total += ws.hist[start + k + 1]!;
      let expectedTotal = 0;
      for (let i = 0; i < n; i++) expectedTotal += ws.gh[2 * ws.idx[i]! + 1]!;
      assert.ok(Math.abs(total - expectedTotal) < 1e-6);
      // Leaf values reach exactly their rows.
      ws.margin.fill(0);
      executor.addToMargins([
        { begin: 0, end: 100, value: 1.5 },
        { begin: 100, end: n, value: -2 },
      ]);
      for (let p = 0; p < n; p++) assert.equal(ws.margin[ws.idx[p]!], p < 100 ? 1.5 : -2);
    } finally {
      await executor.dispose();
    }
  });
}

test('a range too big for one thread is partitioned in chunks with the same result', async () => {
  // Cut from 2 * PARALLEL_MIN_WORK rows: into two chunks on two threads, three on three.
  const n = 2 * PARALLEL_MIN_WORK + 1;
  const results: Uint32Array[] = [];
  for (const threads of [1, 2, 3]) {
    const { ws, executor } = await setup(n, 2, threads, 4);
    try {
      for (let i = 0; i < n; i++) ws.idx[i] = n - 1 - i; // any order: stability is relative to it
      const [mid] = executor.partitions([{ begin: 0, end: n, feature: 0, splitBin: 120, defaultLeft: false }]);
      const left = Array.from(ws.idx.subarray(0, mid!));
      assert.ok(left.every((r) => ws.codes[r]! >= 1 && ws.codes[r]! <= 120));
      results.push(ws.idx.slice());
    } finally {
      await executor.dispose();
    }
  }
  assert.deepEqual(results[1], results[0]);
  assert.deepEqual(results[2], results[0]);
});
