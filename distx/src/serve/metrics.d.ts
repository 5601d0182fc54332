/**
 * The service's Prometheus metrics, on prom-client (docs/architecture.md says why): churnkit's own
 * counters and latency histogram beside the `process_*` and `nodejs_*` series (CPU, memory, file
 * descriptors, event-loop lag, heap, GC) that Node dashboards expect. Each server has its own
 * registry, so two servers in one process (the tests) never share counts.
 */
import { Counter, Gauge, Histogram } from 'prom-client';
/** The service's metrics, one instance per server. */
export declare class ServiceMetrics {
    private readonly registry;
    private counter;
    readonly requests: Counter<"method" | "route" | "status">;
    readonly latency: Histogram<"route" | "status">;
    readonly scores: Counter<"band">;
    readonly reloads: Counter<"result">;
    readonly scorecardInfo: Gauge<"fingerprint" | "source">;
    readonly alertsSent: Counter<"kind">;
    readonly alertsFailed: Counter<"kind">;
    readonly alertAttempts: Counter<"outcome">;
    readonly alertsDeduplicated: Counter<string>;
    readonly historyErrors: Counter<string>;
    constructor();
    /** The exposition's media type (text format 0.0.4). */
    get contentType(): string;
    /** A counter summed over its series (the summary `churnkit serve` prints when it stops). */
    total(counter: Counter<string>): Promise<number>;
    /** Every series, in the text exposition format. */
    render(): Promise<string>;
}
