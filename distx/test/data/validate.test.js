import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { validateHistory, formatValidationReport } from '../../src/data/validate.js';
import { formatIssue } from '../../src/data/issues.js';
import { ChurnkitError } from '../../src/util/errors.js';
import { cliPath, fixture } from '../support/paths.js';
import { goodCopy, listing, write } from './helpers.js';
/** Validates the good fixture after `breakIt` edits a copy of it. */
async function validateBroken(breakIt, maxExamples) {
    const { dir, cleanup } = await goodCopy();
    try {
        await breakIt(dir);
        return await validateHistory(dir, maxExamples ? { maxExamples } : {});
    }
    finally {
        await cleanup();
    }
}
function only(report, code) {
    const hits = report.issues.filter((i) => i.code === code);
    assert.equal(hits.length, 1, `one ${code} issue expected, got: ${report.issues.map(formatIssue).join(' | ')}`);
    return hits[0];
}
test('the good fixture meets the contract: no errors, no warnings, rows counted, data end from usage', async () => {
    const report = await validateHistory(fixture('data', 'good'));
    assert.deepEqual(report.issues, []);
    assert.equal(report.ok, true);
    assert.deepEqual(report.tables.map((t) => [t.table, t.rows]), [
        ['accounts', 4],
        ['contracts', 3],
        ['usage', 6],
        ['tickets', 5],
        ['contacts', 4],
        ['interactions', 4],
        ['nps', 3],
        ['integrations', 3],
    ]);
    assert.equal(report.dataEnd, '2024-03-31T20:00:00.25Z');
});
test('missing column: error naming table and column, with the columns found', async () => {
    const r = await validateBroken((d) => write(d, 'usage.csv', 'account_id,user_id,event\nA1,u1,login\n'));
    const i = only(r, 'missing_column');
    assert.deepEqual([i.severity, i.table, i.source, i.column], ['error', 'usage', 'usage.csv', 'occurred_at']);
    assert.equal(formatIssue(i).split(';')[0], 'table usage (usage.csv), column occurred_at: required column is missing (columns found: account_id, user_id, event)');
    assert.equal(r.ok, false);
});
test('bad dates and timestamps: every bad row, by data row number, with the value', async () => {
    const r = await validateBroken(async (d) => {
        await write(d, 'accounts.csv', 'account_id,started_at,churned_at\nA1,2022-01-15,\nA2,2022-02-30,\nA3,15/01/2022,\nA4,2023-01-01,never\n');
        await write(d, 'tickets.csv', 'account_id,ticket_id,opened_at\nA1,T1,2024-01-05T10:00:00Z\nA1,T2,yesterday\n');
    });
    const started = r.issues.filter((i) => i.code === 'bad_date' && i.column === 'started_at');
    assert.equal(started.length, 1);
    assert.equal(started[0].count, 2);
    assert.deepEqual(started[0].examples, [
        { row: 2, key: 'account_id=A2', value: '2022-02-30' },
        { row: 3, key: 'account_id=A3', value: '15/01/2022' },
    ]);
    assert.equal(formatIssue(only(r, 'bad_timestamp')).split(';')[0], 'table tickets (tickets.csv), row 2, ticket_id=T2, column opened_at: not a timestamp (expected ISO 8601, e.g. 2024-03-01T09:30:00Z): "yesterday"');
    assert.deepEqual(r.issues.filter((i) => i.code === 'bad_date' && i.column === 'churned_at').map((i) => i.examples), [[{ row: 4, key: 'account_id=A4', value: 'never' }]]);
});
test('text in a number column, a fraction in an integer column, a bad boolean', async () => {
    const r = await validateBroken(async (d) => {
        await write(d, 'usage.csv', 'account_id,occurred_at,event,quantity\nA1,2024-01-02T00:00:00Z,login,1\nA1,2024-01-02T00:00:00Z,login,three\nA1,2024-01-02T00:00:00Z,login,"1,5"\n');
        await write(d, 'nps.csv', 'account_id,responded_at,score\nA1,2024-01-12T10:00:00Z,7.5\nA1,2024-01-12T10:00:00Z,11\n');
        await write(d, 'tickets.csv', 'account_id,ticket_id,opened_at,escalated\nA1,T1,2024-01-05T10:00:00Z,Yes\nA1,T2,2024-01-05T10:00:00Z,maybe\n');
    });
    const q = only(r, 'bad_number');
    assert.deepEqual([q.table, q.column, q.count], ['usage', 'quantity', 2]);
    assert.deepEqual(q.examples.map((e) => [e.row, e.value]), [
        [2, 'three'],
        [3, '1,5'],
    ]);
    assert.deepEqual(only(r, 'bad_integer').examples, [{ row: 1, key: 'account_id=A1', value: '7.5' }]);
    const range = only(r, 'out_of_range');
    assert.deepEqual([range.column, range.message, range.examples[0].row], ['score', 'out of range (must be between 0 and 10)', 2]);
    assert.deepEqual(only(r, 'bad_boolean').examples, [{ row: 2, key: 'ticket_id=T2', value: 'maybe' }]);
});
test('duplicate account_id is an error listing each id with its rows; duplicate keys elsewhere are warnings', async () => {
    const r = await validateBroken(async (d) => {
        await write(d, 'accounts.csv', 'account_id,started_at\nA1,2022-01-15\nA2,2022-01-15\nA1,2022-02-01\nA3,2022-01-15\nA2,2022-01-15\nA1,2022-01-15\n');
        await write(d, 'tickets.csv', 'account_id,ticket_id,opened_at\nA1,T1,2024-01-05T10:00:00Z\nA1,T1,2024-01-06T10:00:00Z\n');
    });
    const dup = r.issues.find((i) => i.code === 'duplicate_key' && i.table === 'accounts');
    assert.equal(dup.severity, 'error');
    assert.equal(dup.count, 5);
    assert.deepEqual(dup.examples, [
        { key: 'account_id=A1', rows: [1, 3, 6] },
        { key: 'account_id=A2', rows: [2, 5] },
    ]);
    assert.equal(formatIssue(dup), 'table accounts (accounts.csv), column account_id: duplicate account_id (2 values on more than one row) in 5 rows: account_id=A1 (rows 1, 3, 6), account_id=A2 (rows 2, 5)');
    const t = r.issues.find((i) => i.code === 'duplicate_key' && i.table === 'tickets');
    assert.equal(t.severity, 'warning');
});
test('empty files: 0 bytes and header-only are errors for required tables; a header-only optional table is a warning', async () => {
    const zero = await validateBroken((d) => write(d, 'usage.csv', ''));
    const z = only(zero, 'empty_file');
    assert.deepEqual([z.severity, z.table, z.source], ['error', 'usage', 'usage.csv']);
    const header = await validateBroken(async (d) => {
        await write(d, 'accounts.csv', 'account_id,started_at\n');
        await write(d, 'nps.csv', 'account_id,responded_at,score\n');
    });
    const rows = header.issues.filter((i) => i.code === 'no_rows').map((i) => [i.table, i.severity]);
    assert.deepEqual(rows, [
        ['accounts', 'error'],
        ['nps', 'warning'],
    ]);
    // a 0-byte Parquet file too
    const pq = await validateBroken(async (d) => {
        await rm(join(d, 'usage.csv'));
        await write(d, 'usage.parquet', '');
    });
    assert.equal(only(pq, 'empty_file').source, 'usage.parquet');
});
test('wrong delimiter: a ;- or tab-delimited file read as one column is named, with the config that fixes it', async () => {
    const semi = await validateBroken((d) => write(d, 'accounts.csv', 'account_id;name;started_at\nA1;Acme, Inc;2022-01-15\n'));
    const i = only(semi, 'wrong_delimiter');
    assert.equal(i.table, 'accounts');
    assert.match(formatIssue(i), /the header "account_id;name;started_at" was read as one column with delimiter ","; the file looks ";"-delimited; set the delimiter in churnkit\.config\.json: \{"tables": \{"accounts": \{"csv": \{"delimiter": ";"\}\}\}\}/);
    const tab = await validateBroken((d) => write(d, 'usage.csv', 'account_id\toccurred_at\tevent\nA1\t2024-01-02\tlogin\n'));
    assert.match(formatIssue(only(tab, 'wrong_delimiter')), /looks tab-delimited; .*"delimiter": "\\t"/);
});
test("rows that do not split into the header's columns are reported by line, and the table's other checks wait", async () => {
    const r = await validateBroken((d) => write(d, 'accounts.csv', 'account_id,name,started_at\nA1,Acme,2022-01-15\nA2,Beta, Inc,2022-01-15\nA3,Gamma\nA4,Delta,not-a-date\n'));
    const i = only(r, 'malformed_rows');
    assert.equal(i.count, 2);
    assert.deepEqual(i.examples.map((e) => e.line), [3, 4]);
    assert.equal(r.issues.filter((x) => x.table === 'accounts' && x.code === 'bad_date').length, 0);
    assert.match(i.hint, /^check the delimiter and quoting/);
    // a file that is not UTF-8, even in a column no check reads
    const latin1 = await validateBroken((d) => writeFile(join(d, 'accounts.csv'), Buffer.from('account_id,name,started_at\r\nA1,Acme,2022-01-15\r\nA2,Caf\xe9,2022-01-15\r\n', 'latin1')));
    const enc = only(latin1, 'malformed_rows');
    assert.deepEqual(enc.examples.map((e) => e.line), [3]);
    assert.match(enc.hint, /^save the file as UTF-8/);
});
test("enums, required values, intervals: errors with the user's value and a hint to map it", async () => {
    const r = await validateBroken(async (d) => {
        await write(d, 'contacts.csv', 'account_id,contact_id,role,started_at,ended_at\nA1,P1,Champion,2022-01-15,\nA1,P2,sponsor,2022-01-15,2021-01-01\nA1,,user,2022-01-15,\n');
    });
    const e = only(r, 'bad_enum');
    assert.deepEqual([e.column, e.examples], ['role', [{ row: 2, key: 'contact_id=P2', value: 'sponsor' }]]);
    assert.match(e.hint, /"values": \{"role": \{"<yours>": "<ours>"\}\}/);
    const m = only(r, 'missing_value');
    assert.deepEqual([m.column, m.examples[0].row], ['contact_id', 3]);
    const iv = only(r, 'end_before_start');
    assert.deepEqual([iv.column, iv.examples[0].value], ['ended_at', 'started_at=2022-01-15, ended_at=2021-01-01']);
});
test('warnings with counts: events after churn, future dates, orphan account ids', async () => {
    const r = await validateBroken(async (d) => {
        // A4 churned 2023-12-31; usage ends 2024-03-31 (the data end)
        await write(d, 'interactions.csv', 'account_id,occurred_at,kind\nA4,2024-01-10T00:00:00Z,csm_call\nA4,2024-02-10T00:00:00Z,csm_call\nA9,2024-01-10T00:00:00Z,csm_call\nA8,2024-01-10T00:00:00Z,qbr\nA9,2024-01-11T00:00:00Z,qbr\nA1,2024-05-01T00:00:00Z,qbr\nA1,2024-03-31T23:00:00Z,qbr\n');
    });
    assert.equal(r.ok, true);
    assert.equal(r.errors, 0);
    const after = only(r, 'after_churn');
    assert.deepEqual([after.severity, after.count, after.message], ['warning', 2, "after the account's churned_at (1 account)"]);
    assert.deepEqual(after.examples[0], {
        row: 1,
        key: 'account_id=A4',
        value: '2024-01-10T00:00:00Z (churned_at 2023-12-31)',
    });
    const orphan = only(r, 'orphan_account');
    assert.deepEqual([orphan.count, orphan.message], [3, 'account_id not in accounts (2 distinct accounts)']);
    const future = only(r, 'future_date');
    assert.deepEqual([future.column, future.count, future.examples[0].row], ['occurred_at', 1, 6]);
    assert.equal(future.message, 'after the last day with usage (2024-03-31)');
});
test('a systematic problem in a large file prints the count and the first rows only, with exact row numbers', async () => {
    const lines = ['account_id,occurred_at,user_id,event,quantity'];
    const n = 120_000;
    for (let i = 1; i <= n; i++)
        lines.push(`A${(i % 4) + 1},2024-01-${String((i % 28) + 1).padStart(2, '0')}T10:00:00Z,u${i % 7},login,${i % 3 === 0 ? 'x' : '1'}`);
    lines[100_001] = 'A1,2024-01-05T10:00:00Z,u1,login,-4';
    const r = await validateBroken((d) => writeFile(join(d, 'usage.csv'), `${lines.join('\n')}\n`), 3);
    const bad = only(r, 'bad_number');
    assert.equal(bad.count, n / 3);
    assert.deepEqual(bad.examples.map((e) => e.row), [3, 6, 9]);
    const neg = only(r, 'out_of_range');
    assert.deepEqual([neg.count, neg.examples], [1, [{ row: 100_001, key: 'account_id=A1', value: '-4' }]]);
    assert.match(formatIssue(bad), /not a number in 40,000 rows: row 3 \(account_id=A4\) "x", row 6 \(account_id=A3\) "x", row 9 \(account_id=A2\) "x" \(first 3 shown\)$/);
});
test('the report is the same on every run, and its text has one line per problem', async () => {
    const run = () => validateBroken(async (d) => {
        await write(d, 'usage.csv', 'account_id,occurred_at,event,quantity\nA1,2024-01-02T00:00:00Z,login,x\nA9,2024-01-02T00:00:00Z,login,1\n');
        await write(d, 'accounts.csv', 'account_id,started_at\nA1,2022-01-15\nA1,2022-01-15\n');
    });
    const [a, b] = [await run(), await run()];
    assert.deepEqual(JSON.parse(JSON.stringify({ ...a, source: '' })), JSON.parse(JSON.stringify({ ...b, source: '' })));
    const text = formatValidationReport(a);
    assert.equal(text.filter((l) => /^(error|warning): /.test(l)).length, a.issues.length);
    assert.equal(text.at(-1), `${a.errors} errors, ${a.warnings} warning${a.warnings === 1 ? '' : 's'}`);
    // errors come before warnings
    assert.deepEqual(a.issues.map((i) => i.severity), [...a.issues.map((i) => i.severity)].sort());
});
function cli(args, cwd) {
    return spawnSync(process.execPath, [cliPath, ...args], { encoding: 'utf8', cwd });
}
test('churnkit validate (real CLI): broken inputs exit 2 with table/row/column on stderr and write nothing', async () => {
    const { dir, cleanup } = await goodCopy();
    try {
        await write(dir, 'accounts.csv', 'account_id,name,started_at\nA1,Acme,2022-01-15\nA2,Beta,2022-13-01\n');
        const before = await listing(dir);
        const r = cli(['validate', '--data', dir], dir);
        assert.equal(r.status, 2, r.stderr);
        assert.equal(r.stderr.trim(), 'churnkit: table accounts (accounts.csv), row 2, account_id=A2, column started_at: not a date (expected YYYY-MM-DD): "2022-13-01"');
        assert.match(r.stdout, /^error: table accounts \(accounts\.csv\), row 2, account_id=A2, column started_at: /m);
        assert.match(r.stdout, /^1 error, \d+ warnings?$/m);
        assert.deepEqual(await listing(dir), before, 'validate wrote nothing (not even DuckDB spill files in the working directory)');
        await write(dir, 'accounts.csv', 'account_id\tname\tstarted_at\nA1\tAcme\t2022-01-15\n');
        const tab = cli(['validate', '--data', dir, '--json'], dir);
        assert.equal(tab.status, 2);
        const report = JSON.parse(tab.stdout);
        assert.equal(report.ok, false);
        assert.equal(report.issues[0].code, 'wrong_delimiter');
        assert.match(tab.stderr, /^churnkit: table accounts \(accounts\.csv\): the header .* looks tab-delimited/);
        await rm(join(dir, 'accounts.csv'));
        await write(dir, 'accounts.csv', 'account_id,name,started_at\nA1,Acme,2022-01-15\n');
        const ok = cli(['validate', '--data', dir], dir);
        assert.equal(ok.status, 0, ok.stderr);
        assert.match(ok.stdout, /^ok: the data meets the contract/m);
        await assert.rejects(validateHistory(join(dir, 'nope')), (err) => err instanceof ChurnkitError && err.exitCode === 2 && /--data .*nope: no such file or folder/.test(err.message));
    }
    finally {
        await cleanup();
    }
});
//# sourceMappingURL=validate.test.js.map