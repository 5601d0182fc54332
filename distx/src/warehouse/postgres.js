import { quoteIdent } from '../data/index.js';
const PG_TYPES = { number: 'DOUBLE PRECISION', boolean: 'BOOLEAN', text: 'TEXT', date: 'DATE' };
const CHUNK = 5_000;
export function qualified(table) {
    return table.split('.').map(quoteIdent).join('.');
}
/** Creates `table` (replacing it) with the frame's columns and rows. */
export async function writeFrameToPostgres(client, frame, table) {
    const name = qualified(table);
    const defs = frame.names.map((n) => `${quoteIdent(n)} ${PG_TYPES[frame.kinds[n]]}`);
    await client.query(`DROP TABLE IF EXISTS ${name}`);
    await client.query(`CREATE TABLE ${name} (${defs.join(', ')})`);
    for (let start = 0; start < frame.n; start += CHUNK) {
        const rows = [];
        for (let i = start; i < Math.min(frame.n, start + CHUNK); i++) {
            const row = {};
            for (const n of frame.names) {
                const c = frame.columns[n];
                const v = c[i];
                if (frame.kinds[n] === 'boolean')
                    row[n] = Number.isNaN(v) ? null : v === 1;
                else if (typeof v === 'number')
                    row[n] = Number.isNaN(v) ? null : v;
                else
                    row[n] = v ?? null;
            }
            rows.push(row);
        }
        // Doubles survive JSON exactly (shortest round-trip form both ways).
        await client.query(`INSERT INTO ${name} SELECT * FROM json_populate_recordset(NULL::${name}, $1::json)`, [
            JSON.stringify(rows),
        ]);
    }
}
export async function withPostgres(url, work) {
    // Loaded here, not at the top: only a postgres:// URL pays for the driver.
    const { Client } = (await import('pg')).default;
    const client = new Client({ connectionString: url });
    await client.connect();
    try {
        // extra_float_digits = 3 (the default since PostgreSQL 12) sends doubles in round-trip form
        await client.query('SET extra_float_digits = 3');
        return await work(client);
    }
    finally {
        await client.end();
    }
}
//# sourceMappingURL=postgres.js.map