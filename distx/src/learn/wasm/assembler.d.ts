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
export declare function uleb(x: number): number[];
export declare function sleb(x: number): number[];
/** Instructions (each a byte sequence). */
export declare const op: {
    i32: (v: number) => number[];
    i64: (v: number) => number[];
    f64: (v: number) => number[];
    i32Add: number[];
    i32Sub: number[];
    i32Mul: number[];
    i32Shl: number[];
    i32LtU: number[];
    i32GeU: number[];
    i32Eqz: number[];
    i32And: number[];
    i32Or: number[];
    f64Le: number[];
    f64Ne: number[];
    /** select(a, b, cond): a when cond != 0, else b. */
    select: number[];
    i64Add: number[];
    i64Shl: number[];
    f64Add: number[];
    f64Sub: number[];
    f64Mul: number[];
    f64Div: number[];
    f64Min: number[];
    f64Max: number[];
    f64Nearest: number[];
    i64TruncF64S: number[];
    f64ReinterpretI64: number[];
    i32Load: (offset?: number) => number[];
    i32Load8U: (offset?: number) => number[];
    i32Store: (offset?: number) => number[];
    f64Load: (offset?: number) => number[];
    f64Store: (offset?: number) => number[];
    v128Load: (offset?: number) => number[];
    v128Store: (offset?: number) => number[];
    f64x2Add: number[];
    f64x2Sub: number[];
    f64x2Mul: number[];
    f64x2Div: number[];
    f64x2Min: number[];
    f64x2Max: number[];
    f64x2Nearest: number[];
    f64x2Splat: number[];
    f64x2ExtractLane: (lane: number) => number[];
    i32x4TruncSatF64x2SZero: number[];
    i64x2ExtendLowI32x4S: number[];
    i64x2Add: number[];
    i64x2Shl: number[];
    i64x2Splat: number[];
    /** Lanes picked from two vectors by 16 byte indices (0-15 first, 16-31 second). */
    i8x16Shuffle: (lanes: readonly number[]) => number[];
    /** memory.copy(dst, src, bytes) within memory 0. */
    memoryCopy: number[];
    block: number[];
    loop: number[];
    end: number[];
    br: (depth: number) => number[];
    brIf: (depth: number) => number[];
};
export declare class FunctionBuilder {
    readonly name: string;
    readonly result: ValType | null;
    private readonly names;
    private readonly types;
    readonly code: number[];
    constructor(name: string, params: Array<[string, ValType]>, result?: ValType | null);
    readonly paramCount: number;
    private declare;
    locals(decl: Record<string, ValType>): this;
    private index;
    get(name: string): number[];
    set(name: string): number[];
    tee(name: string): number[];
    emit(...parts: number[][]): this;
    /** for (counter = from; counter < to; counter += step) body — i32, unsigned compare. */
    loopRange(counter: string, from: number[], to: number[], step: number, body: () => void): this;
    encodeType(): number[];
    encodeBody(): number[];
}
/** The imported memory's limits, in 64 KiB pages. */
export interface MemoryLimits {
    minimum: number;
    /** Required for shared memory. */
    maximum?: number;
    shared?: boolean;
}
/** Any shared memory of 1 to 65536 pages fits (gbdt's workers share one memory of the size the data needs). */
export declare const ANY_SHARED_MEMORY: MemoryLimits;
/** A module of the given functions (all exported) over an imported memory with these limits. */
export declare function assembleModule(functions: readonly FunctionBuilder[], memory?: MemoryLimits): Uint8Array;
/**
 * The WebAssembly API as used here. The project compiles without the DOM library, where the
 * WebAssembly declarations live, so this module declares the little it needs.
 */
export interface WasmMemory<Buffer extends ArrayBufferLike = SharedArrayBuffer> {
    readonly buffer: Buffer;
}
/** False in a runtime without WebAssembly (callers with a plain JavaScript path use it). */
export declare function hasWebAssembly(): boolean;
/** A shared memory of exactly `pages` 64 KiB pages (it never grows, so views stay valid). */
export declare function createSharedMemory(pages: number): WasmMemory;
/** A memory of `pages` 64 KiB pages for one thread. */
export declare function createMemory(pages: number): WasmMemory<ArrayBuffer>;
export declare function instantiate<T>(bytes: Uint8Array, memory: WasmMemory<ArrayBufferLike>): T;
