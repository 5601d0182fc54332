import { cp, readFile, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { CONTRACT } from '../../src/data/contract.js';
import { quoteIdent } from '../../src/data/duckdb.js';
import { fixture, tempDir } from '../support/paths.js';
/** The good fixture (all eight tables as CSV) copied into a fresh folder the test may break. */
export async function goodCopy() {
    const t = await tempDir('churnkit-data-');
    await cp(fixture('data', 'good'), t.dir, { recursive: true });
    return t;
}
export async function write(dir, name, text) {
    await writeFile(join(dir, name), text);
}
/** The pandas reference rows for the good fixture (see test/fixtures/data/README.md). */
export async function expectedGood() {
    return JSON.parse(await readFile(fixture('data', 'expected-good.json'), 'utf8'));
}
/** A typed view's rows in the reference's shapes: times as text in UTC, integers as numbers. */
export async function viewRows(history, table) {
    const select = CONTRACT[table].columns.map((c) => {
        const q = quoteIdent(c.name);
        if (c.type === 'date' || c.type === 'timestamp')
            return `CAST(${q} AS VARCHAR) AS ${q}`;
        if (c.type === 'integer')
            return `CAST(${q} AS DOUBLE) AS ${q}`;
        return q;
    });
    const reader = await history.connection.runAndReadAll(`SELECT ${select.join(', ')} FROM ${quoteIdent(table)}`);
    return reader.getRowObjectsJS();
}
/** File names in a folder, to show a command wrote nothing. */
export async function listing(dir) {
    return (await readdir(dir, { recursive: true })).map(String).sort();
}
//# sourceMappingURL=helpers.js.map