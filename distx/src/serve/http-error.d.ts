/** An HTTP error with a stable code, rendered as the API's JSON error body. */
export declare class HttpError extends Error {
    readonly statusCode: number;
    readonly code: string;
    readonly field?: string | undefined;
    constructor(statusCode: number, code: string, message: string, field?: string | undefined);
}
