import { groupDigits } from './numbers.js';
/**
 * Progress on a terminal, silence everywhere else: bars draw on stderr only when it is a TTY
 * and the command was not asked for `--json`, so pipes and machines see clean output.
 */
export interface Progress {
  /** Starts (or restarts) a step with a known or unknown total. */
  start(label: string, total?: number): void;
  tick(done: number): void;
  /** A one-line note, e.g. "wrote features.parquet (24,000 rows)". */
  note(message: string): void;
  done(): void;
}

export const silentProgress: Progress = { start() {}, tick() {}, note() {}, done() {} };

export function createProgress(
  options: { json?: boolean; quiet?: boolean; stream?: NodeJS.WriteStream } = {},
): Progress {
  const stream = options.stream ?? process.stderr;
  if (options.json || options.quiet || !stream.isTTY) return silentProgress;
  let label = '';
  let total: number | undefined;
  let started = 0;
  let lastDraw = 0;
  const draw = (done: number, force = false) => {
    const now = Date.now();
    if (!force && now - lastDraw < 100) return;
    lastDraw = now;
    const secs = ((now - started) / 1000).toFixed(1);
    let line: string;
    if (total && total > 0) {
      const frac = Math.min(1, done / total);
      const width = 24;
      const fill = Math.round(frac * width);
      line = `${label} [${'#'.repeat(fill)}${'-'.repeat(width - fill)}] ${(frac * 100).toFixed(0)}% ${secs}s`;
    } else {
      line = `${label} ${groupDigits(done)} ${secs}s`;
    }
    stream.write(`\r\x1b[2K${line}`);
  };
  return {
    start(l, t) {
      label = l;
      total = t;
      started = Date.now();
      lastDraw = 0;
      draw(0, true);
    },
    tick(done) {
      draw(done);
    },
    note(message) {
      stream.write(`\r\x1b[2K${message}\n`);
    },
    done() {
      stream.write('\r\x1b[2K');
    },
  };
}
