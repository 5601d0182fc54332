/**
 * The inner loops of boosting as WebAssembly kernels over the shared workspace memory.
 *
 * Why WebAssembly: on the 2-core EPYC this project runs on, the best plain-JavaScript histogram
 * loop took 3.7-5 ns per (row, feature) update in a micro-benchmark; this kernel takes about
 * 1.1 ns (one f64x2 SIMD load-add-store per update, unrolled over the features with constant
 * offsets). The JavaScript partition (a branch per row that the CPU mispredicts on a good split)
 * and gradients (Math.exp is a call out of the JIT) cost, by CPU profile, several times these
 * kernels: a table look-up with unconditional stores, and fdlibm's exp inline in SIMD lanes.
 *
 * Memory layout the kernels rely on (byte addresses, see workspace.ts):
 * - bins: row-major u8, bins[r * stride + f], bin 0 = missing;
 * - codes: column-major u8, the same codes one feature after another (partitioning);
 * - gh: per row a (gradient, hessian) pair of f64, 16-byte aligned;
 * - idx / scratch: u32 row indices;
 * - hist: per feature 256 slots of (sum g, sum h) f64 pairs, feature f at f * 4096.
 */
import {
  FunctionBuilder,
  assembleModule,
  elementAddress,
  instantiate,
  op,
  type WasmMemory,
} from '../../wasm/assembler.js';

export const HIST_BYTES_PER_FEATURE = 256 * 16;

export interface Kernels {
  /** Histograms of rows idx[begin..end) for the feature range the module was built for. */
  histRange(idx: number, begin: number, end: number, bins: number, gh: number, hist: number): void;
  /** The same for `count` features listed (u32) at `features`. */
  histList(
    idx: number,
    begin: number,
    end: number,
    bins: number,
    gh: number,
    hist: number,
    features: number,
    count: number,
  ): void;
  /**
   * Stable partition of idx[begin..end): rows whose code (u8 at codes + row) maps to 1 in the
   * 256-byte `table` first, the others after, using scratch[0..]; returns where the others start.
   */
  partition(idx: number, begin: number, end: number, codes: number, table: number, scratch: number): number;
  /** Log-loss (g, h) pairs of rows [begin, end) from margin, label y and weight. */
  gradients(margin: number, y: number, weight: number, gh: number, begin: number, end: number): void;
  /** margin[idx[pos]] += value for pos in [begin, end). */
  addToRows(idx: number, begin: number, end: number, margin: number, value: number): void;
  /** dst -= src, element-wise over `bytes` (a multiple of 16) of f64 pairs. */
  subtract(dst: number, src: number, bytes: number): void;
  /**
   * `bytes` zero bytes at dst, and `bytes` bytes from src to dst (overlap allowed): WebAssembly's
   * memory.fill and memory.copy. The same through a typed array of shared memory takes V8 3-10
   * times as long (it copies with relaxed atomic stores), and clearing histogram slots was most of it.
   */
  clear(dst: number, bytes: number): void;
  move(dst: number, src: number, bytes: number): void;
}

function histRange(from: number, to: number, stride: number): FunctionBuilder {
  const fn = new FunctionBuilder('histRange', [
    ['idx', 'i32'],
    ['begin', 'i32'],
    ['end', 'i32'],
    ['bins', 'i32'],
    ['gh', 'i32'],
    ['hist', 'i32'],
  ]);
  fn.locals({ i: 'i32', row: 'i32', rowBins: 'i32', addr: 'i32', pair: 'v128' });
  fn.loopRange('i', fn.get('begin'), fn.get('end'), 1, () => {
    fn.emit(elementAddress(fn.get('idx'), fn.get('i'), 2), op.i32Load(), fn.set('row'));
    fn.emit(elementAddress(fn.get('gh'), fn.get('row'), 4), op.v128Load(), fn.set('pair'));
    fn.emit(fn.get('bins'), fn.get('row'), op.i32(stride), op.i32Mul, op.i32Add, fn.set('rowBins'));
    for (let f = from; f < to; f++) {
      const off = f * HIST_BYTES_PER_FEATURE;
      fn.emit(elementAddress(fn.get('hist'), [...fn.get('rowBins'), ...op.i32Load8U(f)], 4), fn.tee('addr'));
      fn.emit(fn.get('addr'), op.v128Load(off), fn.get('pair'), op.f64x2Add, op.v128Store(off));
    }
  });
  return fn;
}

function histList(stride: number): FunctionBuilder {
  const fn = new FunctionBuilder('histList', [
    ['idx', 'i32'],
    ['begin', 'i32'],
    ['end', 'i32'],
    ['bins', 'i32'],
    ['gh', 'i32'],
    ['hist', 'i32'],
    ['features', 'i32'],
    ['count', 'i32'],
  ]);
  fn.locals({ i: 'i32', row: 'i32', rowBins: 'i32', k: 'i32', f: 'i32', addr: 'i32', pair: 'v128' });
  fn.loopRange('i', fn.get('begin'), fn.get('end'), 1, () => {
    fn.emit(elementAddress(fn.get('idx'), fn.get('i'), 2), op.i32Load(), fn.set('row'));
    fn.emit(elementAddress(fn.get('gh'), fn.get('row'), 4), op.v128Load(), fn.set('pair'));
    fn.emit(fn.get('bins'), fn.get('row'), op.i32(stride), op.i32Mul, op.i32Add, fn.set('rowBins'));
    fn.loopRange('k', op.i32(0), fn.get('count'), 1, () => {
      fn.emit(elementAddress(fn.get('features'), fn.get('k'), 2), op.i32Load(), fn.set('f'));
      // addr = hist + f * 4096 + bins[rowBins + f] * 16
      const bin = [...fn.get('rowBins'), ...fn.get('f'), ...op.i32Add, ...op.i32Load8U()];
      fn.emit(elementAddress(elementAddress(fn.get('hist'), fn.get('f'), 12), bin, 4), fn.tee('addr'));
      fn.emit(fn.get('addr'), op.v128Load(), fn.get('pair'), op.f64x2Add, op.v128Store());
    });
  });
  return fn;
}

function partition(): FunctionBuilder {
  const fn = new FunctionBuilder(
    'partition',
    [
      ['idx', 'i32'],
      ['begin', 'i32'],
      ['end', 'i32'],
      ['codes', 'i32'],
      ['table', 'i32'],
      ['scratch', 'i32'],
    ],
    'i32',
  );
  fn.locals({ i: 'i32', l: 'i32', r: 'i32', row: 'i32', left: 'i32' });
  fn.emit(fn.get('begin'), fn.set('l'), op.i32(0), fn.set('r'));
  fn.loopRange('i', fn.get('begin'), fn.get('end'), 1, () => {
    fn.emit(elementAddress(fn.get('idx'), fn.get('i'), 2), op.i32Load(), fn.set('row'));
    fn.emit(
      fn.get('table'),
      fn.get('codes'),
      fn.get('row'),
      op.i32Add,
      op.i32Load8U(),
      op.i32Add,
      op.i32Load8U(),
      fn.set('left'),
    );
    // Store the row on both sides and advance one of them: no branch to mispredict.
    fn.emit(elementAddress(fn.get('idx'), fn.get('l'), 2), fn.get('row'), op.i32Store());
    fn.emit(elementAddress(fn.get('scratch'), fn.get('r'), 2), fn.get('row'), op.i32Store());
    fn.emit(fn.get('l'), fn.get('left'), op.i32Add, fn.set('l'));
    fn.emit(fn.get('r'), op.i32(1), fn.get('left'), op.i32Sub, op.i32Add, fn.set('r'));
  });
  fn.emit(
    elementAddress(fn.get('idx'), fn.get('l'), 2),
    fn.get('scratch'),
    fn.get('r'),
    op.i32(2),
    op.i32Shl,
    op.memoryCopy,
  );
  fn.emit(fn.get('l'));
  return fn;
}

// fdlibm's __ieee754_exp constants, as fdlibm writes them (the literals round to the intended doubles).
// biome-ignore-start lint/correctness/noPrecisionLoss: quoted verbatim from fdlibm
// biome-ignore-start lint/suspicious/noApproximativeNumericConstant: fdlibm's own rounding of 1/ln 2
const LN2_HI = 6.9314718036912381649e-1;
const LN2_LO = 1.90821492927058770002e-10;
const INV_LN2 = 1.442695040888963387;
const P1 = 1.66666666666666019037e-1;
const P2 = -2.77777777770155933842e-3;
const P3 = 6.61375632143793436117e-5;
const P4 = -1.6533902205465251539e-6;
const P5 = 4.13813679705723846039e-8;
// biome-ignore-end lint/suspicious/noApproximativeNumericConstant: fdlibm's own rounding of 1/ln 2
// biome-ignore-end lint/correctness/noPrecisionLoss: quoted verbatim from fdlibm
/** exp is evaluated on [-700, 700], where neither it nor 2^k leaves the normal range. */
const EXP_LIMIT = 700;
const MIN_HESSIAN = 1e-16;

/**
 * p = sigmoid(z) = 1 / (1 + exp(-z)) with exp as fdlibm computes it (argument reduction by
 * k ln 2, a degree-5 minimax rational form, scaling by 2^k through the exponent bits; error
 * below 1 ulp, the same bits as V8's Math.exp), then g = (p - y) w and h = max(p (1 - p),
 * 1e-16) w as in XGBoost. Two rows at a time in f64x2 lanes: rows [begin, end) with begin
 * even; an odd end computes one row past it (the workspace pads every array by a row).
 */
function gradients(): FunctionBuilder {
  const fn = new FunctionBuilder('gradients', [
    ['margin', 'i32'],
    ['y', 'i32'],
    ['weight', 'i32'],
    ['gh', 'i32'],
    ['begin', 'i32'],
    ['end', 'i32'],
  ]);
  fn.locals({
    i: 'i32',
    at: 'i32',
    out: 'i32',
    x: 'v128',
    k: 'v128',
    hi: 'v128',
    lo: 'v128',
    r: 'v128',
    t: 'v128',
    c: 'v128',
    p: 'v128',
    w: 'v128',
    g: 'v128',
    h: 'v128',
  });
  const f = (v: number) => [...op.f64(v), ...op.f64x2Splat];
  fn.loopRange('i', fn.get('begin'), fn.get('end'), 2, () => {
    fn.emit(fn.get('i'), op.i32(3), op.i32Shl, fn.set('at'));
    // x = clamp(-margin, -700, 700)
    fn.emit(
      f(0),
      fn.get('margin'),
      fn.get('at'),
      op.i32Add,
      op.v128Load(),
      op.f64x2Sub,
      f(EXP_LIMIT),
      op.f64x2Min,
      f(-EXP_LIMIT),
      op.f64x2Max,
      fn.set('x'),
    );
    // k = nearest(x / ln 2); hi = x - k ln2_hi; lo = k ln2_lo; r = hi - lo
    fn.emit(fn.get('x'), f(INV_LN2), op.f64x2Mul, op.f64x2Nearest, fn.set('k'));
    fn.emit(fn.get('x'), fn.get('k'), f(LN2_HI), op.f64x2Mul, op.f64x2Sub, fn.set('hi'));
    fn.emit(fn.get('k'), f(LN2_LO), op.f64x2Mul, fn.set('lo'));
    fn.emit(fn.get('hi'), fn.get('lo'), op.f64x2Sub, fn.set('r'));
    // t = r^2; c = r - t (P1 + t (P2 + t (P3 + t (P4 + t P5))))
    fn.emit(fn.get('r'), fn.get('r'), op.f64x2Mul, fn.set('t'));
    fn.emit(fn.get('r'), fn.get('t'));
    fn.emit(f(P1), fn.get('t'), f(P2), fn.get('t'), f(P3), fn.get('t'), f(P4), fn.get('t'), f(P5), op.f64x2Mul);
    fn.emit(
      op.f64x2Add,
      op.f64x2Mul,
      op.f64x2Add,
      op.f64x2Mul,
      op.f64x2Add,
      op.f64x2Mul,
      op.f64x2Add,
      op.f64x2Mul,
      op.f64x2Sub,
      fn.set('c'),
    );
    // exp(x) = (1 - ((lo - r c / (2 - c)) - hi)) * 2^k; p = 1 / (1 + exp(x))
    fn.emit(f(1), f(1), f(1));
    fn.emit(
      fn.get('lo'),
      fn.get('r'),
      fn.get('c'),
      op.f64x2Mul,
      f(2),
      fn.get('c'),
      op.f64x2Sub,
      op.f64x2Div,
      op.f64x2Sub,
      fn.get('hi'),
      op.f64x2Sub,
      op.f64x2Sub,
    );
    // 2^k from the exponent bits: |k| <= 1010, so (k + 1023) << 52 is a normal double.
    fn.emit(
      fn.get('k'),
      op.i32x4TruncSatF64x2SZero,
      op.i64x2ExtendLowI32x4S,
      op.i64(1023),
      op.i64x2Splat,
      op.i64x2Add,
      op.i32(52),
      op.i64x2Shl,
      op.f64x2Mul,
    );
    fn.emit(op.f64x2Add, op.f64x2Div, fn.set('p'));
    fn.emit(fn.get('weight'), fn.get('at'), op.i32Add, op.v128Load(), fn.set('w'));
    // g = (p - y) w; h = max(p (1 - p), 1e-16) w
    fn.emit(
      fn.get('p'),
      fn.get('y'),
      fn.get('at'),
      op.i32Add,
      op.v128Load(),
      op.f64x2Sub,
      fn.get('w'),
      op.f64x2Mul,
      fn.set('g'),
    );
    fn.emit(
      fn.get('p'),
      f(1),
      fn.get('p'),
      op.f64x2Sub,
      op.f64x2Mul,
      f(MIN_HESSIAN),
      op.f64x2Max,
      fn.get('w'),
      op.f64x2Mul,
      fn.set('h'),
    );
    // gh pairs: (g0, h0) then (g1, h1)
    fn.emit(elementAddress(fn.get('gh'), fn.get('i'), 4), fn.tee('out'));
    fn.emit(
      fn.get('g'),
      fn.get('h'),
      op.i8x16Shuffle([0, 1, 2, 3, 4, 5, 6, 7, 16, 17, 18, 19, 20, 21, 22, 23]),
      op.v128Store(0),
    );
    fn.emit(
      fn.get('out'),
      fn.get('g'),
      fn.get('h'),
      op.i8x16Shuffle([8, 9, 10, 11, 12, 13, 14, 15, 24, 25, 26, 27, 28, 29, 30, 31]),
      op.v128Store(16),
    );
  });
  return fn;
}

function addToRows(): FunctionBuilder {
  const fn = new FunctionBuilder('addToRows', [
    ['idx', 'i32'],
    ['begin', 'i32'],
    ['end', 'i32'],
    ['margin', 'i32'],
    ['value', 'f64'],
  ]);
  fn.locals({ pos: 'i32', addr: 'i32' });
  fn.loopRange('pos', fn.get('begin'), fn.get('end'), 1, () => {
    const row = [...elementAddress(fn.get('idx'), fn.get('pos'), 2), ...op.i32Load()];
    fn.emit(elementAddress(fn.get('margin'), row, 3), fn.tee('addr'));
    fn.emit(fn.get('addr'), op.f64Load(), fn.get('value'), op.f64Add, op.f64Store());
  });
  return fn;
}

function subtract(): FunctionBuilder {
  const fn = new FunctionBuilder('subtract', [
    ['dst', 'i32'],
    ['src', 'i32'],
    ['bytes', 'i32'],
  ]);
  fn.locals({ i: 'i32', at: 'i32' });
  fn.loopRange('i', op.i32(0), fn.get('bytes'), 16, () => {
    fn.emit(
      fn.get('dst'),
      fn.get('i'),
      op.i32Add,
      fn.tee('at'),
      fn.get('at'),
      op.v128Load(),
      fn.get('src'),
      fn.get('i'),
      op.i32Add,
      op.v128Load(),
      op.f64x2Sub,
      op.v128Store(),
    );
  });
  return fn;
}

/** WebAssembly's bulk memory instructions as kernels (Kernels.clear, Kernels.move). */
function bulkMemory(): FunctionBuilder[] {
  const dst: [string, 'i32'] = ['dst', 'i32'];
  const bytes: [string, 'i32'] = ['bytes', 'i32'];
  const clear = new FunctionBuilder('clear', [dst, bytes]);
  clear.emit(clear.get('dst'), op.i32(0), clear.get('bytes'), op.memoryFill);
  const move = new FunctionBuilder('move', [dst, ['src', 'i32'], bytes]);
  move.emit(move.get('dst'), move.get('src'), move.get('bytes'), op.memoryCopy);
  return [clear, move];
}

/**
 * Assembled modules by share: assembling one (JavaScript) costs tens of milliseconds, compiling
 * it a few, and every fit of a training run, on every thread, asks for the same ones.
 */
const assembled = new Map<string, Uint8Array>();

/** The module bytes for a thread whose histogram share is features [from, to) of `stride`. */
export function kernelModuleBytes(from: number, to: number, stride: number): Uint8Array {
  const key = `${from}:${to}:${stride}`;
  let bytes = assembled.get(key);
  if (bytes === undefined) {
    bytes = assembleKernels(from, to, stride);
    assembled.set(key, bytes);
  }
  return bytes;
}

function assembleKernels(from: number, to: number, stride: number): Uint8Array {
  return assembleModule([
    histRange(from, to, stride),
    histList(stride),
    partition(),
    gradients(),
    addToRows(),
    subtract(),
    ...bulkMemory(),
  ]);
}

export function instantiateKernels(bytes: Uint8Array, memory: WasmMemory): Kernels {
  return instantiate<Kernels>(bytes, memory);
}
