import type { Command } from 'commander';
import { join } from 'node:path';
import { defineCommand, type CommandIO } from '../command.js';
import { UsageError } from '../../util/errors.js';
import { loadFrame, readFrame, type Frame } from '../../data/frame.js';
import { openHistory, quoteIdent, queryValue } from '../../data/index.js';
import { buildFeatures } from '../../features/index.js';
import { BANDS, loadScorecard, scoreFileFormat, scoreTable, writeScores } from '../../scorecard/index.js';

interface ScoreFlags extends Record<string, unknown> {
  scorecard: string;
  features?: string;
  data?: string;
  asOf?: string;
  config?: string;
  out: string;
}

/** Features at one as-of date straight from a history (default: the day after the latest usage). */
async function featuresFromHistory(flags: ScoreFlags, io: CommandIO): Promise<{ frame: Frame; asOf: string }> {
  io.progress.start(`opening ${flags.data}`);
  const history = await openHistory(flags.data!, flags.config ? { config: flags.config } : {});
  try {
    const asOf =
      flags.asOf ??
      (await queryValue<string | null>(history.connection, `SELECT strftime(CAST(MAX(occurred_at) AS DATE) + INTERVAL 1 DAY, '%Y-%m-%d') FROM usage`));
    if (!asOf) throw new UsageError(`${flags.data}: usage has no rows; pass --as-of DATE`);
    const built = await buildFeatures(history, { asOf, progress: io.progress });
    const frame = await readFrame(history.connection, quoteIdent(built.relation));
    return { frame, asOf };
  } finally {
    history.close();
  }
}

async function run(flags: ScoreFlags, io: CommandIO) {
  if ((flags.features === undefined) === (flags.data === undefined)) throw new UsageError('give exactly one of --features FILE or --data DIR');
  if (flags.asOf !== undefined && flags.data === undefined) throw new UsageError('--as-of applies to --data (a feature table already has its as_of dates)');
  scoreFileFormat(flags.out);
  const card = await loadScorecard(flags.scorecard);
  let frame: Frame;
  let asOf: string | null = null;
  if (flags.features !== undefined) {
    io.progress.start(`reading ${flags.features}`);
    frame = await loadFrame(flags.features);
  } else ({ frame, asOf } = await featuresFromHistory(flags, io));
  io.progress.start(`scoring ${frame.n.toLocaleString('en-US')} rows`);
  const scored = scoreTable(card, { ...frame, name: flags.features ?? `${flags.data} (features as of ${asOf})` });
  const written = await writeScores(flags.out, card, frame, scored);
  const bands = Object.fromEntries(BANDS.map((b, k) => [b, scored.scores.band.reduce((a, v) => a + (v === k ? 1 : 0), 0)]));
  const escalated = scored.scores.escalate.reduce((a, v) => a + v, 0);
  io.say(`wrote ${flags.out}: ${frame.n.toLocaleString('en-US')} rows${asOf ? ` as of ${asOf}` : ''}; GREEN ${bands['GREEN']}, YELLOW ${bands['YELLOW']}, RED ${bands['RED']}; ${escalated} escalated`);
  return { ok: true, out: flags.out, rows: frame.n, as_of: asOf, columns: written.columns, bands, escalated, scorecard: card.name ?? flags.scorecard };
}

/** The demo's scoring: the calibrated scorecard over the demo feature table, to `models/demo/scores.csv` beside it. */
export const scoreDemoStep = {
  name: 'score',
  title: 'scoring every snapshot with the calibrated scorecard',
  async run(ctx: { root: string; io: CommandIO; results: Record<string, unknown> }): Promise<unknown> {
    const features = (ctx.results['features'] as { out?: string } | undefined)?.out ?? join(ctx.root, 'demo-features', 'features.parquet');
    const scorecard = (ctx.results['calibrate'] as { out?: string } | undefined)?.out ?? 'default';
    const out = join(ctx.root, '..', 'models', 'demo', 'scores.csv');
    const quiet: CommandIO = { ...ctx.io, say: () => {} };
    const summary = (await run({ scorecard, features, out }, quiet)) as Awaited<ReturnType<typeof run>>;
    ctx.io.say(`score     ${summary.rows.toLocaleString('en-US')} rows with ${scorecard}: GREEN ${summary.bands['GREEN']}, YELLOW ${summary.bands['YELLOW']}, RED ${summary.bands['RED']}, ${summary.escalated} escalated -> ${out}`);
    return summary;
  },
};

export function register(program: Command): void {
  defineCommand<ScoreFlags>(
    program,
    'score',
    'score accounts with a scorecard',
    (cmd) =>
      cmd
        .requiredOption('--scorecard <file>', 'scorecard artifact (.json) or default')
        .option('--features <file>', 'feature table')
        .option('--data <dir>', 'history dataset')
        .option('--as-of <date>', 'as-of date when scoring from --data (default: the day after the latest usage)')
        .option('--config <file>', 'mapping file for --data')
        .requiredOption('--out <file>', 'scores (.csv or .parquet)'),
    run,
  );
}
