/**
 * The feature QA summary against pandas/numpy golden numbers (test/fixtures/features/qa, made by
 * make_expected.py from the committed features.csv; see the README there).
 */
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { featureQaOfFile, renderQaMarkdown, describeNulls } from '../../src/features/index.js';
import { fixture } from '../support/paths.js';
let qa;
let expected;
const near = (a, b, what) => {
    if (b === null || b === undefined)
        return assert.equal(a ?? null, null, what);
    assert.equal(typeof a, 'number', `${what}: ${String(a)} vs ${b}`);
    assert.ok(Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(b)), `${what}: ${a} vs ${b}`);
};
before(async () => {
    qa = await featureQaOfFile(fixture('features', 'qa/features.csv'));
    expected = JSON.parse(await readFile(fixture('features', 'qa/expected.json'), 'utf8'));
});
test('overview: rows, accounts, as-of range and label counts', () => {
    assert.equal(qa.rows, expected.rows);
    assert.equal(qa.accounts, expected.accounts);
    assert.deepEqual(qa.as_of, expected.as_of);
    assert.equal(qa.label.labeled, expected.label.labeled);
    assert.equal(qa.label.positives, expected.label.positives);
    assert.equal(qa.label.censored, expected.label.censored);
    near(qa.label.rate, expected.label.positives / expected.label.labeled, 'churn rate');
});
test('coverage, moments, quantiles and churn for NULL / non-NULL rows match pandas', () => {
    assert.deepEqual(qa.columns.map((c) => c.name).sort(), Object.keys(expected.columns).sort());
    for (const c of qa.columns) {
        const e = expected.columns[c.name];
        assert.equal(c.non_null, e.non_null, `${c.name} non_null`);
        near(c.coverage, e.non_null / expected.rows, `${c.name} coverage`);
        assert.equal(c.churn.null.labeled, e.null.labeled, `${c.name} null labeled`);
        assert.equal(c.churn.null.positives, e.null.positives, `${c.name} null positives`);
        assert.equal(c.churn.non_null.labeled, e.non_null_churn.labeled, `${c.name} labeled`);
        assert.equal(c.churn.non_null.positives, e.non_null_churn.positives, `${c.name} positives`);
        if (e.quantiles) {
            near(c.mean, e.mean, `${c.name} mean`);
            near(c.std, e.std, `${c.name} std`);
            for (const [k, v] of Object.entries(e.quantiles))
                near(c.quantiles?.[k], v, `${c.name} ${k}`);
        }
    }
});
test('churn per decile (NTILE over non-NULL rows by value) and per value match pandas', () => {
    let deciles = 0;
    for (const c of qa.columns) {
        const e = expected.columns[c.name];
        if (e.deciles) {
            assert.equal(c.deciles?.length, e.deciles.length, `${c.name} deciles`);
            e.deciles.forEach((d, i) => {
                const got = c.deciles[i];
                assert.equal(got.decile, d.decile);
                assert.equal(got.rows, d.rows, `${c.name} D${d.decile} rows`);
                assert.equal(got.labeled, d.labeled, `${c.name} D${d.decile} labeled`);
                assert.equal(got.positives, d.positives, `${c.name} D${d.decile} positives`);
                near(got.min, d.min, `${c.name} D${d.decile} min`);
                near(got.max, d.max, `${c.name} D${d.decile} max`);
                near(got.rate, d.labeled ? d.positives / d.labeled : null, `${c.name} D${d.decile} rate`);
                deciles++;
            });
        }
        if (e.levels)
            assert.deepEqual(c.levels?.map(({ value, rows, labeled, positives }) => ({ value, rows, labeled, positives })), e.levels, `${c.name} levels`);
    }
    assert.ok(deciles >= 100);
});
test('correlation matrix matches pandas (pairwise complete Pearson)', () => {
    assert.deepEqual(qa.correlation.columns, expected.correlation.columns);
    expected.correlation.matrix.forEach((row, i) => row.forEach((v, j) => near(qa.correlation.matrix[i][j], v, `corr ${i},${j}`)));
});
test('the Markdown summary and NULL notes say what is NULL and why', () => {
    const md = renderQaMarkdown(qa, 'QA');
    assert.match(md, /^# QA/);
    assert.match(md, /\| `usage_trend_14d` \| 100\.0% \|/);
    assert.match(md, /## Churn rate per decile/);
    assert.match(md, /## Correlation/);
    const notes = Object.fromEntries(describeNulls(qa).map((n) => [n.column, n]));
    assert.equal(notes['nps_trend']?.reason, 'the last or the prior 180 days have no NPS response');
    assert.equal(notes['nps_trend']?.null_rows, expected.rows - expected.columns['nps_trend'].non_null);
    assert.equal(notes['usage_trend_14d'], undefined);
});
//# sourceMappingURL=qa.test.js.map