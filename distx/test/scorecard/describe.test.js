/** Calibrated cards people can read: override descriptions from their values, band edges with few digits. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { describeOverride, loadScorecard } from '../../src/scorecard/index.js';
import { rescaleOverrides } from '../../src/scorecard/calibrate/bands.js';
import { monotoneBins, shortestCut } from '../../src/scorecard/calibrate/binning.js';
test('override descriptions are written from their conditions and values, also after calibration moves them', async () => {
    const card = await loadScorecard('default');
    assert.deepEqual(card.overrides.map(describeOverride), [
        'When the champion left and has not been replaced: cap the score at 40.',
        'When no product usage at all in the last 14 days: set the score to 10.',
        'When an escalated support ticket is open: cap the score at 50.',
        'When days to renewal at most 60 days and the score is below 60: raise the escalate flag.',
    ]);
    const moved = rescaleOverrides(card.overrides, card.bands, { yellow: 63, green: 80 });
    assert.equal(moved[0].value, 63);
    assert.equal(moved[0].description, "When the champion left and has not been replaced: cap the score at 63 (40 on the base card's scale).");
});
test('band edges: the shortest decimal that cuts the data where the bin did', () => {
    assert.equal(shortestCut(-0.5, -0.33333333333333337), -0.4);
    assert.equal(shortestCut(0.1, 0.13151), 0.13);
    assert.equal(shortestCut(29, 34.5), 34);
    assert.equal(shortestCut(-Infinity, 7.25), 7);
    // no shorter decimal between two neighbours: the edge stays
    assert.equal(shortestCut(0.123456789012344, 0.123456789012345), 0.123456789012345);
    // values that differ from an edge by float noise only are the edge: the cut moves below them
    const x = [-1, -1, -0.6666666666666667, -0.6666666666666667, 0, 0, 0.5, 0.5];
    const y = [1, 1, 1, 1, 0, 0, 0, 0];
    const bins = monotoneBins([...x, -0.6666666666666661], [...y, 0], [...y, 0], 'higher_is_safer', false, {
        maxBins: 5,
        minRows: 1,
        minRowsDiscrete: 1,
    });
    for (const b of bins)
        if (b.upper !== Infinity)
            assert.ok(String(b.upper).length <= 5, `edge ${b.upper}`);
});
//# sourceMappingURL=describe.test.js.map