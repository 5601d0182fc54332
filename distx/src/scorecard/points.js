import { scoreColumns } from './compile.js';
/**
 * One signal's points on every row of a table (NaN where it is missing and redistributed), by
 * the same kernel that scores: a one-signal layer's score is exactly its signal's points.
 */
export function pointsColumn(signal, table) {
    const probe = {
        kind: 'churnkit.scorecard',
        version: 1,
        layers: [{ name: 'probe', weight: 1, signals: [{ ...signal, weight: 1 }] }],
        no_data_score: 0,
        overrides: [],
        bands: { green: 70, yellow: 40 },
        probability: { method: 'none' },
        provenance: { churnkit_version: 'probe', source: 'manual' },
    };
    return scoreColumns(probe, table).layers['probe'];
}
//# sourceMappingURL=points.js.map