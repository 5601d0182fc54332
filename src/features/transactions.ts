import type { SqlDialect } from './dialect.js';
import { labelExpression, relChange as relChangeSql, zero } from './families.js';
import { TRANSACTION_TABLE_COLUMNS, PURCHASE_WINDOWS } from './registry.js';
import { featureQuery, finalSelect, type FeatureQuery, type FeatureSqlParams, type SqlStep } from './sql.js';

/**
 * The transactional feature set in SQL (registry.ts, TRANSACTION_FEATURES): one relation per
 * family over the contract views, point in time like the ten features. A purchase is a usage row
 * with quantity > 0 and its amount is the quantity; a purchase day is a UTC day with purchases.
 * The snapshots, day maps and label are the ten features' own (featureQuery), so both sets agree
 * on who is active when and on what the label is.
 */
const SHARED = ['snapshot_dates', 'bucket_days', 'window_days', 'snapshots', 'usage_rows', 'ahead_days', 'usage_ahead'];

export function transactionQuery(params: FeatureSqlParams, d: SqlDialect): FeatureQuery {
  const longest = Math.max(...PURCHASE_WINDOWS);
  const base = featureQuery({ ...params, lookbackDays: 2 * longest }, d);
  const steps: SqlStep[] = base.steps.filter((s) => SHARED.includes(s.name));
  const step = (family: string, name: string, sql: string) => steps.push({ family, name, sql, materialize: true });
  const D = (e: string) => d.double(e);
  const relChange = (l: string, p: string) => relChangeSql(d, l, p);

  // Purchase days, each with the gap since the account's previous purchase day (only the past).
  step(
    'purchases',
    'purchase_days',
    `SELECT account_id, day, COUNT(*) AS purchases, SUM(${d.exactNumber('qty')}) AS amount,
  ${d.daysBetween('LAG(day) OVER (PARTITION BY account_id ORDER BY day)', 'day')} AS gap_before
FROM usage_rows WHERE qty > 0 GROUP BY account_id, day`,
  );
  // Lifetime before T: every purchase day before the as-of date.
  step(
    'history',
    'purchase_history',
    `SELECT s.account_id, s.as_of, COUNT(*) AS purchase_days, SUM(p.purchases) AS purchases, SUM(p.amount) AS spend,
  MIN(p.day) AS first_day, MAX(p.day) AS last_day
FROM snapshots s JOIN purchase_days p ON p.account_id = s.account_id AND p.day < s.as_of
GROUP BY s.account_id, s.as_of`,
  );
  step(
    'history',
    'purchase_last_gap',
    `SELECT h.account_id, h.as_of, p.gap_before AS last_gap
FROM purchase_history h JOIN purchase_days p ON p.account_id = h.account_id AND p.day = h.last_day`,
  );
  // Windows: last N days [T-N, T), and the 90 days before the last 90 for the spend trend.
  const windows = PURCHASE_WINDOWS.flatMap((n) => [
    `SUM(p.purchases) FILTER (WHERE w.k <= ${n}) AS purchases_${n}d`,
    `SUM(p.amount) FILTER (WHERE w.k <= ${n}) AS spend_${n}d`,
  ]);
  step(
    'windows',
    'purchase_windows',
    `SELECT p.account_id, w.as_of, ${windows.join(', ')},
  SUM(p.amount) FILTER (WHERE w.k > 90 AND w.k <= 180) AS spend_prior_90d
FROM purchase_days p JOIN window_days w ON w.day = p.day AND w.k <= ${longest}
GROUP BY p.account_id, w.as_of`,
  );

  const recency = D(d.daysBetween('COALESCE(h.last_day, s.started_at)', 's.as_of'));
  const meanGap = `CASE WHEN h.purchase_days >= 2 THEN ${D(d.daysBetween('h.first_day', 'h.last_day'))} / ${D('h.purchase_days - 1')} END`;
  // The mean gap before the last one: from the first purchase day to the one before the last.
  const priorGap = `${D(`${d.daysBetween('h.first_day', 'h.last_day')} - g.last_gap`)} / ${D('h.purchase_days - 2')}`;
  const label = labelExpression(d, params);
  const columns: Record<string, string> = {
    account_id: d.text('s.account_id'),
    as_of: 's.as_of',
    segment: d.text('s.segment'),
    days_since_last_purchase: recency,
    purchases_total: D(zero('h.purchases')),
    ...Object.fromEntries(
      PURCHASE_WINDOWS.flatMap((n) => [
        [`purchases_${n}d`, D(zero(`pw.purchases_${n}d`))],
        [`spend_${n}d`, D(zero(`pw.spend_${n}d`))],
      ]),
    ),
    spend_total: D(zero('h.spend')),
    mean_days_between_purchases: meanGap,
    purchase_gap_trend: `CASE WHEN h.purchase_days >= 3 THEN ${relChange('g.last_gap', priorGap)} END`,
    recency_vs_mean_gap: `${recency} / NULLIF(${meanGap}, 0)`,
    spend_trend_90d: relChange(zero('pw.spend_90d'), zero('pw.spend_prior_90d')),
    tenure_days: d.integer(d.daysBetween('s.started_at', 's.as_of')),
    churned_within_90d: d.integer(label),
  };
  const on = (alias: string) => `${alias}.account_id = s.account_id AND ${alias}.as_of = s.as_of`;
  const joins = [
    `LEFT JOIN purchase_history h ON ${on('h')}`,
    `LEFT JOIN purchase_last_gap g ON ${on('g')}`,
    `LEFT JOIN purchase_windows pw ON ${on('pw')}`,
    ...(params.label === 'inactivity' ? [`LEFT JOIN usage_ahead ua ON ${on('ua')}`] : []),
  ];
  return {
    steps,
    ...finalSelect(
      TRANSACTION_TABLE_COLUMNS.map((c) => `${columns[c]} AS ${c}`),
      joins,
    ),
  };
}
