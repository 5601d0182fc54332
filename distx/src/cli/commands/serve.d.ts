import type { Command } from 'commander';
import type { FastifyInstance } from 'fastify';
export declare function nonNegative(flag: string): (value: string) => number;
/**
 * Serves until SIGTERM or SIGINT (SIGHUP calls `onHup`), then closes `app`: requests in flight
 * get `shutdownTimeout` seconds to finish before their connections are cut; a second signal
 * while draining stops at once.
 */
export declare function runUntilStopped(app: FastifyInstance, shutdownTimeout: number, onHup: () => void): Promise<NodeJS.Signals>;
/** --port, --host and --shutdown-timeout: how serve and app listen and stop. */
export declare function listenFlags(cmd: Command): Command;
/** Listens, or closes `app` and says why it cannot. */
export declare function listenOn(app: FastifyInstance, port: number, host: string): Promise<string>;
export declare function register(program: Command): void;
