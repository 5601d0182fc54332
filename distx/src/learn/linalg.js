/**
 * Dense symmetric positive-definite algebra for small q x q systems (q = model inputs + 1),
 * stored row-major in a Float64Array. Enough for Newton steps and covariance matrices.
 */
/**
 * Cholesky factor A = L L' (lower, row-major). A pivot whose remaining variance is below
 * `relTol` times the column's own diagonal means the column is (numerically) a linear
 * combination of the columns before it; the attempt stops there and names the column.
 */
export function cholesky(A, q, relTol = 1e-10) {
    const L = new Float64Array(q * q);
    for (let j = 0; j < q; j++) {
        let d = A[j * q + j];
        for (let k = 0; k < j; k++)
            d -= L[j * q + k] * L[j * q + k];
        const diag = A[j * q + j];
        if (!(d > relTol * diag) || !(diag > 0))
            return { ok: false, column: j, ratio: diag > 0 ? d / diag : 0 };
        const ljj = Math.sqrt(d);
        L[j * q + j] = ljj;
        for (let i = j + 1; i < q; i++) {
            let s = A[i * q + j];
            for (let k = 0; k < j; k++)
                s -= L[i * q + k] * L[j * q + k];
            L[i * q + j] = s / ljj;
        }
    }
    return { ok: true, L };
}
/** Solves L L' x = b for x. */
export function choleskySolve(L, q, b) {
    const x = Float64Array.from(b);
    for (let i = 0; i < q; i++) {
        let s = x[i];
        for (let k = 0; k < i; k++)
            s -= L[i * q + k] * x[k];
        x[i] = s / L[i * q + i];
    }
    for (let i = q - 1; i >= 0; i--) {
        let s = x[i];
        for (let k = i + 1; k < q; k++)
            s -= L[k * q + i] * x[k];
        x[i] = s / L[i * q + i];
    }
    return x;
}
/** (L L')^-1, row-major. */
export function choleskyInverse(L, q) {
    const inv = new Float64Array(q * q);
    const e = new Float64Array(q);
    for (let j = 0; j < q; j++) {
        e.fill(0);
        e[j] = 1;
        const col = choleskySolve(L, q, e);
        for (let i = 0; i < q; i++)
            inv[i * q + j] = col[i];
    }
    return inv;
}
/** The leading k x k block of a row-major q x q matrix. */
export function leadingBlock(A, q, k) {
    const B = new Float64Array(k * k);
    for (let i = 0; i < k; i++)
        for (let j = 0; j < k; j++)
            B[i * k + j] = A[i * q + j];
    return B;
}
/** Rows and columns `keep` of a row-major q x q matrix. */
export function subMatrix(A, q, keep) {
    const k = keep.length;
    const B = new Float64Array(k * k);
    for (let i = 0; i < k; i++)
        for (let j = 0; j < k; j++)
            B[i * k + j] = A[keep[i] * q + keep[j]];
    return B;
}
//# sourceMappingURL=linalg.js.map