/**
 * Runs the kernels of a boosting round on the calling thread, or shared with worker threads
 * that see the same workspace memory. A batch is a list of items that the threads claim one at
 * a time from a shared counter, largest first (work stealing): a node's histogram for one chunk
 * of the features, a chunk of rows' gradients, a node's partition or split search, a leaf's
 * margin update. When a thread is held up (a busy machine deschedules it), the others take its
 * items instead of waiting for it.
 *
 * Every item is computed whole by one thread, in the same order whichever thread it is, so the
 * results are the same bits whatever the thread count: a seed gives the same model on 1 or 2.
 * Synchronisation is per batch (a whole tree level in depth-wise growth), not per node: a
 * wake-up costs tens of microseconds, as much as a small node's work.
 */
import type { WasmMemory } from '../wasm/assembler.js';
import { binFeatures } from './binning.js';
import { packForest, predictForest, predictRows, type PredictShare } from './predict.js';
import { acquireWorker, releaseWorker, type GbdtWorker } from './threads.js';
import type { Tree } from './tree.js';
import { HIST_BYTES_PER_FEATURE, instantiateKernels, kernelModuleBytes, type Kernels } from './wasm/kernels.js';
import { findBestSplit, type NodeStats, type Split, type SplitParams } from './split.js';
import { JOB_FIELDS, SPLIT_IN, SPLIT_OUT, type Workspace, type WorkspaceLayout } from './workspace.js';

/** Control word indices (Workspace.control). */
export const CTL = {
  SEQ: 0,
  KIND: 1,
  JOBS: 2,
  LIST: 3,
  ROWS: 4,
  ERROR: 5,
  NEXT: 6,
  ITEMS: 7,
  FIN: 8,
  CHUNKS: 9,
  /** Gradient batches: also put every row back in idx in order (a round on all rows). */
  IDENTITY: 10,
} as const;
export const KIND = { HIST_RANGE: 1, HIST_LIST: 2, GRADIENTS: 3, PARTITION: 4, ADD: 5, SPLITS: 6, EXIT: 7 } as const;
/**
 * Job fields: [begin, end, a, b, c, -, out]. Histogram jobs: a = slot, b = slot to
 * subtract it from; partitions: a = feature, b = split bin, c = missing goes left; splits:
 * a = slot, b = feature count, c = offset of its features in ws.nodeFeatures.
 */
const J = { BEGIN: 0, END: 1, A: 2, B: 3, C: 4, OUT: 6 } as const;

/** Rows per gradient item (even: the kernel works on pairs). */
const GRADIENT_ROWS = 16_384;

/**
 * Below about this much work (row x feature updates, or rows) a batch runs on the calling
 * thread alone: waking a worker costs about as much as it would take over.
 */
export const PARALLEL_MIN_WORK = 100_000;

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

/**
 * The kernels of one thread: `all` builds histograms of every feature in one pass, chunks[c]
 * of feature chunk c (the unrolled kernel is compiled per range); the other kernels are the
 * same in every instance.
 */
export interface ThreadKernels {
  all: Kernels;
  chunks: readonly Kernels[];
}

/** Runs item `item` of the batch the control words describe. */
function runItem(ws: Workspace, kernels: ThreadKernels, item: number, splitParams: SplitParams): void {
  const ctl = ws.control;
  const jobs = ws.jobs;
  const L = ws.layout;
  const k = kernels.all;
  switch (Atomics.load(ctl, CTL.KIND)) {
    case KIND.HIST_RANGE: {
      const chunks = Atomics.load(ctl, CTL.CHUNKS);
      const c = item % chunks;
      const o = ws.order[(item - c) / chunks]! * JOB_FIELDS;
      const from = shareStart(c, chunks, L.features);
      const to = shareStart(c + 1, chunks, L.features);
      const bytes = (to - from) * HIST_BYTES_PER_FEATURE;
      const slot = ws.slotAddress(jobs[o + J.A]!);
      // The kernel adds to the slot: this chunk's features start from zero (cleared here, by the
      // thread that builds them, rather than by the calling thread before the batch).
      k.clear(slot + from * HIST_BYTES_PER_FEATURE, bytes);
      (chunks === 1 ? k : kernels.chunks[c]!).histRange(
        L.idx,
        jobs[o + J.BEGIN]!,
        jobs[o + J.END]!,
        L.bins,
        L.gh,
        slot,
      );
      const parent = jobs[o + J.B]!;
      if (parent >= 0 && bytes > 0)
        k.subtract(ws.slotAddress(parent) + from * HIST_BYTES_PER_FEATURE, slot + from * HIST_BYTES_PER_FEATURE, bytes);
      return;
    }
    case KIND.HIST_LIST: {
      const chunks = Atomics.load(ctl, CTL.CHUNKS);
      const c = item % chunks;
      const o = ws.order[(item - c) / chunks]! * JOB_FIELDS;
      const count = Atomics.load(ctl, CTL.LIST);
      const from = shareStart(c, chunks, count);
      const to = shareStart(c + 1, chunks, count);
      if (to <= from) return;
      const slot = ws.slotAddress(jobs[o + J.A]!);
      k.histList(L.idx, jobs[o + J.BEGIN]!, jobs[o + J.END]!, L.bins, L.gh, slot, L.featureList + from * 4, to - from);
      const parent = jobs[o + J.B]!;
      if (parent < 0) return;
      for (let i = from; i < to; i++) {
        const f = ws.featureList[i]! * HIST_BYTES_PER_FEATURE;
        k.subtract(ws.slotAddress(parent) + f, slot + f, HIST_BYTES_PER_FEATURE);
      }
      return;
    }
    case KIND.GRADIENTS: {
      const rows = Atomics.load(ctl, CTL.ROWS);
      const begin = item * GRADIENT_ROWS;
      const end = Math.min(rows, (item + 1) * GRADIENT_ROWS);
      k.gradients(L.margin, L.y, L.weight, L.gh, begin, end);
      if (Atomics.load(ctl, CTL.IDENTITY) === 1) for (let i = begin; i < end; i++) ws.idx[i] = i;
      return;
    }
    case KIND.PARTITION: {
      const j = ws.order[item]!;
      const o = j * JOB_FIELDS;
      // a = feature, b = split bin, c = 1 when missing values go left
      const table = ws.tables.subarray(j * 256, j * 256 + 256);
      const splitBin = jobs[o + J.B]!;
      for (let b = 1; b < 256; b++) table[b] = b <= splitBin ? 1 : 0;
      table[0] = jobs[o + J.C]!;
      const begin = jobs[o + J.BEGIN]!;
      // Each job's scratch starts at its own begin, so jobs on different threads never share it.
      jobs[o + J.OUT] = k.partition(
        L.idx,
        begin,
        jobs[o + J.END]!,
        L.codes + jobs[o + J.A]! * L.rows,
        L.tables + j * 256,
        L.scratch + begin * 4,
      );
      return;
    }
    case KIND.ADD: {
      const j = ws.order[item]!;
      k.addToRows(L.idx, jobs[j * JOB_FIELDS + J.BEGIN]!, jobs[j * JOB_FIELDS + J.END]!, L.margin, ws.jobValues[j]!);
      return;
    }
    case KIND.SPLITS: {
      const j = ws.order[item]!;
      const o = j * JOB_FIELDS;
      const at = jobs[o + J.C]!;
      const features = ws.nodeFeatures.subarray(at, at + jobs[o + J.B]!);
      const i = j * SPLIT_IN;
      const stats = { G: ws.splitIn[i]!, H: ws.splitIn[i + 1]!, lower: ws.splitIn[i + 2]!, upper: ws.splitIn[i + 3]! };
      writeSplit(
        ws.splitOut,
        j * SPLIT_OUT,
        findBestSplit(ws.hist, ws.slotOffset(jobs[o + J.A]!), stats, features, ws.binCounts, splitParams),
      );
      return;
    }
  }
}

/**
 * Claims and runs items of the current batch until none is left (main thread and workers).
 * A claim is a compare-and-swap on the item counter; the batch is read after it, so a thread
 * that arrives late from an earlier batch either finds nothing left or joins the current one.
 */
export function claimItems(ws: Workspace, kernels: ThreadKernels, splitParams: SplitParams): void {
  const ctl = ws.control;
  for (;;) {
    const next = Atomics.load(ctl, CTL.NEXT);
    if (next >= Atomics.load(ctl, CTL.ITEMS)) return;
    if (Atomics.compareExchange(ctl, CTL.NEXT, next, next + 1) !== next) continue;
    const items = Atomics.load(ctl, CTL.ITEMS);
    if (next >= items) continue;
    runItem(ws, kernels, next, splitParams);
    if (Atomics.add(ctl, CTL.FIN, 1) + 1 === items) Atomics.notify(ctl, CTL.FIN);
  }
}

/**
 * Histogram kernels for feature chunks: as many chunks as threads (so that one node's histogram
 * can be shared), at most 4 (every chunk re-reads the node's rows).
 */
export function threadKernels(ws: Workspace, threads: number): ThreadKernels {
  const bytes = threadKernelBytes(ws.layout.features, threads);
  const all = instantiateKernels(bytes.all, ws.memory);
  const chunks = bytes.chunks.length === 0 ? [all] : bytes.chunks.map((b) => instantiateKernels(b, ws.memory));
  return { all, chunks };
}

/**
 * The module bytes of threadKernels for `features` inputs: all of them, and one per feature chunk
 * (none for a single chunk). Assembled once a process (kernels.ts keeps them), so calling this
 * ahead, say while the table is read, takes the assembly out of the fit.
 */
export function threadKernelBytes(features: number, threads: number): { all: Uint8Array; chunks: Uint8Array[] } {
  const F = features;
  const n = Math.max(1, Math.min(threads, F, 4));
  return {
    all: kernelModuleBytes(0, F, F),
    chunks:
      n === 1
        ? []
        : Array.from({ length: n }, (_, c) => kernelModuleBytes(shareStart(c, n, F), shareStart(c + 1, n, F), F)),
  };
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

/** Kernels to assemble ahead in a worker thread (threadKernelBytes). */
export interface WarmTask {
  kind: 'warm';
  features: number;
  threads: number;
}

/** A fit for a worker thread (worker.ts): bin its share, then claim batch items until KIND.EXIT. */
export interface FitTask {
  kind: 'fit';
  layout: WorkspaceLayout;
  memory: WasmMemory;
  threads: number;
  binning: WorkerBinning;
  splitParams: SplitParams;
}

/**
 * Below this many rows x trees a prediction runs on the calling thread alone (about 15 ms of
 * work; handing a share to a worker costs a copy of its rows and two messages).
 */
export const PARALLEL_PREDICT_MIN_WORK = 1_000_000;

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
    feature: out[o]!,
    bin: out[o + 1]!,
    defaultLeft: out[o + 2] === 1,
    gain: out[o + 3]!,
    GL: out[o + 4]!,
    HL: out[o + 5]!,
    GR: out[o + 6]!,
    HR: out[o + 7]!,
    wLeft: out[o + 8]!,
    wRight: out[o + 9]!,
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
  private readonly kernels: ThreadKernels;
  private readonly workers: GbdtWorker[] = [];
  private seq = 0;
  /** The workers have left the batch loop (KIND.EXIT): no more batches, they take tasks again. */
  private parked = false;

  private constructor(
    readonly ws: Workspace,
    readonly threads: number,
    private readonly splitParams: SplitParams,
  ) {
    this.kernels = threadKernels(ws, threads);
  }

  /**
   * An executor with `threads - 1` workers started and ready. Binning the training matrix is
   * the workers' first job: each thread finds the bin bounds of its share of the features and
   * writes their codes into ws.codes, so that this step too runs in parallel.
   */
  static async create(
    ws: Workspace,
    threads: number,
    binning: BinningTask,
    splitParams: SplitParams,
  ): Promise<{ executor: Executor; bounds: Float64Array[] }> {
    const { features: F, rows: n } = ws.layout;
    const t = Math.max(1, threads);
    const ex = new Executor(ws, t, splitParams);
    const shares: Array<Promise<Float64Array[]>> = [];
    for (let w = 1; w < t; w++) {
      const from = shareStart(w, t, F);
      const to = shareStart(w + 1, t, F);
      // Copies of just this share's columns, handed over: a view would clone its whole underlying buffer.
      const columns = binning.columns.slice(from, to).map((c) => c.slice());
      const binningShare: WorkerBinning = { columns, from, to, maxBin: binning.maxBin, sample: binning.sample };
      const worker = acquireWorker();
      ex.workers.push(worker);
      const task: FitTask = {
        kind: 'fit',
        layout: ws.layout,
        memory: ws.memory,
        threads: t,
        binning: binningShare,
        splitParams,
      };
      const share = worker.request<Float64Array[]>(
        task,
        columns.map((c) => c.buffer),
      );
      // Awaited below, or given up when this thread's share fails first (dispose waits for it).
      share.catch(() => {});
      shares.push(share);
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

  /**
   * Runs a batch of `units` jobs (or row chunks) set up in the control words, job list and claim
   * order, with the workers when the work is worth waking them for. `chunked` batches (the
   * histograms) have one item per job and feature chunk.
   */
  private run(kind: number, units: number, work: number, chunked = false): void {
    if (this.parked) throw new Error('gbdt: a batch after the workers left the batch loop');
    const ctl = this.ws.control;
    Atomics.store(ctl, CTL.KIND, kind);
    // Feature chunks only when there are too few jobs to go round: each chunk re-reads the rows.
    const chunks = chunked && units < 2 * this.threads ? this.kernels.chunks.length : 1;
    const items = units * chunks;
    if (this.threads === 1 || work < PARALLEL_MIN_WORK || items < 2) {
      Atomics.store(ctl, CTL.CHUNKS, 1);
      for (let i = 0; i < units; i++) runItem(this.ws, this.kernels, i, this.splitParams);
      return;
    }
    Atomics.store(ctl, CTL.CHUNKS, chunks);
    Atomics.store(ctl, CTL.ITEMS, items);
    Atomics.store(ctl, CTL.FIN, 0);
    Atomics.store(ctl, CTL.NEXT, 0);
    Atomics.store(ctl, CTL.SEQ, ++this.seq);
    Atomics.notify(ctl, CTL.SEQ);
    claimItems(this.ws, this.kernels, this.splitParams);
    // Every item is claimed; wait for the ones other threads are still running.
    for (let fin = Atomics.load(ctl, CTL.FIN); fin < items; fin = Atomics.load(ctl, CTL.FIN)) {
      if (Atomics.load(ctl, CTL.ERROR) !== 0) throw new Error('gbdt worker thread failed');
      waitWhile(ctl, CTL.FIN, fin, 1000);
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

  /** Writes the claim order, largest job first (ties to the lower index); returns the total work. */
  private order(work: ArrayLike<number>): number {
    const order = Array.from({ length: work.length }, (_, j) => j).sort((a, b) => work[b]! - work[a]! || a - b);
    this.ws.order.set(order);
    let total = 0;
    for (let j = 0; j < work.length; j++) total += work[j]!;
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
    this.run(KIND.SPLITS, jobs.length, this.order(work));
    return jobs.map((_, j) => readSplit(ws.splitOut, j * SPLIT_OUT));
  }

  /**
   * Fills the histogram slot of every job from the rows idx[begin..end), and when the job names
   * a `subtractFrom` slot (its parent's), subtracts the new histogram from that one: the
   * sibling's histogram, computed by the same threads in the same batch. `features` (a list
   * of feature indices) restricts the work to sampled columns; null means all.
   */
  histograms(
    jobs: ReadonlyArray<RowRange & { slot: number; subtractFrom?: number }>,
    features: Uint32Array | null,
  ): void {
    if (jobs.length === 0) return;
    const ws = this.ws;
    let rows = 0;
    for (let j = 0; j < jobs.length; j++) {
      const job = jobs[j]!;
      this.setJob(j, job.begin, job.end, job.slot, job.subtractFrom ?? -1);
      rows += job.end - job.begin;
      // Whole-range builds clear their slot in the batch (runItem); list builds here, every feature.
      if (features) this.kernels.all.clear(ws.slotAddress(job.slot), ws.layout.features * HIST_BYTES_PER_FEATURE);
    }
    if (features) {
      ws.featureList.set(features);
      ws.control[CTL.LIST] = features.length;
    }
    this.order(jobs.map((job) => job.end - job.begin));
    this.run(
      features ? KIND.HIST_LIST : KIND.HIST_RANGE,
      jobs.length,
      rows * (features ? features.length : ws.layout.features),
      true,
    );
  }

  /**
   * Log-loss gradients of rows [0, rows) from ws.margin, ws.y and ws.weight into ws.gh; with
   * `identity`, also idx[i] = i for those rows (the next tree grows on all of them, in order).
   */
  gradients(rows: number, identity = false): void {
    this.ws.control[CTL.ROWS] = rows;
    this.ws.control[CTL.IDENTITY] = identity ? 1 : 0;
    this.run(KIND.GRADIENTS, Math.ceil(rows / GRADIENT_ROWS), rows);
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
      for (let c = 0; c < chunks; c++)
        pieces.push({
          job: j,
          begin: job.begin + shareStart(c, chunks, size),
          end: job.begin + shareStart(c + 1, chunks, size),
        });
    });
    pieces.forEach((p, k) => {
      const job = jobs[p.job]!;
      this.setJob(k, p.begin, p.end, job.feature, job.splitBin, job.defaultLeft ? 1 : 0);
    });
    this.run(KIND.PARTITION, pieces.length, this.order(pieces.map((p) => p.end - p.begin)));
    const mids = new Int32Array(jobs.length);
    let k = 0;
    jobs.forEach((_job, j) => {
      const first = k;
      while (k < pieces.length && pieces[k]!.job === j) k++;
      mids[j] =
        k - first === 1 ? ws.jobs[first * JOB_FIELDS + J.OUT]! : this.mergeChunks(pieces.slice(first, k), first);
    });
    return mids;
  }

  /**
   * [L1 R1 L2 R2 ...] (chunks partitioned alone) -> [L1 L2 ... R1 R2 ...]; returns where the R
   * part starts. Only what moves is copied: L1 and the last R are already in place; the other Rs
   * wait in the job's scratch, free once its batch is done.
   */
  private mergeChunks(chunks: ReadonlyArray<RowRange>, firstJob: number): number {
    const { idx: I, scratch: S } = this.ws.layout;
    const move = this.kernels.all.move;
    const begin = chunks[0]!.begin;
    const mid = (i: number) => this.ws.jobs[(firstJob + i) * JOB_FIELDS + J.OUT]!;
    let saved = 0;
    for (let i = 0; i < chunks.length - 1; i++) {
      move(S + (begin + saved) * 4, I + mid(i) * 4, (chunks[i]!.end - mid(i)) * 4);
      saved += chunks[i]!.end - mid(i);
    }
    let at = begin;
    chunks.forEach((c, i) => {
      if (at !== c.begin) move(I + at * 4, I + c.begin * 4, (mid(i) - c.begin) * 4);
      at += mid(i) - c.begin;
    });
    move(I + at * 4, S + begin * 4, saved * 4);
    return at;
  }

  /** margin[r] += value for the rows r of each range of idx. */
  addToMargins(jobs: ReadonlyArray<RowRange & { value: number }>): void {
    const ws = this.ws;
    jobs.forEach((job, j) => {
      this.setJob(j, job.begin, job.end);
      ws.jobValues[j] = job.value;
    });
    this.run(KIND.ADD, jobs.length, this.order(jobs.map((r) => r.end - r.begin)));
  }

  /**
   * base + the sum of the trees' outputs for rows of column-major raw values (predict.ts), the
   * rows shared with the workers, which leave the batch loop for it: no batch runs afterwards.
   * Each row's sum is the same bits on any thread.
   */
  async predictForest(
    trees: readonly Tree[],
    base: number,
    columns: readonly Float64Array[],
    n: number,
  ): Promise<Float64Array> {
    const threads = this.workers.length + 1;
    if (threads === 1 || n * trees.length < PARALLEL_PREDICT_MIN_WORK) return predictForest(trees, base, columns, n);
    this.park();
    const forest = packForest(trees, base, columns.length, threads);
    const out = new Float64Array(n);
    const shares = this.workers.map((worker, w) => {
      const from = shareStart(w + 1, threads, n);
      const to = shareStart(w + 2, threads, n);
      // Copies of the share's rows, handed over: a view would clone its whole underlying buffer.
      const share: PredictShare = {
        kind: 'predict',
        forest,
        thread: w + 1,
        columns: columns.map((c) => new Float64Array(c.subarray(from, to))),
        rows: to - from,
      };
      return worker
        .request<Float64Array>(
          share,
          share.columns.map((c) => c.buffer),
        )
        .then((rows) => out.set(rows, from));
    });
    predictRows(forest, 0, columns, 0, shareStart(1, threads, n), out, 0);
    await Promise.all(shares);
    return out;
  }

  /** Sends the workers out of the batch loop, back to waiting for tasks. */
  private park(): void {
    if (this.parked || this.workers.length === 0) return;
    this.parked = true;
    const ctl = this.ws.control;
    ctl[CTL.KIND] = KIND.EXIT;
    Atomics.store(ctl, CTL.SEQ, ++this.seq);
    Atomics.notify(ctl, CTL.SEQ);
  }

  /** Ends the fit's use of the workers: kept for the next fit in a session (threads.ts), ended otherwise. */
  async dispose(): Promise<void> {
    this.park();
    await Promise.all(this.workers.splice(0).map(releaseWorker));
  }
}
