/** `churnkit features` end to end: real files, real DuckDB, the compiled CLI. */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFile, readdir, readFile, writeFile, mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { openDuckDB, queryRows } from '../../src/data/duckdb.js';
import { FEATURE_TABLE_COLUMNS } from '../../src/features/index.js';
import { featuresDemoStep } from '../../src/cli/commands/features.js';
import { silentProgress } from '../../src/util/progress.js';
import { cliPath, fixture, tempDir } from '../support/paths.js';
const HAND = fixture('features', 'hand');
let work;
const churnkit = (...args) => spawnSync(process.execPath, [cliPath, ...args], { encoding: 'utf8' });
before(async () => {
    work = await tempDir('churnkit-features-cli-');
});
after(async () => {
    await work.cleanup();
});
test('writes Parquet plus the QA beside it, and --json prints the summary', async () => {
    const out = join(work.dir, 'a', 'features.parquet');
    const r = churnkit('features', '--data', HAND, '--out', out, '--json');
    assert.equal(r.status, 0, r.stderr);
    const summary = JSON.parse(r.stdout);
    assert.equal(summary.ok, true);
    assert.equal(summary.rows, 28);
    assert.equal(summary.data_end, '2024-06-30');
    assert.deepEqual(summary.as_of, { first: '2024-02-01', last: '2024-06-01', count: 5, every: 'month' });
    assert.equal(summary.qa.kind, 'churnkit.feature_qa');
    assert.equal(summary.qa.label.positives, 5);
    assert.ok(summary.null_features.some((n) => n.column === 'license_utilization'));
    assert.deepEqual((await readdir(join(work.dir, 'a'))).sort(), [
        'features.parquet',
        'features.parquet.qa.json',
        'features.parquet.qa.md',
    ]);
    const db = await openDuckDB();
    try {
        const cols = await queryRows(db.connection, `DESCRIBE SELECT * FROM read_parquet('${out}')`);
        assert.deepEqual(cols.map((c) => c['column_name']), [...FEATURE_TABLE_COLUMNS]);
        const [a1] = await queryRows(db.connection, `SELECT usage_trend_14d, days_to_renewal FROM read_parquet('${out}') WHERE account_id = 'A1' AND as_of = DATE '2024-04-01'`);
        assert.ok(Math.abs(a1['usage_trend_14d'] - 1.2) < 1e-12);
        assert.equal(a1['days_to_renewal'], 153);
    }
    finally {
        db.close();
    }
    const qa = JSON.parse(await readFile(`${out}.qa.json`, 'utf8'));
    assert.deepEqual(qa, summary.qa);
    assert.match(await readFile(`${out}.qa.md`, 'utf8'), /^# Feature QA: features\.parquet/);
});
test('same data, same bytes: CSV, Parquet and QA files are reproducible', async () => {
    const runs = [
        [join(work.dir, 'a', 'features.parquet'), join(work.dir, 'r2', 'features.parquet')],
        [join(work.dir, 'r1', 'f.csv'), join(work.dir, 'r2', 'f.csv')],
    ];
    assert.equal(churnkit('features', '--data', HAND, '--out', runs[0][1]).status, 0);
    for (const o of runs[1])
        assert.equal(churnkit('features', '--data', HAND, '--out', o).status, 0);
    for (const [first, second] of runs)
        for (const suffix of ['', '.qa.json', '.qa.md'])
            assert.ok((await readFile(first + suffix)).equals(await readFile(second + suffix)), `${second}${suffix} differs between runs`);
    const csv = await readFile(join(work.dir, 'r1', 'f.csv'), 'utf8');
    const [header, ...lines] = csv.trim().split('\n');
    assert.equal(header, FEATURE_TABLE_COLUMNS.join(','));
    const keys = lines.map((l) => l.split(',').slice(0, 2).reverse().join(' '));
    assert.deepEqual(keys, [...keys].sort(), 'rows sorted by as_of, account_id');
});
test('says which features are NULL for every row and why', async () => {
    const data = join(work.dir, 'minimal');
    await mkdir(data);
    await copyFile(join(HAND, 'accounts.csv'), join(data, 'accounts.csv'));
    await copyFile(join(HAND, 'usage.csv'), join(data, 'usage.csv'));
    const r = churnkit('features', '--data', data, '--out', join(work.dir, 'minimal.csv'));
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stderr, /nps_trend: NULL for all rows \(no nps table\)/);
    assert.match(r.stderr, /champion_engagement_change_30d: NULL for all rows \(no contacts or interactions table\)/);
    assert.match(r.stdout, /license_utilization: NULL for 28\.6% of rows \(seats is NULL or 0\)/);
    assert.match(r.stdout, /wrote .*minimal\.csv: 28 rows/);
});
test('--label inactivity, and a warning when churn labels cannot be positive', async () => {
    const data = join(work.dir, 'no-churn');
    await mkdir(data);
    // Blank the churned_at column (the fifth).
    const accounts = (await readFile(join(HAND, 'accounts.csv'), 'utf8'))
        .split('\n')
        .map((line, i) => i === 0 || !line
        ? line
        : line
            .split(',')
            .map((v, j) => (j === 4 ? '' : v))
            .join(','))
        .join('\n');
    await writeFile(join(data, 'accounts.csv'), accounts);
    await copyFile(join(HAND, 'usage.csv'), join(data, 'usage.csv'));
    const churn = churnkit('features', '--data', data, '--out', join(work.dir, 'nc.csv'));
    assert.equal(churn.status, 0, churn.stderr);
    assert.match(churn.stderr, /no account has a churned_at date.*--label inactivity/);
    const inactive = churnkit('features', '--data', data, '--out', join(work.dir, 'ni.csv'), '--label', 'inactivity', '--json');
    assert.equal(inactive.status, 0, inactive.stderr);
    assert.doesNotMatch(inactive.stderr, /churned_at/);
    assert.ok(JSON.parse(inactive.stdout).qa.label.positives > 0);
});
test('bad input or flags: one-line error, non-zero exit, nothing written', async () => {
    const data = join(work.dir, 'bad');
    await mkdir(data);
    await copyFile(join(HAND, 'usage.csv'), join(data, 'usage.csv'));
    await writeFile(join(data, 'accounts.csv'), 'account_id,started_at\nA1,2024-01-01\nA1,2024-01-05\n');
    const outDir = join(work.dir, 'bad-out');
    await mkdir(outDir);
    const dup = churnkit('features', '--data', data, '--out', join(outDir, 'f.parquet'));
    assert.equal(dup.status, 2);
    assert.match(dup.stderr, /^churnkit: table accounts, account_id=A1, column account_id: appears 2 times/);
    assert.equal(dup.stderr.trim().split('\n').length, 1);
    await writeFile(join(data, 'accounts.csv'), 'account_id,started_at,seats\nA1,2024-01-01,many\n');
    const badValue = churnkit('features', '--data', data, '--out', join(outDir, 'f.parquet'));
    assert.equal(badValue.status, 2);
    assert.match(badValue.stderr, /accounts.*seats.*many/);
    const badExt = churnkit('features', '--data', HAND, '--out', join(outDir, 'f.xlsx'));
    assert.equal(badExt.status, 64);
    assert.match(badExt.stderr, /must end in \.csv or \.parquet/);
    const badEvery = churnkit('features', '--data', HAND, '--out', join(outDir, 'f.csv'), '--every', 'hour');
    assert.equal(badEvery.status, 64);
    assert.match(badEvery.stderr, /--every must be one of month, week, day/);
    const badHorizon = churnkit('features', '--data', HAND, '--out', join(outDir, 'f.csv'), '--horizon', 'soon');
    assert.equal(badHorizon.status, 64);
    assert.deepEqual(await readdir(outDir), [], 'no partial or temporary files');
});
test('the demo step writes the feature table and its QA under <root>/demo-features', async () => {
    const said = [];
    const root = join(work.dir, 'demo-root');
    const result = (await featuresDemoStep.run({
        data: HAND,
        root,
        io: { json: false, progress: silentProgress, say: (l) => said.push(l), warn: () => { } },
    }));
    assert.equal(result['rows'], 28);
    assert.equal(result['out'], join(root, 'demo-features', 'features.parquet'));
    assert.deepEqual((await readdir(join(root, 'demo-features'))).sort(), [
        'features.parquet',
        'features.parquet.qa.json',
        'features.parquet.qa.md',
    ]);
    assert.equal(said.length, 1);
    assert.match(said[0], /^features {2}28 snapshot rows over 5 as-of dates, 5 of 16 labeled rows churned within 90 days/);
});
//# sourceMappingURL=cli.test.js.map