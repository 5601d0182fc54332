import type { Command } from 'commander';
import { defineCommand, type CommandIO } from '../command.js';
import { loadFrame } from '../../data/index.js';
import { loadModel } from '../../learn/index.js';
import { predictionFormat, writePredictions } from '../../learn/index.js';

interface PredictFlags extends Record<string, unknown> {
  model: string;
  features: string;
  out: string;
  margin?: boolean;
}

async function run(flags: PredictFlags, io: CommandIO) {
  predictionFormat(flags.out);
  io.progress.start(`loading ${flags.model}`);
  const model = await loadModel(flags.model);
  io.progress.start(`reading ${flags.features}`);
  const frame = await loadFrame(flags.features);
  io.progress.start(`predicting ${frame.n.toLocaleString('en-US')} rows`);
  const margin = model.predictMargin(frame, flags.features);
  const probability = model.predictProba(frame, flags.features);
  const columns = [
    { name: 'probability', values: probability },
    ...(flags.margin ? [{ name: 'margin', values: margin }] : []),
  ];
  const written = await writePredictions(flags.out, frame, columns);
  let mean = 0;
  for (const p of probability) mean += p / frame.n;
  io.say(
    `wrote ${flags.out}: ${frame.n.toLocaleString('en-US')} rows, mean probability ${frame.n ? mean.toFixed(4) : '-'} (${model.family}, calibration ${model.calibration.method})`,
  );
  return {
    ok: true,
    out: flags.out,
    rows: frame.n,
    columns: written.columns,
    family: model.family,
    calibration: model.calibration.method,
    mean_probability: frame.n ? mean : null,
  };
}

export function register(program: Command): void {
  defineCommand<PredictFlags>(
    program,
    'predict',
    'predict churn probabilities with a model artifact',
    (cmd) =>
      cmd
        .requiredOption('--model <file>', 'model artifact (.json)')
        .requiredOption('--features <file>', 'feature table')
        .requiredOption('--out <file>', 'predictions (.csv or .parquet)')
        .option('--margin', 'also write the uncalibrated log-odds as `margin`'),
    run,
  );
}
