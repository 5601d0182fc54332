import { join } from 'node:path';
import { defineCommand, intOption } from '../command.js';
import { ChurnkitError, groupDigits } from '../../util/index.js';
import { simulate } from '../../simulate/index.js';
import { formatIssue, validateHistory } from '../../data/index.js';
import { featuresDemoStep } from './features.js';
import { trainDemoStep } from './train.js';
import { calibrateDemoStep } from './calibrate.js';
import { scoreDemoStep } from './score.js';
import { backtestDemoStep, expansionDemoStep, presetsDemoStep } from './backtest.js';
import { reportDemoStep } from './report.js';
/**
 * The demo pipeline, in order. Later issues append their steps (features, train, backtest,
 * calibrate, score, report) here; each sees the summaries of the steps before it.
 */
export const DEMO_STEPS = [
    {
        name: 'simulate',
        title: 'simulating a customer history',
        async run(ctx) {
            const sim = await simulate({
                accounts: ctx.accounts,
                months: ctx.months,
                seed: ctx.seed,
                out: ctx.data,
                progress: ctx.io.progress,
            });
            ctx.io.say(`simulate  ${groupDigits(sim.accounts)} accounts, ${sim.months} months (${sim.start} to ${sim.data_end}), ` +
                `${groupDigits(sim.rows)} rows in ${ctx.data}; ${groupDigits(sim.churned_accounts)} churned ` +
                `(${(sim.annual_churn_rate * 100).toFixed(1)}% a year)`);
            const { truth, ...summary } = sim;
            return { ...summary, layer_strength: truth.layer_strength };
        },
    },
    {
        name: 'validate',
        title: 'validating it against the input contract',
        async run(ctx) {
            const report = await validateHistory(ctx.data, { progress: ctx.io.progress });
            if (!report.ok) {
                const first = report.issues.find((i) => i.severity === 'error');
                throw new ChurnkitError(`demo: the simulated history fails validation: ${first ? formatIssue(first) : 'see churnkit validate'}`, 2);
            }
            ctx.io.say(`validate  ok: ${report.tables.filter((t) => t.rows !== null).length} tables meet the contract, ${report.warnings} warning${report.warnings === 1 ? '' : 's'}`);
            return { ok: report.ok, errors: report.errors, warnings: report.warnings, data_end: report.dataEnd };
        },
    },
    featuresDemoStep,
    trainDemoStep,
    backtestDemoStep,
    calibrateDemoStep,
    presetsDemoStep,
    expansionDemoStep,
    scoreDemoStep,
    reportDemoStep,
];
export function register(program) {
    defineCommand(program, 'demo', 'run the whole pipeline on simulated data', (cmd) => cmd
        .option('--accounts <n>', 'accounts to simulate', intOption('--accounts'), 2000)
        .option('--months <n>', 'months of history', intOption('--months'), 24)
        .option('--seed <n>', 'random seed', intOption('--seed'), 7)
        .option('--out <dir>', 'demo data folder', join('data', 'demo')), async (opts, io) => {
        const ctx = {
            accounts: opts.accounts,
            months: opts.months,
            seed: opts.seed,
            data: opts.out,
            root: join(opts.out, '..'),
            io,
            results: {},
        };
        io.say(`churnkit demo: ${DEMO_STEPS.map((s) => s.name).join(' -> ')}`);
        for (const step of DEMO_STEPS) {
            io.progress.note(`${step.name}: ${step.title}`);
            ctx.results[step.name] = await step.run(ctx);
        }
        io.say(`done. Planted churn drivers: ${join(ctx.data, 'truth.json')}`);
        return { ok: true, steps: ctx.results };
    });
}
//# sourceMappingURL=demo.js.map