import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { openDuckDB } from '../../src/data/duckdb.js';
import { Rng } from '../../src/util/rng.js';
import { cliPath, tempDir } from '../support/paths.js';
/**
 * The case of issue 16: Salesforce, Segment, Zendesk and Qualtrics exports of 350 accounts in
 * one folder, as the tools write them: amounts as currency strings, 40% of events with only a
 * userId (the account from the group calls), "Integration Connected" events among the product
 * events, a test account, Zendesk tickets linked by organization id with "escalated vip" tags,
 * and Qualtrics' two metadata rows and local times. `churnkit init` then `churnkit features`,
 * with no script and no hand edit.
 */
const DAY = 86_400_000;
const iso = (ms) => new Date(ms).toISOString().replace('.000Z', 'Z');
async function writeExports(dir) {
    const rng = new Rng(350);
    const start = Date.UTC(2023, 0, 1);
    const end = Date.UTC(2024, 5, 30);
    const acc = ['Id,Name,Type,CreatedDate'];
    const opp = ['Id,AccountId,Name,StageName,Amount,CloseDate,IsWon,IsClosed,Type,CreatedDate'];
    const tracks = [];
    const groups = [];
    const orgs = [];
    const tickets = [];
    const nps = [
        'StartDate,EndDate,Status,Progress,Finished,RecordedDate,ResponseId,ExternalReference,Q1_NPS_GROUP,Q1',
        '"Start Date","End Date","Response Type","Progress","Finished","Recorded Date","Response ID","External Data Reference","How likely - Group","How likely are you to recommend us?"',
        '"{""ImportId"":""startDate"",""timeZone"":""America/Denver""}","{""ImportId"":""endDate"",""timeZone"":""America/Denver""}","{""ImportId"":""status""}","{""ImportId"":""progress""}","{""ImportId"":""finished""}","{""ImportId"":""recordedDate"",""timeZone"":""America/Denver""}","{""ImportId"":""_recordId""}","{""ImportId"":""externalDataReference""}","{""ImportId"":""QID1_NPS_GROUP""}","{""ImportId"":""QID1""}"',
    ];
    const n = 350;
    for (let a = 0; a < n; a++) {
        const id = `0015g0000${String(a).padStart(5, '0')}AAA`;
        const created = start + rng.int(120) * DAY;
        const name = a === 7 ? 'TEST account (sandbox)' : `Customer ${a}`;
        acc.push(`${id},${name},Customer,${iso(created)}`);
        const arr = 1000 * (5 + rng.int(95));
        opp.push(`006${id},${id},${name} new,Closed Won,"$${arr.toLocaleString('en-US')}.00",${iso(created).slice(0, 10)},true,true,New Business,${iso(created)}`);
        orgs.push(JSON.stringify({ id: 360000 + a, name, external_id: id, created_at: iso(created) }));
        const users = [0, 1, 2].map((u) => `u${a}-${u}`);
        for (const u of users)
            groups.push(JSON.stringify({ type: 'group', userId: u, groupId: id, timestamp: iso(created) }));
        const fades = rng.bernoulli(0.25);
        const stop = fades ? created + (150 + rng.int(200)) * DAY : end;
        for (let t = created + DAY; t < Math.min(stop, end); t += (1 + rng.int(5)) * DAY) {
            const user = users[rng.int(3)];
            const event = rng.bernoulli(0.4)
                ? 'Signed In'
                : ['Report Exported', 'Dashboard Viewed', 'Alert Created'][rng.int(3)];
            const context = rng.bernoulli(0.6) ? { groupId: id } : {};
            tracks.push(JSON.stringify({
                type: 'track',
                event,
                userId: user,
                timestamp: iso(t + rng.int(DAY)),
                context,
                properties: {},
            }));
        }
        if (rng.bernoulli(0.5))
            tracks.push(JSON.stringify({
                type: 'track',
                event: 'Integration Connected',
                userId: users[0],
                timestamp: iso(created + 20 * DAY),
                context: { groupId: id },
                properties: { integration: 'Slack' },
            }));
        for (let t = created + 30 * DAY; t < Math.min(stop, end); t += (20 + rng.int(60)) * DAY) {
            const urgent = fades && rng.bernoulli(0.4);
            tickets.push(JSON.stringify({
                id: tickets.length + 1,
                created_at: iso(t),
                updated_at: iso(t + 2 * DAY),
                priority: urgent ? 'urgent' : 'normal',
                status: 'solved',
                organization_id: 360000 + a,
                tags: urgent ? ['escalated', 'vip'] : ['question'],
            }));
        }
        for (let t = created + 60 * DAY; t < Math.min(stop, end); t += 120 * DAY) {
            const score = fades ? rng.int(7) : 6 + rng.int(5);
            const local = new Date(t - 7 * 3600_000).toISOString().slice(0, 19).replace('T', ' ');
            nps.push(`${local},${local},IP Address,100,True,${local},R_${a}_${t},${id},${score >= 9 ? 'Promoter' : score >= 7 ? 'Passive' : 'Detractor'},${score}`);
        }
    }
    await writeFile(join(dir, 'Account.csv'), `${acc.join('\n')}\n`);
    await writeFile(join(dir, 'Opportunity.csv'), `${opp.join('\n')}\n`);
    await writeFile(join(dir, 'tracks.jsonl'), `${tracks.join('\n')}\n`);
    await writeFile(join(dir, 'groups.jsonl'), `${groups.join('\n')}\n`);
    await writeFile(join(dir, 'organizations.json'), `${orgs.join('\n')}\n`);
    await writeFile(join(dir, 'tickets.json'), `${tickets.join('\n')}\n`);
    await writeFile(join(dir, 'Qualtrics NPS.csv'), `${nps.join('\n')}\n`);
    return { accounts: n };
}
const cli = (args) => spawnSync(process.execPath, [cliPath, ...args], { encoding: 'utf8' });
test('Salesforce + Segment + Zendesk + Qualtrics exports of 350 accounts: churnkit init, then churnkit features, no script', async () => {
    const { dir, cleanup } = await tempDir('churnkit-mixed-');
    try {
        const { accounts } = await writeExports(dir);
        const init = cli(['init', '--data', dir, '--json']);
        assert.equal(init.status, 0, init.stderr);
        const summary = JSON.parse(init.stdout);
        assert.deepEqual(summary.tables.sort(), ['accounts', 'contracts', 'integrations', 'nps', 'tickets', 'usage']);
        assert.deepEqual(summary.lookups.sort(), ['organizations_external_id', 'segment_groups']);
        const draft = await readFile(join(dir, 'churnkit.config.json'), 'utf8');
        assert.match(draft, /NOTE tables\.accounts\.where: accounts named test or sandbox are left out/);
        // a second init does not overwrite the (perhaps edited) mapping without --force
        const again = cli(['init', '--data', dir]);
        assert.equal(again.status, 2);
        assert.match(again.stderr, /churnkit\.config\.json exists; pass --force to replace it/);
        assert.equal(await readFile(join(dir, 'churnkit.config.json'), 'utf8'), draft);
        const out = join(dir, 'features.parquet');
        const features = cli(['features', '--data', dir, '--out', out, '--json']);
        assert.equal(features.status, 0, features.stderr);
        const db = await openDuckDB();
        try {
            const [row] = (await db.connection.runAndReadAll(`SELECT count(DISTINCT account_id) AS accounts, count(days_since_last_integration_added) AS integrations,
                  count(*) FILTER (WHERE active_escalation) AS escalations, count(nps_trend) AS nps,
                  count(annual_value) AS valued, max(annual_value) AS top
           FROM read_parquet('${out}')`)).getRowObjectsJS();
            assert.equal(Number(row['accounts']), accounts - 1, 'every account but the test one');
            for (const k of ['integrations', 'escalations', 'nps', 'valued'])
                assert.ok(Number(row[k]) > 0, k);
            assert.ok(Number(row['top']) >= 5000 && Number(row['top']) <= 99000, `ARR read from currency strings: ${row['top']}`);
        }
        finally {
            db.close();
        }
    }
    finally {
        await cleanup();
    }
});
//# sourceMappingURL=exports-mixed.test.js.map