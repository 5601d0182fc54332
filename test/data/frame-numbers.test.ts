/**
 * readFrame copies a result's number columns out of DuckDB's vectors a chunk at a time and
 * applies each vector's validity bits itself; these tables put NULLs on every kind of bit
 * boundary (a mask's first and last bit of a byte, of a 64-bit word, of a 2,048-row chunk) and
 * values that only the typed path could get wrong, in tables longer than one chunk.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { loadFrame, numeric, openDuckDB, readFrame } from '../../src/data/index.js';
import { InputError } from '../../src/util/index.js';
import { tempDir } from '../support/paths.js';

const ROWS = 5_000;
const NULL_ROWS = new Set([0, 1, 7, 8, 9, 63, 64, 65, 127, 2047, 2048, 2049, 4095, 4096, ROWS - 1]);

/** Row i's value: integers, halves, a negative zero, tiny and huge magnitudes, NULL on the rows above. */
function expected(i: number): number {
  if (NULL_ROWS.has(i)) return Number.NaN;
  if (i === 3) return -0;
  if (i === 4) return 5e-324;
  if (i === 5) return -1.7976931348623157e308;
  return (i % 7) * 1.5 - 4;
}

test('number columns read through every NULL bit boundary of several chunks, with the right values', async () => {
  const db = await openDuckDB();
  try {
    await db.connection.run(
      `CREATE TABLE t AS SELECT i, CASE ${[...NULL_ROWS].map((r) => `WHEN i = ${r} THEN NULL`).join(' ')}
         WHEN i = 3 THEN -CAST(0 AS DOUBLE) WHEN i = 4 THEN CAST('5e-324' AS DOUBLE)
         WHEN i = 5 THEN CAST('-1.7976931348623157e308' AS DOUBLE) ELSE (i % 7) * 1.5 - 4 END AS x,
       (i % 3 = 0) AS flag, CAST(i AS INTEGER) AS whole, 'a' || i AS label
       FROM range(${ROWS}) r(i) ORDER BY i`,
    );
    const frame = await readFrame(db.connection, '(SELECT * FROM t ORDER BY i)', undefined, 't');
    assert.equal(frame.n, ROWS);
    const x = numeric(frame, 'x');
    for (let i = 0; i < ROWS; i++) assert.ok(Object.is(x[i], expected(i)), `row ${i}: ${x[i]} != ${expected(i)}`);
    assert.deepEqual(
      Array.from(numeric(frame, 'flag').subarray(0, 7)),
      [1, 0, 0, 1, 0, 0, 1],
      'booleans are 0/1 numbers',
    );
    assert.equal(numeric(frame, 'whole')[ROWS - 1], ROWS - 1);
    assert.equal(frame.columns['label']![4097], 'a4097', 'text columns keep their place beside typed ones');
  } finally {
    db.close();
  }
});

test('an infinity in a later chunk names its row and column; NaN cells are missing values', async () => {
  const t = await tempDir('churnkit-frame-numbers-');
  try {
    const lines = ['id,x,y'];
    for (let i = 0; i < 3_000; i++) lines.push(`${i},${i === 10 ? 'NaN' : i === 11 ? '' : i / 4},1`);
    const clean = join(t.dir, 'clean.csv');
    await writeFile(clean, `${lines.join('\n')}\n`);
    const frame = await loadFrame(clean);
    const x = numeric(frame, 'x');
    assert.ok(Number.isNaN(x[10]) && Number.isNaN(x[11]), 'NaN and an empty cell are missing');
    assert.equal(x[2999], 2999 / 4);

    lines[2_501] = '2500,inf,1'; // data row 2,501, in the second chunk
    const bad = join(t.dir, 'bad.csv');
    await writeFile(bad, `${lines.join('\n')}\n`);
    await assert.rejects(loadFrame(bad), (err: unknown) => {
      assert.ok(err instanceof InputError, String(err));
      assert.match(err.message, /row 2501/);
      assert.match(err.message, /column x/);
      assert.match(err.message, /Infinity is not a finite number/);
      return true;
    });
  } finally {
    await t.cleanup();
  }
});
