/**
 * Stores a scoring run in the history and returns, row for row, the change since each row's
 * previous score: what `churnkit score --history DB` writes as `score_change`. Rows are
 * written in as-of order, in chunks, so a large feature table with many snapshots per account
 * gets the same answer as one call would.
 */
export async function withScoreChanges(history, records, options = {}) {
    const chunkSize = options.chunkSize ?? 50_000;
    const order = records
        .map((_, i) => i)
        .sort((a, b) => (records[a].as_of < records[b].as_of ? -1 : records[a].as_of > records[b].as_of ? 1 : a - b));
    const out = new Array(records.length);
    for (let start = 0; start < order.length; start += chunkSize) {
        const idx = order.slice(start, start + chunkSize);
        const previous = await history.record(idx.map((i) => records[i]), { source: options.source ?? 'score' });
        idx.forEach((i, j) => {
            const p = previous[j] ?? null;
            out[i] = { previous: p, score_change: p ? roundChange(records[i].score - p.score) : null };
        });
    }
    return out;
}
/** Score differences without float noise (71.3 - 48.1 = 23.199999999999996). */
export function roundChange(x) {
    return Math.round(x * 1e6) / 1e6;
}
//# sourceMappingURL=score-changes.js.map