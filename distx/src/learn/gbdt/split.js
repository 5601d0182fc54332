/**
 * Best split of a node from its histograms, as XGBoost scores it: the gain of a split is
 * G_L^2/(H_L+lambda) + G_R^2/(H_R+lambda) - G^2/(H+lambda), both ways of sending the missing
 * values are tried, and children must keep a hessian sum of at least min_child_weight.
 *
 * Monotone constraints follow XGBoost/LightGBM's bounds propagation: every node carries an
 * interval [lower, upper] its output must stay in; child outputs are clamped into it, gains are
 * computed for the clamped outputs, a split on a constrained feature is allowed only when the
 * children's outputs are ordered the promised way, and it then hands the midpoint of the two
 * outputs down as the bound between the left and right subtrees (childBounds). Every leaf left
 * of such a split is <= every leaf right of it, so sweeping the feature up never lowers (+1) or
 * never raises (-1) the tree's output.
 */
import { HIST_DOUBLES_PER_FEATURE } from './workspace.js';
/** XGBoost's kRtEps: a split must improve the loss by more than this. */
const MIN_GAIN = 1e-6;
/** The output of a node with gradient sum G and hessian sum H, clamped to its bounds. */
export function leafWeight(G, H, lambda, lower = -Infinity, upper = Infinity) {
    const w = -G / (H + lambda);
    // Stryker disable next-line EqualityOperator: equivalent, at w = lower or w = upper both branches return w
    return w < lower ? lower : w > upper ? upper : w;
}
/** The loss reduction of giving weight w to a node (XGBoost's CalcGainGivenWeight). */
function gainGivenWeight(G, H, lambda, w) {
    return -(2 * G * w + (H + lambda) * w * w);
}
/** The bounds of the two children of a split node (XGBoost's TreeEvaluator::AddSplit). */
export function childBounds(parent, split, constraint) {
    const left = [parent.lower, parent.upper];
    const right = [parent.lower, parent.upper];
    if (constraint !== 0) {
        const mid = (split.wLeft + split.wRight) / 2;
        // Stryker disable next-line EqualityOperator: equivalent, constraint 0 does not reach this line
        if (constraint > 0) {
            left[1] = mid;
            right[0] = mid;
        }
        else {
            left[0] = mid;
            right[1] = mid;
        }
    }
    return { left, right };
}
/**
 * The best split of a node over `features`, or null when none clears min_split_gain. Ties go
 * to the lower feature index, then the lower bin, then missing-right: the result does not
 * depend on anything but the histograms.
 */
export function findBestSplit(hist, slotOffset, node, features, binCounts, p) {
    const { lambda, minChildWeight: mcw } = p;
    const { G, H } = node;
    // A shortcut: no split can leave min_child_weight on both sides (each candidate checks it).
    // Stryker disable next-line ConditionalExpression: equivalent, the checks below refuse every candidate
    if (H < 2 * mcw)
        return null;
    const constrained = p.monotone !== null;
    const parentGain = constrained
        ? gainGivenWeight(G, H, lambda, leafWeight(G, H, lambda, node.lower, node.upper))
        : (G * G) / (H + lambda);
    let bestGain = Math.max(p.minSplitGain, MIN_GAIN);
    let best = null;
    let bestF = -1, bestBin = 0, 
    // Stryker disable next-line BooleanLiteral: equivalent, set with bestF before it is read
    bestDL = false, bGL = 0, bHL = 0;
    // A side whose hessian sum is rounding noise of H is empty (sums come from subtracted histograms).
    const eps = H * 1e-10;
    // Stryker disable next-line EqualityOperator: equivalent, k = length reads no bins (binCounts[undefined] < 1 is false, the bin loop then runs 0 times)
    for (let k = 0; k < features.length; k++) {
        const f = features[k];
        const nb = binCounts[f];
        // Stryker disable next-line ConditionalExpression: equivalent, with no bins the loop below does not run (nb <= 1 is killed by the one-bin test)
        if (nb < 1)
            continue;
        const base = slotOffset + f * HIST_DOUBLES_PER_FEATURE;
        const gm = hist[base];
        const hm = hist[base + 1];
        const hasMissing = hm > 0;
        const c = constrained ? p.monotone[f] : 0;
        let accG = 0;
        let accH = 0;
        for (let s = 1; s <= nb; s++) {
            const g = hist[base + 2 * s];
            const h = hist[base + 2 * s + 1];
            accG += g;
            accH += h;
            // Right sides only shrink from here on. (The second test is a shortcut: both candidates
            // below refuse a right side of hessian <= eps themselves.)
            if (H - accH < mcw ||
                // Stryker disable next-line ConditionalExpression,EqualityOperator,ArithmeticOperator: equivalent, the candidates below check HR > eps
                H - accH <= eps)
                break;
            // An empty bin gives the same split as the one before (kept: ties keep the first); an empty
            // first bin is skipped too, so missing values alone never go left.
            if (h === 0 &&
                g === 0 &&
                // Stryker disable next-line ConditionalExpression,EqualityOperator: equivalent for true and <=, an empty last bin gives the split of the bin before it, which the tie keeps (>= is killed by the empty-first-bin test)
                s < nb)
                continue;
            // Stryker disable next-line ConditionalExpression: equivalent, for the last bin the right side is empty but for missing values, and both candidates check HR > eps
            const last = s === nb;
            // Missing values to the right (for the last bin: all values left, missing right).
            // Stryker disable next-line ConditionalExpression: equivalent, the last bin without missing values leaves HR = 0, refused below
            if (!last || hasMissing) {
                const GL = accG, HL = accH, GR = G - accG, HR = H - accH;
                if (HL >= mcw &&
                    HL > eps &&
                    // Stryker disable next-line ConditionalExpression,EqualityOperator: equivalent, the loop breaks before any bin that leaves H - accH <= eps
                    HR > eps) {
                    const gain = constrained
                        ? constrainedGain(GL, HL, GR, HR, node, c, lambda) - parentGain
                        : (GL * GL) / (HL + lambda) + (GR * GR) / (HR + lambda) - parentGain;
                    if (gain > bestGain) {
                        bestGain = gain;
                        bestF = f;
                        bestBin = s;
                        bestDL = false;
                        bGL = GL;
                        bHL = HL;
                    }
                }
            }
            // Missing values to the left.
            if (hasMissing && !last) {
                const GL = accG + gm, HL = accH + hm, GR = G - GL, HR = H - HL;
                if (HL >= mcw && HR >= mcw && HR > eps) {
                    const gain = constrained
                        ? constrainedGain(GL, HL, GR, HR, node, c, lambda) - parentGain
                        : (GL * GL) / (HL + lambda) + (GR * GR) / (HR + lambda) - parentGain;
                    if (gain > bestGain) {
                        bestGain = gain;
                        bestF = f;
                        bestBin = s;
                        bestDL = true;
                        bGL = GL;
                        bHL = HL;
                    }
                }
            }
        }
    }
    if (bestF < 0)
        return best;
    const GR = G - bGL;
    const HR = H - bHL;
    let defaultLeft = bestDL;
    // No missing values reached this node: unseen missing values later follow the bigger child.
    if (hist[slotOffset + bestF * HIST_DOUBLES_PER_FEATURE + 1] === 0)
        defaultLeft = bHL >= HR;
    best = {
        feature: bestF,
        bin: bestBin,
        defaultLeft,
        gain: bestGain,
        GL: bGL,
        HL: bHL,
        GR,
        HR,
        wLeft: leafWeight(bGL, bHL, lambda, node.lower, node.upper),
        wRight: leafWeight(GR, HR, lambda, node.lower, node.upper),
    };
    return best;
}
function constrainedGain(GL, HL, GR, HR, node, c, lambda) {
    const wl = leafWeight(GL, HL, lambda, node.lower, node.upper);
    const wr = leafWeight(GR, HR, lambda, node.lower, node.upper);
    // Equal outputs are allowed but never gain: two leaves with one output w cost the parent's loss at
    // w plus lambda w^2, never less than the parent at its best output in the same bounds.
    // Stryker disable next-line EqualityOperator: equivalent, wl = wr never gains more than MIN_GAIN (above)
    if ((c > 0 && wl > wr) || (c < 0 && wl < wr))
        return -Infinity;
    return gainGivenWeight(GL, HL, lambda, wl) + gainGivenWeight(GR, HR, lambda, wr);
}
//# sourceMappingURL=split.js.map