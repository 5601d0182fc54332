import { BANDS } from '../scorecard/index.js';
const SCHEMA = 'https://vega.github.io/schema/vega-lite/v6.json';
/** RED, YELLOW and GREEN as every chart (report and app) draws them. */
export const BAND_COLORS = { RED: '#d62728', YELLOW: '#f2b701', GREEN: '#2ca02c' };
const WIDTH = 460;
const HEIGHT = 300;
const pct = (field, title, extra = {}) => ({
    field,
    type: 'quantitative',
    title,
    axis: { format: '.0%' },
    ...extra,
});
const modelColor = (models) => ({
    field: 'model',
    type: 'nominal',
    title: 'model',
    scale: { domain: models },
});
/** Subtitle lines of at most ~90 characters, so a long explanation does not widen the chart. */
function wrap(text, width = 90) {
    const lines = [];
    let line = '';
    for (const word of text.split(' ')) {
        if (line && line.length + word.length + 1 > width) {
            lines.push(line);
            line = word;
        }
        else
            line = line ? `${line} ${word}` : word;
    }
    if (line)
        lines.push(line);
    return lines;
}
function chart(id, title, subtitle, body) {
    return {
        id,
        title,
        spec: {
            $schema: SCHEMA,
            title: { text: title, subtitle: wrap(subtitle) },
            width: WIDTH,
            height: HEIGHT,
            ...body,
        },
    };
}
/** Every pooled curve of one kind, one row per point, tagged with its model. */
function curveRows(m, kind) {
    return Object.entries(m.pooled).flatMap(([model, p]) => p.curves[kind].map((pt) => ({ model, ...pt })));
}
export function rocChart(m) {
    const models = Object.keys(m.pooled);
    const legend = models.map((name) => `${name} ${m.pooled[name].auc?.toFixed(3) ?? '-'}`).join(', ');
    return chart('roc', 'How well does each model rank churners above renewals?', `ROC, all test folds pooled; AUC: ${legend}`, {
        layer: [
            {
                data: { values: [{ x: 0 }, { x: 1 }] },
                mark: { type: 'line', strokeDash: [4, 4], color: '#999' },
                encoding: { x: { field: 'x', type: 'quantitative' }, y: { field: 'x', type: 'quantitative' } },
            },
            {
                data: { values: curveRows(m, 'roc') },
                mark: { type: 'line', interpolate: 'step-after' },
                encoding: {
                    x: pct('fpr', 'renewing accounts flagged (false positive rate)'),
                    y: pct('tpr', 'churners caught (true positive rate)'),
                    color: modelColor(models),
                    order: { field: 'fpr' },
                },
            },
        ],
    });
}
export function prChart(m) {
    const models = Object.keys(m.pooled);
    const legend = models.map((name) => `${name} ${m.pooled[name].pr_auc?.toFixed(3) ?? '-'}`).join(', ');
    return chart('pr', 'When we flag accounts, how many of them really churn?', `precision against recall, pooled; PR AUC: ${legend}`, {
        data: { values: curveRows(m, 'pr') },
        mark: { type: 'line' },
        encoding: {
            x: pct('recall', 'churners caught (recall)'),
            y: pct('precision', 'flagged accounts that churned (precision)'),
            color: modelColor(models),
            order: { field: 'recall' },
        },
    });
}
export function reliabilityChart(m) {
    const models = Object.entries(m.pooled)
        .filter(([, p]) => p.probability_source !== 'score_rank')
        .map(([name]) => name);
    const rows = curveRows(m, 'reliability').filter((r) => models.includes(r.model) && r.mean_predicted !== null);
    return chart('reliability', 'When a model says 20%, do 20% churn?', 'reliability: predicted churn probability against observed churn rate (95% intervals); on the diagonal is calibrated', {
        layer: [
            {
                data: { values: [{ x: 0 }, { x: 1 }] },
                mark: { type: 'line', strokeDash: [4, 4], color: '#999' },
                encoding: {
                    x: { field: 'x', type: 'quantitative', scale: { domain: [0, 1] } },
                    y: { field: 'x', type: 'quantitative', scale: { domain: [0, 1] } },
                },
            },
            {
                data: { values: rows },
                layer: [
                    {
                        mark: { type: 'rule' },
                        encoding: {
                            x: { field: 'mean_predicted', type: 'quantitative' },
                            y: { field: 'observed_low', type: 'quantitative' },
                            y2: { field: 'observed_high' },
                            color: modelColor(models),
                        },
                    },
                    {
                        mark: { type: 'line', point: true },
                        encoding: {
                            x: pct('mean_predicted', 'predicted churn probability'),
                            y: pct('observed_rate', 'observed churn rate'),
                            color: modelColor(models),
                            order: { field: 'mean_predicted' },
                        },
                    },
                ],
            },
        ],
    });
}
export function gainsChart(m) {
    const models = Object.keys(m.pooled);
    return chart('gains', 'If the team works the riskiest accounts first, how many churners do they reach?', 'cumulative gains: share of test accounts worked (riskiest first) against share of churners reached; dashed = random order', {
        layer: [
            {
                data: { values: [{ x: 0 }, { x: 1 }] },
                mark: { type: 'line', strokeDash: [4, 4], color: '#999' },
                encoding: { x: { field: 'x', type: 'quantitative' }, y: { field: 'x', type: 'quantitative' } },
            },
            {
                data: { values: curveRows(m, 'gains') },
                mark: { type: 'line' },
                encoding: {
                    x: pct('share', 'accounts worked, riskiest first'),
                    y: pct('churners', 'churners reached'),
                    color: modelColor(models),
                    order: { field: 'share' },
                },
            },
        ],
    });
}
export function leadChart(rows, models, horizon) {
    return chart('lead_time', 'How early did each model see churners coming?', `share of the accounts that churned which were RED at least this many days before they left (0 to ${horizon} days)`, {
        data: { values: rows },
        mark: { type: 'line', interpolate: 'step-after', point: false },
        encoding: {
            x: { field: 'days', type: 'quantitative', title: 'days of warning, at least', scale: { domain: [0, horizon] } },
            y: pct('share', 'churned accounts flagged RED in time', { scale: { domain: [0, 1] } }),
            color: modelColor([...models]),
        },
    });
}
export function bandChart(m) {
    const rows = Object.entries(m.pooled).flatMap(([model, p]) => BANDS.map((band) => ({ model, band, ...p.bands[band] })));
    return chart('bands', 'Did RED accounts churn, and did GREEN renew?', 'churn rate within 90 days per band, test folds pooled, with 95% Wilson intervals; models are banded in the shares of the default scorecard', {
        data: { values: rows.filter((r) => r.rate !== null) },
        facet: { column: { field: 'model', type: 'nominal', title: null, sort: Object.keys(m.pooled) } },
        spec: {
            width: 150,
            height: HEIGHT,
            layer: [
                {
                    mark: { type: 'bar' },
                    encoding: {
                        x: { field: 'band', type: 'nominal', sort: BANDS, title: null },
                        y: pct('rate', 'churn rate'),
                        color: {
                            field: 'band',
                            type: 'nominal',
                            scale: { domain: BANDS, range: BANDS.map((b) => BAND_COLORS[b]) },
                            legend: null,
                        },
                    },
                },
                {
                    mark: { type: 'rule', color: '#333' },
                    encoding: {
                        x: { field: 'band', type: 'nominal', sort: BANDS },
                        y: { field: 'lo', type: 'quantitative' },
                        y2: { field: 'hi' },
                    },
                },
                {
                    mark: { type: 'text', dy: -8, fontSize: 10 },
                    encoding: {
                        x: { field: 'band', type: 'nominal', sort: BANDS },
                        y: { field: 'hi', type: 'quantitative' },
                        text: { field: 'rows', type: 'quantitative', format: ',' },
                    },
                },
            ],
        },
    });
}
export function scoreDistributionChart(bins) {
    return chart('score_distribution', 'Where do account health scores fall?', 'accounts per 5-point score bin and band, every test-fold snapshot of each scorecard', {
        data: { values: bins },
        facet: { row: { field: 'model', type: 'nominal', title: null } },
        spec: {
            width: WIDTH,
            height: 160,
            mark: { type: 'bar' },
            encoding: {
                x: {
                    field: 'bin',
                    type: 'quantitative',
                    bin: { binned: true, step: 5 },
                    title: 'health score',
                    scale: { domain: [0, 100] },
                },
                x2: { field: 'bin_end' },
                y: { field: 'accounts', type: 'quantitative', title: 'snapshots', stack: true },
                color: {
                    field: 'band',
                    type: 'nominal',
                    scale: { domain: BANDS, range: BANDS.map((b) => BAND_COLORS[b]) },
                },
            },
        },
        transform: [{ calculate: 'datum.bin + 5', as: 'bin_end' }],
    });
}
export function foldChart(m) {
    const rows = m.folds.flatMap((f) => Object.entries(f.models).map(([model, v]) => ({
        model,
        cutoff: f.cutoff,
        auc: v.auc,
        red_rate: v.bands.RED.rate,
        test_rows: f.test.rows,
    })));
    return chart('folds', 'Does the ranking hold up quarter after quarter?', 'ROC AUC of each test period (by its cutoff); a model that only worked once would dip', {
        data: { values: rows.filter((r) => r.auc !== null) },
        mark: { type: 'line', point: true },
        encoding: {
            x: { field: 'cutoff', type: 'temporal', title: 'test period starting', axis: { format: '%b %Y' } },
            y: { field: 'auc', type: 'quantitative', title: 'ROC AUC', scale: { zero: false } },
            color: modelColor(Object.keys(m.pooled)),
        },
    });
}
export function weightsChart(rows, names) {
    return chart('weights', 'What changed in the health-score weights?', `weight of each layer and signal in the whole score: ${names.previous} against ${names.next} (90% bootstrap intervals for the new one)`, {
        data: { values: rows },
        facet: { row: { field: 'level', type: 'nominal', title: null, sort: ['layer', 'signal'] } },
        resolve: { scale: { y: 'independent' } },
        spec: {
            width: WIDTH - 120,
            layer: [
                {
                    mark: { type: 'bar' },
                    encoding: {
                        y: {
                            field: 'item',
                            type: 'nominal',
                            title: null,
                            sort: { field: 'weight', op: 'max', order: 'descending' },
                            axis: { labelLimit: 320 },
                        },
                        yOffset: { field: 'scorecard', sort: ['previous', 'new'] },
                        x: pct('weight', 'share of the score'),
                        color: {
                            field: 'scorecard',
                            type: 'nominal',
                            sort: ['previous', 'new'],
                            scale: { range: ['#9ecae1', '#08519c'] },
                        },
                    },
                },
                {
                    mark: { type: 'rule', color: '#333' },
                    transform: [{ filter: 'isValid(datum.lo)' }],
                    encoding: {
                        y: { field: 'item', type: 'nominal', sort: { field: 'weight', op: 'max', order: 'descending' } },
                        yOffset: { field: 'scorecard', sort: ['previous', 'new'] },
                        x: { field: 'lo', type: 'quantitative' },
                        x2: { field: 'hi' },
                    },
                },
            ],
        },
    });
}
export function decileChart(rows, features) {
    return chart('deciles', 'Which signals separate churners from renewals?', 'churn rate within 90 days per decile of each feature (1 = lowest values), all labeled snapshots', {
        data: { values: rows },
        facet: { field: 'feature', type: 'nominal', title: null, sort: [...features] },
        columns: 5,
        spec: {
            width: 150,
            height: 110,
            mark: { type: 'bar', color: '#4c78a8' },
            encoding: { x: { field: 'decile', type: 'ordinal', title: 'decile' }, y: pct('rate', 'churn rate') },
        },
    });
}
export function driftChart(drift) {
    const span = drift.current && drift.reference
        ? `${drift.current.from}..${drift.current.to} against ${drift.reference.from}..${drift.reference.to}`
        : 'no two quarters to compare';
    const rows = drift.features
        .filter((f) => f.psi !== null)
        .map((f) => ({ ...f, level: f.psi > 0.25 ? 'shifted' : f.psi > 0.1 ? 'moderate' : 'stable' }));
    return chart('drift', 'Have our customers changed since last quarter?', `population stability index per feature, ${span}; above 0.1 moderate, above 0.25 worth a look`, {
        data: { values: rows },
        layer: [
            {
                mark: { type: 'bar' },
                encoding: {
                    y: { field: 'feature', type: 'nominal', title: null, sort: '-x', axis: { labelLimit: 320 } },
                    x: { field: 'psi', type: 'quantitative', title: 'PSI' },
                    color: {
                        field: 'level',
                        type: 'nominal',
                        title: 'drift',
                        scale: { domain: ['stable', 'moderate', 'shifted'], range: ['#2ca02c', '#f2b701', '#d62728'] },
                    },
                },
            },
            {
                data: { values: [{ t: 0.1 }, { t: 0.25 }] },
                mark: { type: 'rule', strokeDash: [4, 4], color: '#666' },
                encoding: { x: { field: 't', type: 'quantitative' } },
            },
        ],
    });
}
//# sourceMappingURL=specs.js.map