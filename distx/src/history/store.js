import { isPostgresUrl } from '../data/index.js';
import { ChurnkitError } from '../util/index.js';
import { judgmentProblems, normalizeJudgment, } from './judgments.js';
export const HISTORY_TABLE = 'churnkit_score_history';
export const ALERTS_TABLE = 'churnkit_alert_events';
/**
 * Opens (creating when absent) a score history: a PostgreSQL database for a `postgres://`
 * connection string, else an embedded DuckDB file at that path (`:memory:` for a throwaway).
 */
export async function openScoreHistory(urlOrPath) {
    if (!urlOrPath)
        throw new ChurnkitError('score history: empty path or connection string', 64);
    const backend = isPostgresUrl(urlOrPath)
        ? await (await import('./postgres.js')).openPostgresHistory(urlOrPath)
        : await (await import('./duckdb.js')).openDuckDBHistory(urlOrPath);
    return new GroupedHistory(backend);
}
/** Keeps the last record of each (account_id, as_of): one statement must not write a key twice. */
export function lastPerKey(records) {
    const byKey = new Map();
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
export function mergeInBatchPrevious(records, stored) {
    const byAccount = new Map();
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
        const list = byAccount.get(r.account_id);
        if (list.length === 1)
            return best;
        let batchBest = null;
        for (const c of list) {
            // Of two records for one earlier day, the later one in the batch wins, as it would in the store.
            if (c.as_of < r.as_of &&
                (!batchBest || c.as_of > batchBest.as_of || (c.as_of === batchBest.as_of && c.index > batchBest.index)))
                batchBest = c;
        }
        if (batchBest && (!best || batchBest.as_of >= best.as_of)) {
            const p = records[batchBest.index];
            best = { account_id: p.account_id, as_of: p.as_of, score: p.score, band: p.band, escalate: p.escalate };
        }
        return best;
    });
}
/**
 * Group commit: record() calls that arrive while a write is running are queued and written
 * together in the next transaction, one per source. Each caller gets its own slice back.
 */
class GroupedHistory {
    backend;
    queue = [];
    flushing = null;
    closed = false;
    constructor(backend) {
        this.backend = backend;
    }
    get kind() {
        return this.backend.kind;
    }
    append(records, options = {}) {
        this.assertOpen();
        return this.backend.append(records, options.source ?? 'api');
    }
    previous(keys) {
        this.assertOpen();
        return this.backend.previous(keys.map((k) => (typeof k === 'string' ? { account_id: k } : k)));
    }
    record(records, options = {}) {
        this.assertOpen();
        if (records.length === 0)
            return Promise.resolve([]);
        return new Promise((resolve, reject) => {
            this.queue.push({ records, source: options.source ?? 'api', resolve, reject });
            if (!this.flushing)
                this.flushing = this.flushLoop();
        });
    }
    async flushLoop() {
        while (this.queue.length > 0) {
            const source = this.queue[0].source;
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
            }
            catch (err) {
                for (const p of group)
                    p.reject(err);
            }
        }
        this.flushing = null;
    }
    claim(events) {
        this.assertOpen();
        return events.length === 0 ? Promise.resolve(new Set()) : this.backend.claim(events);
    }
    finish(eventId, status, attempts) {
        this.assertOpen();
        return this.backend.finish(eventId, status, attempts);
    }
    alerts() {
        return this.backend.alerts();
    }
    async judge(judgment, options = {}) {
        this.assertOpen();
        const problems = judgmentProblems(judgment);
        if (problems.length > 0)
            throw new ChurnkitError(`judgment: ${problems.map((p) => `${p.field} ${p.message}`).join('; ')}`, 2);
        return this.backend.judge(normalizeJudgment(judgment), options.source ?? 'api');
    }
    judgments(filter = {}) {
        this.assertOpen();
        return this.backend.judgments(filter);
    }
    async close() {
        if (this.closed)
            return;
        this.closed = true;
        await this.flushing;
        await this.backend.close();
    }
    assertOpen() {
        if (this.closed)
            throw new ChurnkitError('score history is closed');
    }
}
//# sourceMappingURL=store.js.map