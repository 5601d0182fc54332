import { describeValue } from '../catalogue/index.js';
function cell(frame, name, i) {
    const col = frame.columns[name];
    if (col === undefined)
        return null;
    const v = col[i];
    if (typeof v === 'number')
        return Number.isNaN(v) ? null : v;
    return v ?? null;
}
/**
 * The top `k` reasons per row: columns with a positive contribution to the margin, largest
 * first, ties in the model's column order. Fewer than `k` when fewer columns push risk up.
 */
export function modelReasons(model, frame, k, table) {
    const e = model.explain(frame, { by: 'input' }, table);
    const n = frame.n;
    const J = e.names.length;
    const out = {
        n,
        k,
        feature: Array.from({ length: k }, () => new Array(n).fill(null)),
        value: Array.from({ length: k }, () => new Array(n).fill(null)),
        text: Array.from({ length: k }, () => new Array(n).fill(null)),
        contribution: Array.from({ length: k }, () => new Float64Array(n).fill(NaN)),
    };
    const top = new Int32Array(k);
    for (let i = 0; i < n; i++) {
        let found = 0;
        // insertion into a short sorted list: k is small (3 by default)
        for (let j = 0; j < J; j++) {
            const c = e.contributions[j][i];
            if (!(c > 0))
                continue;
            if (found === k && !(c > e.contributions[top[k - 1]][i]))
                continue;
            let at = Math.min(found, k - 1);
            while (at > 0 && c > e.contributions[top[at - 1]][i]) {
                top[at] = top[at - 1];
                at--;
            }
            top[at] = j;
            if (found < k)
                found++;
        }
        for (let r = 0; r < found; r++) {
            const name = e.names[top[r]];
            const value = cell(frame, name, i);
            out.feature[r][i] = name;
            out.value[r][i] = value;
            out.text[r][i] = describeValue(name, value);
            out.contribution[r][i] = e.contributions[top[r]][i];
        }
    }
    return out;
}
//# sourceMappingURL=reasons.js.map