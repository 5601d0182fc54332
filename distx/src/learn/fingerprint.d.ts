import type { Frame } from '../data/index.js';
/**
 * SHA-256 of the named columns of the given rows, as read: name, kind and values, each value
 * length-delimited (numbers as IEEE-754 bytes), so equal data gives an equal hash on any
 * machine and a changed cell, column or row order gives another.
 */
export declare function dataFingerprint(frame: Frame, names: readonly string[], rows: ArrayLike<number>): string;
