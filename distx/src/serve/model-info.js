function isObject(v) {
    return v !== null && typeof v === 'object' && !Array.isArray(v);
}
/**
 * What /v1/model reports about the scorecard serving now: identity, structure (layers and
 * signal weights, bands, overrides) and provenance, read from the artifact of docs/cli.md.
 * Points tables are left out: they are the artifact's business, and the file is at hand.
 */
export function modelInfo(card) {
    const a = card.artifact;
    const layers = Array.isArray(a['layers']) ? a['layers'] : [];
    return {
        kind: a['kind'] ?? null,
        version: a['version'] ?? null,
        fingerprint: card.fingerprint,
        source: card.source,
        layers: layers.filter(isObject).map((l) => ({
            name: l['name'],
            weight: l['weight'],
            signals: (Array.isArray(l['signals']) ? l['signals'] : [])
                .filter(isObject)
                .map((s) => ({ feature: s['feature'], weight: s['weight'] })),
        })),
        bands: isObject(a['bands']) ? a['bands'] : {},
        overrides: Array.isArray(a['overrides']) ? a['overrides'] : [],
        probability: isObject(a['probability']) ? a['probability'] : null,
        provenance: isObject(a['provenance']) ? a['provenance'] : null,
        model: card.model ? { family: card.model.family, features: [...card.model.features] } : null,
    };
}
//# sourceMappingURL=model-info.js.map