/**
 * What a VP of Customer Success reads first: a paragraph saying what was tested and how much
 * better it did than the current scorecard, the accounts to call this week with their reasons,
 * and lead time as they mean it (days from the first RED to the day the customer left).
 */
import { join } from 'node:path';
import { openDuckDB, queryRows, quoteLiteral, type Frame } from '../data/index.js';
import { OOF_FILE, type BacktestMetrics, type PooledMetrics } from '../evaluate/index.js';
import { describeValue, formatValue } from '../catalogue/index.js';
import { BANDS, scoreColumns, statusOf, MAX_REASONS, type Scorecard } from '../scorecard/index.js';
import { isoDay, groupDigits } from '../util/index.js';
import { isOpportunityLabel } from '../features/index.js';

/** Days of warning that count as "in time" in the summary sentence. */
export const WARNING_DAYS = 30;

/** Per model: the churned accounts of the test periods, each with its lead time (null: never RED in time). */
export interface LeadTimes {
  /** Where churn dates came from. */
  source: 'accounts' | 'last_snapshot';
  horizon: number;
  models: Record<string, { accounts: number; leads: number[]; missed: number }>;
}

/**
 * Lead time per churned account and model: from its first RED test snapshot within the horizon
 * before churn (rows labeled churned) to its churn date, `accounts.churned_at` when the history
 * is at hand, else its last snapshot in the table (a lower bound by up to one snapshot interval).
 */
export async function leadTimes(
  backtestDir: string,
  metrics: BacktestMetrics,
  churnDates: ReadonlyMap<string, string | null> | null,
  lastSnapshot: ReadonlyMap<string, string> | null,
): Promise<LeadTimes> {
  const db = await openDuckDB();
  let rows: Record<string, unknown>[];
  try {
    rows = await queryRows(
      db.connection,
      `SELECT model, account_id,
              strftime(MIN(CAST(as_of AS DATE)) FILTER (WHERE band = 'RED'), '%Y-%m-%d') AS first_red,
              strftime(MAX(CAST(as_of AS DATE)), '%Y-%m-%d') AS last_positive
       FROM read_parquet(${quoteLiteral(join(backtestDir, OOF_FILE))})
       WHERE label = 1 GROUP BY ALL ORDER BY model, account_id`,
    );
  } finally {
    db.close();
  }
  const horizon = metrics.params.horizon;
  const models: LeadTimes['models'] = {};
  for (const name of Object.keys(metrics.pooled)) models[name] = { accounts: 0, leads: [], missed: 0 };
  for (const r of rows) {
    const m = models[String(r['model'])];
    if (!m) continue;
    const account = String(r['account_id']);
    // an account without churned_at (a label of inactivity) falls back to its last snapshot
    const churn = churnDates?.get(account) ?? lastSnapshot?.get(account) ?? String(r['last_positive']);
    m.accounts++;
    const red = r['first_red'] === null ? null : String(r['first_red']);
    const lead = red === null ? null : isoDay(churn)! - isoDay(red)!;
    // a RED after the churn date (a label from another definition) is no warning
    if (lead === null || lead < 0 || lead > horizon) m.missed++;
    else m.leads.push(lead);
  }
  for (const m of Object.values(models)) m.leads.sort((a, b) => a - b);
  return { source: churnDates !== null ? 'accounts' : 'last_snapshot', horizon, models };
}

export function median(sorted: readonly number[]): number | null {
  if (sorted.length === 0) return null;
  const h = (sorted.length - 1) / 2;
  const lo = Math.floor(h);
  return sorted[lo]! + (h - lo) * (sorted[Math.min(lo + 1, sorted.length - 1)]! - sorted[lo]!);
}

/** Share of a model's churned accounts that went RED at least `days` before leaving. */
export function flaggedShare(lead: LeadTimes['models'][string], days: number): number | null {
  if (lead.accounts === 0) return null;
  return lead.leads.filter((d) => d >= days).length / lead.accounts;
}

export function leadTimeDefinition(lead: LeadTimes): string {
  const churn =
    lead.source === 'accounts'
      ? 'the churn date in the accounts table (churned_at)'
      : 'the last snapshot where the account was still a customer (no accounts table was given: a lower bound, by up to one snapshot interval)';
  return `Lead time: days from an account's first RED score within the ${lead.horizon} days before it churned to ${churn}. Accounts that churned without a RED score in that window count as missed.`;
}

const pct = (v: number | null) => (v === null ? '–' : `${Math.round(v * 100)}%`);

/** Pooled and within-period ROC AUC further apart than this get a note in the report. */
export const POOLING_GAP = 0.05;

/**
 * The report's table shows each model's AUC over all test periods pooled; the fold chart shows it
 * period by period. When the two disagree by more than POOLING_GAP the table alone misleads, and
 * the reader is told which way and why. Pooled below the periods' mean: the model ranks accounts
 * well within a period, but its probabilities sit at a different level each period (each period's
 * model was fitted and calibrated on its own history), so accounts of different periods are ranked
 * on different scales. Pooled above: some of the pooled ranking is of periods (more churn in some,
 * and probabilities that rose with it), not of accounts.
 */
export function poolingNotes(pooled: Record<string, Pick<PooledMetrics, 'auc' | 'mean_fold_auc'>>): string[] {
  const notes: string[] = [];
  for (const [name, p] of Object.entries(pooled)) {
    const all = p.auc;
    const within = p.mean_fold_auc;
    if (all === null || within === null || Math.abs(all - within) <= POOLING_GAP) continue;
    const both = `${name}: ROC AUC ${all.toFixed(3)} with every period pooled, ${within.toFixed(3)} on average within a period`;
    notes.push(
      all < within
        ? `${both}. It ranks the accounts of each period well, but its probabilities sit at a different level from one period to the next (each period's model was fitted and calibrated on the history before it), so pooled periods are ranked on different scales. Judge its ranking by the period-by-period chart; compare its probabilities only within a period, or recalibrate it more often.`
        : `${both}. Part of the pooled figure ranks periods rather than accounts (some periods had more churn, and its probabilities rose with them); the period-by-period chart is the fairer measure of how it ranks accounts.`,
    );
  }
  return notes;
}

/** The one paragraph on top of the report. */
export function summaryParagraph(m: BacktestMetrics, lead: LeadTimes | null): string {
  const names = Object.keys(m.pooled);
  const reference = names.find((n) => n === 'scorecard:default') ?? names.find((n) => n.startsWith('scorecard:'));
  const candidates = names.filter((n) => n !== reference);
  const best = [...(candidates.length ? candidates : names)].sort(
    (a, b) => (m.pooled[b]!.auc ?? -1) - (m.pooled[a]!.auc ?? -1),
  )[0]!;
  const step = m.params.step === 'month' ? 'month' : 'quarter';
  const folds = m.folds.length;
  const first = m.folds[0];
  const last = m.folds[folds - 1];
  const parts: string[] = [];
  parts.push(
    first && last
      ? `We replayed ${folds} ${step}${folds === 1 ? '' : 's'} of history (${first.cutoff} to ${last.test_end}): at the start of each, every model learned only from what was known that day and rated the accounts of the ${step} ahead, as if it had been running then.`
      : 'The backtest has no test period.',
  );
  const named = (n: string) => (n === reference ? `the current scorecard (${n})` : n);
  if (isOpportunityLabel(m.params.label)) {
    // an expansion backtest: GREEN is where growth should be, and there is no churn to lead
    const p = m.pooled[best]!;
    const green = p.bands.GREEN.rate;
    const red = p.bands.RED.rate;
    if (green !== null && red !== null)
      parts.push(
        `Accounts ${best} rated GREEN expanded (${m.params.label}) at ${pct(green)} within ${m.params.horizon} days, RED ones at ${pct(red)}.`,
      );
    if (p.auc !== null)
      parts.push(
        `Given one account that expanded and one that did not, ${best} ranks the one that expanded higher ${pct(p.auc)} of the time` +
          (reference && reference !== best && m.pooled[reference]!.auc !== null
            ? `, the current scorecard ${pct(m.pooled[reference]!.auc)} (50% is a coin flip).`
            : ' (50% is a coin flip).'),
      );
    return parts.join(' ');
  }
  if (lead) {
    const b = lead.models[best];
    const r = reference ? lead.models[reference] : undefined;
    if (b && b.accounts > 0) {
      parts.push(
        `Of the ${groupDigits(b.accounts)} accounts that churned in those ${step}s, ${named(best)} flagged ${pct(flaggedShare(b, WARNING_DAYS))} as RED at least ${WARNING_DAYS} days before they left` +
          (r && reference !== best ? `; ${named(reference!)} flagged ${pct(flaggedShare(r, WARNING_DAYS))}.` : '.'),
      );
    }
  }
  const p = m.pooled[best]!;
  const red = p.bands.RED.rate;
  const green = p.bands.GREEN.rate;
  if (red !== null && green !== null)
    parts.push(
      `Accounts ${best} rated RED churned at ${pct(red)} within ${m.params.horizon} days, GREEN ones at ${pct(green)}.`,
    );
  if (reference && reference !== best && p.auc !== null && m.pooled[reference]!.auc !== null) {
    parts.push(
      `Given one account that churned and one that renewed, ${best} ranks the churner as riskier ${pct(p.auc)} of the time, the current scorecard ${pct(m.pooled[reference]!.auc)} (50% is a coin flip).`,
    );
  }
  return parts.join(' ');
}

/** The rows of the table's latest as-of date (every row when it has no as_of), as columns. */
export function latestSnapshot(frame: Frame): {
  latest: string | null;
  rows: number[];
  table: Frame;
} {
  const asOf = frame.columns['as_of'] as (string | null)[] | undefined;
  let latest: string | null = null;
  if (asOf) for (const v of asOf) if (v !== null && (latest === null || v > latest)) latest = v;
  const rows: number[] = [];
  for (let i = 0; i < frame.n; i++) if (!asOf || asOf[i] === latest) rows.push(i);
  const columns: Frame['columns'] = {};
  for (const name of frame.names) {
    const c = frame.columns[name]!;
    columns[name] = c instanceof Float64Array ? Float64Array.from(rows, (i) => c[i]!) : rows.map((i) => c[i] ?? null);
  }
  return { latest, rows, table: { n: rows.length, names: [...frame.names], kinds: { ...frame.kinds }, columns } };
}

/** One row of the accounts-to-call or the where-to-grow table, in words. */
export interface AccountLine {
  account: string;
  segment: string;
  arr: string;
  score: string;
  /** The churn probability (to call), or the expansion model's (to grow). */
  probability: string;
  renewal: string;
  /** The scorecard's reasons (to call), or the inputs raising the expansion propensity most (to grow). */
  reasons: string[];
}

/** A snapshot's cell, NaN and a missing column as null. */
function cellOf(table: Frame, name: string, k: number): number | string | null {
  const v = table.columns[name]?.[k];
  return typeof v === 'number' ? (Number.isNaN(v) ? null : v) : (v ?? null);
}

/** Row k of a snapshot as both tables show it, with its probability and reasons already in words. */
function accountLine(
  table: Frame,
  score: number,
  names: ReadonlyMap<string, string | null> | null,
  k: number,
  probability: string,
  reasons: string[],
): AccountLine {
  const id = (table.columns['account_id'] as (string | null)[])[k] ?? '';
  const name = names?.get(id) ?? null;
  return {
    account: name ? `${name} (${id})` : id,
    segment: String(cellOf(table, 'segment', k) ?? '–'),
    arr: formatValue('annual_value', cellOf(table, 'annual_value', k)),
    score: score.toFixed(1),
    probability,
    renewal: formatValue('days_to_renewal', cellOf(table, 'days_to_renewal', k)),
    reasons,
  };
}

/**
 * The RED accounts at the table's latest as-of, by ARR at risk (their annual value), most first,
 * each with the scorecard's three reasons in words. Accounts without enough data are left out.
 */
export function accountsToCall(
  card: Scorecard,
  frame: Frame,
  names: ReadonlyMap<string, string | null> | null,
  limit = 10,
): { asOf: string | null; rows: AccountLine[]; red: number } {
  const { latest, table } = latestSnapshot(frame);
  const s = scoreColumns(card, table);
  const red = BANDS.indexOf('RED');
  const ids = table.columns['account_id'] as (string | null)[];
  const arr = table.columns['annual_value'];
  const arrOf = (k: number) => (arr instanceof Float64Array && !Number.isNaN(arr[k]!) ? arr[k]! : 0);
  const picked: number[] = [];
  for (let k = 0; k < table.n; k++)
    if (s.band[k] === red && statusOf(card, s.coverage[k]!) === 'scored') picked.push(k);
  picked.sort(
    (a, b) => arrOf(b) - arrOf(a) || s.score[a]! - s.score[b]! || String(ids[a]).localeCompare(String(ids[b])),
  );
  const out = picked.slice(0, limit).map((k) => {
    const reasons: string[] = [];
    for (let r = 0; r < MAX_REASONS; r++) {
      const j = s.reasons[k * MAX_REASONS + r]!;
      if (j >= 0) reasons.push(describeValue(s.signals[j]!, cellOf(table, s.signals[j]!, k)));
    }
    const p = s.probability[k]!;
    return accountLine(table, s.score[k]!, names, k, Number.isNaN(p) ? '–' : pct(p), reasons);
  });
  return { asOf: latest, rows: out, red: picked.length };
}

/**
 * Where to grow: the GREEN accounts (on the card) of the table's latest as-of, by the expansion
 * model's probability, likeliest first, each with the inputs that raise it most. `propensity`
 * and `reasons` are row-aligned with `latestSnapshot(frame).table`.
 */
export function accountsToGrow(
  card: Scorecard,
  snapshot: ReturnType<typeof latestSnapshot>,
  propensity: Float64Array,
  reasons: readonly (readonly (string | null)[])[],
  names: ReadonlyMap<string, string | null> | null,
  limit = 10,
): { asOf: string | null; rows: AccountLine[]; green: number } {
  const { latest, table } = snapshot;
  const s = scoreColumns(card, table);
  const green = BANDS.indexOf('GREEN');
  const ids = table.columns['account_id'] as (string | null)[];
  const picked: number[] = [];
  for (let k = 0; k < table.n; k++)
    if (s.band[k] === green && statusOf(card, s.coverage[k]!) === 'scored' && !Number.isNaN(propensity[k]!))
      picked.push(k);
  picked.sort((a, b) => propensity[b]! - propensity[a]! || String(ids[a]).localeCompare(String(ids[b])));
  const rows = picked.slice(0, limit).map((k) =>
    accountLine(
      table,
      s.score[k]!,
      names,
      k,
      pct(propensity[k]!),
      reasons.map((r) => r[k] ?? null).filter((r): r is string => r !== null),
    ),
  );
  return { asOf: latest, rows, green: picked.length };
}
