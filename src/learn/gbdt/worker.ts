/**
 * Worker thread entry (threads.ts): serves the tasks posted to it one at a time. A warm-up
 * assembles the kernels a fit will want while the table is still being read. A fit bins this
 * thread's share of the features, answers with their bounds, then waits for batches on the
 * shared control words and claims their items with the other threads until the fit ends
 * (parallel.ts); a prediction share walks its rows through the packed trees (predict.ts).
 */
import { parentPort } from 'node:worker_threads';
import { binFeatures } from './binning.js';
import {
  CTL,
  KIND,
  claimItems,
  threadKernelBytes,
  threadKernels,
  waitWhile,
  type FitTask,
  type WarmTask,
} from './parallel.js';
import { predictRows, type PredictShare } from './predict.js';
import type { WorkerReply } from './threads.js';
import { Workspace } from './workspace.js';

type Task = WarmTask | FitTask | PredictShare;

function fit(task: FitTask): void {
  const ws = new Workspace(task.layout, task.memory);
  const kernels = threadKernels(ws, task.threads);
  const ctl = ws.control;
  let seen = Atomics.load(ctl, CTL.SEQ);
  const b = task.binning;
  // The first job: bin this thread's share of the features; the bounds also say "ready".
  const bounds = binFeatures(b.columns, b.from, b.to, b.maxBin, b.sample, ws.codes, task.layout.rows);
  reply({ value: bounds });
  for (;;) {
    waitWhile(ctl, CTL.SEQ, seen);
    seen = Atomics.load(ctl, CTL.SEQ);
    if (ctl[CTL.KIND] === KIND.EXIT) return;
    try {
      claimItems(ws, kernels, task.splitParams);
    } catch {
      Atomics.store(ctl, CTL.ERROR, 1);
      Atomics.notify(ctl, CTL.FIN);
    }
  }
}

function reply<T>(message: WorkerReply<T>, transfer: ArrayBuffer[] = []): void {
  parentPort!.postMessage(message, transfer);
}

parentPort!.on('message', (task: Task) => {
  try {
    if (task.kind === 'warm') {
      threadKernelBytes(task.features, task.threads);
      reply({ value: null });
    } else if (task.kind === 'fit') fit(task);
    else {
      const out = new Float64Array(task.rows);
      predictRows(task.forest, task.thread, task.columns, 0, task.rows, out, 0);
      reply({ value: out }, [out.buffer]);
    }
  } catch (err) {
    reply({ error: err instanceof Error ? err.message : String(err) });
  }
});
