export declare const CHROMIUM: string;
type Message = {
    id?: number;
    method?: string;
    params?: any;
    result?: any;
    error?: {
        message: string;
    };
    sessionId?: string;
};
export declare class Browser {
    private readonly proc;
    private readonly input;
    private readonly profile;
    private nextId;
    private pending;
    private listeners;
    private buffer;
    private constructor();
    static launch(): Promise<Browser>;
    send(method: string, params?: Record<string, unknown>, sessionId?: string): Promise<any>;
    on(listener: (m: Message) => void): void;
    close(): Promise<void>;
}
export interface PageVisit {
    /** Console errors, uncaught exceptions and error log entries. */
    errors: string[];
    /** Every URL the page requested that is not the page's own file: nothing, for an offline report. */
    requests: string[];
    failedRequests: string[];
    /** What `probe` (an expression) evaluated to once `ready` (an expression) was true. */
    result: any;
}
/** Opens `url` in a fresh tab, waits until `ready` is truthy, evaluates `probe`. */
export declare function visit(browser: Browser, url: string, ready: string, probe: string, timeoutMs?: number): Promise<PageVisit>;
/** A tab kept open: evaluate, wait, act, screenshot; it records errors and requests like `visit`. */
export interface Tab {
    visit: PageVisit;
    evaluate(expression: string): Promise<any>;
    /** Polls `expression` until it is truthy. */
    waitFor(expression: string, timeoutMs?: number): Promise<void>;
    navigate(url: string): Promise<void>;
    /** A PNG of the page, as tall as its content up to `maxHeight` CSS pixels. */
    screenshot(maxHeight: number): Promise<Buffer>;
    close(): Promise<void>;
}
export declare function openTab(browser: Browser, url: string, width?: number): Promise<Tab>;
export {};
