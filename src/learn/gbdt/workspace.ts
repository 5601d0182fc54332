/**
 * The shared memory one training run works in: a single shared WebAssembly.Memory holding what
 * the histogram kernel reads and writes, so that worker threads see the same bytes without
 * copies. Everything else (labels, margins, column-major bins) lives in ordinary typed arrays.
 */
import { HIST_BYTES_PER_FEATURE, createSharedMemory, type WasmMemory } from './wasm-kernels.js';

const PAGE = 65536;
/** Control words shared with the workers (Int32 indices). */
export const CONTROL_WORDS = 64;

export interface WorkspaceLayout {
  rows: number;
  features: number;
  /** Histogram slots: the most nodes whose histograms are alive at once. */
  slots: number;
  /** Byte offsets. */
  control: number;
  jobs: number;
  featureList: number;
  bins: number;
  gh: number;
  idx: number;
  hist: number;
  histSlotBytes: number;
  pages: number;
}

/** The most (begin, end, slot) jobs one histogram batch can carry: one per slot. */
const align = (x: number) => Math.ceil(x / 64) * 64;

export function planWorkspace(rows: number, features: number, slots: number): WorkspaceLayout {
  let at = 0;
  const take = (bytes: number) => {
    const start = at;
    at = align(at + bytes);
    return start;
  };
  const control = take(CONTROL_WORDS * 4);
  const jobs = take(slots * 3 * 4);
  const featureList = take(features * 4);
  const bins = take(rows * features);
  const gh = take(rows * 16);
  const idx = take(rows * 4);
  const histSlotBytes = features * HIST_BYTES_PER_FEATURE;
  const hist = take(slots * histSlotBytes);
  const pages = Math.max(1, Math.ceil(at / PAGE));
  if (pages > 65536) {
    throw new RangeError(`gbdt workspace needs ${(at / 2 ** 30).toFixed(1)} GiB: too many rows x features, or too deep trees`);
  }
  return { rows, features, slots, control, jobs, featureList, bins, gh, idx, hist, histSlotBytes, pages };
}

/** Typed views over the shared memory; both the main thread and the workers build one. */
export class Workspace {
  readonly control: Int32Array;
  readonly jobs: Int32Array;
  readonly featureList: Uint32Array;
  /** Row-major bins (rows x features), the kernel's layout. */
  readonly binsRowMajor: Uint8Array;
  /** gh[2r] = gradient, gh[2r + 1] = hessian of row r. */
  readonly gh: Float64Array;
  /** The rows of every node, each node a contiguous range (see partition.ts). */
  readonly idx: Uint32Array;
  /** All histogram slots as one array of doubles. */
  readonly hist: Float64Array;

  constructor(readonly layout: WorkspaceLayout, readonly memory: WasmMemory) {
    const buf = memory.buffer;
    const L = layout;
    this.control = new Int32Array(buf, L.control, CONTROL_WORDS);
    this.jobs = new Int32Array(buf, L.jobs, L.slots * 3);
    this.featureList = new Uint32Array(buf, L.featureList, L.features);
    this.binsRowMajor = new Uint8Array(buf, L.bins, L.rows * L.features);
    this.gh = new Float64Array(buf, L.gh, L.rows * 2);
    this.idx = new Uint32Array(buf, L.idx, L.rows);
    this.hist = new Float64Array(buf, L.hist, (L.slots * L.histSlotBytes) / 8);
  }

  static allocate(layout: WorkspaceLayout): Workspace {
    return new Workspace(layout, createSharedMemory(layout.pages));
  }

  /** Byte address of a histogram slot, for the kernel. */
  slotAddress(slot: number): number {
    return this.layout.hist + slot * this.layout.histSlotBytes;
  }

  /** Index in `hist` (doubles) where a slot starts. */
  slotOffset(slot: number): number {
    return (slot * this.layout.histSlotBytes) / 8;
  }
}

/** Doubles per feature in a histogram slot (256 bins x (g, h)). */
export const HIST_DOUBLES_PER_FEATURE = HIST_BYTES_PER_FEATURE / 8;
