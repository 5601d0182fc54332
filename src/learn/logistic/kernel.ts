/**
 * The two linear-algebra halves of a Newton pass as a WebAssembly SIMD module assembled at run
 * time for the model's width: margins X·theta, and the accumulation of the gradient X'r and the
 * Hessian X'diag(h)X. The exp/log1p in between stay in JavaScript (WebAssembly has no exp).
 *
 * Why: X'WX is p(p+1)/2 multiply-adds per row, the bulk of a fit. The best plain-JavaScript loop
 * runs about 3 ns per multiply-add here (bounds checks, scalar loads and stores); this kernel
 * does two per f64x2 instruction with constant offsets, unrolled over the columns. The module is
 * a few hundred bytes written by this file, so there is no build step and nothing to download.
 *
 * Layout in its own memory (bytes, 16-aligned): H (qp x qp), g (qp), theta (qp), then per row
 * u_i = [1, z_i, 0 padding] (qp wide), then margins, residuals r and weights h (n each). qp is
 * q = p + 1 rounded up to even so each row is whole f64x2 pairs.
 */

function uleb(x: number): number[] {
  const out: number[] = [];
  do {
    let b = x & 0x7f;
    x = Math.floor(x / 128);
    if (x !== 0) b |= 0x80;
    out.push(b);
  } while (x !== 0);
  return out;
}

function sleb(x: number): number[] {
  const out: number[] = [];
  for (;;) {
    const b = x & 0x7f;
    x >>= 7;
    if ((x === 0 && (b & 0x40) === 0) || (x === -1 && (b & 0x40) !== 0)) return [...out, b];
    out.push(b | 0x80);
  }
}

const bytesOf = (s: string) => [...uleb(s.length), ...Buffer.from(s, 'utf8')];
const section = (id: number, body: number[]) => [id, ...uleb(body.length), ...body];
const vec = (items: number[][]) => [...uleb(items.length), ...items.flat()];

// Opcodes (WebAssembly core and fixed-width SIMD specifications).
const op = {
  get: (i: number) => [0x20, ...uleb(i)],
  set: (i: number) => [0x21, ...uleb(i)],
  i32: (v: number) => [0x41, ...sleb(v)],
  i32Add: [0x6a],
  i32LtU: [0x49],
  i32Eqz: [0x45],
  f64Load: (offset: number) => [0x2b, 3, ...uleb(offset)],
  f64Store: (offset: number) => [0x39, 3, ...uleb(offset)],
  f64Add: [0xa0],
  f64Mul: [0xa2],
  v128Load: (offset: number) => [0xfd, 0x00, 4, ...uleb(offset)],
  v128Store: (offset: number) => [0xfd, 0x0b, 4, ...uleb(offset)],
  f64x2Splat: [0xfd, 0x14],
  f64x2Lane: (lane: number) => [0xfd, 0x21, lane],
  f64x2Add: [0xfd, 0xf0, 0x01],
  f64x2Mul: [0xfd, 0xf2, 0x01],
  block: [0x02, 0x40],
  loop: [0x03, 0x40],
  br: (d: number) => [0x0c, ...uleb(d)],
  brIf: (d: number) => [0x0d, ...uleb(d)],
  end: [0x0b],
};

const I32 = 0x7f;
const F64 = 0x7c;
const V128 = 0x7b;

interface Func {
  name: string;
  /** Local declarations after the single i32 parameter `n` (local 0): [count, type]. */
  locals: [number, number][];
  body: number[];
}

function assemble(funcs: Func[], pages: number): Uint8Array {
  const type = [0x60, ...vec([[I32]]), 0];
  const memory = [...bytesOf('e'), ...bytesOf('m'), 0x02, 0x00, ...uleb(pages)];
  const code = funcs.map((f) => {
    const body = [...vec(f.locals.map(([count, t]) => [...uleb(count), t])), ...f.body, ...op.end];
    return [...uleb(body.length), ...body];
  });
  return new Uint8Array([
    0x00,
    0x61,
    0x73,
    0x6d,
    0x01,
    0x00,
    0x00,
    0x00,
    ...section(1, vec([type])),
    ...section(2, vec([memory])),
    ...section(3, vec(funcs.map(() => [0]))),
    ...section(7, vec(funcs.map((f, i) => [...bytesOf(f.name), 0x00, ...uleb(i)]))),
    ...section(10, vec(code)),
  ]);
}

interface Layout {
  q: number;
  qp: number;
  H: number;
  g: number;
  theta: number;
  U: number;
  eta: number;
  r: number;
  h: number;
  bytes: number;
}

function layout(n: number, q: number): Layout {
  const qp = q + (q & 1);
  const H = 0;
  const g = H + qp * qp * 8;
  const theta = g + qp * 8;
  const U = theta + qp * 8;
  const eta = U + n * qp * 8;
  const r = eta + n * 8;
  const h = r + n * 8;
  return { q, qp, H, g, theta, U, eta, r, h, bytes: h + n * 8 };
}

/** margins(n): eta_i = u_i . theta. Locals: 1 i, 2 row, 3 out, 4 acc. */
function marginsFunc(L: Layout): Func {
  const pairs = L.qp / 2;
  const dot: number[] = [];
  for (let k = 0; k < pairs; k++) {
    dot.push(...op.get(2), ...op.v128Load(16 * k), ...op.i32(0), ...op.v128Load(L.theta + 16 * k), ...op.f64x2Mul);
    if (k > 0) dot.push(...op.f64x2Add);
  }
  const body = [
    ...op.i32(L.U),
    ...op.set(2),
    ...op.i32(L.eta),
    ...op.set(3),
    ...op.block,
    ...op.loop,
    ...op.get(1),
    ...op.get(0),
    ...op.i32LtU,
    ...op.i32Eqz,
    ...op.brIf(1),
    ...dot,
    ...op.set(4),
    ...op.get(3),
    ...op.get(4),
    ...op.f64x2Lane(0),
    ...op.get(4),
    ...op.f64x2Lane(1),
    ...op.f64Add,
    ...op.f64Store(0),
    ...op.get(2),
    ...op.i32(L.qp * 8),
    ...op.i32Add,
    ...op.set(2),
    ...op.get(3),
    ...op.i32(8),
    ...op.i32Add,
    ...op.set(3),
    ...op.get(1),
    ...op.i32(1),
    ...op.i32Add,
    ...op.set(1),
    ...op.br(0),
    ...op.end,
    ...op.end,
  ];
  return {
    name: 'margins',
    locals: [
      [3, I32],
      [1, V128],
    ],
    body,
  };
}

/**
 * accumulate(n): g += r_i u_i and H[j][k..k+1] += h_i u_ij u_i[k..k+1] for k >= j (rounded down
 * to the pair), unrolled. Locals: 1 i, 2 row, 3 x (8 i), 4 hh (f64), 5 rv, 6 s, 7.. u pairs (v128).
 */
function accumulateFunc(L: Layout): Func {
  const pairs = L.qp / 2;
  const U0 = 7;
  const body: number[] = [
    ...op.i32(L.U),
    ...op.set(2),
    ...op.i32(0),
    ...op.set(3),
    ...op.block,
    ...op.loop,
    ...op.get(1),
    ...op.get(0),
    ...op.i32LtU,
    ...op.i32Eqz,
    ...op.brIf(1),
  ];
  for (let k = 0; k < pairs; k++) body.push(...op.get(2), ...op.v128Load(16 * k), ...op.set(U0 + k));
  body.push(...op.get(3), ...op.f64Load(L.r), ...op.f64x2Splat, ...op.set(5));
  body.push(...op.get(3), ...op.f64Load(L.h), ...op.set(4));
  for (let k = 0; k < pairs; k++) {
    const at = L.g + 16 * k;
    body.push(
      ...op.i32(0),
      ...op.i32(0),
      ...op.v128Load(at),
      ...op.get(5),
      ...op.get(U0 + k),
      ...op.f64x2Mul,
      ...op.f64x2Add,
      ...op.v128Store(at),
    );
  }
  for (let j = 0; j < L.q; j++) {
    body.push(...op.get(4), ...op.get(2), ...op.f64Load(8 * j), ...op.f64Mul, ...op.f64x2Splat, ...op.set(6));
    for (let k = j >> 1; k < pairs; k++) {
      const at = L.H + (j * L.qp + 2 * k) * 8;
      body.push(
        ...op.i32(0),
        ...op.i32(0),
        ...op.v128Load(at),
        ...op.get(6),
        ...op.get(U0 + k),
        ...op.f64x2Mul,
        ...op.f64x2Add,
        ...op.v128Store(at),
      );
    }
  }
  body.push(
    ...op.get(2),
    ...op.i32(L.qp * 8),
    ...op.i32Add,
    ...op.set(2),
    ...op.get(3),
    ...op.i32(8),
    ...op.i32Add,
    ...op.set(3),
    ...op.get(1),
    ...op.i32(1),
    ...op.i32Add,
    ...op.set(1),
    ...op.br(0),
    ...op.end,
    ...op.end,
  );
  return {
    name: 'accumulate',
    locals: [
      [3, I32],
      [1, F64],
      [2 + pairs, V128],
    ],
    body,
  };
}

interface WasmApi {
  Memory: new (d: { initial: number }) => { buffer: ArrayBuffer };
  Module: new (bytes: Uint8Array) => object;
  Instance: new (m: object, imports: Record<string, Record<string, unknown>>) => { exports: Record<string, unknown> };
}
const wasm = (globalThis as unknown as { WebAssembly?: WasmApi }).WebAssembly;

/** WebAssembly memory tops out at 4 GiB; leave room below that. */
const MAX_BYTES = 2 ** 31;

/** A design matrix in kernel memory and the two passes over it. */
export interface DesignKernel {
  /** Rows [1, z_i, 0 padding], qp wide: the caller writes 1 at `U[i * qp]` and z_ij at `U[i * qp + 1 + j]`. */
  readonly U: Float64Array;
  readonly qp: number;
  margins(theta: ArrayLike<number>): Float64Array;
  /** r and h (length n) are views to fill before `accumulate`. */
  readonly r: Float64Array;
  readonly h: Float64Array;
  /** g (length q) and H (q x q, symmetric) for the r and h just written. */
  accumulate(): { g: Float64Array; H: Float64Array };
}

/**
 * A kernel for n rows of p inputs, the rows left for the caller to write into `U` (one
 * sequential pass is cheapest); null when WebAssembly SIMD is unavailable or the data would not fit
 * in one WebAssembly memory (the caller then uses plain JavaScript).
 */
export function designKernel(n: number, p: number): DesignKernel | null {
  if (!wasm) return null;
  const q = p + 1;
  const L = layout(n, q);
  if (L.bytes > MAX_BYTES) return null;
  const pages = Math.ceil(L.bytes / 65536) + 1;
  let exports: Record<string, unknown>;
  let buffer: ArrayBuffer;
  try {
    const memory = new wasm.Memory({ initial: pages });
    const module = new wasm.Module(assemble([marginsFunc(L), accumulateFunc(L)], pages));
    exports = new wasm.Instance(module, { e: { m: memory } }).exports;
    buffer = memory.buffer;
  } catch {
    return null;
  }
  const margins = exports['margins'] as (n: number) => void;
  const accumulate = exports['accumulate'] as (n: number) => void;
  const U = new Float64Array(buffer, L.U, n * L.qp);
  const H = new Float64Array(buffer, L.H, L.qp * L.qp);
  const g = new Float64Array(buffer, L.g, L.qp);
  const theta = new Float64Array(buffer, L.theta, L.qp);
  const eta = new Float64Array(buffer, L.eta, n);
  return {
    U,
    qp: L.qp,
    r: new Float64Array(buffer, L.r, n),
    h: new Float64Array(buffer, L.h, n),
    margins(t) {
      theta.fill(0);
      theta.set(t);
      margins(n);
      return eta;
    },
    accumulate() {
      H.fill(0);
      g.fill(0);
      accumulate(n);
      const gq = g.slice(0, q);
      const Hq = new Float64Array(q * q);
      for (let j = 0; j < q; j++) {
        for (let k = j; k < q; k++) {
          const v = H[j * L.qp + k]!;
          Hq[j * q + k] = v;
          Hq[k * q + j] = v;
        }
      }
      return { g: gq, H: Hq };
    },
  };
}
