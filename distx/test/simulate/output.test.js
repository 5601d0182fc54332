import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { SpillWriter, registerSpillScan } from '../../src/simulate/spill.js';
import { contractSelect, SPILL_COLUMNS, spillScanName } from '../../src/simulate/output.js';
import { openDuckDB, queryRows } from '../../src/data/duckdb.js';
import { tempDir } from '../support/paths.js';
test('spill files stream back in order (across blocks) and decode into contract values, NULLs and ids', async () => {
    const { dir, cleanup } = await tempDir('churnkit-spill-');
    const db = await openDuckDB();
    try {
        // 5,000 tickets: more than two 2,048-row blocks plus a partial one.
        const tickets = new SpillWriter(join(dir, 'tickets.bin'), SPILL_COLUMNS.tickets);
        for (let i = 0; i < 5000; i++)
            tickets.add(7, i, i * 60 + 1, i % 3 === 0 ? -1 : i * 60 + 3601, (i % 5) - 1, (i % 4) - 1, i % 2);
        tickets.close();
        const contracts = new SpillWriter(join(dir, 'contracts.bin'), SPILL_COLUMNS.contracts);
        contracts.add(7, 5, 0, 365, 12340);
        contracts.add(7, 123, 365, 730, 15000);
        contracts.close();
        registerSpillScan(db.connection, spillScanName('tickets'), join(dir, 'tickets.bin'), SPILL_COLUMNS.tickets);
        registerSpillScan(db.connection, spillScanName('contracts'), join(dir, 'contracts.bin'), SPILL_COLUMNS.contracts);
        const ctx = { start: '2024-02-28', idWidth: 5 };
        const t = await queryRows(db.connection, contractSelect('tickets', ctx));
        assert.equal(t.length, 5000);
        assert.deepEqual(t.map((r) => r['ticket_id']).slice(0, 2), ['A00007-T0000', 'A00007-T0001']);
        assert.equal(t[4999]['ticket_id'], 'A00007-T4999');
        assert.ok(t.every((r, i) => r['ticket_id'] === `A00007-T${String(i).padStart(4, '0')}`), 'order kept across blocks');
        assert.equal(t[0]['closed_at'], null);
        assert.equal(String(t[1]['opened_at']), String(new Date(Date.UTC(2024, 1, 28, 0, 1, 1))));
        assert.equal(t[0]['severity'], null);
        assert.deepEqual(t.slice(1, 5).map((r) => r['severity']), ['low', 'medium', 'high', 'urgent']);
        assert.deepEqual(t.slice(1, 4).map((r) => r['sentiment']), ['negative', 'neutral', 'positive']);
        assert.deepEqual(t.slice(0, 2).map((r) => r['escalated']), [false, true]);
        const c = await queryRows(db.connection, `SELECT contract_id, starts_at::VARCHAR AS s, ends_at::VARCHAR AS e, annual_value FROM (${contractSelect('contracts', ctx)})`);
        // A number wider than its padding is written in full, never truncated into a duplicate.
        assert.deepEqual(c, [
            { contract_id: 'A00007-K05', s: '2024-02-28', e: '2025-02-27', annual_value: 12340 },
            { contract_id: 'A00007-K123', s: '2025-02-27', e: '2026-02-27', annual_value: 15000 },
        ]);
    }
    finally {
        db.close();
        await cleanup();
    }
});
//# sourceMappingURL=output.test.js.map