/** Runs async tasks one at a time, in call order (a connection that must not interleave transactions). */
export declare class Serial {
    private tail;
    run<T>(task: () => Promise<T>): Promise<T>;
}
