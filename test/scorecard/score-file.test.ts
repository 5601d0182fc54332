/**
 * The score file, read back: every row once, in input order, numbers bit for bit in Parquet, text
 * with commas, quotes, line breaks and non-ASCII characters unchanged in Parquet and CSV.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { openDuckDB, queryRows, quoteLiteral } from '../../src/data/index.js';
import { loadScorecard, statusOf } from '../../src/scorecard/index.js';
import { scoreTable, writeScores } from '../../src/scorecard/light/index.js';
import { tempDir } from '../support/paths.js';
import { syntheticFeatureTable } from './synthetic.js';

test('writeScores: every row in order, Parquet numbers exact, awkward text intact', async () => {
  const { dir, cleanup } = await tempDir('churnkit-score-file-');
  try {
    const frame = syntheticFeatureTable({ accounts: 300, months: 13, seed: 11 });
    assert.ok(frame.n > 3_000, `${frame.n} rows`);
    const ids = frame.columns['account_id'] as (string | null)[];
    const awkward = ['a,b', 'say "hi"', 'line\nbreak', 'Ünïcødé – ✓', "it's", '\\back\\slash', ''];
    awkward.forEach((id, k) => (ids[1_997 + k] = id));
    const card = await loadScorecard('default');
    const scored = scoreTable(card, frame);
    const parquet = join(dir, 'scores.parquet');
    await writeScores(parquet, card, frame, scored);
    await writeScores(join(dir, 'scores.csv'), card, frame, scored);
    const db = await openDuckDB();
    try {
      const rows = await queryRows(
        db.connection,
        `SELECT account_id, score, layer_usage, coverage FROM read_parquet(${quoteLiteral(parquet)})`,
      );
      assert.equal(rows.length, frame.n);
      const scoredRows = Array.from(scored.scores.coverage, (c) => statusOf(card, c) === 'scored');
      rows.forEach((r, i) => {
        assert.equal(r['account_id'], ids[i], `row ${i}`);
        assert.equal(r['score'], scoredRows[i] ? scored.scores.score[i] : null, `score of row ${i}`);
        const layer = scored.scores.layers['usage']![i]!;
        assert.equal(r['layer_usage'], Number.isNaN(layer) ? null : layer, `layer_usage of row ${i}`);
        assert.equal(r['coverage'], scored.scores.coverage[i], `coverage of row ${i}`);
      });
      const csv = await queryRows(
        db.connection,
        `SELECT account_id FROM read_csv(${quoteLiteral(join(dir, 'scores.csv'))}, all_varchar = true)`,
      );
      assert.deepEqual(
        csv.map((r) => r['account_id'] ?? ''),
        ids.map((id) => id ?? ''),
      );
    } finally {
      db.close();
    }
  } finally {
    await cleanup();
  }
});
