import { loadModel, modelReasons } from '../learn/index.js';
import { featureLabel } from '../catalogue/index.js';
import { isMissing, toNumber, toText } from '../scorecard/index.js';
import { ChurnkitError } from '../util/index.js';
import { INPUT_COLUMNS } from './schemas.js';
/** Reasons the API gives per account. */
export const MODEL_REASONS = 3;
/** A served model from an artifact object (embedded) or file; `where` names it in errors. */
export async function loadServedModel(artifact, where) {
    let model;
    try {
        model = await loadModel(artifact);
    }
    catch (err) {
        throw new ChurnkitError(`${where}: ${err.message}`, 2);
    }
    const outside = model.features.filter((c) => !INPUT_COLUMNS.includes(c));
    if (outside.length > 0)
        throw new ChurnkitError(`${where}: the model reads ${outside.join(', ')}, which the HTTP API does not take (it takes ${INPUT_COLUMNS.join(', ')})`, 2);
    const categorical = new Set(model.preprocessing.inputs.filter((i) => i.kind === 'categorical').map((i) => i.name));
    return {
        family: model.family,
        label: model.label,
        features: model.features,
        answer(columns, n) {
            const frame = { n, names: [...model.features], kinds: {}, columns: {} };
            const missing = Array.from({ length: n }, () => []);
            const present = new Float64Array(n);
            for (const name of model.features) {
                const values = columns[name];
                const isText = categorical.has(name);
                frame.kinds[name] = isText ? 'text' : 'number';
                if (values instanceof Float64Array && !isText) {
                    frame.columns[name] = values;
                }
                else if (isText) {
                    const text = new Array(n);
                    for (let i = 0; i < n; i++) {
                        const v = values?.[i];
                        text[i] = typeof v === 'number' && Number.isNaN(v) ? null : toText(v ?? null);
                    }
                    frame.columns[name] = text;
                }
                else {
                    frame.columns[name] = Float64Array.from({ length: n }, (_, i) => toNumber((values?.[i] ?? null), name));
                }
                const col = frame.columns[name];
                for (let i = 0; i < n; i++) {
                    const v = col[i];
                    if (v === null || v === undefined || isMissing(v))
                        missing[i].push(name);
                    else
                        present[i]++;
                }
            }
            const probability = Array.from(model.predictProba(frame, 'request'));
            const r = modelReasons(model, frame, MODEL_REASONS, 'request');
            const reasons = new Array(n);
            for (let i = 0; i < n; i++) {
                const row = [];
                for (let k = 0; k < r.k; k++) {
                    const feature = r.feature[k][i];
                    if (feature === null || feature === undefined)
                        break;
                    // the value as the client sent it (true, not the model's 1)
                    const sent = columns[feature]?.[i];
                    row.push({
                        feature,
                        label: featureLabel(feature),
                        value: sent === undefined || (typeof sent === 'number' && Number.isNaN(sent)) ? (r.value[k][i] ?? null) : sent,
                        text: r.text[k][i],
                        contribution: r.contribution[k][i],
                    });
                }
                reasons[i] = row;
            }
            const J = model.features.length;
            return { probability, reasons, coverage: Array.from(present, (p) => (J > 0 ? p / J : 0)), missing };
        },
    };
}
//# sourceMappingURL=served-model.js.map