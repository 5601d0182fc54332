/** An HTTP error with a stable code, rendered as the API's JSON error body. */
export class HttpError extends Error {
    statusCode;
    code;
    field;
    constructor(statusCode, code, message, field) {
        super(message);
        this.statusCode = statusCode;
        this.code = code;
        this.field = field;
    }
}
//# sourceMappingURL=http-error.js.map