import { test } from 'node:test';
import assert from 'node:assert/strict';
import { poolingNotes, POOLING_GAP } from '../../src/report/index.js';
test('pooled and within-period AUC far apart: a note says which way and why; close or unknown: none', () => {
    const notes = poolingNotes({
        // the small own table of the known gap: each period ranked well, periods on different scales
        gbdt: { auc: 0.85, mean_fold_auc: 0.985 },
        // pooled above the periods: part of it ranks periods
        logistic: { auc: 0.8, mean_fold_auc: 0.7 },
        // just under the gap, either way: no note
        'scorecard:default': { auc: 0.75, mean_fold_auc: 0.75 + POOLING_GAP - 0.001 },
        mlp: { auc: 0.7, mean_fold_auc: 0.7 - 0.049 },
        // no fold with both classes, no pooled AUC
        auto: { auc: 0.9, mean_fold_auc: null },
        other: { auc: null, mean_fold_auc: 0.9 },
    });
    assert.equal(notes.length, 2);
    assert.match(notes[0], /^gbdt: ROC AUC 0\.850 with every period pooled, 0\.985 on average within a period\. /);
    assert.match(notes[0], /different level from one period to the next/);
    assert.match(notes[1], /^logistic: ROC AUC 0\.800 with every period pooled, 0\.700 on average within a period\. /);
    assert.match(notes[1], /ranks periods rather than accounts/);
});
//# sourceMappingURL=story.test.js.map