import { test, before, after, describe } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { openScoreHistory, withScoreChanges } from '../../src/history/index.js';
import { repoRoot, tempDir } from '../support/paths.js';
import { startPostgres } from '../support/postgres.js';
import { post, startService } from './support.js';
let pg;
let tmp;
let dbCounter = 0;
before(async () => {
    tmp = await tempDir('churnkit-serve-history-');
    pg = await startPostgres();
});
after(async () => {
    await pg?.stop();
    await tmp?.cleanup();
});
function rec(account_id, as_of, score, extra = {}) {
    const band = score >= 70 ? 'GREEN' : score >= 40 ? 'YELLOW' : 'RED';
    return {
        account_id,
        as_of,
        score,
        band,
        probability: score / 1000,
        escalate: false,
        layers: { usage: score, outcome: null },
        overrides: [],
        reasons: ['usage_trend_14d'],
        scorecard: 'f00d',
        ...extra,
    };
}
const backends = [
    // In memory for speed: the file-backed store is exercised by the restart and service tests below.
    { name: 'DuckDB', open: () => openScoreHistory(':memory:') },
    { name: 'PostgreSQL', open: async () => openScoreHistory(await pg.createSchema(`h${dbCounter++}`)) },
];
for (const backend of backends) {
    describe(`score history in ${backend.name}`, () => {
        test('previous is the latest earlier score; the first score has none', async () => {
            const h = await backend.open();
            try {
                assert.deepEqual(await h.record([rec('A', '2024-01-31', 80), rec('B', '2024-01-31', 30)]), [null, null]);
                const p = await h.record([rec('A', '2024-02-29', 55), rec('B', '2024-02-29', 35), rec('C', '2024-02-29', 60)]);
                assert.deepEqual(p, [
                    { account_id: 'A', as_of: '2024-01-31', score: 80, band: 'GREEN', escalate: false },
                    { account_id: 'B', as_of: '2024-01-31', score: 30, band: 'RED', escalate: false },
                    null,
                ]);
                assert.deepEqual((await h.previous(['A', 'C', 'Z'])).map((x) => x?.score ?? null), [55, 60, null]);
                assert.deepEqual((await h.previous([
                    { account_id: 'A', as_of: '2024-02-29' },
                    { account_id: 'A', as_of: '2024-01-31' },
                ])).map((x) => x?.score ?? null), [80, null]);
            }
            finally {
                await h.close();
            }
        });
        test('re-scoring a day replaces it and is idempotent; backfills see only earlier days', async () => {
            const h = await backend.open();
            try {
                await h.record([rec('A', '2024-01-31', 80), rec('A', '2024-03-31', 50)]);
                const again = await h.record([rec('A', '2024-03-31', 45)]);
                assert.equal(again[0].score, 80, 'previous of a re-scored day is the day before it, not itself');
                assert.equal((await h.record([rec('A', '2024-03-31', 45)]))[0].score, 80);
                assert.equal((await h.previous(['A']))[0].score, 45, 'the re-score replaced the day');
                const backfill = await h.record([rec('A', '2024-02-29', 60)]);
                assert.equal(backfill[0].as_of, '2024-01-31');
                assert.equal((await h.previous([{ account_id: 'A', as_of: '2024-03-31' }]))[0].score, 60);
            }
            finally {
                await h.close();
            }
        });
        test('several days of one account in one call chain onto each other, in any order', async () => {
            const h = await backend.open();
            try {
                await h.record([rec('A', '2024-01-31', 90)]);
                const p = await h.record([
                    rec('A', '2024-04-30', 40),
                    rec('A', '2024-02-29', 70),
                    rec('A', '2024-03-31', 60),
                    rec('B', '2024-03-31', 10),
                ]);
                assert.deepEqual(p.map((x) => x && `${x.as_of}:${x.score}`), ['2024-03-31:60', '2024-01-31:90', '2024-02-29:70', null]);
            }
            finally {
                await h.close();
            }
        });
        test('odd account ids and values round-trip', async () => {
            const h = await backend.open();
            try {
                const ids = [`O'Brien, "Ltd"`, 'Zoë ✓', 'a\\b', '{1,2}', 'NULL', ' spaced '];
                await h.record(ids.map((id, i) => rec(id, '2024-01-31', i * 10.5, { probability: null, escalate: i % 2 === 0 })));
                const prev = await h.previous(ids);
                ids.forEach((id, i) => {
                    assert.equal(prev[i].account_id, id);
                    assert.equal(prev[i].score, i * 10.5);
                    assert.equal(prev[i].escalate, i % 2 === 0);
                });
            }
            finally {
                await h.close();
            }
        });
        test('concurrent record() calls are grouped, and each caller gets its own answer', async () => {
            const h = await backend.open();
            try {
                const days = ['2024-01-31', '2024-02-29', '2024-03-31'];
                // 30 callers at once, each scoring 10 accounts for one day; accounts overlap across callers.
                const calls = Array.from({ length: 30 }, (_, c) => h.record(Array.from({ length: 10 }, (_, j) => rec(`ACC${(c * 7 + j) % 50}`, days[c % 3], c * 10 + j)), { source: 'test' }));
                const results = await Promise.all(calls);
                const written = new Map();
                for (let c = 0; c < 30; c++) {
                    for (let j = 0; j < 10; j++) {
                        const byDay = written.get(`ACC${(c * 7 + j) % 50}`) ?? new Map();
                        written.set(`ACC${(c * 7 + j) % 50}`, byDay);
                        byDay.set(days[c % 3], (byDay.get(days[c % 3]) ?? new Set()).add(c * 10 + j));
                    }
                }
                // Whatever the interleaving, the store holds one of the writes of each account's latest day.
                const accounts = [...written.keys()].sort();
                const latest = await h.previous(accounts);
                accounts.forEach((a, i) => {
                    const lastDay = [...written.get(a).keys()].sort().at(-1);
                    assert.equal(latest[i].as_of, lastDay, a);
                    assert.ok(written.get(a).get(lastDay).has(latest[i].score), a);
                });
                // Every previous handed out is strictly earlier than its record, and was really written.
                results.forEach((r, c) => {
                    assert.equal(r.length, 10);
                    r.forEach((p) => assert.ok(p === null || (p.as_of < days[c % 3] && written.get(p.account_id).get(p.as_of).has(p.score))));
                });
            }
            finally {
                await h.close();
            }
        });
        test('an alert event is claimed exactly once, even by racing callers', async () => {
            const h = await backend.open();
            try {
                const ev = (id) => ({
                    event_id: id,
                    account_id: 'A',
                    as_of: '2024-01-31',
                    kind: 'band_change',
                    payload: JSON.stringify({ id }),
                });
                const races = await Promise.all(Array.from({ length: 12 }, (_, i) => h.claim([ev('e1'), ev(`e${2 + (i % 3)}`), ev('e1')])));
                const wins = new Map();
                for (const won of races)
                    for (const id of won)
                        wins.set(id, (wins.get(id) ?? 0) + 1);
                assert.deepEqual([...wins.entries()].sort(), [
                    ['e1', 1],
                    ['e2', 1],
                    ['e3', 1],
                    ['e4', 1],
                ]);
                await h.finish('e1', 'sent', 3);
                const rows = await h.alerts();
                assert.deepEqual(rows.find((r) => r.event_id === 'e1'), { event_id: 'e1', account_id: 'A', as_of: '2024-01-31', kind: 'band_change', status: 'sent', attempts: 3 });
                assert.equal(rows.length, 4);
            }
            finally {
                await h.close();
            }
        });
        test('withScoreChanges gives a multi-snapshot run the same answers whatever the chunking', async () => {
            const rows = [];
            for (let a = 0; a < 20; a++)
                for (const [m, d] of [
                    ['03', '31'],
                    ['01', '31'],
                    ['02', '29'],
                ])
                    rows.push(rec(`A${a}`, `2024-${m}-${d}`, (a * 13 + Number(m) * 17) % 100));
            const h1 = await backend.open();
            const h2 = await backend.open();
            try {
                const whole = await withScoreChanges(h1, rows);
                const chunked = await withScoreChanges(h2, rows, { chunkSize: 7 });
                assert.deepEqual(chunked, whole);
                rows.forEach((r, i) => {
                    const earlier = rows
                        .filter((x) => x.account_id === r.account_id && x.as_of < r.as_of)
                        .sort((x, y) => (x.as_of < y.as_of ? 1 : -1))[0];
                    assert.equal(whole[i].score_change, earlier ? Math.round((r.score - earlier.score) * 1e6) / 1e6 : null);
                });
            }
            finally {
                await h1.close();
                await h2.close();
            }
        });
    });
}
test('DuckDB: the history survives a restart; a second process gets a clear error', async () => {
    const path = join(tmp.dir, 'persist.duckdb');
    const h = await openScoreHistory(path);
    await h.record([rec('A', '2024-01-31', 77)]);
    const other = spawnSync(process.execPath, [
        '--input-type=module',
        '-e',
        `
    const { openScoreHistory } = await import(${JSON.stringify(join(repoRoot, 'dist/src/history/index.js'))});
    try { await openScoreHistory(${JSON.stringify(path)}); console.log('opened'); } catch (e) { console.log(e.message); }
  `,
    ], { encoding: 'utf8' });
    assert.match(other.stdout, /open in another process.*postgres:\/\//);
    await h.close();
    const again = await openScoreHistory(path);
    try {
        assert.equal((await again.previous(['A']))[0].score, 77);
    }
    finally {
        await again.close();
    }
});
test('PostgreSQL: several processes share one history safely (separate pools, racing schema creation and writes)', async () => {
    const url = await pg.createDatabase('shared');
    const stores = await Promise.all([openScoreHistory(url), openScoreHistory(url), openScoreHistory(url)]);
    try {
        await Promise.all(stores.map((s, k) => s.record(Array.from({ length: 200 }, (_, i) => rec(`S${i}`, '2024-01-31', (i + k) % 100)))));
        const claims = await Promise.all(stores.map((s) => s.claim([{ event_id: 'shared-1', account_id: 'S1', as_of: '2024-01-31', kind: 'escalate', payload: '{}' }])));
        assert.equal(claims.reduce((n, c) => n + c.size, 0), 1, 'one winner across processes');
        const prev = await stores[0].previous(Array.from({ length: 200 }, (_, i) => `S${i}`));
        assert.ok(prev.every((p) => p !== null && p.as_of === '2024-01-31'));
    }
    finally {
        await Promise.all(stores.map((s) => s.close()));
    }
});
test('PostgreSQL: an unreachable server is a clear error without the password', async () => {
    await assert.rejects(openScoreHistory(`postgres://u:secret@127.0.0.1:1/db`), (err) => {
        assert.match(err.message, /score history postgres:\/\/u:\*\*\*@127\.0\.0\.1:1\/db/);
        assert.doesNotMatch(err.message, /secret/);
        return true;
    });
});
for (const backend of ['DuckDB', 'PostgreSQL']) {
    test(`the service reports score_change from a ${backend} history`, async () => {
        const target = backend === 'DuckDB' ? join(tmp.dir, 'svc.duckdb') : await pg.createSchema('svc');
        const svc = await startService({ scorecard: 'default', history: target });
        try {
            const healthy = {
                account_id: 'A',
                as_of: '2024-05-31',
                usage_trend_14d: 0.5,
                login_frequency_change_14d: 0.1,
                license_utilization: 0.9,
                support_ticket_trend_30d: 0,
                days_since_last_csm_interaction: 5,
                nps_trend: 1,
            };
            const first = (await post(svc.base, '/v1/score?exact=true', healthy)).body;
            assert.equal(first.score_change, null);
            const second = (await post(svc.base, '/v1/score?exact=true', { ...healthy, as_of: '2024-06-30', zero_usage_14d: true })).body;
            assert.equal(second.score, 10);
            assert.equal(second.score_change, Math.round((10 - first.score) * 1e6) / 1e6);
            assert.deepEqual(second.previous, { as_of: '2024-05-31', score: first.score, band: first.band });
            const batch = (await post(svc.base, '/v1/score/batch', {
                as_of: '2024-07-31',
                accounts: [
                    { ...healthy, as_of: undefined },
                    { ...healthy, account_id: 'NEW', as_of: undefined },
                ],
            })).body.results;
            assert.equal(batch[0].previous.as_of, '2024-06-30');
            assert.equal(batch[1].previous, null);
            assert.equal((await svc.app.churnkit.history.previous(['A']))[0].as_of, '2024-07-31');
        }
        finally {
            await svc.close();
        }
    });
}
//# sourceMappingURL=history.test.js.map