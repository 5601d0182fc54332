import { test, before, after, describe } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { openScoreHistory } from '../../src/history/index.js';
import { cliPath, repoRoot, tempDir } from '../support/paths.js';
import { startPostgres } from '../support/postgres.js';
import { get, post, startService } from './support.js';
import { makeAccounts } from './accounts.js';
import { FEATURES } from '../../src/features/registry.js';
let pg;
let tmp;
before(async () => {
    tmp = await tempDir('churnkit-judgments-');
    pg = await startPostgres();
});
after(async () => {
    await pg?.stop();
    await tmp?.cleanup();
});
function rec(account_id, as_of, score) {
    const band = score >= 70 ? 'GREEN' : score >= 40 ? 'YELLOW' : 'RED';
    return {
        account_id,
        as_of,
        score,
        band,
        probability: null,
        escalate: false,
        layers: {},
        overrides: [],
        reasons: [],
    };
}
const judgment = (over = {}) => ({
    account_id: 'A',
    as_of: '2024-02-10',
    band: 'GREEN',
    score: null,
    reason: 'renewal verbally agreed with the sponsor',
    author: 'alice',
    ...over,
});
const backends = [
    { name: 'DuckDB', open: () => openScoreHistory(':memory:') },
    { name: 'PostgreSQL', open: async () => openScoreHistory(await pg.createSchema('judgments')) },
];
for (const backend of backends) {
    describe(`judgments in a ${backend.name} score history`, () => {
        test('stand beside the latest computed score on or before their as_of and never replace it', async () => {
            const h = await backend.open();
            try {
                await h.record([rec('A', '2024-01-01', 30), rec('A', '2024-02-01', 35), rec('A', '2024-03-01', 20)]);
                const first = await h.judge(judgment(), { source: 'test' });
                assert.equal(first.id, 1);
                assert.deepEqual(first.computed, { as_of: '2024-02-01', score: 35, band: 'RED' });
                assert.equal(first.band, 'GREEN');
                assert.equal(first.source, 'test');
                // same day as a score: that score is the one beside it
                const second = await h.judge(judgment({ as_of: '2024-03-01', band: null, score: 55, author: ' bob ', reason: ' usage back ' }));
                assert.deepEqual(second.computed, { as_of: '2024-03-01', score: 20, band: 'RED' });
                assert.equal(second.author, 'bob', 'text is trimmed');
                assert.equal(second.reason, 'usage back');
                // an account with no score yet keeps its judgment, with nothing beside it
                const lone = await h.judge(judgment({ account_id: 'Z' }));
                assert.equal(lone.computed, null);
                // the computed scores are untouched: the latest is still the model's
                const [prev] = await h.previous([{ account_id: 'A', as_of: '2024-04-01' }]);
                assert.equal(prev.score, 20);
                assert.equal(prev.band, 'RED');
                const all = await h.judgments();
                assert.deepEqual(all.map((j) => [j.account_id, j.as_of, j.author]), [
                    ['A', '2024-02-10', 'alice'],
                    ['Z', '2024-02-10', 'alice'],
                    ['A', '2024-03-01', 'bob'],
                ]);
                assert.deepEqual((await h.judgments({ author: 'bob' })).map((j) => j.id), [second.id]);
                assert.deepEqual((await h.judgments({ account_id: 'Z' })).map((j) => j.id), [lone.id]);
                await assert.rejects(h.judge(judgment({ band: null })), /give a band or a score/);
                await assert.rejects(h.judge(judgment({ reason: '   ' })), /reason is required/);
                assert.equal((await h.judgments()).length, 3, 'a refused judgment stores nothing');
            }
            finally {
                await h.close();
            }
        });
    });
}
const acme = { ...makeAccounts(1, 3, null)[0], account_id: 'ACME' };
for (const f of FEATURES)
    acme[f.name] ??= 0;
describe('POST /v1/judgments', () => {
    test('stores beside the served score, refuses bad input with 4xx, and needs a history', async () => {
        const db = join(tmp.dir, 'served.duckdb');
        const svc = await startService({ scorecard: 'default', history: db, today: () => '2024-05-01' });
        try {
            const scored = await post(svc.base, '/v1/score', { ...acme, as_of: '2024-04-30' });
            assert.equal(scored.status, 200, scored.text);
            const made = await post(svc.base, '/v1/judgments', {
                account_id: 'ACME',
                band: 'GREEN',
                reason: 'new champion signed the renewal',
                author: 'carol',
            });
            assert.equal(made.status, 201, made.text);
            assert.equal(made.body.as_of, '2024-05-01', 'as_of defaults to today');
            assert.equal(made.body.band, 'GREEN');
            assert.equal(made.body.computed.as_of, '2024-04-30');
            assert.equal(made.body.computed.band, scored.body.band);
            assert.equal(made.body.source, 'serve');
            const bad = [
                [{ account_id: 'ACME', reason: 'x', author: 'a' }, 400, /band or a score/],
                [{ account_id: 'ACME', band: 'PURPLE', reason: 'x', author: 'a' }, 400, /band/],
                [{ account_id: 'ACME', score: 101, reason: 'x', author: 'a' }, 400, /score/],
                [{ account_id: 'ACME', score: '50', reason: 'x', author: 'a' }, 400, /score/],
                [{ account_id: 'ACME', band: 'RED', reason: '  ', author: 'a' }, 400, /reason/],
                [{ account_id: 'ACME', band: 'RED', reason: 'x' }, 400, /author/],
                [{ account_id: 'ACME', band: 'RED', reason: 'x', author: 'a', as_of: '2024-02-30' }, 400, /as_of/],
                [{ account_id: 'ACME', band: 'RED', reason: 'x', author: 'a', extra: 1 }, 400, /extra/],
                ['{"account_id": "ACME",', 400, /JSON/i],
            ];
            for (const [body, status, message] of bad) {
                const r = await post(svc.base, '/v1/judgments', body);
                assert.equal(r.status, status, `${JSON.stringify(body)}: ${r.text}`);
                assert.match(r.body.message, message);
            }
            const listed = await get(svc.base, '/v1/judgments?account_id=ACME');
            assert.equal(listed.status, 200);
            assert.equal(listed.body.judgments.length, 1, 'refused judgments stored nothing');
            assert.equal((await get(svc.base, '/v1/judgments?nope=1')).status, 400);
            // scoring again: the change is against the computed score, not the judgment
            const again = await post(svc.base, '/v1/score?exact=true', { ...acme, as_of: '2024-05-02' });
            assert.equal(again.body.previous.score, made.body.computed.score);
        }
        finally {
            await svc.close();
        }
        const off = await startService({ scorecard: 'default' });
        try {
            const r = await post(off.base, '/v1/judgments', judgment());
            assert.equal(r.status, 409);
            assert.match(r.body.message, /--history/);
            assert.equal((await get(off.base, '/v1/judgments')).status, 409);
        }
        finally {
            await off.close();
        }
    });
});
function churnkit(...args) {
    const r = spawnSync(process.execPath, [cliPath, ...args], { encoding: 'utf8', cwd: repoRoot });
    return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}
test('churnkit judge records, lists beside the computed score, and exports what backtest reads', async () => {
    const db = join(tmp.dir, 'cli.duckdb');
    const h = await openScoreHistory(db);
    await h.record([rec('A-1', '2024-03-01', 25)]);
    await h.close();
    const made = churnkit('judge', '--history', db, '--account', 'A-1', '--band', 'yellow', '--reason', 'exec sponsor re-engaged, "quietly"', '--author', 'dana', '--as-of', '2024-03-02', '--json');
    assert.equal(made.code, 0, made.stderr);
    const stored = JSON.parse(made.stdout).judgment;
    assert.equal(stored.band, 'YELLOW');
    assert.deepEqual(stored.computed, { as_of: '2024-03-01', score: 25, band: 'RED' });
    for (const [args, pattern] of [
        [['--account', 'A-1', '--reason', 'r', '--author', 'd'], /--band .* or --score/],
        [['--account', 'A-1', '--score', 'lots', '--reason', 'r', '--author', 'd'], /--score must be a number/],
        [['--account', 'A-1', '--band', 'RED', '--author', 'd'], /--reason/],
        [['--account', 'A-1', '--band', 'RED', '--reason', 'r', '--author', 'd', '--as-of', '03/02/2024'], /--as-of/],
    ]) {
        const r = churnkit('judge', '--history', db, ...args);
        assert.notEqual(r.code, 0, args.join(' '));
        assert.match(r.stderr, pattern);
    }
    const out = join(tmp.dir, 'judgments.csv');
    const listed = churnkit('judge', '--history', db, '--list', '--out', out);
    assert.equal(listed.code, 0, listed.stderr);
    assert.match(listed.stdout, /dana: YELLOW\s+beside computed RED 25/);
    const csv = (await readFile(out, 'utf8')).trimEnd().split('\n');
    assert.equal(csv.length, 2, 'one judgment: the refused ones stored nothing');
    assert.match(csv[1], /^1,A-1,2024-03-02,YELLOW,,"exec sponsor re-engaged, ""quietly""",dana,/);
    assert.match(csv[1], /,2024-03-01,25,RED$/);
});
//# sourceMappingURL=judgments.test.js.map