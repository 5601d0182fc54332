import { FEATURES } from '../features/index.js';
import { addMonths } from '../util/index.js';
/** Proportions below this are floored so an empty bin does not make the index infinite. */
const FLOOR = 1e-4;
/** PSI of `current` against `reference`, on the reference's decile edges plus a NULL bin. */
export function populationStability(reference, current) {
    if (reference.length === 0 || current.length === 0)
        return null;
    const ref = reference.filter((v) => !Number.isNaN(v)).sort((a, b) => a - b);
    const edges = [];
    for (let k = 1; k < 10 && ref.length > 0; k++) {
        const e = ref[Math.min(ref.length - 1, Math.floor((k * ref.length) / 10))];
        if (edges.length === 0 || e > edges[edges.length - 1])
            edges.push(e);
    }
    const bins = (values) => {
        const counts = new Float64Array(edges.length + 2); // value bins, then NULL
        for (const v of values) {
            if (Number.isNaN(v)) {
                counts[edges.length + 1]++;
                continue;
            }
            let lo = 0;
            let hi = edges.length;
            while (lo < hi) {
                const mid = (lo + hi) >> 1;
                if (v < edges[mid])
                    hi = mid;
                else
                    lo = mid + 1;
            }
            counts[lo]++;
        }
        return Array.from(counts, (c) => Math.max(c / values.length, FLOOR));
    };
    const r = bins(reference);
    const c = bins(current);
    let psi = 0;
    for (let i = 0; i < r.length; i++)
        psi += (c[i] - r[i]) * Math.log(c[i] / r[i]);
    return psi;
}
/** Latest quarter of as-of dates against the quarter before it, for each of the ten features. */
export function featureDrift(frame) {
    const asOf = frame.columns['as_of'];
    if (!asOf || asOf instanceof Float64Array)
        return { reference: null, current: null, features: [] };
    let last = '';
    for (const d of asOf)
        if (d !== null && d > last)
            last = d;
    if (!last)
        return { reference: null, current: null, features: [] };
    const currentFrom = addMonths(last, -3);
    const referenceFrom = addMonths(last, -6);
    const inCurrent = [];
    const inReference = [];
    asOf.forEach((d, i) => {
        if (d === null)
            return;
        if (d > currentFrom)
            inCurrent.push(i);
        else if (d > referenceFrom)
            inReference.push(i);
    });
    const features = FEATURES.filter((f) => frame.columns[f.name] instanceof Float64Array).map((f) => {
        const col = frame.columns[f.name];
        const ref = inReference.map((i) => col[i]);
        const cur = inCurrent.map((i) => col[i]);
        return {
            feature: f.name,
            psi: populationStability(ref, cur),
            reference_rows: ref.length,
            current_rows: cur.length,
        };
    });
    const span = (rows) => {
        if (rows.length === 0)
            return null;
        const days = rows.map((i) => asOf[i]).sort();
        return { from: days[0], to: days[days.length - 1] };
    };
    return { reference: span(inReference), current: span(inCurrent), features };
}
//# sourceMappingURL=drift.js.map