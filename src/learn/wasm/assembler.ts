/**
 * A minimal WebAssembly assembler: enough to write churnkit's few numeric kernels (gbdt's
 * histograms, partitions and prediction; logistic regression's X'WX) as code that ships as
 * TypeScript, with no compiler or binary in the package. Opcodes are from the WebAssembly core
 * spec (MVP + bulk memory) and the fixed-width SIMD proposal (Node >= 16).
 *
 * A kernel is written as a function builder: named typed params and locals, and a flat list
 * of instructions; `loopRange` writes the counted loop every kernel needs. A module is its
 * functions, all exported, over one imported memory (`e.m`).
 */

export type ValType = 'i32' | 'i64' | 'f64' | 'v128';
const TYPE_CODE: Record<ValType, number> = { i32: 0x7f, i64: 0x7e, f64: 0x7c, v128: 0x7b };

export function uleb(x: number): number[] {
  const out: number[] = [];
  do {
    let b = x & 0x7f;
    // division, not >>>, so sizes of 2^32 and above encode too
    x = Math.floor(x / 128);
    if (x !== 0) b |= 0x80;
    out.push(b);
  } while (x !== 0);
  return out;
}

export function sleb(x: number): number[] {
  const out: number[] = [];
  for (;;) {
    const b = x & 0x7f;
    x >>= 7;
    if ((x === 0 && (b & 0x40) === 0) || (x === -1 && (b & 0x40) !== 0)) {
      out.push(b);
      return out;
    }
    out.push(b | 0x80);
  }
}

function f64Bytes(v: number): number[] {
  return Array.from(new Uint8Array(Float64Array.of(v).buffer));
}

const simd = (op: number) => [0xfd, ...uleb(op)];
/** memarg: alignment exponent, then offset. */
const mem =
  (op: number[], align: number) =>
  (offset = 0) => [...op, align, ...uleb(offset)];

/** Instructions (each a byte sequence). */
export const op = {
  i32: (v: number) => [0x41, ...sleb(v | 0)],
  i64: (v: number) => [0x42, ...sleb(v)],
  f64: (v: number) => [0x44, ...f64Bytes(v)],
  i32Add: [0x6a],
  i32Sub: [0x6b],
  i32Mul: [0x6c],
  i32Shl: [0x74],
  i32LtU: [0x49],
  i32GeU: [0x4f],
  i32Eqz: [0x45],
  i32And: [0x71],
  i32Or: [0x72],
  f64Le: [0x65],
  f64Ne: [0x62],
  /** select(a, b, cond): a when cond != 0, else b. */
  select: [0x1b],
  i64Add: [0x7c],
  i64Shl: [0x86],
  f64Add: [0xa0],
  f64Sub: [0xa1],
  f64Mul: [0xa2],
  f64Div: [0xa3],
  f64Min: [0xa4],
  f64Max: [0xa5],
  f64Nearest: [0x9e],
  i64TruncF64S: [0xb0],
  f64ReinterpretI64: [0xbf],
  i32Load: mem([0x28], 2),
  i32Load8U: mem([0x2d], 0),
  i32Store: mem([0x36], 2),
  f64Load: mem([0x2b], 3),
  f64Store: mem([0x39], 3),
  v128Load: mem(simd(0x00), 4),
  v128Store: mem(simd(0x0b), 4),
  f64x2Add: simd(0xf0),
  f64x2Sub: simd(0xf1),
  f64x2Mul: simd(0xf2),
  f64x2Div: simd(0xf3),
  f64x2Min: simd(0xf4),
  f64x2Max: simd(0xf5),
  f64x2Nearest: simd(0x94),
  f64x2Splat: simd(0x14),
  f64x2ExtractLane: (lane: number) => [...simd(0x21), lane],
  i32x4TruncSatF64x2SZero: simd(0xfc),
  i64x2ExtendLowI32x4S: simd(0xc7),
  i64x2Add: simd(0xce),
  i64x2Shl: simd(0xcb),
  i64x2Splat: simd(0x12),
  /** Lanes picked from two vectors by 16 byte indices (0-15 first, 16-31 second). */
  i8x16Shuffle: (lanes: readonly number[]) => [...simd(0x0d), ...lanes],
  /** memory.copy(dst, src, bytes) within memory 0. */
  memoryCopy: [0xfc, ...uleb(10), 0x00, 0x00],
  /** memory.fill(dst, byte, bytes) within memory 0. */
  memoryFill: [0xfc, ...uleb(11), 0x00],
  block: [0x02, 0x40],
  loop: [0x03, 0x40],
  end: [0x0b],
  br: (depth: number) => [0x0c, ...uleb(depth)],
  brIf: (depth: number) => [0x0d, ...uleb(depth)],
};

/** base + (index << shift): where element `index` of an array of 2^shift-byte elements at `base` starts. */
export function elementAddress(base: number[], index: number[], shift: number): number[] {
  return [...base, ...index, ...op.i32(shift), ...op.i32Shl, ...op.i32Add];
}

export class FunctionBuilder {
  private readonly names = new Map<string, number>();
  private readonly types: ValType[] = [];
  readonly code: number[] = [];

  constructor(
    readonly name: string,
    params: Array<[string, ValType]>,
    readonly result: ValType | null = null,
  ) {
    for (const [n, t] of params) this.declare(n, t);
    this.paramCount = params.length;
  }

  readonly paramCount: number;

  private declare(name: string, type: ValType): void {
    if (this.names.has(name)) throw new Error(`wasm: ${this.name}: ${name} declared twice`);
    this.names.set(name, this.types.length);
    this.types.push(type);
  }

  locals(decl: Record<string, ValType>): this {
    for (const [n, t] of Object.entries(decl)) this.declare(n, t);
    return this;
  }

  private index(name: string): number {
    const i = this.names.get(name);
    if (i === undefined) throw new Error(`wasm: ${this.name}: no local ${name}`);
    return i;
  }

  get(name: string): number[] {
    return [0x20, ...uleb(this.index(name))];
  }
  set(name: string): number[] {
    return [0x21, ...uleb(this.index(name))];
  }
  tee(name: string): number[] {
    return [0x22, ...uleb(this.index(name))];
  }

  emit(...parts: number[][]): this {
    for (const p of parts) this.code.push(...p);
    return this;
  }

  /** for (counter = from; counter < to; counter += step) body — i32, unsigned compare. */
  loopRange(counter: string, from: number[], to: number[], step: number, body: () => void): this {
    this.emit(from, this.set(counter), op.block, op.loop);
    this.emit(this.get(counter), to, op.i32GeU, op.brIf(1));
    body();
    this.emit(this.get(counter), op.i32(step), op.i32Add, this.set(counter), op.br(0), op.end, op.end);
    return this;
  }

  encodeType(): number[] {
    const params = this.types.slice(0, this.paramCount).map((t) => TYPE_CODE[t]);
    const results = this.result ? [TYPE_CODE[this.result]] : [];
    return [0x60, ...uleb(params.length), ...params, ...uleb(results.length), ...results];
  }

  encodeBody(): number[] {
    const locals = this.types.slice(this.paramCount).map((t) => [...uleb(1), TYPE_CODE[t]]);
    const body = [...uleb(locals.length), ...locals.flat(), ...this.code, ...op.end];
    return [...uleb(body.length), ...body];
  }
}

const MEMORY_MODULE = 'e';
const MEMORY_NAME = 'm';

const name = (s: string) => [...uleb(s.length), ...Buffer.from(s, 'utf8')];
const section = (id: number, bytes: number[]) => [id, ...uleb(bytes.length), ...bytes];
const vector = (items: number[][]) => [...uleb(items.length), ...items.flat()];

/** The imported memory's limits, in 64 KiB pages. */
export interface MemoryLimits {
  minimum: number;
  /** Required for shared memory. */
  maximum?: number;
  shared?: boolean;
}

/** Any shared memory of 1 to 65536 pages fits (gbdt's workers share one memory of the size the data needs). */
export const ANY_SHARED_MEMORY: MemoryLimits = { minimum: 1, maximum: 65536, shared: true };

function limits(m: MemoryLimits): number[] {
  if (m.shared && m.maximum === undefined) throw new Error('wasm: a shared memory needs a maximum');
  const flag = (m.maximum === undefined ? 0 : 1) | (m.shared ? 2 : 0);
  return [flag, ...uleb(m.minimum), ...(m.maximum === undefined ? [] : uleb(m.maximum))];
}

/** A module of the given functions (all exported) over an imported memory with these limits. */
export function assembleModule(
  functions: readonly FunctionBuilder[],
  memory: MemoryLimits = ANY_SHARED_MEMORY,
): Uint8Array {
  const memoryImport = [...name(MEMORY_MODULE), ...name(MEMORY_NAME), 0x02, ...limits(memory)];
  return new Uint8Array([
    0x00,
    0x61,
    0x73,
    0x6d,
    0x01,
    0x00,
    0x00,
    0x00,
    ...section(1, vector(functions.map((f) => f.encodeType()))),
    ...section(2, vector([memoryImport])),
    ...section(3, vector(functions.map((_, i) => uleb(i)))),
    ...section(7, vector(functions.map((f, i) => [...name(f.name), 0x00, ...uleb(i)]))),
    ...section(10, vector(functions.map((f) => f.encodeBody()))),
  ]);
}

/**
 * The WebAssembly API as used here. The project compiles without the DOM library, where the
 * WebAssembly declarations live, so this module declares the little it needs.
 */
export interface WasmMemory<Buffer extends ArrayBufferLike = SharedArrayBuffer> {
  readonly buffer: Buffer;
}
interface WasmApi {
  Memory: new (descriptor: { initial: number; maximum?: number; shared?: boolean }) => WasmMemory<ArrayBufferLike>;
  Module: new (bytes: Uint8Array) => object;
  Instance: new (
    module: object,
    imports: Record<string, Record<string, unknown>>,
  ) => { exports: Record<string, unknown> };
}
const wasm = (globalThis as unknown as { WebAssembly?: WasmApi }).WebAssembly;

function api(): WasmApi {
  if (!wasm) throw new Error('WebAssembly is not available in this JavaScript runtime');
  return wasm;
}

/** False in a runtime without WebAssembly (callers with a plain JavaScript path use it). */
export function hasWebAssembly(): boolean {
  return wasm !== undefined;
}

function isShared(m: WasmMemory<ArrayBufferLike>): m is WasmMemory<SharedArrayBuffer> {
  return m.buffer instanceof SharedArrayBuffer;
}

function isPlain(m: WasmMemory<ArrayBufferLike>): m is WasmMemory<ArrayBuffer> {
  return m.buffer instanceof ArrayBuffer;
}

/** A shared memory of exactly `pages` 64 KiB pages (it never grows, so views stay valid). */
export function createSharedMemory(pages: number): WasmMemory {
  const memory = new (api().Memory)({ initial: pages, maximum: pages, shared: true });
  if (!isShared(memory)) throw new Error('wasm: a shared memory without a SharedArrayBuffer');
  return memory;
}

/** A memory of `pages` 64 KiB pages for one thread. */
export function createMemory(pages: number): WasmMemory<ArrayBuffer> {
  const memory = new (api().Memory)({ initial: pages });
  if (!isPlain(memory)) throw new Error('wasm: a memory without an ArrayBuffer');
  return memory;
}

export function instantiate<T>(bytes: Uint8Array, memory: WasmMemory<ArrayBufferLike>): T {
  const w = api();
  const instance = new w.Instance(new w.Module(bytes), { [MEMORY_MODULE]: { [MEMORY_NAME]: memory } });
  return instance.exports as unknown as T;
}
