import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import { startPostgres } from '../support/postgres.js';

async function query(url: string, sql: string): Promise<Record<string, unknown>[]> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5000 });
  await client.connect();
  try {
    return (await client.query(sql)).rows;
  } finally {
    await client.end();
  }
}

test('test/support/postgres: two clusters side by side, a database and a schema each, stop() removes everything', async () => {
  const [first, second] = await Promise.all([startPostgres(), startPostgres()]);
  try {
    assert.notEqual(second.port, first.port);
    const db = await first.createDatabase('probe');
    assert.match(String((await query(db, "SELECT current_setting('server_version') AS v"))[0]!['v']), /^\d+/);
    assert.equal((await query(db, 'SELECT current_database() AS d'))[0]!['d'], 'probe');
    const schema = await second.createSchema('probe_schema');
    await query(schema, 'CREATE TABLE t (x int)');
    assert.deepEqual(
      await query(second.url, "SELECT table_schema FROM information_schema.tables WHERE table_name = 't'"),
      [{ table_schema: 'probe_schema' }],
    );
    await assert.rejects(second.createDatabase('bad-name'), /letters, digits and underscores/);
    await assert.rejects(second.createSchema('x; DROP'), /letters, digits and underscores/);
  } finally {
    await first.stop();
    await second.stop();
  }
  await second.stop(); // twice is fine
  assert.equal(existsSync(first.dir), false);
  assert.equal(existsSync(second.dir), false);
  await assert.rejects(query(first.url, 'SELECT 1'), 'the server is gone');
});

test('test/support/postgres: restart() keeps the data and the settings and gives the server the environment asked for', async () => {
  const cluster = await startPostgres({ settings: { work_mem: '7MB' }, env: { CHURNKIT_PROBE: 'at-start' } });
  // the server's environment as /proc shows it for the postmaster (backends write their status
  // over theirs); its pid is the first line of postmaster.pid (the server runs as us, or we are root)
  const probe = () => {
    const pid = readFileSync(join(cluster.dir, 'data', 'postmaster.pid'), 'utf8').split('\n')[0];
    const env = readFileSync(`/proc/${pid}/environ`, 'utf8').split('\0');
    return env.find((e) => e.startsWith('CHURNKIT_PROBE=')) ?? null;
  };
  try {
    const url = await cluster.createSchema('kept');
    await query(url, 'CREATE TABLE t AS SELECT 42 AS x');
    assert.equal(probe(), 'CHURNKIT_PROBE=at-start');
    await cluster.restart({ CHURNKIT_PROBE: 'restarted' });
    assert.equal(probe(), 'CHURNKIT_PROBE=restarted');
    assert.deepEqual(await query(url, 'SELECT x FROM t'), [{ x: 42 }]);
    assert.deepEqual(await query(url, 'SHOW work_mem'), [{ work_mem: '7MB' }]);
    await cluster.restart();
    assert.equal(probe(), null);
  } finally {
    await cluster.stop();
  }
});
