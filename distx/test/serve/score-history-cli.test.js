import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { cliPath, fixture, repoRoot, tempDir } from '../support/paths.js';
import { loadFrame, numeric } from '../../src/data/frame.js';
import { openScoreHistory } from '../../src/history/index.js';
function churnkit(...args) {
    const r = spawnSync(process.execPath, [cliPath, ...args], { encoding: 'utf8', cwd: repoRoot });
    return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}
const { dir, cleanup } = await tempDir('churnkit-score-history-');
test.after(cleanup);
// Two monthly runs of the same book: the second run's change comes from the first run's scores.
const lines = (await readFile(fixture('features', 'qa/features.csv'), 'utf8')).trimEnd().split('\n');
const header = lines[0];
const asOfOf = (line) => line.split(',')[1];
const march = join(dir, 'march.csv');
const april = join(dir, 'april.csv');
await writeFile(march, `${[header, ...lines.filter((l) => asOfOf(l) === '2023-03-01')].join('\n')}\n`);
await writeFile(april, `${[header, ...lines.filter((l) => asOfOf(l) === '2023-04-01')].join('\n')}\n`);
test('score --history takes score_change from the previous run and appends this one', async () => {
    const db = join(dir, 'history.duckdb');
    const first = churnkit('score', '--scorecard', 'default', '--features', march, '--history', db, '--out', join(dir, 'march-scores.parquet'), '--json');
    assert.equal(first.code, 0, first.stderr);
    assert.equal(JSON.parse(first.stdout).recorded, 84);
    const marchScores = await loadFrame(join(dir, 'march-scores.parquet'));
    assert.ok(numeric(marchScores, 'score_change').every(Number.isNaN), 'the first run has nothing to compare with');
    const second = churnkit('score', '--scorecard', 'default', '--features', april, '--history', db, '--out', join(dir, 'april-scores.parquet'), '--json');
    assert.equal(second.code, 0, second.stderr);
    const aprilScores = await loadFrame(join(dir, 'april-scores.parquet'));
    const before = new Map();
    const marchIds = marchScores.columns['account_id'];
    numeric(marchScores, 'score').forEach((s, i) => before.set(marchIds[i], s));
    const ids = aprilScores.columns['account_id'];
    const score = numeric(aprilScores, 'score');
    const change = numeric(aprilScores, 'score_change');
    let compared = 0;
    ids.forEach((id, i) => {
        const prev = before.get(id);
        if (prev === undefined)
            assert.ok(Number.isNaN(change[i]), `${id} is new in April: no change`);
        else {
            assert.ok(Math.abs(change[i] - (score[i] - prev)) < 1e-6, `${id}: change ${change[i]} vs ${score[i] - prev}`);
            compared++;
        }
    });
    assert.ok(compared >= 80, `accounts scored in both months: ${compared}`);
    // Without the store, each file alone has no previous score.
    const alone = churnkit('score', '--scorecard', 'default', '--features', april, '--out', join(dir, 'april-alone.parquet'));
    assert.equal(alone.code, 0, alone.stderr);
    assert.ok(numeric(await loadFrame(join(dir, 'april-alone.parquet')), 'score_change').every(Number.isNaN));
    const history = await openScoreHistory(db);
    try {
        const previous = await history.previous([{ account_id: ids[0], as_of: '2023-05-01' }]);
        assert.equal(previous[0]?.as_of, '2023-04-01');
        assert.ok(Math.abs(previous[0].score - score[0]) < 1e-9);
    }
    finally {
        await history.close();
    }
});
//# sourceMappingURL=score-history-cli.test.js.map