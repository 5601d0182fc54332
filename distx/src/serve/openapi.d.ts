/**
 * The OpenAPI 3.1 document of the service, built from the very schemas that validate requests
 * and serialize responses.
 */
export declare function openApiDocument(options: {
    apiKeys: boolean;
}): Record<string, unknown>;
