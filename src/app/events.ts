/**
 * The raw events behind an account's ten features at one as-of date, counted in the windows the
 * features use (docs/features.md: "last N days" = [T-N, T), "prior N days" = [T-2N, T-N)), so a CSM
 * can see what a "-35% usage" was made of. Read from the history the features were built from;
 * a table the history lacks is said to be missing, never shown as zero.
 */
import { openHistory, queryRows, quoteLiteral, type History, type TableName } from '../data/index.js';
import { featureLabel } from '../catalogue/index.js';
import { Serial } from '../util/index.js';
import type { EventRow } from './web/wire.js';

type Query = {
  feature: string;
  /** The tables the counts read; all must be in the history. */
  tables: TableName[];
  what: string;
  /** SQL giving one row with columns last and prior, over the table filtered to the account. */
  sql: (t: string, account: string) => string;
};

const day = (t: string, shift: number) => `CAST(CAST(${t} AS DATE) + INTERVAL (${shift}) DAY AS TIMESTAMP)`;
const ts = (t: string) => `CAST(${t} AS TIMESTAMP)`;
/** Rows of `time` in [T-days*from, T-days*(from-1)). */
const inWindow = (time: string, t: string, days: number, k: 1 | 2) =>
  `${time} >= ${day(t, -days * k)} AND ${time} < ${day(t, -days * (k - 1))}`;

function queries(csmKinds: readonly string[]): Query[] {
  const kinds = csmKinds.map(quoteLiteral).join(', ');
  return [
    {
      feature: 'usage_trend_14d',
      tables: ['usage'],
      what: 'product usage (quantity of events other than logins), last 14 days vs the 14 before',
      sql: (t, a) =>
        `SELECT SUM(CASE WHEN ${inWindow('occurred_at', t, 14, 1)} THEN quantity END) AS last,
                SUM(CASE WHEN ${inWindow('occurred_at', t, 14, 2)} THEN quantity END) AS prior
         FROM usage WHERE account_id = ${a} AND event <> 'login'`,
    },
    {
      feature: 'support_ticket_trend_30d',
      tables: ['tickets'],
      what: 'tickets opened, last 30 days vs the 30 before',
      sql: (t, a) =>
        `SELECT COUNT(*) FILTER (WHERE ${inWindow('opened_at', t, 30, 1)}) AS last,
                COUNT(*) FILTER (WHERE ${inWindow('opened_at', t, 30, 2)}) AS prior
         FROM tickets WHERE account_id = ${a}`,
    },
    {
      feature: 'champion_engagement_change_30d',
      tables: ['interactions', 'contacts'],
      what: 'interactions with a champion in role at the as-of date, last 30 days vs the 30 before',
      sql: (t, a) =>
        `SELECT COUNT(*) FILTER (WHERE ${inWindow('i.occurred_at', t, 30, 1)}) AS last,
                COUNT(*) FILTER (WHERE ${inWindow('i.occurred_at', t, 30, 2)}) AS prior
         FROM interactions i
         WHERE i.account_id = ${a} AND i.contact_id IN (
           SELECT contact_id FROM contacts
           WHERE account_id = ${a} AND role = 'champion' AND started_at < CAST(${t} AS DATE)
             AND (ended_at IS NULL OR ended_at > CAST(${t} AS DATE)))`,
    },
    {
      feature: 'login_frequency_change_14d',
      tables: ['usage'],
      what: 'logins, last 14 days vs the 14 before',
      sql: (t, a) =>
        `SELECT COALESCE(SUM(quantity) FILTER (WHERE ${inWindow('occurred_at', t, 14, 1)}), 0) AS last,
                COALESCE(SUM(quantity) FILTER (WHERE ${inWindow('occurred_at', t, 14, 2)}), 0) AS prior
         FROM usage WHERE account_id = ${a} AND event = 'login'`,
    },
    {
      feature: 'license_utilization',
      tables: ['usage'],
      what: 'distinct active users in the last 30 days, and licensed seats',
      sql: (t, a) =>
        `SELECT (SELECT COUNT(DISTINCT user_id) FROM usage WHERE account_id = ${a} AND ${inWindow('occurred_at', t, 30, 1)}) AS last,
                (SELECT MAX(seats) FROM accounts WHERE account_id = ${a}) AS prior`,
    },
    {
      feature: 'days_since_last_csm_interaction',
      tables: ['interactions'],
      what: 'last CSM touch (meeting, call, email, QBR) before the as-of date, and CSM touches in the last 90 days',
      sql: (t, a) =>
        `SELECT strftime(MAX(occurred_at) FILTER (WHERE occurred_at < ${ts(t)}), '%Y-%m-%d') AS last,
                COUNT(*) FILTER (WHERE ${inWindow('occurred_at', t, 90, 1)}) AS prior
         FROM interactions WHERE account_id = ${a} AND kind IN (${kinds || "''"})`,
    },
    {
      feature: 'nps_trend',
      tables: ['nps'],
      what: 'mean NPS answer (responses), last 180 days vs the 180 before',
      sql: (t, a) =>
        `SELECT CASE WHEN COUNT(*) FILTER (WHERE ${inWindow('responded_at', t, 180, 1)}) > 0
                  THEN printf('%.1f (%d)', AVG(score) FILTER (WHERE ${inWindow('responded_at', t, 180, 1)}), COUNT(*) FILTER (WHERE ${inWindow('responded_at', t, 180, 1)})) END AS last,
                CASE WHEN COUNT(*) FILTER (WHERE ${inWindow('responded_at', t, 180, 2)}) > 0
                  THEN printf('%.1f (%d)', AVG(score) FILTER (WHERE ${inWindow('responded_at', t, 180, 2)}), COUNT(*) FILTER (WHERE ${inWindow('responded_at', t, 180, 2)})) END AS prior
         FROM nps WHERE account_id = ${a}`,
    },
    {
      feature: 'contract_value_vs_usage_ratio',
      tables: ['contracts'],
      what: 'annual value of the contracts in effect, and the earliest renewal date',
      sql: (t, a) =>
        `SELECT SUM(annual_value) AS last, strftime(MIN(ends_at), '%Y-%m-%d') AS prior
         FROM contracts WHERE account_id = ${a} AND starts_at < CAST(${t} AS DATE) AND (ends_at IS NULL OR ends_at > CAST(${t} AS DATE))`,
    },
    {
      feature: 'feature_adoption_breadth_change_30d',
      tables: ['usage'],
      what: 'distinct product features used (not logins, not API calls), last 30 days vs the 30 before',
      sql: (t, a) =>
        `SELECT COUNT(DISTINCT event) FILTER (WHERE ${inWindow('occurred_at', t, 30, 1)}) AS last,
                COUNT(DISTINCT event) FILTER (WHERE ${inWindow('occurred_at', t, 30, 2)}) AS prior
         FROM usage WHERE account_id = ${a} AND event NOT IN ('login', 'api_call')`,
    },
    {
      feature: 'days_since_last_integration_added',
      tables: ['integrations'],
      what: 'latest integration connected before the as-of date, and integrations connected at it',
      sql: (t, a) =>
        `SELECT strftime(MAX(connected_at) FILTER (WHERE connected_at < ${ts(t)}), '%Y-%m-%d') AS last,
                COUNT(*) FILTER (WHERE connected_at < ${ts(t)} AND (disconnected_at IS NULL OR disconnected_at > ${ts(t)})) AS prior
         FROM integrations WHERE account_id = ${a}`,
    },
  ];
}

function cell(v: unknown): number | string | null {
  if (v === null || v === undefined) return null;
  if (typeof v === 'bigint') return Number(v);
  if (typeof v === 'number' || typeof v === 'string') return v;
  return String(v);
}

/** The counts behind each feature for `account` at `asOf`, from an open history. */
export async function eventSummary(history: History, account: string, asOf: string): Promise<EventRow[]> {
  const out: EventRow[] = [];
  const t = quoteLiteral(asOf);
  const a = quoteLiteral(account);
  for (const q of queries(history.csmKinds)) {
    const base = { feature: q.feature, label: featureLabel(q.feature), what: q.what };
    const absent = q.tables.filter((table) => !history.tables.has(table));
    if (absent.length > 0) {
      out.push({ ...base, last: null, prior: null, missing: `the history has no ${absent.join(' or ')} table` });
      continue;
    }
    const [row] = await queryRows(history.connection, q.sql(t, a));
    out.push({ ...base, last: cell(row?.['last']), prior: cell(row?.['prior']) });
  }
  return out;
}

/** A history opened once and kept: account pages query it one account at a time. */
export class EventSource {
  private history: Promise<History> | null = null;
  /** One DuckDB connection: pages asked at once take turns on it. */
  private readonly serial = new Serial();
  constructor(private readonly data: string) {}

  summary(account: string, asOf: string): Promise<EventRow[]> {
    this.history ??= openHistory(this.data);
    const history = this.history;
    return this.serial.run(async () => eventSummary(await history, account, asOf));
  }

  async close(): Promise<void> {
    if (this.history) (await this.history).close();
  }
}
