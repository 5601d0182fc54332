import { readFileSync } from 'node:fs';
import { fixture } from '../../support/paths.js';
import { loadFrame, numeric } from '../../../src/data/frame.js';
/** A committed fixture of test/fixtures/mlp. */
export function mlpFixture(name) {
    return fixture('mlp', name);
}
export function json(name) {
    return JSON.parse(readFileSync(mlpFixture(name), 'utf8'));
}
export function loadMlpFixture(name) {
    return loadFrame(mlpFixture(name));
}
/** Rows [from, to) of the numeric columns `names` with label `label`, as FitData. */
export function fitSlice(frame, names, label, from, to) {
    const X = { n: to - from, names: [...names], columns: names.map((c) => numeric(frame, c).slice(from, to)) };
    return { X, y: numeric(frame, label).slice(from, to) };
}
//# sourceMappingURL=helpers.js.map