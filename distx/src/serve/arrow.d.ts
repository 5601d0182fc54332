/** The Arrow IPC stream format's media type (IANA): what a client sends and asks for. */
export declare const ARROW_STREAM = "application/vnd.apache.arrow.stream";
/** The Arrow IPC file format (a stream with a footer) is read too. */
export declare const ARROW_FILE = "application/vnd.apache.arrow.file";
/**
 * The JSON request object an Arrow body stands for: `{ as_of?, columns: { name: values } }`, with
 * the request's `as_of` from the schema's metadata key `as_of`. Only the types the JSON route takes
 * have a reading (numbers, booleans, text, dates as days); anything else is a 400 naming the column.
 */
export declare function columnsRequestFromArrow(body: Uint8Array): {
    as_of?: string;
    columns: Record<string, unknown[]>;
};
/** The JSON request object an Arrow body stands for. */
export type ArrowColumnsRequest = ReturnType<typeof columnsRequestFromArrow>;
/**
 * Reads Arrow bodies on a worker thread, one at a time. The decoder trusts the lengths in an
 * Arrow message's headers: a damaged or hostile header can claim two billion entries and keep a
 * thread busy for minutes or fill its memory. On the worker, that costs the request a 400 after
 * `timeoutMs` (or when the worker's heap limit is hit), the worker is replaced, and the server's
 * event loop never stalls. A well-formed body of 10,000 rows takes a few milliseconds there.
 */
export declare class ArrowReader {
    #private;
    private readonly timeoutMs;
    private readonly heapMb;
    constructor(timeoutMs?: number, heapMb?: number);
    read(body: Uint8Array): Promise<ArrowColumnsRequest>;
    close(): Promise<void>;
}
/**
 * The answer's columns as an Arrow IPC stream. Types follow the names, so a column has the same
 * type whatever the rows hold: `escalate` bool; scores, probabilities, `layer_*`, `coverage` and
 * `score_change` float64; a reason's value float64 (booleans as 1 and 0, as score files write it)
 * unless a value is text (a model reading `segment`), then utf8; everything else utf8.
 */
export declare function arrowAnswer(columns: Record<string, readonly unknown[]>): Uint8Array;
/** Whether a request's body is Arrow (its content type, without parameters). */
export declare function isArrowBody(contentType: string | undefined): boolean;
/**
 * Whether the answer goes out as Arrow: when `Accept` names the Arrow stream, or when the body was
 * Arrow and `Accept` does not ask for JSON.
 */
export declare function wantsArrow(accept: string | undefined, contentType: string | undefined): boolean;
