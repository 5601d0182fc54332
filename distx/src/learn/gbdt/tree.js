export class Tree {
    feature;
    threshold;
    defaultLeft;
    left;
    right;
    value;
    cover;
    gain;
    splitBin;
    constructor(feature, threshold, defaultLeft, left, right, value, cover, gain, 
    /** Bin thresholds (split "bin <= splitBin"), known only for trees grown in this process. */
    splitBin = null) {
        this.feature = feature;
        this.threshold = threshold;
        this.defaultLeft = defaultLeft;
        this.left = left;
        this.right = right;
        this.value = value;
        this.cover = cover;
        this.gain = gain;
        this.splitBin = splitBin;
    }
    get size() {
        return this.feature.length;
    }
    /** Depth of the deepest leaf (a lone root has depth 0). */
    depth() {
        const d = new Int32Array(this.size);
        let max = 0;
        for (let i = 0; i < this.size; i++) {
            if (this.feature[i] < 0)
                continue;
            d[this.left[i]] = d[i] + 1;
            d[this.right[i]] = d[i] + 1;
            max = Math.max(max, d[i] + 1);
        }
        return max;
    }
    /** The leaf reached by the row at rowValues[offset..offset + features). */
    leafOfRow(rowValues, offset) {
        const { feature, threshold, defaultLeft, left, right } = this;
        let node = 0;
        let f = feature[0];
        while (f >= 0) {
            const x = rowValues[offset + f];
            node = Number.isNaN(x)
                ? defaultLeft[node]
                    ? left[node]
                    : right[node]
                : x <= threshold[node]
                    ? left[node]
                    : right[node];
            f = feature[node];
        }
        return node;
    }
    /** The leaf a row of binned values (column-major codes, n rows) reaches. */
    leafOfBinned(codes, n, row) {
        const splitBin = this.splitBin;
        const { feature, defaultLeft, left, right } = this;
        let node = 0;
        let f = feature[0];
        while (f >= 0) {
            const b = codes[f * n + row];
            node =
                b === 0 ? (defaultLeft[node] ? left[node] : right[node]) : b <= splitBin[node] ? left[node] : right[node];
            f = feature[node];
        }
        return node;
    }
    /** Adds this tree's output for every row of binned values (column-major codes) to `out`. */
    addBinned(codes, n, out) {
        const value = this.value;
        for (let i = 0; i < n; i++)
            out[i] = out[i] + value[this.leafOfBinned(codes, n, i)];
    }
    toJSON() {
        return {
            feature: Array.from(this.feature),
            threshold: Array.from(this.threshold),
            default_left: Array.from(this.defaultLeft),
            left: Array.from(this.left),
            right: Array.from(this.right),
            value: Array.from(this.value),
            cover: Array.from(this.cover),
            gain: Array.from(this.gain),
        };
    }
    static fromJSON(t, splitBin = null) {
        return new Tree(Int32Array.from(t.feature), Float64Array.from(t.threshold), Uint8Array.from(t.default_left), Int32Array.from(t.left), Int32Array.from(t.right), Float64Array.from(t.value), Float64Array.from(t.cover), Float64Array.from(t.gain), splitBin);
    }
}
/** Node arrays that grow while a tree is built, frozen into a Tree at the end. */
export class TreeBuilder {
    feature = [];
    splitBin = [];
    threshold = [];
    defaultLeft = [];
    left = [];
    right = [];
    value = [];
    cover = [];
    gain = [];
    /** Adds a leaf and returns its id. */
    addLeaf(value, cover) {
        this.feature.push(-1);
        this.splitBin.push(0);
        this.threshold.push(0);
        this.defaultLeft.push(0);
        this.left.push(-1);
        this.right.push(-1);
        // +0 turns -0 into 0, so the JSON form (which has no -0) round-trips to the same bits.
        this.value.push(value + 0);
        this.cover.push(cover);
        this.gain.push(0);
        return this.feature.length - 1;
    }
    /** Turns leaf `node` into a split with the given children. */
    split(node, feature, splitBin, threshold, defaultLeft, gain, left, right) {
        this.feature[node] = feature;
        this.splitBin[node] = splitBin;
        this.threshold[node] = threshold;
        this.defaultLeft[node] = defaultLeft ? 1 : 0;
        this.gain[node] = gain;
        this.left[node] = left;
        this.right[node] = right;
    }
    build() {
        // Internal covers are the sums of their children's, so TreeSHAP's path fractions add to 1.
        const cover = [...this.cover];
        for (let i = this.feature.length - 1; i >= 0; i--) {
            if (this.feature[i] >= 0)
                cover[i] = cover[this.left[i]] + cover[this.right[i]];
        }
        const { feature, threshold, defaultLeft, left, right, value, gain } = this;
        return Tree.fromJSON({ feature, threshold, default_left: defaultLeft, left, right, value, cover, gain }, Uint8Array.from(this.splitBin));
    }
}
//# sourceMappingURL=tree.js.map