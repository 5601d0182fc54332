/**
 * The quarterly recalibration's judgement: whether the challenger scorecard replaces the
 * champion, and what changed between them (weights and band thresholds), in words and numbers
 * leadership can check.
 */
import type { Scorecard } from '../scorecard/index.js';

/** The challenger must rank churners better by at least this much AUC to be promoted. */
export const MIN_AUC_GAIN = 0.005;

export interface Evidence {
  /** AUC of each card on the later slice the challenger was not fitted on. */
  championAuc: number;
  challengerAuc: number;
  /** RED-band churn rate of each card on the same slice, when known. */
  championRedRate?: number | null;
  challengerRedRate?: number | null;
}

export interface Decision {
  promoted: boolean;
  forced: boolean;
  reason: string;
  evidence: Evidence;
}

export function decidePromotion(e: Evidence, force = false): Decision {
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

export interface WeightChange {
  layer: string;
  /** null for the layer's own row. */
  signal: string | null;
  /** Share of the whole score (layer weight, or layer weight x signal weight). */
  previous: number | null;
  next: number | null;
  change: number | null;
}

export function weightChanges(previous: Scorecard, next: Scorecard): WeightChange[] {
  const share = (card: Scorecard) => {
    const m = new Map<string, number>();
    for (const l of card.layers) {
      m.set(l.name, l.weight);
      for (const s of l.signals) m.set(`${l.name}\u0000${s.feature}`, l.weight * s.weight);
    }
    return m;
  };
  const a = share(previous);
  const b = share(next);
  const keys = [...new Set([...a.keys(), ...b.keys()])];
  return keys.map((key) => {
    const [layer, signal] = key.split('\u0000') as [string, string | undefined];
    const p = a.get(key) ?? null;
    const n = b.get(key) ?? null;
    return { layer, signal: signal ?? null, previous: p, next: n, change: p !== null && n !== null ? n - p : null };
  });
}

export function diffMarkdown(
  previous: Scorecard,
  next: Scorecard,
  names: { previous: string; next: string },
  decision: Decision,
): string {
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
export function cardDiffLines(previous: Scorecard, next: Scorecard): string[] {
  const pct = (v: number | null) => (v === null ? '–' : `${(100 * v).toFixed(1)}%`);
  const pp = (v: number | null) => (v === null ? '–' : `${v >= 0 ? '+' : ''}${(100 * v).toFixed(1)} pt`);
  const out = ['## Weights (share of the whole score)', ''];
  out.push('| layer | signal | previous | new | change |', '|---|---|---:|---:|---:|');
  for (const c of weightChanges(previous, next))
    out.push(
      `| ${c.signal === null ? `**${c.layer}**` : c.layer} | ${c.signal ?? ''} | ${pct(c.previous)} | ${pct(c.next)} | ${pp(c.change)} |`,
    );
  const pointRows: string[] = [];
  const before = new Map(previous.layers.flatMap((l) => l.signals.map((s) => [s.feature, s] as const)));
  for (const layer of next.layers)
    for (const s of layer.signals) {
      const old = before.get(s.feature);
      if (!old) continue;
      s.points.forEach((band, k) => {
        const was = old.points[k];
        if (was && was.points !== band.points)
          pointRows.push(`| ${s.feature} | ${band.label ?? `band ${k + 1}`} | ${was.points} | ${band.points} |`);
      });
    }
  if (pointRows.length)
    out.push('', '## Points', '', '| signal | band | previous | new |', '|---|---|---:|---:|', ...pointRows);
  out.push(
    '',
    '## Band thresholds',
    '',
    '| segment | previous GREEN from | new GREEN from | previous YELLOW from | new YELLOW from |',
    '|---|---:|---:|---:|---:|',
  );
  const segments = [
    ...new Set([...Object.keys(previous.bands.segments ?? {}), ...Object.keys(next.bands.segments ?? {})]),
  ].sort();
  const t = (card: Scorecard, seg: string | null) =>
    seg === null ? card.bands : (card.bands.segments?.[seg] ?? card.bands);
  for (const seg of [null, ...segments]) {
    const a = t(previous, seg);
    const b = t(next, seg);
    out.push(`| ${seg ?? 'all (default)'} | ${a.green} | ${b.green} | ${a.yellow} | ${b.yellow} |`);
  }
  return out;
}
