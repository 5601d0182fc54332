/** What a report is drawn from: the backtest folder, and optionally the feature table and scorecards. */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { openDuckDB, queryRows, quoteLiteral } from '../data/index.js';
import { BACKTEST_KIND, METRICS_FILE, OOF_FILE } from '../evaluate/index.js';
import { FEATURES, featureQaOfFile, loadFeatureTable } from '../features/index.js';
import { loadScorecard, DEFAULT_SCORECARD_PATH } from '../scorecard/index.js';
import { ChurnkitError } from '../util/index.js';
import { exists } from '../util/index.js';
import { featureDrift } from './drift.js';
import { featureLabel } from '../catalogue/index.js';
export async function readBacktest(dir) {
    const path = join(dir, METRICS_FILE);
    const text = await readFile(path, 'utf8').catch((err) => {
        throw new ChurnkitError(`--backtest ${dir}: cannot read ${METRICS_FILE} (${err.code ?? err.message}); run churnkit backtest --out ${dir} first`, 2);
    });
    let parsed;
    try {
        parsed = JSON.parse(text);
    }
    catch (err) {
        throw new ChurnkitError(`${path}: not valid JSON (${err.message})`, 2);
    }
    const m = parsed;
    if (m.kind !== BACKTEST_KIND)
        throw new ChurnkitError(`${path}: kind is ${JSON.stringify(m.kind)}, expected "${BACKTEST_KIND}"`, 2);
    if (!Array.isArray(m.folds) || typeof m.pooled !== 'object' || m.pooled === null)
        throw new ChurnkitError(`${path}: folds or pooled is missing`, 2);
    if (Object.keys(m.pooled).length === 0)
        throw new ChurnkitError(`${path}: pooled has no model`, 2);
    return m;
}
/** Scorecards' test-fold scores in 5-point bins by band, from oof.parquet. */
export async function scoreBins(dir) {
    const path = join(dir, OOF_FILE);
    if (!(await exists(path)))
        return [];
    const db = await openDuckDB();
    try {
        const rows = await queryRows(db.connection, `SELECT model, band, CAST(LEAST(FLOOR(score / 5) * 5, 95) AS INTEGER) AS bin, COUNT(*)::INTEGER AS accounts
       FROM read_parquet(${quoteLiteral(path)}) WHERE score IS NOT NULL GROUP BY ALL ORDER BY model, bin, band`);
        return rows.map((r) => ({
            model: String(r['model']),
            band: String(r['band']),
            bin: Number(r['bin']),
            accounts: Number(r['accounts']),
        }));
    }
    finally {
        db.close();
    }
}
export async function featureEvidence(path) {
    const qa = await featureQaOfFile(path);
    const deciles = [];
    for (const f of FEATURES) {
        const col = qa.columns.find((c) => c.name === f.name);
        for (const d of col?.deciles ?? [])
            if (d.rate !== null)
                deciles.push({ feature: f.name, decile: d.decile, rate: d.rate, rows: d.rows });
    }
    const frame = await loadFeatureTable(path, ['as_of', ...FEATURES.map((f) => f.name)]);
    return { deciles, drift: featureDrift(frame) };
}
/**
 * Layer weights and each signal's share of the whole score (layer weight x signal weight), for
 * the previous scorecard and the new one; the new one's 90% intervals come from the fidelity
 * report `churnkit calibrate` writes beside it, when it is there.
 */
export async function weightRows(previousPath, nextPath) {
    const rows = [];
    const add = (card, which) => {
        for (const l of card.layers) {
            rows.push({ item: l.name, level: 'layer', scorecard: which, weight: l.weight });
            for (const s of l.signals)
                rows.push({
                    item: signalItem(l.name, s.feature),
                    level: 'signal',
                    scorecard: which,
                    weight: l.weight * s.weight,
                });
        }
    };
    add(await loadScorecard(previousPath), 'previous');
    add(await loadScorecard(nextPath), 'new');
    const fidelityPath = nextPath.replace(/\.json$/i, '.fidelity.json');
    if (nextPath !== 'default' && fidelityPath !== nextPath && (await exists(fidelityPath))) {
        const fidelity = JSON.parse(await readFile(fidelityPath, 'utf8'));
        const find = (item) => rows.find((r) => r.scorecard === 'new' && r.item === item);
        for (const l of fidelity.weights ?? []) {
            const layer = find(l.layer);
            if (layer && l.ci90)
                [layer.lo, layer.hi] = l.ci90;
            for (const s of l.signals) {
                const signal = find(signalItem(l.layer, s.feature));
                if (signal && s.effective_ci90)
                    [signal.lo, signal.hi] = s.effective_ci90;
            }
        }
    }
    return rows;
}
/** A signal in the weights chart: its layer and its catalogue label. */
function signalItem(layer, feature) {
    return `${layer} / ${featureLabel(feature)}`;
}
export function scorecardLabel(path) {
    return path === 'default' || path === DEFAULT_SCORECARD_PATH ? 'default scorecard' : path.split(/[\\/]/).pop();
}
//# sourceMappingURL=inputs.js.map