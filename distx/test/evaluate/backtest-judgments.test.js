/**
 * CSM judgments in the backtest: hand-made judgments whose answer is known, first on a table
 * built by hand (every count checked), then end to end on simulated data through the CLI.
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { simulate } from '../../src/simulate/index.js';
import { assessJudgments, runBacktest } from '../../src/evaluate/index.js';
import { loadScorecard } from '../../src/scorecard/index.js';
import { renderMarkdown } from '../../src/report/document.js';
import { cliPath, tempDir } from '../support/paths.js';
let work;
let features;
const churnkit = (...args) => spawnSync(process.execPath, [cliPath, ...args], { encoding: 'utf8' });
before(async () => {
    work = await tempDir('churnkit-judgments-bt-');
    await simulate({ accounts: 400, months: 24, seed: 5, out: join(work.dir, 'data') });
    features = join(work.dir, 'features.parquet');
    const r = churnkit('features', '--data', join(work.dir, 'data'), '--out', features);
    assert.equal(r.status, 0, r.stderr);
});
after(async () => {
    await work.cleanup();
});
test('raised, lowered and agreed against each band, per CSM, with what is left unmatched', async () => {
    const card = await loadScorecard('default');
    // A: four monthly snapshots; B: two; C: one, still censored. Band index 0 RED, 1 YELLOW, 2 GREEN.
    const account = ['A', 'A', 'A', 'A', 'B', 'B', 'C'];
    const asOf = ['2024-01-01', '2024-02-01', '2024-03-01', '2024-04-01', '2024-01-01', '2024-02-01', '2024-04-01'];
    const y = Float64Array.from([0, 0, 1, 1, 1, 0, NaN]);
    const model = { name: 'm', rows: [0, 1, 2, 3, 4, 5, 6], band: [0, 0, 1, 2, 2, 1, 0] };
    const j = (account_id, as_of, author, band, score = null) => ({
        account_id,
        as_of,
        author,
        band,
        score,
    });
    const judgments = [
        j('A', '2024-01-01', 'ann', 'GREEN'), // row 0: RED -> GREEN raised, did not churn
        j('A', '2024-01-15', 'ann', 'YELLOW'), // row 1 (next snapshot): RED -> YELLOW raised, did not churn
        j('A', '2024-02-20', 'bo', null, 10), // row 2: score 10 is RED < YELLOW: lowered, churned
        j('A', '2024-03-05', 'bo', 'GREEN'), // row 3: GREEN = GREEN agreed, churned
        j('B', '2023-12-31', 'bo', 'RED'), // row 4: GREEN -> RED lowered, churned
        j('B', '2023-12-31', 'bo', 'GREEN'), // the same row again by bo: this later one counts (GREEN = GREEN, agreed)
        j('B', '2024-01-20', 'ann', 'GREEN'), // row 5: YELLOW -> GREEN raised, did not churn
        j('C', '2024-03-20', 'ann', 'RED'), // row 6: censored
        j('A', '2024-04-02', 'ann', 'RED'), // after A's last snapshot: none
        j('B', '2023-10-01', 'ann', 'RED'), // B's first snapshot is 92 days later: beyond the window
        j('Z', '2024-01-01', 'ann', 'RED'), // unknown account
    ];
    const out = assessJudgments({
        judgments,
        source: 'hand.csv',
        account,
        asOf,
        y,
        segment: account.map(() => null),
        models: [model, { name: 'partial', rows: [0, 1], band: [0, 0] }],
        bandRates: { m: [0.1, 0.3, 0.6], partial: [0.5, null, null] },
        card,
        cardName: 'scorecard:default',
    });
    assert.equal(out.total, 11);
    assert.equal(out.matched, 6);
    assert.deepEqual(out.unmatched, { no_snapshot: 3, censored: 1 });
    const m = out.models['m'];
    assert.equal(m.outside_test_folds, 0);
    assert.deepEqual([m.overall.raised.rows, m.overall.raised.churned, m.overall.raised.rate], [3, 0, 0], 'ann raised three accounts and none churned');
    assert.equal(m.overall.raised.expected_rate, (0.1 + 0.1 + 0.3) / 3, "the model's bands for them");
    assert.deepEqual([m.overall.lowered.rows, m.overall.lowered.churned], [1, 1]);
    assert.equal(m.overall.lowered.expected_rate, 0.3);
    assert.deepEqual([m.overall.agreed.rows, m.overall.agreed.churned], [2, 2]);
    assert.deepEqual(Object.keys(m.by_author), ['ann', 'bo']);
    assert.equal(m.by_author['ann'].raised.rows, 3);
    assert.equal(m.by_author['ann'].lowered.rows, 0);
    assert.equal(m.by_author['bo'].lowered.rows, 1);
    assert.equal(m.by_author['bo'].agreed.rows, 2);
    assert.ok(m.overall.raised.hi > 0 && m.overall.raised.lo === 0, 'a Wilson interval around 0 of 3');
    // a model tested on only rows 0 and 1: the others are outside its folds
    assert.equal(out.models['partial'].outside_test_folds, 4);
    assert.equal(out.models['partial'].overall.raised.rows, 2);
});
test('backtest --judgments: an optimist whose raises all renewed and a pessimist whose cuts all churned', async () => {
    const plain = await runBacktest({ features, models: ['scorecard:default'] });
    const { oof } = plain;
    const lines = ['account_id,as_of,band,score,reason,author'];
    let raised = 0;
    let lowered = 0;
    let agreed = 0;
    for (let k = 0; k < oof.account_id.length; k++) {
        const row = `${oof.account_id[k]},${oof.as_of[k]}`;
        if (oof.band[k] === 'RED' && oof.label[k] === 0 && raised < 25) {
            lines.push(`${row},GREEN,,"they always renew, trust me",optimist`);
            raised++;
        }
        else if (oof.band[k] === 'GREEN' && oof.label[k] === 1 && lowered < 10) {
            lines.push(`${row},,12.5,champion is interviewing,pessimist`);
            lowered++;
        }
        else if (oof.band[k] === 'YELLOW' && agreed < 5) {
            lines.push(`${row},YELLOW,,fine,optimist`);
            agreed++;
        }
    }
    assert.ok(raised >= 10 && lowered >= 3, `judgments made: ${raised} raised, ${lowered} lowered`);
    lines.push('NOBODY,2024-01-01,RED,,no such account,pessimist');
    const file = join(work.dir, 'judgments.csv');
    await writeFile(file, `${lines.join('\n')}\n`);
    const out = join(work.dir, 'bt');
    const r = churnkit('backtest', '--features', features, '--models', 'scorecard:default', '--judgments', file, '--out', out);
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stdout, /CSM judgments from judgments\.csv: \d+ of \d+ matched/);
    const metrics = JSON.parse(await readFile(join(out, 'metrics.json'), 'utf8'));
    const j = metrics.judgments;
    assert.equal(j.total, raised + lowered + agreed + 1);
    assert.equal(j.matched, raised + lowered + agreed);
    assert.equal(j.unmatched.no_snapshot, 1);
    const card = j.models['scorecard:default'];
    assert.deepEqual([card.overall.raised.rows, card.overall.raised.churned], [raised, 0]);
    assert.deepEqual([card.overall.lowered.rows, card.overall.lowered.churned], [lowered, lowered]);
    assert.equal(card.overall.agreed.rows, agreed);
    assert.equal(card.by_author['optimist'].raised.rows, raised);
    assert.equal(card.by_author['pessimist'].lowered.rows, lowered);
    assert.ok(Math.abs(card.overall.raised.expected_rate - metrics.pooled['scorecard:default'].bands.RED.rate) < 1e-12, "every raised row was RED: the model's band churned at RED's rate");
    // the same folds and numbers as without judgments: they are measured, never fed to a model
    assert.deepEqual(metrics.pooled, JSON.parse(JSON.stringify(plain.metrics.pooled)));
    const md = renderMarkdown(metrics, [], { title: 't', notes: [] });
    assert.match(md, /## CSM judgments against the model/);
    assert.match(md, new RegExp(`\\| scorecard:default \\| optimist \\| ${raised} \\| 0\\.0% \\|`));
    const bad = join(work.dir, 'bad.csv');
    await writeFile(bad, 'account_id,as_of,band,author\nA,2024-01-01,BLUE,x\n');
    const refused = churnkit('backtest', '--features', features, '--models', 'scorecard:default', '--judgments', bad, '--out', join(work.dir, 'bt-bad'));
    assert.equal(refused.status, 2, refused.stderr);
    assert.match(refused.stderr, /bad\.csv.*row 1.*band/);
});
//# sourceMappingURL=backtest-judgments.test.js.map