/**
 * loadFrame names the CSV dialect to DuckDB where it can (the delimiter always; quote and escape
 * for a file with no quote character in it), so that a table is not sniffed for longer than it
 * takes to read. What it reads must be what DuckDB's full sniffer reads.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { loadFrame, openDuckDB, readFrame, type Frame } from '../../src/data/index.js';
import { tempDir } from '../support/paths.js';

/** The file as DuckDB reads it when told nothing but that it has a header. */
async function sniffedByDuckDB(path: string): Promise<Frame> {
  const db = await openDuckDB();
  try {
    await db.connection.run(
      `CREATE TEMP TABLE sniffed AS SELECT * FROM read_csv('${path.replace(/'/g, "''")}', header = true)`,
    );
    return await readFrame(db.connection, 'sniffed', undefined, path);
  } finally {
    db.close();
  }
}

const header = 'account_id,as_of,segment,usage_trend_14d,seats,zero_usage_14d,note';

test('a CSV with or without quotes reads as DuckDB sniffs it: types, values, NULLs', async () => {
  const { dir, cleanup } = await tempDir();
  try {
    const files: Record<string, string> = {
      // nothing quoted: the dialect is named, the types still detected from the data
      unquoted: [
        header,
        'A1,2024-01-01,smb,0.5,10,false,',
        'A2,2024-01-02,,-1,,true,x\\y',
        'A3,2024-01-03,smb,,3,,z',
      ].join('\n'),
      // quoted fields holding the delimiter, a doubled quote and an empty string: DuckDB sniffs
      quoted: [header, 'A1,2024-01-01,"smb",0.5,10,false,"a, b"', 'A2,2024-01-02,smb,1e3,2,true,"say ""hi"""'].join(
        '\n',
      ),
      apostrophe: [header, "A1,2024-01-01,smb,0.5,10,false,O'Brien", 'A2,2024-01-02,smb,2,2,true,'].join('\n'),
      semicolons: [header.replaceAll(',', ';'), 'A1;2024-01-01;smb;0.5;10;false;', 'A2;2024-01-02;smb;1;2;true;n'].join(
        '\n',
      ),
    };
    for (const [name, text] of Object.entries(files)) {
      const path = join(dir, `${name}.csv`);
      await writeFile(path, `${text}\n`);
      const frame = await loadFrame(path);
      assert.deepEqual(frame, await sniffedByDuckDB(path), name);
    }
    const quoted = await loadFrame(join(dir, 'quoted.csv'));
    assert.deepEqual(quoted.columns['note'], ['a, b', 'say "hi"']);
    const unquoted = await loadFrame(join(dir, 'unquoted.csv'));
    assert.deepEqual(unquoted.kinds, {
      account_id: 'text',
      as_of: 'date',
      segment: 'text',
      usage_trend_14d: 'number',
      seats: 'number',
      zero_usage_14d: 'boolean',
      note: 'text',
    });
    assert.deepEqual(unquoted.columns['note'], [null, 'x\\y', 'z']);
  } finally {
    await cleanup();
  }
});

test('a quote character past the first megabyte still leaves the quoting to the sniffer', async () => {
  const { dir, cleanup } = await tempDir();
  try {
    // 200-byte rows: the file is read a megabyte at a time, and the one quoted field (apostrophes
    // around a delimiter) is in row 6,000, past the first megabyte but inside the sniffer's sample.
    // Named quote '"', that row would have a field too many.
    const pad = 'x'.repeat(160);
    const rows = Array.from({ length: 8000 }, (_, k) =>
      k === 5999 ? `A${k},2024-01-01,smb,0.5,${k},false,'a, b'` : `A${k},2024-01-01,smb,0.5,${k},false,${pad}`,
    );
    const path = join(dir, 'late-quote.csv');
    await writeFile(path, `${header}\n${rows.join('\n')}\n`);
    const frame = await loadFrame(path);
    assert.deepEqual(frame, await sniffedByDuckDB(path));
    assert.equal(frame.n, 8000);
    assert.equal(frame.columns['note']![5999], 'a, b');
  } finally {
    await cleanup();
  }
});

test('a line longer than the small read buffer: read whole, as DuckDB reads it by default', async () => {
  const { dir, cleanup } = await tempDir();
  try {
    // short lines around one of 1.5 MB: named a 1 MB buffer, DuckDB would refuse the file
    const short = Array.from({ length: 5000 }, (_, k) => `A${k},2024-01-01,smb,0.5,${k},false,n`);
    const long = `B0,2024-01-01,smb,0.5,1,false,${'y'.repeat(1_500_000)}`;
    const path = join(dir, 'long-line.csv');
    await writeFile(path, `${header}\n${[...short, long, ...short].join('\n')}\n`);
    const frame = await loadFrame(path);
    assert.equal(frame.n, 10_001);
    assert.equal((frame.columns['note']![5000] as string).length, 1_500_000);
    assert.deepEqual(frame, await sniffedByDuckDB(path));
  } finally {
    await cleanup();
  }
});
