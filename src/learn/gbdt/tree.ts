/**
 * A regression tree as flat arrays (node 0 is the root). A node with feature -1 is a leaf;
 * otherwise a row goes left when its value is <= threshold, right when above, and the
 * `defaultLeft` way when it is missing (NaN). `value` is the leaf output (learning rate
 * applied); on internal nodes it is the output the node would have had as a leaf. `cover` is
 * the hessian sum of the training rows that reached the node (what TreeSHAP weighs paths by)
 * and `gain` the loss reduction of the split.
 */
import type { TreeJSON } from './state.js';

export type { TreeJSON };

export class Tree {
  constructor(
    readonly feature: Int32Array,
    readonly threshold: Float64Array,
    readonly defaultLeft: Uint8Array,
    readonly left: Int32Array,
    readonly right: Int32Array,
    readonly value: Float64Array,
    readonly cover: Float64Array,
    readonly gain: Float64Array,
    /** Bin thresholds (split "bin <= splitBin"), known only for trees grown in this process. */
    readonly splitBin: Uint8Array | null = null,
  ) {}

  get size(): number {
    return this.feature.length;
  }

  /** Depth of the deepest leaf (a lone root has depth 0). */
  depth(): number {
    const d = new Int32Array(this.size);
    let max = 0;
    for (let i = 0; i < this.size; i++) {
      if (this.feature[i]! < 0) continue;
      d[this.left[i]!] = d[i]! + 1;
      d[this.right[i]!] = d[i]! + 1;
      max = Math.max(max, d[i]! + 1);
    }
    return max;
  }

  /** The leaf reached by the row at rowValues[offset..offset + features). */
  leafOfRow(rowValues: Float64Array, offset: number): number {
    const { feature, threshold, defaultLeft, left, right } = this;
    let node = 0;
    let f = feature[0]!;
    while (f >= 0) {
      const x = rowValues[offset + f]!;
      node = Number.isNaN(x)
        ? defaultLeft[node]
          ? left[node]!
          : right[node]!
        : x <= threshold[node]!
          ? left[node]!
          : right[node]!;
      f = feature[node]!;
    }
    return node;
  }

  /** The leaf a row of binned values (column-major codes, n rows) reaches. */
  leafOfBinned(codes: Uint8Array, n: number, row: number): number {
    const splitBin = this.splitBin!;
    const { feature, defaultLeft, left, right } = this;
    let node = 0;
    let f = feature[0]!;
    while (f >= 0) {
      const b = codes[f * n + row]!;
      node =
        b === 0 ? (defaultLeft[node] ? left[node]! : right[node]!) : b <= splitBin[node]! ? left[node]! : right[node]!;
      f = feature[node]!;
    }
    return node;
  }

  /** Adds this tree's output for every row of binned values (column-major codes) to `out`. */
  addBinned(codes: Uint8Array, n: number, out: Float64Array): void {
    const value = this.value;
    for (let i = 0; i < n; i++) out[i] = out[i]! + value[this.leafOfBinned(codes, n, i)]!;
  }

  toJSON(): TreeJSON {
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

  static fromJSON(t: TreeJSON, splitBin: Uint8Array | null = null): Tree {
    return new Tree(
      Int32Array.from(t.feature),
      Float64Array.from(t.threshold),
      Uint8Array.from(t.default_left),
      Int32Array.from(t.left),
      Int32Array.from(t.right),
      Float64Array.from(t.value),
      Float64Array.from(t.cover),
      Float64Array.from(t.gain),
      splitBin,
    );
  }
}

/** Node arrays that grow while a tree is built, frozen into a Tree at the end. */
export class TreeBuilder {
  feature: number[] = [];
  splitBin: number[] = [];
  threshold: number[] = [];
  defaultLeft: number[] = [];
  left: number[] = [];
  right: number[] = [];
  value: number[] = [];
  cover: number[] = [];
  gain: number[] = [];

  /** Adds a leaf and returns its id. */
  addLeaf(value: number, cover: number): number {
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
  split(
    node: number,
    feature: number,
    splitBin: number,
    threshold: number,
    defaultLeft: boolean,
    gain: number,
    left: number,
    right: number,
  ): void {
    this.feature[node] = feature;
    this.splitBin[node] = splitBin;
    this.threshold[node] = threshold;
    this.defaultLeft[node] = defaultLeft ? 1 : 0;
    this.gain[node] = gain;
    this.left[node] = left;
    this.right[node] = right;
  }

  build(): Tree {
    // Internal covers are the sums of their children's, so TreeSHAP's path fractions add to 1.
    const cover = [...this.cover];
    for (let i = this.feature.length - 1; i >= 0; i--) {
      if (this.feature[i]! >= 0) cover[i] = cover[this.left[i]!]! + cover[this.right[i]!]!;
    }
    const { feature, threshold, defaultLeft, left, right, value, gain } = this;
    return Tree.fromJSON(
      { feature, threshold, default_left: defaultLeft, left, right, value, cover, gain },
      Uint8Array.from(this.splitBin),
    );
  }
}
