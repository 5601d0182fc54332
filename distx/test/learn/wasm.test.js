/**
 * The one WebAssembly assembler behind gbdt's kernels and logistic regression's X'WX: both
 * modules are valid, and the logistic kernel (which falls back to JavaScript silently when its
 * module fails) is really used and computes what the plain loops compute.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { FunctionBuilder, assembleModule, createMemory, instantiate, op } from '../../src/learn/wasm/assembler.js';
import { designKernel } from '../../src/learn/logistic/kernel.js';
import { kernelModuleBytes } from '../../src/learn/gbdt/wasm/kernels.js';
import { Rng } from '../../src/util/rng.js';
const validate = (bytes) => globalThis.WebAssembly.validate(bytes);
test('gbdt kernels (shared memory) and a one-thread module (plain memory) assemble to valid modules', () => {
    assert.ok(validate(kernelModuleBytes(0, 7, 7)));
    const add = new FunctionBuilder('addTo', [['at', 'i32']], null).locals({ i: 'i32' });
    add.loopRange('i', op.i32(0), op.i32(4), 1, () => add.emit(add.get('at'), add.get('at'), op.f64Load(0), op.f64(1.5), op.f64Add, op.f64Store(0)));
    const bytes = assembleModule([add], { minimum: 1 });
    assert.ok(validate(bytes));
    const memory = createMemory(1);
    const { addTo } = instantiate(bytes, memory);
    addTo(16);
    assert.equal(new Float64Array(memory.buffer, 16, 1)[0], 6);
});
test('the logistic kernel runs in WebAssembly and agrees with the plain sums', () => {
    const rng = new Rng(9);
    for (const [n, p] of [
        [40, 1],
        [257, 6],
    ]) {
        const k = designKernel(n, p);
        assert.ok(k, 'designKernel fell back to JavaScript');
        const q = p + 1;
        const rows = [];
        for (let i = 0; i < n; i++) {
            const u = [1, ...Array.from({ length: p }, () => rng.normal())];
            rows.push(u);
            u.forEach((v, j) => (k.U[i * k.qp + j] = v));
        }
        const theta = Array.from({ length: q }, () => rng.normal());
        const eta = k.margins(theta);
        rows.forEach((u, i) => {
            const want = u.reduce((s, v, j) => s + v * theta[j], 0);
            assert.ok(Math.abs(eta[i] - want) <= 1e-12 * (1 + Math.abs(want)), `margin ${i}`);
        });
        for (let i = 0; i < n; i++) {
            k.r[i] = rng.normal();
            k.h[i] = rng.uniform(0, 1);
        }
        const { g, H } = k.accumulate();
        for (let a = 0; a < q; a++) {
            const gWant = rows.reduce((s, u, i) => s + k.r[i] * u[a], 0);
            assert.ok(Math.abs(g[a] - gWant) <= 1e-10 * (1 + Math.abs(gWant)), `g[${a}]`);
            for (let b = 0; b < q; b++) {
                const want = rows.reduce((s, u, i) => s + k.h[i] * u[a] * u[b], 0);
                assert.ok(Math.abs(H[a * q + b] - want) <= 1e-10 * (1 + Math.abs(want)), `H[${a}][${b}]`);
            }
        }
    }
});
//# sourceMappingURL=wasm.test.js.map