import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { DEFAULT_SCORECARD_PATH } from '../../src/scorecard/index.js';
import { writeFileAtomic } from '../../src/util/atomic.js';
import { tempDir } from '../support/paths.js';
import { eventually, get, parseMetrics, post, startService } from './support.js';
/** An account the default card scores GREEN (well above 70) with a strict card YELLOW. */
const probe = {
    account_id: 'PROBE',
    as_of: '2024-06-30',
    usage_trend_14d: 0.5,
    login_frequency_change_14d: 0.4,
    license_utilization: 0.9,
    support_ticket_trend_30d: -0.5,
    days_since_last_csm_interaction: 45,
    champion_engagement_change_30d: 0.3,
    nps_trend: 2,
};
async function cards(dir) {
    const text = await readFile(DEFAULT_SCORECARD_PATH, 'utf8');
    const json = JSON.parse(text);
    delete json.$schema;
    const strict = structuredClone(json);
    strict.bands.green = 98; // the probe scores 96.6
    strict.bands.yellow = 60;
    const badWeights = structuredClone(json);
    badWeights.layers[0].weight = 0.9;
    const path = join(dir, 'scorecard.json');
    await writeFile(path, JSON.stringify(json, null, 2));
    return {
        path,
        normal: JSON.stringify(json, null, 2),
        strict: JSON.stringify(strict, null, 2),
        badWeights: JSON.stringify(badWeights, null, 2),
    };
}
const metric = async (base, name) => parseMetrics((await get(base, '/metrics')).text).get(name) ?? 0;
test('reload(): a new file swaps in; broken files are refused and the old card keeps serving', async () => {
    const tmp = await tempDir('churnkit-serve-reload-');
    const c = await cards(tmp.dir);
    const svc = await startService({ scorecard: c.path });
    try {
        const first = (await get(svc.base, '/v1/model')).body.fingerprint;
        assert.equal((await post(svc.base, '/v1/score', probe)).body.band, 'GREEN');
        await writeFileAtomic(c.path, c.strict);
        const ok = await svc.app.churnkit.reload('test');
        assert.deepEqual(ok, { ok: true, changed: true });
        assert.equal((await post(svc.base, '/v1/score', probe)).body.band, 'YELLOW');
        const second = (await get(svc.base, '/v1/model')).body.fingerprint;
        assert.notEqual(second, first);
        for (const [what, content] of [
            ['truncated JSON', c.normal.slice(0, 200)],
            ['weights not summing to 1', c.badWeights],
            ['not a scorecard', '{"kind":"something else"}'],
        ]) {
            await writeFileAtomic(c.path, content);
            const refused = await svc.app.churnkit.reload('test');
            assert.equal(refused.ok, false, what);
            assert.match(refused.error ?? '', /scorecard/, what);
            assert.equal((await post(svc.base, '/v1/score', probe)).body.band, 'YELLOW', `${what}: the old card keeps serving`);
            assert.equal((await get(svc.base, '/v1/model')).body.fingerprint, second);
        }
        await rm(c.path);
        assert.equal((await svc.app.churnkit.reload('test')).ok, false, 'a deleted file is refused too');
        const model = (await get(svc.base, '/v1/model')).body;
        assert.equal(model.reloads.ok, 1);
        assert.equal(model.reloads.refused, 4);
        assert.match(model.reloads.last_error, /cannot read/);
        assert.equal(await metric(svc.base, 'churnkit_scorecard_reloads_total{result="ok"}'), 1);
        assert.equal(await metric(svc.base, 'churnkit_scorecard_reloads_total{result="refused"}'), 4);
        assert.equal(await metric(svc.base, `churnkit_scorecard_info{fingerprint="${second}",source="scorecard.json"}`), 1);
        await writeFileAtomic(c.path, c.strict);
        assert.deepEqual(await svc.app.churnkit.reload('test'), { ok: true, changed: false }, 'the same bytes again: nothing to swap');
    }
    finally {
        await svc.close();
        await tmp.cleanup();
    }
});
test('a file change reloads by itself (atomic rename and in-place write); a broken write is refused', async () => {
    const tmp = await tempDir('churnkit-serve-watch-');
    const c = await cards(tmp.dir);
    const svc = await startService({ scorecard: c.path, watch: true, watchDebounceMs: 50 });
    try {
        const band = async () => (await post(svc.base, '/v1/score', probe)).body.band;
        assert.equal(await band(), 'GREEN');
        await writeFileAtomic(c.path, c.strict);
        await eventually('the strict card to serve after an atomic replace', async () => (await band()) === 'YELLOW' ? true : undefined);
        await writeFile(c.path, c.normal);
        await eventually('the normal card to serve after an in-place write', async () => (await band()) === 'GREEN' ? true : undefined);
        await writeFile(c.path, '{ "kind": "churnkit.scorecard", ');
        await eventually('the broken write to be refused', async () => (await metric(svc.base, 'churnkit_scorecard_reloads_total{result="refused"}')) >= 1 ? true : undefined);
        assert.equal(await band(), 'GREEN', 'the old card keeps serving');
        // A neighbour file changing does not reload anything.
        const before = await metric(svc.base, 'churnkit_scorecard_reloads_total{result="ok"}');
        await writeFile(join(tmp.dir, 'notes.txt'), 'hello');
        await new Promise((r) => setTimeout(r, 200));
        assert.equal(await metric(svc.base, 'churnkit_scorecard_reloads_total{result="ok"}'), before);
    }
    finally {
        await svc.close();
        await tmp.cleanup();
    }
});
test('requests during reloads all succeed, each scored wholly by one card', async () => {
    const tmp = await tempDir('churnkit-serve-swap-');
    const c = await cards(tmp.dir);
    const svc = await startService({ scorecard: c.path });
    try {
        let stop = false;
        const flipper = (async () => {
            for (let i = 0; !stop; i++) {
                await writeFileAtomic(c.path, i % 3 === 2 ? '{broken' : i % 2 ? c.strict : c.normal);
                await svc.app.churnkit.reload('test');
            }
        })();
        const bands = new Set();
        const work = Array.from({ length: 8 }, async () => {
            for (let i = 0; i < 15; i++) {
                const r = await post(svc.base, '/v1/score/batch', { accounts: [probe, { ...probe, account_id: 'PROBE2' }] });
                assert.equal(r.status, 200, r.text);
                const [a, b] = r.body.results;
                assert.equal(a.band, b.band, 'one request, one scorecard');
                bands.add(a.band);
            }
        });
        await Promise.all(work);
        stop = true;
        await flipper;
        assert.deepEqual([...bands].sort(), ['GREEN', 'YELLOW'], 'both cards served during the run');
    }
    finally {
        await svc.close();
        await tmp.cleanup();
    }
});
test('a service refuses to start on a broken scorecard', async () => {
    const tmp = await tempDir('churnkit-serve-broken-');
    try {
        const path = join(tmp.dir, 'card.json');
        await writeFile(path, '{"kind":"churnkit.scorecard","version":1}');
        await assert.rejects(startService({ scorecard: path }), /scorecard/);
        await assert.rejects(startService({ scorecard: join(tmp.dir, 'missing.json') }), /cannot read/);
    }
    finally {
        await tmp.cleanup();
    }
});
//# sourceMappingURL=reload.test.js.map