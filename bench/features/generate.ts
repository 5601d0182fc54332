/**
 * Synthetic history for the feature benchmark, generated inside DuckDB with hash-based
 * randomness (deterministic for a given DuckDB version): N accounts over M months, every table of
 * the contract, usage in Parquet. This is a stand-in for `churnkit simulate` when its large
 * dataset is not at hand; the benchmark accepts any history folder.
 *
 *   node dist/bench/features/generate.js --accounts 50000 --months 36 --events-per-day 4 --out bench/data/features-50k
 *
 * (issue 18's 121.8M usage rows; the default of 2 events a day gives 52.8M)
 */
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { openDuckDB, quoteLiteral } from '../../src/data/duckdb.js';

const { values } = parseArgs({
  options: {
    accounts: { type: 'string', default: '2000' },
    months: { type: 'string', default: '36' },
    'events-per-day': { type: 'string', default: '2' },
    out: { type: 'string' },
  },
});
const accounts = Number(values.accounts);
const months = Number(values.months);
const eventsPerDay = Number(values['events-per-day']);
const out = values.out ?? `bench/data/features-${accounts}`;
await mkdir(out, { recursive: true });

const db = await openDuckDB(':memory:', { threads: '2', memory_limit: '3GB' });
const c = db.connection;
const start = '2021-01-01';
const days = Math.round(months * 30.44);
// u(x...) is a uniform number in [0, 1) derived from the arguments.
const u = (...parts: string[]) => `(hash(${parts.join(', ')}) % 1000003) / 1000003.0`;
const path = (t: string, ext: string) => quoteLiteral(join(out, `${t}.${ext}`));

await c.run(`CREATE MACRO day0() AS DATE '${start}'`);
// DuckDB adds only INTEGER (not BIGINT) days to a DATE.
await c.run(`CREATE MACRO addd(dt, n) AS CAST(dt + CAST(n AS INTEGER) AS DATE)`);
await c.run(`CREATE TABLE acc AS
SELECT 'A' || lpad(CAST(i AS VARCHAR), 6, '0') AS account_id, i,
  ['enterprise', 'mid_market', 'smb'][1 + CAST(floor(${u("'seg'", 'i')} * 3) AS INTEGER)] AS segment,
  CASE WHEN ${u("'base'", 'i')} < 0.5 THEN day0() ELSE addd(day0(), floor(${u("'start'", 'i')} * (${days} - 60))) END AS started_at,
  ${u("'churn'", 'i')} AS churn_u,
  5 + CAST(floor(${u("'seats'", 'i')} * 95) AS INTEGER) AS seats,
  1 + CAST(floor(${u("'users'", 'i')} * 12) AS INTEGER) AS users,
  0.4 + 1.2 * ${u("'activity'", 'i')} AS activity
FROM range(${accounts}) t(i)`);
await c.run(`CREATE TABLE accounts_t AS
SELECT account_id, 'Account ' || account_id AS name, segment, started_at,
  CASE WHEN churn_u < 0.35 THEN addd(started_at, 60 + floor(churn_u / 0.35 * 900)) END AS churned_at,
  CASE WHEN i % 17 = 0 THEN NULL ELSE seats END AS seats, users, activity, i
FROM acc`);
await c.run(`UPDATE accounts_t SET churned_at = NULL WHERE churned_at > addd(day0(), ${days})`);
await c.run(
  `COPY (SELECT account_id, name, segment, started_at, churned_at, seats FROM accounts_t ORDER BY account_id) TO ${path('accounts', 'parquet')} (FORMAT parquet)`,
);

// Usage: per active account-day, Poisson-ish counts of events; activity decays before churn.
const events = [
  'login',
  'api_call',
  'report',
  'dashboard',
  'export',
  'search',
  'alerts',
  'billing',
  'settings',
  'workflow',
  'import',
  'share',
];
await c.run(`COPY (
WITH active AS (
  SELECT a.account_id, a.users, a.activity, a.churned_at, addd(day0(), d.k) AS day, d.k
  FROM accounts_t a, range(${days}) d(k)
  WHERE addd(day0(), d.k) >= a.started_at AND (a.churned_at IS NULL OR addd(day0(), d.k) < a.churned_at)
), counted AS (
  SELECT *, CAST(floor(${eventsPerDay} * 2 * activity *
      (CASE WHEN churned_at IS NOT NULL AND churned_at - day < 60 THEN (churned_at - day) / 60.0 ELSE 1 END) *
      ${u('account_id', 'k', "'n'")}) AS INTEGER) AS n
  FROM active
)
SELECT account_id,
  CAST(day AS TIMESTAMP) + to_seconds(CAST(floor(${u('account_id', 'k', 'e.j', "'t'")} * 86400) AS BIGINT)) AS occurred_at,
  CASE WHEN ${u('account_id', 'k', 'e.j', "'anon'")} < 0.03 THEN NULL ELSE 'u' || CAST(floor(${u('account_id', 'k', 'e.j', "'u'")} * users) AS INTEGER) END AS user_id,
  ${sqlList(events)}[1 + CAST(floor(pow(${u('account_id', 'k', 'e.j', "'ev'")}, 1.6) * ${events.length}) AS INTEGER)] AS event,
  CAST(1 + floor(${u('account_id', 'k', 'e.j', "'q'")} * 4) AS DOUBLE) AS quantity
FROM counted, range(n) e(j)
ORDER BY day, account_id
) TO ${path('usage', 'parquet')} (FORMAT parquet, COMPRESSION zstd, ROW_GROUP_SIZE 1000000)`);

await c.run(`COPY (
SELECT a.account_id, 'K' || a.account_id || '-' || y.n AS contract_id,
  addd(a.started_at, 365 * y.n) AS starts_at, addd(a.started_at, 365 * (y.n + 1)) AS ends_at,
  round(1000 + ${u('a.account_id', "'arr'")} * 50000 * (1 + 0.1 * y.n), 2) AS annual_value
FROM accounts_t a, range(5) y(n)
WHERE addd(a.started_at, 365 * y.n) < addd(day0(), ${days}) AND (a.churned_at IS NULL OR addd(a.started_at, 365 * y.n) < a.churned_at) AND a.i % 23 <> 0
ORDER BY 1, 2) TO ${path('contracts', 'parquet')} (FORMAT parquet)`);

await c.run(`COPY (
SELECT a.account_id, 'T' || a.account_id || '-' || t.n AS ticket_id,
  CAST(a.started_at AS TIMESTAMP) + to_seconds(CAST(floor(${u('a.account_id', 't.n', "'o'")} * 86400 * (COALESCE(a.churned_at, addd(day0(), ${days})) - a.started_at)) AS BIGINT)) AS opened_at,
  NULL::TIMESTAMP AS closed_at,
  ['low', 'medium', 'high', 'urgent'][1 + CAST(floor(${u('a.account_id', 't.n', "'s'")} * 4) AS INTEGER)] AS severity,
  ['negative', 'neutral', 'positive'][1 + CAST(floor(${u('a.account_id', 't.n', "'m'")} * 3) AS INTEGER)] AS sentiment,
  ${u('a.account_id', 't.n', "'x'")} < 0.05 AS escalated
FROM accounts_t a, range(CAST(2 + a.activity * 20 AS INTEGER)) t(n)
ORDER BY 1, 2) TO ${path('tickets_raw', 'parquet')} (FORMAT parquet)`);
await c.run(`COPY (
SELECT account_id, ticket_id, opened_at,
  CASE WHEN ${u('ticket_id', "'open'")} < 0.03 THEN NULL ELSE opened_at + to_seconds(CAST(3600 + floor(${u('ticket_id', "'c'")} * 86400 * 20) AS BIGINT)) END AS closed_at,
  severity, sentiment, escalated
FROM read_parquet(${path('tickets_raw', 'parquet')}) ORDER BY 1, 2) TO ${path('tickets', 'parquet')} (FORMAT parquet)`);

await c.run(`COPY (
SELECT a.account_id, 'C' || a.account_id || '-' || k.n AS contact_id,
  ['champion', 'executive_sponsor', 'admin', 'user', 'other'][1 + (k.n % 5)] AS role,
  addd(a.started_at, floor(${u('a.account_id', 'k.n', "'cs'")} * 200) * (k.n // 5)) AS started_at,
  CASE WHEN ${u('a.account_id', 'k.n', "'ce'")} < 0.3 THEN addd(a.started_at, 100 + floor(${u('a.account_id', 'k.n', "'cd'")} * 700)) END AS ended_at
FROM accounts_t a, range(2 + CAST(floor(${u('a.account_id', "'nc'")} * 6) AS INTEGER)) k(n)
ORDER BY 1, 2) TO ${path('contacts_raw', 'parquet')} (FORMAT parquet)`);
// A late contact's drawn end can fall before its start, which the contract's interval rule refuses:
// such a contact has no end.
await c.run(`COPY (
SELECT account_id, contact_id, role, started_at, CASE WHEN ended_at >= started_at THEN ended_at END AS ended_at
FROM read_parquet(${path('contacts_raw', 'parquet')}) ORDER BY 1, 2) TO ${path('contacts', 'parquet')} (FORMAT parquet)`);

await c.run(`COPY (
SELECT a.account_id,
  CAST(a.started_at AS TIMESTAMP) + to_seconds(CAST(floor(${u('a.account_id', 'x.n', "'it'")} * 86400 * (COALESCE(a.churned_at, addd(day0(), ${days})) - a.started_at)) AS BIGINT)) AS occurred_at,
  CASE WHEN ${u('a.account_id', 'x.n', "'ic'")} < 0.2 THEN NULL ELSE 'C' || a.account_id || '-' || CAST(floor(${u('a.account_id', 'x.n', "'ik'")} * 2) AS INTEGER) END AS contact_id,
  ['csm_meeting', 'csm_call', 'csm_email', 'qbr', 'email_reply', 'training', 'community', 'webinar', 'other'][1 + CAST(floor(${u('a.account_id', 'x.n', "'kind'")} * 9) AS INTEGER)] AS kind
FROM accounts_t a, range(CAST(5 + a.activity * 40 AS INTEGER)) x(n)
ORDER BY 1, 2) TO ${path('interactions', 'parquet')} (FORMAT parquet)`);

await c.run(`COPY (
SELECT a.account_id, NULL AS contact_id,
  CAST(a.started_at AS TIMESTAMP) + to_seconds(CAST(floor(${u('a.account_id', 'x.n', "'nt'")} * 86400 * (COALESCE(a.churned_at, addd(day0(), ${days})) - a.started_at)) AS BIGINT)) AS responded_at,
  CAST(floor(${u('a.account_id', 'x.n', "'ns'")} * 11) AS INTEGER) AS score
FROM accounts_t a, range(CAST(a.activity * 8 AS INTEGER)) x(n)
ORDER BY 1, 3) TO ${path('nps', 'parquet')} (FORMAT parquet)`);

await c.run(`COPY (
SELECT a.account_id, ['slack', 'salesforce', 'hubspot', 'jira', 'zendesk', 'okta'][1 + x.n] AS integration,
  CAST(a.started_at AS TIMESTAMP) + to_seconds(CAST(floor(${u('a.account_id', 'x.n', "'gt'")} * 86400 * 600) AS BIGINT)) AS connected_at,
  NULL::TIMESTAMP AS disconnected_at
FROM accounts_t a, range(CAST(floor(${u('a.account_id', "'ng'")} * 5) AS INTEGER)) x(n)
ORDER BY 1, 2) TO ${path('integrations', 'parquet')} (FORMAT parquet)`);

const [[rows]] = (
  await c.runAndReadAll(`SELECT COUNT(*) FROM read_parquet(${path('usage', 'parquet')})`)
).getRowsJS() as [[bigint]];
const { rm } = await import('node:fs/promises');
await rm(join(out, 'tickets_raw.parquet'));
await rm(join(out, 'contacts_raw.parquet'));
db.close();
process.stdout.write(`${out}: ${accounts} accounts, ${months} months, ${rows} usage rows\n`);

function sqlList(items: readonly string[]): string {
  return `[${items.map(quoteLiteral).join(', ')}]`;
}
