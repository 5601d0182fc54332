/** churnkit's version, read from package.json so that artifacts record the code that made them. */
export declare const VERSION: string;
