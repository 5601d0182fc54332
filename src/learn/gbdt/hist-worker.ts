/**
 * Worker thread entry: waits for histogram batches on the shared control words and fills its
 * share of the features (see histogram.ts).
 */
import { parentPort, workerData } from 'node:worker_threads';
import { CTL, KIND, runShare } from './histogram.js';
import { instantiateKernels, type WasmMemory } from './wasm-kernels.js';
import { Workspace, type WorkspaceLayout } from './workspace.js';

interface HistWorkerData {
  layout: WorkspaceLayout;
  memory: WasmMemory;
  bytes: Uint8Array;
  thread: number;
  threads: number;
}

const data = workerData as HistWorkerData;
const ws = new Workspace(data.layout, data.memory);
const kernels = instantiateKernels(data.bytes, data.memory);
const ctl = ws.control;
let seen = Atomics.load(ctl, CTL.SEQ);
parentPort!.postMessage('ready');

for (;;) {
  Atomics.wait(ctl, CTL.SEQ, seen);
  seen = Atomics.load(ctl, CTL.SEQ);
  if (ctl[CTL.KIND] === KIND.EXIT) break;
  try {
    runShare(ws, kernels, data.thread, data.threads);
  } catch {
    Atomics.store(ctl, CTL.ERROR, 1);
  }
  Atomics.store(ctl, CTL.DONE + data.thread, seen);
  Atomics.notify(ctl, CTL.DONE + data.thread);
}
