/**
 * Row partitions as index ranges (LightGBM's DataPartition): the rows of every leaf are a
 * contiguous range of one index array, and splitting a leaf reorders its range in place, left
 * rows first. The partition is stable, so rows stay in ascending order within every node: the
 * histogram kernel then reads memory front to back, and sums come out in a fixed order.
 */
export class RowPartition {
  private readonly scratch: Uint32Array;
  private readonly table = new Uint8Array(256);

  constructor(readonly idx: Uint32Array, capacity: number) {
    this.scratch = new Uint32Array(capacity);
  }

  /**
   * Splits idx[begin..end) by `codes` (one feature's column-major bin codes, indexed by row):
   * bin 1..splitBin left, above right, bin 0 (missing) the default way. Returns where the
   * right part starts.
   */
  split(begin: number, end: number, codes: Uint8Array, splitBin: number, defaultLeft: boolean): number {
    const idx = this.idx;
    const scratch = this.scratch;
    // Which way each bin code goes, as 1/0: a table look-up and unconditional writes instead of
    // a branch per row, which the CPU mispredicts about half the time on a good split.
    const goesLeft = this.table;
    for (let b = 1; b < 256; b++) goesLeft[b] = b <= splitBin ? 1 : 0;
    goesLeft[0] = defaultLeft ? 1 : 0;
    let l = begin;
    let r = 0;
    for (let i = begin; i < end; i++) {
      const row = idx[i]!;
      const left = goesLeft[codes[row]!]!;
      idx[l] = row; // l <= i: never overwrites a row not yet read
      scratch[r] = row;
      l += left;
      r += 1 - left;
    }
    idx.set(scratch.subarray(0, r), l);
    return l;
  }
}
