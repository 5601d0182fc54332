/**
 * The three notebooks run top to bottom headlessly (Debian's jupyter-nbconvert with the tslab
 * kernel, registered in a temporary folder), on their own demo data, with no error and with
 * their charts; and the committed notebooks carry their outputs.
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { repoRoot, tempDir } from '../support/paths.js';
import { loadScorecard } from '../../src/scorecard/index.js';
import { compileScorecardSql } from '../../src/warehouse/index.js';
const run = promisify(execFile);
// Debian's jupyter (jupyter-nbconvert, installed by tools/provision.sh, which npm test runs first), not whatever python is first on PATH
const JUPYTER = existsSync('/usr/bin/jupyter') ? '/usr/bin/jupyter' : 'jupyter';
const NOTEBOOKS = [
    ['01-explore-features.ipynb', 3],
    ['02-train-and-backtest.ipynb', 3],
    ['03-quarterly-recalibration.ipynb', 1],
];
let work;
let env;
before(async () => {
    work = await tempDir('churnkit-notebooks-');
    // Everything Jupyter and IPython would keep under ~ goes to the temporary folder.
    env = {
        ...process.env,
        JUPYTER_PATH: join(work.dir, 'kernel', 'share', 'jupyter'),
        JUPYTER_RUNTIME_DIR: join(work.dir, 'runtime'),
        JUPYTER_CONFIG_DIR: join(work.dir, 'config'),
        JUPYTER_DATA_DIR: join(work.dir, 'data-dir'),
        IPYTHONDIR: join(work.dir, 'ipython'),
        CHURNKIT_NOTEBOOK_DATA: join(work.dir, 'data'),
    };
    // tslab's own installer, the way the README registers the kernel, into a temporary prefix
    const python = existsSync('/usr/bin/python3') ? '/usr/bin/python3' : 'python3';
    const tslab = join(repoRoot, 'node_modules', '.bin', 'tslab');
    await run(tslab, ['install', `--python=${python}`, `--prefix=${join(work.dir, 'kernel')}`, `--binary=${tslab}`], {
        env,
    });
});
after(() => work.cleanup());
async function execute(name) {
    const out = join(work.dir, 'out');
    // No --allow-errors: a failing cell fails nbconvert, and its message reaches the assertion.
    await run(JUPYTER, [
        'nbconvert',
        '--to',
        'notebook',
        '--execute',
        '--ExecutePreprocessor.kernel_name=tslab',
        '--ExecutePreprocessor.timeout=300',
        '--output-dir',
        out,
        join(repoRoot, 'notebooks', name),
    ], {
        env,
        cwd: join(repoRoot, 'notebooks'),
        maxBuffer: 64 * 1024 * 1024,
    }).catch((err) => {
        throw new Error(`${name} failed to execute:\n${String(err.stderr ?? err.message).slice(-3000)}`);
    });
    return JSON.parse(await readFile(join(out, name), 'utf8'));
}
function check(name, nb, charts) {
    const outputs = nb.cells.flatMap((c) => c.outputs ?? []);
    const errors = outputs.filter((o) => o.output_type === 'error' || (o.output_type === 'stream' && o.name === 'stderr'));
    assert.deepEqual(errors.map((o) => `${o.ename ?? ''} ${o.evalue ?? ''} ${[o.text ?? ''].flat().join('')}`), [], `${name}: no error output`);
    const pngs = outputs.filter((o) => o.output_type === 'display_data' && typeof o.data?.['image/png'] === 'string');
    assert.ok(pngs.length >= charts, `${name}: ${pngs.length} charts, expected ${charts}`);
    for (const p of pngs)
        assert.ok(p.data['image/png'].length > 10_000, `${name}: a chart with something drawn`);
    const code = nb.cells.filter((c) => c.cell_type === 'code');
    assert.ok(code.every((c) => (c.outputs ?? []).length > 0), `${name}: every code cell says something`);
}
test('01 runs first (it builds the demo data the others reuse), then 02 and 03 side by side', async () => {
    const [first, ...rest] = NOTEBOOKS;
    check(first[0], await execute(first[0]), first[1]);
    const results = await Promise.all(rest.map(([name]) => execute(name)));
    rest.forEach(([name, charts], k) => check(name, results[k], charts));
    // 03 exports the recalibrated card and its SQL (it checked the SQL against the library itself)
    const exported = join(env['CHURNKIT_NOTEBOOK_DATA'], 'notebook-export');
    const card = await loadScorecard(join(exported, 'scorecard.json'));
    const shipped = await loadScorecard('default');
    assert.notDeepEqual(card.layers.map((l) => l.weight), shipped.layers.map((l) => l.weight), 'the exported card is the recalibrated one');
    const sql = await readFile(join(exported, 'scorecard.duckdb.sql'), 'utf8');
    assert.match(sql, /^-- churnkit scorecard .*compiled for duckdb/);
    assert.equal(sql, `${compileScorecardSql(card, { dialect: 'duckdb', table: 'features' })}\n`, 'the SQL is the exported card compiled');
});
test('the committed notebooks carry their outputs, charts included', async () => {
    for (const [name, charts] of NOTEBOOKS) {
        const nb = JSON.parse(await readFile(join(repoRoot, 'notebooks', name), 'utf8'));
        check(name, nb, charts);
    }
});
//# sourceMappingURL=notebooks.test.js.map