export * from './metrics.js';
export * from './backtest/index.js';
