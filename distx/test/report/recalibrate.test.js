/** `churnkit recalibrate`: the quarter's run end to end, and the promotion rule. */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { simulate } from '../../src/simulate/index.js';
import { decidePromotion, MIN_AUC_GAIN } from '../../src/report/recalibrate.js';
import { cliPath, tempDir } from '../support/paths.js';
let work;
const churnkit = (...args) => spawnSync(process.execPath, [cliPath, ...args], { encoding: 'utf8' });
const bytes = (path) => readFile(path, 'utf8');
before(async () => {
    work = await tempDir('churnkit-recalibrate-');
    await simulate({ accounts: 700, months: 20, seed: 5, out: join(work.dir, 'data') });
});
after(() => work.cleanup());
test('promotion: only a challenger that beats the champion by the margin, or with --force', () => {
    assert.equal(decidePromotion({ championAuc: 0.7, challengerAuc: 0.7 + MIN_AUC_GAIN }).promoted, true);
    const kept = decidePromotion({ championAuc: 0.7, challengerAuc: 0.7 + MIN_AUC_GAIN / 2 });
    assert.equal(kept.promoted, false);
    assert.match(kept.reason, /champion stays/);
    const forced = decidePromotion({ championAuc: 0.75, challengerAuc: 0.7 }, true);
    assert.deepEqual([forced.promoted, forced.forced], [true, true]);
    assert.match(forced.reason, /--force/);
});
test('a quarter against the default scorecard, then the next quarter against its result', async () => {
    const q1 = join(work.dir, 'q1');
    const r1 = churnkit('recalibrate', '--previous', 'default', '--data', join(work.dir, 'data'), '--out', q1, '--bootstrap', '20', '--json');
    assert.equal(r1.status, 0, r1.stderr);
    const s1 = JSON.parse(r1.stdout);
    const d1 = JSON.parse(await bytes(join(q1, 'decision.json')));
    assert.equal(d1.promoted, d1.evidence.challengerAuc - d1.evidence.championAuc >= MIN_AUC_GAIN);
    assert.equal(s1.promoted, d1.promoted);
    assert.equal(await bytes(join(q1, 'scorecard.json')), await bytes(join(q1, d1.promoted ? 'challenger.json' : 'champion.json')));
    for (const f of [
        'features.parquet',
        'backtest/metrics.json',
        'backtest/oof.parquet',
        'challenger.fidelity.md',
        'diff.md',
        'report/index.html',
        'report/charts/weights.png',
    ])
        await stat(join(q1, f));
    const metrics = JSON.parse(await bytes(join(q1, 'backtest', 'metrics.json')));
    assert.deepEqual(Object.keys(metrics.pooled), ['logistic', 'scorecard:champion', 'scorecard:challenger'], 'champion and challenger on the same folds');
    assert.match(await bytes(join(q1, 'diff.md')), /\| \*\*usage\*\* \| {2}\| 40\.0% \|/);
    // Next quarter, same data: the challenger fitted again is the champion's twin, so it stays...
    const q2 = join(work.dir, 'q2');
    const r2 = churnkit('recalibrate', '--previous', join(q1, 'challenger.json'), '--data', join(work.dir, 'data'), '--out', q2, '--bootstrap', '0', '--model', 'auto', '--json');
    assert.equal(r2.status, 0, r2.stderr);
    // --model auto: backtested beside the cards, each fold recording what it chose.
    const bt2 = JSON.parse(await bytes(join(q2, 'backtest', 'metrics.json')));
    assert.ok(bt2.params.models.includes('auto'));
    for (const fold of bt2.folds)
        assert.ok(['logistic', 'gbdt', 'blend'].includes(fold.fits.auto.choice));
    const s2 = JSON.parse(r2.stdout);
    assert.equal(s2.promoted, false, s2.reason);
    assert.equal(await bytes(join(q2, 'scorecard.json')), await bytes(join(q1, 'challenger.json')), 'the champion carries over byte for byte');
    // ... unless forced.
    const q3 = join(work.dir, 'q3');
    const r3 = churnkit('recalibrate', '--previous', join(q1, 'challenger.json'), '--data', join(work.dir, 'data'), '--out', q3, '--bootstrap', '0', '--force', '--json');
    assert.equal(r3.status, 0, r3.stderr);
    assert.deepEqual([JSON.parse(r3.stdout).promoted, JSON.parse(r3.stdout).forced], [true, true]);
    assert.equal(await bytes(join(q3, 'scorecard.json')), await bytes(join(q3, 'challenger.json')));
});
test('a missing champion fails before any work and leaves no folder', async () => {
    const out = join(work.dir, 'never');
    const r = churnkit('recalibrate', '--previous', join(work.dir, 'nope.json'), '--data', join(work.dir, 'data'), '--out', out);
    assert.notEqual(r.status, 0);
    assert.match(r.stderr, /nope\.json/);
    await assert.rejects(stat(out));
});
//# sourceMappingURL=recalibrate.test.js.map