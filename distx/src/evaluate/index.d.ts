export * from './backtest/index.js';
