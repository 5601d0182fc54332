import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ApiKeys, presentedKey } from '../../src/serve/index.js';
import { UsageError } from '../../src/util/errors.js';
import { tempDir } from '../support/paths.js';
import { get, post, startService } from './support.js';
const KEY_A = 'ck_live_7f3a9c2e5b1d4f60a8e2';
const KEY_B = 'ck_live_second-key-for-rotation';
let svc;
let tmp;
let keyFile;
before(async () => {
    tmp = await tempDir('churnkit-serve-auth-');
    keyFile = join(tmp.dir, 'keys.txt');
    await writeFile(keyFile, `# CRM integration\n${KEY_A}\n\n  ${KEY_B}  \n`);
    svc = await startService({ scorecard: 'default', apiKeys: keyFile });
});
after(async () => {
    await svc.close();
    await tmp.cleanup();
});
const body = { account_id: 'A', as_of: '2024-06-30' };
test('no key is a 401 with a WWW-Authenticate challenge', async () => {
    const r = await post(svc.base, '/v1/score', body);
    assert.equal(r.status, 401);
    assert.equal(r.body.code, 'unauthorized');
    assert.match(r.headers.get('www-authenticate') ?? '', /^Bearer/);
});
test('a wrong key is a 403', async () => {
    for (const headers of [
        { authorization: 'Bearer nope' },
        { 'x-api-key': `${KEY_A}x` },
        { authorization: `Bearer ${KEY_A.slice(0, -1)}` },
    ]) {
        const r = await post(svc.base, '/v1/score', body, headers);
        assert.equal(r.status, 403, JSON.stringify(headers));
        assert.equal(r.body.code, 'forbidden');
    }
});
test('every key in the file is accepted, as Bearer or X-API-Key', async () => {
    for (const headers of [
        { authorization: `Bearer ${KEY_A}` },
        { authorization: `bearer ${KEY_B}` },
        { 'x-api-key': KEY_A },
    ]) {
        const r = await post(svc.base, '/v1/score', body, headers);
        assert.equal(r.status, 200, JSON.stringify(headers));
    }
    const batch = await post(svc.base, '/v1/score/batch', { accounts: [body] }, { 'x-api-key': KEY_B });
    assert.equal(batch.status, 200);
});
test('the key check runs before the body is looked at', async () => {
    const r = await post(svc.base, '/v1/score', '{not json', { 'content-type': 'application/json' });
    assert.equal(r.status, 401);
});
test('model and metrics need a key; healthz and the OpenAPI document do not', async () => {
    assert.equal((await get(svc.base, '/v1/model')).status, 401);
    assert.equal((await get(svc.base, '/metrics')).status, 401);
    assert.equal((await get(svc.base, '/metrics', { authorization: `Bearer ${KEY_A}` })).status, 200);
    assert.equal((await get(svc.base, '/healthz')).status, 200);
    const doc = await get(svc.base, '/openapi.json');
    assert.equal(doc.status, 200);
    assert.ok(doc.body.components.securitySchemes.bearer);
    assert.deepEqual(doc.body.paths['/v1/score'].post.security, [{ bearer: [] }, { apiKeyHeader: [] }]);
});
test('rotating keys: reloadKeys() picks up the file, the removed key stops working', async () => {
    await writeFile(keyFile, `${KEY_B}\n`);
    await svc.app.churnkit.reloadKeys();
    assert.equal((await post(svc.base, '/v1/score', body, { authorization: `Bearer ${KEY_A}` })).status, 403);
    assert.equal((await post(svc.base, '/v1/score', body, { authorization: `Bearer ${KEY_B}` })).status, 200);
    await writeFile(keyFile, `${KEY_A}\n${KEY_B}\n`);
    await svc.app.churnkit.reloadKeys();
});
test('a key file without keys is a usage error, not an open service', async () => {
    assert.throws(() => ApiKeys.parse('# nothing here\n\n'), UsageError);
    const empty = join(tmp.dir, 'empty.txt');
    await writeFile(empty, '\n');
    await assert.rejects(startService({ scorecard: 'default', apiKeys: empty }), /holds no keys/);
    await assert.rejects(startService({ scorecard: 'default', apiKeys: join(tmp.dir, 'missing.txt') }), /cannot read/);
});
test('ApiKeys compares whole keys only', () => {
    const keys = ApiKeys.parse('alpha\nbeta-key\n');
    assert.equal(keys.size, 2);
    assert.ok(keys.accepts('alpha'));
    assert.ok(keys.accepts('beta-key'));
    for (const k of ['alph', 'alphaa', 'beta', '', 'ALPHA'])
        assert.ok(!keys.accepts(k), k);
    assert.equal(presentedKey({ authorization: 'Basic abc' }), null);
    assert.equal(presentedKey({ authorization: 'Bearer  k1 ' }), 'k1');
    assert.equal(presentedKey({ 'x-api-key': 'k2' }), 'k2');
    assert.equal(presentedKey({}), null);
});
//# sourceMappingURL=auth.test.js.map