/**
 * A small Prometheus registry (text exposition format 0.0.4): counters, gauges and histograms
 * with labels. Series print in a sorted order so a scrape is stable and diffable.
 */

type Labels = Record<string, string>;

function labelKey(names: readonly string[], labels: Labels): string {
  return names.map((n) => labels[n] ?? '').join('\u0000');
}

function escapeLabel(value: string): string {
  return value.replace(/\\/g, '\\\\').replace(/\n/g, '\\n').replace(/"/g, '\\"');
}

function formatLabels(names: readonly string[], values: readonly string[], extra?: [string, string]): string {
  const parts = names.map((n, i) => `${n}="${escapeLabel(values[i] ?? '')}"`);
  if (extra) parts.push(`${extra[0]}="${escapeLabel(extra[1])}"`);
  return parts.length ? `{${parts.join(',')}}` : '';
}

function formatNumber(n: number): string {
  if (n === Infinity) return '+Inf';
  if (n === -Infinity) return '-Inf';
  return String(n);
}

interface Metric {
  render(): string;
}

export class Counter implements Metric {
  private readonly values = new Map<string, number>();
  constructor(
    readonly name: string,
    readonly help: string,
    readonly labelNames: readonly string[] = [],
    private readonly type: 'counter' | 'gauge' = 'counter',
  ) {}

  inc(labels: Labels = {}, by = 1): void {
    const key = labelKey(this.labelNames, labels);
    this.values.set(key, (this.values.get(key) ?? 0) + by);
  }

  set(labels: Labels, value: number): void {
    this.values.set(labelKey(this.labelNames, labels), value);
  }

  /** Forgets every series (an info gauge switching to new label values). */
  clear(): void {
    this.values.clear();
  }

  /** The sum over every label combination. */
  total(): number {
    let sum = 0;
    for (const v of this.values.values()) sum += v;
    return sum;
  }

  get(labels: Labels = {}): number {
    return this.values.get(labelKey(this.labelNames, labels)) ?? 0;
  }

  render(): string {
    const lines = [`# HELP ${this.name} ${this.help}`, `# TYPE ${this.name} ${this.type}`];
    if (this.labelNames.length === 0 && this.values.size === 0) lines.push(`${this.name} 0`);
    for (const key of [...this.values.keys()].sort()) {
      lines.push(
        `${this.name}${formatLabels(this.labelNames, key.split('\u0000'))} ${formatNumber(this.values.get(key)!)}`,
      );
    }
    return lines.join('\n');
  }
}

interface HistogramSeries {
  buckets: number[];
  sum: number;
  count: number;
}

export class Histogram implements Metric {
  private readonly series = new Map<string, HistogramSeries>();
  constructor(
    readonly name: string,
    readonly help: string,
    readonly labelNames: readonly string[],
    readonly bounds: readonly number[],
  ) {}

  observe(labels: Labels, value: number): void {
    const key = labelKey(this.labelNames, labels);
    let s = this.series.get(key);
    if (!s) {
      s = { buckets: new Array<number>(this.bounds.length).fill(0), sum: 0, count: 0 };
      this.series.set(key, s);
    }
    // Buckets are stored non-cumulative and summed at render time: one increment per observation.
    let i = 0;
    while (i < this.bounds.length && value > this.bounds[i]!) i++;
    if (i < this.bounds.length) s.buckets[i]!++;
    s.sum += value;
    s.count++;
  }

  count(labels: Labels): number {
    return this.series.get(labelKey(this.labelNames, labels))?.count ?? 0;
  }

  render(): string {
    const lines = [`# HELP ${this.name} ${this.help}`, `# TYPE ${this.name} histogram`];
    for (const key of [...this.series.keys()].sort()) {
      const s = this.series.get(key)!;
      const values = key.split('\u0000');
      let cumulative = 0;
      this.bounds.forEach((bound, i) => {
        cumulative += s.buckets[i]!;
        lines.push(
          `${this.name}_bucket${formatLabels(this.labelNames, values, ['le', formatNumber(bound)])} ${cumulative}`,
        );
      });
      lines.push(`${this.name}_bucket${formatLabels(this.labelNames, values, ['le', '+Inf'])} ${s.count}`);
      lines.push(`${this.name}_sum${formatLabels(this.labelNames, values)} ${formatNumber(s.sum)}`);
      lines.push(`${this.name}_count${formatLabels(this.labelNames, values)} ${s.count}`);
    }
    return lines.join('\n');
  }
}

/** The service's metrics, one instance per server. */
export class ServiceMetrics {
  readonly requests = new Counter('churnkit_http_requests_total', 'HTTP requests by route, method and status', [
    'route',
    'method',
    'status',
  ]);
  readonly latency = new Histogram(
    'churnkit_http_request_duration_seconds',
    'HTTP request latency by route and status',
    ['route', 'status'],
    [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
  );
  readonly scores = new Counter('churnkit_scores_total', 'accounts scored, by band', ['band']);
  readonly reloads = new Counter('churnkit_scorecard_reloads_total', 'scorecard reloads, by result (ok, refused)', [
    'result',
  ]);
  readonly scorecardInfo = new Counter(
    'churnkit_scorecard_info',
    'the scorecard serving now (value 1)',
    ['fingerprint', 'source'],
    'gauge',
  );
  readonly alertsSent = new Counter('churnkit_alerts_sent_total', 'alert webhooks delivered, by kind', ['kind']);
  readonly alertsFailed = new Counter('churnkit_alerts_failed_total', 'alert webhooks given up on, by kind', ['kind']);
  readonly alertAttempts = new Counter('churnkit_alert_attempts_total', 'alert webhook attempts, by outcome', [
    'outcome',
  ]);
  readonly alertsDeduplicated = new Counter(
    'churnkit_alerts_deduplicated_total',
    'alerts not sent because their event was already claimed',
  );
  readonly historyErrors = new Counter('churnkit_history_errors_total', 'score history reads or writes that failed');

  private readonly all: Metric[] = [
    this.requests,
    this.latency,
    this.scores,
    this.reloads,
    this.scorecardInfo,
    this.alertsSent,
    this.alertsFailed,
    this.alertAttempts,
    this.alertsDeduplicated,
    this.historyErrors,
  ];

  render(): string {
    return `${this.all.map((m) => m.render()).join('\n')}\n`;
  }
}
