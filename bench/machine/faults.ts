/**
 * What fresh memory costs on this machine: the CPU time of the first write to each page of newly
 * allocated memory (the kernel's page fault, and on a virtual machine the hypervisor's) against a
 * second write to the same pages. Every figure in bench/README.md includes this cost wherever a
 * process allocates, so it says how far they carry to another machine.
 *
 *   node dist/bench/machine/faults.js [--mb 100] [--runs 5]
 */
import { parseArgs } from 'node:util';

const { values } = parseArgs({
  options: {
    mb: { type: 'string', default: '100' },
    runs: { type: 'string', default: '5' },
    json: { type: 'boolean' },
  },
});
const bytes = Number(values.mb) * 2 ** 20;
const PAGE = 4096;
const pages = bytes / PAGE;

/** CPU microseconds (user + system) of fn. */
function cpu(fn: () => void): number {
  const before = process.cpuUsage();
  fn();
  const used = process.cpuUsage(before);
  return used.user + used.system;
}

const first: number[] = [];
const again: number[] = [];
for (let r = 0; r < Number(values.runs); r++) {
  // A fresh buffer each run, touched once per page, then once more.
  const memory = new Uint8Array(bytes);
  first.push(
    cpu(() => {
      for (let i = 0; i < bytes; i += PAGE) memory[i] = 1;
    }),
  );
  again.push(
    cpu(() => {
      for (let i = 0; i < bytes; i += PAGE) memory[i] = 2;
    }),
  );
}
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const result = {
  mb: Number(values.mb),
  runs: first.length,
  firstTouchMicrosPerPage: median(first) / pages,
  againMicrosPerPage: median(again) / pages,
  firstTouchMsPerMb: median(first) / 1000 / Number(values.mb),
};
if (values.json) process.stdout.write(`${JSON.stringify(result)}\n`);
else
  process.stdout.write(
    `fresh memory, first write: ${result.firstTouchMicrosPerPage.toFixed(2)} us CPU a 4 KiB page (${result.firstTouchMsPerMb.toFixed(1)} ms a MB); ` +
      `the same pages again: ${result.againMicrosPerPage.toFixed(3)} us (median of ${result.runs} runs of ${result.mb} MB)\n`,
  );
