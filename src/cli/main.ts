#!/usr/bin/env node
import { Command, CommanderError } from 'commander';
import { reportError } from './command.js';
import { VERSION } from '../util/index.js';
import * as simulate from './commands/simulate.js';
import * as validate from './commands/validate.js';
import * as features from './commands/features.js';
import * as train from './commands/train.js';
import * as predict from './commands/predict.js';
import * as backtest from './commands/backtest.js';
import * as calibrate from './commands/calibrate.js';
import * as score from './commands/score.js';
import * as report from './commands/report.js';
import * as recalibrate from './commands/recalibrate.js';
import * as serve from './commands/serve.js';
import * as exportSql from './commands/export-sql.js';
import * as exportModel from './commands/export.js';
import * as demo from './commands/demo.js';

const program = new Command()
  .name('churnkit')
  .description('Churn prediction and health-score calibration for Customer Success Operations')
  .version(VERSION)
  .showHelpAfterError('(run with --help for usage)')
  .exitOverride();

for (const command of [
  simulate,
  validate,
  features,
  train,
  predict,
  backtest,
  calibrate,
  score,
  report,
  recalibrate,
  serve,
  exportSql,
  exportModel,
  demo,
]) {
  command.register(program);
}
for (const sub of program.commands) sub.exitOverride();

try {
  await program.parseAsync(process.argv);
} catch (err) {
  if (err instanceof CommanderError) {
    // Help and version are successes; commander has already printed its message.
    if (err.exitCode === 0 || err.code === 'commander.helpDisplayed' || err.code === 'commander.version')
      process.exit(0);
    process.exit(64);
  }
  reportError(err);
}
