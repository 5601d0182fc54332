/**
 * Data coverage on a hand-made history whose usage data starts 17 months after the first account
 * (an analytics tool adopted late) and whose ticket system stops seven months before the end:
 * where each source starts and ends, how many snapshot rows fall outside it, the warnings, and
 * `--from`, which changes which rows exist and never a feature's value.
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { openHistory } from '../../src/data/history.js';
import { queryRows } from '../../src/data/duckdb.js';
import { buildFeatures, dataCoverage, rowsByAsOf } from '../../src/features/index.js';
import { TABLE_NAMES } from '../../src/data/contract.js';
import { addDays, addMonths } from '../../src/util/index.js';
import { cliPath, tempDir } from '../support/paths.js';
const ACCOUNTS = [
    ['A1', '2022-01-15', null],
    ['A2', '2022-03-10', null],
    ['A3', '2022-08-01', '2023-03-15'],
    ['A4', '2023-02-01', null],
    ['A5', '2023-05-20', '2023-11-15'],
    ['A6', '2023-07-01', null],
];
const USAGE_FROM = '2023-06-01';
const LAST_DAY = '2023-12-31';
/** Usage every other day from 2023-06-01: the last is 2023-12-30, which is data_end. */
const LAST_USAGE = '2023-12-30';
const TICKETS_UNTIL = '2023-05-31';
const activeOn = (day, started, churned) => started <= day && (churned === null || day < churned);
/** Usage every other day from USAGE_FROM, a ticket on each 10th until TICKETS_UNTIL, a champion email each 20th. */
async function writeHistory(dir) {
    const accounts = ['account_id,name,segment,started_at,churned_at,seats'];
    const usage = ['account_id,occurred_at,user_id,event,quantity'];
    const tickets = ['account_id,ticket_id,opened_at,closed_at,severity,sentiment,escalated'];
    const contacts = ['account_id,contact_id,role,started_at,ended_at'];
    const interactions = ['account_id,occurred_at,contact_id,kind'];
    for (const [id, started, churned] of ACCOUNTS) {
        accounts.push(`${id},${id} Inc,smb,${started},${churned ?? ''},5`);
        contacts.push(`${id},${id}-C1,champion,${started},`);
        for (let day = USAGE_FROM; day <= LAST_DAY; day = addDays(day, 2)) {
            if (!activeOn(day, started, churned))
                continue;
            usage.push(`${id},${day}T10:00:00Z,${id}-U1,login,1`, `${id},${day}T10:05:00Z,${id}-U1,reports,3`);
        }
        for (let month = '2022-01-01'; month <= LAST_DAY; month = addMonths(month, 1)) {
            const tenth = addDays(month, 9);
            if (tenth <= TICKETS_UNTIL && activeOn(tenth, started, churned))
                tickets.push(`${id},${id}-T${tenth},${tenth}T09:00:00Z,${tenth}T17:00:00Z,low,neutral,false`);
            const twentieth = addDays(month, 19);
            if (activeOn(twentieth, started, churned))
                interactions.push(`${id},${twentieth}T11:00:00Z,${id}-C1,email_reply`);
        }
    }
    for (const [name, lines] of Object.entries({ accounts, usage, tickets, contacts, interactions }))
        await writeFile(join(dir, `${name}.csv`), `${lines.join('\n')}\n`);
}
/** Snapshot rows per as-of date, counted independently of the SQL: accounts with started_at < T < churned_at. */
function expectedRows(asOf) {
    return new Map(asOf.map((t) => [t, ACCOUNTS.filter(([, s, c]) => s < t && (c === null || c > t)).length]));
}
let work;
let coverage;
const months = (from, to) => {
    const out = [];
    for (let d = from; d <= to; d = addMonths(d, 1))
        out.push(d);
    return out;
};
const sum = (m, keep) => [...m].filter(([d]) => keep(d)).reduce((s, [, n]) => s + n, 0);
before(async () => {
    work = await tempDir('churnkit-coverage-');
    await writeHistory(work.dir);
    const h = await openHistory(work.dir);
    try {
        const built = await buildFeatures(h);
        coverage = dataCoverage(built.sources, await rowsByAsOf(h.connection, built.relation), built.dataEnd, TABLE_NAMES);
    }
    finally {
        h.close();
    }
});
after(() => work.cleanup());
test('each source: first and last record, rows outside it, late starts and early ends', () => {
    const asOf = months('2022-02-01', '2023-12-01');
    const rows = expectedRows(asOf);
    assert.equal(coverage.first_start, '2022-01-15');
    assert.equal(coverage.data_end, LAST_USAGE);
    assert.equal(coverage.rows, sum(rows, () => true));
    assert.deepEqual(coverage.absent, ['contracts', 'nps', 'integrations']);
    const by = Object.fromEntries(coverage.sources.map((s) => [s.table, s]));
    assert.deepEqual(Object.keys(by), ['usage', 'tickets', 'contacts', 'interactions']);
    const usage = by['usage'];
    assert.deepEqual([usage.first, usage.last, usage.starts_late, usage.ends_early], [USAGE_FROM, LAST_USAGE, true, false]);
    // Nothing of usage is visible at T <= 2023-06-01 (an event at t is visible iff t < T).
    assert.equal(usage.rows_before, sum(rows, (d) => d <= USAGE_FROM));
    assert.deepEqual(usage.as_of_before, { first: '2022-02-01', last: '2023-06-01' });
    // Usage windows reach 60 days back: covered from 2023-07-31, so 2023-07-01 is partial.
    assert.deepEqual(coverage.usage, {
        windows_days: 60,
        windows_covered_from: '2023-07-31',
        rows_partial: rows.get('2023-07-01'),
        suggested_from: '2023-08-01',
    });
    const tickets = by['tickets'];
    assert.deepEqual([tickets.first, tickets.last, tickets.starts_late, tickets.ends_early], ['2022-02-10', '2023-05-10', false, true]);
    assert.equal(tickets.rows_after, sum(rows, (d) => d > '2023-05-10'));
    assert.deepEqual(tickets.as_of_after, { first: '2023-06-01', last: '2023-12-01' });
    // The last champion was added 2023-07-01, but contacts are spans still in effect: not an early end.
    assert.deepEqual([by['contacts'].last, by['contacts'].ends_early, by['contacts'].rows_after], ['2023-07-01', false, 0]);
    assert.deepEqual([by['interactions'].starts_late, by['interactions'].ends_early], [false, false]);
    assert.equal(coverage.warnings.length, 2);
    assert.match(coverage.warnings[0], new RegExp(`^tickets ends 2023-05-10, 234 days before data_end 2023-12-30: ${tickets.rows_after} of ${coverage.rows} snapshot rows \\(as_of 2023-06-01 … 2023-12-01\\) are after its last record$`));
    assert.match(coverage.warnings[1], new RegExp(`^usage starts 2023-06-01, 502 days after the first account started \\(2022-01-15\\): ${usage.rows_before} of ${coverage.rows} snapshot rows \\(as_of 2022-02-01 … 2023-06-01\\) see no usage at all, so zero_usage_14d is true on every one of them: ${rows.get('2023-07-01')} more \\(to 2023-07-01\\) see only part of the 60-day usage windows\\. A model trained on them can learn zero usage as protective; --from 2023-08-01 starts where usage covers the windows$`));
});
test('--from starts the snapshots there and changes no feature of the rows it keeps', async () => {
    const h = await openHistory(work.dir);
    try {
        const full = await buildFeatures(h, { relation: 'full' });
        const from = await buildFeatures(h, { from: '2023-07-15', relation: 'trimmed' });
        assert.deepEqual(from.asOf, months('2023-08-01', '2023-12-01'));
        assert.equal(from.dataEnd, full.dataEnd);
        const rows = (relation) => queryRows(h.connection, `SELECT * REPLACE (strftime(as_of, '%Y-%m-%d') AS as_of) FROM "${relation}" WHERE as_of >= DATE '2023-08-01' ORDER BY as_of, account_id`);
        const kept = await rows('trimmed');
        assert.ok(kept.length > 10);
        assert.deepEqual(kept, await rows('full'));
        // The rows before usage begins keep their definition: no usage in the last 14 days.
        const [early] = await queryRows(h.connection, `SELECT BOOL_AND(zero_usage_14d) AS all_zero, COUNT(*) AS n FROM "full" WHERE as_of <= DATE '${USAGE_FROM}'`);
        const before = sum(expectedRows(months('2022-02-01', USAGE_FROM)), () => true);
        assert.deepEqual([early['all_zero'], Number(early['n'])], [true, before]);
        await assert.rejects(buildFeatures(h, { from: '2024-02-01', relation: 'none' }), /--from 2024-02-01: no as-of date is on or after it \(the last is 2023-12-01/);
        await assert.rejects(buildFeatures(h, { from: '2023-02-31', relation: 'none' }), /--from must be a date/);
    }
    finally {
        h.close();
    }
});
test('churnkit features: coverage in --json and the QA files, warnings with counts on stderr', async () => {
    const out = join(work.dir, 'features.parquet');
    const r = spawnSync(process.execPath, [cliPath, 'features', '--data', work.dir, '--out', out, '--json'], {
        encoding: 'utf8',
    });
    assert.equal(r.status, 0, r.stderr);
    const summary = JSON.parse(r.stdout);
    assert.deepEqual(summary.coverage, coverage);
    assert.deepEqual(JSON.parse(await readFile(`${out}.qa.json`, 'utf8')).coverage, coverage);
    const warnings = r.stderr.split('\n').filter((l) => l.startsWith('warning: '));
    assert.deepEqual(warnings.filter((w) => /usage starts|tickets ends/.test(w)), coverage.warnings.map((w) => `warning: ${w}`));
    const md = await readFile(`${out}.qa.md`, 'utf8');
    assert.match(md, /## Data coverage/);
    assert.match(md, /\| usage \| `occurred_at` \| \d+ \| 2023-06-01 \| 2023-12-30 \| \d+ \| 0 \| starts late \|/);
    assert.match(md, /Suggested: `--from 2023-08-01`/);
});
//# sourceMappingURL=coverage.test.js.map