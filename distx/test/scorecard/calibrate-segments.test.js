/**
 * calibrate --by segment (issue 22): weights of their own per segment, pooled toward the global
 * ones by each segment's churners; on a world whose drivers differ by segment they win, a
 * segment with a handful of churners stays near the global card, and the CLI, score and backtest
 * carry the card through.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { test } from 'node:test';
import { loadFrame } from '../../src/data/frame.js';
import { calibrateScorecard } from '../../src/scorecard/calibrate/index.js';
import { loadScorecard, parseScorecard, scoreAccount } from '../../src/scorecard/index.js';
import { cliPath, repoRoot, tempDir } from '../support/paths.js';
import { frameCsv, syntheticFeatureTable } from './synthetic.js';
const base = await loadScorecard('default');
/** Enterprise churn follows the relationship layer, smb churn the usage layer; mid_market both. */
const splitWorld = syntheticFeatureTable({
    accounts: 600,
    months: 15,
    seed: 12,
    segmentLayers: {
        enterprise: { usage: 0.1, engagement: 0.3, relationship: 4, outcome: 0.3 },
        smb: { usage: 3, engagement: 0.3, relationship: 0.1, outcome: 0.3 },
    },
});
const cli = (...args) => spawnSync(process.execPath, [cliPath, ...args], { encoding: 'utf8', cwd: repoRoot });
const layerWeight = (card, segment, layer) => card.segment_weights[segment].layers[layer].weight;
test('where drivers differ by segment, each segment leans on its own drivers and the per-segment card wins', () => {
    const result = calibrateScorecard(splitWorld, { base, reference: base, bootstrap: 0, bySegment: true, pooling: 20 });
    const card = result.card;
    assert.deepEqual(Object.keys(card.segment_weights), ['enterprise', 'mid_market', 'smb']);
    assert.equal(card.segment_pooling, 20);
    assert.ok(layerWeight(card, 'enterprise', 'relationship') > layerWeight(card, 'smb', 'relationship') + 0.2, `relationship: enterprise ${layerWeight(card, 'enterprise', 'relationship')}, smb ${layerWeight(card, 'smb', 'relationship')}`);
    assert.ok(layerWeight(card, 'smb', 'usage') > layerWeight(card, 'enterprise', 'usage') + 0.2);
    for (const [segment, set] of Object.entries(card.segment_weights)) {
        const churners = set.churners;
        assert.ok(churners > 20, `${segment}: ${churners} churners`);
        assert.equal(set.own_share, Math.round((churners / (churners + 20)) * 1e4) / 1e4);
    }
    const sw = result.fidelity.segment_weights;
    assert.equal(sw.winner, 'by_segment', `AUC per-segment ${sw.auc.by_segment}, global ${sw.auc.global}`);
    assert.ok(sw.auc.by_segment > sw.auc.global + 0.01);
    // the card reloads from its JSON and scores an enterprise account by enterprise's weights
    const reloaded = parseScorecard(JSON.parse(JSON.stringify(card)));
    const account = { ...Object.fromEntries(base.layers.flatMap((l) => l.signals.map((s) => [s.feature, 0]))) };
    const asEnterprise = scoreAccount(reloaded, { ...account, segment: 'enterprise', champion_departed: 1 });
    const asSmb = scoreAccount(reloaded, { ...account, segment: 'smb', champion_departed: 1 });
    assert.ok(asEnterprise.base_score < asSmb.base_score, 'a departed champion costs an enterprise account more');
});
test('a segment with a handful of churners stays near the global weights; without --by nothing changes', () => {
    // 18 of 900 accounts in a segment of their own: a few churners
    const world = syntheticFeatureTable({
        accounts: 900,
        months: 15,
        seed: 13,
        segmentOf: (a) => (a % 50 === 0 ? 'tiny' : a % 2 ? 'smb' : 'mid_market'),
        segmentLayers: { smb: { usage: 3 } },
    });
    const result = calibrateScorecard(world, { base, reference: base, bootstrap: 0, bySegment: true });
    const tiny = result.card.segment_weights['tiny'];
    assert.ok(tiny.churners > 0 && tiny.churners < 15, `tiny has ${tiny.churners} churners`);
    assert.ok(tiny.own_share < 0.25, `own share ${tiny.own_share}`);
    for (const layer of result.card.layers) {
        const own = tiny.layers[layer.name].weight;
        assert.ok(Math.abs(own - layer.weight) < 0.06, `${layer.name}: tiny ${own}, global ${layer.weight}`);
    }
    // k = 0 lets the same segment follow its own noisy fit much further
    const unpooled = calibrateScorecard(world, { base, reference: base, bootstrap: 0, bySegment: true, pooling: 0 });
    const distance = (card) => card.layers.reduce((d, l) => d + Math.abs(card.segment_weights['tiny'].layers[l.name].weight - l.weight), 0);
    assert.ok(distance(unpooled.card) > 2 * distance(result.card), `${distance(unpooled.card)} vs ${distance(result.card)}`);
    const plain = calibrateScorecard(world, { base, reference: base, bootstrap: 0 });
    assert.equal(plain.card.segment_weights, undefined);
    assert.equal(plain.fidelity.segment_weights, undefined);
    assert.deepEqual(plain.card.layers, result.card.layers, 'the global weights are the same fit either way');
});
test('CLI: calibrate --by segment, score and backtest the per-segment card against the global one', async () => {
    const { dir, cleanup } = await tempDir('churnkit-segments-');
    try {
        const features = join(dir, 'features.csv');
        await writeFile(features, frameCsv(splitWorld));
        const global = join(dir, 'global.json');
        const bySegment = join(dir, 'by-segment.json');
        let r = cli('calibrate', '--features', features, '--out', bySegment, '--bootstrap', '0', '--by', 'segment', '--json');
        assert.equal(r.status, 0, r.stderr);
        const summary = JSON.parse(r.stdout);
        assert.equal(summary.segment_weights.winner, 'by_segment');
        assert.match(await readFile(bySegment.replace(/\.json$/, '.fidelity.md'), 'utf8'), /## Weights per segment/);
        r = cli('calibrate', '--features', features, '--out', join(dir, 'x.json'), '--by', 'account');
        assert.notEqual(r.status, 0);
        assert.match(r.stderr, /--by: only "segment"/);
        const card = await loadScorecard(bySegment);
        // the global card: the same card without its segment weights
        const { segment_weights: _w, segment_pooling: _k, checksum: _c, ...globalCard } = JSON.parse(await readFile(bySegment, 'utf8'));
        await writeFile(global, JSON.stringify(globalCard));
        const scores = join(dir, 'scores.csv');
        r = cli('score', '--scorecard', bySegment, '--features', features, '--out', scores);
        assert.equal(r.status, 0, r.stderr);
        const out = await loadFrame(scores);
        const score = out.columns['score'];
        const segment = splitWorld.columns['segment'];
        for (const i of [0, 1, 2, 100, 101, 102]) {
            const signals = Object.fromEntries(splitWorld.names.map((n) => {
                const c = splitWorld.columns[n];
                const v = c[i];
                return [n, typeof v === 'number' && Number.isNaN(v) ? null : v];
            }));
            const expected = scoreAccount(card, signals);
            assert.ok(Math.abs(score[i] - expected.score) < 0.051, `row ${i} (${segment[i]}): ${score[i]} vs ${expected.score}`);
        }
        r = cli('backtest', '--features', features, '--models', `scorecard:${global},scorecard:${bySegment}`, '--out', join(dir, 'bt'));
        assert.equal(r.status, 0, r.stderr);
        // the same folds for both cards (the in-sample caveat holds for both alike: they share their points)
        assert.match(r.stdout, /scorecards by pooled AUC: scorecard:by-segment [0-9.]+ \(best in \d of \d folds\), scorecard:global [0-9.]+ .*: scorecard:by-segment wins/);
    }
    finally {
        await cleanup();
    }
});
test('recalibrate refits a per-segment champion per segment, with its pooling', async () => {
    const { dir, cleanup } = await tempDir('churnkit-segments-recal-');
    try {
        const features = join(dir, 'features.csv');
        await writeFile(features, frameCsv(splitWorld));
        const champion = join(dir, 'champion.json');
        let r = cli('calibrate', '--features', features, '--out', champion, '--bootstrap', '0', '--by', 'segment');
        assert.equal(r.status, 0, r.stderr);
        // the champion's pooling is not the default: the challenger must take it from the card
        const card = JSON.parse(await readFile(champion, 'utf8'));
        card.segment_pooling = 20;
        delete card.checksum;
        await writeFile(champion, JSON.stringify(card));
        const q = join(dir, 'q');
        r = cli('recalibrate', '--previous', champion, '--features', features, '--out', q, '--bootstrap', '0');
        assert.equal(r.status, 0, r.stderr);
        assert.match(r.stdout + r.stderr, /with weights per segment \(pooling k = 20\)/);
        const challenger = await loadScorecard(join(q, 'challenger.json'));
        assert.deepEqual(Object.keys(challenger.segment_weights ?? {}), ['enterprise', 'mid_market', 'smb']);
        assert.equal(challenger.segment_pooling, 20);
        for (const set of Object.values(challenger.segment_weights))
            assert.equal(set.own_share, Math.round((set.churners / (set.churners + 20)) * 1e4) / 1e4);
        const fidelity = JSON.parse(await readFile(join(q, 'challenger.fidelity.json'), 'utf8'));
        assert.equal(fidelity.segment_weights.pooling, 20);
    }
    finally {
        await cleanup();
    }
});
//# sourceMappingURL=calibrate-segments.test.js.map