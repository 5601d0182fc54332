/**
 * `churnkit/serve`: the HTTP scoring service (Fastify) to embed in a process of your own, with
 * its OpenAPI document; `churnkit serve` runs the same server.
 */
export { createServer, openApiDocument, type ServerOptions, type ChurnkitService } from '../serve/index.js';
