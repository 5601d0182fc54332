import { VERSION } from '../util/index.js';
import { MAX_BATCH, MAX_COLUMNAR_ROWS, SHARED_SCHEMAS } from './schemas.js';
import { ARROW_STREAM } from './arrow.js';
/** Rewrites Fastify-style `{ $ref: 'Name#' }` into OpenAPI component references and drops `$id`. */
function toComponent(schema) {
    if (Array.isArray(schema))
        return schema.map(toComponent);
    if (schema === null || typeof schema !== 'object')
        return schema;
    const out = {};
    for (const [k, v] of Object.entries(schema)) {
        if (k === '$id')
            continue;
        if (k === '$ref' && typeof v === 'string' && v.endsWith('#'))
            out[k] = `#/components/schemas/${v.slice(0, -1)}`;
        else
            out[k] = toComponent(v);
    }
    return out;
}
const ref = (name) => ({ $ref: `#/components/schemas/${name}` });
const json = (name, description) => ({
    description,
    content: { 'application/json': { schema: ref(name) } },
});
/**
 * The OpenAPI 3.1 document of the service, built from the very schemas that validate requests
 * and serialize responses.
 */
export function openApiDocument(options) {
    const errors = {
        '400': json('Error', 'invalid request: the message and `field` name the failing field'),
        '413': json('Error', 'body too large'),
        '415': json('Error', 'content type is not application/json (nor Arrow, on /v1/score/columns)'),
        ...(options.apiKeys ? { '401': json('Error', 'no API key'), '403': json('Error', 'wrong API key') } : {}),
        '503': json('Error', 'score history unavailable, or shutting down'),
    };
    const secured = options.apiKeys ? { security: [{ bearer: [] }, { apiKeyHeader: [] }] } : {};
    const schemas = {};
    for (const s of SHARED_SCHEMAS)
        schemas[s.$id] = toComponent(s);
    return {
        openapi: '3.1.0',
        info: {
            title: 'churnkit scoring service',
            version: VERSION,
            description: 'Health scores, bands, churn probabilities and reasons from a churnkit scorecard, with change since the previous score.',
        },
        paths: {
            '/v1/score': {
                post: {
                    operationId: 'scoreAccount',
                    summary: 'Score one account',
                    ...secured,
                    requestBody: { required: true, content: { 'application/json': { schema: ref('ScoreRequest') } } },
                    responses: { '200': json('ScoreResult', 'the score'), ...errors },
                },
            },
            '/v1/score/batch': {
                post: {
                    operationId: 'scoreBatch',
                    summary: `Score up to ${MAX_BATCH} accounts; results in request order`,
                    ...secured,
                    requestBody: { required: true, content: { 'application/json': { schema: ref('BatchRequest') } } },
                    responses: { '200': json('BatchResponse', 'one result per account, in request order'), ...errors },
                },
            },
            '/v1/score/columns': {
                post: {
                    operationId: 'scoreColumns',
                    summary: `Score up to ${MAX_COLUMNAR_ROWS} accounts sent column by column (one array per field); the answer has churnkit score's columns`,
                    ...secured,
                    requestBody: {
                        required: true,
                        content: {
                            'application/json': { schema: ref('ColumnsRequest') },
                            [ARROW_STREAM]: {
                                schema: { type: 'string', format: 'binary' },
                                description: "an Arrow IPC stream, one column per field of ColumnsRequest.columns; the request's as_of in the schema metadata (docs/serving.md)",
                            },
                        },
                    },
                    responses: {
                        '200': {
                            description: 'one array per output column, row for row; Arrow when Accept names it or the body was Arrow',
                            content: {
                                'application/json': { schema: ref('ColumnsResponse') },
                                [ARROW_STREAM]: { schema: { type: 'string', format: 'binary' } },
                            },
                        },
                        ...errors,
                    },
                },
            },
            '/v1/judgments': {
                post: {
                    operationId: 'recordJudgment',
                    summary: "Record a CSM's own band or score for an account, kept beside the computed score in the history",
                    ...secured,
                    requestBody: { required: true, content: { 'application/json': { schema: ref('JudgmentRequest') } } },
                    responses: {
                        '201': json('Judgment', 'the judgment as stored, beside the latest computed score on or before its as_of'),
                        '409': json('Error', 'the service runs without --history'),
                        ...errors,
                    },
                },
                get: {
                    operationId: 'listJudgments',
                    summary: 'Judgments, oldest first, each beside its computed score',
                    ...secured,
                    parameters: [
                        { name: 'account_id', in: 'query', required: false, schema: { type: 'string' } },
                        { name: 'author', in: 'query', required: false, schema: { type: 'string' } },
                    ],
                    responses: {
                        '200': json('JudgmentList', 'the judgments'),
                        '409': json('Error', 'the service runs without --history'),
                        ...errors,
                    },
                },
            },
            '/v1/model': {
                get: {
                    operationId: 'model',
                    summary: 'The scorecard serving now: metadata and provenance',
                    ...secured,
                    responses: { '200': json('ModelInfo', 'scorecard metadata') },
                },
            },
            '/healthz': {
                get: { operationId: 'health', summary: 'Liveness', responses: { '200': json('Health', 'serving') } },
            },
            '/metrics': {
                get: {
                    operationId: 'metrics',
                    summary: 'Prometheus metrics (text format 0.0.4)',
                    ...secured,
                    responses: { '200': { description: 'metrics', content: { 'text/plain': { schema: { type: 'string' } } } } },
                },
            },
            '/openapi.json': {
                get: { operationId: 'openapi', summary: 'This document', responses: { '200': { description: 'OpenAPI 3.1' } } },
            },
        },
        components: {
            schemas,
            ...(options.apiKeys
                ? {
                    securitySchemes: {
                        bearer: { type: 'http', scheme: 'bearer', description: 'Authorization: Bearer <key>' },
                        apiKeyHeader: { type: 'apiKey', in: 'header', name: 'X-API-Key' },
                    },
                }
                : {}),
        },
    };
}
//# sourceMappingURL=openapi.js.map