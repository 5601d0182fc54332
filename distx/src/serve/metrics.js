/**
 * The service's Prometheus metrics, on prom-client (docs/architecture.md says why): churnkit's own
 * counters and latency histogram beside the `process_*` and `nodejs_*` series (CPU, memory, file
 * descriptors, event-loop lag, heap, GC) that Node dashboards expect. Each server has its own
 * registry, so two servers in one process (the tests) never share counts.
 */
import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client';
/** The service's metrics, one instance per server. */
export class ServiceMetrics {
    registry = new Registry();
    counter(name, help, labelNames = []) {
        return new Counter({ name, help, labelNames, registers: [this.registry] });
    }
    requests = this.counter('churnkit_http_requests_total', 'HTTP requests by route, method and status', [
        'route',
        'method',
        'status',
    ]);
    latency = new Histogram({
        name: 'churnkit_http_request_duration_seconds',
        help: 'HTTP request latency by route and status',
        labelNames: ['route', 'status'],
        buckets: [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
        registers: [this.registry],
    });
    scores = this.counter('churnkit_scores_total', 'accounts scored, by band', ['band']);
    reloads = this.counter('churnkit_scorecard_reloads_total', 'scorecard reloads, by result (ok, refused)', [
        'result',
    ]);
    scorecardInfo = new Gauge({
        name: 'churnkit_scorecard_info',
        help: 'the scorecard serving now (value 1)',
        labelNames: ['fingerprint', 'source'],
        registers: [this.registry],
    });
    alertsSent = this.counter('churnkit_alerts_sent_total', 'alert webhooks delivered, by kind', ['kind']);
    alertsFailed = this.counter('churnkit_alerts_failed_total', 'alert webhooks given up on, by kind', ['kind']);
    alertAttempts = this.counter('churnkit_alert_attempts_total', 'alert webhook attempts, by outcome', [
        'outcome',
    ]);
    alertsDeduplicated = this.counter('churnkit_alerts_deduplicated_total', 'alerts not sent because their event was already claimed');
    historyErrors = this.counter('churnkit_history_errors_total', 'score history reads or writes that failed');
    constructor() {
        collectDefaultMetrics({ register: this.registry });
    }
    /** The exposition's media type (text format 0.0.4). */
    get contentType() {
        return this.registry.contentType;
    }
    /** A counter summed over its series (the summary `churnkit serve` prints when it stops). */
    async total(counter) {
        const { values } = await counter.get();
        return values.reduce((sum, v) => sum + v.value, 0);
    }
    /** Every series, in the text exposition format. */
    render() {
        return this.registry.metrics();
    }
}
//# sourceMappingURL=metrics.js.map