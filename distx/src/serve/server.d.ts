import { type FastifyError, type FastifyInstance, type FastifyServerOptions } from 'fastify';
import { AlertDispatcher, type AlertDispatcherOptions } from './alerts.js';
import { ApiKeys } from './api-keys.js';
import { type ScoreHistory } from '../history/index.js';
import { ServiceMetrics } from './metrics.js';
import { ScorecardSource, type ReloadOutcome, type ScorecardLoader } from './scorecard-source.js';
import { HttpError } from './http-error.js';
export interface ServerOptions {
    /** Scorecard artifact path, or `default` for the shipped one; null serves `model` alone. */
    scorecard: string | null;
    /** A model artifact path: answers get its model_probability and model_reasons (in place of an embedded model). */
    model?: string;
    /** A model trained on an expansion label: answers get its `expansion_probability` beside the churn risk. */
    expansionModel?: string;
    /** How a scorecard file becomes a scorer (default: the scorecard module). */
    loader?: ScorecardLoader;
    /** Reload when the scorecard file changes (default true). */
    watch?: boolean;
    watchDebounceMs?: number;
    /** Score history: a DuckDB path, a postgres:// URL, or an open store (then the caller closes it). */
    history?: string | ScoreHistory;
    /** API keys: a key file path or parsed keys; none means the API is open. */
    apiKeys?: string | ApiKeys;
    /** Alert webhook and rules. */
    alerts?: {
        webhook: string;
        dropThreshold?: number;
    } & Partial<Omit<AlertDispatcherOptions, 'webhook' | 'ledger' | 'metrics' | 'log'>>;
    /** Body limits in bytes (defaults: 64 KiB for one account, 32 MiB for a batch). */
    bodyLimit?: {
        single?: number;
        batch?: number;
    };
    /** Fastify logger setting (default off). */
    logger?: FastifyServerOptions['logger'];
    /** The as-of for accounts that name none (default: today's date in UTC). */
    today?: () => string;
    /** Seconds to wait for alert deliveries on close (default 10). */
    alertDrainSeconds?: number;
}
/** What createServer adds to the Fastify instance. */
export interface ChurnkitService {
    source: ScorecardSource;
    history: ScoreHistory | null;
    metrics: ServiceMetrics;
    alerts: AlertDispatcher | null;
    /** Reloads the scorecard (what SIGHUP does); a broken file is refused and the old card keeps serving. */
    reload(trigger?: string): Promise<ReloadOutcome>;
    /** Re-reads the API key file, when keys came from one. */
    reloadKeys(): Promise<void>;
}
declare module 'fastify' {
    interface FastifyInstance {
        churnkit: ChurnkitService;
    }
}
export { HttpError };
/**
 * Builds the scoring service (not yet listening): call `listen({ port, host })` on the result.
 * Closing the instance finishes requests in flight, drains alerts, and closes what it opened.
 */
export declare function createServer(options: ServerOptions): Promise<FastifyInstance>;
export interface ErrorBody {
    statusCode: number;
    error: string;
    code: string;
    message: string;
    field?: string;
}
/** The JSON error body of every 4xx and 5xx answer (a 5xx says no more than "internal error"). */
export declare function errorBody(err: FastifyError | HttpError): ErrorBody;
