/** The training pipeline: holdout slices and embargo, NULLs, categoricals, artifacts, explanations. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Frame } from '../../src/data/frame.js';
import {
  DEFAULT_MODEL_COLUMNS,
  loadModel,
  readModelArtifact,
  takeRows,
  timeFolds,
  trainModel,
  type LogisticState,
  type TrainingRecord,
} from '../../src/learn/index.js';
import { addDays } from '../../src/util/dates.js';
import { FEATURE_TABLE_COLUMNS } from '../../src/features/registry.js';
import { Rng } from '../../src/util/rng.js';
import { tempDir } from '../support/paths.js';
import { loadFixture } from './helpers.js';
import { viewRows } from '../../src/learn/split.js';
import { gather, gatherView } from '../../src/learn/crossfit.js';

/** A churnkit-shaped feature table: monthly as-of dates, the default model columns, a 90-day label. */
function churnTable(months: number, perMonth: number, seed: number): Frame {
  const rng = new Rng(seed);
  const n = months * perMonth;
  const columns: Frame['columns'] = {};
  const kinds: Frame['kinds'] = {};
  const asOf: string[] = [];
  const ids: string[] = [];
  const segment: string[] = [];
  for (let m = 0; m < months; m++) {
    const date = new Date(Date.UTC(2024, m, 1)).toISOString().slice(0, 10);
    for (let k = 0; k < perMonth; k++) {
      asOf.push(date);
      ids.push(`A${k}`);
      segment.push(['SMB', 'MidMarket', 'Enterprise'][k % 3]!);
    }
  }
  columns['account_id'] = ids;
  kinds['account_id'] = 'text';
  columns['as_of'] = asOf;
  kinds['as_of'] = 'date';
  columns['segment'] = segment;
  kinds['segment'] = 'text';
  const risk = new Float64Array(n);
  for (const name of FEATURE_TABLE_COLUMNS.slice(3)) {
    if (name === 'churned_within_90d') continue;
    const isBool = ['zero_usage_14d', 'champion_departed', 'active_escalation'].includes(name);
    const col = Float64Array.from({ length: n }, () => (isBool ? (rng.next() < 0.15 ? 1 : 0) : rng.normal()));
    if (name === 'nps_trend') for (let i = 0; i < n; i++) if (rng.next() < 0.3) col[i] = NaN;
    columns[name] = col;
    kinds[name] = isBool ? 'boolean' : 'number';
  }
  // Accounts without a contract: both contract-derived columns are NULL on the same rows.
  const ratio = columns['contract_value_vs_usage_ratio'] as Float64Array;
  const renewal = columns['days_to_renewal'] as Float64Array;
  for (let i = 0; i < n; i++) if (i % 10 === 3) ratio[i] = renewal[i] = NaN;
  const usage = columns['usage_trend_14d'] as Float64Array;
  const zero = columns['zero_usage_14d'] as Float64Array;
  const nps = columns['nps_trend'] as Float64Array;
  for (let i = 0; i < n; i++)
    risk[i] = -1.5 - 0.9 * usage[i]! + 1.2 * zero[i]! + (Number.isNaN(nps[i]!) ? 0.6 : -0.3 * nps[i]!);
  const label = Float64Array.from(risk, (r) => (rng.next() < 1 / (1 + Math.exp(-r)) ? 1 : 0));
  // The last three months are censored: their 90 days have not passed.
  for (let i = (months - 3) * perMonth; i < n; i++) label[i] = NaN;
  columns['churned_within_90d'] = label;
  kinds['churned_within_90d'] = 'number';
  return { n, names: [...FEATURE_TABLE_COLUMNS], kinds, columns };
}

test('on a churnkit table: default columns, censored rows skipped, NULLs get an indicator', async () => {
  const frame = churnTable(12, 150, 1);
  const m = await trainModel(frame, { family: 'logistic', missing: 'indicator' });
  assert.deepEqual(m.features, DEFAULT_MODEL_COLUMNS);
  const split = m.training.split;
  assert.equal(split.censored_rows, 450);
  assert.equal(m.provenance.rows, 1350);
  assert.equal(m.provenance.horizon_days, 90);
  assert.equal(m.provenance.as_of_from, '2024-01-01');
  assert.equal(m.provenance.as_of_to, '2024-09-01');
  assert.match(m.provenance.data_fingerprint, /^[0-9a-f]{64}$/);
  // One indicator for the two columns that are NULL together (two would be collinear).
  assert.deepEqual(m.preprocessing.missing_indicators, ['nps_trend', 'contract_value_vs_usage_ratio']);
  assert.match(
    m.preprocessing.notes![0]!,
    /days_to_renewal is NULL on the same training rows as contract_value_vs_usage_ratio/,
  );
  assert.ok(m.preprocessing.outputs.includes('nps_trend:missing'));
  const s = m.model.state() as LogisticState;
  const missingCoef = s.coefficients[s.names.indexOf('nps_trend:missing')]!;
  assert.ok(missingCoef > 0.3, `a missing NPS carries its own risk (${missingCoef})`);
  // explain by input folds the indicator into its column; the sum is still the margin
  const e = m.explain(frame);
  assert.deepEqual(e.names, DEFAULT_MODEL_COLUMNS);
  const margin = m.predictMargin(frame);
  for (let i = 0; i < frame.n; i += 97) {
    let total = e.bias[i]!;
    for (const c of e.contributions) total += c[i]!;
    assert.ok(Math.abs(total - margin[i]!) < 1e-12);
  }
});

test('no missing indicator where every NULL row has the same label (its coefficient would be infinite)', async () => {
  const frame = churnTable(12, 100, 7);
  const label = frame.columns['churned_within_90d'] as Float64Array;
  const util = frame.columns['license_utilization'] as Float64Array;
  let marked = 0;
  for (let i = 0; i < 900 && marked < 4; i++) {
    if (label[i] !== 0) continue;
    util[i] = NaN;
    marked++;
  }
  const m = await trainModel(frame, { family: 'logistic', missing: 'indicator' });
  assert.ok(!m.preprocessing.outputs.includes('license_utilization:missing'));
  assert.ok(
    m.preprocessing.notes!.some((n) => /license_utilization is NULL on 4 training rows, all labeled 0/.test(n)),
  );
});

test('--holdout F holds out the latest as-of slice and embargoes rows whose label window reaches it', async () => {
  const frame = churnTable(12, 150, 2);
  const m = await trainModel(frame, { family: 'logistic', calibration: 'isotonic', holdoutFraction: 0.2 });
  const split = m.training.split;
  // labeled: Jan..Sep; holdout: the latest 20% of labeled rows = Aug, Sep (300 rows)
  assert.equal(split.holdout_from, '2024-08-01');
  assert.equal(split.holdout_rows, 300);
  // training rows need as_of + 90 days <= Aug 1: Jan..May 1 (May 1 + 90 = Jul 30); Jun and Jul are embargoed
  assert.equal(split.embargoed_rows, 300);
  assert.equal(split.train_rows, 750);
  assert.equal(m.calibration.method, 'isotonic');
  if (m.calibration.method === 'isotonic') {
    assert.equal(m.calibration.fitted_on.rows, 300);
    assert.equal(m.calibration.fitted_on.as_of_from, '2024-08-01');
  }
  assert.ok('holdout_uncalibrated' in m.metrics && 'holdout_calibrated' in m.metrics && 'train' in m.metrics);
  // No embargo when asked
  const noGap = await trainModel(frame, {
    family: 'logistic',
    calibration: 'platt',
    embargoDays: 0,
    holdoutFraction: 0.2,
  });
  assert.equal(noGap.training.split.train_rows, 1050);
});

test('a later slice or folds that leave nothing to train on are a clear error', async () => {
  const frame = churnTable(5, 50, 3);
  await assert.rejects(
    trainModel(frame, { family: 'logistic', calibration: 'platt', holdoutFraction: 0.2 }),
    /leaves no training rows.*--calibration none/,
  );
  await assert.rejects(
    trainModel(frame, { family: 'logistic', calibration: 'platt' }),
    /no time-ordered fold of features has both classes to train on; use --calibration none/,
  );
});

test('gbdt fits every labeled row: cross-fitted early stopping by default, nothing held out with --holdout 0', async () => {
  const frame = churnTable(24, 60, 5);
  const labeled = 21 * 60;
  const split = (m: { training: TrainingRecord }) => m.training.split;
  // Default: early stopping chooses the rounds on out-of-fold rows of 5 time-ordered folds.
  const cf = await trainModel(frame, { family: 'gbdt', params: { n_estimators: 60 } });
  assert.equal(split(cf).train_rows, labeled);
  assert.equal(split(cf).holdout_rows, 0);
  assert.equal(split(cf).by, 'cross_fit');
  const cross = cf.training.cross_fit;
  assert.ok(cross?.rounds !== undefined);
  assert.equal(cross.folds.length, 5);
  assert.ok(cross.rounds >= 1 && cross.rounds <= 60);
  assert.equal((cf.model.summary() as { trees: number }).trees, cross.rounds);
  // The label-window embargo holds on both sides of every block: no training row's 90 days reach
  // into the block, none starts within 90 days after it.
  for (const f of cross.folds) assert.ok(f.embargoed_rows > 0, JSON.stringify(f));
  assert.ok('out_of_fold_uncalibrated' in cf.metrics);

  // No early stopping and no calibration: no holdout, no folds, every tree kept.
  const all = await trainModel(frame, {
    family: 'gbdt',
    params: { n_estimators: 40, early_stopping_rounds: 0 },
    holdoutFraction: 0,
  });
  assert.equal(split(all).train_rows, labeled);
  assert.equal(split(all).by, 'none');
  assert.equal(all.training.cross_fit, undefined);
  assert.equal((all.model.summary() as { trees: number }).trees, 40);

  // Calibration with --holdout 0 is fitted on out-of-fold margins; the model still sees every row.
  const cal = await trainModel(frame, {
    family: 'gbdt',
    params: { n_estimators: 40 },
    calibration: 'platt',
    holdoutFraction: 0,
  });
  assert.equal(split(cal).train_rows, labeled);
  assert.equal(cal.calibration.method, 'platt');
  if (cal.calibration.method === 'platt')
    assert.equal(cal.calibration.fitted_on.rows, cal.training.cross_fit?.out_of_fold_rows);
});

test('time-ordered folds: consecutive blocks, an embargo of the label window on both sides', () => {
  const times: string[] = [];
  for (let m = 0; m < 12; m++)
    for (let k = 0; k < 10; k++) times.push(new Date(Date.UTC(2024, m, 1)).toISOString().slice(0, 10));
  const rows = times.map((_, i) => i);
  const folds = timeFolds(rows, times, 4, 90);
  assert.deepEqual(
    folds.map((f) => [f.from, f.to, f.validation.length]),
    [
      ['2024-01-01', '2024-03-01', 30],
      ['2024-04-01', '2024-06-01', 30],
      ['2024-07-01', '2024-09-01', 30],
      ['2024-10-01', '2024-12-01', 30],
    ],
  );
  for (const f of folds) {
    for (const i of f.train) {
      const t = times[i]!;
      assert.ok(t < f.from || t > f.to);
      if (t < f.from) assert.ok(addDays(t, 90) <= f.from, `${t} reaches into ${f.from}`);
      else assert.ok(t >= addDays(f.to, 90), `${t} is within 90 days after ${f.to}`);
    }
    assert.equal(f.train.length + f.validation.length + f.embargoed, rows.length);
  }
  // Block 2 (Apr-Jun) trains on Jan (Jan 1 + 90 days = Mar 31 <= Apr 1) and from Sep 1 (Jun 1 + 90 days = Aug 30) on.
  assert.deepEqual(
    [...new Set(folds[1]!.train.map((i) => times[i]))],
    ['2024-01-01', '2024-09-01', '2024-10-01', '2024-11-01', '2024-12-01'],
  );
});

test('artifact round trip: save, load, same bytes and bit-identical predictions', async () => {
  const { dir, cleanup } = await tempDir();
  try {
    const frame = churnTable(12, 100, 4);
    const m = await trainModel(frame, { family: 'logistic', calibration: 'platt', params: { l2: 0.5 } });
    const path = join(dir, 'model.json');
    await m.save(path);
    const text = await readFile(path, 'utf8');
    const loaded = await loadModel(path);
    assert.equal(loaded.serialize(), text);
    assert.deepEqual(loaded.predictProba(frame), m.predictProba(frame));
    const artifact = JSON.parse(text);
    assert.equal(artifact.kind, 'churnkit.model');
    assert.equal(artifact.version, 2);
    assert.equal(artifact.family, 'logistic');
    assert.deepEqual(Object.keys(artifact.state), ['names', 'intercept', 'coefficients', 'center', 'scale']);
    assert.equal(artifact.diagnostics.coefficients.length, artifact.state.names.length + 1);
    assert.ok(!/\d{4}-\d\d-\d\dT\d\d:/.test(text), 'no wall-clock timestamps in the artifact');
    // Same data and seed: same bytes.
    const again = await trainModel(frame, { family: 'logistic', calibration: 'platt', params: { l2: 0.5 } });
    assert.equal(again.serialize(), text);
  } finally {
    await cleanup();
  }
});

test('a damaged artifact is refused with the field named', async () => {
  const { dir, cleanup } = await tempDir();
  try {
    const frame = churnTable(6, 60, 5);
    const m = await trainModel(frame, { family: 'logistic', missing: 'indicator' });
    const good = m.toArtifact();
    const cases: [string, (a: any) => void, RegExp][] = [
      ['kind', (a) => (a.kind = 'churnkit.scorecard'), /field kind/],
      ['outputs', (a) => (a.preprocessing.outputs[2] = 7), /field preprocessing\.outputs\[2\]/],
      [
        'calibration',
        (a) => (a.calibration = { method: 'platt', a: 'x', b: 0, fitted_on: { rows: 1, positives: 0 } }),
        /field calibration\.a/,
      ],
      ['state', (a) => a.state.coefficients.pop(), /field state\.coefficients must have/],
      ['fingerprint', (a) => (a.provenance.data_fingerprint = 'abc'), /field provenance\.data_fingerprint/],
      ['impute', (a) => a.preprocessing.impute.pop(), /field preprocessing\.impute/],
    ];
    for (const [name, damage, message] of cases) {
      const a = JSON.parse(JSON.stringify(good));
      damage(a);
      const path = join(dir, `${name}.json`);
      await writeFile(path, JSON.stringify(a));
      await assert.rejects(
        loadModel(path),
        (err: Error) => message.test(err.message) && err.message.includes(path),
        name,
      );
    }
    await writeFile(join(dir, 'bad.json'), '{ not json');
    await assert.rejects(readModelArtifact(join(dir, 'bad.json')), /not JSON/);
  } finally {
    await cleanup();
  }
});

test('any table: --label/--columns/--categorical; unseen levels are the reference; bad labels name the row', async () => {
  const accounts = await loadFixture('accounts.csv');
  const options = {
    family: 'logistic',
    label: 'churned',
    columns: ['usage_trend', 'tickets', 'nps', 'segment'],
    categorical: ['segment'],
    missing: 'indicator' as const,
  };
  const m = await trainModel(accounts, options);
  assert.deepEqual(m.preprocessing.outputs, [
    'usage_trend',
    'tickets',
    'nps',
    'nps:missing',
    'segment=MidMarket',
    'segment=SMB',
  ]);
  const seg = accounts.columns['segment'] as string[];
  const unseen: Frame = { ...accounts, columns: { ...accounts.columns, segment: seg.map(() => 'Startup') } };
  const reference: Frame = { ...accounts, columns: { ...accounts.columns, segment: seg.map(() => 'Enterprise') } };
  assert.deepEqual(m.predictProba(unseen), m.predictProba(reference));
  const label = Float64Array.from(accounts.columns['churned'] as Float64Array);
  label[41] = 2;
  await assert.rejects(
    trainModel(
      { ...accounts, columns: { ...accounts.columns, churned: label } },
      { ...options, table: 'accounts.csv' },
    ),
    /table accounts\.csv, row 42, column churned: label is 2/,
  );
  await assert.rejects(
    trainModel(accounts, { family: 'logistic', label: 'churned', columns: ['segment'] }),
    /column segment.*--categorical/,
  );
  await assert.rejects(trainModel(accounts, { family: 'logistic', label: 'churned' }), /not a churnkit feature table/);
  await assert.rejects(trainModel(accounts, { ...options, family: 'forest' }), /unknown model family "forest"/);
  await assert.rejects(trainModel(accounts, { ...options, params: { l3: 1 } }), /unknown parameter l3 for logistic/);
  const { usage_trend: _, ...rest } = accounts.columns;
  assert.throws(() => m.predictProba({ ...accounts, columns: rest }), /column usage_trend: not in the table/);
});

test('balanced class weights fit with weights but calibrate and score without them', async () => {
  const frame = churnTable(12, 120, 6);
  const plain = await trainModel(frame, { family: 'logistic', calibration: 'platt' });
  const balanced = await trainModel(frame, { family: 'logistic', calibration: 'platt', classWeight: 'balanced' });
  const mean = (p: Float64Array) => p.reduce((a, b) => a + b, 0) / p.length;
  const prevalence = plain.provenance.positives / plain.provenance.rows;
  // Balanced weights push raw probabilities towards 0.5; Platt on the later slice brings them back.
  const rawMean = mean(balanced.predictMargin(frame).map((v) => 1 / (1 + Math.exp(-v))));
  assert.ok(rawMean > prevalence + 0.1, `raw mean ${rawMean} vs prevalence ${prevalence}`);
  assert.ok(Math.abs(mean(balanced.predictProba(frame)) - prevalence) < 0.08);
});

test('consecutive rows are read through views of the table, which training leaves as it found them', async () => {
  const table = churnTable(8, 60, 31);
  const consecutive = Array.from({ length: 200 }, (_, k) => 40 + k);
  const view = viewRows(table, consecutive, ['tenure_days', 'as_of']);
  const copy = takeRows(table, consecutive, ['tenure_days', 'as_of']);
  const source = table.columns['tenure_days'] as Float64Array;
  const viewed = view.columns['tenure_days'] as Float64Array;
  assert.equal(viewed.buffer, source.buffer, 'a view of the column');
  assert.deepEqual(viewed, copy.columns['tenure_days']);
  assert.deepEqual(view.columns['as_of'], copy.columns['as_of']);
  assert.notEqual((copy.columns['tenure_days'] as Float64Array).buffer, source.buffer);
  const scattered = [3, 2, 9];
  assert.notEqual((viewRows(table, scattered).columns['tenure_days'] as Float64Array).buffer, source.buffer);
  assert.deepEqual(viewRows(table, scattered), takeRows(table, scattered));
  assert.equal(gatherView(source, consecutive).buffer, source.buffer);
  assert.deepEqual(gatherView(source, scattered), gather(source, scattered));
  // An imputing family changes copies: the table's columns keep their bits, NULLs included.
  const withNulls = churnTable(8, 60, 32);
  const nulls = withNulls.columns['tenure_days'] as Float64Array;
  for (let i = 0; i < nulls.length; i += 7) nulls[i] = NaN;
  const before = Object.fromEntries(withNulls.names.map((n) => [n, structuredClone(withNulls.columns[n])]));
  for (const family of ['logistic', 'gbdt'])
    for (const missing of ['mean', 'indicator'] as const)
      await trainModel(withNulls, { family, missing, holdoutFraction: 0.25, calibration: 'platt' });
  for (const n of withNulls.names) assert.deepEqual(withNulls.columns[n], before[n], `column ${n}`);
});
