/**
 * Numerical statistics every layer above may use: classification metrics, isotonic regression
 * and the logistic link. Depends on nothing else in churnkit.
 */
export * from './isotonic.js';
export * from './logistic.js';
export * from './metrics.js';
