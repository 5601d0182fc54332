/**
 * The screenshots of `churnkit app` in docs/app/ (README and docs/app.md show them), taken from
 * headless Chromium on the demo's data. Run `npm run demo` first, then `npm run screenshots`
 * (with a recalibrate --out folder as its argument to show /recalibration with a decision).
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createApp } from '../../src/app/index.js';
import { Browser, openTab } from './chromium.js';
import { repoRoot } from './paths.js';
const at = (...p) => join(repoRoot, ...p);
const out = at('docs', 'app');
const recalibration = process.argv[2];
const app = await createApp({
    features: at('data', 'demo-features', 'features.parquet'),
    scorecard: at('models', 'demo', 'scorecard.json'),
    backtest: at('reports', 'demo', 'backtest'),
    model: at('models', 'demo', 'gbdt.json'),
    data: at('data', 'demo'),
    ...(recalibration ? { recalibration } : {}),
});
await app.listen({ port: 0, host: '127.0.0.1' });
await app.churnkitApp.warm();
const base = `http://127.0.0.1:${app.server.address().port}`;
const browser = await Browser.launch();
const ready = "document.getElementById('app')?.dataset.state === 'ready'";
const shots = [
    { file: 'accounts.png', path: '/?band=RED', wait: ready, height: 1100 },
    {
        file: 'account.png',
        path: '/accounts/A00061',
        wait: `${ready} && document.querySelector('#chart-score[data-drawn]')`,
        height: 1500,
    },
    {
        file: 'scorecard.png',
        path: '/scorecard',
        wait: `${ready} && document.querySelector('#chart-bands[data-drawn]')`,
        // a what-if: engagement counts for much more than the saved card says
        act: `(() => { const s = document.querySelector('input[data-weight="engagement"]'); s.value = '60'; s.dispatchEvent(new Event('input', { bubbles: true })); })()`,
        height: 1400,
    },
    { file: 'report.png', path: '/report', wait: "document.body?.dataset.chartsDone === 'true'", height: 1400 },
    { file: 'recalibration.png', path: '/recalibration', wait: ready, height: 1200 },
];
try {
    await mkdir(out, { recursive: true });
    for (const shot of shots) {
        const tab = await openTab(browser, base + shot.path);
        await tab.waitFor(shot.wait, 120_000);
        if (shot.act) {
            await tab.evaluate(shot.act);
            await tab.waitFor(`${ready} && Number(document.getElementById('app').dataset.version) > 0`, 120_000);
        }
        await writeFile(join(out, shot.file), await tab.screenshot(shot.height));
        if (tab.visit.errors.length)
            throw new Error(`${shot.path}: ${tab.visit.errors.join('; ')}`);
        await tab.close();
        process.stdout.write(`docs/app/${shot.file}\n`);
    }
}
finally {
    await browser.close();
    await app.close();
}
//# sourceMappingURL=app-screenshots.js.map