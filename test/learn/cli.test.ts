/** `churnkit train` and `churnkit predict` end to end: real files, real DuckDB, the real CLI. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { cliPath, tempDir } from '../support/paths.js';
import { ACCOUNTS, TABLE_FLAGS, churnkit } from './helpers.js';
import { loadFrame } from '../../src/data/frame.js';
import { loadModel } from '../../src/learn/index.js';
import { probabilityForPeople } from '../../src/catalogue/index.js';

test('train prints the coefficient table; predict writes keys + probability row for row (CSV and Parquet)', async () => {
  const { dir, cleanup } = await tempDir();
  try {
    const model = join(dir, 'model.json');
    const r = churnkit(
      'train',
      '--features',
      ACCOUNTS,
      '--model',
      'logistic',
      '--out',
      model,
      ...TABLE_FLAGS,
      '--calibration',
      'isotonic',
      '--holdout',
      '0.2',
    );
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stdout, /column\s+coef\s+se\s+z\s+p\s+odds_ratio/);
    assert.match(r.stdout, /segment=SMB/);
    assert.match(r.stdout, /held out 375 rows with as_of >= 2025-10-01 for isotonic calibration/);

    const csv = join(dir, 'p.csv');
    const p = churnkit('predict', '--model', model, '--features', ACCOUNTS, '--out', csv, '--json');
    assert.equal(p.status, 0, p.stderr);
    const summary = JSON.parse(p.stdout);
    assert.equal(summary.rows, 1500);
    assert.deepEqual(summary.columns, ['account_id', 'as_of', 'probability']);
    const lines = (await readFile(csv, 'utf8')).trim().split('\n');
    assert.equal(lines[0], 'account_id,as_of,probability');
    assert.equal(lines.length, 1501);
    const input = (await readFile(ACCOUNTS, 'utf8')).trim().split('\n').slice(1);
    const expected = (await loadModel(model)).predictProba(await loadFrame(ACCOUNTS));
    lines.slice(1).forEach((line, i) => {
      const [id, asOf, prob] = line.split(',');
      const [inId, inAsOf] = input[i]!.split(',');
      assert.equal(id, inId);
      assert.equal(asOf, inAsOf);
      // CSV is for people: four significant digits (Parquet keeps every digit, below)
      assert.equal(Number(prob), probabilityForPeople(expected[i]!), `row ${i + 1}`);
    });

    const parquet = join(dir, 'p.parquet');
    assert.equal(churnkit('predict', '--model', model, '--features', ACCOUNTS, '--out', parquet).status, 0);
    const back = await loadFrame(parquet);
    assert.deepEqual(back.names, ['account_id', 'as_of', 'probability']);
    assert.equal(back.kinds['as_of'], 'date');
    assert.deepEqual(back.columns['probability'], expected);
  } finally {
    await cleanup();
  }
});

test('train --json reports provenance, split, metrics and coefficients; the same run gives the same bytes', async () => {
  const { dir, cleanup } = await tempDir();
  try {
    const a = join(dir, 'a.json');
    const b = join(dir, 'b.json');
    const flags = [
      ...TABLE_FLAGS,
      '--l2',
      '0.5',
      '--class-weight',
      'balanced',
      '--calibration',
      'platt',
      '--holdout',
      '0.2',
      '--json',
    ];
    const r = churnkit('train', '--features', ACCOUNTS, '--model', 'logistic', '--out', a, ...flags);
    assert.equal(r.status, 0, r.stderr);
    const s = JSON.parse(r.stdout);
    assert.equal(s.ok, true);
    assert.equal(s.provenance.rows, 1500);
    // the latest dates holding at least 20% of 1,500 rows: Oct, Nov, Dec (3 x 125)
    assert.equal(s.training.split.holdout_rows, 375);
    assert.equal(s.training.class_weight, 'balanced');
    assert.equal(s.coefficients[0].name, '(intercept)');
    assert.ok(s.metrics.holdout_calibrated.auc > 0.6);
    assert.equal(churnkit('train', '--features', ACCOUNTS, '--model', 'logistic', '--out', b, ...flags).status, 0);
    assert.equal(await readFile(a, 'utf8'), await readFile(b, 'utf8'));
    const artifact = JSON.parse(await readFile(a, 'utf8'));
    assert.deepEqual(artifact.params, { l2: 0.5, l1: 0, penalty_scale: 'standardized', max_iter: 100, tol: 1e-10 });
  } finally {
    await cleanup();
  }
});

test('bad input fails with a one-line reason naming row and column, and writes nothing', async () => {
  const { dir, cleanup } = await tempDir();
  try {
    const text = (await readFile(ACCOUNTS, 'utf8')).split('\n');
    text[5] = text[5]!.replace(/,[01]$/, ',3');
    const bad = join(dir, 'bad.csv');
    await writeFile(bad, text.join('\n'));
    const out = join(dir, 'model.json');
    const r = churnkit('train', '--features', bad, '--model', 'logistic', '--out', out, ...TABLE_FLAGS);
    assert.equal(r.status, 2);
    assert.match(r.stderr, /^churnkit: table .*bad\.csv, row 5, column churned: label is 3/);
    assert.equal(r.stderr.trim().split('\n').length, 1);
    assert.deepEqual(await readdir(dir), ['bad.csv']);

    const sep = churnkit(
      'train',
      '--features',
      ACCOUNTS,
      '--model',
      'logistic',
      '--out',
      out,
      '--label',
      'churned',
      '--columns',
      'usage_trend,tickets,churned_copy',
    );
    assert.equal(sep.status, 2);
    assert.match(sep.stderr, /column churned_copy: not in the table \(columns: account_id, as_of, segment, region/);

    const usage = churnkit(
      'train',
      '--features',
      ACCOUNTS,
      '--model',
      'logistic',
      '--out',
      out,
      ...TABLE_FLAGS,
      '--calibration',
      'sometimes',
    );
    assert.equal(usage.status, 64);
    assert.match(usage.stderr, /--calibration must be one of none, platt, isotonic/);
    const param = churnkit(
      'train',
      '--features',
      ACCOUNTS,
      '--model',
      'logistic',
      '--out',
      out,
      ...TABLE_FLAGS,
      '--param',
      'depth=3',
    );
    assert.equal(param.status, 64);
    assert.match(param.stderr, /unknown parameter depth for logistic/);
    const missingModel = churnkit(
      'predict',
      '--model',
      join(dir, 'nope.json'),
      '--features',
      ACCOUNTS,
      '--out',
      join(dir, 'p.csv'),
    );
    assert.equal(missingModel.status, 2);
    assert.deepEqual(await readdir(dir), ['bad.csv']);
  } finally {
    await cleanup();
  }
});

test('gbdt: an input error found while or after its worker thread starts exits 2 at once, writing nothing', async () => {
  const { dir, cleanup } = await tempDir();
  try {
    const text = (await readFile(ACCOUNTS, 'utf8')).split('\n');
    text[5] = text[5]!.replace(/,[01]$/, ',3');
    const badLabel = join(dir, 'bad.csv');
    await writeFile(badLabel, text.join('\n'));
    const textCells = join(dir, 'text.csv');
    await writeFile(textCells, 'a,b,churned\n1,2,0\n3,"x,1\n');
    const out = join(dir, 'model.json');
    const gbdt = (features: string, ...flags: string[]) =>
      spawnSync(
        process.execPath,
        [cliPath, 'train', '--features', features, '--model', 'gbdt', '--out', out, ...flags],
        // A worker left running would keep the process from ending: the timeout catches it.
        { encoding: 'utf8', timeout: 60_000 },
      );
    const label = gbdt(badLabel, ...TABLE_FLAGS);
    assert.equal(label.status, 2, label.stderr);
    assert.match(label.stderr, /^churnkit: table .*bad\.csv, row 5, column churned: label is 3/);
    assert.equal(label.stderr.trim().split('\n').length, 1);
    const unread = gbdt(textCells, '--label', 'churned', '--columns', 'a,b', '--time-column', 'none');
    assert.equal(unread.status, 2, unread.stderr);
    assert.match(unread.stderr, /^churnkit: table .*text\.csv, row 1, column b: holds numbers written as text/);
    const missing = gbdt(join(dir, 'nope.csv'), ...TABLE_FLAGS);
    assert.equal(missing.status, 2, missing.stderr);
    assert.match(missing.stderr, /nope\.csv: no such file/);
    assert.deepEqual((await readdir(dir)).sort(), ['bad.csv', 'text.csv']);
  } finally {
    await cleanup();
  }
});
