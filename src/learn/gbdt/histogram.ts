/**
 * Builds gradient histograms for batches of nodes, on the calling thread or feature-parallel
 * with worker threads that share the workspace memory.
 *
 * Each thread owns a contiguous share of the features and fills every job's histogram for those
 * features only, in the same row order as a single thread would: the sums are the same bits
 * whatever the thread count, so a seed gives the same model on 1 or 2 threads.
 *
 * Synchronisation is one Atomics wait/notify per batch (a whole tree level in depth-wise
 * growth), not per node: a message round trip costs tens of microseconds, as much as building
 * a small node's histogram.
 */
import { Worker } from 'node:worker_threads';
import { histogramModuleBytes, instantiateKernels, type HistogramKernels } from './wasm-kernels.js';
import { HIST_DOUBLES_PER_FEATURE, Workspace } from './workspace.js';

/** Control word indices (see Workspace.control). */
export const CTL = { SEQ: 0, KIND: 1, JOBS: 2, LIST: 3, ERROR: 4, DONE: 8 } as const;
export const KIND = { RANGE: 1, LIST: 2, EXIT: 3 } as const;

/**
 * Below this many (row, feature) updates in a batch the worker's wake-up costs more than the
 * half of the work it takes over (measured: ~30 us wake-up, ~1.1 ns per update).
 */
export const PARALLEL_MIN_UPDATES = 60_000;

/** Thread t of `threads` handles items [shareStart(t), shareStart(t + 1)) of `count`. */
export function shareStart(t: number, threads: number, count: number): number {
  return Math.floor((t * count) / threads);
}

/** Runs this thread's share of the batch described by the control words and job list. */
export function runShare(ws: Workspace, kernels: HistogramKernels, thread: number, threads: number): void {
  const ctl = ws.control;
  const kind = ctl[CTL.KIND]!;
  const jobs = ws.jobs;
  const nJobs = ctl[CTL.JOBS]!;
  const L = ws.layout;
  if (kind === KIND.RANGE) {
    for (let j = 0; j < nJobs; j++) {
      kernels.range(L.idx, jobs[3 * j]!, jobs[3 * j + 1]!, L.bins, L.gh, ws.slotAddress(jobs[3 * j + 2]!));
    }
  } else {
    const count = ctl[CTL.LIST]!;
    const from = shareStart(thread, threads, count);
    const to = shareStart(thread + 1, threads, count);
    if (to <= from) return;
    for (let j = 0; j < nJobs; j++) {
      kernels.list(L.idx, jobs[3 * j]!, jobs[3 * j + 1]!, L.bins, L.gh, ws.slotAddress(jobs[3 * j + 2]!), L.featureList + from * 4, to - from);
    }
  }
}

export interface HistogramJob {
  begin: number;
  end: number;
  slot: number;
}

export class HistogramBuilder {
  private readonly all: HistogramKernels;
  private readonly mine: HistogramKernels;
  private readonly workers: Worker[] = [];
  private seq = 0;
  /** Batches built with the workers and alone, for diagnostics. */
  parallelBatches = 0;
  serialBatches = 0;

  private constructor(readonly ws: Workspace, readonly threads: number) {
    const F = ws.layout.features;
    const pages = ws.layout.pages;
    this.all = instantiateKernels(histogramModuleBytes(0, F, F, pages), ws.memory);
    this.mine = threads > 1 ? instantiateKernels(histogramModuleBytes(0, shareStart(1, threads, F), F, pages), ws.memory) : this.all;
  }

  /** A builder with `threads - 1` workers started and ready. */
  static async create(ws: Workspace, threads: number): Promise<HistogramBuilder> {
    const F = ws.layout.features;
    const t = Math.max(1, Math.min(threads, F));
    const builder = new HistogramBuilder(ws, t);
    const ready: Promise<void>[] = [];
    for (let w = 1; w < t; w++) {
      const from = shareStart(w, t, F);
      const to = shareStart(w + 1, t, F);
      const worker = new Worker(new URL('./hist-worker.js', import.meta.url), {
        workerData: { layout: ws.layout, memory: ws.memory, bytes: histogramModuleBytes(from, to, F, ws.layout.pages), thread: w, threads: t },
      });
      worker.unref();
      builder.workers.push(worker);
      ready.push(
        new Promise((resolve, reject) => {
          worker.once('message', () => resolve());
          worker.once('error', reject);
        }),
      );
    }
    try {
      await Promise.all(ready);
    } catch (err) {
      await builder.dispose();
      throw err;
    }
    return builder;
  }

  /**
   * Fills the histogram slot of every job from the rows idx[begin..end). `features` (a list of
   * feature indices) restricts the work to sampled columns; null means all.
   */
  build(jobs: readonly HistogramJob[], features: Uint32Array | null): void {
    if (jobs.length === 0) return;
    const ws = this.ws;
    const ctl = ws.control;
    let rows = 0;
    for (let j = 0; j < jobs.length; j++) {
      const job = jobs[j]!;
      ws.jobs[3 * j] = job.begin;
      ws.jobs[3 * j + 1] = job.end;
      ws.jobs[3 * j + 2] = job.slot;
      rows += job.end - job.begin;
      const start = ws.slotOffset(job.slot);
      ws.hist.fill(0, start, start + ws.layout.features * HIST_DOUBLES_PER_FEATURE);
    }
    ctl[CTL.JOBS] = jobs.length;
    if (features) {
      ws.featureList.set(features);
      ctl[CTL.LIST] = features.length;
      ctl[CTL.KIND] = KIND.LIST;
    } else {
      ctl[CTL.KIND] = KIND.RANGE;
    }
    const updates = rows * (features ? features.length : ws.layout.features);
    if (this.threads === 1 || updates < PARALLEL_MIN_UPDATES) {
      this.serialBatches++;
      if (features) {
        const L = ws.layout;
        for (const job of jobs) this.all.list(L.idx, job.begin, job.end, L.bins, L.gh, ws.slotAddress(job.slot), L.featureList, features.length);
      } else {
        runShare(ws, this.all, 0, 1);
      }
      return;
    }
    this.parallelBatches++;
    const seq = ++this.seq;
    Atomics.store(ctl, CTL.SEQ, seq);
    Atomics.notify(ctl, CTL.SEQ);
    runShare(ws, this.mine, 0, this.threads);
    for (let w = 1; w < this.threads; w++) {
      while (Atomics.load(ctl, CTL.DONE + w) !== seq) {
        if (Atomics.load(ctl, CTL.ERROR) !== 0) throw new Error('gbdt histogram worker failed');
        Atomics.wait(ctl, CTL.DONE + w, seq - 1, 1000);
      }
    }
  }

  async dispose(): Promise<void> {
    const workers = this.workers.splice(0);
    if (workers.length === 0) return;
    const ctl = this.ws.control;
    ctl[CTL.KIND] = KIND.EXIT;
    Atomics.store(ctl, CTL.SEQ, ++this.seq);
    Atomics.notify(ctl, CTL.SEQ);
    await Promise.all(workers.map((w) => w.terminate()));
  }
}
