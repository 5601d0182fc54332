/**
 * Runs the kernels of a boosting round on the calling thread, or split with worker threads that
 * share the workspace memory:
 * - histograms: each thread owns a contiguous share of the features;
 * - gradients: each thread owns a contiguous share of the rows;
 * - partitions and leaf updates: each job (a node, a leaf) goes whole to one thread.
 * Every sum is computed by one thread in the same order as a single thread would, so the
 * results are the same bits whatever the thread count: a seed gives the same model on 1 or 2.
 *
 * Synchronisation is one Atomics wait/notify per batch (a whole tree level in depth-wise
 * growth, all leaves of a tree), not per node: a wake-up costs tens of microseconds, as much
 * as a small node's work.
 */
import { Worker } from 'node:worker_threads';
import { binFeatures } from './binning.js';
import { HIST_BYTES_PER_FEATURE, instantiateKernels, kernelModuleBytes, type Kernels } from './wasm/kernels.js';
import { findBestSplit, type NodeStats, type Split, type SplitParams } from './split.js';
import { HIST_DOUBLES_PER_FEATURE, JOB_FIELDS, SPLIT_IN, SPLIT_OUT, Workspace } from './workspace.js';

/** Control word indices (Workspace.control). */
export const CTL = { SEQ: 0, KIND: 1, JOBS: 2, LIST: 3, ROWS: 4, ERROR: 5, DONE: 8 } as const;
export const KIND = { HIST_RANGE: 1, HIST_LIST: 2, GRADIENTS: 3, PARTITION: 4, ADD: 5, SPLITS: 6, EXIT: 7 } as const;
/**
 * Job fields: [begin, end, a, b, c, thread, out]. Histogram jobs: a = slot, b = slot to
 * subtract it from; partitions: a = feature, b = split bin, c = missing goes left; splits:
 * a = slot, b = feature count, c = offset of its features in ws.nodeFeatures.
 */
const J = { BEGIN: 0, END: 1, A: 2, B: 3, C: 4, THREAD: 5, OUT: 6 } as const;

/**
 * Below about this much work (row x feature updates, or rows) a batch runs on the calling
 * thread alone: waking a worker costs about as much as it would take over.
 */
export const PARALLEL_MIN_WORK = 50_000;

/**
 * Polls before sleeping: a batch usually follows within microseconds, and a futex wake-up
 * costs tens of them (bounded at a few thousand loads, a few microseconds, so a busy machine
 * loses little).
 */
const SPIN = 4_000;

/** Waits until ctl[index] is no longer `value`; spins briefly, then sleeps. */
export function waitWhile(ctl: Int32Array, index: number, value: number, timeoutMs = Infinity): void {
  for (let i = 0; i < SPIN; i++) if (Atomics.load(ctl, index) !== value) return;
  Atomics.wait(ctl, index, value, timeoutMs);
}

/** Thread t of `threads` handles items [shareStart(t), shareStart(t + 1)) of `count`. */
export function shareStart(t: number, threads: number, count: number): number {
  return Math.floor((t * count) / threads);
}

/** Split finding scores one bin in about the time of this many histogram updates. */
const SPLIT_WORK_PER_BIN = 8;

/** Runs this thread's share of the batch the control words describe (main thread or worker). */
export function runShare(ws: Workspace, k: Kernels, thread: number, threads: number, splitParams: SplitParams): void {
  const ctl = ws.control;
  const kind = ctl[CTL.KIND]!;
  const jobs = ws.jobs;
  const nJobs = ctl[CTL.JOBS]!;
  const L = ws.layout;
  switch (kind) {
    case KIND.HIST_RANGE: {
      // This thread's features are [from, to): the kernel was built for them.
      const from = shareStart(thread, threads, L.features);
      const bytes = (shareStart(thread + 1, threads, L.features) - from) * HIST_BYTES_PER_FEATURE;
      for (let j = 0; j < nJobs; j++) {
        const o = j * JOB_FIELDS;
        const slot = ws.slotAddress(jobs[o + J.A]!);
        k.histRange(L.idx, jobs[o + J.BEGIN]!, jobs[o + J.END]!, L.bins, L.gh, slot);
        const parent = jobs[o + J.B]!;
        if (parent >= 0 && bytes > 0) k.subtract(ws.slotAddress(parent) + from * HIST_BYTES_PER_FEATURE, slot + from * HIST_BYTES_PER_FEATURE, bytes);
      }
      return;
    }
    case KIND.HIST_LIST: {
      const count = ctl[CTL.LIST]!;
      const from = shareStart(thread, threads, count);
      const to = shareStart(thread + 1, threads, count);
      if (to <= from) return;
      for (let j = 0; j < nJobs; j++) {
        const o = j * JOB_FIELDS;
        const slot = ws.slotAddress(jobs[o + J.A]!);
        k.histList(L.idx, jobs[o + J.BEGIN]!, jobs[o + J.END]!, L.bins, L.gh, slot, L.featureList + from * 4, to - from);
        const parent = jobs[o + J.B]!;
        if (parent < 0) continue;
        for (let i = from; i < to; i++) {
          const f = ws.featureList[i]! * HIST_BYTES_PER_FEATURE;
          k.subtract(ws.slotAddress(parent) + f, slot + f, HIST_BYTES_PER_FEATURE);
        }
      }
      return;
    }
    case KIND.GRADIENTS: {
      // Shares of row pairs: the kernel does two rows at a time from an even row.
      const pairs = Math.ceil(ctl[CTL.ROWS]! / 2);
      k.gradients(L.margin, L.y, L.weight, L.gh, 2 * shareStart(thread, threads, pairs), 2 * shareStart(thread + 1, threads, pairs));
      return;
    }
    case KIND.PARTITION:
      for (let j = 0; j < nJobs; j++) {
        const o = j * JOB_FIELDS;
        if (jobs[o + J.THREAD] !== thread) continue;
        // a = feature, b = split bin, c = 1 when missing values go left
        const table = ws.tables.subarray(j * 256, j * 256 + 256);
        const splitBin = jobs[o + J.B]!;
        for (let b = 1; b < 256; b++) table[b] = b <= splitBin ? 1 : 0;
        table[0] = jobs[o + J.C]!;
        const begin = jobs[o + J.BEGIN]!;
        // Each job's scratch starts at its own begin, so jobs on different threads never share it.
        jobs[o + J.OUT] = k.partition(L.idx, begin, jobs[o + J.END]!, L.codes + jobs[o + J.A]! * L.rows, L.tables + j * 256, L.scratch + begin * 4);
      }
      return;
    case KIND.ADD:
      for (let j = 0; j < nJobs; j++) {
        const o = j * JOB_FIELDS;
        if (jobs[o + J.THREAD] === thread) k.addToRows(L.idx, jobs[o + J.BEGIN]!, jobs[o + J.END]!, L.margin, ws.jobValues[j]!);
      }
      return;
    case KIND.SPLITS:
      for (let j = 0; j < nJobs; j++) {
        const o = j * JOB_FIELDS;
        if (jobs[o + J.THREAD] !== thread) continue;
        const at = jobs[o + J.C]!;
        const features = ws.nodeFeatures.subarray(at, at + jobs[o + J.B]!);
        const i = j * SPLIT_IN;
        const stats = { G: ws.splitIn[i]!, H: ws.splitIn[i + 1]!, lower: ws.splitIn[i + 2]!, upper: ws.splitIn[i + 3]! };
        writeSplit(ws.splitOut, j * SPLIT_OUT, findBestSplit(ws.hist, ws.slotOffset(jobs[o + J.A]!), stats, features, ws.binCounts, splitParams));
      }
      return;
  }
}

/** Binning of the training matrix, done while the workers start (see Executor.create). */
export interface BinningTask {
  columns: readonly Float64Array[];
  maxBin: number;
  /** Rows to find bounds from (binning.ts binSample); null = all. */
  sample: Uint32Array | null;
}

/** One worker's share of a BinningTask: its columns only. */
export interface WorkerBinning extends BinningTask {
  from: number;
  to: number;
}

function writeSplit(out: Float64Array, o: number, s: Split | null): void {
  out[o] = s ? s.feature : -1;
  if (!s) return;
  out[o + 1] = s.bin;
  out[o + 2] = s.defaultLeft ? 1 : 0;
  out[o + 3] = s.gain;
  out[o + 4] = s.GL;
  out[o + 5] = s.HL;
  out[o + 6] = s.GR;
  out[o + 7] = s.HR;
  out[o + 8] = s.wLeft;
  out[o + 9] = s.wRight;
}

function readSplit(out: Float64Array, o: number): Split | null {
  if (out[o]! < 0) return null;
  return {
    feature: out[o]!, bin: out[o + 1]!, defaultLeft: out[o + 2] === 1, gain: out[o + 3]!,
    GL: out[o + 4]!, HL: out[o + 5]!, GR: out[o + 6]!, HR: out[o + 7]!, wLeft: out[o + 8]!, wRight: out[o + 9]!,
  };
}

export interface SplitJob {
  slot: number;
  stats: NodeStats;
  /** Features the node may split on, ascending. */
  features: Uint32Array;
}

export interface RowRange {
  begin: number;
  end: number;
}

export class Executor {
  private readonly all: Kernels;
  private readonly mine: Kernels;
  private readonly workers: Worker[] = [];
  private seq = 0;

  private constructor(readonly ws: Workspace, readonly threads: number, private readonly splitParams: SplitParams) {
    const F = ws.layout.features;
    this.all = instantiateKernels(kernelModuleBytes(0, F, F), ws.memory);
    this.mine = threads > 1 ? instantiateKernels(kernelModuleBytes(0, shareStart(1, threads, F), F), ws.memory) : this.all;
  }

  /**
   * An executor with `threads - 1` workers started and ready. Binning the training matrix is
   * the workers' first job: each thread finds the bin bounds of its share of the features and
   * writes their codes into ws.codes, so that this step too runs in parallel.
   */
  static async create(ws: Workspace, threads: number, binning: BinningTask, splitParams: SplitParams): Promise<{ executor: Executor; bounds: Float64Array[] }> {
    const { features: F, rows: n } = ws.layout;
    const t = Math.max(1, threads);
    const ex = new Executor(ws, t, splitParams);
    const shares: Array<Promise<Float64Array[]>> = [];
    for (let w = 1; w < t; w++) {
      const from = shareStart(w, t, F);
      const to = shareStart(w + 1, t, F);
      const bytes = kernelModuleBytes(from, to, F);
      // Copies of just this share's columns: a view would clone its whole underlying buffer.
      const columns = binning.columns.slice(from, to).map((c) => c.slice());
      const task: WorkerBinning = { columns, from, to, maxBin: binning.maxBin, sample: binning.sample };
      const worker = new Worker(new URL('./worker.js', import.meta.url), { workerData: { layout: ws.layout, memory: ws.memory, bytes, thread: w, threads: t, binning: task, splitParams } });
      worker.unref();
      ex.workers.push(worker);
      shares.push(
        new Promise((resolve, reject) => {
          worker.once('message', (bounds: Float64Array[]) => resolve(bounds));
          worker.once('error', reject);
        }),
      );
    }
    try {
      const mine = binFeatures(binning.columns, 0, shareStart(1, t, F), binning.maxBin, binning.sample, ws.codes, n);
      const bounds = mine.concat(...(await Promise.all(shares)));
      bounds.forEach((b, j) => (ws.binCounts[j] = b.length));
      return { executor: ex, bounds };
    } catch (err) {
      await ex.dispose();
      throw err;
    }
  }

  /** Runs the batch set up in the control words and job list, with the workers when it pays. */
  private run(kind: number, jobs: number, work: number): void {
    const ctl = this.ws.control;
    ctl[CTL.KIND] = kind;
    ctl[CTL.JOBS] = jobs;
    const perJob = kind === KIND.PARTITION || kind === KIND.ADD || kind === KIND.SPLITS;
    if (this.threads === 1 || work < PARALLEL_MIN_WORK || (perJob && jobs < 2)) {
      // Jobs may have been given to other threads: take them all back.
      if (perJob) for (let j = 0; j < jobs; j++) this.ws.jobs[j * JOB_FIELDS + J.THREAD] = 0;
      runShare(this.ws, this.all, 0, 1, this.splitParams);
      return;
    }
    const seq = ++this.seq;
    Atomics.store(ctl, CTL.SEQ, seq);
    Atomics.notify(ctl, CTL.SEQ);
    runShare(this.ws, this.mine, 0, this.threads, this.splitParams);
    for (let w = 1; w < this.threads; w++) {
      while (Atomics.load(ctl, CTL.DONE + w) !== seq) {
        if (Atomics.load(ctl, CTL.ERROR) !== 0) throw new Error('gbdt worker thread failed');
        waitWhile(ctl, CTL.DONE + w, seq - 1, 1000);
      }
    }
  }

  private setJob(j: number, begin: number, end: number, a = 0, b = 0, c = 0): void {
    const o = j * JOB_FIELDS;
    const jobs = this.ws.jobs;
    jobs[o + J.BEGIN] = begin;
    jobs[o + J.END] = end;
    jobs[o + J.A] = a;
    jobs[o + J.B] = b;
    jobs[o + J.C] = c;
  }

  /**
   * Gives each job to the thread with the least work so far, largest jobs first (ties to the
   * lower index); returns the total work.
   */
  private assign(work: ArrayLike<number>): number {
    const load = new Float64Array(this.threads);
    const order = Array.from({ length: work.length }, (_, j) => j).sort((a, b) => work[b]! - work[a]! || a - b);
    let total = 0;
    for (const j of order) {
      let t = 0;
      for (let u = 1; u < this.threads; u++) if (load[u]! < load[t]!) t = u;
      load[t] = load[t]! + work[j]!;
      total += work[j]!;
      this.ws.jobs[j * JOB_FIELDS + J.THREAD] = t;
    }
    return total;
  }

  /** The best split of each node from its histogram (split.ts), nodes shared among the threads. */
  findSplits(jobs: readonly SplitJob[]): Array<Split | null> {
    const ws = this.ws;
    const F = ws.layout.features;
    const work = new Float64Array(jobs.length);
    jobs.forEach((job, j) => {
      this.setJob(j, 0, 0, job.slot, job.features.length, j * F);
      ws.nodeFeatures.set(job.features, j * F);
      const i = j * SPLIT_IN;
      ws.splitIn[i] = job.stats.G;
      ws.splitIn[i + 1] = job.stats.H;
      ws.splitIn[i + 2] = job.stats.lower;
      ws.splitIn[i + 3] = job.stats.upper;
      work[j] = job.features.length * 256 * SPLIT_WORK_PER_BIN;
    });
    this.run(KIND.SPLITS, jobs.length, this.assign(work));
    return jobs.map((_, j) => readSplit(ws.splitOut, j * SPLIT_OUT));
  }

  /**
   * Fills the histogram slot of every job from the rows idx[begin..end), and when the job names
   * a `subtractFrom` slot (its parent's), subtracts the new histogram from that one: the
   * sibling's histogram, computed by the same threads in the same batch. `features` (a list
   * of feature indices) restricts the work to sampled columns; null means all.
   */
  histograms(jobs: ReadonlyArray<RowRange & { slot: number; subtractFrom?: number }>, features: Uint32Array | null): void {
    if (jobs.length === 0) return;
    const ws = this.ws;
    let rows = 0;
    for (let j = 0; j < jobs.length; j++) {
      const job = jobs[j]!;
      this.setJob(j, job.begin, job.end, job.slot, job.subtractFrom ?? -1);
      rows += job.end - job.begin;
      const start = ws.slotOffset(job.slot);
      ws.hist.fill(0, start, start + ws.layout.features * HIST_DOUBLES_PER_FEATURE);
    }
    if (features) {
      ws.featureList.set(features);
      ws.control[CTL.LIST] = features.length;
    }
    this.run(features ? KIND.HIST_LIST : KIND.HIST_RANGE, jobs.length, rows * (features ? features.length : ws.layout.features));
  }

  /** Log-loss gradients of rows [0, rows) from ws.margin, ws.y and ws.weight into ws.gh. */
  gradients(rows: number): void {
    this.ws.control[CTL.ROWS] = rows;
    this.run(KIND.GRADIENTS, 0, rows);
  }

  /**
   * Partitions several disjoint row ranges at once: rows of `feature` with bin <= splitBin (and
   * missing ones when defaultLeft) first. Returns where each range's right part starts.
   */
  partitions(jobs: ReadonlyArray<RowRange & { feature: number; splitBin: number; defaultLeft: boolean }>): Int32Array {
    const ws = this.ws;
    // A range too big for one thread (the root's, typically) is cut into one chunk per thread;
    // the chunks' stable partitions are merged afterwards into the range's stable partition.
    const pieces: Array<{ job: number; begin: number; end: number }> = [];
    jobs.forEach((job, j) => {
      const size = job.end - job.begin;
      const chunks = this.threads > 1 && jobs.length < this.threads && size >= 2 * PARALLEL_MIN_WORK ? this.threads : 1;
      for (let c = 0; c < chunks; c++) pieces.push({ job: j, begin: job.begin + shareStart(c, chunks, size), end: job.begin + shareStart(c + 1, chunks, size) });
    });
    pieces.forEach((p, k) => {
      const job = jobs[p.job]!;
      this.setJob(k, p.begin, p.end, job.feature, job.splitBin, job.defaultLeft ? 1 : 0);
    });
    this.run(KIND.PARTITION, pieces.length, this.assign(pieces.map((p) => p.end - p.begin)));
    const mids = new Int32Array(jobs.length);
    let k = 0;
    jobs.forEach((job, j) => {
      const first = k;
      while (k < pieces.length && pieces[k]!.job === j) k++;
      mids[j] = k - first === 1 ? ws.jobs[first * JOB_FIELDS + J.OUT]! : this.mergeChunks(pieces.slice(first, k), first);
    });
    return mids;
  }

  /** [L1 R1 L2 R2 ...] (chunks partitioned alone) -> [L1 L2 ... R1 R2 ...]; returns where the R part starts. */
  private mergeChunks(chunks: ReadonlyArray<RowRange>, firstJob: number): number {
    const idx = this.ws.idx;
    const rights: Uint32Array[] = [];
    let at = chunks[0]!.begin;
    chunks.forEach((c, i) => {
      const mid = this.ws.jobs[(firstJob + i) * JOB_FIELDS + J.OUT]!;
      rights.push(idx.slice(mid, c.end));
      idx.copyWithin(at, c.begin, mid);
      at += mid - c.begin;
    });
    const split = at;
    for (const r of rights) {
      idx.set(r, at);
      at += r.length;
    }
    return split;
  }

  /** margin[r] += value for the rows r of each range of idx. */
  addToMargins(jobs: ReadonlyArray<RowRange & { value: number }>): void {
    const ws = this.ws;
    jobs.forEach((job, j) => {
      this.setJob(j, job.begin, job.end);
      ws.jobValues[j] = job.value;
    });
    this.run(KIND.ADD, jobs.length, this.assign(jobs.map((r) => r.end - r.begin)));
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
