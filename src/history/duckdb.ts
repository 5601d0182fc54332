import type { DuckDBType, DuckDBValue } from '@duckdb/node-api';
import { duckdb, openDuckDB, queryRows, type Database } from '../data/index.js';
import { ChurnkitError } from '../util/index.js';
import {
  ALERTS_TABLE,
  HISTORY_TABLE,
  type AlertClaim,
  type AlertRow,
  type AlertStatus,
  type HistoryBackend,
  type HistoryKey,
  type PreviousScore,
  type ScoreRecord,
} from './store.js';
import { Serial } from '../util/index.js';
import {
  JUDGMENTS_TABLE,
  judgmentView,
  type JudgmentFilter,
  type JudgmentInput,
  type JudgmentRow,
  type JudgmentView,
} from './judgments.js';

/** Judgments beside the latest stored score on or before their as_of (an as-of join). */
const JUDGMENT_VIEW = `
SELECT j.id, j.account_id, strftime(j.as_of, '%Y-%m-%d') AS as_of, j.band, j.score, j.reason, j.author, j.recorded_at, j.source,
       strftime(h.as_of, '%Y-%m-%d') AS computed_as_of, h.score AS computed_score, h.band AS computed_band
FROM ${JUDGMENTS_TABLE} j ASOF LEFT JOIN ${HISTORY_TABLE} h ON h.account_id = j.account_id AND j.as_of >= h.as_of`;

/** Columns of the staging chunk (stageColumns fills them). */
const STAGE_COLUMNS = 12;

/** The staging chunk's column types (DuckDB loads on first use, so a function rather than a constant). */
function stageTypes(): DuckDBType[] {
  const { BOOLEAN, DOUBLE, INTEGER, VARCHAR } = duckdb();
  return [INTEGER, VARCHAR, VARCHAR, DOUBLE, VARCHAR, DOUBLE, BOOLEAN, VARCHAR, VARCHAR, VARCHAR, VARCHAR, BOOLEAN];
}
const CHUNK_ROWS = 2048;

const SCHEMA = `
CREATE TABLE IF NOT EXISTS ${HISTORY_TABLE} (
  account_id VARCHAR NOT NULL,
  as_of DATE NOT NULL,
  score DOUBLE NOT NULL,
  band VARCHAR NOT NULL,
  probability DOUBLE,
  escalate BOOLEAN NOT NULL,
  layers JSON NOT NULL,
  overrides VARCHAR NOT NULL,
  reasons VARCHAR NOT NULL,
  scorecard VARCHAR,
  source VARCHAR NOT NULL,
  PRIMARY KEY (account_id, as_of)
);
CREATE TABLE IF NOT EXISTS ${ALERTS_TABLE} (
  event_id VARCHAR PRIMARY KEY,
  seq BIGINT NOT NULL,
  account_id VARCHAR NOT NULL,
  as_of DATE NOT NULL,
  kind VARCHAR NOT NULL,
  status VARCHAR NOT NULL,
  attempts INTEGER NOT NULL,
  payload JSON NOT NULL
);
CREATE TABLE IF NOT EXISTS ${JUDGMENTS_TABLE} (
  id BIGINT PRIMARY KEY,
  account_id VARCHAR NOT NULL,
  as_of DATE NOT NULL,
  band VARCHAR,
  score DOUBLE,
  reason VARCHAR NOT NULL,
  author VARCHAR NOT NULL,
  recorded_at VARCHAR NOT NULL,
  source VARCHAR NOT NULL
);
CREATE TEMP TABLE churnkit_stage (
  i INTEGER, account_id VARCHAR, as_of VARCHAR, score DOUBLE, band VARCHAR, probability DOUBLE,
  escalate BOOLEAN, layers VARCHAR, overrides VARCHAR, reasons VARCHAR, scorecard VARCHAR, keep BOOLEAN
);`;

/**
 * Score history in an embedded DuckDB file. DuckDB lets one process hold a database file for
 * writing, so a file is shared by the service's requests (serialized here), not across
 * processes: use PostgreSQL for a history that several processes write.
 */
export async function openDuckDBHistory(path: string): Promise<HistoryBackend> {
  let db: Database;
  try {
    db = await openDuckDB(path);
  } catch (err) {
    const message = (err as Error).message;
    if (/lock/i.test(message)) {
      throw new ChurnkitError(
        `score history ${path} is open in another process (a DuckDB file has one writer); use a postgres:// history to share one between processes`,
        2,
      );
    }
    throw new ChurnkitError(`score history ${path}: cannot open (${message.split('\n')[0]})`, 2);
  }
  try {
    await db.connection.run(SCHEMA);
  } catch (err) {
    db.close();
    throw new ChurnkitError(
      `score history ${path}: not a churnkit history (${(err as Error).message.split('\n')[0]})`,
      2,
    );
  }
  return new DuckDBHistory(db);
}

class DuckDBHistory implements HistoryBackend {
  readonly kind = 'duckdb' as const;
  private readonly serial = new Serial();

  constructor(private readonly db: Database) {}

  private get conn() {
    return this.db.connection;
  }

  append(records: readonly ScoreRecord[], source: string): Promise<void> {
    return this.serial.run(() =>
      this.transaction(async () => {
        await this.stage(records);
        await this.upsertFromStage(source);
      }),
    );
  }

  previous(keys: readonly HistoryKey[]): Promise<(PreviousScore | null)[]> {
    return this.serial.run(() =>
      this.transaction(async () => {
        await this.stage(keys);
        return this.previousFromStage(keys.length);
      }),
    );
  }

  previousThenAppend(records: readonly ScoreRecord[], source: string): Promise<(PreviousScore | null)[]> {
    return this.serial.run(() =>
      this.transaction(async () => {
        await this.stage(records);
        const previous = await this.previousFromStage(records.length);
        await this.upsertFromStage(source);
        return previous;
      }),
    );
  }

  claim(events: readonly AlertClaim[]): Promise<Set<string>> {
    return this.serial.run(() =>
      this.transaction(async () => {
        const { BIGINT, LIST, VARCHAR, listValue } = duckdb();
        const ids = events.map((e) => e.event_id);
        const taken = await queryRows<{ event_id: string }>(
          this.conn,
          `SELECT event_id FROM ${ALERTS_TABLE} WHERE list_contains($1::VARCHAR[], event_id)`,
          [listValue(ids)],
        );
        const won = new Set<string>();
        const takenIds = new Set(taken.map((t) => t.event_id));
        const seqBase = Number(
          (await queryRows<{ n: bigint }>(this.conn, `SELECT coalesce(max(seq), 0) AS n FROM ${ALERTS_TABLE}`))[0]!.n,
        );
        const fresh: AlertClaim[] = [];
        for (const e of events) {
          if (takenIds.has(e.event_id) || won.has(e.event_id)) continue;
          won.add(e.event_id);
          fresh.push(e);
        }
        if (fresh.length > 0) {
          await this.conn.run(
            `INSERT INTO ${ALERTS_TABLE}
           SELECT unnest($1::VARCHAR[]), $2 + unnest(range(1, $3 + 1)), unnest($4::VARCHAR[]), CAST(unnest($5::VARCHAR[]) AS DATE),
                  unnest($6::VARCHAR[]), 'pending', 0, CAST(unnest($7::VARCHAR[]) AS JSON)`,
            [
              listValue(fresh.map((e) => e.event_id)),
              BigInt(seqBase),
              BigInt(fresh.length),
              listValue(fresh.map((e) => e.account_id)),
              listValue(fresh.map((e) => e.as_of)),
              listValue(fresh.map((e) => e.kind)),
              listValue(fresh.map((e) => e.payload)),
            ],
            [LIST(VARCHAR), BIGINT, BIGINT, LIST(VARCHAR), LIST(VARCHAR), LIST(VARCHAR), LIST(VARCHAR)],
          );
        }
        return won;
      }),
    );
  }

  finish(eventId: string, status: Exclude<AlertStatus, 'pending'>, attempts: number): Promise<void> {
    return this.serial.run(async () => {
      await this.conn.run(`UPDATE ${ALERTS_TABLE} SET status = $1, attempts = $2 WHERE event_id = $3`, [
        status,
        attempts,
        eventId,
      ]);
    });
  }

  alerts() {
    return this.serial.run(() =>
      queryRows<AlertRow>(
        this.conn,
        `SELECT event_id, account_id, CAST(as_of AS VARCHAR) AS as_of, kind, status, attempts FROM ${ALERTS_TABLE} ORDER BY seq`,
      ),
    );
  }

  judge(j: JudgmentInput, source: string): Promise<JudgmentView> {
    return this.serial.run(async () => {
      const [row] = await queryRows<{ id: bigint }>(
        this.conn,
        `INSERT INTO ${JUDGMENTS_TABLE}
         SELECT coalesce((SELECT max(id) FROM ${JUDGMENTS_TABLE}), 0) + 1, $1, CAST($2 AS DATE), CAST($3 AS VARCHAR),
                CAST($4 AS DOUBLE), $5, $6, $7, $8
         RETURNING id`,
        [j.account_id, j.as_of, j.band, j.score, j.reason, j.author, new Date().toISOString(), source],
      ).catch((err: unknown) => {
        throw wrapError(err);
      });
      const [view] = await queryRows<JudgmentRow>(this.conn, `${JUDGMENT_VIEW} WHERE j.id = $1`, [row!.id]);
      return judgmentView(view!);
    });
  }

  judgments(filter: JudgmentFilter): Promise<JudgmentView[]> {
    return this.serial.run(async () => {
      const rows = await queryRows<JudgmentRow>(
        this.conn,
        `${JUDGMENT_VIEW}
         WHERE (CAST($1 AS VARCHAR) IS NULL OR j.account_id = $1) AND (CAST($2 AS VARCHAR) IS NULL OR j.author = $2)
         ORDER BY j.as_of, j.id`,
        [filter.account_id ?? null, filter.author ?? null],
      );
      return rows.map(judgmentView);
    });
  }

  async close(): Promise<void> {
    await this.serial.run(async () => this.db.close());
  }

  private async transaction<T>(work: () => Promise<T>): Promise<T> {
    await this.conn.run('BEGIN TRANSACTION');
    try {
      const result = await work();
      // The stage is a temp table and transactional: emptied here, or by the rollback.
      await this.conn.run('DELETE FROM churnkit_stage');
      await this.conn.run('COMMIT');
      return result;
    } catch (err) {
      await this.conn.run('ROLLBACK').catch(() => undefined);
      throw wrapError(err);
    }
  }

  /** Loads rows into the temp stage table with the appender: far cheaper than bound lists. */
  private async stage(rows: readonly (ScoreRecord | HistoryKey)[]): Promise<void> {
    // Only the last row of each (account_id, as_of) is written: one statement may not touch a key
    // twice, and marking the keepers here is cheaper than a window in SQL.
    const keep = new Map<string, number>();
    rows.forEach((r, i) => keep.set(`${r.account_id}\u0000${r.as_of}`, i));
    const kept = new Set(keep.values());
    const appender = await this.conn.createAppender('churnkit_stage');
    try {
      for (let offset = 0; offset < rows.length; offset += CHUNK_ROWS) {
        const slice = rows.slice(offset, offset + CHUNK_ROWS);
        const chunk = duckdb().DuckDBDataChunk.create(stageTypes(), slice.length);
        chunk.setColumns(stageColumns(slice, offset, kept) as DuckDBValue[][]);
        appender.appendDataChunk(chunk);
      }
    } finally {
      appender.closeSync();
    }
  }

  private async previousFromStage(n: number): Promise<(PreviousScore | null)[]> {
    const rows = await queryRows<{
      i: number;
      account_id: string;
      as_of: string;
      score: number;
      band: string;
      escalate: boolean;
    }>(
      this.conn,
      `SELECT DISTINCT ON (k.i) k.i, h.account_id, CAST(h.as_of AS VARCHAR) AS as_of, h.score, h.band, h.escalate
       FROM churnkit_stage k JOIN ${HISTORY_TABLE} h
         ON h.account_id = k.account_id AND (k.as_of IS NULL OR h.as_of < CAST(k.as_of AS DATE))
       ORDER BY k.i, h.as_of DESC`,
    );
    const out: (PreviousScore | null)[] = new Array(n).fill(null);
    for (const r of rows)
      out[r.i] = { account_id: r.account_id, as_of: r.as_of, score: r.score, band: r.band, escalate: r.escalate };
    return out;
  }

  private async upsertFromStage(source: string): Promise<void> {
    await this.conn.run(
      `INSERT OR REPLACE INTO ${HISTORY_TABLE}
       SELECT account_id, CAST(as_of AS DATE), score, band, probability, escalate, CAST(layers AS JSON), overrides, reasons, scorecard, $1
       FROM churnkit_stage WHERE keep`,
      [source],
    );
  }
}

function stageColumns(
  rows: readonly (ScoreRecord | HistoryKey)[],
  offset: number,
  kept: ReadonlySet<number>,
): unknown[][] {
  const cols: unknown[][] = Array.from({ length: STAGE_COLUMNS }, () => new Array(rows.length));
  rows.forEach((r, j) => {
    const s = r as Partial<ScoreRecord>;
    cols[0]![j] = offset + j;
    cols[1]![j] = r.account_id;
    cols[2]![j] = r.as_of ?? null;
    cols[3]![j] = s.score ?? null;
    cols[4]![j] = s.band ?? null;
    cols[5]![j] = s.probability ?? null;
    cols[6]![j] = s.escalate ?? null;
    cols[7]![j] = s.layers ? JSON.stringify(s.layers) : null;
    cols[8]![j] = s.overrides ? s.overrides.join(',') : null;
    cols[9]![j] = s.reasons ? s.reasons.join(',') : null;
    cols[10]![j] = s.scorecard ?? null;
    cols[11]![j] = kept.has(offset + j);
  });
  return cols;
}

function wrapError(err: unknown): unknown {
  if (err instanceof ChurnkitError) return err;
  return new ChurnkitError(`score history (DuckDB): ${(err as Error).message.split('\n')[0]}`);
}
