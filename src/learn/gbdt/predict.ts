/**
 * Prediction on raw values with a WebAssembly kernel. Walking a tree is a chain of dependent
 * loads (node, then the row's value, then the child), so the kernel walks four rows through a
 * tree in lock step, which lets the CPU overlap the four chains, and picks children with
 * `select` instead of a branch. Leaves point to themselves, so every walk takes exactly the
 * tree's depth in steps. Rows go in blocks, transposed to row-major, so that a block's values
 * and a tree's nodes stay in cache while the block goes through every tree.
 *
 * Each row's output is base + tree 0 + tree 1 + ... in that order, the order training adds
 * them, so predictions are the same bits as the margins training kept.
 */
import {
  FunctionBuilder,
  assembleModule,
  createSharedMemory,
  instantiate,
  op,
  type WasmMemory,
} from '../wasm/assembler.js';
import type { Tree } from './tree.js';

/** Bytes per packed node: f64 threshold (a leaf's value), i32 feature, left, right, default-left. */
const NODE_BYTES = 24;
const LANES = 4;
const BLOCK_ROWS = 256;
const PAGE = 65536;

interface PredictKernel {
  /** out[i] += the trees' outputs for rows [0, rows) (a multiple of 4) of the block. */
  predictBlock(trees: number, treeCount: number, block: number, rows: number, stride: number, out: number): void;
}

function predictBlockKernel(): FunctionBuilder {
  const fn = new FunctionBuilder('predictBlock', [
    ['trees', 'i32'],
    ['treeCount', 'i32'],
    ['block', 'i32'],
    ['rows', 'i32'],
    ['stride', 'i32'],
    ['out', 'i32'],
  ]);
  const lanes = Array.from({ length: LANES }, (_, k) => k);
  fn.locals({ t: 'i32', root: 'i32', depth: 'i32', i: 'i32', s: 'i32', rowBytes: 'i32', at: 'i32', x: 'f64' });
  for (const k of lanes) fn.locals({ [`n${k}`]: 'i32', [`r${k}`]: 'i32' });
  fn.emit(fn.get('stride'), op.i32(3), op.i32Shl, fn.set('rowBytes'));
  fn.loopRange('t', op.i32(0), fn.get('treeCount'), 1, () => {
    fn.emit(fn.get('trees'), fn.get('t'), op.i32(3), op.i32Shl, op.i32Add, fn.tee('at'), op.i32Load(0), fn.set('root'));
    fn.emit(fn.get('at'), op.i32Load(4), fn.set('depth'));
    fn.loopRange('i', op.i32(0), fn.get('rows'), LANES, () => {
      for (const k of lanes) {
        fn.emit(fn.get('root'), fn.set(`n${k}`));
        fn.emit(
          fn.get('block'),
          fn.get('i'),
          op.i32(k),
          op.i32Add,
          fn.get('rowBytes'),
          op.i32Mul,
          op.i32Add,
          fn.set(`r${k}`),
        );
      }
      fn.loopRange('s', op.i32(0), fn.get('depth'), 1, () => {
        for (const k of lanes) {
          const n = `n${k}`;
          // x = row[feature]; left when x <= threshold, or x is missing and the node says so
          fn.emit(
            fn.get(`r${k}`),
            fn.get(n),
            op.i32Load(8),
            op.i32(3),
            op.i32Shl,
            op.i32Add,
            op.f64Load(),
            fn.set('x'),
          );
          fn.emit(fn.get(n), op.i32Load(12), fn.get(n), op.i32Load(16));
          fn.emit(
            fn.get('x'),
            fn.get(n),
            op.f64Load(0),
            op.f64Le,
            fn.get('x'),
            fn.get('x'),
            op.f64Ne,
            fn.get(n),
            op.i32Load(20),
            op.i32And,
            op.i32Or,
          );
          fn.emit(op.select, fn.set(n));
        }
      });
      for (const k of lanes) {
        fn.emit(fn.get('out'), fn.get('i'), op.i32(k), op.i32Add, op.i32(3), op.i32Shl, op.i32Add, fn.tee('at'));
        fn.emit(fn.get('at'), op.f64Load(), fn.get(`n${k}`), op.f64Load(0), op.f64Add, op.f64Store());
      }
    });
  });
  return fn;
}

/** Nodes packed for the kernel; per tree its root address and depth. */
function packTrees(trees: readonly Tree[], at: number, view: DataView): { table: number; end: number } {
  let address = at;
  const roots: Array<[number, number]> = [];
  for (const tree of trees) {
    const base = address;
    for (let k = 0; k < tree.size; k++) {
      const a = base + k * NODE_BYTES;
      const leaf = tree.feature[k]! < 0;
      view.setFloat64(a, leaf ? tree.value[k]! : tree.threshold[k]!, true);
      view.setInt32(a + 8, leaf ? 0 : tree.feature[k]!, true);
      view.setInt32(a + 12, leaf ? a : base + tree.left[k]! * NODE_BYTES, true);
      view.setInt32(a + 16, leaf ? a : base + tree.right[k]! * NODE_BYTES, true);
      view.setInt32(a + 20, tree.defaultLeft[k]!, true);
    }
    roots.push([base, tree.depth()]);
    address = base + tree.size * NODE_BYTES;
  }
  const table = address;
  for (const [root, depth] of roots) {
    view.setInt32(address, root, true);
    view.setInt32(address + 4, depth, true);
    address += 8;
  }
  return { table, end: address };
}

let moduleBytes: Uint8Array | null = null;

/** Trees packed into a shared memory, with a block and an output area for each thread that walks rows through them. */
export interface PackedForest {
  memory: WasmMemory;
  /** Address of the per-tree (root, depth) table. */
  table: number;
  trees: number;
  /** Doubles per row of a block. */
  features: number;
  base: number;
  /** Address of thread 0's block; thread t's is `threadBytes` further per t. */
  blocks: number;
  threadBytes: number;
}

/** The trees packed for `threads` threads (each walks its own rows through them, see predictRows). */
export function packForest(trees: readonly Tree[], base: number, features: number, threads: number): PackedForest {
  const F = Math.max(1, features);
  const nodeBytes = trees.reduce((s, t) => s + t.size * NODE_BYTES, 0) + trees.length * 8;
  const blocks = Math.ceil(nodeBytes / 64) * 64;
  const threadBytes = Math.ceil((BLOCK_ROWS * F * 8 + BLOCK_ROWS * 8) / 64) * 64;
  const memory: WasmMemory = createSharedMemory(Math.ceil((blocks + threads * threadBytes) / PAGE));
  const { table } = packTrees(trees, 0, new DataView(memory.buffer));
  return { memory, table, trees: trees.length, features: F, base, blocks, threadBytes };
}

/**
 * out[at + i] = base + the trees' outputs for rows [start, end) of column-major raw values, walked
 * in thread `thread`'s block (threads may run at once on the same forest, each on its rows).
 */
export function predictRows(
  forest: PackedForest,
  thread: number,
  columns: readonly Float64Array[],
  start: number,
  end: number,
  out: Float64Array,
  at: number,
): void {
  const F = forest.features;
  moduleBytes ??= assembleModule([predictBlockKernel()]);
  const kernel = instantiate<PredictKernel>(moduleBytes, forest.memory);
  const blockAt = forest.blocks + thread * forest.threadBytes;
  const outAt = blockAt + BLOCK_ROWS * F * 8;
  const block = new Float64Array(forest.memory.buffer, blockAt, BLOCK_ROWS * F);
  const blockOut = new Float64Array(forest.memory.buffer, outAt, BLOCK_ROWS);
  for (let from = start; from < end; from += BLOCK_ROWS) {
    const m = Math.min(BLOCK_ROWS, end - from);
    const padded = Math.ceil(m / LANES) * LANES;
    block.fill(0, m * F, padded * F);
    for (let f = 0; f < columns.length; f++) {
      const col = columns[f]!;
      for (let i = 0; i < m; i++) block[i * F + f] = col[from + i]!;
    }
    blockOut.fill(forest.base, 0, padded);
    kernel.predictBlock(forest.table, forest.trees, blockAt, padded, F, outAt);
    out.set(blockOut.subarray(0, m), at + from - start);
  }
}

/** A share of a prediction for a worker thread (threads.ts): its rows' columns, copied. */
export interface PredictShare {
  kind: 'predict';
  forest: PackedForest;
  thread: number;
  columns: Float64Array<ArrayBuffer>[];
  rows: number;
}

/** base + the sum of the trees' outputs for every row of column-major raw values. */
export function predictForest(
  trees: readonly Tree[],
  base: number,
  columns: readonly Float64Array[],
  n: number,
): Float64Array {
  const out = new Float64Array(n).fill(base);
  if (n === 0 || trees.length === 0) return out;
  predictRows(packForest(trees, base, columns.length, 1), 0, columns, 0, n, out, 0);
  return out;
}
