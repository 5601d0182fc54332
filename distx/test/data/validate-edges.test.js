/**
 * Validation's rules pinned at their edges (issue 23), on a hand-made history: each range,
 * interval and date rule gets a value exactly on its limit (accepted), and one just past it
 * (reported, with its row). The last usage day is 2024-03-31 (usage runs to 2024-03-31T18:00).
 */
import assert from 'node:assert/strict';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import test from 'node:test';
import { explainHistoryFailure, formatIssue, formatValidationReport, validateHistory, } from '../../src/data/index.js';
import { SEE_VALIDATE } from '../../src/data/convert.js';
import { DataIssueError } from '../../src/data/issues.js';
import { ChurnkitError } from '../../src/util/index.js';
import { tempDir } from '../support/paths.js';
const FILES = {
    'accounts.csv': [
        'account_id,started_at,churned_at,seats',
        'A1,2023-01-01,,0', // seats 0: on the limit (>= 0)
        'A2,2023-01-01,2024-02-10,-1', // seats -1: out of range
        'A3,2023-06-01,2023-06-01,5', // churned the day it started: not before it
        'A4,2023-06-02,2023-06-01,5', // churned the day before it started: error
    ].join('\n'),
    'usage.csv': [
        'account_id,occurred_at,event,quantity',
        'A1,2024-03-31T18:00:00Z,login,0', // quantity 0: on the limit; the data end
        'A1,2024-03-01T10:00:00Z,report,-0.5', // below 0
        'A2,2024-02-10T23:59:59Z,report,1', // on the churn day, last second: not after it
        'A2,2024-02-11T00:00:00Z,report,1', // the day after churn: warning
    ].join('\n'),
    'nps.csv': [
        'account_id,responded_at,score',
        'A1,2024-01-01T00:00:00Z,0', // on the lower limit
        'A1,2024-01-02T00:00:00Z,10', // on the upper limit
        'A1,2024-01-03T00:00:00Z,-1', // below
        'A1,2024-01-04T00:00:00Z,11', // above
        'A1,2024-03-31T23:59:59Z,7', // the last usage day: not in the future
        'A1,2024-04-01T00:00:00Z,7', // the day after: future
    ].join('\n'),
    'contracts.csv': [
        'account_id,contract_id,starts_at,ends_at,annual_value',
        'A1,K1,2024-01-01,2024-01-01,0', // ends the day it starts, value 0: both on the limit
        'A1,K2,2024-01-02,2024-01-01,100', // ends the day before it starts
        'A1,K3,2024-01-01,2025-01-01,-0.01', // negative value
    ].join('\n'),
};
/**
 * The warnings, each on its edge in every table it applies to, in a folder with a mapping (seats
 * is the user's "Licenses"). B2 churned 2024-02-10; the last usage day is 2024-03-31 (a usage row
 * in 2031 is impossible and does not move it); the run date is pinned to 2024-12-31.
 */
const WARNINGS = {
    'churnkit.config.json': '{"tables": {"accounts": {"columns": {"seats": "Licenses"}}}}',
    'accounts.csv': ['account_id,started_at,churned_at,Licenses', 'B1,2023-01-01,,3', 'B2,2023-01-01,2024-02-10,-2'].join('\n'),
    'usage.csv': [
        'account_id,occurred_at,event',
        'B1,2024-03-31T18:00:00Z,login', // the data end
        'B2,2024-02-10T23:59:59Z,login', // the churn day's last second: not after it
        'B1,2031-01-01T00:00:00Z,login', // after the run date: impossible, and not the data end
    ].join('\n'),
    'tickets.csv': [
        'account_id,ticket_id,opened_at',
        'B2,T1,2024-02-10T23:00:00Z', // the churn day
        'B2,T2,2024-02-11T00:00:00Z', // the day after churn
        'B9,T3,2024-01-01T00:00:00Z', // not in accounts
        'B1,T4,2024-04-01T00:00:00Z', // the day after the last usage day: future
        'B1,T5,2024-12-31T23:59:59Z', // on the run date: future, not impossible
        'B1,T6,2025-01-01T00:00:00Z', // the day after the run date: future and impossible
    ].join('\n'),
    // the same churn edge in every other table with events
    'interactions.csv': [
        'account_id,occurred_at,kind',
        'B2,2024-02-10T12:00:00Z,csm_call',
        'B2,2024-02-11T12:00:00Z,csm_call',
    ].join('\n'),
    'nps.csv': ['account_id,responded_at,score', 'B2,2024-02-10T12:00:00Z,5', 'B2,2024-02-11T12:00:00Z,5'].join('\n'),
    'integrations.csv': [
        'account_id,integration,connected_at',
        'B2,slack,2024-02-10T12:00:00Z',
        'B2,slack,2024-02-11T12:00:00Z',
    ].join('\n'),
    // contacts have no event date (P1 starts after B2 churned: not flagged), but a date column: the
    // future and impossible checks read date columns as they read timestamps
    'contacts.csv': [
        'account_id,contact_id,role,started_at',
        'B2,P1,champion,2024-02-20',
        'B1,P2,champion,2024-03-31', // the last usage day: not future
        'B1,P3,champion,2024-04-01', // the day after: future
        'B1,P4,champion,2025-01-01', // the day after the run date: future and impossible
    ].join('\n'),
    // contracts end in the future by nature: not flagged
    'contracts.csv': ['account_id,contract_id,starts_at,ends_at,annual_value', 'B1,K1,2024-01-01,2031-01-01,100'].join('\n'),
};
/** A value longer than a report shows (60 characters): the first 60 and an ellipsis. */
const LONG = `2023-01-01 ${'x'.repeat(70)}`;
/** A value of exactly 60 characters: shown whole. */
const SIXTY = `seats ${'y'.repeat(54)}`;
/** Examples capped at two per problem (`maxExamples: 2`), duplicated keys, tables with a header only. */
const EXAMPLES = {
    'accounts.csv': [
        'account_id,started_at,seats',
        'C1,2023-01-01,1',
        'C1,2023-02-01,1', // C1 twice: one duplicated value
        `C2,${LONG},1`,
        'C3,,x', // no start: a missing value shows no value
        'C4,2023-01-01,-1', // three rows out of range: the first two shown
        'C5,2023-01-01,-2',
        'C6,2023-01-01,-3',
        `C7,2023-01-01,${SIXTY}`, // not a whole number, exactly as long as a report shows
    ].join('\n'),
    'usage.csv': 'account_id,occurred_at,event', // required, header only: an error, and no data end
    'nps.csv': 'account_id,responded_at,score', // optional, header only: a warning
    'tickets.csv': [
        'account_id,ticket_id,opened_at',
        'C1,T1,2024-01-01T00:00:00Z',
        'C1,T2,2024-01-01T00:00:00Z',
        'C1,T1,2024-01-02T00:00:00Z',
        'C1,T2,2024-01-02T00:00:00Z',
        'C1,T2,2024-01-03T00:00:00Z', // T2's third row: past the two shown
        'C1,T3,2024-01-03T00:00:00Z',
        'C1,T3,2024-01-04T00:00:00Z', // T3: the third duplicated value, past the two shown
    ].join('\n'),
};
/**
 * Account ids through lookups of a mapping: o3 maps to two ids (the smallest, D1, is used; with
 * latest_by, the latest row's, D2), o4 to one id twice (not ambiguous), o8 and o9 to none.
 */
const LOOKUPS = {
    'churnkit.config.json': JSON.stringify({
        lookups: {
            orgs: { file: 'orgs.csv', key: 'org_key', value: 'crm_id' },
            orgs_dated: { file: 'orgs.csv', key: 'org_key', value: 'crm_id', latest_by: 'updated' },
            // ambiguous too, but no table uses it: nothing to say
            spare: { file: 'orgs.csv', key: 'org_key', value: 'crm_id' },
            // used, one value per key: nothing to say
            clean: { file: 'clean.csv', key: 'org_key', value: 'crm_id' },
        },
        tables: {
            usage: { columns: { account_id: { lookup: 'orgs', from: 'org' } } },
            tickets: { columns: { account_id: { lookup: 'orgs_dated', from: 'org' } } },
            nps: { columns: { account_id: { lookup: 'clean', from: 'org' } } },
        },
    }),
    'clean.csv': 'org_key,crm_id\no1,D1\no2,D2',
    'nps.csv': 'org,responded_at,score\no2,2024-02-01T00:00:00Z,9',
    'accounts.csv': ['account_id,started_at', 'D1,2023-01-01', 'D2,2023-01-01'].join('\n'),
    'orgs.csv': [
        'org_key,crm_id,updated',
        'o1,D1,2024-01-01',
        'o2,D2,2024-01-01',
        'o3,D2,2024-01-02',
        'o3,D1,2024-01-01',
        'o4,D1,2024-01-01',
        'o4,D1,2024-01-02',
    ].join('\n'),
    'usage.csv': [
        'org,occurred_at,event',
        'o1,2024-03-01T00:00:00Z,login',
        'o3,2024-03-01T00:00:00Z,login',
        'o9,2024-03-01T00:00:00Z,login',
        'o4,2024-03-01T00:00:00Z,login',
    ].join('\n'),
    'tickets.csv': ['org,ticket_id,opened_at', 'o3,T1,2024-02-01T00:00:00Z', 'o8,T2,2024-02-01T00:00:00Z'].join('\n'),
};
/**
 * Usage dates bounded by the other tables: 180 days after their latest plausible date (T1,
 * 2024-02-01) is 2024-07-30 (Feb 29 + Mar 31 + Apr 30 + May 31 + Jun 30 + Jul 30 days), before the
 * run date (pinned to 2025-06-30). T2, after the run date, is impossible itself and bounds nothing.
 */
const BOUNDS = {
    'accounts.csv': 'account_id,started_at\nE1,2023-01-01',
    // closed_at too: a table's latest date is the greatest over its date columns
    'tickets.csv': 'account_id,ticket_id,opened_at,closed_at\nE1,T1,2024-01-20T10:00:00Z,2024-02-01T10:00:00Z\nE1,T2,2025-07-01T00:00:00Z,',
    'usage.csv': [
        'account_id,occurred_at,event',
        'E1,2024-07-30T23:59:59Z,login', // on the bound: plausible, the data end
        'E1,2024-07-31T00:00:00Z,login', // the day after: impossible
    ].join('\n'),
};
/** Each fixture is written and validated when a test first needs it (a failing test stops the file early). */
const FIXTURES = {
    warnings: [WARNINGS, { today: '2024-12-31' }],
    examples: [EXAMPLES, { maxExamples: 2 }],
    lookups: [LOOKUPS, {}],
    bounds: [BOUNDS, { today: '2025-06-30' }],
};
const validated = new Map();
const cleanups = [];
async function validate(files, options) {
    const { dir, cleanup } = await tempDir('churnkit-validate-edges-');
    cleanups.push(cleanup);
    for (const [file, text] of Object.entries(files))
        await writeFile(join(dir, file), `${text}\n`);
    return { dir, report: await validateHistory(dir, options) };
}
function fixture(name) {
    if (!validated.has(name))
        validated.set(name, validate(FIXTURES[name][0], FIXTURES[name][1]));
    return validated.get(name);
}
let report;
test.before(async () => {
    report = (await validate(FILES, {})).report;
});
test.after(async () => {
    for (const cleanup of cleanups)
        await cleanup();
});
/** The rows (1-based, data rows) of the one issue with this table, column and code. */
function rowsOf(table, column, code) {
    const hits = report.issues.filter((i) => i.table === table && i.column === column && i.code === code);
    assert.equal(hits.length, 1, `${table}.${column} ${code}: ${hits.length} issues`);
    const issue = hits[0];
    assert.equal(issue.count, issue.examples.length, 'every row is shown');
    return issue.examples.map((e) => e.row);
}
const none = (table, column, code) => assert.equal(report.issues.filter((i) => i.table === table && i.column === column && i.code === code).length, 0);
test('ranges: a value on the limit is accepted, one past it is an error naming its row', () => {
    assert.equal(report.dataEnd?.slice(0, 10), '2024-03-31');
    assert.deepEqual(rowsOf('accounts', 'seats', 'out_of_range'), [2]);
    assert.deepEqual(rowsOf('usage', 'quantity', 'out_of_range'), [2]);
    assert.deepEqual(rowsOf('nps', 'score', 'out_of_range'), [3, 4]);
    assert.deepEqual(rowsOf('contracts', 'annual_value', 'out_of_range'), [3]);
    const nps = report.issues.find((i) => i.table === 'nps' && i.code === 'out_of_range');
    assert.match(nps.message, /between 0 and 10/);
    assert.deepEqual(nps.examples.map((e) => e.value), ['-1', '11']);
});
test('intervals: an end on its start day is fine, the day before is an error', () => {
    assert.deepEqual(rowsOf('accounts', 'churned_at', 'end_before_start'), [4]);
    assert.deepEqual(rowsOf('contracts', 'ends_at', 'end_before_start'), [2]);
});
test('events after churn: the churn day itself is not after it, the next day is', () => {
    assert.deepEqual(rowsOf('usage', 'occurred_at', 'after_churn'), [4]);
    none('nps', 'responded_at', 'after_churn');
});
test('future dates: the last usage day is not in the future, the next day is', () => {
    assert.deepEqual(rowsOf('nps', 'responded_at', 'future_date'), [6]);
    assert.equal(report.issues.find((i) => i.code === 'future_date').message, 'after the last day with usage (2024-03-31)');
    none('usage', 'occurred_at', 'future_date');
    assert.equal(report.ok, false);
    assert.equal(report.errors, report.issues.filter((i) => i.severity === 'error').length);
    assert.equal(report.warnings, 2);
});
test('warnings in every table, in order: errors first, then by table; each names its row, key, column and value', async () => {
    const warnings = (await fixture('warnings')).report;
    const churned = (value) => `${value} (churned_at 2024-02-10)`;
    const afterChurn = (table, column, key, value) => ({
        severity: 'warning',
        code: 'after_churn',
        table,
        source: `${table}.csv`,
        column,
        message: "after the account's churned_at (1 account)",
        count: 1,
        examples: [{ row: 2, key, value: churned(value) }],
    });
    const future = ['2024-04-01T00:00:00Z', '2024-12-31T23:59:59Z', '2025-01-01T00:00:00Z'];
    assert.deepEqual(warnings.issues, [
        {
            severity: 'error',
            code: 'out_of_range',
            table: 'accounts',
            source: 'accounts.csv',
            column: 'seats',
            sourceColumn: 'Licenses',
            message: 'out of range (must be >= 0)',
            count: 1,
            examples: [{ row: 2, key: 'account_id=B2', value: '-2' }],
        },
        {
            severity: 'warning',
            code: 'impossible_date',
            table: 'usage',
            source: 'usage.csv',
            column: 'occurred_at',
            message: 'a date that cannot be right: after 2024-12-31 (the run date, 2024-12-31)',
            count: 1,
            examples: [{ row: 3, key: 'account_id=B1', value: '2031-01-01T00:00:00Z' }],
            hint: 'features leaves these rows out of data_end; fix the dates or pass --data-end',
        },
        {
            severity: 'warning',
            code: 'orphan_account',
            table: 'tickets',
            source: 'tickets.csv',
            column: 'account_id',
            message: 'account_id not in accounts (1 distinct account)',
            count: 1,
            examples: [{ row: 3, key: 'ticket_id=T3', value: 'B9' }],
        },
        afterChurn('tickets', 'opened_at', 'ticket_id=T2', '2024-02-11T00:00:00Z'),
        {
            severity: 'warning',
            code: 'impossible_date',
            table: 'tickets',
            source: 'tickets.csv',
            column: 'opened_at',
            message: 'a date that cannot be right: after 2024-12-31 (the run date, 2024-12-31)',
            count: 1,
            examples: [{ row: 6, key: 'ticket_id=T6', value: future[2] }],
            hint: 'fix the dates in the export',
        },
        {
            severity: 'warning',
            code: 'future_date',
            table: 'tickets',
            source: 'tickets.csv',
            column: 'opened_at',
            message: 'after the last day with usage (2024-03-31)',
            count: 3,
            examples: future.map((value, k) => ({ row: 4 + k, key: `ticket_id=T${4 + k}`, value })),
        },
        {
            severity: 'warning',
            code: 'impossible_date',
            table: 'contacts',
            source: 'contacts.csv',
            column: 'started_at',
            message: 'a date that cannot be right: after 2024-12-31 (the run date, 2024-12-31)',
            count: 1,
            examples: [{ row: 4, key: 'contact_id=P4', value: '2025-01-01' }],
            hint: 'fix the dates in the export',
        },
        {
            severity: 'warning',
            code: 'future_date',
            table: 'contacts',
            source: 'contacts.csv',
            column: 'started_at',
            message: 'after the last day with usage (2024-03-31)',
            count: 2,
            examples: [
                { row: 3, key: 'contact_id=P3', value: '2024-04-01' },
                { row: 4, key: 'contact_id=P4', value: '2025-01-01' },
            ],
        },
        afterChurn('interactions', 'occurred_at', 'account_id=B2', '2024-02-11T12:00:00Z'),
        afterChurn('nps', 'responded_at', 'account_id=B2', '2024-02-11T12:00:00Z'),
        afterChurn('integrations', 'connected_at', 'account_id=B2', '2024-02-11T12:00:00Z'),
    ]);
    assert.equal(warnings.dataEnd, '2024-03-31T18:00:00Z');
    assert.deepEqual([warnings.ok, warnings.errors, warnings.warnings], [false, 1, 10]);
});
test('the text report: one line per table (rows, absent), the data end, one line per issue, the totals', async () => {
    const warnings = (await fixture('warnings')).report;
    const text = formatValidationReport(warnings);
    assert.match(text[0], /^\S+ \(folder, mapping \S+churnkit\.config\.json\)$/);
    // the source column is as wide as the longest file name (interactions.csv) and two spaces
    assert.deepEqual(text.slice(1, 10), [
        '  accounts     accounts.csv      2 rows',
        '  contracts    contracts.csv     1 row',
        '  usage        usage.csv         3 rows',
        '  tickets      tickets.csv       6 rows',
        '  contacts     contacts.csv      4 rows',
        '  interactions interactions.csv  2 rows',
        '  nps          nps.csv           2 rows',
        '  integrations integrations.csv  2 rows',
        '  data end 2024-03-31T18:00:00Z (latest usage timestamp)',
    ]);
    assert.deepEqual(text.slice(10, -1), warnings.issues.map((i) => `${i.severity}: ${formatIssue(i)}`));
    assert.equal(text.at(-1), '1 error, 10 warnings');
    const plain = formatValidationReport(report);
    assert.match(plain[0], /^\S+ \(folder\)$/);
    assert.deepEqual(plain.slice(1, 9), [
        '  accounts     accounts.csv   4 rows',
        '  contracts    contracts.csv  3 rows',
        '  usage        usage.csv      4 rows',
        '  tickets      -              absent',
        '  contacts     -              absent',
        '  interactions -              absent',
        '  nps          nps.csv        6 rows',
        '  integrations -              absent',
    ]);
    assert.equal(plain.at(-1), `${report.errors} errors, 2 warnings`);
});
test('examples: at most maxExamples rows per problem in file order, long values cut, duplicated keys by value', async () => {
    const examples = (await fixture('examples')).report;
    const issue = (code, column) => examples.issues.find((i) => i.code === code && i.column === column);
    assert.deepEqual(issue('bad_date', 'started_at').examples, [
        { row: 3, key: 'account_id=C2', value: `2023-01-01 ${'x'.repeat(49)}…` },
    ]);
    assert.deepEqual(issue('bad_integer', 'seats').examples, [
        { row: 4, key: 'account_id=C3', value: 'x' },
        { row: 8, key: 'account_id=C7', value: SIXTY },
    ]);
    // a missing value has nothing to show
    assert.deepEqual(issue('missing_value', 'started_at').examples, [{ row: 4, key: 'account_id=C3' }]);
    const range = issue('out_of_range', 'seats');
    assert.deepEqual([range.count, range.examples], [
        3,
        [
            { row: 5, key: 'account_id=C4', value: '-1' },
            { row: 6, key: 'account_id=C5', value: '-2' },
        ],
    ]);
    const accounts = examples.issues.find((i) => i.code === 'duplicate_key' && i.table === 'accounts');
    assert.deepEqual([accounts.severity, accounts.message, accounts.count, accounts.groups, accounts.examples], ['error', 'duplicate account_id (1 value on more than one row)', 2, 1, [{ key: 'account_id=C1', rows: [1, 2] }]]);
    const tickets = examples.issues.find((i) => i.code === 'duplicate_key' && i.table === 'tickets');
    assert.deepEqual([tickets.severity, tickets.message, tickets.count, tickets.groups, tickets.examples], [
        'warning',
        'duplicate ticket_id (3 values on more than one row)',
        7,
        3,
        [
            { key: 'ticket_id=T1', rows: [1, 3] },
            { key: 'ticket_id=T2', rows: [2, 4] },
        ],
    ]);
});
test('a table with a header only: an error when required, a warning when optional; no data end without usage rows', async () => {
    const examples = (await fixture('examples')).report;
    const noRows = examples.issues
        .filter((i) => i.code === 'no_rows')
        .map(({ severity, table, message, count, examples: shown }) => ({
        severity,
        table,
        message,
        count,
        examples: shown,
    }));
    assert.deepEqual(noRows, [
        {
            severity: 'error',
            table: 'usage',
            message: 'the table has no data rows (a header only)',
            count: 0,
            examples: [],
        },
        {
            severity: 'warning',
            table: 'nps',
            message: 'the table has no data rows; its features will read as none rather than unknown',
            count: 0,
            examples: [],
        },
    ]);
    assert.equal(examples.dataEnd, null);
    assert.deepEqual(examples.tables.map((t) => [t.table, t.rows]), [
        ['accounts', 8],
        ['contracts', null],
        ['usage', 0],
        ['tickets', 7],
        ['contacts', null],
        ['interactions', null],
        ['nps', 0],
        ['integrations', null],
    ]);
    assert.deepEqual([examples.errors, examples.warnings], [6, 2]);
});
test('explainHistoryFailure: the first error of the data, with its row; other errors as they are', async () => {
    // a failure on bad data becomes validate's first error (file order within the first table)
    const bad = (await fixture('examples')).dir;
    const explained = await explainHistoryFailure(bad, {}, new Error('Conversion Error: bad date'));
    assert.ok(explained instanceof DataIssueError);
    assert.equal(explained.exitCode, 2);
    assert.equal(explained.message, `table accounts (accounts.csv), row 3, account_id=C2, column started_at: not a date (expected YYYY-MM-DD): "2023-01-01 ${'x'.repeat(49)}…"`);
    // an error of ours that is not about a value passes unchanged, without reading the data
    const usage = new ChurnkitError('--horizon must be a positive integer', 64);
    assert.equal(await explainHistoryFailure(bad, {}, usage), usage);
    // data without errors (warnings only do not count): ours unchanged, anything else an input error
    const clean = (await fixture('warnings')).dir;
    await writeFile(join(clean, 'accounts.csv'), 'account_id,started_at,churned_at,Licenses\nB1,2023-01-01,,3\n');
    const ours = new ChurnkitError(`a value${SEE_VALIDATE}`, 2);
    assert.equal(await explainHistoryFailure(clean, {}, ours), ours);
    const other = await explainHistoryFailure(clean, {}, new Error('IO Error: disk gone\nat line 2'));
    assert.ok(other instanceof ChurnkitError);
    assert.deepEqual([other.message, other.exitCode], [`${clean}: cannot read the data: disk gone`, 2]);
    // only a leading "<Kind> Error: " is cut, not one inside the message
    const inner = await explainHistoryFailure(clean, {}, new Error('disk gone: IO Error: x'));
    assert.ok(inner instanceof ChurnkitError);
    assert.equal(inner.message, `${clean}: cannot read the data: disk gone: IO Error: x`);
    // a source validate cannot open either: the original error
    const lost = new Error('gone');
    assert.equal(await explainHistoryFailure(join(clean, 'nope'), {}, lost), lost);
});
test('lookups: a key with no match is an error naming the mapped column; a key with several values is a warning', async () => {
    assert.deepEqual((await fixture('lookups')).report.issues, [
        {
            severity: 'error',
            code: 'lookup_miss',
            table: 'usage',
            source: 'usage.csv',
            column: 'account_id',
            sourceColumn: 'org -> orgs.crm_id',
            message: 'no match in lookup orgs (orgs.csv, column org_key)',
            count: 1,
            // usage has no key of its own, and this row's account_id is what is missing
            examples: [{ row: 3, value: 'o9' }],
        },
        {
            severity: 'error',
            code: 'lookup_miss',
            table: 'tickets',
            source: 'tickets.csv',
            column: 'account_id',
            sourceColumn: 'org -> orgs_dated.crm_id',
            message: 'no match in lookup orgs_dated (orgs.csv, column org_key)',
            count: 1,
            examples: [{ row: 2, key: 'ticket_id=T2', value: 'o8' }],
        },
        {
            severity: 'warning',
            code: 'ambiguous_lookup',
            table: 'usage',
            source: 'orgs.csv',
            message: 'lookup orgs: keys with more than one crm_id (the smallest value is used; set latest_by to take the latest)',
            count: 1,
            examples: [{ key: 'org_key=o3' }],
        },
        {
            severity: 'warning',
            code: 'ambiguous_lookup',
            table: 'tickets',
            source: 'orgs.csv',
            message: 'lookup orgs_dated: keys with more than one crm_id (the value of the row with the greatest updated is used)',
            count: 1,
            examples: [{ key: 'org_key=o3' }],
        },
    ]);
});
test('usage dates: impossible 180 days after the latest plausible date of the other tables', async () => {
    const bounds = (await fixture('bounds')).report;
    const impossible = (table, row, key, value, after, hint) => ({
        severity: 'warning',
        code: 'impossible_date',
        table,
        source: `${table}.csv`,
        column: table === 'usage' ? 'occurred_at' : 'opened_at',
        message: `a date that cannot be right: after ${after}`,
        count: 1,
        examples: [{ row, key, value }],
        hint,
    });
    assert.deepEqual(bounds.issues, [
        impossible('usage', 2, 'account_id=E1', '2024-07-31T00:00:00Z', '2024-07-30 (180 days after 2024-02-01, the latest date in the other tables)', 'features leaves these rows out of data_end; fix the dates or pass --data-end'),
        impossible('tickets', 2, 'ticket_id=T2', '2025-07-01T00:00:00Z', '2025-06-30 (the run date, 2025-06-30)', 'fix the dates in the export'),
        {
            severity: 'warning',
            code: 'future_date',
            table: 'tickets',
            source: 'tickets.csv',
            column: 'opened_at',
            message: 'after the last day with usage (2024-07-30)',
            count: 1,
            examples: [{ row: 2, key: 'ticket_id=T2', value: '2025-07-01T00:00:00Z' }],
        },
    ]);
    assert.equal(bounds.dataEnd, '2024-07-30T23:59:59Z');
    assert.equal(formatValidationReport(bounds).at(-1), 'ok: the data meets the contract (3 warnings)');
});
test('no accounts table: an error for it, and the other tables are validated without account checks', async () => {
    const { report: r } = await validate({
        'usage.csv': 'account_id,occurred_at,event\nZ1,2024-03-01T00:00:00Z,login',
        'tickets.csv': 'account_id,ticket_id,opened_at\nZ9,T1,2024-03-01T00:00:00Z',
    }, { today: '2024-12-31' });
    assert.deepEqual(r.issues.map((i) => [i.severity, i.code, i.table]), [['error', 'missing_table', 'accounts']]);
    assert.deepEqual(r.tables.filter((t) => t.rows !== null).map((t) => [t.table, t.rows]), [
        ['usage', 1],
        ['tickets', 1],
    ]);
});
test('--data-end bounds every table; validate says which table it reads (progress)', async () => {
    const steps = [];
    const progress = {
        start: (label) => steps.push(label),
        tick() { },
        note() { },
        done: () => steps.push('done'),
    };
    const { report: r } = await validate({
        'accounts.csv': 'account_id,started_at\nF1,2023-01-01',
        'usage.csv': [
            'account_id,occurred_at,event',
            'F1,2024-03-01T23:00:00Z,login', // on --data-end: the data end
            'F1,2024-03-02T00:00:00Z,login', // the day after: impossible
        ].join('\n'),
        'tickets.csv': 'account_id,ticket_id,opened_at\nF1,T1,2024-03-01T00:00:00Z\nF1,T2,2024-03-02T00:00:00Z',
    }, { today: '2025-06-30', dataEnd: '2024-03-01', progress });
    const impossible = (table, column, key, value, hint) => ({
        severity: 'warning',
        code: 'impossible_date',
        table,
        source: `${table}.csv`,
        column,
        message: 'a date that cannot be right: after 2024-03-01 (--data-end 2024-03-01)',
        count: 1,
        examples: [{ row: 2, key, value }],
        hint,
    });
    assert.deepEqual(r.issues, [
        impossible('usage', 'occurred_at', 'account_id=F1', '2024-03-02T00:00:00Z', 'features leaves these rows out of data_end; fix the dates or pass --data-end'),
        impossible('tickets', 'opened_at', 'ticket_id=T2', '2024-03-02T00:00:00Z', 'fix the dates in the export'),
        {
            severity: 'warning',
            code: 'future_date',
            table: 'tickets',
            source: 'tickets.csv',
            column: 'opened_at',
            message: 'after the last day with usage (2024-03-01)',
            count: 1,
            examples: [{ row: 2, key: 'ticket_id=T2', value: '2024-03-02T00:00:00Z' }],
        },
    ]);
    assert.equal(r.dataEnd, '2024-03-01T23:00:00Z');
    // usage first: its data end is the line for the others
    assert.deepEqual(steps, [
        'validating usage (usage.csv)',
        'validating accounts (accounts.csv)',
        'validating tickets (tickets.csv)',
        'done',
    ]);
});
test('lines the CSV reader cannot read: the message, each line with the reader error, the hint', async () => {
    const { report: r } = await validate({ 'accounts.csv': 'account_id,started_at\nG1,2023-01-01\nG2,2023-01-01,extra\nG3,2023-01-01' }, { today: '2024-12-31' });
    const bad = r.issues.find((i) => i.code === 'malformed_rows');
    assert.deepEqual([bad.severity, bad.table, bad.message, bad.count, bad.hint], [
        'error',
        'accounts',
        'lines the CSV reader cannot read',
        1,
        'check the delimiter and quoting; the other checks of this table wait until these lines are fixed',
    ]);
    assert.deepEqual(bad.examples, [{ line: 3, value: 'Expected Number of Columns: 2 Found: 3' }]);
});
test('examples past the first chunk of rows: every problem gets its rows, however far apart', async () => {
    // bad quantities on rows 5 and 5,000: DuckDB hands the matching rows over chunk by chunk
    const lines = ['account_id,occurred_at,event,quantity'];
    for (let row = 1; row <= 6000; row++)
        lines.push(`H1,2024-01-01T00:00:00Z,login,${row === 5 || row === 5000 ? -1 : 1}`);
    const { report: r } = await validate({ 'accounts.csv': 'account_id,started_at\nH1,2023-01-01', 'usage.csv': lines.join('\n') }, { today: '2024-12-31', maxExamples: 3 });
    const range = r.issues.find((i) => i.code === 'out_of_range');
    assert.deepEqual([range.count, range.examples.map((e) => e.row)], [2, [5, 5000]]);
});
test('the text report of a table that could not be read, without a data end', () => {
    const text = formatValidationReport({
        ok: false,
        source: 'exports',
        kind: 'folder',
        config: null,
        tables: [
            { table: 'accounts', source: 'a.csv', format: 'csv', rows: 1 },
            { table: 'usage', source: 'u.pq', format: 'parquet', rows: null },
        ],
        dataEnd: null,
        errors: 1,
        warnings: 0,
        issues: [],
    });
    // the source column is at least 6 wide, and two spaces
    assert.deepEqual(text, [
        'exports (folder)',
        '  accounts     a.csv   1 row',
        '  usage        u.pq    unread',
        '1 error, 0 warnings',
    ]);
});
test('explainHistoryFailure: validate runs with the mapping and shows 3 rows of the first error', async () => {
    const { dir } = await validate({
        'churnkit.config.json': '{"tables": {"accounts": {"columns": {"seats": "Licenses"}}}}',
        'accounts.csv': 'account_id,started_at,Licenses\nK1,2023-01-01,-1\nK2,2023-01-01,-2\nK3,2023-01-01,-3\nK4,2023-01-01,-4',
        'usage.csv': 'account_id,occurred_at,event\nK1,2024-03-01T00:00:00Z,login',
    }, {});
    const explained = await explainHistoryFailure(dir, {}, new Error('Conversion Error: x'));
    assert.ok(explained instanceof DataIssueError);
    assert.equal(explained.message, 'table accounts (accounts.csv), column Licenses (seats): out of range (must be >= 0) in 4 rows: row 1 (account_id=K1) "-1", row 2 (account_id=K2) "-2", row 3 (account_id=K3) "-3" (first 3 shown)');
});
test('accounts the index cannot read: its lines are reported, and the other tables are validated without account checks', async () => {
    const { report: r } = await validate({
        'accounts.csv': 'account_id,started_at\nL1,2023-01-01\nL2,2023-01-01,extra',
        'usage.csv': 'account_id,occurred_at,event\nL9,2024-03-01T00:00:00Z,login',
    }, { today: '2024-12-31' });
    assert.deepEqual(r.issues.map((i) => [i.severity, i.code, i.table]), [['error', 'malformed_rows', 'accounts']]);
    assert.equal(r.tables.find((t) => t.table === 'usage').rows, 1);
});
test('--allow-outside-data: a mapped file outside the data folder is read', async () => {
    const { dir } = await validate({ 'outside-tickets.csv': 'account_id,ticket_id,opened_at\nM1,T1,2024-03-01T00:00:00Z' }, {});
    const data = join(dir, 'data');
    await mkdir(data);
    await writeFile(join(data, 'churnkit.config.json'), '{"tables": {"tickets": {"file": "../outside-tickets.csv"}}}');
    await writeFile(join(data, 'accounts.csv'), 'account_id,started_at\nM1,2023-01-01\n');
    await writeFile(join(data, 'usage.csv'), 'account_id,occurred_at,event\nM1,2024-03-01T00:00:00Z,login\n');
    const refused = await validateHistory(data, { today: '2024-12-31' });
    assert.deepEqual(refused.issues.map((i) => [i.code, i.table]), [['outside_data', 'tickets']]);
    const read = await validateHistory(data, { today: '2024-12-31', allowOutsideData: true });
    assert.deepEqual(read.issues, []);
    assert.equal(read.tables.find((t) => t.table === 'tickets').rows, 1);
});
test('more examples asked for than a chunk of rows holds: all of them', async () => {
    // 2,100 bad quantities and maxExamples 3,000: the rows arrive in chunks of 2,048
    const lines = ['account_id,occurred_at,event,quantity'];
    for (let row = 1; row <= 2100; row++)
        lines.push('N1,2024-01-01T00:00:00Z,login,-1');
    const { report: r } = await validate({ 'accounts.csv': 'account_id,started_at\nN1,2023-01-01', 'usage.csv': lines.join('\n') }, { today: '2024-12-31', maxExamples: 3000 });
    const range = r.issues.find((i) => i.code === 'out_of_range');
    assert.deepEqual([range.count, range.examples.length, range.examples.at(-1).row], [2100, 2100, 2100]);
});
//# sourceMappingURL=validate-edges.test.js.map