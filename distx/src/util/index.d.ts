/** Helpers with no churnkit dependency: errors, atomic writes, progress, dates, random numbers, version. */
export * from './atomic.js';
export * from './dates.js';
export * from './errors.js';
export * from './progress.js';
export * from './rng.js';
export * from './serial.js';
export { VERSION } from './version.js';
export * from './outputs.js';
export * from './checksum.js';
export * from './json.js';
export * from './csv.js';
export * from './numbers.js';
