import { defineCommand } from '../command.js';
import { UsageError, groupDigits } from '../../util/index.js';
import { createApp } from '../../app/index.js';
import { listenFlags, listenOn, runUntilStopped } from './serve.js';
export function register(program) {
    defineCommand(program, 'app', 'a local web app: accounts at risk and why, a scorecard editor that backtests as you drag', (cmd) => listenFlags(cmd)
        .requiredOption('--features <file>', 'feature table (.parquet or .csv) the accounts and the editor read')
        .requiredOption('--scorecard <file>', 'the scorecard to show and edit (.json, default or preset:NAME)')
        .option('--backtest <dir>', 'a backtest folder: the editor uses its folds, /report shows its report')
        .option('--model <file>', "a model artifact (.json): its churn probability beside the scorecard's")
        .option('--data <dir>', 'the history the features came from: names, owners and the raw events of an account')
        .option('--recalibration <dir>', 'a recalibrate --out folder: its decision at /recalibration, for approval')
        .option('--out <dir>', "folder where Save and Approve write new scorecards (default: the scorecard's folder)")
        .option('--allow-write', 'let Save replace the scorecard being served')
        .option('--history <db>', "score history (DuckDB file or postgres:// URL): record CSMs' judgments on the account page, shown beside the score"), async (opts, io) => {
        if (opts.port < 0 || opts.port > 65535)
            throw new UsageError(`--port must be 0-65535, got ${opts.port}`);
        io.progress.start(`loading ${opts.features} and ${opts.scorecard}`);
        const app = await createApp({
            features: opts.features,
            scorecard: opts.scorecard,
            ...(opts.backtest ? { backtest: opts.backtest } : {}),
            ...(opts.model ? { model: opts.model } : {}),
            ...(opts.data ? { data: opts.data } : {}),
            ...(opts.recalibration ? { recalibration: opts.recalibration } : {}),
            ...(opts.out ? { out: opts.out } : {}),
            ...(opts.history ? { history: opts.history } : {}),
            allowWrite: Boolean(opts.allowWrite),
            logger: { level: 'info', stream: process.stderr },
        });
        io.progress.done();
        const address = await listenOn(app, opts.port, opts.host);
        const state = app.churnkitApp.state();
        io.say(`churnkit app on ${address}: ${groupDigits(state.rowsOf.size)} accounts as of ${state.lastAsOf}, scorecard ${opts.scorecard}; ${state.outDir ? `Save writes to ${state.outDir}` : 'Save needs --out DIR'}`);
        const signal = await runUntilStopped(app, opts.shutdownTimeout, () => {
            void app.churnkitApp.reload().then((r) => {
                if (r.ok)
                    app.log.info('reloaded');
                else
                    app.log.error({ error: r.error }, 'reload refused; the previous data keeps serving');
            });
        });
        return { ok: true, address, signal };
    });
}
//# sourceMappingURL=app.js.map