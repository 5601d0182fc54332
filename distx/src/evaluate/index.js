export * from './backtest/index.js';
//# sourceMappingURL=index.js.map