import { defineCommand } from '../command.js';
import { ChurnkitError, isoDay, UsageError } from '../../util/index.js';
import { formatIssue, formatValidationReport, validateHistory } from '../../data/index.js';
export function register(program) {
    defineCommand(program, 'validate', 'check a history dataset against the input contract', (cmd) => cmd
        .requiredOption('--data <dir>', 'history folder or DuckDB file')
        .option('--config <file>', 'mapping file (default: churnkit.config.json in --data)')
        .option('--allow-outside-data', 'let the mapping file name files outside the data folder')
        .option('--max-examples <n>', 'rows shown per problem', '5')
        .option('--data-end <date>', 'the last day of the export: later events are reported as impossible'), async (opts, io) => {
        const maxExamples = Number(opts.maxExamples ?? 5);
        if (!Number.isInteger(maxExamples) || maxExamples < 1)
            throw new ChurnkitError(`--max-examples must be a positive integer, got "${opts.maxExamples}"`, 64);
        if (opts.dataEnd !== undefined && isoDay(opts.dataEnd) === undefined)
            throw new UsageError(`--data-end must be a date YYYY-MM-DD, got "${opts.dataEnd}"`);
        const report = await validateHistory(opts.data, {
            ...(opts.config ? { config: opts.config } : {}),
            maxExamples,
            ...(opts.dataEnd ? { dataEnd: opts.dataEnd } : {}),
            allowOutsideData: Boolean(opts.allowOutsideData),
            progress: io.progress,
        });
        for (const line of formatValidationReport(report))
            io.say(line);
        if (report.ok)
            return report;
        const first = report.issues.find((i) => i.severity === 'error');
        const more = report.errors > 1 ? ` (and ${report.errors - 1} more error${report.errors > 2 ? 's' : ''})` : '';
        const reason = `${formatIssue(first)}${more}`;
        if (!io.json)
            throw new ChurnkitError(reason, 2);
        // --json: the whole report on stdout, the reason on stderr, exit 2.
        process.stderr.write(`churnkit: ${reason}\n`);
        process.exitCode = 2;
        return report;
    });
}
//# sourceMappingURL=validate.js.map