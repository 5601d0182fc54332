/**
 * `n.toLocaleString('en-US')` ("12,345") for whole numbers, written here: the first call of ICU's
 * formatter loads its locale data (20-40 ms, a tenth of `churnkit score` of 1,000 rows), and a
 * batch answer writes tens of thousands of sentences with counts in them. Anything but a safe
 * integer goes to ICU.
 */
export declare function groupDigits(n: number): string;
