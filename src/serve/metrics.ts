/**
 * The service's Prometheus metrics, on prom-client (docs/architecture.md says why): churnkit's own
 * counters and latency histogram beside the `process_*` and `nodejs_*` series (CPU, memory, file
 * descriptors, event-loop lag, heap, GC) that Node dashboards expect. Each server has its own
 * registry, so two servers in one process (the tests) never share counts.
 */
import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client';

/** The service's metrics, one instance per server. */
export class ServiceMetrics {
  private readonly registry = new Registry();

  private counter<L extends string>(name: string, help: string, labelNames: readonly L[] = []): Counter<L> {
    return new Counter({ name, help, labelNames, registers: [this.registry] });
  }

  readonly requests = this.counter('churnkit_http_requests_total', 'HTTP requests by route, method and status', [
    'route',
    'method',
    'status',
  ]);
  readonly latency = new Histogram({
    name: 'churnkit_http_request_duration_seconds',
    help: 'HTTP request latency by route and status',
    labelNames: ['route', 'status'] as const,
    buckets: [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers: [this.registry],
  });
  readonly scores = this.counter('churnkit_scores_total', 'accounts scored, by band', ['band']);
  readonly reloads = this.counter('churnkit_scorecard_reloads_total', 'scorecard reloads, by result (ok, refused)', [
    'result',
  ]);
  readonly scorecardInfo = new Gauge({
    name: 'churnkit_scorecard_info',
    help: 'the scorecard serving now (value 1)',
    labelNames: ['fingerprint', 'source'] as const,
    registers: [this.registry],
  });
  readonly alertsSent = this.counter('churnkit_alerts_sent_total', 'alert webhooks delivered, by kind', ['kind']);
  readonly alertsFailed = this.counter('churnkit_alerts_failed_total', 'alert webhooks given up on, by kind', ['kind']);
  readonly alertAttempts = this.counter('churnkit_alert_attempts_total', 'alert webhook attempts, by outcome', [
    'outcome',
  ]);
  readonly alertsDeduplicated = this.counter(
    'churnkit_alerts_deduplicated_total',
    'alerts not sent because their event was already claimed',
  );
  readonly historyErrors = this.counter('churnkit_history_errors_total', 'score history reads or writes that failed');

  constructor() {
    collectDefaultMetrics({ register: this.registry });
  }

  /** The exposition's media type (text format 0.0.4). */
  get contentType(): string {
    return this.registry.contentType;
  }

  /** A counter summed over its series (the summary `churnkit serve` prints when it stops). */
  async total(counter: Counter<string>): Promise<number> {
    const { values } = await counter.get();
    return values.reduce((sum, v) => sum + v.value, 0);
  }

  /** Every series, in the text exposition format. */
  render(): Promise<string> {
    return this.registry.metrics();
  }
}
