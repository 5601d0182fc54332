import { createHash } from 'node:crypto';
import type { Frame } from '../data/index.js';
import { consecutiveFrom } from './split.js';

/**
 * SHA-256 of the named columns of the given rows, as read: name, kind and values, each value
 * length-delimited (numbers as IEEE-754 bytes), so equal data gives an equal hash on any
 * machine and a changed cell, column or row order gives another.
 */
export function dataFingerprint(frame: Frame, names: readonly string[], rows: ArrayLike<number>): string {
  const h = createHash('sha256');
  h.update(`churnkit-data-v1\n${rows.length}\n`);
  const buf = Buffer.alloc(8);
  const from = consecutiveFrom(rows);
  for (const name of names) {
    const col = frame.columns[name];
    h.update(`${JSON.stringify(name)}:${frame.kinds[name] ?? 'absent'}\n`);
    if (col === undefined) continue;
    if (col instanceof Float64Array && from >= 0) {
      // Consecutive rows: the column's own bytes, the same as a copy of them.
      h.update(new Uint8Array(col.buffer, col.byteOffset + from * 8, rows.length * 8));
    } else if (col instanceof Float64Array) {
      const out = new Float64Array(rows.length);
      for (let k = 0; k < rows.length; k++) out[k] = col[rows[k]!]!;
      h.update(new Uint8Array(out.buffer));
    } else {
      for (let k = 0; k < rows.length; k++) {
        const v = col[rows[k]!];
        if (v === null || v === undefined) h.update('\u0000N');
        else {
          const bytes = Buffer.from(v, 'utf8');
          buf.writeUInt32LE(bytes.length, 0);
          h.update(buf.subarray(0, 4));
          h.update(bytes);
        }
      }
    }
  }
  return h.digest('hex');
}
