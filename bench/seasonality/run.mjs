/**
 * Seasonality (issue 22): on the simulator's seasonal histories (`simulate --seasonal-usage`),
 * the plain usage trends against their year-over-year forms (`features --seasonal`): pooled
 * backtest AUC of the default card and of calibrated cards with and without them, and false REDs
 * at the dip snapshots (08-01 and 01-01: accounts RED there that did not churn within 90 days).
 * Also the feature build's wall time with and without --seasonal, as whole processes.
 *
 *   npm run build && node bench/seasonality/run.mjs [--accounts 2000] [--seed 7] [--dir /tmp/seasonality]
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));
const arg = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : fallback;
};
const accounts = arg('accounts', '2000');
const seed = arg('seed', '7');
const dir = arg('dir', '/tmp/churnkit-seasonality');
mkdirSync(dir, { recursive: true });
const at = (f) => join(dir, f);

function churnkit(...args) {
  const started = process.hrtime.bigint();
  const r = spawnSync(process.execPath, [join(root, 'dist/src/cli/main.js'), ...args], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`churnkit ${args.join(' ')}: ${r.stderr}`);
  return { out: r.stdout, seconds: Number(process.hrtime.bigint() - started) / 1e9 };
}

const SEASONAL = 'usage_trend_14d,login_frequency_change_14d,feature_adoption_breadth_change_30d';
// 48 months from 2023-01-01: the calibration table ends 2025-06-30, the backtest tests 2025-07 on
churnkit(
  'simulate',
  '--accounts',
  accounts,
  '--months',
  '48',
  '--seed',
  seed,
  '--seasonal-usage',
  '--out',
  at('history'),
  '--force',
);
const plain = churnkit('features', '--data', at('history'), '--data-end', '2026-12-31', '--out', at('plain.parquet'));
const full = churnkit(
  'features',
  '--data',
  at('history'),
  '--data-end',
  '2026-12-31',
  '--seasonal',
  SEASONAL,
  '--out',
  at('features.parquet'),
);
churnkit(
  'features',
  '--data',
  at('history'),
  '--data-end',
  '2025-06-30',
  '--seasonal',
  SEASONAL,
  '--out',
  at('early.parquet'),
);

// the default card reading the year-over-year columns instead of the plain trends
const card = JSON.parse(readFileSync(join(root, 'models/default-scorecard.json'), 'utf8'));
delete card.checksum;
card.name = 'default, usage trends year over year';
for (const layer of card.layers)
  for (const s of layer.signals) if (SEASONAL.split(',').includes(s.feature)) s.feature = `${s.feature}_yoy`;
writeFileSync(at('default-yoy.json'), JSON.stringify(card, null, 2));
churnkit('calibrate', '--features', at('early.parquet'), '--bootstrap', '0', '--out', at('calibrated.json'));
churnkit(
  'calibrate',
  '--features',
  at('early.parquet'),
  '--bootstrap',
  '0',
  '--base',
  at('default-yoy.json'),
  '--out',
  at('calibrated-yoy.json'),
);
const cards = ['default', at('default-yoy.json'), at('calibrated.json'), at('calibrated-yoy.json')];
const bt = churnkit(
  'backtest',
  '--features',
  at('features.parquet'),
  '--models',
  cards.map((c) => `scorecard:${c}`).join(','),
  '--start',
  '2025-07-01',
  '--out',
  at('backtest'),
  '--force',
);
process.stdout.write(bt.out);

const { openDuckDB, queryRows } = await import(join(root, 'dist/src/data/index.js'));
const db = await openDuckDB();
const rows = await queryRows(
  db.connection,
  `SELECT model, strftime(CAST(as_of AS DATE), '%m-%d') IN ('01-01', '08-01') AS dip, COUNT(*) AS rows,
     SUM(CASE WHEN band = 'RED' THEN 1 ELSE 0 END) AS red,
     SUM(CASE WHEN band = 'RED' AND label = 0 THEN 1 ELSE 0 END) AS false_red,
     SUM(CASE WHEN band = 'RED' AND label = 1 THEN 1 ELSE 0 END) AS true_red
   FROM read_parquet('${at('backtest/oof.parquet')}') GROUP BY ALL ORDER BY dip DESC, model`,
);
db.close();
console.log('\nmodel | snapshots | rows | RED | false RED (no churn within 90 days) | true RED');
for (const r of rows)
  console.log(
    `${r.model} | ${r.dip ? 'dips (08-01, 01-01)' : 'other months'} | ${r.rows} | ${r.red} | ${r.false_red} | ${r.true_red}`,
  );
console.log(
  `\nfeatures: ${plain.seconds.toFixed(1)} s plain, ${full.seconds.toFixed(1)} s with --seasonal ${SEASONAL}`,
);
