import { isPostgresUrl } from '../data/index.js';
import { ChurnkitError } from '../util/index.js';
import {
  judgmentProblems,
  normalizeJudgment,
  type JudgmentFilter,
  type JudgmentInput,
  type JudgmentView,
} from './judgments.js';

/**
 * Score history: one row per account and as-of date (re-scoring the same day replaces that
 * day's row, so a client polling the service does not grow the store), from which the change
 * since the previous score comes. The `previous` of a score at as-of T is the stored score of
 * the same account with the latest as-of strictly before T, so re-scoring a day is idempotent
 * and concurrent writers of the same day agree on it.
 */

export interface ScoreRecord {
  account_id: string;
  /** YYYY-MM-DD */
  as_of: string;
  score: number;
  band: string;
  probability: number | null;
  escalate: boolean;
  layers: Record<string, number | null>;
  overrides: readonly string[];
  reasons: readonly string[];
  /** Fingerprint of the scorecard that produced the score. */
  scorecard?: string | null;
}

export interface PreviousScore {
  account_id: string;
  as_of: string;
  score: number;
  band: string;
  escalate: boolean;
}

/** An account, and optionally the as-of it is being scored at (then only earlier scores count). */
export interface HistoryKey {
  account_id: string;
  as_of?: string | null;
}

export type AlertStatus = 'pending' | 'sent' | 'failed';

export interface AlertClaim {
  event_id: string;
  account_id: string;
  as_of: string;
  kind: string;
  /** The JSON payload, kept for audit. */
  payload: string;
}

/** A claimed alert event and how sending it went (a type, not an interface: query rows must be records). */
export type AlertRow = {
  event_id: string;
  account_id: string;
  as_of: string;
  kind: string;
  status: AlertStatus;
  attempts: number;
};

/** Where alert events are claimed before sending, so that one event is never sent twice. */
export interface AlertLedger {
  /** Claims the events not claimed before, atomically; returns the ids this call won. */
  claim(events: readonly AlertClaim[]): Promise<Set<string>>;
  finish(eventId: string, status: Exclude<AlertStatus, 'pending'>, attempts: number): Promise<void>;
}

export interface RecordOptions {
  /** What produced the scores: `serve`, `score`, ... (stored with each row). */
  source?: string;
}

export interface ScoreHistory extends AlertLedger {
  readonly kind: 'duckdb' | 'postgres';
  /** Stores scores; a row for an (account_id, as_of) already stored replaces it. */
  append(records: readonly ScoreRecord[], options?: RecordOptions): Promise<void>;
  /** For each key, in order: the latest stored score (before the key's as_of, when given), or null. */
  previous(keys: readonly (string | HistoryKey)[]): Promise<(PreviousScore | null)[]>;
  /**
   * Looks up each record's previous score and stores the records, as one step: a record's
   * previous may be an earlier-dated record of the same call. Concurrent calls are grouped
   * into one transaction (group commit), which is what keeps single-account requests cheap.
   */
  record(records: readonly ScoreRecord[], options?: RecordOptions): Promise<(PreviousScore | null)[]>;
  /** Alert events with their status, oldest claim first (for audits and tests). */
  alerts(): Promise<AlertRow[]>;
  /**
   * Stores a CSM's judgment (checked with judgmentProblems first) beside the scores, never in place
   * of one, and returns it with the computed score it stands beside.
   */
  judge(judgment: JudgmentInput, options?: RecordOptions): Promise<JudgmentView>;
  /** Judgments, oldest first (by as_of, then as recorded), each beside its computed score. */
  judgments(filter?: JudgmentFilter): Promise<JudgmentView[]>;
  close(): Promise<void>;
}

/** What a storage engine implements; the grouping and in-batch ordering are shared. */
export interface HistoryBackend extends AlertLedger {
  readonly kind: 'duckdb' | 'postgres';
  append(records: readonly ScoreRecord[], source: string): Promise<void>;
  previous(keys: readonly HistoryKey[]): Promise<(PreviousScore | null)[]>;
  /** previous(records) then append(records), atomically. */
  previousThenAppend(records: readonly ScoreRecord[], source: string): Promise<(PreviousScore | null)[]>;
  alerts: ScoreHistory['alerts'];
  judge(judgment: JudgmentInput, source: string): Promise<JudgmentView>;
  judgments(filter: JudgmentFilter): Promise<JudgmentView[]>;
  close(): Promise<void>;
}

export const HISTORY_TABLE = 'churnkit_score_history';
export const ALERTS_TABLE = 'churnkit_alert_events';

/**
 * Opens (creating when absent) a score history: a PostgreSQL database for a `postgres://`
 * connection string, else an embedded DuckDB file at that path (`:memory:` for a throwaway).
 */
export async function openScoreHistory(urlOrPath: string): Promise<ScoreHistory> {
  if (!urlOrPath) throw new ChurnkitError('score history: empty path or connection string', 64);
  const backend = isPostgresUrl(urlOrPath)
    ? await (await import('./postgres.js')).openPostgresHistory(urlOrPath)
    : await (await import('./duckdb.js')).openDuckDBHistory(urlOrPath);
  return new GroupedHistory(backend);
}

/** Keeps the last record of each (account_id, as_of): one statement must not write a key twice. */
export function lastPerKey(records: readonly ScoreRecord[]): ScoreRecord[] {
  const byKey = new Map<string, ScoreRecord>();
  for (const r of records) {
    const key = `${r.account_id}\u0000${r.as_of}`;
    byKey.delete(key); // re-insert so the surviving record keeps its latest position
    byKey.set(key, r);
  }
  return [...byKey.values()];
}

/**
 * Combines stored previous scores (latest before each record's as-of) with earlier-dated
 * records of the same batch, which are about to be stored and so come later than the store.
 */
export function mergeInBatchPrevious(
  records: readonly ScoreRecord[],
  stored: readonly (PreviousScore | null)[],
): (PreviousScore | null)[] {
  const byAccount = new Map<string, { as_of: string; index: number }[]>();
  records.forEach((r, index) => {
    let list = byAccount.get(r.account_id);
    if (!list) {
      list = [];
      byAccount.set(r.account_id, list);
    }
    list.push({ as_of: r.as_of, index });
  });
  return records.map((r, i) => {
    let best = stored[i] ?? null;
    const list = byAccount.get(r.account_id)!;
    if (list.length === 1) return best;
    let batchBest: { as_of: string; index: number } | null = null;
    for (const c of list) {
      // Of two records for one earlier day, the later one in the batch wins, as it would in the store.
      if (
        c.as_of < r.as_of &&
        (!batchBest || c.as_of > batchBest.as_of || (c.as_of === batchBest.as_of && c.index > batchBest.index))
      )
        batchBest = c;
    }
    if (batchBest && (!best || batchBest.as_of >= best.as_of)) {
      const p = records[batchBest.index]!;
      best = { account_id: p.account_id, as_of: p.as_of, score: p.score, band: p.band, escalate: p.escalate };
    }
    return best;
  });
}

interface PendingRecord {
  records: readonly ScoreRecord[];
  source: string;
  resolve(previous: (PreviousScore | null)[]): void;
  reject(err: unknown): void;
}

/**
 * Group commit: record() calls that arrive while a write is running are queued and written
 * together in the next transaction, one per source. Each caller gets its own slice back.
 */
class GroupedHistory implements ScoreHistory {
  private queue: PendingRecord[] = [];
  private flushing: Promise<void> | null = null;
  private closed = false;

  constructor(private readonly backend: HistoryBackend) {}

  get kind() {
    return this.backend.kind;
  }

  append(records: readonly ScoreRecord[], options: RecordOptions = {}): Promise<void> {
    this.assertOpen();
    return this.backend.append(records, options.source ?? 'api');
  }

  previous(keys: readonly (string | HistoryKey)[]): Promise<(PreviousScore | null)[]> {
    this.assertOpen();
    return this.backend.previous(keys.map((k) => (typeof k === 'string' ? { account_id: k } : k)));
  }

  record(records: readonly ScoreRecord[], options: RecordOptions = {}): Promise<(PreviousScore | null)[]> {
    this.assertOpen();
    if (records.length === 0) return Promise.resolve([]);
    return new Promise((resolve, reject) => {
      this.queue.push({ records, source: options.source ?? 'api', resolve, reject });
      if (!this.flushing) this.flushing = this.flushLoop();
    });
  }

  private async flushLoop(): Promise<void> {
    while (this.queue.length > 0) {
      const source = this.queue[0]!.source;
      const group = this.queue.filter((p) => p.source === source);
      this.queue = this.queue.filter((p) => p.source !== source);
      const all = group.flatMap((p) => p.records);
      try {
        const previous = mergeInBatchPrevious(all, await this.backend.previousThenAppend(all, source));
        let offset = 0;
        for (const p of group) {
          p.resolve(previous.slice(offset, offset + p.records.length));
          offset += p.records.length;
        }
      } catch (err) {
        for (const p of group) p.reject(err);
      }
    }
    this.flushing = null;
  }

  claim(events: readonly AlertClaim[]): Promise<Set<string>> {
    this.assertOpen();
    return events.length === 0 ? Promise.resolve(new Set()) : this.backend.claim(events);
  }

  finish(eventId: string, status: Exclude<AlertStatus, 'pending'>, attempts: number): Promise<void> {
    this.assertOpen();
    return this.backend.finish(eventId, status, attempts);
  }

  alerts() {
    return this.backend.alerts();
  }

  async judge(judgment: JudgmentInput, options: RecordOptions = {}): Promise<JudgmentView> {
    this.assertOpen();
    const problems = judgmentProblems(judgment);
    if (problems.length > 0)
      throw new ChurnkitError(`judgment: ${problems.map((p) => `${p.field} ${p.message}`).join('; ')}`, 2);
    return this.backend.judge(normalizeJudgment(judgment), options.source ?? 'api');
  }

  judgments(filter: JudgmentFilter = {}): Promise<JudgmentView[]> {
    this.assertOpen();
    return this.backend.judgments(filter);
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.flushing;
    await this.backend.close();
  }

  private assertOpen(): void {
    if (this.closed) throw new ChurnkitError('score history is closed');
  }
}
