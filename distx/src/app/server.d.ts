import { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import { type AppOptions, type AppState } from './state.js';
export interface AppServerOptions extends AppOptions {
    /** Fastify logger setting (default off). */
    logger?: FastifyServerOptions['logger'];
}
/** What createApp adds to the Fastify instance. */
export interface ChurnkitApp {
    state(): AppState;
    /** Loads everything again (what SIGHUP does); a failure keeps the running state and says why. */
    reload(): Promise<{
        ok: true;
    } | {
        ok: false;
        error: string;
    }>;
    /**
     * Evaluates the saved card a few times, one evaluation per turn of the event loop, so the
     * scorer and the metrics are compiled by the time a person first moves a slider (the first
     * evaluations of a fresh process cost about ten times the later ones).
     */
    warm(rounds?: number): Promise<void>;
}
declare module 'fastify' {
    interface FastifyInstance {
        churnkitApp: ChurnkitApp;
    }
}
export declare function createApp(options: AppServerOptions): Promise<FastifyInstance>;
