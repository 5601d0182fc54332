/**
 * The two linear-algebra halves of a Newton pass as a WebAssembly SIMD module assembled at run
 * time for the model's width: margins X·theta, and the accumulation of the gradient X'r and the
 * Hessian X'diag(h)X. The exp/log1p in between stay in JavaScript (WebAssembly has no exp).
 *
 * Why: X'WX is p(p+1)/2 multiply-adds per row, the bulk of a fit. The best plain-JavaScript loop
 * runs about 3 ns per multiply-add here (bounds checks, scalar loads and stores); this kernel
 * does two per f64x2 instruction with constant offsets, unrolled over the columns. The module is
 * a few hundred bytes assembled here (src/learn/wasm/assembler.ts, shared with gbdt), so there is no
 * build step and nothing to download.
 *
 * Layout in its own memory (bytes, 16-aligned): H (qp x qp), g (qp), theta (qp), then per row
 * u_i = [1, z_i, 0 padding] (qp wide), then margins, residuals r and weights h (n each). qp is
 * q = p + 1 rounded up to even so each row is whole f64x2 pairs.
 */
import { FunctionBuilder, assembleModule, createMemory, hasWebAssembly, instantiate, op } from '../wasm/assembler.js';
function layout(n, q) {
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
/** margins(n): eta_i = u_i . theta. */
function marginsFunc(L) {
    const pairs = L.qp / 2;
    const f = new FunctionBuilder('margins', [['n', 'i32']]).locals({ i: 'i32', row: 'i32', out: 'i32', acc: 'v128' });
    const dot = [];
    for (let k = 0; k < pairs; k++) {
        dot.push(f.get('row'), op.v128Load(16 * k), op.i32(0), op.v128Load(L.theta + 16 * k), op.f64x2Mul);
        if (k > 0)
            dot.push(op.f64x2Add);
    }
    f.emit(op.i32(L.U), f.set('row'), op.i32(L.eta), f.set('out'));
    return f.loopRange('i', op.i32(0), f.get('n'), 1, () => {
        f.emit(...dot, f.set('acc'));
        f.emit(f.get('out'), f.get('acc'), op.f64x2ExtractLane(0), f.get('acc'), op.f64x2ExtractLane(1), op.f64Add);
        f.emit(op.f64Store(0));
        f.emit(f.get('row'), op.i32(L.qp * 8), op.i32Add, f.set('row'));
        f.emit(f.get('out'), op.i32(8), op.i32Add, f.set('out'));
    });
}
/**
 * accumulate(n): g += r_i u_i and H[j][k..k+1] += h_i u_ij u_i[k..k+1] for k >= j (rounded down
 * to the pair), unrolled. `x` is 8 i (the byte offset of row i in r and h); `u<k>` the row's pairs.
 */
function accumulateFunc(L) {
    const pairs = L.qp / 2;
    const f = new FunctionBuilder('accumulate', [['n', 'i32']]).locals({
        i: 'i32',
        row: 'i32',
        x: 'i32',
        hh: 'f64',
        rv: 'v128',
        s: 'v128',
    });
    const u = Array.from({ length: pairs }, (_, k) => `u${k}`);
    for (const name of u)
        f.locals({ [name]: 'v128' });
    f.emit(op.i32(L.U), f.set('row'), op.i32(0), f.set('x'));
    return f.loopRange('i', op.i32(0), f.get('n'), 1, () => {
        for (let k = 0; k < pairs; k++)
            f.emit(f.get('row'), op.v128Load(16 * k), f.set(u[k]));
        f.emit(f.get('x'), op.f64Load(L.r), op.f64x2Splat, f.set('rv'));
        f.emit(f.get('x'), op.f64Load(L.h), f.set('hh'));
        for (let k = 0; k < pairs; k++) {
            const at = L.g + 16 * k;
            f.emit(op.i32(0), op.i32(0), op.v128Load(at), f.get('rv'), f.get(u[k]), op.f64x2Mul, op.f64x2Add);
            f.emit(op.v128Store(at));
        }
        for (let j = 0; j < L.q; j++) {
            f.emit(f.get('hh'), f.get('row'), op.f64Load(8 * j), op.f64Mul, op.f64x2Splat, f.set('s'));
            for (let k = j >> 1; k < pairs; k++) {
                const at = L.H + (j * L.qp + 2 * k) * 8;
                f.emit(op.i32(0), op.i32(0), op.v128Load(at), f.get('s'), f.get(u[k]), op.f64x2Mul, op.f64x2Add);
                f.emit(op.v128Store(at));
            }
        }
        f.emit(f.get('row'), op.i32(L.qp * 8), op.i32Add, f.set('row'));
        f.emit(f.get('x'), op.i32(8), op.i32Add, f.set('x'));
    });
}
/** WebAssembly memory tops out at 4 GiB; leave room below that. */
const MAX_BYTES = 2 ** 31;
/**
 * A kernel for n rows of p inputs, the rows left for the caller to write into `U` (one
 * sequential pass is cheapest); null when WebAssembly SIMD is unavailable or the data would not fit
 * in one WebAssembly memory (the caller then uses plain JavaScript).
 */
export function designKernel(n, p) {
    if (!hasWebAssembly())
        return null;
    const q = p + 1;
    const L = layout(n, q);
    if (L.bytes > MAX_BYTES)
        return null;
    const pages = Math.ceil(L.bytes / 65536) + 1;
    let exports;
    let buffer;
    try {
        const memory = createMemory(pages);
        exports = instantiate(assembleModule([marginsFunc(L), accumulateFunc(L)], { minimum: pages }), memory);
        buffer = memory.buffer;
    }
    catch {
        return null;
    }
    const margins = exports['margins'];
    const accumulate = exports['accumulate'];
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
                    const v = H[j * L.qp + k];
                    Hq[j * q + k] = v;
                    Hq[k * q + j] = v;
                }
            }
            return { g: gq, H: Hq };
        },
    };
}
//# sourceMappingURL=kernel.js.map