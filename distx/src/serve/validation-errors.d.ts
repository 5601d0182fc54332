/** An Ajv error as Fastify hands it over in `error.validation`. */
export interface SchemaError {
    instancePath: string;
    keyword: string;
    params: Record<string, unknown>;
    message?: string;
}
/**
 * One sentence naming the failing field, plus that field as a JSON pointer. Ajv runs with
 * allErrors off, so the first error is the one to report.
 */
export declare function describeValidationError(errors: readonly SchemaError[], context: string): {
    message: string;
    field?: string;
};
