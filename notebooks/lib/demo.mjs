// The notebooks' data: the demo history and feature table (what `npm run demo` makes), built
// here when absent, under CHURNKIT_NOTEBOOK_DATA (the test points it at a temporary folder) or data/.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../', import.meta.url));

/**
 * What the notebooks call `ck`: churnkit's public API, plus the modules an analyst draws and
 * queries with that the package does not promise to keep (the chart specs, the DuckDB helpers,
 * the model stack's row selection), read from the compiled tree.
 */
export async function toolbox() {
  const load = (path) => import(new URL(`../../dist/src/${path}`, import.meta.url).href);
  const areas = await Promise.all(
    ['data/index.js', 'features/index.js', 'learn/index.js', 'scorecard/index.js', 'report/index.js', 'index.js'].map(
      load,
    ),
  );
  return Object.assign({}, ...areas);
}

export async function demoData() {
  const ck = await toolbox();
  const dataRoot = process.env.CHURNKIT_NOTEBOOK_DATA ?? join(root, 'data');
  const history = join(dataRoot, 'demo');
  const features = join(dataRoot, 'demo-features', 'features.parquet');
  if (!existsSync(join(history, 'truth.json')))
    await ck.simulate({ accounts: 2000, months: 24, seed: 7, out: history });
  if (!existsSync(features)) {
    const h = await ck.openHistory(history);
    try {
      const built = await ck.buildFeatures(h, {});
      await ck.writeFeatureTable(built, features, { format: 'parquet' });
    } finally {
      h.close();
    }
  }
  return { ck, root, dataRoot, history, features };
}

/** A Vega-Lite spec as PNG bytes (tslab.display.png shows them, and they are saved in the notebook). */
export async function png(ck, spec) {
  return ck.svgToPng(await ck.toSvg(spec), 1.5);
}

/** Rows as an HTML table, numbers to 3 decimals. */
export function table(rows) {
  if (rows.length === 0) return '<p>(no rows)</p>';
  const cols = Object.keys(rows[0]);
  const cell = (v) =>
    typeof v === 'number'
      ? Number.isInteger(v)
        ? v.toLocaleString('en-US')
        : v.toFixed(3)
      : v === null || v === undefined
        ? '–'
        : String(v);
  return `<table><thead><tr>${cols.map((c) => `<th>${c}</th>`).join('')}</tr></thead><tbody>${rows
    .map((r) => `<tr>${cols.map((c) => `<td>${cell(r[c])}</td>`).join('')}</tr>`)
    .join('')}</tbody></table>`;
}
