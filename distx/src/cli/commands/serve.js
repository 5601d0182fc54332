import { defineCommand, intOption } from '../command.js';
import { ChurnkitError, UsageError } from '../../util/index.js';
import { ALERT_FORMATS, createServer, DEFAULT_DROP_THRESHOLD } from '../../serve/index.js';
function alertFormat(value) {
    const found = ALERT_FORMATS.find((f) => f === value);
    if (!found)
        throw new UsageError(`--alerts-format must be one of ${ALERT_FORMATS.join(', ')}, got "${value}"`);
    return found;
}
export function nonNegative(flag) {
    return (value) => {
        const n = Number(value);
        if (!Number.isFinite(n) || n < 0)
            throw new UsageError(`${flag} must be a non-negative number, got "${value}"`);
        return n;
    };
}
function webhookUrl(value) {
    let url;
    try {
        url = new URL(value);
    }
    catch {
        throw new UsageError(`--alerts-webhook must be an http(s) URL, got "${value}"`);
    }
    if (url.protocol !== 'http:' && url.protocol !== 'https:')
        throw new UsageError(`--alerts-webhook must be an http(s) URL, got "${value}"`);
    return url.toString();
}
/**
 * Serves until SIGTERM or SIGINT (SIGHUP calls `onHup`), then closes `app`: requests in flight
 * get `shutdownTimeout` seconds to finish before their connections are cut; a second signal
 * while draining stops at once.
 */
export async function runUntilStopped(app, shutdownTimeout, onHup) {
    const signal = await new Promise((resolve) => {
        const onStop = (sig) => {
            process.removeListener('SIGTERM', onStop);
            process.removeListener('SIGINT', onStop);
            process.removeListener('SIGHUP', onHup);
            const now = () => process.exit(130);
            process.once('SIGTERM', now);
            process.once('SIGINT', now);
            resolve(sig);
        };
        process.on('SIGHUP', onHup);
        process.on('SIGTERM', onStop);
        process.on('SIGINT', onStop);
    });
    app.log.info({ signal }, 'shutting down: finishing requests in flight');
    const force = setTimeout(() => app.server.closeAllConnections(), shutdownTimeout * 1000);
    force.unref();
    await app.close();
    clearTimeout(force);
    return signal;
}
/** --port, --host and --shutdown-timeout: how serve and app listen and stop. */
export function listenFlags(cmd) {
    return cmd
        .option('--port <n>', 'port (0 picks a free one)', intOption('--port'), 8080)
        .option('--host <host>', 'host', '127.0.0.1')
        .option('--shutdown-timeout <s>', 'seconds to let requests in flight finish on SIGTERM', nonNegative('--shutdown-timeout'), 30);
}
/** Listens, or closes `app` and says why it cannot. */
export async function listenOn(app, port, host) {
    try {
        return await app.listen({ port, host });
    }
    catch (err) {
        await app.close();
        throw new ChurnkitError(`cannot listen on ${host}:${port}: ${err.code ?? err.message}`);
    }
}
export function register(program) {
    defineCommand(program, 'serve', 'serve scores over HTTP (SIGHUP reloads the scorecard, SIGTERM drains and stops)', (cmd) => listenFlags(cmd)
        .option('--scorecard <file>', 'scorecard artifact (.json), default or preset:NAME')
        .option('--model <file>', 'model artifact (.json): model_probability and model_reasons in every answer; alone, it is what is served')
        .option('--expansion-model <file>', 'a model trained on expanded_within_90d: expansion_probability beside the churn risk in every answer')
        .option('--api-key-file <file>', 'file of accepted API keys, one per line')
        .option('--history <db>', 'score history: DuckDB file or postgres:// URL')
        .option('--alerts-webhook <url>', 'POST alerts (band change, score drop, escalate) to this URL', webhookUrl)
        .option('--alerts-format <format>', `alert body: ${ALERT_FORMATS.join(', ')} (slack and teams: their incoming-webhook messages)`, alertFormat, 'json')
        .option('--drop-alert <n>', 'alert when a score drops by more than N points', nonNegative('--drop-alert'), DEFAULT_DROP_THRESHOLD)
        .option('--no-watch', 'do not reload when the scorecard file changes (SIGHUP still does)'), async (opts, io) => {
        if (opts.port < 0 || opts.port > 65535)
            throw new UsageError(`--port must be 0-65535, got ${opts.port}`);
        if (opts.scorecard === undefined && opts.model === undefined)
            throw new UsageError('give --scorecard FILE (or default), --model FILE.json, or both');
        if (opts.scorecard === undefined && (opts.history !== undefined || opts.alertsWebhook !== undefined))
            throw new UsageError('--history and --alerts-webhook need a scorecard: a model alone gives no score to track');
        const app = await createServer({
            scorecard: opts.scorecard ?? null,
            model: opts.model,
            ...(opts.expansionModel === undefined ? {} : { expansionModel: opts.expansionModel }),
            apiKeys: opts.apiKeyFile,
            history: opts.history,
            watch: opts.watch,
            alerts: opts.alertsWebhook
                ? { webhook: opts.alertsWebhook, dropThreshold: opts.dropAlert, format: opts.alertsFormat }
                : undefined,
            logger: { level: 'info', stream: process.stderr },
        });
        const address = await listenOn(app, opts.port, opts.host);
        const { source } = app.churnkit;
        io.say(`churnkit serving ${source.current.source} on ${address} (POST /v1/score, /v1/score/batch, /v1/score/columns; GET /v1/model, /healthz, /metrics, /openapi.json)`);
        const signal = await runUntilStopped(app, opts.shutdownTimeout, () => {
            void app.churnkit.reload('SIGHUP');
            app.churnkit
                .reloadKeys()
                .catch((err) => app.log.error({ error: err.message }, 'API key file reload refused; the old keys stay'));
        });
        const m = app.churnkit.metrics;
        return {
            ok: true,
            address,
            signal,
            scorecard: source.current.fingerprint,
            requests: await m.total(m.requests),
            reloads: { ok: source.reloadsOk, refused: source.reloadsRefused },
            alerts: { sent: await m.total(m.alertsSent), failed: await m.total(m.alertsFailed) },
        };
    });
}
//# sourceMappingURL=serve.js.map