import { type IncomingHttpHeaders, type Server } from 'node:http';
import type { FastifyInstance } from 'fastify';
import { type ServerOptions } from '../../src/serve/index.js';
/** A service listening on a free loopback port. */
export interface Running {
    app: FastifyInstance;
    base: string;
    close(): Promise<void>;
}
export declare function startService(options: ServerOptions): Promise<Running>;
export interface Reply<T = any> {
    status: number;
    headers: Headers;
    body: T;
    text: string;
}
/** A real HTTP request over loopback (undici fetch); the body is parsed as JSON when it can be. */
export declare function request<T = any>(base: string, method: string, path: string, body?: unknown, headers?: Record<string, string>): Promise<Reply<T>>;
export declare const post: <T = any>(base: string, path: string, body: unknown, headers?: Record<string, string>) => Promise<Reply<T>>;
export declare const get: <T = any>(base: string, path: string, headers?: Record<string, string>) => Promise<Reply<T>>;
/** Raw bytes on a socket, for requests no HTTP client would send; resolves with the raw response. */
export declare function rawRequest(base: string, payload: string | Buffer, timeoutMs?: number): Promise<string>;
/** Polls until `check` returns a value other than undefined, or fails after `timeoutMs`. */
export declare function eventually<T>(what: string, check: () => Promise<T | undefined> | T | undefined, timeoutMs?: number, everyMs?: number): Promise<T>;
/** Parses Prometheus text into `name{labels}` -> value. */
export declare function parseMetrics(text: string): Map<string, number>;
export interface ReceivedHook {
    headers: IncomingHttpHeaders;
    body: any;
    status: number;
    /** performance.now() at arrival */
    at: number;
}
/**
 * A local webhook receiver: answers `failFirst` attempts of each event (by Idempotency-Key)
 * with `failStatus`, then 200. Records every attempt.
 */
export declare function startReceiver(options?: {
    failFirst?: number;
    failStatus?: number;
}): Promise<{
    url: string;
    received: ReceivedHook[];
    close(): Promise<void>;
    server: Server;
}>;
