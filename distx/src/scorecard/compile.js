import { BANDS, MAX_REASONS, cardForSegment, coverageColumns, statusOf, unknownSegmentWarning, } from './score.js';
import { SCORE_EPSILON, toText } from './values.js';
import { compileCondition, evalCondition, scratchViews, tableViews, } from './conditions.js';
function allocate(card, n) {
    return {
        coverage: new Float64Array(n),
        missing: new Uint8Array(n * coverageColumns(card).length),
        unknownSegment: new Uint8Array(n),
        score: new Float64Array(n),
        base: new Float64Array(n),
        band: new Uint8Array(n),
        probability: new Float64Array(n),
        layers: card.layers.map(() => new Float64Array(n)),
        fired: new Uint8Array(n * card.overrides.length),
        escalate: new Uint8Array(n),
        reasons: new Int16Array(n * MAX_REASONS),
    };
}
const f64 = new Float64Array(1);
const i64 = new BigInt64Array(f64.buffer);
/** The largest double below a finite x. */
export function nextDown(x) {
    if (x === 0)
        return -Number.MIN_VALUE;
    f64[0] = x;
    // Stryker disable next-line EqualityOperator: equivalent, x = 0 was answered above, so x >= 0 is x > 0
    i64[0] = i64[0] + (x > 0 ? -1n : 1n);
    return f64[0];
}
/** Rows per chunk: the chunk's scratch columns stay in cache. */
const CHUNK = 1024;
function compileSignals(card, views, chunk) {
    const signals = [];
    const layerEnd = [];
    card.layers.forEach((layer, l) => {
        for (const sig of layer.signals) {
            signals.push({
                values: views.num(sig.feature),
                layer: l,
                // Stryker disable next-line MethodExpression: equivalent, the last band has no upper edge (validated), so its top would be nextDown(undefined) = NaN, which no value is above
                top: Float64Array.from(sig.points.slice(0, -1), (b) => (b.lte !== undefined ? b.lte : nextDown(b.lt))),
                points: Float64Array.from(sig.points, (b) => b.points),
                // Stryker disable next-line ConditionalExpression: equivalent, a redistribute policy has no points (strict schema), and undefined stored into the Float64Array of points is NaN
                missingPoints: sig.missing.policy === 'points' ? sig.missing.points : NaN,
                rules: (sig.rules ?? []).map((r) => ({ node: compileCondition(r.when, views, chunk), points: r.points })),
            });
        }
        layerEnd.push(signals.length);
    });
    return { signals, layerEnd };
}
function compileWeights(card, signals, views) {
    const S = signals;
    const L = card.layers.length;
    const weightSegments = Object.keys(card.segment_weights ?? {});
    const G = 1 + weightSegments.length;
    // Stryker disable next-line ConditionalExpression,EqualityOperator: equivalent for one set (true, >=): every row then looks up set 0, the card's own
    const multi = G > 1;
    const weightCards = [card, ...weightSegments.map((name) => cardForSegment(card, name))];
    const sigW = new Float64Array(G * S);
    const layW = new Float64Array(G * L);
    // coverage: each signal's share of the composite, summed in card order as score.ts does
    const effW = new Float64Array(G * S);
    const effTotal = new Float64Array(G);
    weightCards.forEach((wc, g) => {
        let k = 0;
        wc.layers.forEach((layer, l) => {
            layW[g * L + l] = layer.weight;
            for (const sig of layer.signals) {
                sigW[g * S + k] = sig.weight;
                effW[g * S + k] = layer.weight * sig.weight;
                effTotal[g] += layer.weight * sig.weight;
                k++;
            }
        });
    });
    const weightIndex = new Map(weightSegments.map((name, k) => [name, k + 1]));
    const weightSegment = multi && views.has('segment') ? views.text('segment') : null;
    return { multi, sigW, layW, effW, effTotal, weightIndex, weightSegment };
}
function compileChecked(card, signals, views) {
    const signalOrder = signalNames(card);
    return coverageColumns(card).map((name) => {
        const signal = signals[signalOrder.indexOf(name)];
        // Stryker disable next-line ConditionalExpression: equivalent for false, the column's own view is missing exactly where the signal's number is NaN
        if (signal)
            return { num: signal.values, text: null };
        return views.numeric(name) ? { num: views.num(name), text: null } : { num: null, text: views.text(name) };
    });
}
function compileOverrides(card, views, chunk) {
    return card.overrides.map((o) => ({
        stage: o.action === 'set' ? 0 : o.action === 'cap' ? 1 : 2,
        value: o.value ?? NaN,
        // only flag overrides have a flag (validated), and only the flag stage reads this
        escalate: o.flag === 'escalate',
        node: compileCondition(o.when, views, chunk),
    }));
}
function compileBands(card, views) {
    const segments = Object.keys(card.bands.segments ?? {});
    const segIndex = new Map(segments.map((name, k) => [name, k + 1]));
    const green = Float64Array.from([card.bands.green, ...segments.map((k) => card.bands.segments[k].green)], (t) => t - SCORE_EPSILON);
    const yellow = Float64Array.from([card.bands.yellow, ...segments.map((k) => card.bands.segments[k].yellow)], (t) => t - SCORE_EPSILON);
    // a segment with thresholds or weights of its own is known too, as scoreAccount says
    const known = card.bands.known_segments
        ? new Set([...card.bands.known_segments, ...segments, ...Object.keys(card.segment_weights ?? {})])
        : null;
    // the rows' segments are read when thresholds of a segment or the known list need them
    // Stryker disable next-line ConditionalExpression,EqualityOperator: equivalent for true and >=, reading segments that have no thresholds of their own finds index 0, the card's, at a cost
    const ownThresholds = segments.length > 0;
    // Stryker disable next-line ConditionalExpression: equivalent for true, as above; known !== null -> false is not (tests with known_segments alone kill it) but is disabled with it
    const needsSegments = ownThresholds || known !== null;
    const segment = needsSegments && views.has('segment') ? views.text('segment') : null;
    return { segIndex, green, yellow, known, segment };
}
function compileProbability(card) {
    const prob = card.probability.method === 'isotonic' ? card.probability : null;
    if (!prob)
        return null;
    const px = Float64Array.from(prob.x);
    const py = Float64Array.from(prob.y);
    const last = px.length - 1;
    const knotAt = new Int32Array(101);
    // Stryker disable BlockStatement: equivalent, knotAt only says where probabilityAt starts its walk, which moves forward to the right knot: a start too early (or 0) costs steps, not results
    // Stryker disable next-line ConditionalExpression,EqualityOperator: equivalent, knotAt only says where probabilityAt starts its walk, which moves forward to the right knot: a start too early (or 0) costs steps, not results
    for (let b = 0, k = 0; b <= 100; b++) {
        // Stryker disable next-line ConditionalExpression,EqualityOperator,ArithmeticOperator: equivalent, knotAt only says where probabilityAt starts its walk, which moves forward to the right knot: a start too early (or 0) costs steps, not results
        while (k < last && px[k + 1] <= b)
            k++;
        knotAt[b] = k;
    }
    // Stryker restore BlockStatement
    return { px, py, last, knotAt };
}
function compileCard(card, views, chunk) {
    const { signals, layerEnd } = compileSignals(card, views, chunk);
    const weights = compileWeights(card, signals.length, views);
    return {
        signals,
        layerEnd,
        layers: card.layers.length,
        weights,
        checked: compileChecked(card, signals, views),
        overrides: compileOverrides(card, views, chunk),
        bands: compileBands(card, views),
        probability: compileProbability(card),
        noData: card.no_data_score,
    };
}
function allocateScratch(signals, layers, chunk) {
    return {
        chunk,
        pts: new Float64Array(signals * chunk),
        present: new Float64Array(layers * chunk),
        sum: new Float64Array(chunk),
        total: new Float64Array(chunk),
        totalWeight: new Float64Array(chunk),
        base: new Float64Array(chunk),
        score: new Float64Array(chunk),
        afterSet: new Float64Array(chunk),
        setDone: new Uint8Array(chunk),
        mask: new Uint8Array(chunk),
        layerFactor: new Float64Array(layers * chunk),
        lost: new Float64Array(signals * chunk),
        covered: new Float64Array(chunk),
        ruled: new Uint8Array(chunk),
        weightSet: new Int32Array(chunk),
    };
}
/** Stage 0: each row's weight set, from its segment (only with segment_weights). */
function weightSetStage(cc, sc, c0, len) {
    const { weightSegment, weightIndex } = cc.weights;
    if (weightSegment === null)
        return;
    const { weightSet } = sc;
    // Stryker disable next-line EqualityOperator: equivalent for <=, the extra row len is the next chunk's first row (which that chunk writes again), the next slot's first row of a scratch column (filled again before it is read) or past the end of a typed array (where a write does nothing)
    for (let j = 0; j < len; j++) {
        const name = weightSegment[c0 + j];
        // Stryker disable next-line ConditionalExpression,LogicalOperator: equivalent, the Map has no null or undefined key: get gives undefined, and ?? 0 gives 0 anyway
        weightSet[j] = name === null || name === undefined ? 0 : (weightIndex.get(name) ?? 0);
    }
}
/**
 * Stage 1: points per signal (rules first, the first rule that holds wins; then missing; then
 * bands), and the weight of the signals that spoke (a value, or a rule that held) as coverage.
 */
function signalPointsStage(cc, sc, c0, len, out) {
    const { signals } = cc;
    const { multi, effW, effTotal } = cc.weights;
    const { chunk, pts, covered, ruled, mask, weightSet } = sc;
    const S = signals.length;
    covered.fill(0, 0, len);
    for (let s = 0; s < S; s++) {
        const sig = signals[s];
        const o = s * chunk;
        const x = sig.values;
        const top = sig.top;
        const bp = sig.points;
        const kn = top.length;
        const mp = sig.missingPoints;
        // Stryker disable next-line EqualityOperator: equivalent for <=, the extra row len is the next chunk's first row (which that chunk writes again), the next slot's first row of a scratch column (filled again before it is read) or past the end of a typed array (where a write does nothing)
        for (let j = 0; j < len; j++) {
            const v = x[c0 + j];
            let p;
            if (Number.isNaN(v))
                p = mp;
            else {
                let k = 0;
                // Stryker disable next-line ConditionalExpression,EqualityOperator: equivalent for true and <=, top[kn] is past the end of the typed array (undefined), and no value is above undefined
                while (k < kn) {
                    if (!(v > top[k]))
                        break;
                    k++;
                }
                p = bp[k];
            }
            pts[o + j] = p;
        }
        ruled.fill(0, 0, len);
        for (let r = sig.rules.length - 1; r >= 0; r--) {
            const rule = sig.rules[r];
            evalCondition(rule.node, c0, len, null, mask);
            // Stryker disable next-line EqualityOperator: equivalent for <=, the extra row len is the next chunk's first row (which that chunk writes again), the next slot's first row of a scratch column (filled again before it is read) or past the end of a typed array (where a write does nothing)
            for (let j = 0; j < len; j++)
                if (mask[j] === 1) {
                    pts[o + j] = rule.points;
                    ruled[j] = 1;
                }
        }
        const w = effW[s];
        // Stryker disable next-line EqualityOperator: equivalent for <=, the extra row len is the next chunk's first row (which that chunk writes again), the next slot's first row of a scratch column (filled again before it is read) or past the end of a typed array (where a write does nothing)
        for (let j = 0; j < len; j++)
            if (ruled[j] === 1 || !Number.isNaN(x[c0 + j]))
                covered[j] += multi ? effW[weightSet[j] * S + s] : w;
    }
    // Stryker disable next-line EqualityOperator: equivalent for <=, the extra row len is the next chunk's first row (which that chunk writes again), the next slot's first row of a scratch column (filled again before it is read) or past the end of a typed array (where a write does nothing)
    for (let j = 0; j < len; j++) {
        const et = effTotal[multi ? weightSet[j] : 0];
        // Stryker disable next-line ConditionalExpression,EqualityOperator: equivalent for true and >=, a validated card's weights sum to 1 at each level, so et is 1 up to rounding
        out.coverage[c0 + j] = et > 0 ? covered[j] / et : 0;
    }
}
/** Which of the coverage columns are missing, per row. */
function missingStage(cc, c0, len, out) {
    const M = cc.checked.length;
    for (let m = 0; m < M; m++) {
        const { num, text } = cc.checked[m];
        // Stryker disable next-line EqualityOperator: equivalent for <=, the extra row len is the next chunk's first row (which that chunk writes again), the next slot's first row of a scratch column (filled again before it is read) or past the end of a typed array (where a write does nothing)
        for (let j = 0; j < len; j++) {
            const i = c0 + j;
            out.missing[i * M + m] = (num ? Number.isNaN(num[i]) : text[i] === null) ? 1 : 0;
        }
    }
}
/** Stage 2: layer scores over present signals, and the composite over present layers. */
function layerScoresStage(cc, sc, c0, len, out) {
    const { layerEnd, noData } = cc;
    const { multi, sigW, layW } = cc.weights;
    const { chunk, pts, present, sum, total, totalWeight, base, score, setDone, weightSet } = sc;
    const S = cc.signals.length;
    const L = cc.layers;
    total.fill(0, 0, len);
    totalWeight.fill(0, 0, len);
    let s = 0;
    for (let l = 0; l < L; l++) {
        sum.fill(0, 0, len);
        const po = l * chunk;
        present.fill(0, po, po + len);
        for (; s < layerEnd[l]; s++) {
            const w0 = sigW[s];
            const o = s * chunk;
            // Stryker disable next-line EqualityOperator: equivalent for <=, the extra row len is the next chunk's first row (which that chunk writes again), the next slot's first row of a scratch column (filled again before it is read) or past the end of a typed array (where a write does nothing)
            for (let j = 0; j < len; j++) {
                const p = pts[o + j];
                if (!Number.isNaN(p)) {
                    const w = multi ? sigW[weightSet[j] * S + s] : w0;
                    sum[j] += w * p;
                    present[po + j] += w;
                }
            }
        }
        const lw0 = layW[l];
        const layerOut = out.layers[l];
        // Stryker disable next-line EqualityOperator: equivalent for <=, the extra row len is the next chunk's first row (which that chunk writes again), the next slot's first row of a scratch column (filled again before it is read) or past the end of a typed array (where a write does nothing)
        for (let j = 0; j < len; j++) {
            const weight = present[po + j];
            // Stryker disable next-line ConditionalExpression,EqualityOperator: equivalent for true and >=, a present weight of 0 has a sum of 0, and 0 / 0 is NaN
            const ls = weight > 0 ? sum[j] / weight : NaN;
            layerOut[c0 + j] = ls;
            if (!Number.isNaN(ls)) {
                const lw = multi ? layW[weightSet[j] * L + l] : lw0;
                total[j] += lw * ls;
                totalWeight[j] += lw;
            }
        }
    }
    // Stryker disable next-line EqualityOperator: equivalent for <=, the extra row len is the next chunk's first row (which that chunk writes again), the next slot's first row of a scratch column (filled again before it is read) or past the end of a typed array (where a write does nothing)
    for (let j = 0; j < len; j++) {
        let b = noData;
        if (totalWeight[j] > 0) {
            b = total[j] / totalWeight[j];
            // Stryker disable next-line ConditionalExpression,EqualityOperator: equivalent for false and <=, points are 0..100 and weights >= 0, so the mean is never below 0
            if (b < 0)
                b = 0;
            // Stryker disable next-line EqualityOperator: equivalent for >=, 100 is set to 100
            if (b > 100)
                b = 100;
        }
        base[j] = b;
        score[j] = b;
        setDone[j] = 0;
        out.escalate[c0 + j] = 0;
    }
}
/** Stage 3: overrides: the first set that holds, then every cap, then flags on the result. */
function overridesStage(cc, sc, c0, len, out) {
    const { overrides } = cc;
    const { base, score, afterSet, setDone, mask } = sc;
    const K = overrides.length;
    for (let k = 0; k < K; k++) {
        const ov = overrides[k];
        if (ov.stage !== 0)
            continue;
        evalCondition(ov.node, c0, len, base, mask);
        // Stryker disable next-line EqualityOperator: equivalent for <=, row len's fired slot is the next chunk's first row (written again there) or past the end of the outputs, and its score and setDone slots are never read for this chunk's rows
        for (let j = 0; j < len; j++) {
            out.fired[(c0 + j) * K + k] = mask[j];
            if (mask[j] === 1 && setDone[j] === 0) {
                score[j] = ov.value;
                setDone[j] = 1;
            }
        }
    }
    afterSet.set(score.subarray(0, len));
    for (let k = 0; k < K; k++) {
        const ov = overrides[k];
        if (ov.stage !== 1)
            continue;
        evalCondition(ov.node, c0, len, afterSet, mask);
        // Stryker disable next-line EqualityOperator: equivalent for <=, row len's fired slot is the next chunk's first row (written again there) or past the end of the outputs, and its score slot is never read for this chunk's rows
        for (let j = 0; j < len; j++) {
            out.fired[(c0 + j) * K + k] = mask[j];
            // Stryker disable next-line EqualityOperator: equivalent for <=, a cap equal to the score replaces it by the same number
            if (mask[j] === 1 && ov.value < score[j])
                score[j] = ov.value;
        }
    }
    for (let k = 0; k < K; k++) {
        const ov = overrides[k];
        if (ov.stage !== 2)
            continue;
        evalCondition(ov.node, c0, len, score, mask);
        // Stryker disable next-line EqualityOperator: equivalent for <=, row len is the next chunk's first row, where mask[len] is past the end of the mask (never 1) and its fired slot is written again, or past the end of the outputs
        for (let j = 0; j < len; j++) {
            out.fired[(c0 + j) * K + k] = mask[j];
            if (mask[j] === 1 && ov.escalate)
                out.escalate[c0 + j] = 1;
        }
    }
}
/** Stage 4: weighted points lost per signal, up to a factor common to the row (see score.ts). */
function pointsLostStage(cc, sc, len) {
    const { signals } = cc;
    const { multi, sigW, layW } = cc.weights;
    const { chunk, present, pts, layerFactor, lost, weightSet } = sc;
    const S = signals.length;
    const L = cc.layers;
    // Stryker disable next-line EqualityOperator: equivalent for <=, layer L's slot is past the end of layerFactor (the write does nothing)
    for (let l = 0; l < L; l++) {
        const po = l * chunk;
        const lw0 = layW[l];
        // Stryker disable next-line EqualityOperator: equivalent for <=, the extra row len is the next chunk's first row (which that chunk writes again), the next slot's first row of a scratch column (filled again before it is read) or past the end of a typed array (where a write does nothing)
        for (let j = 0; j < len; j++)
            layerFactor[po + j] = (multi ? layW[weightSet[j] * L + l] : lw0) / present[po + j];
    }
    for (let t = 0; t < S; t++) {
        const o = t * chunk;
        const fo = signals[t].layer * chunk;
        const w0 = sigW[t];
        // Stryker disable next-line EqualityOperator: equivalent for <=, the extra row len is the next chunk's first row (which that chunk writes again), the next slot's first row of a scratch column (filled again before it is read) or past the end of a typed array (where a write does nothing)
        for (let j = 0; j < len; j++)
            lost[o + j] = layerFactor[fo + j] * (multi ? sigW[weightSet[j] * S + t] : w0) * (100 - pts[o + j]);
    }
}
/** The isotonic map at a score: linear between knots, flat beyond the ends. */
function probabilityAt(map, sc) {
    const { px, py, last, knotAt } = map;
    // Stryker disable next-line EqualityOperator: equivalent for <, a score on the first knot then starts the walk at knot 0 (knots increase strictly, validated) and gets py[0] + 0
    if (sc <= px[0])
        return py[0];
    if (sc >= px[last])
        return py[last];
    // the last knot at or below the score: start from its whole-number bucket
    let lo = knotAt[sc | 0];
    while (sc >= px[lo + 1])
        lo++;
    const x0 = px[lo];
    return py[lo] + ((sc - x0) * (py[lo + 1] - py[lo])) / (px[lo + 1] - x0);
}
/**
 * The three signals losing the most weighted points on row j of the chunk, into reasons[r0..r0+3);
 * strict comparisons keep ties in scorecard order, and `lost > 0` leaves out the signals that lose
 * nothing (and missing ones: NaN).
 */
function topReasons(lost, signals, chunk, j, reasons, r0) {
    let a = -1;
    let b = -1;
    let c = -1;
    let la = 0;
    let lb = 0;
    let lc = 0;
    // Stryker disable next-line EqualityOperator: equivalent for <=, signal t = signals reads past the end of lost (undefined), which is not > lc
    for (let t = 0; t < signals; t++) {
        const v = lost[t * chunk + j];
        if (!(v > lc))
            continue;
        if (v > la) {
            c = b;
            lc = lb;
            b = a;
            lb = la;
            a = t;
            la = v;
        }
        else if (v > lb) {
            c = b;
            lc = lb;
            b = t;
            lb = v;
        }
        else {
            c = t;
            lc = v;
        }
    }
    reasons[r0] = a;
    reasons[r0 + 1] = b;
    reasons[r0 + 2] = c;
}
/** Stage 5: score, band, probability and reasons, row by row. */
function rowResultsStage(cc, sc, c0, len, out) {
    const { segIndex, green, yellow, known, segment } = cc.bands;
    const prob = cc.probability;
    const { chunk, score, base, lost } = sc;
    const S = cc.signals.length;
    let lastSegment;
    let lastIndex = 0;
    let lastUnknown = 0;
    // Stryker disable next-line EqualityOperator: equivalent for <=, row len is the next chunk's first row (whose every output that chunk writes again; the segment cache is this call's) or past the end of the outputs
    for (let j = 0; j < len; j++) {
        const i = c0 + j;
        const s = score[j];
        out.score[i] = s;
        out.base[i] = base[j];
        let seg = 0;
        if (segment !== null) {
            // the views hold null for a missing segment, never undefined
            const name = segment[i] ?? null;
            // Stryker disable next-line ConditionalExpression: equivalent for true, the same segment gives the same index and flag again
            if (name !== lastSegment) {
                lastSegment = name;
                // Stryker disable next-line ConditionalExpression: equivalent for false, the Map has no null key: get gives undefined, and ?? 0 gives 0 anyway
                lastIndex = name === null ? 0 : (segIndex.get(name) ?? 0);
                lastUnknown = known !== null && name !== null && !known.has(name) ? 1 : 0;
            }
            seg = lastIndex;
        }
        out.unknownSegment[i] = lastUnknown;
        out.band[i] = s >= green[seg] ? 2 : s >= yellow[seg] ? 1 : 0;
        out.probability[i] = prob ? probabilityAt(prob, s) : NaN;
        topReasons(lost, S, chunk, j, out.reasons, i * MAX_REASONS);
    }
}
/** Binds the card to column views; the returned function scores rows [from, to) into `out`. */
function bindKernel(card, views, chunk) {
    const cc = compileCard(card, views, chunk);
    const sc = allocateScratch(cc.signals.length, card.layers.length, chunk);
    return (from, to, out) => {
        // Stryker disable next-line EqualityOperator: equivalent for <=, the extra pass (when to - from is a multiple of the chunk) has len 0 and writes nothing
        for (let c0 = from; c0 < to; c0 += chunk) {
            // Stryker disable next-line ArithmeticOperator,MethodExpression: equivalent but for time (Math.max, to + c0): a pass longer than the chunk spills each scratch slot into the next, which its own signal or layer writes afterwards, and rows past the chunk (or past the table's end) are written again by the next pass (or fall past the end of the outputs); each row's outputs come last from the pass that holds it within the chunk
            const len = Math.min(chunk, to - c0);
            weightSetStage(cc, sc, c0, len);
            signalPointsStage(cc, sc, c0, len, out);
            missingStage(cc, c0, len, out);
            layerScoresStage(cc, sc, c0, len, out);
            overridesStage(cc, sc, c0, len, out);
            pointsLostStage(cc, sc, len);
            rowResultsStage(cc, sc, c0, len, out);
        }
    };
}
export function signalNames(card) {
    return card.layers.flatMap((l) => l.signals.map((s) => s.feature));
}
/** An earlier result's arrays, when they fit this card and this many rows. */
function reusable(card, n, into) {
    if (!into || into.n !== n || into.overrides.length !== card.overrides.length)
        return null;
    const layers = card.layers.map((l) => into.layers[l.name]);
    if (layers.some((l) => l === undefined))
        return null;
    const { score, base_score: base, band, probability, fired, escalate, reasons, coverage, missing } = into;
    if (missing.length !== n * coverageColumns(card).length)
        return null;
    return {
        score,
        base,
        band,
        probability,
        layers: layers,
        fired,
        escalate,
        reasons,
        coverage,
        missing,
        unknownSegment: into.unknown_segment,
    };
}
/**
 * Scores every row of a column table; the card's columns are read once. Pass an earlier result
 * for the same card and row count as `into` to score into its arrays (a stream of equal-sized
 * batches then allocates nothing); it is overwritten.
 */
export function scoreColumns(card, table, into) {
    const out = reusable(card, table.n, into) ?? allocate(card, table.n);
    bindKernel(card, tableViews(table), CHUNK)(0, table.n, out);
    const layers = {};
    card.layers.forEach((l, k) => (layers[l.name] = out.layers[k]));
    return {
        n: table.n,
        score: out.score,
        base_score: out.base,
        band: out.band,
        probability: out.probability,
        layers,
        fired: out.fired,
        escalate: out.escalate,
        reasons: out.reasons,
        signals: signalNames(card),
        overrides: card.overrides.map((o) => o.id),
        coverage: out.coverage,
        missing: out.missing,
        checked: coverageColumns(card),
        unknown_segment: out.unknownSegment,
    };
}
/** A scorer for one account at a time with everything but the result object allocated up front. */
export function compileScorer(card) {
    const views = scratchViews();
    const run = bindKernel(card, views, 1);
    const out = allocate(card, 1);
    const names = signalNames(card);
    const K = card.overrides.length;
    const checked = coverageColumns(card);
    return (signals) => {
        views.fill(signals);
        run(0, 1, out);
        const layers = {};
        card.layers.forEach((l, k) => {
            const v = out.layers[k][0];
            layers[l.name] = !Number.isNaN(v) ? v : null;
        });
        const overrides = [];
        const flags = [];
        // Stryker disable next-line EqualityOperator: equivalent for <=, fired[K] is past the end of the one-row output (undefined, not 1)
        for (let k = 0; k < K; k++) {
            if (out.fired[k] !== 1)
                continue;
            const o = card.overrides[k];
            overrides.push(o.id);
            if (o.action === 'flag')
                flags.push(o.flag);
        }
        const reasons = [];
        // Stryker disable next-line EqualityOperator: equivalent for <=, reasons[MAX_REASONS] is past the end of the one-row output (undefined, not >= 0)
        for (let r = 0; r < MAX_REASONS; r++)
            if (out.reasons[r] >= 0)
                reasons.push(names[out.reasons[r]]);
        const p = out.probability[0];
        return {
            score: out.score[0],
            band: BANDS[out.band[0]],
            probability: !Number.isNaN(p) ? p : null,
            layers,
            overrides,
            reasons,
            escalate: out.escalate[0] === 1,
            flags,
            base_score: out.base[0],
            coverage: out.coverage[0],
            status: statusOf(card, out.coverage[0]),
            missing: checked.filter((_, m) => out.missing[m] === 1),
            warnings: out.unknownSegment[0] === 1 ? [unknownSegmentWarning(card, toText(signals['segment']))] : [],
        };
    };
}
/**
 * Where a condition holds over a table (1) or not (0). `score` feeds score comparisons; without
 * it they never hold.
 */
export function conditionColumn(condition, table, score) {
    const node = compileCondition(condition, tableViews(table), CHUNK);
    const out = new Uint8Array(table.n);
    const mask = new Uint8Array(CHUNK);
    const chunkScore = new Float64Array(CHUNK).fill(NaN);
    // Stryker disable next-line EqualityOperator: equivalent for <=, the extra pass (when n is a multiple of CHUNK) has len 0 and sets nothing
    for (let c0 = 0; c0 < table.n; c0 += CHUNK) {
        const len = Math.min(CHUNK, table.n - c0);
        if (score)
            chunkScore.set(score.subarray(c0, c0 + len));
        evalCondition(node, c0, len, chunkScore, mask);
        out.set(mask.subarray(0, len), c0);
    }
    return out;
}
//# sourceMappingURL=compile.js.map