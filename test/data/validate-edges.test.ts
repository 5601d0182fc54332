/**
 * Validation's rules pinned at their edges (issue 23), on a hand-made history: each range,
 * interval and date rule gets a value exactly on its limit (accepted), and one just past it
 * (reported, with its row). The last usage day is 2024-03-31 (usage runs to 2024-03-31T18:00).
 */
import assert from 'node:assert/strict';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import test from 'node:test';
import { type ValidationReport, validateHistory } from '../../src/data/index.js';
import { tempDir } from '../support/paths.js';

const FILES: Record<string, string> = {
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

let report: ValidationReport;
test.before(async () => {
  const { dir, cleanup } = await tempDir('churnkit-validate-edges-');
  try {
    for (const [name, text] of Object.entries(FILES)) await writeFile(join(dir, name), `${text}\n`);
    report = await validateHistory(dir);
  } finally {
    await cleanup();
  }
});

/** The rows (1-based, data rows) of the one issue with this table, column and code. */
function rowsOf(table: string, column: string, code: string): number[] {
  const hits = report.issues.filter((i) => i.table === table && i.column === column && i.code === code);
  assert.equal(hits.length, 1, `${table}.${column} ${code}: ${hits.length} issues`);
  const issue = hits[0]!;
  assert.equal(issue.count, issue.examples.length, 'every row is shown');
  return issue.examples.map((e) => e.row!);
}
const none = (table: string, column: string, code: string) =>
  assert.equal(report.issues.filter((i) => i.table === table && i.column === column && i.code === code).length, 0);

test('ranges: a value on the limit is accepted, one past it is an error naming its row', () => {
  assert.equal(report.dataEnd?.slice(0, 10), '2024-03-31');
  assert.deepEqual(rowsOf('accounts', 'seats', 'out_of_range'), [2]);
  assert.deepEqual(rowsOf('usage', 'quantity', 'out_of_range'), [2]);
  assert.deepEqual(rowsOf('nps', 'score', 'out_of_range'), [3, 4]);
  assert.deepEqual(rowsOf('contracts', 'annual_value', 'out_of_range'), [3]);
  const nps = report.issues.find((i) => i.table === 'nps' && i.code === 'out_of_range')!;
  assert.match(nps.message, /between 0 and 10/);
  assert.deepEqual(
    nps.examples.map((e) => e.value),
    ['-1', '11'],
  );
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
  assert.equal(
    report.issues.find((i) => i.code === 'future_date')!.message,
    'after the last day with usage (2024-03-31)',
  );
  none('usage', 'occurred_at', 'future_date');
  assert.equal(report.ok, false);
  assert.equal(report.errors, report.issues.filter((i) => i.severity === 'error').length);
  assert.equal(report.warnings, 2);
});
