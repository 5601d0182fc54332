import type pg from 'pg';
import { ChurnkitError } from '../util/index.js';
import {
  JUDGMENTS_TABLE,
  judgmentView,
  type JudgmentRow,
  type JudgmentFilter,
  type JudgmentInput,
  type JudgmentView,
} from './judgments.js';
import {
  ALERTS_TABLE,
  HISTORY_TABLE,
  lastPerKey,
  type AlertClaim,
  type AlertRow,
  type AlertStatus,
  type HistoryBackend,
  type HistoryKey,
  type PreviousScore,
  type ScoreRecord,
} from './store.js';

const SCHEMA = `
CREATE TABLE IF NOT EXISTS ${HISTORY_TABLE} (
  account_id TEXT NOT NULL,
  as_of DATE NOT NULL,
  score DOUBLE PRECISION NOT NULL,
  band TEXT NOT NULL,
  probability DOUBLE PRECISION,
  escalate BOOLEAN NOT NULL,
  layers JSONB NOT NULL,
  overrides TEXT NOT NULL,
  reasons TEXT NOT NULL,
  scorecard TEXT,
  source TEXT NOT NULL,
  PRIMARY KEY (account_id, as_of)
);
CREATE TABLE IF NOT EXISTS ${ALERTS_TABLE} (
  event_id TEXT PRIMARY KEY,
  seq BIGSERIAL NOT NULL,
  account_id TEXT NOT NULL,
  as_of DATE NOT NULL,
  kind TEXT NOT NULL,
  status TEXT NOT NULL,
  attempts INTEGER NOT NULL,
  payload JSONB NOT NULL
);
CREATE TABLE IF NOT EXISTS ${JUDGMENTS_TABLE} (
  id BIGSERIAL PRIMARY KEY,
  account_id TEXT NOT NULL,
  as_of DATE NOT NULL,
  band TEXT,
  score DOUBLE PRECISION,
  reason TEXT NOT NULL,
  author TEXT NOT NULL,
  recorded_at TEXT NOT NULL,
  source TEXT NOT NULL
);`;

/** Judgments beside the latest stored score on or before their as_of. */
const JUDGMENT_VIEW = `
SELECT j.id::int AS id, j.account_id, j.as_of::text AS as_of, j.band, j.score, j.reason, j.author, j.recorded_at, j.source,
       h.as_of::text AS computed_as_of, h.score AS computed_score, h.band AS computed_band
FROM ${JUDGMENTS_TABLE} j LEFT JOIN LATERAL (
  SELECT as_of, score, band FROM ${HISTORY_TABLE} s
  WHERE s.account_id = j.account_id AND s.as_of <= j.as_of ORDER BY s.as_of DESC LIMIT 1
) h ON TRUE`;

// Any fixed number: serializes concurrent first-time schema creation across processes.
const SCHEMA_LOCK = 7_241_905_113;

/**
 * Score history in PostgreSQL. Writers in several processes are safe: upserts and alert
 * claims are single INSERT ... ON CONFLICT statements, which PostgreSQL makes atomic per key.
 */
export async function openPostgresHistory(url: string): Promise<HistoryBackend> {
  // Loaded here, not at the top: only a postgres:// history pays for the driver.
  const { Pool } = (await import('pg')).default;
  const pool = new Pool({ connectionString: url, max: 4, connectionTimeoutMillis: 10_000 });
  // An idle client losing its server must not crash the process; the next query reports it.
  pool.on('error', () => undefined);
  try {
    const client = await pool.connect();
    try {
      await client.query('BEGIN');
      await client.query('SELECT pg_advisory_xact_lock($1)', [SCHEMA_LOCK]);
      await client.query(SCHEMA);
      await client.query('COMMIT');
    } catch (err) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw err;
    } finally {
      client.release();
    }
  } catch (err) {
    await pool.end().catch(() => undefined);
    throw new ChurnkitError(`score history ${redact(url)}: ${(err as Error).message}`, 2);
  }
  return new PostgresHistory(pool, url);
}

/** The connection string without its password, for messages. */
export function redact(url: string): string {
  return url.replace(/\/\/([^:/@]+):[^@]*@/, '//$1:***@');
}

const PREVIOUS_SQL = `
SELECT DISTINCT ON (k.i) k.i::int AS i, h.account_id, h.as_of::text AS as_of, h.score, h.band, h.escalate
FROM unnest($1::text[], $2::date[]) WITH ORDINALITY AS k(account_id, as_of, i)
JOIN ${HISTORY_TABLE} h ON h.account_id = k.account_id AND (k.as_of IS NULL OR h.as_of < k.as_of)
ORDER BY k.i, h.as_of DESC`;

const UPSERT_SQL = `
INSERT INTO ${HISTORY_TABLE} (account_id, as_of, score, band, probability, escalate, layers, overrides, reasons, scorecard, source)
SELECT a, d, s, b, p, e, l, o, r, c, $11
FROM unnest($1::text[], $2::date[], $3::float8[], $4::text[], $5::float8[], $6::bool[], $7::jsonb[], $8::text[], $9::text[], $10::text[])
  AS t(a, d, s, b, p, e, l, o, r, c)
ON CONFLICT (account_id, as_of) DO UPDATE SET
  score = EXCLUDED.score, band = EXCLUDED.band, probability = EXCLUDED.probability, escalate = EXCLUDED.escalate,
  layers = EXCLUDED.layers, overrides = EXCLUDED.overrides, reasons = EXCLUDED.reasons,
  scorecard = EXCLUDED.scorecard, source = EXCLUDED.source`;

class PostgresHistory implements HistoryBackend {
  readonly kind = 'postgres' as const;

  constructor(
    private readonly pool: pg.Pool,
    private readonly url: string,
  ) {}

  async append(records: readonly ScoreRecord[], source: string): Promise<void> {
    await this.withClient((c) => this.upsert(c, records, source));
  }

  previous(keys: readonly HistoryKey[]): Promise<(PreviousScore | null)[]> {
    return this.withClient((c) => this.previousOn(c, keys));
  }

  previousThenAppend(records: readonly ScoreRecord[], source: string): Promise<(PreviousScore | null)[]> {
    return this.withClient(async (c) => {
      await c.query('BEGIN');
      try {
        const previous = await this.previousOn(c, records);
        await this.upsert(c, records, source);
        await c.query('COMMIT');
        return previous;
      } catch (err) {
        await c.query('ROLLBACK').catch(() => undefined);
        throw err;
      }
    });
  }

  claim(events: readonly AlertClaim[]): Promise<Set<string>> {
    return this.withClient(async (c) => {
      const res = await c.query<{ event_id: string }>(
        `INSERT INTO ${ALERTS_TABLE} (event_id, account_id, as_of, kind, status, attempts, payload)
         SELECT e, a, d, k, 'pending', 0, p FROM unnest($1::text[], $2::text[], $3::date[], $4::text[], $5::jsonb[]) WITH ORDINALITY AS t(e, a, d, k, p, n)
         ORDER BY n
         ON CONFLICT (event_id) DO NOTHING
         RETURNING event_id`,
        [
          events.map((e) => e.event_id),
          events.map((e) => e.account_id),
          events.map((e) => e.as_of),
          events.map((e) => e.kind),
          events.map((e) => e.payload),
        ],
      );
      return new Set(res.rows.map((r) => r.event_id));
    });
  }

  async finish(eventId: string, status: Exclude<AlertStatus, 'pending'>, attempts: number): Promise<void> {
    await this.withClient((c) =>
      c.query(`UPDATE ${ALERTS_TABLE} SET status = $1, attempts = $2 WHERE event_id = $3`, [status, attempts, eventId]),
    );
  }

  alerts() {
    return this.withClient(async (c) => {
      const res = await c.query<AlertRow>(
        `SELECT event_id, account_id, as_of::text AS as_of, kind, status, attempts FROM ${ALERTS_TABLE} ORDER BY seq`,
      );
      return res.rows;
    });
  }

  judge(j: JudgmentInput, source: string): Promise<JudgmentView> {
    return this.withClient(async (c) => {
      const inserted = await c.query<{ id: string }>(
        `INSERT INTO ${JUDGMENTS_TABLE} (account_id, as_of, band, score, reason, author, recorded_at, source)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id`,
        [j.account_id, j.as_of, j.band, j.score, j.reason, j.author, new Date().toISOString(), source],
      );
      const res = await c.query<JudgmentRow>(`${JUDGMENT_VIEW} WHERE j.id = $1`, [inserted.rows[0]!.id]);
      return judgmentView(res.rows[0]!);
    });
  }

  judgments(filter: JudgmentFilter): Promise<JudgmentView[]> {
    return this.withClient(async (c) => {
      const res = await c.query<JudgmentRow>(
        `${JUDGMENT_VIEW} WHERE ($1::text IS NULL OR j.account_id = $1) AND ($2::text IS NULL OR j.author = $2)
         ORDER BY j.as_of, j.id`,
        [filter.account_id ?? null, filter.author ?? null],
      );
      return res.rows.map(judgmentView);
    });
  }

  async close(): Promise<void> {
    await this.pool.end();
  }

  private async previousOn(c: pg.PoolClient, keys: readonly HistoryKey[]): Promise<(PreviousScore | null)[]> {
    const res = await c.query<{ i: number } & PreviousScore>(PREVIOUS_SQL, [
      keys.map((k) => k.account_id),
      keys.map((k) => k.as_of ?? null),
    ]);
    const out: (PreviousScore | null)[] = new Array(keys.length).fill(null);
    // WITH ORDINALITY counts from 1.
    for (const r of res.rows)
      out[r.i - 1] = { account_id: r.account_id, as_of: r.as_of, score: r.score, band: r.band, escalate: r.escalate };
    return out;
  }

  private async upsert(c: pg.PoolClient, records: readonly ScoreRecord[], source: string): Promise<void> {
    // ON CONFLICT DO UPDATE may not touch one row twice in a statement.
    const rows = lastPerKey(records);
    await c.query(UPSERT_SQL, [
      rows.map((r) => r.account_id),
      rows.map((r) => r.as_of),
      rows.map((r) => r.score),
      rows.map((r) => r.band),
      rows.map((r) => r.probability),
      rows.map((r) => r.escalate),
      rows.map((r) => JSON.stringify(r.layers)),
      rows.map((r) => r.overrides.join(',')),
      rows.map((r) => r.reasons.join(',')),
      rows.map((r) => r.scorecard ?? null),
      source,
    ]);
  }

  private async withClient<T>(work: (c: pg.PoolClient) => Promise<T>): Promise<T> {
    let client: pg.PoolClient;
    try {
      client = await this.pool.connect();
    } catch (err) {
      throw new ChurnkitError(`score history ${redact(this.url)}: ${(err as Error).message}`);
    }
    try {
      return await work(client);
    } catch (err) {
      throw err instanceof ChurnkitError
        ? err
        : new ChurnkitError(`score history ${redact(this.url)}: ${(err as Error).message}`);
    } finally {
      client.release();
    }
  }
}
