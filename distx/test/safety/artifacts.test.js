/**
 * Models and cards keep their integrity (issue 21): artifacts carry a content checksum that
 * predict, score and serve verify; a hand edit is refused with the way to re-sign it, and
 * `churnkit artifact rehash` re-signs it (after checking it still loads).
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { simulate } from '../../src/simulate/index.js';
import { DEFAULT_SCORECARD_PATH } from '../../src/scorecard/index.js';
import { createServer } from '../../src/serve/index.js';
import { contentChecksum, signArtifact } from '../../src/util/index.js';
import { cliPath, tempDir } from '../support/paths.js';
let work;
const d = (...names) => join(work.dir, ...names);
const churnkit = (...args) => spawnSync(process.execPath, [cliPath, ...args], { encoding: 'utf8' });
const ok = (r) => assert.equal(r.status, 0, r.stderr);
before(async () => {
    work = await tempDir('churnkit-artifacts-');
    await simulate({ accounts: 120, months: 14, seed: 4, out: d('data') });
    ok(churnkit('features', '--data', d('data'), '--out', d('features.parquet')));
    ok(churnkit('train', '--features', d('features.parquet'), '--model', 'logistic', '--l2', '1', '--out', d('model.json')));
});
after(() => work.cleanup());
test('a model with its coefficients x10 is refused by predict until rehash signs it', async () => {
    const artifact = JSON.parse(await readFile(d('model.json'), 'utf8'));
    assert.equal(artifact.checksum, contentChecksum(artifact), 'train signs what it writes');
    const state = artifact.state ?? artifact.logistic;
    state.coefficients = state.coefficients.map((c) => c * 10);
    await writeFile(d('edited.json'), `${JSON.stringify(artifact, null, 2)}\n`);
    const refused = churnkit('predict', '--model', d('edited.json'), '--features', d('features.parquet'), '--out', d('p.csv'));
    assert.equal(refused.status, 2);
    assert.match(refused.stderr, /edited\.json: the content does not match its checksum.*churnkit artifact rehash .*edited\.json/);
    const rehash = churnkit('artifact', 'rehash', d('edited.json'), '--json');
    ok(rehash);
    assert.equal(JSON.parse(rehash.stdout).files[0].was, 'changed');
    ok(churnkit('predict', '--model', d('edited.json'), '--features', d('features.parquet'), '--out', d('p.csv')));
    assert.equal(JSON.parse(churnkit('artifact', 'rehash', d('edited.json'), '--json').stdout).files[0].was, 'current');
    // whitespace is not content: a reformatted file still loads
    await writeFile(d('compact.json'), JSON.stringify(JSON.parse(await readFile(d('model.json'), 'utf8'))));
    ok(churnkit('predict', '--model', d('compact.json'), '--features', d('features.parquet'), '--out', d('p.csv')));
    // rehash does not bless a broken edit
    const broken = JSON.parse(await readFile(d('model.json'), 'utf8'));
    broken.preprocessing.outputs = [];
    await writeFile(d('broken.json'), JSON.stringify(broken));
    const no = churnkit('artifact', 'rehash', d('broken.json'));
    assert.equal(no.status, 2, no.stderr);
    assert.match(no.stderr, /preprocessing/);
});
test('score and serve refuse an edited scorecard; rehash re-signs it', async () => {
    const card = signArtifact(JSON.parse(await readFile(DEFAULT_SCORECARD_PATH, 'utf8')));
    await writeFile(d('card.json'), `${JSON.stringify(card, null, 2)}\n`);
    ok(churnkit('score', '--scorecard', d('card.json'), '--features', d('features.parquet'), '--out', d('s.csv')));
    card.bands.green = 50;
    await writeFile(d('card.json'), `${JSON.stringify(card, null, 2)}\n`);
    const refused = churnkit('score', '--scorecard', d('card.json'), '--features', d('features.parquet'), '--out', d('s.csv'));
    assert.equal(refused.status, 2);
    assert.match(refused.stderr, /card\.json: the content does not match its checksum/);
    await assert.rejects(createServer({ scorecard: d('card.json'), watch: false }), /does not match its checksum/);
    ok(churnkit('artifact', 'rehash', d('card.json')));
    ok(churnkit('score', '--scorecard', d('card.json'), '--features', d('features.parquet'), '--out', d('s.csv')));
    const app = await createServer({ scorecard: d('card.json'), watch: false });
    await app.close();
});
//# sourceMappingURL=artifacts.test.js.map