/** Registration order is the order `churnkit --help` lists them in. */
export const COMMANDS = [
    {
        name: 'simulate',
        description: 'generate a deterministic synthetic B2B SaaS history',
        load: () => import('./commands/simulate.js'),
    },
    {
        name: 'init',
        description: 'draft churnkit.config.json for a folder of exports (Salesforce, HubSpot, Segment, Zendesk, ...)',
        load: () => import('./commands/init.js'),
    },
    {
        name: 'validate',
        description: 'check a history dataset against the input contract',
        load: () => import('./commands/validate.js'),
    },
    {
        name: 'features',
        description: 'build point-in-time snapshots, the ten features, signals and labels',
        load: () => import('./commands/features.js'),
    },
    {
        name: 'refresh',
        description: 'keep a daily feature table up to date: rebuild only the as-of dates new data touched',
        load: () => import('./commands/refresh.js'),
    },
    {
        name: 'train',
        description: 'train a churn model on a feature table',
        load: () => import('./commands/train.js'),
    },
    {
        name: 'predict',
        description: 'predict churn probabilities with a model artifact',
        load: () => import('./commands/predict.js'),
    },
    {
        name: 'backtest',
        description: 'walk-forward backtest of models and scorecards on the same folds',
        load: () => import('./commands/backtest.js'),
    },
    {
        name: 'calibrate',
        description: 'fit scorecard points, weights and bands to observed churn',
        load: () => import('./commands/calibrate.js'),
    },
    { name: 'score', description: 'score accounts with a scorecard', load: () => import('./commands/score.js') },
    {
        name: 'judge',
        description: "record a CSM's own band or score for an account (kept beside the computed score), or list them",
        load: () => import('./commands/judge.js'),
    },
    {
        name: 'report',
        description: 'render a backtest as HTML, Markdown and PNG charts',
        load: () => import('./commands/report.js'),
    },
    {
        name: 'recalibrate',
        description: 'the quarterly run: features, backtest, calibration, diff, report, promotion',
        load: () => import('./commands/recalibrate.js'),
    },
    {
        name: 'serve',
        description: 'serve scores over HTTP (SIGHUP reloads the scorecard, SIGTERM drains and stops)',
        load: () => import('./commands/serve.js'),
    },
    {
        name: 'app',
        description: 'a local web app: accounts at risk and why, a scorecard editor that backtests as you drag',
        load: () => import('./commands/app.js'),
    },
    {
        name: 'export-sql',
        description: 'compile a scorecard to one SQL query over a feature table (DuckDB or PostgreSQL)',
        load: () => import('./commands/export-sql.js'),
    },
    {
        name: 'export',
        description: 'export a model to another format (tfjs: a TensorFlow.js LayersModel)',
        load: () => import('./commands/export.js'),
    },
    {
        name: 'artifact',
        description: 'work with model and scorecard artifacts (rehash: sign a hand edit)',
        load: () => import('./commands/artifact.js'),
    },
    { name: 'demo', description: 'run the whole pipeline on simulated data', load: () => import('./commands/demo.js') },
];
/**
 * The command a command line names: its first word that is not an option (`help score` names
 * `score`). The program itself has no options that take a value, so the first bare word is it.
 */
export function commandNamed(args) {
    const words = args.filter((a) => !a.startsWith('-'));
    return words[0] === 'help' ? words[1] : words[0];
}
/**
 * Registers every command on `program`: the one `args` names with its module (flags and action),
 * every other by name and description only, enough for `churnkit --help` and for commander to
 * reject an unknown command.
 */
export async function registerCommands(program, args) {
    const named = commandNamed(args);
    for (const entry of COMMANDS) {
        if (entry.name === named)
            (await entry.load()).register(program);
        else
            program.command(entry.name).description(entry.description);
    }
}
//# sourceMappingURL=registry.js.map