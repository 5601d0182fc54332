import { readFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import assert from 'node:assert/strict';
import { cliPath, fixture } from '../support/paths.js';
import { loadFrame } from '../../src/data/frame.js';
import { takeRows } from '../../src/learn/index.js';
/** A committed fixture of test/fixtures/logistic as parsed JSON. */
export function json(name) {
    return JSON.parse(readFileSync(fixture('logistic', name), 'utf8'));
}
export function loadFixture(name) {
    return loadFrame(fixture('logistic', name));
}
export function rowsWhere(frame, keep) {
    const rows = [];
    for (let i = 0; i < frame.n; i++)
        if (keep(i))
            rows.push(i);
    return takeRows(frame, rows);
}
export function range(from, to) {
    return Array.from({ length: to - from }, (_, k) => from + k);
}
/** |actual - expected| <= rel * |expected| (+ abs for values near zero). */
export function close(actual, expected, rel, what, abs = 0) {
    const tol = rel * Math.abs(expected) + abs;
    assert.ok(Math.abs(actual - expected) <= tol, `${what}: ${actual} vs expected ${expected} (diff ${Math.abs(actual - expected)}, tol ${tol})`);
}
export function closeArrays(actual, expected, rel, what, abs = 0) {
    assert.equal(actual.length, expected.length, `${what}: length`);
    for (let i = 0; i < expected.length; i++)
        close(actual[i], expected[i], rel, `${what}[${i}]`, abs);
}
/** The compiled CLI, run to completion. */
export function churnkit(...args) {
    return spawnSync(process.execPath, [cliPath, ...args], { encoding: 'utf8' });
}
/** The accounts fixture and the flags that train on it: categoricals segment and region, nps NULL on 10% of rows. */
export const ACCOUNTS = fixture('logistic', 'accounts.csv');
export const TABLE_FLAGS = [
    '--label',
    'churned',
    '--columns',
    'usage_trend,tickets,nps,segment,region',
    '--categorical',
    'segment,region',
];
//# sourceMappingURL=helpers.js.map