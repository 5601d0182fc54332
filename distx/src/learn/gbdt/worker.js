/**
 * Worker thread entry: waits for batches on the shared control words and claims their items
 * with the other threads (see parallel.ts).
 */
import { parentPort, workerData } from 'node:worker_threads';
import { binFeatures } from './binning.js';
import { CTL, KIND, claimItems, threadKernels, waitWhile } from './parallel.js';
import { Workspace } from './workspace.js';
const data = workerData;
const ws = new Workspace(data.layout, data.memory);
const kernels = threadKernels(ws, data.threads);
const ctl = ws.control;
let seen = Atomics.load(ctl, CTL.SEQ);
const b = data.binning;
// The first job: bin this thread's share of the features; the bounds also say "ready".
parentPort.postMessage(binFeatures(b.columns, b.from, b.to, b.maxBin, b.sample, ws.codes, data.layout.rows));
for (;;) {
    waitWhile(ctl, CTL.SEQ, seen);
    seen = Atomics.load(ctl, CTL.SEQ);
    if (ctl[CTL.KIND] === KIND.EXIT)
        break;
    try {
        claimItems(ws, kernels, data.splitParams);
    }
    catch {
        Atomics.store(ctl, CTL.ERROR, 1);
        Atomics.notify(ctl, CTL.FIN);
    }
}
//# sourceMappingURL=worker.js.map