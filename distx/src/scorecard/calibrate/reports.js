/**
 * The two reports written beside a calibrated scorecard, as JSON (for tools) and Markdown (for
 * CS leadership): how faithful the card is (AUC against the default card and the model, rank
 * agreement, weights with intervals, churn per band), and what each override adds.
 */
import { sampleRankCorrelation } from 'simple-statistics';
import { rocAuc, wilsonInterval } from '../../stats/index.js';
import { textColumn } from '../../data/index.js';
import { BANDS } from '../score.js';
import { scoreColumns } from '../compile.js';
import { round } from './binning.js';
const r4 = (x) => round(x, 4);
const r6 = (x) => round(x, 6);
const orNull = (x) => (Number.isFinite(x) ? r6(x) : null);
function risk(score) {
    return Float64Array.from(score, (s) => 100 - s);
}
function spearman(a, b) {
    return r6(sampleRankCorrelation(Array.from(a), Array.from(b)));
}
function bandStats(band, y) {
    const out = {};
    BANDS.forEach((name, k) => {
        let rows = 0;
        let churners = 0;
        for (let i = 0; i < band.length; i++)
            if (band[i] === k) {
                rows++;
                churners += y[i];
            }
        const w = wilsonInterval(churners, rows);
        out[name] = { rows, churners, churn_rate: rows ? r6(churners / rows) : null, ci95: [r6(w.low), r6(w.high)] };
    });
    return out;
}
export function fidelityReport(inp) {
    const cal = scoreColumns(inp.card, inp.later);
    const ref = scoreColumns(inp.reference, inp.later);
    const calRisk = risk(cal.score);
    const refRisk = risk(ref.score);
    let s = 0;
    const weights = inp.card.layers.map((layer) => ({
        layer: layer.name,
        weight: layer.weight,
        ci90: layer.weight_ci90 ?? null,
        signals: layer.signals.map((signal) => {
            const k = s++;
            return {
                feature: signal.feature,
                weight: signal.weight,
                ci90: signal.weight_ci90 ?? null,
                effective: r4(inp.fitWeights[k]),
                effective_ci90: inp.intervals ? inp.intervals.effective[k] : null,
            };
        }),
    }));
    return {
        kind: 'churnkit.scorecard.fidelity',
        version: 1,
        target: inp.target,
        reference: inp.referenceName,
        slices: { fit: inp.slices.fit, later: inp.slices.later, embargoed_rows: inp.slices.embargoed },
        auc: {
            calibrated: r6(rocAuc(inp.y, calRisk)),
            default: r6(rocAuc(inp.y, refRisk)),
            model: inp.modelMargin ? orNull(rocAuc(inp.y, inp.modelMargin)) : null,
        },
        rank_correlation: {
            calibrated_vs_model: inp.modelMargin ? spearman(calRisk, inp.modelMargin) : null,
            default_vs_model: inp.modelMargin ? spearman(refRisk, inp.modelMargin) : null,
            calibrated_vs_default: spearman(calRisk, refRisk),
        },
        bands: { calibrated: bandStats(cal.band, inp.y), default: bandStats(ref.band, inp.y) },
        layers_by_weight: [...inp.card.layers].sort((a, b) => b.weight - a.weight || 0).map((l) => l.name),
        weights,
        model_family: inp.modelFamily,
        notes: inp.segmentNotes,
    };
}
/** An alert is what makes a CSM act today: the account is RED or escalated. */
function alerts(card, table) {
    const s = scoreColumns(card, table);
    return Uint8Array.from(s.band, (b, i) => (b === 0 || s.escalate[i] === 1 ? 1 : 0));
}
export function overrideReport(card, later, y, slice) {
    const n = later.n;
    const churners = y.reduce((a, v) => a + v, 0);
    const renewals = n - churners;
    const withAll = alerts(card, later);
    const fired = scoreColumns(card, later).fired;
    const K = card.overrides.length;
    const accounts = textColumn(later, 'account_id');
    const caughtBy = (a) => {
        let caught = 0;
        let falseAlarms = 0;
        for (let i = 0; i < n; i++)
            if (a[i])
                y[i] === 1 ? caught++ : falseAlarms++;
        return { caught, falseAlarms };
    };
    const all = caughtBy(withAll);
    const rows = card.overrides.map((o, k) => {
        let hit = 0;
        let churnHit = 0;
        const ids = new Set();
        for (let i = 0; i < n; i++)
            if (fired[i * K + k]) {
                hit++;
                churnHit += y[i];
                ids.add(accounts[i]);
            }
        const without = caughtBy(alerts({ ...card, overrides: card.overrides.filter((_, j) => j !== k) }, later));
        const caught = all.caught - without.caught;
        const falseAlarms = all.falseAlarms - without.falseAlarms;
        return {
            id: o.id,
            action: o.action,
            value: o.action === 'flag' ? o.flag : o.value,
            rows_hit: hit,
            accounts_hit: ids.size,
            churners_hit: churnHit,
            churn_rate_hit: hit ? r6(churnHit / hit) : null,
            adds: {
                churners_caught: caught,
                false_alarms: falseAlarms,
                recall: churners ? r6(caught / churners) : 0,
                false_alarm_rate: renewals ? r6(falseAlarms / renewals) : 0,
            },
        };
    });
    return {
        kind: 'churnkit.scorecard.overrides',
        version: 1,
        slice,
        alert: 'band RED or the escalate flag',
        totals: {
            rows: n,
            churners,
            alerts: all.caught + all.falseAlarms,
            churners_caught: all.caught,
            false_alarms: all.falseAlarms,
            recall: churners ? r6(all.caught / churners) : 0,
            false_alarm_rate: renewals ? r6(all.falseAlarms / renewals) : 0,
        },
        overrides: rows,
    };
}
const pct = (x) => (x === null ? 'n/a' : `${(100 * x).toFixed(1)}%`);
const fmt = (x, d = 3) => (x === null ? 'n/a' : x.toFixed(d));
const ci = (c, f) => (c ? `${f(c[0])} to ${f(c[1])}` : 'n/a');
export function fidelityMarkdown(r) {
    const lines = [
        '# Scorecard calibration: fidelity',
        '',
        `Fitted to ${r.target} on ${r.slices.fit.rows} rows (as_of ${r.slices.fit.as_of_from} to ${r.slices.fit.as_of_to}, ${r.slices.fit.positives} churners); ` +
            `evaluated on the later slice: ${r.slices.later.rows} rows (as_of ${r.slices.later.as_of_from} to ${r.slices.later.as_of_to}, ${r.slices.later.positives} churners). ` +
            `${r.slices.embargoed_rows} rows between them were left out so that no label window of the fit reaches into the later slice.`,
        '',
        '## Ranking on the later slice',
        '',
        '| | ROC AUC | Spearman vs model |',
        '|---|---:|---:|',
        `| calibrated scorecard | ${fmt(r.auc.calibrated)} | ${fmt(r.rank_correlation.calibrated_vs_model)} |`,
        `| reference: ${r.reference ?? 'the default scorecard'} | ${fmt(r.auc.default)} | ${fmt(r.rank_correlation.default_vs_model)} |`,
        `| model${r.model_family ? ` (${r.model_family})` : ''} | ${fmt(r.auc.model)} | ${r.auc.model === null ? 'n/a' : '1.000'} |`,
        '',
        `Spearman rank correlation, calibrated vs reference: ${fmt(r.rank_correlation.calibrated_vs_default)}.`,
        '',
        '## Weights (bootstrap 90% intervals)',
        '',
        `Layers by weight: ${r.layers_by_weight.join(', ')}.`,
        '',
        '| layer | weight | 90% interval | signal | weight in layer | 90% interval | share of score |',
        '|---|---:|---|---|---:|---|---:|',
    ];
    for (const l of r.weights) {
        l.signals.forEach((s, j) => {
            lines.push(`| ${j === 0 ? l.layer : ''} | ${j === 0 ? pct(l.weight) : ''} | ${j === 0 ? ci(l.ci90, pct) : ''} | ${s.feature} | ${pct(s.weight)} | ${ci(s.ci90, pct)} | ${pct(s.effective)} (${ci(s.effective_ci90, pct)}) |`);
        });
    }
    lines.push('', '## Did RED churn, did GREEN renew? (later slice)', '', '| band | calibrated: rows | churn rate (95% CI) | reference: rows | churn rate (95% CI) |', '|---|---:|---|---:|---|');
    for (const b of [...BANDS].reverse()) {
        const c = r.bands.calibrated[b];
        const d = r.bands.default[b];
        lines.push(`| ${b} | ${c.rows} | ${pct(c.churn_rate)} (${ci(c.ci95, pct)}) | ${d.rows} | ${pct(d.churn_rate)} (${ci(d.ci95, pct)}) |`);
    }
    const sw = r.segment_weights;
    if (sw) {
        const verdict = sw.winner === 'tie'
            ? 'a tie (the AUCs differ by less than 0.002)'
            : sw.winner === 'by_segment'
                ? 'the per-segment weights win'
                : 'the global weights win';
        lines.push('', '## Weights per segment', '', `Each segment's own fit counts churners / (churners + ${sw.pooling}) of its weights; the rest is the global fit. ` +
            `Later-slice ROC AUC: per-segment weights ${fmt(sw.auc.by_segment)}, global weights ${fmt(sw.auc.global)}: ${verdict}.`, '', '| segment | fit rows | fit churners | own share | later rows | later churners | AUC per-segment | AUC global |', '|---|---:|---:|---:|---:|---:|---:|---:|', ...sw.segments.map((g) => `| ${g.segment} | ${g.fit_rows} | ${g.fit_churners} | ${pct(g.own_share)} | ${g.later_rows} | ${g.later_churners} | ${fmt(g.auc_by_segment)} | ${fmt(g.auc_global)} |`));
    }
    if (r.notes.length)
        lines.push('', '## Notes', '', ...r.notes.map((n) => `- ${n}`));
    return `${lines.join('\n')}\n`;
}
export function overridesMarkdown(r) {
    const lines = [
        '# Scorecard overrides: what each one adds',
        '',
        `On the later slice (${r.slice.rows} rows, as_of ${r.slice.as_of_from} to ${r.slice.as_of_to}, ${r.totals.churners} churners). ` +
            `An alert is ${r.alert}. With every override the card raises ${r.totals.alerts} alerts: ${r.totals.churners_caught} churners caught (recall ${pct(r.totals.recall)}), ` +
            `${r.totals.false_alarms} false alarms (${pct(r.totals.false_alarm_rate)} of renewals). "Adds" compares against the same card without that one override.`,
        '',
        '| override | action | accounts hit | rows hit | churners among them | churn rate | adds churners caught | adds recall | adds false alarms | adds false-alarm rate |',
        '|---|---|---:|---:|---:|---:|---:|---:|---:|---:|',
    ];
    for (const o of r.overrides)
        lines.push(`| ${o.id} | ${o.action} ${o.value} | ${o.accounts_hit} | ${o.rows_hit} | ${o.churners_hit} | ${pct(o.churn_rate_hit)} | ${o.adds.churners_caught} | ${pct(o.adds.recall)} | ${o.adds.false_alarms} | ${pct(o.adds.false_alarm_rate)} |`);
    return `${lines.join('\n')}\n`;
}
//# sourceMappingURL=reports.js.map