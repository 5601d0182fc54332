/**
 * The gbdt worker threads across fits (threads.ts): a training run's session starts them ahead,
 * every fit of the run reuses them, and none outlives the run, also when it fails; the held-out
 * rows' margins shared between the threads are the bits of a one-thread prediction.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { GbdtModel } from '../../../src/learn/gbdt/index.js';
import { PARALLEL_PREDICT_MIN_WORK } from '../../../src/learn/gbdt/parallel.js';
import { liveWorkers, openThreadSession } from '../../../src/learn/gbdt/threads.js';
import { trainModel } from '../../../src/learn/index.js';
import type { Frame } from '../../../src/data/frame.js';
import { InputError } from '../../../src/util/errors.js';
import { readSynthetic, sameBits, slice } from './support.js';

const data = readSynthetic('synth20k_missing.csv');
const params = { n_estimators: 50, max_depth: 4, learning_rate: 0.1, early_stopping_rounds: 0, threads: 2 };

test('held-out margins computed on two threads are the bits of predicting them on one', async () => {
  const train = slice(data, 0, 4000);
  // 16,000 rows x 70 trees: above PARALLEL_PREDICT_MIN_WORK, so the rows are shared.
  const validation = slice(data, 4000, 20000);
  const model = await new GbdtModel({ ...params, n_estimators: 70 }, 3).fit(train, { validation });
  assert.equal(model.trees.length, 70);
  assert.ok(validation.X.n * 70 >= PARALLEL_PREDICT_MIN_WORK);
  assert.ok(sameBits(model.fittedMargins()!.validation!, model.predictMargin(validation.X)));
  assert.equal(liveWorkers(), 0, 'outside a session a fit ends its worker');
});

test('a session starts the worker ahead; fits reuse it and give the bits of fits without one', async () => {
  const train = slice(data, 0, 6000);
  const alone = JSON.stringify((await new GbdtModel(params, 1).fit(train)).state());
  // Warmed for these inputs; the first fit's task waits in the worker's queue behind the warm-up.
  const session = openThreadSession(1, { kind: 'warm', features: train.X.columns.length, threads: 2 });
  try {
    assert.equal(liveWorkers(), 1, 'started before any fit');
    for (let k = 0; k < 2; k++) {
      const model = await new GbdtModel(params, 1).fit(train);
      assert.equal(JSON.stringify(model.state()), alone);
      assert.equal(liveWorkers(), 1, `fit ${k + 1} took the idle worker instead of starting one`);
    }
  } finally {
    await session.close();
  }
  assert.equal(liveWorkers(), 0, 'closing the session ends the worker');
});

function frameOf(rows: number): Frame {
  const names = [...data.X.names, 'y'];
  const columns: Frame['columns'] = {};
  data.X.names.forEach((name, j) => (columns[name] = data.X.columns[j]!.slice(0, rows)));
  columns['y'] = data.y.slice(0, rows);
  return { n: rows, names, columns, kinds: Object.fromEntries(names.map((n) => [n, 'number' as const])) };
}

/** A small gbdt run of trainModel on frameOf's rows. */
const options = {
  family: 'gbdt',
  label: 'y',
  columns: data.X.names,
  timeColumn: null,
  params: { n_estimators: 5 },
};

test('trainModel starts the worker while the table is read and ends it however the run ends', async () => {
  // The read fails after the worker was started: its error, and no thread left behind.
  const failing = new Promise<Frame>((_, reject) =>
    setTimeout(() => reject(new InputError({ table: 't' }, 'bad')), 50),
  );
  await assert.rejects(trainModel(failing, options), /bad/);
  assert.equal(liveWorkers(), 0);
  // A bad parameter: the table's error still comes first, as when it was read before training.
  const bad = Promise.reject(new InputError({ table: 't' }, 'unreadable'));
  await assert.rejects(trainModel(bad, { ...options, params: { depth: 3 } }), /unreadable/);
  await assert.rejects(trainModel(frameOf(100), { ...options, params: { depth: 3 } }), /unknown parameter depth/);
  assert.equal(liveWorkers(), 0);
  // A label error found after the read, with the worker up.
  const labels = frameOf(2000);
  (labels.columns['y'] as Float64Array)[7] = 3;
  await assert.rejects(trainModel(Promise.resolve(labels), options), /row 8, column y: label is 3/);
  assert.equal(liveWorkers(), 0);
  const trained = await trainModel(Promise.resolve(frameOf(2000)), options);
  assert.equal(trained.family, 'gbdt');
  assert.equal(liveWorkers(), 0);
});

test('a table known to be too small for a second thread starts no worker while it is read', async () => {
  const seen: number[] = [];
  for (const cellsAtMost of [undefined, 999_999, 1_000_000]) {
    let release!: (frame: Frame) => void;
    const reading = new Promise<Frame>((resolve) => (release = resolve));
    const training = trainModel(reading, cellsAtMost === undefined ? options : { ...options, cellsAtMost });
    // The session is open once the family has loaded; the table is still being read.
    await new Promise((resolve) => setTimeout(resolve, 50));
    seen.push(liveWorkers());
    release(frameOf(2000));
    const a = await training;
    assert.equal(a.family, 'gbdt');
    assert.equal(liveWorkers(), 0);
  }
  assert.deepEqual(seen, [1, 0, 1], 'no bound, a bound below 1,000,000 cells, a bound at it');
});
