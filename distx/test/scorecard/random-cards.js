import { parseScorecard } from '../../src/scorecard/index.js';
export const GENERIC_SIGNALS = {
    features: ['f0', 'f1', 'f2', 'f3', 'f4', 'f5'],
    flags: ['b0', 'b1'],
};
/** A random valid card: random band edges (some shared with the values drawn), weights, overrides. */
export function randomCard(rng, names = GENERIC_SIGNALS) {
    const FEATURES = names.features;
    const FLAGS = names.flags;
    const edges = [-1, -0.5, 0, 0.25, 0.5, 1, 2];
    const layers = [];
    const shuffled = rng.shuffle([...FEATURES]);
    const layerCount = 1 + rng.int(3);
    const groups = Array.from({ length: layerCount }, () => []);
    shuffled.forEach((f, i) => groups[i % layerCount].push(f));
    const split = (k) => {
        const raw = Array.from({ length: k }, () => (rng.next() < 0.2 ? 0 : rng.next()));
        if (!raw.some((w) => w > 0))
            raw[0] = 1;
        const sum = raw.reduce((a, b) => a + b, 0);
        return raw.map((w) => w / sum);
    };
    const lw = split(layerCount);
    groups.forEach((features, l) => {
        const sw = split(features.length);
        layers.push({
            name: `layer${l}`,
            weight: lw[l],
            signals: features.map((feature, j) => {
                const cuts = rng
                    .shuffle([...edges])
                    .slice(0, 1 + rng.int(4))
                    .sort((a, b) => a - b);
                const safer = rng.next() < 0.5;
                let p = safer ? 0 : 100;
                const points = [];
                for (let k = 0; k <= cuts.length; k++) {
                    const band = { points: Math.round(p) };
                    const upperInclusive = rng.next() < 0.5;
                    if (k > 0) {
                        const prevInclusive = points[k - 1].lte !== undefined;
                        band[prevInclusive ? 'gt' : 'gte'] = cuts[k - 1];
                    }
                    if (k < cuts.length)
                        band[upperInclusive ? 'lte' : 'lt'] = cuts[k];
                    points.push(band);
                    p = safer ? Math.min(100, p + rng.next() * 40) : Math.max(0, p - rng.next() * 40);
                }
                const signal = {
                    feature,
                    weight: sw[j],
                    direction: safer ? 'higher_is_safer' : 'higher_is_riskier',
                    points,
                    missing: rng.next() < 0.3 ? { policy: 'points', points: rng.int(101) } : { policy: 'redistribute' },
                };
                if (rng.next() < 0.4) {
                    // one or two rules; with two that both hold, the first must win
                    signal.rules = [{ when: { signal: rng.pick(FLAGS), op: '=', value: true }, points: rng.int(101) }];
                    if (rng.next() < 0.5)
                        signal.rules.push({ when: { signal: rng.pick(FLAGS), op: '!=', value: false }, points: rng.int(101) });
                }
                return signal;
            }),
        });
    });
    const cond = () => {
        const r = rng.next();
        if (r < 0.3)
            return { signal: rng.pick(FLAGS), op: rng.pick(['=', '!=']), value: rng.next() < 0.5 };
        if (r < 0.5)
            return { signal: rng.pick(FEATURES), op: rng.pick(['<', '<=', '>', '>=', '=', '!=']), value: rng.pick(edges) };
        if (r < 0.6)
            return { signal: rng.pick(FEATURES), op: rng.pick(['is_null', 'not_null']) };
        if (r < 0.7)
            return { signal: 'segment', op: rng.pick(['=', '!=']), value: rng.pick(['smb', 'enterprise']) };
        if (r < 0.85)
            return { score: { op: rng.pick(['<', '<=', '>', '>=']), value: rng.pick([30, 40, 50.5, 60]) } };
        return { [rng.pick(['all', 'any'])]: [cond(), cond()] };
    };
    const overrides = Array.from({ length: rng.int(6) }, (_, k) => {
        const action = rng.pick(['set', 'cap', 'flag']);
        return action === 'flag'
            ? { id: `o${k}`, when: cond(), action, flag: rng.pick(['escalate', 'review']) }
            : { id: `o${k}`, when: cond(), action, value: rng.pick([10, 40, 50, 60, 80]) };
    });
    const x = [10, 30, 55, 70, 90].filter(() => rng.next() < 0.8);
    if (x.length === 0)
        x.push(50);
    let y = 0.9;
    const ys = x.map(() => (y = y * (0.3 + 0.7 * rng.next())));
    return parseScorecard({
        kind: 'churnkit.scorecard',
        version: 1,
        layers,
        no_data_score: rng.int(101),
        overrides,
        bands: {
            green: 70,
            yellow: 40,
            segments: rng.next() < 0.5 ? { enterprise: { green: 80, yellow: 55 } } : undefined,
        },
        probability: rng.next() < 0.8 ? { method: 'isotonic', x, y: ys } : { method: 'none' },
        provenance: { churnkit_version: 'test', source: 'manual' },
    });
}
export function randomValue(rng, numeric) {
    const r = rng.next();
    if (r < 0.12)
        return null;
    if (!numeric)
        return r < 0.3 ? rng.pick(['yes', 'no', 'TRUE', '0']) : rng.next() < 0.5;
    if (r < 0.4)
        return rng.pick([-1, -0.5, 0, 0.25, 0.5, 1, 2]); // exactly on an edge
    if (r < 0.45)
        return String(rng.uniform(-2, 3));
    if (r < 0.48)
        return NaN;
    return rng.uniform(-2, 3);
}
/**
 * The card with random weights of its own for some segments (every layer and signal, some of
 * them 0), drawn from the same stream: what `calibrate --by segment` writes, in any shape.
 */
export function withRandomSegmentWeights(rng, card, segments = ['smb', 'enterprise']) {
    const split = (k) => {
        const raw = Array.from({ length: k }, () => (rng.next() < 0.25 ? 0 : rng.next()));
        if (!raw.some((w) => w > 0))
            raw[rng.int(k)] = 1;
        const sum = raw.reduce((a, b) => a + b, 0);
        return raw.map((w) => w / sum);
    };
    const sets = {};
    for (const segment of segments.filter(() => rng.next() < 0.8)) {
        const lw = split(card.layers.length);
        sets[segment] = {
            layers: Object.fromEntries(card.layers.map((l, i) => {
                const sw = split(l.signals.length);
                return [l.name, { weight: lw[i], signals: Object.fromEntries(l.signals.map((s, j) => [s.feature, sw[j]])) }];
            })),
        };
    }
    if (Object.keys(sets).length === 0)
        return card;
    return parseScorecard({ ...card, segment_weights: sets });
}
//# sourceMappingURL=random-cards.js.map