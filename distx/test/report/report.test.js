/**
 * `churnkit report` on a real pipeline run (simulate -> features -> backtest -> calibrate), and
 * the HTML opened in headless Chromium: no console error, no request, every chart drawn.
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFile, readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { simulate } from '../../src/simulate/index.js';
import { populationStability } from '../../src/report/index.js';
import { cliPath, tempDir } from '../support/paths.js';
import { Browser, visit } from '../support/chromium.js';
let work;
const churnkit = (...args) => spawnSync(process.execPath, [cliPath, ...args], { encoding: 'utf8' });
const ok = (r) => assert.equal(r.status, 0, r.stderr);
let out;
let summary;
before(async () => {
    work = await tempDir('churnkit-report-');
    const d = (name) => join(work.dir, name);
    await simulate({ accounts: 800, months: 20, seed: 11, out: d('data') });
    ok(churnkit('features', '--data', d('data'), '--out', d('features.parquet')));
    ok(churnkit('backtest', '--features', d('features.parquet'), '--models', 'logistic,gbdt,scorecard:default', '--param', 'logistic.l2=0.01', '--out', d('backtest')));
    ok(churnkit('calibrate', '--features', d('features.parquet'), '--out', d('scorecard.json'), '--bootstrap', '20'));
    out = d('report');
    const r = churnkit('report', '--backtest', d('backtest'), '--features', d('features.parquet'), '--scorecard', d('scorecard.json'), '--data', d('data'), '--out', out, '--json');
    ok(r);
    summary = JSON.parse(r.stdout);
});
after(() => work.cleanup());
const CHARTS = [
    'roc',
    'pr',
    'reliability',
    'gains',
    'bands',
    'lead_time',
    'score_distribution',
    'folds',
    'weights',
    'deciles',
    'drift',
];
test('the report has every chart, as PNG and in the page, and the summary', async () => {
    assert.deepEqual(summary.charts.map((c) => c.id), CHARTS);
    assert.deepEqual(summary.skipped, []);
    assert.deepEqual((await readdir(join(out, 'charts'))).sort(), CHARTS.map((c) => `${c}.png`).sort());
    for (const c of summary.charts) {
        const png = await readFile(c.png);
        assert.deepEqual([...png.subarray(0, 8)], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], `${c.id}: a PNG`);
        const width = png.readUInt32BE(16);
        const height = png.readUInt32BE(20);
        assert.ok(width >= 600 && height >= 300, `${c.id}: ${width}x${height}`);
        assert.ok(png.length > 15_000, `${c.id}: ${png.length} bytes is too little to hold a drawn chart`);
    }
    const md = await readFile(join(out, 'summary.md'), 'utf8');
    for (const model of ['logistic', 'gbdt', 'scorecard:default'])
        assert.match(md, new RegExp(`^\\| ${model} \\| 0\\.\\d{3} \\|`, 'm'));
    for (const c of CHARTS)
        assert.ok(md.includes(`](charts/${c}.png)`), `summary links ${c}`);
});
test('headless Chromium opens the report offline: no console error, no request, every chart drawn', async () => {
    const html = join(out, 'index.html');
    assert.ok((await stat(html)).size > 500_000, 'the vega runtime is inlined');
    const browser = await Browser.launch();
    try {
        const page = await visit(browser, pathToFileURL(html).href, `document.body && document.body.getAttribute('data-charts-done') === 'true'`, `({
        charts: Array.from(document.querySelectorAll('[data-chart]')).map(el => ({ id: el.dataset.chart, drawn: el.getAttribute('data-drawn') === 'true', svg: el.querySelectorAll('svg').length, marks: el.querySelectorAll('svg path, svg rect, svg line').length, text: el.querySelectorAll('svg text').length })),
        opening: Array.from(document.body.children).filter(el => el.tagName !== 'SCRIPT').slice(0, 4).map(el => el.tagName + (el.className ? '.' + el.className : '') + (el.id && el.tagName === 'SECTION' ? '#' + el.id : '')),
        summary: document.querySelector('p.summary').textContent,
        calls: Array.from(document.querySelectorAll('#accounts-to-call tbody tr')).map(tr => ({ cells: Array.from(tr.children).map(td => td.textContent), reasons: Array.from(tr.querySelectorAll('td.why li')).map(li => li.textContent) })),
        leadNote: document.querySelector('#chart-lead_time + p.definition').textContent,
        meanings: document.querySelectorAll('dl.meanings dt').length,
      })`);
        assert.deepEqual(page.errors, []);
        assert.deepEqual(page.requests, [], 'an offline report requests nothing');
        const shown = page.result;
        assert.deepEqual(shown.opening.slice(0, 3), ['H1', 'P.summary', 'SECTION#accounts-to-call'], 'the page opens with the summary and the accounts to call');
        assert.match(shown.summary, /^We replayed \d+ quarters of history .* Of the [\d,]+ accounts that churned in those quarters, \S+ flagged \d+% as RED at least 30 days before they left; the current scorecard \(scorecard:default\) flagged \d+%\./);
        assert.ok(shown.calls.length >= 3, `${shown.calls.length} accounts to call`);
        for (const row of shown.calls) {
            assert.equal(row.cells.length, 7);
            assert.match(row.cells[2], /^\$[\d,]+$/, 'ARR at risk');
            assert.equal(row.reasons.length, 3, 'three reasons');
            for (const reason of row.reasons)
                assert.doesNotMatch(reason, /_/, `reasons are words: ${reason}`);
        }
        const arr = shown.calls.map((r) => Number(r.cells[2].replace(/[$,]/g, '')));
        assert.deepEqual(arr, [...arr].sort((a, b) => b - a), 'by ARR at risk, largest first');
        assert.match(shown.leadNote, /^Lead time: days from an account's first RED score within the 90 days before it churned to the churn date in the accounts table/);
        assert.ok(shown.meanings >= 10, 'a meaning for every column of the metrics table');
        assert.deepEqual(page.failedRequests, []);
        assert.deepEqual(page.result.charts.map((c) => c.id), CHARTS);
        for (const c of page.result.charts) {
            assert.ok(c.drawn, `${c.id} drew`);
            assert.ok(c.svg >= 1, `${c.id} has an svg`);
            assert.ok(c.marks >= 8, `${c.id} has ${c.marks} marks`);
            assert.ok(c.text >= 5, `${c.id} has ${c.text} labels`);
        }
    }
    finally {
        await browser.close();
    }
});
test('a chart that fails to draw is caught by the browser check', async () => {
    // The check above must be able to fail: break one spec in a copy of the page.
    const html = await readFile(join(out, 'index.html'), 'utf8');
    const broken = join(work.dir, 'broken.html');
    const { writeFile } = await import('node:fs/promises');
    await writeFile(broken, html.replace('"id":"roc","spec":{', '"id":"roc","spec":{"signals":[{"name":"x","update":"nosuchfn()"}],'));
    const browser = await Browser.launch();
    try {
        const page = await visit(browser, pathToFileURL(broken).href, `document.body && document.body.getAttribute('data-charts-done') === 'true'`, `document.getElementById('chart-roc').getAttribute('data-drawn')`);
        assert.notEqual(page.result, 'true');
        assert.ok(page.errors.length > 0, 'the failure reaches the console');
    }
    finally {
        await browser.close();
    }
});
test('report on a folder without a backtest exits 2 and writes nothing', async () => {
    const target = join(work.dir, 'nothing');
    const r = churnkit('report', '--backtest', join(work.dir, 'data'), '--out', target);
    assert.equal(r.status, 2);
    assert.match(r.stderr, /metrics\.json/);
    await assert.rejects(stat(target));
});
test('population stability: zero for the same distribution, large for a shift or for values turning NULL', () => {
    const ref = Array.from({ length: 5000 }, (_, i) => (i * 7919) % 1000);
    assert.ok(populationStability(ref, ref) < 1e-12);
    assert.ok(populationStability(ref, ref.map((v) => v + 5)) < 0.01, 'a small nudge is stable');
    assert.ok(populationStability(ref, ref.map((v) => v + 400)) > 0.25, 'a large shift is flagged');
    const halfNull = ref.map((v, i) => (i % 2 ? NaN : v));
    assert.ok(populationStability(ref, halfNull) > 0.25, 'half the values turning NULL is flagged');
    assert.equal(populationStability([], ref), null);
});
//# sourceMappingURL=report.test.js.map