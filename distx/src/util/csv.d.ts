/** One CSV field (RFC 4180): quoted when it holds a quote, comma or line break; NULL is empty. */
export declare function csvField(v: unknown): string;
