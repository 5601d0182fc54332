/**
 * Accepted API keys, held as sha256 digests: comparing fixed-length digests with
 * timingSafeEqual, over every key without an early exit, leaks neither a key's content nor
 * which key matched nor the keys' lengths through response timing.
 */
export declare class ApiKeys {
    private readonly digests;
    private constructor();
    /** One key per line; blank lines and lines starting with `#` are ignored. */
    static parse(text: string, origin?: string): ApiKeys;
    static fromFile(path: string): Promise<ApiKeys>;
    get size(): number;
    accepts(candidate: string): boolean;
}
/** The key a request presents: `Authorization: Bearer <key>` or `X-API-Key: <key>`; null when none. */
export declare function presentedKey(headers: Record<string, string | string[] | undefined>): string | null;
