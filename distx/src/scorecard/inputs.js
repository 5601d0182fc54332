function conditionColumns(c, into) {
    if ('all' in c)
        c.all.forEach((x) => conditionColumns(x, into));
    else if ('any' in c)
        c.any.forEach((x) => conditionColumns(x, into));
    else if ('signal' in c)
        into.add(c.signal);
}
/**
 * The columns a card reads, in a stable order: signal features in scorecard order, then
 * columns named by rules and overrides, then `segment` when thresholds or weights differ by segment.
 */
export function scorecardColumns(card) {
    const out = new Set();
    for (const layer of card.layers)
        for (const s of layer.signals)
            out.add(s.feature);
    for (const layer of card.layers)
        for (const s of layer.signals)
            for (const r of s.rules ?? [])
                conditionColumns(r.when, out);
    for (const o of card.overrides)
        conditionColumns(o.when, out);
    if (card.bands.segments && Object.keys(card.bands.segments).length > 0)
        out.add('segment');
    if (card.segment_weights && Object.keys(card.segment_weights).length > 0)
        out.add('segment');
    return [...out];
}
//# sourceMappingURL=inputs.js.map