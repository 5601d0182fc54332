import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import pg from 'pg';
import { startPostgres } from '../support/postgres.js';
async function query(url, sql) {
    const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5000 });
    await client.connect();
    try {
        return (await client.query(sql)).rows;
    }
    finally {
        await client.end();
    }
}
test('test/support/postgres: two clusters side by side, a database and a schema each, stop() removes everything', async () => {
    const [first, second] = await Promise.all([startPostgres(), startPostgres()]);
    try {
        assert.notEqual(second.port, first.port);
        const db = await first.createDatabase('probe');
        assert.match(String((await query(db, "SELECT current_setting('server_version') AS v"))[0]['v']), /^\d+/);
        assert.equal((await query(db, 'SELECT current_database() AS d'))[0]['d'], 'probe');
        const schema = await second.createSchema('probe_schema');
        await query(schema, 'CREATE TABLE t (x int)');
        assert.deepEqual(await query(second.url, "SELECT table_schema FROM information_schema.tables WHERE table_name = 't'"), [{ table_schema: 'probe_schema' }]);
        await assert.rejects(second.createDatabase('bad-name'), /letters, digits and underscores/);
        await assert.rejects(second.createSchema('x; DROP'), /letters, digits and underscores/);
    }
    finally {
        await first.stop();
        await second.stop();
    }
    await second.stop(); // twice is fine
    assert.equal(existsSync(first.dir), false);
    assert.equal(existsSync(second.dir), false);
    await assert.rejects(query(first.url, 'SELECT 1'), 'the server is gone');
});
//# sourceMappingURL=postgres-helper.test.js.map