import { test } from 'node:test';
import assert from 'node:assert/strict';
import { SCORE_EPSILON, compileScorer, scoreAccount, scoreColumns, scorecardColumns, } from '../../src/scorecard/index.js';
import { assertColumnsRow, defaultCard, healthy, justBelow, tinyCard } from './helpers.js';
/** Every scorer must agree; each test goes through all three. */
function score(card, signals) {
    const ref = scoreAccount(card, signals);
    assert.deepEqual(compileScorer(card)(signals), ref, 'compileScorer differs from scoreAccount');
    const names = [...new Set([...Object.keys(signals), ...scorecardColumns(card)])];
    const cols = scoreColumns(card, { n: 1, columns: Object.fromEntries(names.map((k) => [k, [signals[k] ?? null]])) });
    assertColumnsRow(cols, 0, ref, 'scoreColumns');
    return ref;
}
const card = defaultCard();
test('a healthy account scores 100 and GREEN with no reasons', () => {
    const r = score(card, healthy());
    assert.equal(r.score, 100);
    assert.equal(r.band, 'GREEN');
    assert.deepEqual(r.layers, { usage: 100, engagement: 100, relationship: 100, outcome: 100 });
    assert.deepEqual(r.overrides, []);
    assert.deepEqual(r.reasons, []);
    assert.equal(r.escalate, false);
    assert.equal(r.probability, null);
});
test('usage_trend_14d bands follow the framework, edges included as documented', () => {
    const usage = (v, zero = false) => score(card, healthy({ usage_trend_14d: v, zero_usage_14d: zero })).layers['usage'];
    // usage layer = 0.35 * points + 0.65 * 100
    const layerFor = (p) => 0.35 * p + 0.65 * 100;
    assert.equal(usage(0.11), layerFor(100));
    assert.equal(usage(0.1), layerFor(70)); // +10% is still stable
    assert.equal(usage(-0.1), layerFor(70)); // -10% is still stable
    assert.equal(usage(-0.1000001), layerFor(40));
    assert.equal(usage(-0.25), layerFor(40)); // -25% is declining, not critical
    assert.equal(usage(-0.2500001), layerFor(10));
    assert.equal(usage(-1), layerFor(10));
    assert.equal(usage(0.5, true), layerFor(0)); // zero usage = 0 points whatever the trend says
});
test('champion_departed caps the score at 40', () => {
    const r = score(card, healthy({ champion_departed: true }));
    // the departure also costs the relationship layer its 40% champion signal: 100 - 0.2 * 40
    assert.equal(r.layers['relationship'], 60);
    assert.equal(r.base_score, 92);
    assert.equal(r.score, 40);
    assert.equal(r.band, 'YELLOW');
    assert.deepEqual(r.overrides, ['champion_departed']);
    // a cap never raises a score
    const low = score(card, healthy({
        champion_departed: true,
        usage_trend_14d: -1,
        login_frequency_change_14d: -1,
        license_utilization: 0,
        feature_adoption_breadth_change_30d: -1,
        days_since_last_csm_interaction: 500,
        support_ticket_trend_30d: 3,
        champion_engagement_change_30d: -1,
        nps_trend: -5,
        contract_value_vs_usage_ratio: 9,
        days_since_last_integration_added: 900,
    }));
    assert.ok(low.base_score < 40);
    assert.equal(low.score, low.base_score);
    assert.deepEqual(low.overrides, ['champion_departed']);
});
test('zero_usage_14d sets the score to 10, whatever else is true', () => {
    const r = score(card, healthy({ zero_usage_14d: true }));
    assert.equal(r.score, 10);
    assert.equal(r.band, 'RED');
    assert.deepEqual(r.overrides, ['zero_usage_14d']);
    // booleans as they come from CSV
    assert.equal(score(card, healthy({ zero_usage_14d: 'yes' })).score, 10);
    assert.equal(score(card, healthy({ zero_usage_14d: 1 })).score, 10);
    assert.equal(score(card, healthy({ zero_usage_14d: 'FALSE' })).score, 100);
    // a missing signal fires nothing
    assert.equal(score(card, healthy({ zero_usage_14d: null })).score, 100);
});
test('active_escalation caps the score at 50', () => {
    const r = score(card, healthy({ active_escalation: true }));
    assert.equal(r.score, 50);
    assert.deepEqual(r.overrides, ['active_escalation']);
});
test('renewal within 60 days and a score below 60 raises escalate; either alone does not', () => {
    const risky = { active_escalation: true }; // score 50
    const a = score(card, healthy({ ...risky, days_to_renewal: 60 }));
    assert.equal(a.escalate, true);
    assert.deepEqual(a.overrides, ['active_escalation', 'renewal_escalation']);
    assert.deepEqual(a.flags, ['escalate']);
    assert.equal(score(card, healthy({ ...risky, days_to_renewal: 61 })).escalate, false);
    assert.equal(score(card, healthy({ ...risky, days_to_renewal: null })).escalate, false);
    assert.equal(score(card, healthy({ days_to_renewal: 10 })).escalate, false); // score 100
});
test('the escalate flag reads the score after caps, and a score of exactly 60 is not below 60', () => {
    // base 100, capped to 40 by champion_departed: the flag sees 40
    assert.equal(score(card, healthy({ champion_departed: true, days_to_renewal: 30 })).escalate, true);
    const sixty = tinyCard((c) => {
        c.overrides = [
            { id: 'cap60', when: { signal: 'x1', op: '>=', value: 0 }, action: 'cap', value: 60 },
            { id: 'esc', when: { score: { op: '<', value: 60 } }, action: 'flag', flag: 'escalate' },
        ];
    });
    const r = score(sixty, { x1: 1, x2: 1, x3: 0 });
    assert.equal(r.score, 60);
    assert.equal(r.escalate, false);
    assert.deepEqual(r.overrides, ['cap60']);
});
test('when several overrides fire: set first (first set wins), then every cap, then flags', () => {
    // zero usage (set 10) with champion departed (cap 40) and escalation (cap 50): 10
    const r = score(card, healthy({ zero_usage_14d: true, champion_departed: true, active_escalation: true, days_to_renewal: 5 }));
    assert.equal(r.score, 10);
    assert.deepEqual(r.overrides, ['champion_departed', 'zero_usage_14d', 'active_escalation', 'renewal_escalation']);
    assert.equal(r.escalate, true);
    const ordered = tinyCard((c) => {
        c.overrides = [
            { id: 'cap_low', when: { signal: 'x3', op: '>', value: 5 }, action: 'cap', value: 30 },
            { id: 'set_high', when: { signal: 'x3', op: '>', value: 5 }, action: 'set', value: 80 },
            { id: 'set_other', when: { signal: 'x3', op: '>', value: 5 }, action: 'set', value: 5 },
            { id: 'cap_mid', when: { signal: 'x3', op: '>', value: 5 }, action: 'cap', value: 50 },
        ];
    });
    // set 80 (the first set; set_other fired too but does not apply), then caps 30 and 50: 30
    const o = score(ordered, { x1: 1, x2: 1, x3: 9 });
    assert.equal(o.score, 30);
    assert.deepEqual(o.overrides, ['cap_low', 'set_high', 'set_other', 'cap_mid']);
    // a cap above the set score leaves it
    const high = tinyCard((c) => {
        c.overrides = [
            { id: 's', when: { signal: 'x1', op: '<', value: 0 }, action: 'set', value: 35 },
            { id: 'c', when: { signal: 'x1', op: '<', value: 0 }, action: 'cap', value: 50 },
        ];
    });
    assert.equal(score(high, { x1: -1, x2: 1, x3: 0 }).score, 35);
});
test('score conditions in caps read the score after sets, in sets the composite', () => {
    const card2 = tinyCard((c) => {
        c.overrides = [
            { id: 'set_if_high', when: { score: { op: '>=', value: 90 } }, action: 'set', value: 20 },
            { id: 'cap_if_low', when: { score: { op: '<', value: 30 } }, action: 'cap', value: 5 },
        ];
    });
    const r = score(card2, { x1: 1, x2: 1, x3: 0 }); // composite 100 -> set 20 -> 20 < 30 -> cap 5
    assert.equal(r.score, 5);
    assert.deepEqual(r.overrides, ['set_if_high', 'cap_if_low']);
});
test("a missing signal's weight is redistributed within its layer", () => {
    const r = score(card, healthy({ login_frequency_change_14d: null, usage_trend_14d: -1 }));
    // usage: (0.35*10 + 0.2*100 + 0.15*100 + 0.1*100) / (0.35+0.2+0.15+0.1)
    const usage = (0.35 * 10 + 0.2 * 100 + 0.15 * 100 + 0.1 * 100) / 0.8;
    assert.ok(Math.abs(r.layers['usage'] - usage) < 1e-12);
    assert.ok(Math.abs(r.score - (0.4 * usage + 0.6 * 100)) < 1e-12);
    // NaN and blank text count as missing too
    assert.equal(score(card, healthy({ login_frequency_change_14d: NaN, usage_trend_14d: -1 })).score, r.score);
    assert.equal(score(card, healthy({ login_frequency_change_14d: ' ', usage_trend_14d: -1 })).score, r.score);
});
test("a missing layer's weight is redistributed across layers", () => {
    const r = score(card, healthy({
        champion_engagement_change_30d: null,
        champion_departed: null,
        support_ticket_trend_30d: 3,
        days_since_last_csm_interaction: 200,
    }));
    assert.equal(r.layers['relationship'], null);
    const engagement = 0.45 * 20 + 0.35 * 10 + 0.2 * 100;
    assert.equal(r.layers['engagement'], engagement);
    const expected = (0.4 * 100 + 0.25 * engagement + 0.15 * 100) / (0.4 + 0.25 + 0.15);
    assert.ok(Math.abs(r.score - expected) < 1e-12);
});
test('missing policy "points" scores a missing value instead of redistributing', () => {
    const c = tinyCard((j) => {
        j.layers[0].signals[1].missing = { policy: 'points', points: 30 };
    });
    assert.equal(score(c, { x1: 1, x2: null, x3: 0 }).layers['a'], 0.5 * 100 + 0.5 * 30);
});
test('with every layer missing the score is no_data_score, and overrides still apply', () => {
    const r = score(card, { segment: 'smb' });
    assert.equal(r.score, 50);
    assert.deepEqual(r.layers, { usage: null, engagement: null, relationship: null, outcome: null });
    assert.deepEqual(r.reasons, []);
    assert.equal(score(card, { zero_usage_14d: true }).score, 10);
});
test('band edges: exactly 70 is GREEN, exactly 40 is YELLOW, just under is the band below', () => {
    const at = (v) => tinyCard((c) => (c.overrides = [{ id: 's', when: { signal: 'x1', op: '>=', value: -1e9 }, action: 'set', value: v }]));
    const band = (v) => score(at(v), { x1: 0, x2: 0, x3: 0 }).band;
    assert.equal(band(100), 'GREEN');
    assert.equal(band(70), 'GREEN');
    assert.equal(band(69.99), 'YELLOW');
    assert.equal(band(40), 'YELLOW');
    assert.equal(band(39.99), 'RED');
    assert.equal(band(0), 'RED');
    // a weighted average that lands a hair under 70 in floating point is still GREEN
    const c = tinyCard((j) => {
        j.layers[0].weight = 0.7;
        j.layers[1].weight = 0.3;
        j.layers[0].signals[0].weight = 0.1;
        j.layers[0].signals[1].weight = 0.9;
        j.layers[0].signals[0].points = [
            { lt: 0, points: 70 },
            { gte: 0, points: 70 },
        ];
        j.layers[0].signals[1].points = [
            { lt: 0, points: 70 },
            { gte: 0, points: 70 },
        ];
        j.layers[1].signals[0].points = [
            { lte: 1, points: 70 },
            { gt: 1, points: 70 },
        ];
    });
    const r = score(c, { x1: 0, x2: 0, x3: 0 });
    assert.ok(Math.abs(r.score - 70) < 1e-12);
    assert.equal(r.band, 'GREEN');
});
test('band thresholds per segment; unknown and missing segments use the defaults', () => {
    const c = tinyCard((j) => {
        j.bands.segments = { enterprise: { green: 80, yellow: 50 }, smb: { green: 60, yellow: 30 } };
        j.overrides = [{ id: 's', when: { signal: 'x1', op: '>=', value: -1e9 }, action: 'set', value: 75 }];
    });
    const band = (segment, value = 75) => {
        const cc = value === 75
            ? c
            : tinyCard((j) => {
                j.bands.segments = { enterprise: { green: 80, yellow: 50 }, smb: { green: 60, yellow: 30 } };
                j.overrides = [{ id: 's', when: { signal: 'x1', op: '>=', value: -1e9 }, action: 'set', value }];
            });
        return score(cc, { segment, x1: 0, x2: 0, x3: 0 }).band;
    };
    assert.equal(band('enterprise'), 'YELLOW');
    assert.equal(band('smb'), 'GREEN');
    assert.equal(band('mid_market'), 'GREEN');
    assert.equal(band(null), 'GREEN');
    assert.equal(band('constructor'), 'GREEN'); // not an own key: defaults
    assert.equal(band('enterprise', 49), 'RED');
    assert.equal(band('smb', 30), 'YELLOW');
    assert.equal(band(null, 39), 'RED');
});
test('reasons: the top three signals by weighted points lost, ties in scorecard order', () => {
    // every usage signal at its worst band
    const r = score(card, healthy({
        usage_trend_14d: -1,
        login_frequency_change_14d: -1,
        license_utilization: 0,
        feature_adoption_breadth_change_30d: -1,
        nps_trend: -5,
    }));
    // lost: trend 0.4*0.35*90=12.6, login 0.4*0.2*90=7.2, util 7.2, adoption 0.4*0.15*90=5.4, nps 0.15*0.55*90=7.425
    assert.deepEqual(r.reasons, ['usage_trend_14d', 'nps_trend', 'login_frequency_change_14d']);
    const tie = score(tinyCard(), { x1: -1, x2: -1, x3: 0 });
    assert.deepEqual(tie.reasons, ['x1', 'x2']); // equal losses: scorecard order; x3 loses nothing and is left out
    const one = score(tinyCard(), { x1: 1, x2: null, x3: 5 });
    assert.deepEqual(one.reasons, ['x3']);
    // with x2 missing, x1 carries the whole layer and loses double
    const redistributed = score(tinyCard(), { x1: -1, x2: null, x3: 5 });
    assert.deepEqual(redistributed.reasons, ['x1', 'x3']); // x1: 0.5*1*100=50 > x3: 0.5*80=40
});
test('points rules apply before the bands and before the missing policy', () => {
    const r = score(card, healthy({ zero_usage_14d: true, usage_trend_14d: null }));
    assert.equal(r.layers['usage'], 0.65 * 100);
});
test('bad signal values are errors that name the signal', () => {
    assert.throws(() => scoreAccount(card, healthy({ usage_trend_14d: 'lots' })), /signal usage_trend_14d: "lots" is not a number/);
    assert.throws(() => compileScorer(card)(healthy({ usage_trend_14d: 'lots' })), /signal usage_trend_14d/);
    assert.throws(() => scoreAccount(card, healthy({ zero_usage_14d: 'maybe' })), /signal zero_usage_14d: "maybe" is not a boolean/);
});
test('a compiled scorer can be reused: no state leaks from one call into the next', () => {
    const f = compileScorer(card);
    const a = f(healthy({ zero_usage_14d: true }));
    const b = f(healthy());
    assert.equal(a.score, 10);
    assert.equal(b.score, 100);
    assert.deepEqual(b.overrides, []);
});
test('probability: piecewise linear through the isotonic knots, constant outside them', () => {
    const c = tinyCard((j) => {
        j.probability = { method: 'isotonic', x: [20, 50, 80], y: [0.6, 0.2, 0.05] };
        j.overrides = [{ id: 's', when: { signal: 'x2', op: '>', value: -1e9 }, action: 'set', value: 0 }];
    });
    const at = (v) => score(tinyCard((j) => {
        j.probability = { method: 'isotonic', x: [20, 50, 80], y: [0.6, 0.2, 0.05] };
        j.overrides = [{ id: 's', when: { signal: 'x2', op: '>', value: -1e9 }, action: 'set', value: v }];
    }), { x1: 0, x2: 0, x3: 0 }).probability;
    assert.equal(score(c, { x1: 0, x2: 0, x3: 0 }).probability, 0.6);
    assert.equal(at(10), 0.6);
    assert.equal(at(20), 0.6);
    assert.ok(Math.abs(at(35) - 0.4) < 1e-15);
    assert.equal(at(50), 0.2);
    assert.ok(Math.abs(at(65) - 0.125) < 1e-15);
    assert.equal(at(80), 0.05);
    assert.equal(at(100), 0.05);
});
test('with known_segments, a segment with thresholds or weights of its own is known; another one is warned about', () => {
    const c = tinyCard((j) => {
        j.bands.segments = { enterprise: { green: 80, yellow: 50 } };
        j.bands.known_segments = ['smb'];
        j.segment_weights = {
            mid_market: {
                layers: { a: { weight: 0.5, signals: { x1: 0.5, x2: 0.5 } }, b: { weight: 0.5, signals: { x3: 1 } } },
            },
        };
    });
    const warnings = (segment) => score(c, { segment, x1: 0, x2: 0, x3: 0 }).warnings;
    assert.deepEqual(warnings('smb'), []);
    assert.deepEqual(warnings('enterprise'), []);
    assert.deepEqual(warnings('mid_market'), []); // was warned about by the compiled scorers
    assert.deepEqual(warnings(null), []);
    assert.deepEqual(warnings('Enterprise Plus'), [
        'segment "Enterprise Plus" is not one the scorecard was fitted on (smb, enterprise, mid_market): scored with the default band thresholds',
    ]);
    // known_segments alone
    const listed = tinyCard((j) => (j.bands.known_segments = ['smb']));
    assert.deepEqual(score(listed, { segment: 'smb', x1: 0, x2: 0, x3: 0 }).warnings, []);
    assert.equal(score(listed, { segment: 'enterprise', x1: 0, x2: 0, x3: 0 }).warnings.length, 1);
    // without known_segments nothing is checked
    const open = tinyCard();
    assert.deepEqual(score(open, { segment: 'Enterprise Plus', x1: 0, x2: 0, x3: 0 }).warnings, []);
});
test('band edges are exact: a score SCORE_EPSILON under a threshold is in its band, the next double down is not', () => {
    const at = (v, segment) => score(tinyCard((c) => {
        c.bands.segments = { enterprise: { green: 80, yellow: 55 } };
        c.overrides = [{ id: 's', when: { signal: 'x1', op: '>=', value: -1e9 }, action: 'set', value: v }];
    }), { segment, x1: 0, x2: 0, x3: 0 }).band;
    for (const [segment, green, yellow] of [
        [null, 70, 40],
        ['enterprise', 80, 55],
    ]) {
        assert.equal(at(green - SCORE_EPSILON, segment), 'GREEN');
        assert.equal(at(justBelow(green - SCORE_EPSILON), segment), 'YELLOW');
        assert.equal(at(yellow - SCORE_EPSILON, segment), 'YELLOW');
        assert.equal(at(justBelow(yellow - SCORE_EPSILON), segment), 'RED');
    }
});
test('reasons: with four equal losses the first three in card order', () => {
    const c = tinyCard((j) => {
        j.layers = [
            {
                name: 'a',
                weight: 1,
                // each like x1: 0 points below 0, 100 from 0 on
                signals: ['x1', 'x2', 'x3', 'x4'].map((feature) => ({ ...j.layers[0].signals[0], feature, weight: 0.25 })),
            },
        ];
    });
    assert.deepEqual(score(c, { x1: -1, x2: -1, x3: -1, x4: -1 }).reasons, ['x1', 'x2', 'x3']);
    assert.deepEqual(score(c, { x1: 1, x2: -1, x3: -1, x4: -1 }).reasons, ['x2', 'x3', 'x4']);
    // 0 points lost is no reason
    assert.deepEqual(score(c, { x1: 1, x2: 1, x3: -1, x4: 1 }).reasons, ['x3']);
});
//# sourceMappingURL=score.test.js.map