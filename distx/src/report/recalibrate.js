/** The challenger must rank churners better by at least this much AUC to be promoted. */
export const MIN_AUC_GAIN = 0.005;
export function decidePromotion(e, force = false) {
    const gain = e.challengerAuc - e.championAuc;
    const beats = gain >= MIN_AUC_GAIN;
    const auc = `AUC ${e.challengerAuc.toFixed(3)} against the champion's ${e.championAuc.toFixed(3)} on the later slice (${gain >= 0 ? '+' : ''}${gain.toFixed(3)}; promotion needs +${MIN_AUC_GAIN})`;
    if (beats)
        return { promoted: true, forced: false, reason: `the challenger ranks churners better: ${auc}`, evidence: e };
    if (force)
        return {
            promoted: true,
            forced: true,
            reason: `promoted with --force although it does not beat the champion: ${auc}`,
            evidence: e,
        };
    return { promoted: false, forced: false, reason: `the champion stays: ${auc}`, evidence: e };
}
export function weightChanges(previous, next) {
    const share = (card) => {
        const m = new Map();
        for (const l of card.layers) {
            m.set(l.name, l.weight);
            for (const s of l.signals)
                m.set(`${l.name}\u0000${s.feature}`, l.weight * s.weight);
        }
        return m;
    };
    const a = share(previous);
    const b = share(next);
    const keys = [...new Set([...a.keys(), ...b.keys()])];
    return keys.map((key) => {
        const [layer, signal] = key.split('\u0000');
        const p = a.get(key) ?? null;
        const n = b.get(key) ?? null;
        return { layer, signal: signal ?? null, previous: p, next: n, change: p !== null && n !== null ? n - p : null };
    });
}
export function diffMarkdown(previous, next, names, decision) {
    const out = [
        `# Recalibration: ${names.next} against ${names.previous}`,
        '',
        `**${decision.promoted ? 'Promoted' : 'Not promoted'}**: ${decision.reason}.`,
        '',
        ...cardDiffLines(previous, next),
    ];
    return `${out.join('\n')}\n`;
}
/**
 * What changed between two cards, as Markdown sections: weights (share of the whole score),
 * points of each signal's bands where they differ, and the band thresholds.
 */
export function cardDiffLines(previous, next) {
    const pct = (v) => (v === null ? '–' : `${(100 * v).toFixed(1)}%`);
    const pp = (v) => (v === null ? '–' : `${v >= 0 ? '+' : ''}${(100 * v).toFixed(1)} pt`);
    const out = ['## Weights (share of the whole score)', ''];
    out.push('| layer | signal | previous | new | change |', '|---|---|---:|---:|---:|');
    for (const c of weightChanges(previous, next))
        out.push(`| ${c.signal === null ? `**${c.layer}**` : c.layer} | ${c.signal ?? ''} | ${pct(c.previous)} | ${pct(c.next)} | ${pp(c.change)} |`);
    const pointRows = [];
    const before = new Map(previous.layers.flatMap((l) => l.signals.map((s) => [s.feature, s])));
    for (const layer of next.layers)
        for (const s of layer.signals) {
            const old = before.get(s.feature);
            if (!old)
                continue;
            s.points.forEach((band, k) => {
                const was = old.points[k];
                if (was && was.points !== band.points)
                    pointRows.push(`| ${s.feature} | ${band.label ?? `band ${k + 1}`} | ${was.points} | ${band.points} |`);
            });
        }
    if (pointRows.length)
        out.push('', '## Points', '', '| signal | band | previous | new |', '|---|---|---:|---:|', ...pointRows);
    out.push('', '## Band thresholds', '', '| segment | previous GREEN from | new GREEN from | previous YELLOW from | new YELLOW from |', '|---|---:|---:|---:|---:|');
    const segments = [
        ...new Set([...Object.keys(previous.bands.segments ?? {}), ...Object.keys(next.bands.segments ?? {})]),
    ].sort();
    const t = (card, seg) => seg === null ? card.bands : (card.bands.segments?.[seg] ?? card.bands);
    for (const seg of [null, ...segments]) {
        const a = t(previous, seg);
        const b = t(next, seg);
        out.push(`| ${seg ?? 'all (default)'} | ${a.green} | ${b.green} | ${a.yellow} | ${b.yellow} |`);
    }
    return out;
}
//# sourceMappingURL=recalibrate.js.map