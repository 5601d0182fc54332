/** SHA-256 of every file in a folder, by name in sorted order: "same bytes" in one comparison. */
export declare function digests(dir: string): Promise<Map<string, string>>;
