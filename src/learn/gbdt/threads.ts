/**
 * The gbdt worker threads. A worker loads the kernels' modules once and then serves tasks posted
 * to it, one at a time: a fit (bin its share of the features, then claim batch items until the
 * fit ends: parallel.ts) or a share of a prediction (predict.ts). Starting one costs Node's
 * bootstrap of a thread and the module graph (0.1-0.5 s of the second core on this machine, by
 * load), so a training run holds its workers in a session: started while the table is still
 * being read, reused by every cross-fitted fold and the final fit, ended when the run ends.
 * Outside a session a fit starts its worker and ends it afterwards.
 *
 * Workers are unref'd while idle (an idle worker never keeps the process alive) and ref'd while
 * a task they were sent is pending.
 */
import { Worker } from 'node:worker_threads';

/** What a worker answers a task with: its value, or the message of what it threw. */
export type WorkerReply<T> = { value: T } | { error: string };

export class GbdtWorker {
  private readonly worker: Worker;
  private failure: Error | null = null;
  private exited = false;
  /** Set by terminate(): from then on the worker stays ref'd until it has exited. */
  private ending = false;
  /** The task sent last, settled or not: a worker takes its next task only after answering. */
  private pending: Promise<unknown> = Promise.resolve();
  private unanswered = 0;

  constructor() {
    this.worker = new Worker(new URL('./worker.js', import.meta.url));
    this.worker.unref();
    // A worker that dies (out of memory, a bug) is dropped; its pending task, if any, rejects.
    this.worker.on('error', (err) => (this.failure ??= err));
    this.worker.on('exit', () => {
      this.exited = true;
      live.delete(this);
      idle.delete(this);
    });
    live.add(this);
  }

  get usable(): boolean {
    return !this.exited && this.failure === null;
  }

  /**
   * Posts a task once the worker has answered the ones before, and resolves with its answer
   * (the worker's first message after it).
   */
  request<T>(task: unknown, transfer: readonly ArrayBuffer[] = []): Promise<T> {
    // Posted at once when the worker has nothing to answer (a fit's share must reach it before
    // the calling thread starts its own), else after the last answer.
    const answer =
      this.unanswered === 0 ? this.post<T>(task, transfer) : this.pending.then(() => this.post<T>(task, transfer));
    this.unanswered++;
    this.pending = answer.then(
      () => this.unanswered--,
      () => this.unanswered--,
    );
    return answer;
  }

  private post<T>(task: unknown, transfer: readonly ArrayBuffer[]): Promise<T> {
    if (!this.usable) return Promise.reject(this.failure ?? new Error('gbdt worker thread has exited'));
    const w = this.worker;
    return new Promise<T>((resolve, reject) => {
      const settle = () => {
        w.off('message', onMessage);
        w.off('error', onError);
        w.off('exit', onExit);
        // A task answered while the worker is being ended (a warm-up, on a table too small to
        // share) must not unref it: the event loop would end before terminate() resolves, and
        // the process with exit code 13 (an unsettled top-level await).
        if (!this.ending) w.unref();
      };
      const onMessage = (reply: WorkerReply<T>) => {
        settle();
        if ('error' in reply) reject(new Error(`gbdt worker thread: ${reply.error}`));
        else resolve(reply.value);
      };
      const onError = (err: Error) => {
        settle();
        reject(err);
      };
      const onExit = () => {
        settle();
        reject(this.failure ?? new Error('gbdt worker thread exited'));
      };
      w.on('message', onMessage);
      w.on('error', onError);
      w.on('exit', onExit);
      w.ref();
      w.postMessage(task, [...transfer]);
    });
  }

  /** Resolves once the worker has answered every task sent to it. */
  answered(): Promise<unknown> {
    return this.pending;
  }

  async terminate(): Promise<void> {
    live.delete(this);
    idle.delete(this);
    if (this.exited) return;
    // Awaited: an unref'd worker would let the event loop end before it has exited.
    this.ending = true;
    this.worker.ref();
    await this.worker.terminate();
  }
}

/** Workers started and not yet ended; idle ones wait for a task of the open sessions. */
const live = new Set<GbdtWorker>();
const idle = new Set<GbdtWorker>();
let sessions = 0;

/** An idle worker, or a new one. */
export function acquireWorker(): GbdtWorker {
  for (const w of idle) {
    idle.delete(w);
    if (w.usable) return w;
  }
  return new GbdtWorker();
}

/** Gives a worker back after its task: kept for the open sessions, ended without one. */
export async function releaseWorker(worker: GbdtWorker): Promise<void> {
  await worker.answered();
  if (sessions > 0 && worker.usable) idle.add(worker);
  else await worker.terminate();
}

/** Workers of the open sessions and the fits running; for tests. */
export function liveWorkers(): number {
  return live.size;
}

export interface ThreadSession {
  /** Ends the session; with no other open, the idle workers end (awaited). */
  close(): Promise<void>;
}

/**
 * Keeps workers across fits until `close`, and starts `workers` of them now (fewer when enough
 * are idle already) so that they get ready while the caller does something else; each is sent
 * `warm` first, when given (a task it answers without side effects on the fits).
 */
export function openThreadSession(workers: number, warm?: unknown): ThreadSession {
  sessions++;
  for (let k = idle.size; k < workers; k++) {
    const worker = new GbdtWorker();
    // A warm-up that fails costs nothing: the fit does the work itself.
    if (warm !== undefined) worker.request(warm).catch(() => {});
    idle.add(worker);
  }
  let open = true;
  return {
    async close() {
      if (!open) return;
      open = false;
      if (--sessions > 0) return;
      const ending = [...idle];
      idle.clear();
      await Promise.all(ending.map((w) => w.terminate()));
    },
  };
}
