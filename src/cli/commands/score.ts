import type { Command } from 'commander';
import { join } from 'node:path';
import { defineCommand, type CommandIO } from '../command.js';
import { assertNotAnInput, UsageError, groupDigits } from '../../util/index.js';
import { openDuckDB, type Database, type Frame } from '../../data/light/index.js';
import type { ModelArtifact, TrainedModel } from '../../learn/index.js';
import { probabilityForPeople, significant } from '../../catalogue/index.js';
import { isOpportunityLabel, loadFeatureTable } from '../../features/light/index.js';
import {
  BANDS,
  loadScorecardToScore,
  statusOf,
  scoreFileFormat,
  scoreTable,
  writeScores,
  type ExtraScoreColumn,
  type Scorecard,
  type ScoredTable,
} from '../../scorecard/light/index.js';
import type { ScoreRecord } from '../../history/index.js';

// The model stack, the history and feature build, and the score history load only when a flag asks
// for them: scoring a feature table with a scorecard is the common call and should start fast, so
// it imports the light entries of data, features and scorecard (no zod, no data validation).

interface ScoreFlags extends Record<string, unknown> {
  scorecard: string;
  features?: string;
  data?: string;
  asOf?: string;
  config?: string;
  allowOutsideData?: boolean;
  history?: string;
  model?: string;
  expansionModel?: string;
  out: string;
}

/** Model reasons in a score file: as many as the scorecard gives. */
const MODEL_REASONS = 3;

/**
 * `model_probability` and `model_reason_<k>` (`_value`, `_text`) from the card's embedded model or
 * `--model`: what `predict --reasons` writes for the same rows.
 */
async function modelColumns(model: TrainedModel, frame: Frame, table: string): Promise<ExtraScoreColumn[]> {
  const { modelReasons } = await import('../../learn/index.js');
  const r = modelReasons(model, frame, MODEL_REASONS, table);
  const columns: ExtraScoreColumn[] = [
    { name: 'model_probability', values: model.predictProba(frame, table), round: probabilityForPeople },
  ];
  const numeric = model.preprocessing.inputs.every((i) => i.kind === 'numeric');
  for (let k = 0; k < r.k; k++) {
    const values = r.value[k]!;
    columns.push(
      { name: `model_reason_${k + 1}`, values: r.feature[k]! },
      {
        name: `model_reason_${k + 1}_value`,
        values: numeric
          ? Float64Array.from(values, (v) => (typeof v === 'number' ? v : NaN))
          : values.map((v) => (v === null || v === undefined ? null : String(v))),
        round: (x) => significant(x, 4),
      },
      { name: `model_reason_${k + 1}_text`, values: r.text[k]! },
    );
  }
  return columns;
}

/** Features at one as-of date straight from a history (default: the day after the latest usage). */
async function featuresFromHistory(
  flags: ScoreFlags,
  io: CommandIO,
): Promise<{ frame: Frame; asOf: string; names: (string | null)[] | null }> {
  io.progress.start(`opening ${flags.data}`);
  const {
    accountFacts,
    explainHistoryFailure,
    hasAccountNames,
    openHistory,
    queryValue,
    quoteIdent,
    readFrame,
    textColumn,
  } = await import('../../data/index.js');
  const historyOptions = {
    ...(flags.config ? { config: flags.config } : {}),
    allowOutsideData: Boolean(flags.allowOutsideData),
  };
  const explain = async (err: unknown): Promise<never> => {
    throw await explainHistoryFailure(flags.data!, historyOptions, err);
  };
  const history = await openHistory(flags.data!, historyOptions).catch(explain);
  try {
    await assertNotAnInput(flags.out, { inputs: history.inputFiles });
    const asOf =
      flags.asOf ??
      (await queryValue<string | null>(
        history.connection,
        `SELECT strftime(CAST(MAX(occurred_at) AS DATE) + INTERVAL 1 DAY, '%Y-%m-%d') FROM usage`,
      ));
    if (!asOf) throw new UsageError(`${flags.data}: usage has no rows; pass --as-of DATE`);
    const { buildFeatures } = await import('../../features/index.js');
    const built = await buildFeatures(history, { asOf, progress: io.progress }).catch(explain);
    const frame = await readFrame(history.connection, quoteIdent(built.relation));
    let names: (string | null)[] | null = null;
    if (hasAccountNames(history)) {
      const facts = await accountFacts(history);
      names = textColumn(frame, 'account_id').map((id) => (id === null ? null : (facts.get(id)?.name ?? null)));
    }
    return { frame, asOf, names };
  } finally {
    history.close();
  }
}

/** One history record per scored row (rows without account or as-of cannot be tracked: null). */
function historyRecords(
  card: Scorecard,
  frame: Frame,
  scored: ScoredTable,
  asOf: string | null,
): (ScoreRecord | null)[] {
  const { scores } = scored;
  const accounts = frame.columns['account_id'];
  const asOfs = frame.columns['as_of'];
  if (!accounts || accounts instanceof Float64Array)
    throw new UsageError('--history needs an account_id text column in the feature table');
  const K = scores.overrides.length;
  const out: (ScoreRecord | null)[] = [];
  for (let i = 0; i < frame.n; i++) {
    const day = asOfs && !(asOfs instanceof Float64Array) ? asOfs[i] : asOf;
    const account = accounts[i];
    // A row with too little data has no score to remember.
    if (account === null || account === undefined || !day || statusOf(card, scores.coverage[i]!) !== 'scored') {
      out.push(null);
      continue;
    }
    const layers: Record<string, number | null> = {};
    for (const l of card.layers) {
      const v = scores.layers[l.name]![i]!;
      layers[l.name] = Number.isNaN(v) ? null : v;
    }
    const prob = scores.probability[i]!;
    out.push({
      account_id: account,
      as_of: day.slice(0, 10),
      score: scores.score[i]!,
      band: BANDS[scores.band[i]!]!,
      probability: Number.isNaN(prob) ? null : prob,
      escalate: scores.escalate[i] === 1,
      layers,
      overrides: scores.overrides.filter((_, k) => scores.fired[i * K + k] === 1),
      reasons: [0, 1, 2]
        .map((r) => scores.reasons[i * 3 + r]!)
        .filter((s) => s >= 0)
        .map((s) => scores.signals[s]!),
      scorecard: card.name ?? null,
    });
  }
  return out;
}

/**
 * With --history, the change since the previous score comes from the store (earlier runs and
 * earlier snapshots of this one), and this run is appended to it.
 */
async function applyHistory(
  target: string,
  card: Scorecard,
  frame: Frame,
  scored: ScoredTable,
  asOf: string | null,
  io: CommandIO,
): Promise<number> {
  const records = historyRecords(card, frame, scored, asOf);
  const rows = records.flatMap((r, i) => (r ? [i] : []));
  io.progress.start(`recording ${groupDigits(rows.length)} scores in ${target}`);
  const { openScoreHistory, withScoreChanges } = await import('../../history/index.js');
  const history = await openScoreHistory(target);
  try {
    const changes = await withScoreChanges(
      history,
      rows.map((i) => records[i]!),
      { source: 'score' },
    );
    rows.forEach((i, j) => (scored.change[i] = changes[j]!.score_change ?? NaN));
    return rows.length;
  } finally {
    await history.close();
  }
}

async function run(flags: ScoreFlags, io: CommandIO) {
  if ((flags.features === undefined) === (flags.data === undefined))
    throw new UsageError('give exactly one of --features FILE or --data DIR');
  if (flags.asOf !== undefined && flags.data === undefined)
    throw new UsageError('--as-of applies to --data (a feature table already has its as_of dates)');
  scoreFileFormat(flags.out);
  await assertNotAnInput(flags.out, {
    inputs: [
      flags.scorecard,
      flags.features,
      flags.data,
      flags.config,
      flags.history,
      flags.model,
      flags.expansionModel,
    ],
  });
  // One DuckDB reads the table and writes the scores, and it starts first: creating an instance
  // takes longer than reading and checking the card (and any model), which happen meanwhile.
  const opening = openDuckDB();
  // Its failure is reported where it is awaited, after the card's (a bad card is named first).
  opening.catch(() => {});
  try {
    return await scoreWith(flags, io, opening);
  } finally {
    await opening.then(
      (db) => db.close(),
      () => {},
    );
  }
}

async function scoreWith(flags: ScoreFlags, io: CommandIO, opening: Promise<Database>) {
  const card = await loadScorecardToScore(flags.scorecard);
  // The schema has checked kind, version and family; loadModel validates the rest.
  const modelSource = flags.model ?? (card.model as unknown as ModelArtifact | undefined);
  const model = modelSource ? await (await import('../../learn/index.js')).loadModel(modelSource) : null;
  const expansionModel = flags.expansionModel
    ? await (await import('../../learn/index.js')).loadModel(flags.expansionModel)
    : null;
  if (expansionModel && !isOpportunityLabel(expansionModel.label))
    throw new UsageError(
      `--expansion-model ${flags.expansionModel}: it was trained on ${expansionModel.label}, not on an expansion label (train --label expanded_within_90d)`,
    );
  let frame: Frame;
  let asOf: string | null = null;
  let names: (string | null)[] | null = null;
  const db = await opening;
  if (flags.features !== undefined) {
    io.progress.start(`reading ${flags.features}`);
    frame = await loadFeatureTable(flags.features, undefined, { db });
  } else ({ frame, asOf, names } = await featuresFromHistory(flags, io));
  io.progress.start(`scoring ${groupDigits(frame.n)} rows`);
  const scored = scoreTable(card, { ...frame, name: flags.features ?? `${flags.data} (features as of ${asOf})` });
  const recorded =
    flags.history !== undefined ? await applyHistory(flags.history, card, frame, scored, asOf, io) : null;
  const table = flags.features ?? `${flags.data} (features as of ${asOf})`;
  if (model) io.progress.start(`predicting ${groupDigits(frame.n)} rows with the ${model.family} model`);
  const extra = model ? await modelColumns(model, frame, table) : [];
  if (expansionModel) {
    io.progress.start(`predicting expansion with the ${expansionModel.family} model`);
    // no expansion propensity where the scorecard has too little data to score, as for model_probability
    const covered = scored.scores.coverage.map((c) => (statusOf(card, c) === 'scored' ? 1 : 0));
    const p = expansionModel.predictProba(frame, table).map((v, i) => (covered[i] ? v : Number.NaN));
    extra.unshift({ name: 'expansion_probability', values: p, round: probabilityForPeople });
  }
  const written = await writeScores(flags.out, card, frame, scored, { names, extra, db });
  return summarize(flags, card, frame, scored, { asOf, model, expansionModel, recorded, columns: written.columns }, io);
}

function summarize(
  flags: ScoreFlags,
  card: Scorecard,
  frame: Frame,
  scored: ScoredTable,
  run: {
    asOf: string | null;
    model: TrainedModel | null;
    expansionModel: TrainedModel | null;
    recorded: number | null;
    columns: string[];
  },
  io: CommandIO,
) {
  const { asOf, model, expansionModel, recorded } = run;
  // A row with too little data has no band in the file, so it is counted under none here either.
  let insufficient = 0;
  const counts = BANDS.map(() => 0);
  scored.scores.band.forEach((k, i) => {
    if (statusOf(card, scored.scores.coverage[i]!) === 'scored') counts[k]!++;
    else insufficient++;
  });
  const bands = Object.fromEntries(BANDS.map((b, k) => [b, counts[k]!]));
  const escalated = scored.scores.escalate.reduce((a, v) => a + v, 0);
  io.say(
    `wrote ${flags.out}: ${groupDigits(frame.n)} rows${asOf ? ` as of ${asOf}` : ''}; GREEN ${bands['GREEN']}, YELLOW ${bands['YELLOW']}, RED ${bands['RED']}; ${escalated} escalated${insufficient ? `; ${insufficient} with too little data to score` : ''}${model ? `; model_probability from the ${model.family} model` : ''}${expansionModel ? `; expansion_probability from the ${expansionModel.family} model` : ''}`,
  );
  return {
    ok: true,
    out: flags.out,
    rows: frame.n,
    as_of: asOf,
    columns: run.columns,
    bands,
    escalated,
    insufficient_data: insufficient,
    model: model ? model.family : null,
    expansion_model: expansionModel ? expansionModel.family : null,
    scorecard: card.name ?? flags.scorecard,
    history: flags.history ?? null,
    recorded,
  };
}

/** The demo's scoring: the calibrated scorecard over the demo feature table, to `models/demo/scores.csv` beside it. */
export const scoreDemoStep = {
  name: 'score',
  title: 'scoring every snapshot with the calibrated scorecard',
  async run(ctx: { root: string; io: CommandIO; results: Record<string, unknown> }): Promise<unknown> {
    const features =
      (ctx.results['features'] as { out?: string } | undefined)?.out ??
      join(ctx.root, 'demo-features', 'features.parquet');
    const scorecard = (ctx.results['calibrate'] as { out?: string } | undefined)?.out ?? 'default';
    const out = join(ctx.root, '..', 'models', 'demo', 'scores.csv');
    const quiet: CommandIO = { ...ctx.io, say: () => {} };
    const summary = (await run({ scorecard, features, out }, quiet)) as Awaited<ReturnType<typeof run>>;
    ctx.io.say(
      `score     ${groupDigits(summary.rows)} rows with ${scorecard}: GREEN ${summary.bands['GREEN']}, YELLOW ${summary.bands['YELLOW']}, RED ${summary.bands['RED']}, ${summary.escalated} escalated -> ${out}`,
    );
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
        .requiredOption('--scorecard <file>', 'scorecard artifact (.json), default or preset:NAME')
        .option('--features <file>', 'feature table')
        .option('--data <dir>', 'history dataset')
        .option('--as-of <date>', 'as-of date when scoring from --data (default: the day after the latest usage)')
        .option('--config <file>', 'mapping file for --data')
        .option('--allow-outside-data', 'let the mapping file name files outside the data folder')
        .option('--history <db>', 'score history to compare with and append to: a DuckDB file or postgres:// URL')
        .option(
          '--model <file>',
          'model artifact: model_probability and model_reason_<k> columns (default: the model embedded in the scorecard)',
        )
        .option(
          '--expansion-model <file>',
          'a model trained on expanded_within_90d: an expansion_probability column beside the churn risk',
        )
        .requiredOption('--out <file>', 'scores (.csv or .parquet)'),
    run,
  );
}
