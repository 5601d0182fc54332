/** One tree's expected output under its covers: what its contributions are measured from. */
export function expectedValue(tree) {
    const e = new Float64Array(tree.size);
    for (let i = tree.size - 1; i >= 0; i--) {
        if (tree.feature[i] < 0)
            e[i] = tree.value[i];
        else {
            const l = tree.left[i], r = tree.right[i];
            e[i] = (tree.cover[l] * e[l] + tree.cover[r] * e[r]) / tree.cover[i];
        }
    }
    return e[0];
}
/**
 * The unique-path state of the recursion, stored level by level in flat arrays: level d holds
 * d + 1 elements starting at offset d(d+1)/2, so a child copies its parent's path without
 * allocating.
 */
export class TreeShapExplainer {
    feat;
    zero;
    one;
    pw;
    tree;
    columns;
    row = 0;
    phi;
    /** 1/k for path lengths k: the recursion's divisions by small integers become multiplications. */
    inv;
    constructor(maxDepth) {
        const levels = maxDepth + 2;
        const size = (levels * (levels + 1)) / 2;
        this.feat = new Int32Array(size);
        this.zero = new Float64Array(size);
        this.one = new Float64Array(size);
        this.pw = new Float64Array(size);
        this.inv = Float64Array.from({ length: levels + 2 }, (_, k) => (k === 0 ? 0 : 1 / k));
    }
    /** Adds the tree's contributions for `row` of `columns` into phi[feature]. */
    explainRow(tree, columns, row, phi) {
        this.tree = tree;
        this.columns = columns;
        this.row = row;
        this.phi = phi;
        this.recurse(0, 0, 0, 1, 1, -1);
    }
    recurse(node, parentOffset, depth, zeroFraction, oneFraction, featureIndex) {
        const t = this.tree;
        const { feat, zero, one, pw } = this;
        // This node's copy of the path sits right after the parent's.
        const offset = parentOffset + depth;
        // (A loop: copyWithin's call overhead dominated for these few elements.)
        for (let k = 0; k < depth; k++) {
            feat[offset + k] = feat[parentOffset + k];
            zero[offset + k] = zero[parentOffset + k];
            one[offset + k] = one[parentOffset + k];
            pw[offset + k] = pw[parentOffset + k];
        }
        this.extend(offset, depth, zeroFraction, oneFraction, featureIndex);
        const split = t.feature[node];
        if (split < 0) {
            const leafValue = t.value[node];
            for (let i = 1; i <= depth; i++) {
                const w = this.unwoundSum(offset, depth, i);
                this.phi[feat[offset + i]] += w * (one[offset + i] - zero[offset + i]) * leafValue;
            }
            return;
        }
        const x = this.columns[split][this.row];
        const goesLeft = Number.isNaN(x) ? t.defaultLeft[node] === 1 : x <= t.threshold[node];
        const hot = goesLeft ? t.left[node] : t.right[node];
        const cold = goesLeft ? t.right[node] : t.left[node];
        const w = t.cover[node];
        const hotZero = t.cover[hot] / w;
        const coldZero = t.cover[cold] / w;
        let incomingZero = 1;
        let incomingOne = 1;
        let d = depth;
        // A feature already on the path: undo its earlier split so it counts once.
        let k = 0;
        for (; k <= d; k++)
            if (feat[offset + k] === split)
                break;
        if (k <= d) {
            incomingZero = zero[offset + k];
            incomingOne = one[offset + k];
            this.unwind(offset, d, k);
            d--;
        }
        this.recurse(hot, offset, d + 1, hotZero * incomingZero, incomingOne, split);
        this.recurse(cold, offset, d + 1, coldZero * incomingZero, 0, split);
    }
    extend(o, d, zeroFraction, oneFraction, featureIndex) {
        const { feat, zero, one, pw } = this;
        const invD1 = this.inv[d + 1];
        feat[o + d] = featureIndex;
        zero[o + d] = zeroFraction;
        one[o + d] = oneFraction;
        pw[o + d] = d === 0 ? 1 : 0;
        for (let i = d - 1; i >= 0; i--) {
            pw[o + i + 1] += oneFraction * pw[o + i] * (i + 1) * invD1;
            pw[o + i] = zeroFraction * pw[o + i] * (d - i) * invD1;
        }
    }
    unwind(o, d, k) {
        const { feat, zero, one, pw } = this;
        const oneFraction = one[o + k];
        const zeroFraction = zero[o + k];
        let next = pw[o + d];
        if (oneFraction !== 0) {
            const invOne = 1 / oneFraction;
            const invD1 = this.inv[d + 1];
            for (let i = d - 1; i >= 0; i--) {
                const tmp = pw[o + i];
                pw[o + i] = next * (d + 1) * this.inv[i + 1] * invOne;
                next = tmp - pw[o + i] * zeroFraction * (d - i) * invD1;
            }
        }
        else {
            const invZero = 1 / zeroFraction;
            for (let i = d - 1; i >= 0; i--)
                pw[o + i] = pw[o + i] * (d + 1) * invZero * this.inv[d - i];
        }
        for (let i = k; i < d; i++) {
            feat[o + i] = feat[o + i + 1];
            zero[o + i] = zero[o + i + 1];
            one[o + i] = one[o + i + 1];
        }
    }
    /** The path weight the leaf gets with element k's feature left out of the path. */
    unwoundSum(o, d, k) {
        const { zero, one, pw } = this;
        const oneFraction = one[o + k];
        const zeroFraction = zero[o + k];
        let total = 0;
        if (oneFraction !== 0) {
            let next = pw[o + d];
            const scale = (d + 1) / oneFraction;
            const zeroScale = zeroFraction * this.inv[d + 1];
            for (let i = d - 1; i >= 0; i--) {
                const tmp = next * scale * this.inv[i + 1];
                total += tmp;
                next = pw[o + i] - tmp * zeroScale * (d - i);
            }
        }
        else {
            const scale = (d + 1) / zeroFraction;
            for (let i = d - 1; i >= 0; i--)
                total += pw[o + i] * scale * this.inv[d - i];
        }
        return total;
    }
}
//# sourceMappingURL=treeshap.js.map