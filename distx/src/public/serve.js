/**
 * `churnkit/serve`: the HTTP scoring service (Fastify) to embed in a process of your own, with
 * its OpenAPI document; `churnkit serve` runs the same server.
 */
export { createServer, openApiDocument } from '../serve/index.js';
//# sourceMappingURL=serve.js.map