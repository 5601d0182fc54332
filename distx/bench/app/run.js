/**
 * `churnkit app` on the demo's data, as a person uses it: start-up of the whole process, first
 * paint of the accounts list in headless Chromium, and a what-if in the editor (an edited card
 * re-scored and backtested), side by side with its peer, the same answer from `churnkit backtest
 * --models scorecard:FILE` run as a whole process. Then the list at 50,000 accounts: the demo's
 * table copied 25 times under new account ids.
 *
 *   npm run demo && npm run build
 *   flock /tmp/churnkit-bench.lock node dist/bench/app/run.js [--runs 5]
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { openDuckDB, quoteLiteral } from '../../src/data/index.js';
import { Browser, openTab } from '../../test/support/chromium.js';
import { cliPath, repoRoot } from '../../test/support/paths.js';
const { values } = parseArgs({ options: { runs: { type: 'string', default: '5' } } });
const runs = Number(values.runs);
const at = (...p) => join(repoRoot, ...p);
const features = at('data', 'demo-features', 'features.parquet');
const card = at('models', 'demo', 'scorecard.json');
const backtest = at('reports', 'demo', 'backtest');
const median = (xs) => {
    const s = [...xs].sort((a, b) => a - b);
    const m = s.length >> 1;
    return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const load = () => loadavg()[0].toFixed(1);
/** Starts `churnkit app` and resolves with its address and the ms until it listened. */
function startApp(args) {
    const started = performance.now();
    const child = spawn(process.execPath, [cliPath, 'app', ...args, '--port', '0'], {
        stdio: ['ignore', 'pipe', 'pipe'],
    });
    return new Promise((resolve, reject) => {
        let out = '';
        let err = '';
        child.stderr.on('data', (c) => (err += c));
        child.stdout.on('data', (c) => {
            out += c;
            const m = /on (http:\/\/[^:]+:\d+)/.exec(out);
            if (m)
                resolve({
                    url: m[1],
                    ms: performance.now() - started,
                    stop: () => new Promise((done) => {
                        child.once('exit', () => done());
                        child.kill('SIGTERM');
                    }),
                });
        });
        child.once('exit', (code) => reject(new Error(`app exited ${code}: ${err}`)));
    });
}
/** ms from navigation start to the first contentful paint, and to the list being ready. */
async function firstPaint(browser, url) {
    const tab = await openTab(browser, url);
    try {
        await tab.waitFor("document.getElementById('app')?.dataset.state === 'ready'", 120_000);
        await tab.waitFor("performance.getEntriesByName('first-contentful-paint').length > 0", 10_000);
        const r = await tab.evaluate("({ paint: performance.getEntriesByName('first-contentful-paint')[0].startTime, ready: performance.now() })");
        if (tab.visit.errors.length)
            throw new Error(tab.visit.errors.join('; '));
        return r;
    }
    finally {
        await tab.close();
    }
}
/** The saved card with its usage layer at `share` of the score, the others scaled to fill the rest. */
function editedCard(base, share) {
    const next = structuredClone(base);
    const rest = next.layers.filter((l) => l.name !== 'usage').reduce((a, l) => a + l.weight, 0);
    for (const l of next.layers)
        l.weight = l.name === 'usage' ? share : (l.weight / rest) * (1 - share);
    const sum = next.layers.reduce((a, l) => a + l.weight, 0);
    next.layers[0].weight += 1 - sum;
    return next;
}
const work = await mkdtemp(join(tmpdir(), 'churnkit-bench-app-'));
const browser = await Browser.launch();
const lines = [];
try {
    const saved = JSON.parse(await readFile(card, 'utf8'));
    // 1. the demo: start-up, first paint, what-ifs
    const starts = [];
    const paints = [];
    const readies = [];
    const roundTrips = [];
    const serverMs = [];
    const startLoad = load();
    for (let r = 0; r < runs; r++) {
        const app = await startApp(['--features', features, '--scorecard', card, '--backtest', backtest]);
        starts.push(app.ms);
        const fp = await firstPaint(browser, `${app.url}/`);
        paints.push(fp.paint);
        readies.push(fp.ready);
        for (let k = 0; k < 10; k++) {
            const t = performance.now();
            const res = await fetch(`${app.url}/api/scorecard/evaluate`, {
                method: 'POST',
                headers: { 'content-type': 'application/json' },
                body: JSON.stringify({ card: editedCard(saved, 0.2 + 0.04 * k) }),
            });
            const body = (await res.json());
            roundTrips.push(performance.now() - t);
            serverMs.push(body.ms);
        }
        await app.stop();
    }
    // the peer: the same what-if from the CLI, as a whole process
    await writeFile(join(work, 'edited.json'), JSON.stringify(editedCard(saved, 0.3)));
    const peer = [];
    for (let r = 0; r < Math.min(runs, 3); r++) {
        const t = performance.now();
        const res = spawnSync(process.execPath, [
            cliPath,
            'backtest',
            '--features',
            features,
            '--models',
            `scorecard:${join(work, 'edited.json')}`,
            '--out',
            join(work, `bt${r}`),
        ], { encoding: 'utf8' });
        if (res.status !== 0)
            throw new Error(res.stderr);
        peer.push(performance.now() - t);
    }
    lines.push('| demo (2,000 accounts, 25,494 snapshots) | median ms | load |', '| --- | ---: | ---: |', `| \`churnkit app\` start-up to listening (whole process, ${runs} runs) | ${median(starts).toFixed(0)} | ${startLoad} |`, `| \`/\` first contentful paint (Chromium, from navigation) | ${median(paints).toFixed(0)} | |`, `| \`/\` list ready (first page rendered) | ${median(readies).toFixed(0)} | |`, `| what-if: edited card re-scored and backtested, server side (${serverMs.length} edits) | ${median(serverMs).toFixed(0)} | |`, `| what-if: round trip from the page's request to the answer | ${median(roundTrips).toFixed(0)} | |`, `| peer: \`churnkit backtest --models scorecard:FILE\`, whole process (${peer.length} runs) | ${median(peer).toFixed(0)} | ${load()} |`, '');
    // 2. 50,000 accounts: the demo's table 25 times under new ids
    const big = join(work, 'features-50k.parquet');
    const db = await openDuckDB();
    try {
        await db.connection.run(`COPY (SELECT * REPLACE (account_id || '-' || k AS account_id) FROM read_parquet(${quoteLiteral(features)}), range(25) t(k))
       TO ${quoteLiteral(big)} (FORMAT parquet)`);
    }
    finally {
        db.close();
    }
    const bigStarts = [];
    const bigPaints = [];
    const bigReadies = [];
    const bigQueries = [];
    const bigLoad = load();
    for (let r = 0; r < Math.min(runs, 3); r++) {
        const app = await startApp(['--features', big, '--scorecard', card]);
        bigStarts.push(app.ms);
        const fp = await firstPaint(browser, `${app.url}/`);
        bigPaints.push(fp.paint);
        bigReadies.push(fp.ready);
        for (const q of ['band=RED&sort=arr', 'q=bridge', 'segment=smb&sort=score_change&dir=asc', 'offset=40000']) {
            const t = performance.now();
            await (await fetch(`${app.url}/api/accounts?${q}`)).json();
            bigQueries.push(performance.now() - t);
        }
        await app.stop();
    }
    lines.push('| 50,000 accounts (637,350 snapshots) | median ms | load |', '| --- | ---: | ---: |', `| \`churnkit app\` start-up to listening | ${median(bigStarts).toFixed(0)} | ${bigLoad} |`, `| \`/\` first contentful paint | ${median(bigPaints).toFixed(0)} | |`, `| \`/\` list ready | ${median(bigReadies).toFixed(0)} | |`, `| \`/api/accounts\` filter + sort + page (${bigQueries.length} queries) | ${median(bigQueries).toFixed(0)} | ${load()} |`);
    process.stdout.write(`${lines.join('\n')}\n`);
}
finally {
    await browser.close();
    await rm(work, { recursive: true, force: true });
}
//# sourceMappingURL=run.js.map