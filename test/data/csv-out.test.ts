/**
 * csvFile against DuckDB's own CSV writer (COPY ... FORMAT csv, HEADER true), byte for byte: doubles
 * of every magnitude (random bit patterns, the plain/scientific boundaries, rounded values, signed
 * zeros, NaN and infinities), text that needs quotes and text that does not, booleans and NULLs.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { csvFile, openDuckDB, quoteLiteral, type CsvCell } from '../../src/data/index.js';
import { Rng } from '../../src/util/index.js';
import { tempDir } from '../support/paths.js';

function rows(): CsvCell[][] {
  const rng = new Rng(12345);
  const rnd = () => rng.next();
  const bits = new Float64Array(1);
  const words = new Uint32Array(bits.buffer);
  const edges = [0, -0, NaN, Infinity, -Infinity, 1e-4, 9.999999999999999e-5, 1e16, 9999999999999998, 5e-324];
  const texts = ['', 'a', ' x ', 'a,b', 'q"q', 'l\nb', 'c\rr', '#', 'x#', 'é中', 'NULL', '\\', ';', '\t'];
  const out: CsvCell[][] = [];
  for (let k = 0; k < 20_000; k++) {
    let v: number;
    switch (k % 5) {
      case 0:
        words[0] = rng.nextU32();
        words[1] = rng.nextU32();
        v = bits[0]!;
        break;
      case 1:
        v = Number((rnd() * 10 ** Math.floor(rnd() * 40 - 20)).toPrecision(1 + Math.floor(rnd() * 5)));
        break;
      case 2:
        v = (rnd() < 0.5 ? -1 : 1) * 10 ** Math.floor(rnd() * 44 - 22);
        break;
      case 3:
        v = Math.round(rnd() * 2000 - 1000) / 10;
        break;
      default:
        v = edges[k % edges.length]!;
    }
    const text = k % 17 === 0 ? null : texts[k % texts.length]! + (k % 3 === 0 ? '' : String(k));
    out.push([v, text, k % 7 === 0 ? null : k % 2 === 0]);
  }
  return out;
}

test('csvFile writes what DuckDB COPY writes, byte for byte', async () => {
  const { dir, cleanup } = await tempDir('churnkit-csv-out-');
  const db = await openDuckDB();
  try {
    const data = rows();
    const conn = db.connection;
    await conn.run('CREATE TABLE t (i BIGINT, d DOUBLE, s VARCHAR, b BOOLEAN)');
    const app = await conn.createAppender('t');
    data.forEach(([d, s, b], i) => {
      app.appendBigInt(BigInt(i));
      app.appendDouble(d as number);
      if (s === null) app.appendNull();
      else app.appendVarchar(s as string);
      if (b === null) app.appendNull();
      else app.appendBoolean(b as boolean);
      app.endRow();
    });
    app.closeSync();
    const path = join(dir, 'duckdb.csv');
    const header = ['d,x', 'text', 'b#'];
    await conn.run(
      `COPY (SELECT d AS "d,x", s AS "text", b AS "b#" FROM t ORDER BY i) TO ${quoteLiteral(path)} (FORMAT csv, HEADER true)`,
    );
    const theirs = await readFile(path, 'utf8');
    const mine = csvFile(header, data.length, (i, j) => data[i]![j]!);
    // Line by line first, so that a difference is shown where it is.
    const a = mine.split('\n');
    const b = theirs.split('\n');
    for (let i = 0; i < Math.max(a.length, b.length); i++) assert.equal(a[i], b[i], `line ${i + 1}`);
    assert.equal(mine, theirs);

    await conn.run(`COPY (SELECT d AS "d,x" FROM t WHERE false) TO ${quoteLiteral(path)} (FORMAT csv, HEADER true)`);
    assert.equal(
      csvFile(['d,x'], 0, () => null),
      await readFile(path, 'utf8'),
      'no rows: the header alone',
    );
  } finally {
    db.close();
    await cleanup();
  }
});
