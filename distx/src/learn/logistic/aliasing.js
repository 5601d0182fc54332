/**
 * Exact aliasing (R's glm: "coefficients not defined because of singularities"): an input that
 * is a linear combination of the intercept and other inputs carries no information of its own,
 * and any split of the signal between it and its duplicates fits equally well. Like R's lm/glm
 * (dqrdc2), the inputs are orthogonalized in a fixed order and an input whose remaining norm falls
 * below a relative tolerance is set aside as aliased, with no coefficient; the others are fitted
 * as if it were not there.
 *
 * The order decides which of two duplicates keeps the coefficient, so it is chosen for the reader:
 * a named input before a `:missing` indicator (champion_departed, not the NULL pattern of
 * champion engagement that equals it), otherwise the order the user listed the columns in.
 */
import { cholesky, choleskySolve } from '../linalg.js';
/**
 * Share of an input's variance left after projection on the inputs kept before it below which
 * it is aliased: 1e-10 (a relative norm of 1e-5; R's lm.fit uses 1e-7 on a Householder QR, which
 * resolves smaller residuals than the cross-products matrix used here). Exact duplicates leave
 * ~1e-15; real inputs, however correlated, leave far more than 1e-10.
 */
export const ALIAS_TOLERANCE = 1e-10;
/** Indicator outputs of the preprocessing end in this (see preprocess.ts MISSING_SUFFIX). */
const INDICATOR_SUFFIX = ':missing';
/**
 * Splits the non-constant inputs `candidates` (indices into `columns`) into those to fit and
 * those aliased. `center` and `scale` are the inputs' training means and standard deviations.
 * One pass builds the correlation matrix; a Cholesky factorization in the preferred order is
 * the R factor of the centred design's QR, pivoting aliased inputs out as it meets them.
 */
export function findAliased(columns, names, candidates, center, scale) {
    const order = [
        ...candidates.filter((j) => !names[j].endsWith(INDICATOR_SUFFIX)),
        ...candidates.filter((j) => names[j].endsWith(INDICATOR_SUFFIX)),
    ];
    const p = order.length;
    const G = correlations(order.map((j) => columns[j]), order.map((j) => center[j]), order.map((j) => scale[j]));
    // Rows of R for the kept inputs (R'R = G restricted to them), built column by column.
    const R = new Float64Array(p * p);
    const kept = [];
    const aliasedAt = [];
    for (let b = 0; b < p; b++) {
        // r_ab = (G_ab - sum_{c<a kept} r_cb r_ca... ) solved by forward substitution over kept a.
        let rest = G[b * p + b];
        for (const a of kept) {
            let v = G[a * p + b];
            for (const c of kept) {
                if (c === a)
                    break;
                v -= R[c * p + a] * R[c * p + b];
            }
            v /= R[a * p + a];
            R[a * p + b] = v;
            rest -= v * v;
        }
        if (!(rest > ALIAS_TOLERANCE * G[b * p + b])) {
            aliasedAt.push(b);
            continue;
        }
        R[b * p + b] = Math.sqrt(rest);
        kept.push(b);
    }
    const keepSet = new Set(kept.map((b) => order[b]));
    const keep = candidates.filter((j) => keepSet.has(j));
    const aliased = aliasedAt
        .map((b) => describe(b, kept, G, p, order, names, center, scale))
        .sort((x, y) => names.indexOf(x.name) - names.indexOf(y.name));
    return { keep, aliased };
}
/** Correlation matrix (p x p, row-major) of the columns, centred and scaled as given. */
function correlations(cols, center, scale) {
    const p = cols.length;
    const n = cols[0]?.length ?? 0;
    const G = new Float64Array(p * p);
    const block = 256;
    const Z = new Float64Array(p * block);
    for (let start = 0; start < n; start += block) {
        const m = Math.min(block, n - start);
        for (let a = 0; a < p; a++) {
            const col = cols[a];
            const c = center[a];
            const k = 1 / scale[a];
            for (let i = 0; i < m; i++)
                Z[a * block + i] = (col[start + i] - c) * k;
        }
        for (let a = 0; a < p; a++)
            for (let b = a; b < p; b++) {
                let s = 0;
                const oa = a * block;
                const ob = b * block;
                for (let i = 0; i < m; i++)
                    s += Z[oa + i] * Z[ob + i];
                G[a * p + b] += s;
            }
    }
    for (let a = 0; a < p; a++)
        for (let b = 0; b < a; b++)
            G[a * p + b] = G[b * p + a];
    return G;
}
/** Regresses aliased input b on the kept inputs (standardized) and writes the combination out. */
function describe(b, kept, G, p, order, names, center, scale) {
    const k = kept.length;
    const GK = new Float64Array(k * k);
    const rhs = new Float64Array(k);
    kept.forEach((x, u) => {
        rhs[u] = G[x * p + b];
        kept.forEach((y, v) => (GK[u * k + v] = G[x * p + y]));
    });
    const ch = cholesky(GK, k, 1e-14);
    const r = ch.ok ? choleskySolve(ch.L, k, rhs) : new Float64Array(k);
    const j = order[b];
    // x_j = m_j + s_j sum_u r_u (x_u - m_u) / s_u
    let constant = center[j];
    const terms = [];
    const big = Math.max(0, ...Array.from(r, Math.abs));
    kept.forEach((x, u) => {
        if (!(Math.abs(r[u]) > 1e-6 * big))
            return;
        const c = order[x];
        const coef = (scale[j] * r[u]) / scale[c];
        constant -= coef * center[c];
        terms.push({ at: c, name: names[c], coef });
    });
    terms.sort((x, y) => x.at - y.at);
    return { name: names[j], duplicates: terms.map((t) => t.name), equals: `${names[j]} = ${formula(constant, terms)}` };
}
function round(v) {
    const r = Number(v.toPrecision(6));
    return Object.is(r, -0) ? 0 : r;
}
function formula(constant, terms) {
    const parts = [];
    const c0 = round(constant);
    const scaleOf = Math.max(1, ...terms.map((t) => Math.abs(t.coef)));
    if (Math.abs(c0) > 1e-9 * scaleOf)
        parts.push(String(c0));
    for (const { name, coef } of terms) {
        const c = round(coef);
        const size = Math.abs(c) === 1 ? '' : `${Math.abs(c)} * `;
        if (parts.length === 0)
            parts.push(`${c < 0 ? '-' : ''}${size}${name}`);
        else
            parts.push(`${c < 0 ? '-' : '+'} ${size}${name}`);
    }
    return parts.length === 0 ? '0' : parts.join(' ');
}
//# sourceMappingURL=aliasing.js.map