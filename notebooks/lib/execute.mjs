// Re-executes the notebooks in place so their saved outputs (and charts) are current:
//   npm run build && node notebooks/lib/execute.mjs [01-explore-features.ipynb ...]
// The tslab kernel is registered in a temporary folder (nothing is written to ~), 01 runs first
// because it builds the demo data under data/ the others reuse, and nbconvert's execution
// timestamps are dropped so an unchanged notebook is saved byte for byte as it was.
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const run = promisify(execFile);
const here = fileURLToPath(new URL('..', import.meta.url));
const root = join(here, '..');
const JUPYTER = existsSync('/usr/bin/jupyter') ? '/usr/bin/jupyter' : 'jupyter';
const ALL = ['01-explore-features.ipynb', '02-train-and-backtest.ipynb', '03-quarterly-recalibration.ipynb'];

/**
 * Registers the tslab kernel under `prefix`/share/jupyter/kernels with tslab's own installer, as the
 * README tells users to, so the kernel starts this checkout's tslab whatever is on PATH.
 */
async function registerKernel(prefix, env) {
  const python = existsSync('/usr/bin/python3') ? '/usr/bin/python3' : 'python3'; // the python of Debian's jupyter
  const tslab = join(root, 'node_modules', '.bin', 'tslab');
  await run(tslab, ['install', `--python=${python}`, `--prefix=${prefix}`, `--binary=${tslab}`], { env }).catch(
    (err) => {
      throw new Error(
        `tslab install failed (is jupyter_client installed for ${python}?):\n${String(err.stderr ?? err.message).slice(-2000)}`,
      );
    },
  );
}

/** Cell ids and outputs stay; what differs between two identical runs (timestamps) goes. */
function withoutRunMetadata(text) {
  const nb = JSON.parse(text);
  for (const cell of nb.cells) delete cell.metadata?.execution;
  return `${JSON.stringify(nb, null, 1)}\n`;
}

async function main(names) {
  for (const n of names) if (!ALL.includes(n)) throw new Error(`no notebook ${n} (expected one of ${ALL.join(', ')})`);
  const work = await mkdtemp(join(tmpdir(), 'churnkit-notebooks-'));
  try {
    // nothing under ~: what Jupyter and IPython would keep there goes to the temporary folder
    const env = {
      ...process.env,
      JUPYTER_PATH: join(work, 'kernel', 'share', 'jupyter'),
      JUPYTER_RUNTIME_DIR: join(work, 'runtime'),
      JUPYTER_CONFIG_DIR: join(work, 'config'),
      JUPYTER_DATA_DIR: join(work, 'data-dir'),
      IPYTHONDIR: join(work, 'ipython'),
    };
    await registerKernel(join(work, 'kernel'), env);
    const execute = async (name) => {
      const out = join(work, 'out');
      const args = [
        'nbconvert',
        '--to',
        'notebook',
        '--execute',
        '--ExecutePreprocessor.kernel_name=tslab',
        '--ExecutePreprocessor.timeout=300',
        '--output-dir',
        out,
        join(here, name),
      ];
      await run(JUPYTER, args, { env, cwd: here, maxBuffer: 64 * 1024 * 1024 }).catch((err) => {
        throw new Error(`${name} failed:\n${String(err.stderr ?? err.message).slice(-3000)}`);
      });
      // written only when the whole notebook ran: a failure leaves the committed one as it was
      await writeFile(join(here, name), withoutRunMetadata(await readFile(join(out, name), 'utf8')));
      process.stderr.write(`executed ${name}\n`);
    };
    const [first, ...rest] = names.slice().sort();
    if (first) await execute(first);
    await Promise.all(rest.map(execute));
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  main(process.argv.length > 2 ? process.argv.slice(2) : ALL).catch((err) => {
    process.stderr.write(`${err.message}\n`);
    process.exit(1);
  });
}
