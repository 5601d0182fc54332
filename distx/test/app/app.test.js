/**
 * `churnkit app` on a real pipeline run (simulate -> features -> train -> backtest), served on
 * loopback and driven over HTTP and in headless Chromium: every page renders with no console
 * error and no request off the machine; the list filters, searches, sorts and exports; a weight
 * moved in the editor gives the numbers `churnkit backtest` gives for the saved edit; Save never
 * writes over the served card or outside its folder; bad input is a 4xx, never a crash.
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFile, mkdir, readFile, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { simulate } from '../../src/simulate/index.js';
import { openDuckDB, quoteLiteral, queryRows } from '../../src/data/index.js';
import { DEFAULT_SCORECARD_PATH, loadScorecard } from '../../src/scorecard/index.js';
import { decidePromotion, diffMarkdown } from '../../src/report/index.js';
import { createApp } from '../../src/app/index.js';
import { cliPath, tempDir } from '../support/paths.js';
import { Browser, openTab } from '../support/chromium.js';
let work;
const d = (...p) => join(work.dir, ...p);
const churnkit = (...args) => spawnSync(process.execPath, [cliPath, ...args], { encoding: 'utf8' });
const ok = (r) => assert.equal(r.status, 0, r.stderr);
let app;
let base;
let browser;
/** Accounts in the table's latest snapshot, with their owner, from the table itself. */
let latest;
const get = async (path) => {
    const res = await fetch(base + path);
    return { status: res.status, type: res.headers.get('content-type') ?? '', text: await res.text() };
};
const getJson = async (path) => {
    const r = await get(path);
    assert.equal(r.status, 200, r.text);
    return JSON.parse(r.text);
};
const post = async (path, body) => {
    const res = await fetch(base + path, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
    });
    return { status: res.status, json: (await res.json()) };
};
before(async () => {
    work = await tempDir('churnkit-app-');
    await simulate({ accounts: 320, months: 18, seed: 23, out: d('data') });
    ok(churnkit('features', '--data', d('data'), '--out', d('raw.parquet')));
    // owners are no contract column: a team adds them to its own feature table
    const db = await openDuckDB();
    try {
        await db.connection.run(`COPY (SELECT *, 'csm_' || (CAST(regexp_extract(account_id, '(\\d+)$') AS INTEGER) % 3) AS owner
             FROM read_parquet(${quoteLiteral(d('raw.parquet'))})) TO ${quoteLiteral(d('features.parquet'))} (FORMAT parquet)`);
        latest = (await queryRows(db.connection, `SELECT account_id, owner, annual_value FROM read_parquet(${quoteLiteral(d('features.parquet'))})
       WHERE as_of = (SELECT MAX(as_of) FROM read_parquet(${quoteLiteral(d('features.parquet'))}))`));
    }
    finally {
        db.close();
    }
    ok(churnkit('backtest', '--features', d('features.parquet'), '--models', 'scorecard:default', '--out', d('backtest')));
    ok(churnkit('train', '--features', d('features.parquet'), '--model', 'logistic', '--out', d('logistic.json')));
    await mkdir(d('cards'));
    await copyFile(DEFAULT_SCORECARD_PATH, d('cards', 'served.json'));
    // a recalibration folder as recalibrate leaves it: its decision, its diff and the card it decided on
    const champion = await loadScorecard('default');
    const decision = decidePromotion({
        championAuc: 0.71,
        challengerAuc: 0.73,
        championRedRate: 0.2,
        challengerRedRate: 0.25,
    });
    await mkdir(d('recal'));
    await writeFile(d('recal', 'decision.json'), JSON.stringify({ kind: 'churnkit.recalibration', version: 1, ...decision }));
    await writeFile(d('recal', 'diff.md'), diffMarkdown(champion, champion, { previous: 'default', next: 'challenger' }, decision));
    await copyFile(DEFAULT_SCORECARD_PATH, d('recal', 'scorecard.json'));
    app = await createApp({
        features: d('features.parquet'),
        scorecard: d('cards', 'served.json'),
        backtest: d('backtest'),
        model: d('logistic.json'),
        data: d('data'),
        recalibration: d('recal'),
        history: d('history.duckdb'),
    });
    await app.listen({ port: 0, host: '127.0.0.1' });
    base = `http://127.0.0.1:${app.server.address().port}`;
    browser = await Browser.launch();
});
after(async () => {
    await browser?.close();
    await app?.close();
    await work.cleanup();
});
test('a features file or a card that does not load stops start-up with the error the CLI gives for it', async () => {
    await writeFile(d('broken.json'), '{"kind": "churnkit.scorecard", "version": 1, "layers": []}');
    const appRun = churnkit('app', '--features', d('features.parquet'), '--scorecard', d('broken.json'), '--port', '0');
    const scoreRun = churnkit('score', '--features', d('features.parquet'), '--scorecard', d('broken.json'), '--out', d('x.csv'));
    assert.equal(appRun.status, 2);
    assert.equal(appRun.stderr.trim().split('\n').at(-1), scoreRun.stderr.trim().split('\n').at(-1));
    const missing = churnkit('app', '--features', d('nope.parquet'), '--scorecard', 'default', '--port', '0');
    assert.equal(missing.status, 2, missing.stderr);
    assert.match(missing.stderr, /nope\.parquet/);
});
test('the list: every account of the latest snapshot; filter by band, segment and owner, search, sort, page, CSV', async () => {
    const all = await getJson('/api/accounts?limit=1000');
    assert.equal(all.total, latest.length);
    assert.deepEqual(all.rows.map((r) => r.account_id).sort(), latest.map((r) => r.account_id).sort());
    // risk first: scores ascending by default
    const scores = all.rows.map((r) => r.score).filter((s) => s !== null);
    assert.deepEqual(scores, [...scores].sort((a, b) => a - b));
    for (const r of all.rows)
        assert.equal(r.reasons.length <= 3 && r.reasons.every((x) => x.text.length > 0), true);
    const red = await getJson('/api/accounts?band=RED&limit=1000');
    assert.ok(red.total > 0 && red.total < all.total, `RED ${red.total} of ${all.total}`);
    assert.ok(red.rows.every((r) => r.band === 'RED'));
    assert.equal(red.total, all.counts.RED);
    const owner = await getJson('/api/accounts?owner=csm_1&segment=smb&limit=1000');
    const expected = latest.filter((r) => r.owner === 'csm_1');
    assert.ok(owner.rows.length > 0 && owner.rows.length < expected.length);
    assert.ok(owner.rows.every((r) => r.owner === 'csm_1' && r.segment === 'smb'));
    const byArr = await getJson('/api/accounts?sort=arr&dir=desc&limit=1000');
    const arr = byArr.rows.map((r) => r.arr).filter((v) => v !== null);
    assert.deepEqual(arr, [...arr].sort((a, b) => b - a));
    assert.equal(byArr.rows[0].arr, Math.max(...latest.map((r) => r.annual_value ?? -1)));
    const someone = all.rows.find((r) => r.account_name);
    const found = await getJson(`/api/accounts?q=${encodeURIComponent(someone.account_name.toLowerCase())}`);
    assert.ok(found.rows.some((r) => r.account_id === someone.account_id));
    const page2 = await getJson('/api/accounts?limit=50&offset=50');
    assert.deepEqual(page2.rows.map((r) => r.account_id), all.rows.slice(50, 100).map((r) => r.account_id));
    const csv = await get('/api/accounts.csv?band=RED');
    assert.match(csv.type, /text\/csv/);
    const lines = csv.text.trim().split('\n');
    assert.equal(lines[0].split(',')[0], 'account_id');
    assert.equal(lines.length - 1, red.total);
});
test('malformed queries get a 4xx page (or JSON on /api), unknown accounts a 404 page; the app keeps serving', async () => {
    for (const q of [
        'sort=bogus',
        'limit=0',
        'limit=5000',
        'offset=-1',
        'band=PURPLE',
        'dir=up',
        'colour=red',
        'limit=1&limit=2',
    ]) {
        const page = await get(`/?${q}`);
        assert.equal(page.status, 400, q);
        assert.match(page.type, /text\/html/);
        assert.match(page.text, /id="error-message"/);
        const api = await get(`/api/accounts?${q}`);
        assert.equal(api.status, 400, q);
        assert.equal(JSON.parse(api.text).code, 'invalid_request');
    }
    const unknown = await get('/accounts/NO_SUCH_ACCOUNT');
    assert.equal(unknown.status, 404);
    assert.match(unknown.text, /no account NO_SUCH_ACCOUNT/);
    assert.equal((await post('/api/scorecard/evaluate', { card: { kind: 'nope' } })).status, 400);
    assert.equal((await post('/api/scorecard/evaluate', { card: {}, extra: 1 })).status, 400);
    assert.equal((await get('/api/accounts?limit=1')).status, 200);
});
test('the saved card in the editor has the numbers churnkit backtest gave it, on the same folds', async () => {
    const metrics = JSON.parse(await readFile(d('backtest', 'metrics.json'), 'utf8'));
    const card = JSON.parse(await readFile(d('cards', 'served.json'), 'utf8'));
    const r = await post('/api/scorecard/evaluate', { card });
    assert.equal(r.status, 200, JSON.stringify(r.json));
    const { pooled, folds } = r.json.backtest;
    const expected = metrics.pooled['scorecard:default'];
    for (const key of [
        'rows',
        'positives',
        'auc',
        'pr_auc',
        'brier',
        'lift_top_decile',
        'flagged',
        'precision_at_capacity',
        'recall_at_capacity',
        'arr_capture',
    ])
        assert.equal(pooled[key], expected[key], key);
    assert.deepEqual(pooled.bands, expected.bands);
    assert.deepEqual(pooled.lead_time, expected.lead_time);
    assert.deepEqual(folds.map((f) => [f.cutoff, f.auc, f.precision_at_capacity]), metrics.folds.map((f) => [
        f.cutoff,
        f.models['scorecard:default'].auc,
        f.models['scorecard:default'].precision_at_capacity,
    ]));
});
test('Save writes a new card with its diff in the app folder only; never over the served card, never outside', async () => {
    const card = JSON.parse(await readFile(d('cards', 'served.json'), 'utf8'));
    const before = { data: await readdir(d('data')), backtest: await readdir(d('backtest')) };
    assert.equal((await post('/api/scorecard/save', { card, name: 'served.json' })).status, 409);
    for (const name of ['../escape.json', 'sub/dir.json', 'no-extension', '.hidden.json', '/tmp/abs.json'])
        assert.equal((await post('/api/scorecard/save', { card, name })).status, 400, name);
    const unbalanced = structuredClone(card);
    unbalanced.layers[0].weight = 0.9;
    const bad = await post('/api/scorecard/save', { card: unbalanced, name: 'bad.json' });
    assert.equal(bad.status, 400);
    assert.match(bad.json.message, /weights sum to/);
    const edited = structuredClone(card);
    edited.bands.green = 75;
    const saved = await post('/api/scorecard/save', { card: edited, name: 'greener.json' });
    assert.equal(saved.status, 200, JSON.stringify(saved.json));
    const back = await loadScorecard(d('cards', 'greener.json'));
    assert.equal(back.bands.green, 75);
    assert.equal(back.provenance.source, 'manual');
    assert.match(await readFile(d('cards', 'greener.diff.md'), 'utf8'), /\| all \(default\) \| 70 \| 75 \|/);
    assert.equal((await post('/api/scorecard/save', { card: edited, name: 'greener.json' })).status, 409);
    assert.deepEqual((await readdir(d('cards'))).sort(), ['greener.diff.md', 'greener.json', 'served.json']);
    assert.deepEqual({ data: await readdir(d('data')), backtest: await readdir(d('backtest')) }, before);
    assert.deepEqual(JSON.parse(await readFile(d('cards', 'served.json'), 'utf8')), card);
});
/** Opens a page, waits for it, and checks it erred nowhere and asked nothing of another host. */
async function page(path, ready) {
    const tab = await openTab(browser, base + path);
    await tab.waitFor(ready, 60_000);
    return tab;
}
function clean(tab, path) {
    assert.deepEqual(tab.visit.errors, [], `${path}: console errors`);
    assert.deepEqual(tab.visit.requests.filter((u) => !u.startsWith(`${base}/`) && !u.startsWith('data:')), [], `${path}: requests off the machine`);
    assert.deepEqual(tab.visit.failedRequests, [], `${path}: failed requests`);
}
const READY = "document.getElementById('app')?.dataset.state === 'ready'";
const version = (tab) => tab.evaluate("Number(document.getElementById('app').dataset.version)");
test('in Chromium: the list renders, filters by band and sorts by ARR from clicks', async () => {
    const tab = await page('/', READY);
    try {
        assert.equal(await tab.evaluate("document.querySelectorAll('#accounts tbody tr').length"), Math.min(100, latest.length));
        let v = await version(tab);
        await tab.evaluate(`document.querySelector('button[data-band="RED"]').click()`);
        await tab.waitFor(`${READY} && Number(document.getElementById('app').dataset.version) > ${v}`);
        const bands = await tab.evaluate("[...document.querySelectorAll('#accounts tbody tr')].map((r) => r.dataset.band)");
        assert.ok(bands.length > 0 && bands.every((b) => b === 'RED'), JSON.stringify(bands));
        assert.match(await tab.evaluate('location.search'), /band=RED/);
        v = await version(tab);
        await tab.evaluate(`document.querySelector('button[data-sort="arr"]').click()`);
        await tab.waitFor(`${READY} && Number(document.getElementById('app').dataset.version) > ${v}`);
        const arr = await tab.evaluate("[...document.querySelectorAll('#accounts tbody td[data-col=arr]')].map((c) => c.dataset.value).filter(Boolean).map(Number)");
        assert.ok(arr.length > 1);
        assert.deepEqual(arr, [...arr].sort((a, b) => b - a));
        assert.match(await tab.evaluate("document.getElementById('export').getAttribute('href')"), /band=RED.*sort=arr|sort=arr.*band=RED/);
        clean(tab, '/');
    }
    finally {
        await tab.close();
    }
});
test('in Chromium: an account page draws its history, signals, model probability and raw events', async () => {
    const id = latest[0].account_id;
    const tab = await page(`/accounts/${id}`, `${READY} && document.querySelector('#chart-score[data-drawn]') && document.querySelector('table#events')`);
    try {
        assert.ok((await tab.evaluate("document.querySelectorAll('#chart-score svg path, #chart-score svg .mark-symbol path').length")) > 0);
        assert.ok((await tab.evaluate("document.querySelectorAll('#signals tbody tr').length")) >= 10);
        assert.ok((await tab.evaluate("document.querySelectorAll('table#events tbody tr').length")) >= 10);
        assert.match(await tab.evaluate("document.getElementById('kpi-model').textContent"), /%/);
        clean(tab, '/accounts/:id');
    }
    finally {
        await tab.close();
    }
});
test('judgments: recorded beside the computed score of the snapshot shown, refused when bad, listed per account', async () => {
    const id = latest[1].account_id;
    const detail = await getJson(`/api/accounts/${id}`);
    const made = await post(`/api/accounts/${id}/judgments`, {
        score: 88,
        reason: 'QBR went well; expansion talk',
        author: 'csm_1',
    });
    assert.equal(made.status, 201, JSON.stringify(made.json));
    assert.equal(made.json.as_of, detail.account.as_of, 'by default the latest snapshot, the one the page shows');
    assert.deepEqual(made.json.computed, {
        as_of: detail.account.as_of,
        score: detail.account.score,
        band: detail.account.band,
    });
    assert.equal(made.json.source, 'app');
    const earlier = detail.history[0];
    const old = await post(`/api/accounts/${id}/judgments`, {
        band: 'YELLOW',
        as_of: earlier.as_of,
        reason: 'onboarding slow',
        author: 'csm_2',
    });
    assert.equal(old.status, 201);
    assert.equal(old.json.computed.score, earlier.score, 'beside the score of that earlier snapshot');
    for (const [body, pattern] of [
        [{ reason: 'x', author: 'a' }, /band or a score/],
        [{ band: 'BLUE', reason: 'x', author: 'a' }, /band/],
        [{ score: 140, reason: 'x', author: 'a' }, /score/],
        [{ band: 'RED', reason: '', author: 'a' }, /reason/],
        [{ band: 'RED', reason: 'x', author: 'a', as_of: 'yesterday' }, /as_of/],
        [{ band: 'RED', reason: 'x', author: 'a', note: 1 }, /note|unrecognized/i],
    ]) {
        const r = await post(`/api/accounts/${id}/judgments`, body);
        assert.equal(r.status, 400, JSON.stringify(body));
        assert.match(r.json.message, pattern);
    }
    assert.equal((await post('/api/accounts/NO-SUCH/judgments', { band: 'RED', reason: 'x', author: 'a' })).status, 404);
    const list = await getJson(`/api/accounts/${id}/judgments`);
    assert.deepEqual(list.judgments.map((j) => j.author), ['csm_2', 'csm_1'], 'oldest as_of first; the refused ones stored nothing');
    // the computed score is untouched by the judgments
    assert.equal((await getJson(`/api/accounts/${id}`)).account.score, detail.account.score);
});
test('in Chromium: a CSM records a judgment on the account page and sees it beside the score', async () => {
    const id = latest[2].account_id;
    const tab = await page(`/accounts/${id}`, `${READY} && document.getElementById('judgment-list')`);
    try {
        const set = (sel, value, event) => tab.evaluate(`(() => { const el = document.querySelector(${JSON.stringify(sel)}); el.value = ${JSON.stringify(value)}; el.dispatchEvent(new Event(${JSON.stringify(event)}, { bubbles: true })); })()`);
        await set('#judgment-band', 'GREEN', 'change');
        await set('#judgment-reason', 'renewal signed early', 'input');
        await set('#judgment-author', 'csm_0', 'input');
        await tab.evaluate("document.getElementById('judgment-save').click()");
        await tab.waitFor("document.querySelector('#judgment-list tbody tr')");
        const row = await tab.evaluate("document.querySelector('#judgment-list tbody tr').textContent");
        assert.match(row, /GREEN/);
        assert.match(row, /csm_0/);
        assert.match(row, /renewal signed early/);
        assert.match(await tab.evaluate("document.getElementById('kpi-judgment').textContent"), /GREEN.*csm_0/);
        // the score KPI still shows the computed score
        const detail = await getJson(`/api/accounts/${id}`);
        assert.match(await tab.evaluate("document.getElementById('kpi-score').textContent"), new RegExp(detail.account.score.toFixed(1).replace('.', '\\.')));
        clean(tab, '/accounts/:id (judgment)');
        // a bad one says why, in place (the browser logs the 400 it got)
        await set('#judgment-reason', '', 'input');
        await tab.evaluate("document.getElementById('judgment-save').click()");
        await tab.waitFor("document.getElementById('judgment-error')");
        assert.match(await tab.evaluate("document.getElementById('judgment-error').textContent"), /reason/);
    }
    finally {
        await tab.close();
    }
});
test('in Chromium: moving a weight changes the metrics, and Save gives the card churnkit backtest scores the same', async () => {
    const tab = await page('/scorecard', `${READY} && document.querySelector('#chart-bands[data-drawn]')`);
    try {
        const cell = (metric, card) => tab.evaluate(`Number(document.querySelector('td[data-metric="${metric}"][data-card="${card}"]').dataset.value)`);
        const savedAuc = await cell('auc', 'saved');
        assert.equal(await cell('auc', 'edited'), savedAuc);
        await tab.evaluate(`(() => { const s = document.querySelector('input[data-weight="usage"]'); s.value = '5'; s.dispatchEvent(new Event('input', { bubbles: true })); })()`);
        await tab.waitFor(`${READY} && Number(document.getElementById('app').dataset.version) > 0`);
        const shown = {};
        for (const m of [
            'auc',
            'pr_auc',
            'precision_at_capacity',
            'recall_at_capacity',
            'RED_rows',
            'RED_rate',
            'GREEN_rows',
            'GREEN_rate',
        ])
            shown[m] = await cell(m, 'edited');
        assert.notEqual(shown['auc'], savedAuc, 'moving the usage weight left AUC unchanged');
        await tab.evaluate(`(() => { const i = document.getElementById('save-name'); i.value = 'less-usage.json'; i.dispatchEvent(new Event('input', { bubbles: true })); })()`);
        await tab.evaluate(`document.getElementById('save').click()`);
        await tab.waitFor("document.getElementById('save-result')");
        assert.match(await tab.evaluate("document.getElementById('save-result').textContent"), /Saved/);
        clean(tab, '/scorecard');
        ok(churnkit('backtest', '--features', d('features.parquet'), '--models', `scorecard:${d('cards', 'less-usage.json')}`, '--out', d('bt-edited')));
        const pooled = JSON.parse(await readFile(d('bt-edited', 'metrics.json'), 'utf8')).pooled['scorecard:less-usage'];
        assert.deepEqual(shown, {
            auc: pooled.auc,
            pr_auc: pooled.pr_auc,
            precision_at_capacity: pooled.precision_at_capacity,
            recall_at_capacity: pooled.recall_at_capacity,
            RED_rows: pooled.bands.RED.rows,
            RED_rate: pooled.bands.RED.rate,
            GREEN_rows: pooled.bands.GREEN.rows,
            GREEN_rate: pooled.bands.GREEN.rate,
        });
    }
    finally {
        await tab.close();
    }
});
test('in Chromium: the backtest report and the recalibration for approval render offline', async () => {
    const report = await page('/report', "document.body?.dataset.chartsDone === 'true'");
    try {
        assert.ok((await report.evaluate("document.querySelectorAll('[data-drawn]').length")) >= 6);
        clean(report, '/report');
    }
    finally {
        await report.close();
    }
    const recal = await page('/recalibration', READY);
    try {
        assert.match(await recal.evaluate("document.getElementById('decision').textContent"), /Promoted/);
        await recal.evaluate(`document.getElementById('approve').click()`);
        await recal.waitFor("document.getElementById('approve-result')");
        assert.match(await recal.evaluate("document.getElementById('approve-result').textContent"), /Approved/);
        clean(recal, '/recalibration');
    }
    finally {
        await recal.close();
    }
    await loadScorecard(d('cards', 'scorecard.approved.json'));
    assert.match(await readFile(d('cards', 'scorecard.approved.approval.md'), 'utf8'), /Decision: the challenger ranks churners better/);
});
test('a table whose labels are all censored still lists its accounts; the shipped card has no folder to write in', async () => {
    const db = await openDuckDB();
    try {
        await db.connection.run(`COPY (SELECT * REPLACE (CAST(NULL AS DOUBLE) AS churned_within_90d) FROM read_parquet(${quoteLiteral(d('features.parquet'))}))
       TO ${quoteLiteral(d('unlabeled.parquet'))} (FORMAT parquet)`);
    }
    finally {
        db.close();
    }
    const other = await createApp({ features: d('unlabeled.parquet'), scorecard: 'default' });
    await other.listen({ port: 0, host: '127.0.0.1' });
    const at = `http://127.0.0.1:${other.server.address().port}`;
    try {
        const list = (await (await fetch(`${at}/api/accounts?limit=5`)).json());
        assert.equal(list.total, latest.length);
        const page = await (await fetch(`${at}/scorecard`)).text();
        assert.match(page, /"folds_error":"no labeled rows/);
        const card = JSON.parse(await readFile(DEFAULT_SCORECARD_PATH, 'utf8'));
        const send = (path, body) => fetch(at + path, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
        assert.equal((await send('/api/scorecard/evaluate', { card })).status, 409);
        const save = await send('/api/scorecard/save', { card, name: 'mine.json' });
        assert.equal(save.status, 409);
        assert.match((await save.json()).message, /--out DIR/);
        const id = latest[0].account_id;
        const judged = await send(`/api/accounts/${id}/judgments`, { band: 'RED', reason: 'r', author: 'a' });
        assert.equal(judged.status, 409, 'judgments need --history');
        assert.match((await judged.json()).message, /--history/);
    }
    finally {
        await other.close();
    }
});
test('with --allow-write, Save may replace the served card, which then still loads', async () => {
    await copyFile(DEFAULT_SCORECARD_PATH, d('cards', 'writable.json'));
    const other = await createApp({
        features: d('features.parquet'),
        scorecard: d('cards', 'writable.json'),
        backtest: d('backtest'),
        allowWrite: true,
    });
    await other.listen({ port: 0, host: '127.0.0.1' });
    try {
        const card = JSON.parse(await readFile(d('cards', 'writable.json'), 'utf8'));
        card.bands.yellow = 35;
        const res = await fetch(`http://127.0.0.1:${other.server.address().port}/api/scorecard/save`, {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify({ card, name: 'writable.json' }),
        });
        assert.equal(res.status, 200, await res.clone().text());
        assert.equal((await loadScorecard(d('cards', 'writable.json'))).bands.yellow, 35);
    }
    finally {
        await other.close();
    }
});
//# sourceMappingURL=app.test.js.map